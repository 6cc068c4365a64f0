"""Giving widgets object names (tests and style sheets find them by name)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

__all__ = ["named"]

_W = TypeVar("_W", bound=QObject)


def named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget
