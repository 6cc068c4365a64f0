"""Removing personal data of visits kept long enough after upload (issue 12), audited.

The rule is ``station.retention``; here the store finds the candidates with one query, then
purges each visit in its own transaction with its audit entry: the NIK, name and birth date
are blanked and ``purged_at`` set, and the patient's cached IHS number is dropped once no
unpurged visit of that NIK is left. Each visit is re-checked inside its transaction (a
correction or a new outbox entry may have come in since the query), so unsent data is never
touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from station.audit import Actor, AuditAction
from station.retention import purge_cutoff, purgeable
from station.store import audit
from station.store.database import Database
from station.store.models import IhsNumberRow, OutboxRow, VisitRow, VisitStatus
from station.store.record_content import VISIT, visit_hash

__all__ = ["PURGED_NIK", "PurgeReport", "purge_personal_data"]

# What a purged visit's NIK column holds (the column is NOT NULL; no NIK is empty).
PURGED_NIK = ""


@dataclass
class PurgeReport:
    cutoff: datetime
    visits: list[str] = field(default_factory=list)


def _outbox(session: Session, visit_id: str) -> tuple[list[str], datetime | None]:
    rows = session.execute(
        select(OutboxRow.status, OutboxRow.sent_at).where(OutboxRow.visit_id == visit_id)
    ).all()
    sent = [row.sent_at for row in rows if row.sent_at is not None]
    return [row.status for row in rows], max(sent) if sent else None


def _candidates(session: Session, cutoff: datetime) -> list[str]:
    """Visits that may be purgeable (re-checked one by one): unpurged, closed long enough."""
    unsent = select(OutboxRow.visit_id).where(OutboxRow.status != "sent").scalar_subquery()
    last_sent = (
        select(OutboxRow.visit_id)
        .group_by(OutboxRow.visit_id)
        .having(func.max(OutboxRow.sent_at) <= cutoff)
        .scalar_subquery()
    )
    confirmed = (
        (VisitRow.status == VisitStatus.CONFIRMED)
        & VisitRow.id.in_(last_sent)
        & VisitRow.id.not_in(unsent)
    )
    cancelled = (VisitRow.status == VisitStatus.CANCELLED) & (VisitRow.started_at <= cutoff)
    query = (
        select(VisitRow.id)
        .where(VisitRow.purged_at.is_(None), confirmed | cancelled)
        .order_by(VisitRow.started_at)
    )
    return list(session.scalars(query))


def _purge_one(
    session: Session,
    visit_id: str,
    *,
    cutoff: datetime,
    now: datetime,
    actor: Actor,
    station_id: str,
) -> bool:
    row = session.get(VisitRow, visit_id, with_for_update=True)
    if row is None or row.purged_at is not None:
        return False
    states, last_sent = _outbox(session, visit_id)
    if not purgeable(
        status=row.status,
        started_at=row.started_at,
        outbox_states=states,
        last_sent_at=last_sent,
        cutoff=cutoff,
    ):
        return False
    nik = row.nik
    row.nik = PURGED_NIK
    row.name = ""
    row.birth_date = None
    row.purged_at = now
    session.flush()
    others = session.scalar(
        select(func.count())
        .select_from(VisitRow)
        .where(VisitRow.nik == nik, VisitRow.purged_at.is_(None))
    )
    if nik and not others:
        session.execute(
            delete(IhsNumberRow).where(IhsNumberRow.kind == "patient", IhsNumberRow.nik == nik)
        )
    audit.append(
        session,
        station_id=station_id,
        actor=actor,
        action=AuditAction.PURGED,
        at=now,
        record_kind=VISIT,
        record_id=visit_id,
        record_hash=visit_hash(row),
        detail={"cutoff": cutoff.isoformat(), "status": row.status},
    )
    return True


def purge_personal_data(
    database: Database,
    *,
    now: datetime,
    keep_days: int,
    actor: Actor,
    station_id: str,
) -> PurgeReport:
    """Purge every visit whose results were all sent ``keep_days`` ago (see the rule)."""
    report = PurgeReport(cutoff=purge_cutoff(now, keep_days))
    with database.sessions() as session:
        candidates = _candidates(session, report.cutoff)
    for visit_id in candidates:
        with database.sessions.begin() as session:
            if _purge_one(
                session,
                visit_id,
                cutoff=report.cutoff,
                now=now,
                actor=actor,
                station_id=station_id,
            ):
                report.visits.append(visit_id)
    return report
