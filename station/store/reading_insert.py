"""One reading written with SQLAlchemy Core (issue 14): the visit's row locked and read, then
the reading, its findings (one executemany), its outbox entry and its audit entry inserted,
all in the caller's transaction.

The ORM's unit of work cost more than the durable commit itself (flushes, a refresh and a
read of the findings back to hash them): here the reading is hashed from the values
written, which hash as a later read of them does (``record_content`` normalises both).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select

from station.audit import Actor, AuditAction
from station.store import audit
from station.store.models import FindingRow, OutboxRow, OutboxStatus, ReadingRow, VisitRow
from station.store.record_content import READING, reading_values_hash

__all__ = ["VisitState", "lock_visit", "write_reading"]

_VISITS = cast(Table, VisitRow.__table__)
_READINGS = cast(Table, ReadingRow.__table__)
_FINDINGS = cast(Table, FindingRow.__table__)
_OUTBOX = cast(Table, OutboxRow.__table__)

# FOR UPDATE: on PostgreSQL a second writer to the same visit waits here (SQLite has one
# writer anyway). The readings are counted by a second statement, after the lock, so that
# under READ COMMITTED it sees what the transaction that held the lock committed.
_LOCK_VISIT = (
    select(
        _VISITS.c.status,
        _VISITS.c.station_id,
        _VISITS.c.rule_set,
        _VISITS.c.rule_set_version,
        _VISITS.c.revision,
    )
    .where(_VISITS.c.id == bindparam("visit_id"))
    .with_for_update()
)
_COUNT_READINGS = select(
    func.max(_READINGS.c.sequence),
    func.count(),
    func.count(_READINGS.c.discarded_reason),
).where(_READINGS.c.visit_id == bindparam("visit_id"))
_ADD_READING = insert(_READINGS)
_ADD_FINDINGS = insert(_FINDINGS)
_ADD_OUTBOX = insert(_OUTBOX)


@dataclass(frozen=True, slots=True)
class VisitState:
    """The visit as the transaction found it under its row lock: enough to number the new
    reading and to tell whether a caller's copy of the visit is still the stored one."""

    status: str
    station_id: str
    rule_set: str
    rule_set_version: str
    revision: int
    last_sequence: int  # 0: no reading yet
    readings: int
    discarded: int


def lock_visit(connection: Connection, visit_id: str) -> VisitState | None:
    """Lock the visit's row and read its state; None if there is no such visit."""
    row = connection.execute(_LOCK_VISIT, {"visit_id": visit_id}).one_or_none()
    if row is None:
        return None
    last, readings, discarded = connection.execute(_COUNT_READINGS, {"visit_id": visit_id}).one()
    return VisitState(
        status=str(row.status),
        station_id=str(row.station_id),
        rule_set=str(row.rule_set),
        rule_set_version=str(row.rule_set_version),
        revision=int(row.revision),
        last_sequence=int(last or 0),
        readings=int(readings),
        discarded=int(discarded),
    )


def write_reading(
    connection: Connection,
    reading: Mapping[str, Any],
    findings: Sequence[Mapping[str, Any]],
    *,
    station_id: str,
    actor: Actor,
) -> None:
    """Insert ``reading`` (every column of ``readings``), its ``findings`` (every column but
    the id), an outbox entry if it is valid, and its audit entry, last (the chain's head is
    the lock every desk shares: held for the shortest time)."""
    connection.execute(_ADD_READING, dict(reading))
    if findings:
        connection.execute(_ADD_FINDINGS, [dict(f) for f in findings])
    if reading["valid"]:
        connection.execute(
            _ADD_OUTBOX,
            {
                "reading_id": reading["id"],
                "visit_id": reading["visit_id"],
                "status": OutboxStatus.PENDING.value,
                "attempts": 0,
                "created_at": reading["received_at"],
                "updated_at": reading["received_at"],
                "amendment": 0,
            },
        )
    audit.append_entry(
        connection,
        station_id=station_id,
        actor=actor,
        action=AuditAction.RECORDED_READING,
        at=reading["received_at"],
        record_kind=READING,
        record_id=reading["id"],
        record_hash=reading_values_hash(reading, findings),
        detail={
            "kind": reading["kind"],
            "valid": bool(reading["valid"]),
            "source": reading["source"],
        },
    )
