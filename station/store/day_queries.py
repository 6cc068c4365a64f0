"""Reading the desk day from the store: the day's visits with their upload state, the skipped
queue numbers, and the referred visits with whether the person came back.

Every desk sharing the database is included. Each answer is a few queries in one read
transaction (so one consistent picture), never one query per visit. What the numbers mean
is said in ``station.day`` and ``station.followup``; this module only fetches.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from station.checks.rulesets import Referral, rule_set_or_default
from station.day import DaySummary, DayVisit, day_bounds, local_day, summarise_day, upload_state
from station.followup import FollowUp, VisitStart, due_date, has_returned
from station.store.database import Database
from station.store.models import (
    OutboxRow,
    QueueCallOutcome,
    QueueCallRow,
    ReadingRow,
    VisitRow,
    VisitStatus,
)

__all__ = ["DayQueries", "DayReport"]

_LOGGER = logging.getLogger(__name__)
_REFERRED = (Referral.FOLLOW_UP, Referral.SAME_DAY, Referral.URGENT)


@dataclass(frozen=True, slots=True)
class DayReport:
    """What the day's view shows: the visits (oldest first) and their summary."""

    visits: list[DayVisit]
    summary: DaySummary


def _referral(visit_id: str, value: str | None) -> Referral | None:
    if value is None:
        return None
    try:
        return Referral(value)
    except ValueError:
        _LOGGER.warning("visit %s has an unknown referral level %r; shown as none", visit_id, value)
        return None


class DayQueries:
    """The day's list, summary and follow-up list over an open ``Database``.

    ``tz`` is the station's zone that decides which local day a visit belongs to (None: this
    computer's local zone, as the desk's clock uses)."""

    def __init__(self, database: Database, tz: tzinfo | None = None) -> None:
        self._db = database
        self._tz = tz

    # -- the day -------------------------------------------------------------------------

    def visits(self, day: date) -> list[DayVisit]:
        """The visits started on ``day`` at any desk, oldest first."""
        with self._db.sessions() as session:
            return self._visits(session, day)

    def skipped(self, day: date) -> int:
        """Queue numbers of ``day`` recorded as skipped (no-shows)."""
        with self._db.sessions() as session:
            return self._skipped(session, day)

    def summary(self, day: date) -> DaySummary:
        return self.report(day).summary

    def report(self, day: date) -> DayReport:
        """The visits and the summary of ``day``, read in one transaction."""
        with self._db.sessions() as session:
            visits = self._visits(session, day)
            skipped = self._skipped(session, day)
        return DayReport(visits, summarise_day(day, visits, skipped, self._tz))

    def _visits(self, session: Session, day: date) -> list[DayVisit]:
        start, end = day_bounds(day, self._tz)
        in_day = and_(VisitRow.started_at >= start, VisitRow.started_at < end)
        rows = session.execute(
            select(
                VisitRow.id,
                VisitRow.queue_number,
                VisitRow.station_id,
                VisitRow.started_at,
                VisitRow.status,
                VisitRow.nik,
                VisitRow.name,
                VisitRow.birth_date,
                VisitRow.referral,
            )
            .where(in_day)
            .order_by(VisitRow.started_at, VisitRow.queue_number)
        ).all()
        entry_states: dict[str, list[str]] = defaultdict(list)
        for visit_id, status in session.execute(
            select(OutboxRow.visit_id, OutboxRow.status)
            .join(VisitRow, VisitRow.id == OutboxRow.visit_id)
            .where(in_day)
            .distinct()
        ):
            entry_states[visit_id].append(status)
        manual: dict[str, int] = {
            visit_id: int(count)
            for visit_id, count in session.execute(
                select(ReadingRow.visit_id, func.count())
                .join(VisitRow, VisitRow.id == ReadingRow.visit_id)
                .where(
                    in_day,
                    ReadingRow.source == "manual",
                    ReadingRow.valid.is_(True),
                    ReadingRow.discarded_reason.is_(None),
                )
                .group_by(ReadingRow.visit_id)
            )
        }
        return [
            DayVisit(
                visit_id=row.id,
                queue_number=row.queue_number,
                station_id=row.station_id,
                started_at=row.started_at,
                status=VisitStatus(row.status),
                nik=row.nik,
                name=row.name,
                birth_date=row.birth_date,
                referral=_referral(row.id, row.referral),
                upload=upload_state(entry_states.get(row.id, ())),
                manual_readings=manual.get(row.id, 0),
            )
            for row in rows
        ]

    @staticmethod
    def _skipped(session: Session, day: date) -> int:
        count = session.scalar(
            select(func.count())
            .select_from(QueueCallRow)
            .where(QueueCallRow.day == day, QueueCallRow.outcome == QueueCallOutcome.SKIPPED)
        )
        return int(count or 0)

    # -- follow-up -----------------------------------------------------------------------

    def followups(self, *, due_on: date | None = None) -> list[FollowUp]:
        """The confirmed visits with a referral (follow_up, same_day, urgent), oldest first,
        each with its due date and whether the person came back; with ``due_on``, only those
        due or overdue on that day and not back yet."""
        referred_filter = and_(
            VisitRow.status == VisitStatus.CONFIRMED,
            VisitRow.referral.in_([str(level) for level in _REFERRED]),
        )
        with self._db.sessions() as session:
            referred = session.execute(
                select(
                    VisitRow.id,
                    VisitRow.queue_number,
                    VisitRow.started_at,
                    VisitRow.nik,
                    VisitRow.name,
                    VisitRow.referral,
                    VisitRow.rule_set,
                )
                .where(referred_filter)
                .order_by(VisitRow.started_at, VisitRow.queue_number)
            ).all()
            # The confirmed visits of the same people, in one join (station.followup decides
            # which of them count as coming back).
            other = aliased(VisitRow)
            same_person: dict[str, list[VisitStart]] = defaultdict(list)
            for referred_id, other_id, other_start in session.execute(
                select(VisitRow.id, other.id, other.started_at)
                .join(other, other.nik == VisitRow.nik)
                .where(referred_filter, other.status == VisitStatus.CONFIRMED)
            ):
                same_person[referred_id].append(VisitStart(other_id, other_start))
        followups = []
        for row in referred:
            referral = _referral(row.id, row.referral)
            day = local_day(row.started_at, self._tz)
            due = due_date(referral, day, rule_set_or_default(row.rule_set)) if referral else None
            if referral is None or due is None:
                continue
            returned = has_returned(VisitStart(row.id, row.started_at), same_person[row.id])
            followups.append(
                FollowUp(
                    visit_id=row.id,
                    queue_number=row.queue_number,
                    day=day,
                    nik=row.nik,
                    name=row.name,
                    referral=referral,
                    due=due,
                    returned=returned,
                )
            )
        if due_on is not None:
            followups = [f for f in followups if f.is_due(due_on)]
        return followups
