"""The one error a codec raises: the payload is not what the profile says it must be."""

from __future__ import annotations

__all__ = ["DecodeError"]


class DecodeError(ValueError):
    """A payload cannot be decoded; the message says which profile and what was wrong."""
