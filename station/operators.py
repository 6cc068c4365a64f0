"""Operators and their roles (issue 12), the rules only: pure, table-tested.

Roles (issue 12): a health worker runs visits and sees today's people; a supervisor also
corrects visits, handles dead letters, sees history and the follow-up list, and exports; an
admin also manages operators, settings and devices. A PIN or password is personal: at least
``MIN_SECRET_LENGTH`` characters (a 6-digit PIN at least), never a default. After
``LOCK_AFTER_FAILURES`` wrong attempts in a row the operator is locked for ``LOCK_MINUTES``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from station.person import PersonError, validate_nik

__all__ = [
    "LOCK_AFTER_FAILURES",
    "LOCK_MINUTES",
    "MIN_SECRET_LENGTH",
    "OperatorError",
    "Role",
    "locked_until",
    "validate_operator",
    "validate_practitioner_nik",
    "validate_secret",
]

MIN_SECRET_LENGTH = 6
MAX_SECRET_LENGTH = 128
LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 5
NAME_LIMIT = 80


class Role(StrEnum):
    HEALTH_WORKER = "health_worker"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class OperatorError(ValueError):
    """An operator's details are wrong; ``field`` names which, the message says why (in
    English as the exception's text, in Bahasa Indonesia as ``message_id``)."""

    def __init__(self, field: str, message: str, message_id: str) -> None:
        super().__init__(message)
        self.field = field
        self.message_en = message
        self.message_id = message_id


def validate_operator(
    name: str, role: str, practitioner_nik: str, secret: str
) -> tuple[str, Role, str]:
    """The cleaned name, the role and the practitioner's NIK, or ``OperatorError``."""
    clean = " ".join(name.split())
    if not clean:
        raise OperatorError("name", "the operator's name is empty", "Nama petugas kosong.")
    if len(clean) > NAME_LIMIT:
        raise OperatorError(
            "name",
            f"the operator's name is longer than {NAME_LIMIT} characters",
            f"Nama petugas lebih dari {NAME_LIMIT} karakter.",
        )
    try:
        chosen = Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise OperatorError(
            "role", f"unknown role {role!r}: one of {roles}", f"Peran tidak dikenal: {roles}."
        ) from None
    nik = validate_practitioner_nik(practitioner_nik)
    validate_secret(secret)
    return clean, chosen, nik


def validate_practitioner_nik(practitioner_nik: str) -> str:
    """The operator's own NIK (SATUSEHAT finds their Practitioner by it), cleaned, or
    ``OperatorError`` for the ``practitioner_nik`` field."""
    try:
        return validate_nik(practitioner_nik)
    except PersonError as exc:
        raise OperatorError(
            "practitioner_nik",
            f"practitioner NIK: {exc.message_en}",
            f"NIK tenaga kesehatan: {exc.message_id}",
        ) from exc


def validate_secret(secret: str) -> None:
    """Nothing, or ``OperatorError`` for the ``pin`` field: a PIN or password may not be
    empty, shorter than ``MIN_SECRET_LENGTH``, longer than ``MAX_SECRET_LENGTH`` or one
    character repeated."""
    if not secret:
        raise OperatorError("pin", "the PIN or password is empty", "PIN atau kata sandi kosong.")
    if len(secret) < MIN_SECRET_LENGTH:
        raise OperatorError(
            "pin",
            f"the PIN or password must have at least {MIN_SECRET_LENGTH} characters",
            f"PIN atau kata sandi minimal {MIN_SECRET_LENGTH} karakter.",
        )
    if len(secret) > MAX_SECRET_LENGTH:
        raise OperatorError(
            "pin",
            f"the PIN or password must have at most {MAX_SECRET_LENGTH} characters",
            f"PIN atau kata sandi maksimal {MAX_SECRET_LENGTH} karakter.",
        )
    if len(set(secret)) == 1:
        raise OperatorError(
            "pin",
            "the PIN or password must not be one character repeated",
            "PIN atau kata sandi tidak boleh satu karakter yang diulang.",
        )


def locked_until(failures: int, now: datetime) -> datetime | None:
    """When an operator with ``failures`` wrong attempts in a row may try again (None: now)."""
    if failures < LOCK_AFTER_FAILURES:
        return None
    return now + timedelta(minutes=LOCK_MINUTES)
