"""The settings' error, apart from the settings model: the command line catches it without
importing pydantic (``decode`` starts in a fraction of a second, issue 14)."""

from __future__ import annotations

__all__ = ["SettingsError"]


class SettingsError(Exception):
    """The settings file or an override is wrong; the message says where and how."""
