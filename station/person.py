"""The person being measured: NIK, name, birth date, each validated with a clear message.

Messages come in Bahasa Indonesia and English because the operator may use either.
Deeper NIK checks (the date-of-birth part, region codes) belong to issue 4's rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["NIK_LENGTH", "Person", "PersonError", "mask_name", "mask_nik", "validate_person"]

NIK_LENGTH = 16
NAME_MAX_LENGTH = 200
_NIK_SEPARATORS = re.compile(r"[\s.-]")


class PersonError(ValueError):
    """A person's details are wrong; ``field`` names which, the message says why."""

    def __init__(self, field: str, message_id: str, message_en: str) -> None:
        super().__init__(message_en)
        self.field = field
        self.message_id = message_id
        self.message_en = message_en


@dataclass(frozen=True, slots=True)
class Person:
    nik: str
    name: str
    birth_date: date | None


def normalise_nik(text: str) -> str:
    """The NIK with spaces, dots and dashes removed (as people often type it)."""
    return _NIK_SEPARATORS.sub("", text)


def validate_nik(text: str) -> str:
    nik = normalise_nik(text)
    if not nik:
        raise PersonError("nik", "NIK wajib diisi.", "NIK is required.")
    if not nik.isascii() or not nik.isdigit():
        raise PersonError(
            "nik",
            "NIK hanya boleh berisi angka.",
            "NIK must contain digits only.",
        )
    if len(nik) != NIK_LENGTH:
        raise PersonError(
            "nik",
            f"NIK harus 16 digit; yang diketik {len(nik)} digit.",
            f"NIK must have 16 digits; {len(nik)} were entered.",
        )
    return nik


def validate_person(nik: str, name: str, birth_date: date | None, *, today: date) -> Person:
    """Check what the operator typed; raises ``PersonError`` for the first problem."""
    checked_nik = validate_nik(nik)
    clean_name = " ".join(name.split())
    if not clean_name:
        raise PersonError("name", "Nama wajib diisi.", "Name is required.")
    if len(clean_name) > NAME_MAX_LENGTH:
        raise PersonError(
            "name",
            f"Nama terlalu panjang (maksimal {NAME_MAX_LENGTH} huruf).",
            f"Name is too long (at most {NAME_MAX_LENGTH} characters).",
        )
    if birth_date is not None and birth_date > today:
        raise PersonError(
            "birth_date",
            "Tanggal lahir tidak boleh di masa depan.",
            "Birth date cannot be in the future.",
        )
    return Person(nik=checked_nik, name=clean_name, birth_date=birth_date)


def mask_nik(nik: str) -> str:
    """For logs: region code kept, the personal part hidden (``3174**********``)."""
    return nik[:4] + "*" * max(len(nik) - 4, 0)


def mask_name(name: str) -> str:
    """For logs: initials only."""
    return " ".join(part[0] + "." for part in name.split() if part) or "?"
