"""The parts of the operator's desk window, one module each, composed by ui.operator_window."""
