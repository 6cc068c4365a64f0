"""Appending to the audit log (issue 12), inside the caller's transaction, so an action and
its entry are committed together or not at all.

Appends are serialised by updating the single ``audit_head`` row first: on PostgreSQL that
takes the row's lock until the transaction ends (a second desk waits, then reads the new
head), on SQLite the write lock; so desks sharing one database keep one chain, never a fork.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from station.audit import Actor, AuditAction, entry_hash
from station.store.database import Database
from station.store.models import AuditEntryRow, AuditHeadRow, FindingRow, ReadingRow, VisitRow
from station.store.record_content import READING, VISIT, reading_hash, visit_hash

__all__ = [
    "append",
    "append_entry",
    "append_reading",
    "append_visit",
    "entry_fields",
    "record_alone",
    "serialise",
]


def entry_fields(row: AuditEntryRow) -> dict[str, Any]:
    """What an entry's hash covers: every column but the two hashes."""
    return {
        "sequence": row.sequence,
        "at": row.at,
        "station_id": row.station_id,
        "operator_id": row.operator_id,
        "actor": row.actor,
        "action": row.action,
        "record_kind": row.record_kind,
        "record_id": row.record_id,
        "record_hash": row.record_hash,
        "detail": json.loads(row.detail_json),
    }


def serialise(session: Session) -> None:
    """Take the chain's head lock now (held until the transaction ends): for a check that
    must not race another desk's, such as "is this the first operator?"."""
    session.execute(
        update(AuditHeadRow).where(AuditHeadRow.id == 1).values(sequence=AuditHeadRow.sequence)
    )


_HEAD = cast(Table, AuditHeadRow.__table__)
_LOG = cast(Table, AuditEntryRow.__table__)
# Taking the head: the update locks the row (PostgreSQL: until the transaction ends, a
# second desk waits and then gets the row as the first left it; SQLite: the write lock), and
# its RETURNING hands back the new sequence and the previous entry's hash in one statement.
# The hash is never taken from memory: another desk may have appended since.
_TAKE_HEAD = (
    update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(sequence=_HEAD.c.sequence + 1)
    .returning(_HEAD.c.sequence, _HEAD.c.entry_hash)
)
_SET_HEAD = update(_HEAD).where(_HEAD.c.id == 1).values(entry_hash=bindparam("entry_hash"))
_ADD_ENTRY = insert(_LOG)


def append_entry(
    connection: Connection,
    *,
    station_id: str,
    actor: Actor,
    action: AuditAction,
    at: datetime,
    record_kind: str | None = None,
    record_id: str | None = None,
    record_hash: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> str:
    """Add one entry after the chain's head with SQLAlchemy Core, inside the transaction of
    ``connection``; returns the entry's hash. Call it after the transaction's other writes,
    so the head is the last lock taken and held for the shortest time."""
    sequence, previous = connection.execute(_TAKE_HEAD).one()
    detail_json = json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False)
    fields: dict[str, Any] = {
        "sequence": sequence,
        "at": at,
        "station_id": station_id,
        "operator_id": actor.operator_id,
        "actor": actor.name,
        "action": str(action),
        "record_kind": record_kind,
        "record_id": record_id,
        "record_hash": record_hash,
        "detail": json.loads(detail_json),  # as ``entry_fields`` reads it back
    }
    digest = entry_hash(previous, fields)
    row = {key: value for key, value in fields.items() if key != "detail"}
    connection.execute(
        _ADD_ENTRY,
        {**row, "detail_json": detail_json, "previous_hash": previous, "entry_hash": digest},
    )
    connection.execute(_SET_HEAD, {"entry_hash": digest})
    return digest


def append(
    session: Session,
    *,
    station_id: str,
    actor: Actor,
    action: AuditAction,
    at: datetime,
    record_kind: str | None = None,
    record_id: str | None = None,
    record_hash: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> str:
    """Add one entry after the chain's head; returns its hash. ``detail`` must hold no
    personal data (no NIK, no name): ids, counts, reasons chosen from a list."""
    session.flush()  # the caller's changes first, so the head update is the last lock taken
    return append_entry(
        session.connection(),
        station_id=station_id,
        actor=actor,
        action=action,
        at=at,
        record_kind=record_kind,
        record_id=record_id,
        record_hash=record_hash,
        detail=detail,
    )


def append_visit(
    session: Session,
    row: VisitRow,
    *,
    actor: Actor,
    action: AuditAction,
    at: datetime,
    detail: Mapping[str, Any] | None = None,
) -> str:
    """An entry for a visit the caller has just created or changed, with the visit's content
    hash as it now stands (flushed first, so the hash is of what the database holds)."""
    session.flush()
    session.refresh(row)
    return append(
        session,
        station_id=row.station_id,
        actor=actor,
        action=action,
        at=at,
        record_kind=VISIT,
        record_id=row.id,
        record_hash=visit_hash(row),
        detail=detail,
    )


def append_reading(
    session: Session,
    row: ReadingRow,
    *,
    station_id: str,
    actor: Actor,
    action: AuditAction,
    at: datetime,
    detail: Mapping[str, Any] | None = None,
) -> str:
    """An entry for a reading just stored or changed, hashed with its findings as stored."""
    session.flush()
    session.refresh(row)
    findings = session.scalars(select(FindingRow).where(FindingRow.reading_id == row.id)).all()
    return append(
        session,
        station_id=station_id,
        actor=actor,
        action=action,
        at=at,
        record_kind=READING,
        record_id=row.id,
        record_hash=reading_hash(row, findings),
        detail=detail,
    )


def record_alone(
    database: Database,
    *,
    station_id: str,
    actor: Actor,
    action: AuditAction,
    at: datetime,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """An entry for something that changes no record (a view, an export, a sign-in), in
    its own transaction."""
    with database.sessions.begin() as session:
        append(session, station_id=station_id, actor=actor, action=action, at=at, detail=detail)
