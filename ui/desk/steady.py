"""Layout that does not move (issue 11): a widget that hides keeps its space."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

__all__ = ["keep_space_when_hidden"]


def keep_space_when_hidden(widget: QWidget) -> None:
    """Hiding ``widget`` leaves its space, so nothing around it moves."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
