"""The operator window's parts, one module each (docs/design.md section 2)."""
