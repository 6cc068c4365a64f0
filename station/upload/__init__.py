"""Uploading stored results to SATUSEHAT: the per-visit uploader and the sync loop."""
