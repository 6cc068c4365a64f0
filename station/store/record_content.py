"""What a reading's and a visit's audit hash covers (issue 12), defined once: the station
hashes a record with these functions when it changes it, and ``audit verify`` hashes the
stored rows with the same functions to find a record changed behind the station's back.

The content is every column that says what the record is, who made it and what became of
it. Left out is upload bookkeeping that the uploader changes without a person acting (the
Encounter's server id, the upload lease): auditing every lease would flood the trail, and
what was uploaded is kept in the outbox. A reading's content includes its findings (without
their surrogate ids, which a correction renews).

Each value is normalised to its stored form (``str``, ``int``, ``bool``, aware UTC time), so
a row in the session that just wrote it and the same row read back later hash alike, on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from station.audit import record_hash
from station.store.finding_rows import FINDING_COLUMNS
from station.store.models import FindingRow, ReadingRow, VisitRow

__all__ = [
    "READING",
    "VISIT",
    "reading_content",
    "reading_hash",
    "reading_values_content",
    "reading_values_hash",
    "visit_content",
    "visit_hash",
]

READING = "reading"
VISIT = "visit"


def _time(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive UTC before the type decorator runs
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def visit_content(row: VisitRow) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "station_id": str(row.station_id),
        "queue_number": int(row.queue_number),
        "nik": str(row.nik),
        "name": str(row.name),
        "birth_date": row.birth_date.isoformat() if row.birth_date is not None else None,
        "status": str(row.status),
        "started_at": _time(row.started_at),
        "confirmed_at": _time(row.confirmed_at),
        "rule_set": str(row.rule_set),
        "rule_set_version": str(row.rule_set_version),
        "referral": _text(row.referral),
        "acknowledged_action": _text(row.acknowledged_action),
        "acknowledged_note": _text(row.acknowledged_note),
        "acknowledged_at": _time(row.acknowledged_at),
        "early_confirm_reason": _text(row.early_confirm_reason),
        "revision": _int(row.revision) or 1,  # None: a new row before its server default
        "corrected_at": _time(row.corrected_at),
        "started_by": _int(row.started_by),
        "confirmed_by": _int(row.confirmed_by),
        "acknowledged_by": _int(row.acknowledged_by),
        "cancelled_by": _int(row.cancelled_by),
        "purged_at": _time(row.purged_at),
    }


def _finding(row: Mapping[str, Any]) -> dict[str, str | None]:
    """A finding's content. The message key, its parameters and the rule set (migration
    0007) count only when there is a key: a row stored before has none, and its content,
    hence the hash in its audit entry, stays what it was."""
    content: dict[str, str | None] = {
        "parameter": str(row["parameter"]),
        "severity": str(row["severity"]),
        "code": str(row["code"]),
        "message_id": str(row["message_id"]),
        "message_en": str(row["message_en"]),
    }
    if row["message_key"] is not None:
        content["message_key"] = str(row["message_key"])
        content["message_params"] = _text(row["message_params"])
        content["rule_set"] = _text(row["rule_set"])
        content["rule_set_version"] = _text(row["rule_set_version"])
    return content


_READING_COLUMNS = (
    "id",
    "visit_id",
    "sequence",
    "kind",
    "device_id",
    "device_label",
    "simulated",
    "source",
    "raw",
    "decoded_json",
    "received_at",
    "valid",
    "discarded_reason",
    "discarded_at",
    "revision",
    "operator_id",
    "discarded_by",
)


def reading_values_content(
    row: Mapping[str, Any], findings: Iterable[Mapping[str, Any]]
) -> dict[str, Any]:
    """A reading's content from its column values (what an insert writes), so a reading
    written with SQLAlchemy Core is hashed without building ORM rows. ``row`` holds every
    column of ``readings``; ``findings`` every column of ``findings`` but the ids."""
    return {
        "id": str(row["id"]),
        "visit_id": str(row["visit_id"]),
        "sequence": int(row["sequence"]),
        "kind": str(row["kind"]),
        "device_id": str(row["device_id"]),
        "device_label": str(row["device_label"]),
        "simulated": bool(row["simulated"]),
        "source": str(row["source"]),
        "raw": bytes(row["raw"]),
        "decoded_json": str(row["decoded_json"]),
        "received_at": _time(row["received_at"]),
        "valid": bool(row["valid"]),
        "discarded_reason": _text(row["discarded_reason"]),
        "discarded_at": _time(row["discarded_at"]),
        "revision": _int(row["revision"]) or 1,  # None: a new row before its server default
        "operator_id": _int(row["operator_id"]),
        "discarded_by": _int(row["discarded_by"]),
        "findings": sorted(
            (_finding(f) for f in findings),
            key=lambda f: (
                str(f["parameter"]),
                str(f["code"]),
                str(f["severity"]),
                str(f["message_id"]),
            ),
        ),
    }


def reading_content(row: ReadingRow, findings: Iterable[FindingRow]) -> dict[str, Any]:
    """``findings``: the reading's finding rows (passed in, so a caller that has just added
    them need not load the relationship)."""
    return reading_values_content(
        {name: getattr(row, name) for name in _READING_COLUMNS},
        ({name: getattr(f, name) for name in FINDING_COLUMNS} for f in findings),
    )


def visit_hash(row: VisitRow) -> str:
    return record_hash(visit_content(row))


def reading_hash(row: ReadingRow, findings: Iterable[FindingRow]) -> str:
    return record_hash(reading_content(row, findings))


def reading_values_hash(row: Mapping[str, Any], findings: Iterable[Mapping[str, Any]]) -> str:
    return record_hash(reading_values_content(row, findings))
