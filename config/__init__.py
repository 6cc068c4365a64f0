"""Settings schema, the default settings file, device and rule-set catalogues."""
