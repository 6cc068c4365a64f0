"""Operators and their roles (issue 12), the rules only: pure, table-tested.

Roles (issue 12): a health worker runs visits and sees today's people; a supervisor also
corrects visits, handles dead letters, sees history and the follow-up list, and exports; an
admin also manages operators, settings and devices. A PIN or password is personal: at least
``MIN_SECRET_LENGTH`` characters (a 6-digit PIN at least), never a default. After
``LOCK_AFTER_FAILURES`` wrong attempts in a row the operator is locked for ``LOCK_MINUTES``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum

from station.checks.messages import Params, ParamValue, check_params, texts
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
    English as the exception's text, in Bahasa Indonesia as ``message_id``; mind the order:
    English first). ``key`` and ``params``: the message as a catalogue key for the screens
    to render in their language (None: words only)."""

    def __init__(
        self,
        field: str,
        message: str,
        message_id: str,
        *,
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.message_en = message
        self.message_id = message_id
        self.key = key
        self.params = params if params is not None else Params()

    @classmethod
    def of(
        cls, field: str, key: str, params: Mapping[str, ParamValue] | None = None
    ) -> OperatorError:
        """The error with its words from the catalogue (``MessageError`` on a bad key)."""
        kept = check_params(key, params or {})
        message_id, message_en = texts(key, kept)
        return cls(field, message_en, message_id, key=key, params=kept)


def validate_operator(
    name: str, role: str, practitioner_nik: str, secret: str
) -> tuple[str, Role, str]:
    """The cleaned name, the role and the practitioner's NIK, or ``OperatorError``."""
    clean = " ".join(name.split())
    if not clean:
        raise OperatorError.of("name", "operator.name_empty")
    if len(clean) > NAME_LIMIT:
        raise OperatorError.of("name", "operator.name_too_long", {"limit": NAME_LIMIT})
    try:
        chosen = Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise OperatorError.of(
            "role", "operator.unknown_role", {"role": role, "roles": roles}
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
        raise OperatorError.of(
            "practitioner_nik",
            "operator.practitioner_nik",
            {"problem_id": exc.message_id, "problem_en": exc.message_en},
        ) from exc


def validate_secret(secret: str) -> None:
    """Nothing, or ``OperatorError`` for the ``pin`` field: a PIN or password may not be
    empty, shorter than ``MIN_SECRET_LENGTH``, longer than ``MAX_SECRET_LENGTH`` or one
    character repeated."""
    if not secret:
        raise OperatorError.of("pin", "operator.pin_empty")
    if len(secret) < MIN_SECRET_LENGTH:
        raise OperatorError.of("pin", "operator.pin_too_short", {"limit": MIN_SECRET_LENGTH})
    if len(secret) > MAX_SECRET_LENGTH:
        raise OperatorError.of("pin", "operator.pin_too_long", {"limit": MAX_SECRET_LENGTH})
    if len(set(secret)) == 1:
        raise OperatorError.of("pin", "operator.pin_repeated")


def locked_until(failures: int, now: datetime) -> datetime | None:
    """When an operator with ``failures`` wrong attempts in a row may try again (None: now)."""
    if failures < LOCK_AFTER_FAILURES:
        return None
    return now + timedelta(minutes=LOCK_MINUTES)
