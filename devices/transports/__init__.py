"""Transports: the only code that touches ports and radios. They move bytes, nothing more."""
