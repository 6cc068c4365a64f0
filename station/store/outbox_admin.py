"""Outbox operations for people and for the sync loop's time limit, outside the upload path.

* ``problems``: the failed and dead entries, as ``vitals-station outbox`` prints them (the
  NIK masked as ``station.person.mask_nik`` does).
* ``retry_dead`` / ``retry_visits``: back to ``pending`` (``vitals-station outbox retry``);
  an unknown visit id changes nothing and raises ``UnknownVisits`` naming it.
* ``fail_abandoned``: the entries of a visit whose upload took longer than the sync loop
  allows, given back by the uploader still ``sending``, become ``failed`` with a next
  attempt time, unless another sync took the visit meanwhile.

Entries being sent (``sending``) are never touched by a retry: only the sync that holds
them decides their state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import CursorResult, select, update

from station.person import mask_nik
from station.store.database import Database
from station.store.models import OutboxRow, OutboxStatus, VisitRow

__all__ = ["OutboxAdmin", "OutboxProblem", "UnknownVisits"]

_PROBLEM_STATES = (OutboxStatus.FAILED, OutboxStatus.DEAD)


class UnknownVisits(ValueError):
    """Visit ids that are not in the database; ``ids`` lists them."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = list(ids)
        shown = ", ".join(self.ids[:5]) + (" ..." if len(self.ids) > 5 else "")
        super().__init__(f"no visit with id {shown}; nothing was changed")


@dataclass(frozen=True, slots=True)
class OutboxProblem:
    entry_id: int
    visit_id: str
    reading_id: str
    queue_number: int
    nik_masked: str
    state: OutboxStatus
    attempts: int
    message: str
    rule_numbers: tuple[int, ...]
    next_attempt: datetime | None


def _rowcount(result: object) -> int:
    return int(result.rowcount) if isinstance(result, CursorResult) else 0


class OutboxAdmin:
    def __init__(self, database: Database) -> None:
        self._db = database

    def problems(self) -> list[OutboxProblem]:
        """Every failed or dead entry: dead first (they wait for a person), oldest visit
        first, then by entry."""
        with self._db.sessions() as session:
            rows = session.execute(
                select(OutboxRow, VisitRow)
                .join(VisitRow, VisitRow.id == OutboxRow.visit_id)
                .where(OutboxRow.status.in_(_PROBLEM_STATES))
                .order_by(
                    (OutboxRow.status == OutboxStatus.FAILED).asc(),
                    VisitRow.started_at,
                    OutboxRow.id,
                )
            ).all()
        return [
            OutboxProblem(
                entry_id=entry.id,
                visit_id=visit.id,
                reading_id=entry.reading_id,
                queue_number=visit.queue_number,
                nik_masked=mask_nik(visit.nik),
                state=OutboxStatus(entry.status),
                attempts=entry.attempts,
                message=entry.last_error or "",
                rule_numbers=tuple(int(n) for n in (entry.rule_numbers or "").split(",") if n),
                next_attempt=entry.next_attempt_at if entry.status == OutboxStatus.FAILED else None,
            )
            for entry, visit in rows
        ]

    def retry_dead(self, now: datetime) -> int:
        """Every dead entry back to pending; how many."""
        with self._db.sessions.begin() as session:
            result = session.execute(
                update(OutboxRow)
                .where(OutboxRow.status == OutboxStatus.DEAD)
                .values(status=OutboxStatus.PENDING, next_attempt_at=None, updated_at=now)
            )
            return _rowcount(result)

    def retry_visits(self, visit_ids: Sequence[str], now: datetime) -> int:
        """The failed and dead entries of these visits back to pending; how many.
        ``UnknownVisits`` (and nothing changed) when an id is not a visit."""
        wanted = list(dict.fromkeys(visit_ids))
        with self._db.sessions.begin() as session:
            known = set(session.scalars(select(VisitRow.id).where(VisitRow.id.in_(wanted))))
            unknown = [v for v in wanted if v not in known]
            if unknown:
                raise UnknownVisits(unknown)
            result = session.execute(
                update(OutboxRow)
                .where(OutboxRow.visit_id.in_(wanted), OutboxRow.status.in_(_PROBLEM_STATES))
                .values(status=OutboxStatus.PENDING, next_attempt_at=None, updated_at=now)
            )
            return _rowcount(result)

    def fail_abandoned(
        self,
        visit_id: str,
        entry_ids: list[int],
        now: datetime,
        error: str,
        next_attempt_at: datetime,
    ) -> int:
        """``sending`` entries of a visit nobody holds become ``failed``; how many."""
        with self._db.sessions.begin() as session:
            visit = session.get(VisitRow, visit_id, with_for_update=True)
            if visit is None or visit.upload_claimed_by is not None:
                return 0  # another sync holds it now: its entries are its business
            result = session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(entry_ids), OutboxRow.status == OutboxStatus.SENDING)
                .values(
                    status=OutboxStatus.FAILED,
                    updated_at=now,
                    next_attempt_at=next_attempt_at,
                    last_error=error,
                )
            )
            return _rowcount(result)
