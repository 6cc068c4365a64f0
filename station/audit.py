"""The audit trail's rules (issue 12), pure: what an entry says, how it is hashed, and who
an actor is.

Each entry's hash covers its own content and the previous entry's hash (a chain starting at
``GENESIS_HASH``), so an entry changed, inserted or deleted anywhere breaks every hash after
it. An entry that creates or changes a reading or a visit also carries ``record_hash``, the
hash of that record's content after the change, so a record edited behind the station's
back no longer matches its last entry. Hashes are SHA-256 over canonical JSON (sorted keys,
no spaces, UTF-8), the same bytes on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

__all__ = [
    "GENESIS_HASH",
    "Actor",
    "AuditAction",
    "canonical_json",
    "entry_hash",
    "record_hash",
]

GENESIS_HASH = "0" * 64


class AuditAction(StrEnum):
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGNED_OUT = "signed_out"
    LOCKED = "locked"
    UNLOCKED = "unlocked"
    VIEWED_HISTORY = "viewed_history"
    VIEWED_FOLLOWUPS = "viewed_followups"
    STARTED_VISIT = "started_visit"
    RECORDED_READING = "recorded_reading"
    DISCARDED_READING = "discarded_reading"
    CONFIRMED = "confirmed"
    ACKNOWLEDGED = "acknowledged"
    CANCELLED = "cancelled"
    CORRECTED = "corrected"
    EXPORTED = "exported"
    RETRIED_UPLOAD = "retried_upload"
    PURGED = "purged"
    OPERATOR_ADDED = "operator_added"
    OPERATOR_DISABLED = "operator_disabled"
    OPERATOR_NIK_CHANGED = "operator_nik_changed"  # the practitioner NIK (never in the entry)
    OPERATOR_PIN_SET = "operator_pin_set"  # a new PIN set by someone else; clears a lockout
    BACKED_UP = "backed_up"
    RESTORED = "restored"
    REKEYED = "rekeyed"
    BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a signed-in operator (``operator_id``), or an OS account on the command line
    (``operator_id`` None, ``name`` "os:alice"). ``name`` is kept in the entry as it was."""

    operator_id: int | None
    name: str

    @classmethod
    def os_account(cls, user: str) -> Actor:
        return cls(None, f"os:{user or 'unknown'}")

    @classmethod
    def desk(cls, station_id: str) -> Actor:
        """The desk itself, for what happens there with no operator known (a sign-in under
        a name no operator has)."""
        return cls(None, f"desk:{station_id}")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("audit times must be timezone-aware")
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def canonical_json(content: Mapping[str, Any]) -> str:
    """The one text that is hashed: sorted keys, no spaces, times in UTC with microseconds."""
    return json.dumps(_plain(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_hash(content: Mapping[str, Any]) -> str:
    """The hash of a reading's or visit's content (the columns that say what it is)."""
    return _sha256(canonical_json(content))


def entry_hash(previous_hash: str, fields: Mapping[str, Any]) -> str:
    """The hash of an entry: its fields (everything but the two hashes) after the previous
    entry's hash."""
    return _sha256(previous_hash + "\n" + canonical_json(fields))
