"""Who a NIK was at their last visit: the name and birth date to propose when they return.

Any desk sharing the database counts. Decision: a confirmed visit is preferred over a later
open or cancelled one, because a confirmed visit's person was checked by a health worker
and measured; a cancelled visit may have been cancelled for being the wrong person. Only
when the NIK has no confirmed visit is its latest visit of any status used, and its status
is returned with it so the desk can say so. The desk proposes; it never fills in silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, select

from station.store.database import Database
from station.store.models import VisitRow, VisitStatus

__all__ = ["People", "PreviousVisit"]


@dataclass(frozen=True, slots=True)
class PreviousVisit:
    """The person as recorded at their last visit, and where and when that was."""

    nik: str
    name: str
    birth_date: date | None
    started_at: datetime
    station_id: str
    status: VisitStatus


class People:
    """Read-only look-ups of people across the desks' visits."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def last_visit(self, nik: str) -> PreviousVisit | None:
        """The person of the latest confirmed visit with this (normalised) NIK, else of the
        latest visit in any status; None for a NIK never seen."""
        not_confirmed = case((VisitRow.status == VisitStatus.CONFIRMED, 0), else_=1)
        query = (
            select(
                VisitRow.nik,
                VisitRow.name,
                VisitRow.birth_date,
                VisitRow.started_at,
                VisitRow.station_id,
                VisitRow.status,
            )
            .where(VisitRow.nik == nik)
            .order_by(not_confirmed, VisitRow.started_at.desc(), VisitRow.id)
            .limit(1)
        )
        with self._db.sessions() as session:
            row = session.execute(query).one_or_none()
        if row is None:
            return None
        return PreviousVisit(
            nik=row.nik,
            name=row.name,
            birth_date=row.birth_date,
            started_at=row.started_at,
            station_id=row.station_id,
            status=VisitStatus(row.status),
        )
