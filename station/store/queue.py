"""Queue numbers and what became of each one (issue 11): called, called again (recall),
a visit started for it, or skipped as a no-show. Desks sharing a database share the day's
numbers; each number is recorded the moment it is called, so none is ever lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station.store.database import Database
from station.store.models import QueueCallOutcome, QueueCallRow, QueueCounterRow

__all__ = ["QueueCall", "QueueError", "QueueStore", "take_queue_number"]

_ATTEMPTS = 3


class QueueError(Exception):
    """A queue operation was refused; nothing was changed."""


def take_queue_number(database: Database, day: date) -> int:
    """Hand out the next number of ``day`` (one transaction; a race with another desk creating
    the day's counter is retried)."""
    for _attempt in range(_ATTEMPTS):
        with database.sessions.begin() as session:
            number = _increment(session, day)
            if number is not None:
                return number
        try:
            with database.sessions.begin() as session:
                session.add(QueueCounterRow(day=day, last_number=1))
            return 1
        except IntegrityError:
            continue  # another desk created today's counter first; increment it
    raise QueueError("could not take a queue number: the database is too busy")


def _increment(session: Session, day: date) -> int | None:
    updated = session.execute(
        update(QueueCounterRow)
        .where(QueueCounterRow.day == day)
        .values(last_number=QueueCounterRow.last_number + 1)
        .returning(QueueCounterRow.last_number)
    ).scalar_one_or_none()
    return None if updated is None else int(updated)


@dataclass(frozen=True, slots=True)
class QueueCall:
    day: date
    queue_number: int
    station_id: str
    called_at: datetime
    recalls: int
    outcome: QueueCallOutcome


def _call(row: QueueCallRow) -> QueueCall:
    return QueueCall(
        row.day,
        row.queue_number,
        row.station_id,
        row.called_at,
        row.recalls,
        QueueCallOutcome(row.outcome),
    )


class QueueStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def call_next(self, day: date, station_id: str, at: datetime) -> QueueCall:
        """Take the day's next number for this desk and record the call."""
        number = take_queue_number(self._db, day)
        row = QueueCallRow(
            day=day,
            queue_number=number,
            station_id=station_id,
            called_at=at,
            last_called_at=at,
            recalls=0,
            outcome=QueueCallOutcome.CALLED,
        )
        with self._db.sessions.begin() as session:
            session.add(row)
            session.flush()
            return _call(row)

    def recall(self, day: date, queue_number: int, at: datetime) -> QueueCall:
        """Call a number again (the person did not come yet)."""
        with self._db.sessions.begin() as session:
            row = self._waiting(session, day, queue_number)
            row.recalls += 1
            row.last_called_at = at
            session.flush()
            return _call(row)

    def skip(self, day: date, queue_number: int, at: datetime) -> QueueCall:
        """Record a no-show: the number is closed without a visit."""
        return self._close(day, queue_number, at, QueueCallOutcome.SKIPPED)

    def mark_visit(self, day: date, queue_number: int, at: datetime) -> QueueCall:
        """A visit started for the number."""
        return self._close(day, queue_number, at, QueueCallOutcome.VISIT)

    def waiting(self, day: date, station_id: str) -> QueueCall | None:
        """This desk's called number that has neither a visit nor a skip (left by a crash)."""
        with self._db.sessions() as session:
            row = session.scalars(
                select(QueueCallRow)
                .where(
                    QueueCallRow.day == day,
                    QueueCallRow.station_id == station_id,
                    QueueCallRow.outcome == QueueCallOutcome.CALLED,
                )
                .order_by(QueueCallRow.queue_number.desc())
                .limit(1)
            ).one_or_none()
            return None if row is None else _call(row)

    def _close(
        self, day: date, queue_number: int, at: datetime, outcome: QueueCallOutcome
    ) -> QueueCall:
        with self._db.sessions.begin() as session:
            row = self._waiting(session, day, queue_number)
            row.outcome = outcome
            row.closed_at = at
            session.flush()
            return _call(row)

    @staticmethod
    def _waiting(session: Session, day: date, queue_number: int) -> QueueCallRow:
        row = session.get(QueueCallRow, (day, queue_number), with_for_update=True)
        if row is None:
            raise QueueError(f"queue number {queue_number} of {day} was never called")
        if row.outcome != QueueCallOutcome.CALLED:
            raise QueueError(f"queue number {queue_number} of {day} is closed ({row.outcome})")
        return row
