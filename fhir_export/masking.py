"""Masking personal data for log lines and operator messages.

One rule for the whole station (``station.person`` re-exports it): a NIK keeps only its first
four digits, the province and regency codes, and hides the rest, including the date of birth
(digits 7-12) and the sex it encodes (``docs/reference/satusehat.md`` 1.4 for the NIK as
the Patient and Practitioner identifier). Shorter, malformed values are hidden completely.
"""

from __future__ import annotations

__all__ = ["mask_nik"]

NIK_LENGTH = 16
_KEPT_DIGITS = 4


def mask_nik(nik: str) -> str:
    """``3174015507850002`` -> ``3174************``; anything not 16 characters long is
    all stars (a truncated NIK must not show most of its digits)."""
    if len(nik) != NIK_LENGTH:
        return "*" * max(len(nik), NIK_LENGTH)
    return nik[:_KEPT_DIGITS] + "*" * (NIK_LENGTH - _KEPT_DIGITS)
