"""What the desk's operators tab gets back from the station (issue 12: the admin manages
operators): the operators as they are after a change, which change it was and whom it
concerned; and the store's refusals as the ``StationError`` the desk shows beside the form.

The rules themselves are ``station.operators`` (details) and ``station.roles`` (only an
admin); the store (``station.store.operators``) does the I/O and the audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from station.errors import ErrorCode, StationError
from station.operators import OperatorError
from station.store.operators import Operator, OperatorStoreError

__all__ = ["OperatorChange", "OperatorList", "operator_refusal", "self_disable_refused"]


class OperatorChange(StrEnum):
    LISTED = "listed"  # nothing changed: the list as asked for
    ADDED = "added"
    DISABLED = "disabled"
    NIK_CHANGED = "nik_changed"
    PIN_SET = "pin_set"


@dataclass(frozen=True, slots=True)
class OperatorList:
    """Every operator (the built-in demo operator too, marked ``builtin``) after ``change``
    to ``changed`` (None when only listed)."""

    operators: tuple[Operator, ...]
    change: OperatorChange = OperatorChange.LISTED
    changed: Operator | None = None


def operator_refusal(exc: OperatorError | OperatorStoreError) -> StationError:
    """The refusal in both languages, with the field it concerns."""
    return StationError.wrapping(ErrorCode.INVALID_OPERATOR, exc, field=exc.field)


def self_disable_refused() -> StationError:
    """An admin may not disable the account they are signed in with: nothing re-enables an
    account, and a clinic with one admin would have none left at the desk."""
    return StationError.of(ErrorCode.INVALID_OPERATOR, "operator.self_disable", field="name")
