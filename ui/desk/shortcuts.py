"""Keyboard shortcuts shown on the buttons they press (keyboard-first desk, issue 11)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton

__all__ = ["with_shortcut"]


def with_shortcut(button: QAbstractButton, text: str, key: str) -> None:
    """Label ``button`` with ``text`` and its key, and make the key press it (window-wide,
    only while the button is enabled, as Qt does for a button's own shortcut)."""
    sequence = QKeySequence(key)
    button.setText(f"{text}  [{sequence.toString(QKeySequence.SequenceFormat.NativeText)}]")
    button.setShortcut(sequence)
