"""Parts of the operator desk window, one module each (docs/design.md, section 2)."""
