"""The desk day read from the store (station/store/day_queries.py), on a real SQLite file and
on a real PostgreSQL server (skipped without one, see tests/conftest.py ``postgres_url``)."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from sqlalchemy import event

from station.checks.rulesets import Referral
from station.store.database import open_database
from station.store.day_queries import DayQueries
from station.store.models import QueueCallOutcome, VisitStatus
from station.store.repository import Store
from tests.station.desk_day import (
    ADULT,
    CHILD,
    ELDER,
    TEEN,
    WIB,
    Reading,
    at,
    bp,
    record_calls,
    record_visit,
    settle_upload,
    spo2,
)

DAY = date(2026, 11, 22)


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, db_url):
    url = db_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    database = open_database(url)
    yield Store(database)
    database.close()


@pytest.fixture
def queries(store):
    return DayQueries(store.database, tz=WIB)


@pytest.fixture
def day(store):
    """One day at two desks, with a visit just before and just after it."""
    db = store.database
    record_visit(store, TEEN, at(DAY - timedelta(days=1), 23, 50))  # the day before
    sent = record_visit(store, ADULT, at(DAY, 8, 5))
    settle_upload(db, sent.id, "sent")
    dead = record_visit(
        store,
        ELDER,
        at(DAY, 9, 10),
        referral="follow_up",
        readings=(
            Reading(bp(150, 95)),
            Reading(bp(148, 92), manual=True),  # counts
            Reading(bp(149, 94), manual=True, discard=True),  # discarded: does not
            Reading(bp(None, 80), manual=True),  # blocked as invalid: does not
            Reading(spo2(97), manual=True),  # counts
        ),
    )
    settle_upload(db, dead.id, "dead")
    waiting = record_visit(
        store, CHILD, at(DAY, 9, 40), referral="urgent", station_id="desk-2", queue_number=3
    )
    cancelled = record_visit(
        store, TEEN, at(DAY, 11, 0), status="cancelled", readings=(Reading(bp(), manual=True),)
    )
    still_open = record_visit(
        store, ADULT, at(DAY, 11, 30), status="open", readings=(Reading(bp(), manual=True),)
    )
    record_visit(store, ELDER, at(DAY + timedelta(days=1), 0, 5))  # the day after
    record_calls(
        db,
        DAY,
        {
            4: QueueCallOutcome.SKIPPED,
            6: QueueCallOutcome.SKIPPED,
            7: QueueCallOutcome.CALLED,
            1: QueueCallOutcome.VISIT,
        },
    )
    record_calls(db, DAY - timedelta(days=1), {9: QueueCallOutcome.SKIPPED})
    return sent, dead, waiting, cancelled, still_open


def test_the_days_visits_at_every_desk_oldest_first(queries, day):
    sent, dead, waiting, _cancelled, still_open = day
    visits = queries.visits(DAY)
    assert [v.visit_id for v in visits] == [v.id for v in day]
    by_id = {v.visit_id: v for v in visits}
    assert {v.station_id for v in visits} == {"desk-1", "desk-2"}
    assert [(v.status, v.referral, v.upload) for v in visits] == [
        (VisitStatus.CONFIRMED, Referral.NONE, "sent"),
        (VisitStatus.CONFIRMED, Referral.FOLLOW_UP, "dead"),
        (VisitStatus.CONFIRMED, Referral.URGENT, "waiting"),
        (VisitStatus.CANCELLED, None, "none"),
        (VisitStatus.OPEN, None, "waiting"),  # its entries wait for the confirmation
    ]
    assert by_id[dead.id].manual_readings == 2
    assert by_id[dead.id].name == ELDER.name
    assert by_id[dead.id].birth_date == ELDER.birth_date
    assert by_id[waiting.id].queue_number == 3
    assert by_id[still_open.id].manual_readings == 1  # counted in the list, not the summary
    assert by_id[sent.id].started_at == at(DAY, 8, 5)


def test_the_days_summary(queries, day):
    summary = queries.summary(DAY)
    assert summary.to_json() == {
        "date": "2026-11-22",
        "visits": 5,
        "confirmed": 3,
        "cancelled": 1,
        "skipped": 2,
        "manual_readings": 2,
        "referrals": {"none": 1, "follow_up": 1, "same_day": 0, "urgent": 1},
        "uploads": {"sent": 1, "waiting": 1, "dead": 1},
    }
    assert summary.by_stream == {"0-6": 1, "7-17": 0, "18-59": 1, "60+": 1, "unknown": 0}
    assert summary.per_hour == ((8, 1), (9, 2), (10, 0), (11, 2))


def test_a_day_is_the_local_date_of_the_zone_given(store, day):
    """In UTC the 22nd runs from 07:00 WIB to 07:00 WIB the next day: the visit at 00:05 WIB
    on the 23rd (17:05 UTC on the 22nd) is in it, the one at 23:50 WIB on the 21st is not."""
    in_utc = DayQueries(store.database, tz=UTC).visits(DAY)
    assert [v.started_at for v in in_utc] == [
        at(DAY, 8, 5),
        at(DAY, 9, 10),
        at(DAY, 9, 40),
        at(DAY, 11, 0),
        at(DAY, 11, 30),
        at(DAY + timedelta(days=1), 0, 5),
    ]


def test_the_previous_days_skips_are_its_own(queries, day):
    assert queries.skipped(DAY) == 2
    assert queries.skipped(DAY - timedelta(days=1)) == 1
    assert queries.skipped(DAY + timedelta(days=1)) == 0


def test_an_empty_day(queries, store):
    assert queries.visits(DAY) == []
    assert queries.summary(DAY).visits == 0


def _statements(database):
    executed = []

    def count(*_args):
        executed.append(1)

    event.listen(database.engine, "before_cursor_execute", count)
    return executed, lambda: event.remove(database.engine, "before_cursor_execute", count)


def test_a_day_is_read_in_a_few_queries_whatever_its_size(store, queries):
    for minute in range(0, 60, 3):
        record_visit(store, ADULT, at(DAY, 10, minute), referral="follow_up")
    executed, stop = _statements(store.database)
    try:
        report = queries.report(DAY)
        read_day = len(executed)
        queries.followups()
        read_followups = len(executed) - read_day
    finally:
        stop()
    assert len(report.visits) == 20
    assert read_day <= 4
    assert read_followups <= 2


@pytest.fixture
def referred(store):
    """Referred people over two months (visit days in WIB)."""
    came_back = record_visit(store, ADULT, at(date(2026, 10, 1), 9), referral="follow_up")
    record_visit(store, ADULT, at(date(2026, 10, 20), 10), station_id="desk-2")  # back
    overdue = record_visit(store, ELDER, at(date(2026, 11, 20), 9), referral="urgent")
    record_visit(store, CHILD, at(DAY, 9), referral="none")  # before the referral: not back
    today = record_visit(store, CHILD, at(DAY, 10), referral="same_day")
    upcoming = record_visit(store, TEEN, at(date(2026, 11, 15), 9), referral="follow_up")
    record_visit(store, TEEN, at(date(2026, 11, 20), 9), status="cancelled")  # not a return
    record_visit(store, TEEN, at(date(2026, 11, 21), 9), status="open")  # not yet a return
    record_visit(store, ELDER, at(date(2026, 9, 1), 9), referral="none")  # never listed
    return came_back, overdue, today, upcoming


def test_followups_with_due_dates_and_who_came_back(queries, referred):
    came_back, overdue, today, upcoming = referred
    listed = queries.followups()
    assert [(f.visit_id, f.referral, f.day, f.due, f.returned) for f in listed] == [
        (came_back.id, Referral.FOLLOW_UP, date(2026, 10, 1), date(2026, 10, 31), True),
        (upcoming.id, Referral.FOLLOW_UP, date(2026, 11, 15), date(2026, 12, 15), False),
        (overdue.id, Referral.URGENT, date(2026, 11, 20), date(2026, 11, 20), False),
        (today.id, Referral.SAME_DAY, DAY, DAY, False),
    ]
    assert [f.state(DAY) for f in listed] == ["returned", "upcoming", "overdue", "due"]
    assert listed[0].name == ADULT.name
    assert listed[0].nik_masked == "3174************"


def test_followups_due_on_a_day(queries, referred):
    _came_back, overdue, today, upcoming = referred
    assert [f.visit_id for f in queries.followups(due_on=DAY)] == [overdue.id, today.id]
    later = date(2026, 12, 15)
    assert [f.visit_id for f in queries.followups(due_on=later)] == [
        upcoming.id,
        overdue.id,
        today.id,
    ]
    assert queries.followups(due_on=date(2026, 11, 1)) == []  # only the October one, back


def test_a_return_visit_ends_the_follow_up(store, queries, referred):
    _came_back, overdue, _today, _upcoming = referred
    record_visit(store, ELDER, at(DAY, 14), referral="none", station_id="desk-2")
    assert overdue.id not in [f.visit_id for f in queries.followups(due_on=DAY)]
    assert next(f for f in queries.followups() if f.visit_id == overdue.id).returned
