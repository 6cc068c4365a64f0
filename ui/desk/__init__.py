"""Parts of the operator's desk, one module each (docs/design.md section 2)."""
