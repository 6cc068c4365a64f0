"""The operator desk, one module per part of the window (docs/design.md section 2)."""
