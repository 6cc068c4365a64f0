"""Outbox operations for people and for the sync loop's time limit, outside the upload path.

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
from datetime import datetime

from sqlalchemy import CursorResult, select, update

from station.store.database import Database
from station.store.models import OutboxRow, OutboxStatus, VisitRow

__all__ = ["OutboxAdmin", "UnknownVisits"]

_PROBLEM_STATES = (OutboxStatus.FAILED, OutboxStatus.DEAD)


class UnknownVisits(ValueError):
    """Visit ids that are not in the database; ``ids`` lists them."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = list(ids)
        shown = ", ".join(self.ids[:5]) + (" ..." if len(self.ids) > 5 else "")
        super().__init__(f"no visit with id {shown}; nothing was changed")


def _rowcount(result: object) -> int:
    return int(result.rowcount) if isinstance(result, CursorResult) else 0


class OutboxAdmin:
    def __init__(self, database: Database) -> None:
        self._db = database

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
