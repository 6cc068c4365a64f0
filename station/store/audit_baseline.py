"""The audit trail's starting point for data stored before it existed (issue 12).

Migration 0006 added the audit log to databases that may already hold visits. Since then
every write appends its entry, so a record without an entry means an insertion behind the
station's back; the records from before get one ``baseline`` entry each, once, when the
chain is still empty. The check and the entries are one transaction that holds the head
row's lock, so two processes starting together baseline once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import selectinload

from station.audit import Actor, AuditAction
from station.store import audit
from station.store.database import Database
from station.store.models import AuditHeadRow, ReadingRow, VisitRow
from station.store.record_content import READING, VISIT, reading_hash, visit_hash

__all__ = ["baseline_unaudited"]


def baseline_unaudited(database: Database, *, actor: Actor, now: datetime) -> int:
    """Give each reading and visit stored before the audit log its baseline entry when the
    chain is empty; how many entries were written (0 almost always)."""
    with database.sessions() as session:
        head = session.get(AuditHeadRow, 1)
        if head is None or head.sequence != 0:
            return 0
        if session.scalar(select(VisitRow.id).limit(1)) is None:
            return 0
    written = 0
    with database.sessions.begin() as session:
        taken = session.execute(
            update(AuditHeadRow)
            .where(AuditHeadRow.id == 1, AuditHeadRow.sequence == 0)
            .values(sequence=0)
        )
        if cast(CursorResult[Any], taken).rowcount != 1:
            return 0  # another process began the chain meanwhile
        visits = session.scalars(
            select(VisitRow)
            .options(selectinload(VisitRow.readings).selectinload(ReadingRow.findings))
            .order_by(VisitRow.started_at, VisitRow.id)
        ).all()
        for visit in visits:
            records = [(VISIT, visit.id, visit_hash(visit))] + [
                (READING, r.id, reading_hash(r, r.findings)) for r in visit.readings
            ]
            for kind, record_id, content_hash in records:
                audit.append(
                    session,
                    station_id=visit.station_id,
                    actor=actor,
                    action=AuditAction.BASELINE,
                    at=now,
                    record_kind=kind,
                    record_id=record_id,
                    record_hash=content_hash,
                )
                written += 1
    return written
