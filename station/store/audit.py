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
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from station.audit import Actor, AuditAction, entry_hash
from station.store.models import AuditEntryRow, AuditHeadRow

__all__ = ["append", "entry_fields"]


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
) -> AuditEntryRow:
    """Add one entry after the chain's head. ``detail`` must hold no personal data (no NIK,
    no name): ids, counts, reasons chosen from a list."""
    session.flush()  # the caller's changes first, so the head update is the last lock taken
    sequence = session.execute(
        update(AuditHeadRow)
        .where(AuditHeadRow.id == 1)
        .values(sequence=AuditHeadRow.sequence + 1)
        .returning(AuditHeadRow.sequence)
    ).scalar_one()
    previous = session.execute(
        select(AuditHeadRow.entry_hash).where(AuditHeadRow.id == 1)
    ).scalar_one()
    row = AuditEntryRow(
        sequence=sequence,
        at=at,
        station_id=station_id,
        operator_id=actor.operator_id,
        actor=actor.name,
        action=str(action),
        record_kind=record_kind,
        record_id=record_id,
        record_hash=record_hash,
        detail_json=json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
        previous_hash=previous,
    )
    row.entry_hash = entry_hash(previous, entry_fields(row))
    session.add(row)
    session.execute(
        update(AuditHeadRow).where(AuditHeadRow.id == 1).values(entry_hash=row.entry_hash)
    )
    session.flush()
    return row
