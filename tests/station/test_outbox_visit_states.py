"""The status bar's upload queue counted in confirmed visits (UploadStore.visit_states): by
the day list's rule (station.day.upload_state), failed visits apart."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from sqlalchemy import select, update

from station.day import upload_state
from station.store.database import open_database
from station.store.models import OutboxRow, OutboxStatus, VisitRow, VisitStatus
from station.store.outbox import UploadStore
from station.store.repository import Store
from tests.station.desk_day import ADULT, WIB, Reading, bp, record_visit, settle_upload, spo2


@pytest.mark.parametrize(
    ("statuses", "day_list", "status_bar"),
    [
        ((), "none", "none"),
        (("sent", "sent"), "sent", "sent"),
        (("sent", "pending"), "waiting", "waiting"),
        (("sent", "failed"), "waiting", "failed"),
        (("failed", "dead"), "dead", "dead"),
    ],
)
def test_one_rule_for_a_visits_upload_state(statuses, day_list, status_bar):
    assert upload_state(statuses) == day_list
    assert upload_state(statuses, failed_apart=True) == status_bar


def test_confirmed_visits_are_counted_once_each_by_state(db_url):
    database = open_database(db_url)
    try:
        store = Store(database)
        two = (Reading(bp()), Reading(spo2()))
        started = datetime(2026, 12, 2, 8, 0, tzinfo=WIB)
        sent, dead, failed, _waiting = (
            record_visit(store, ADULT, started, readings=two, queue_number=n) for n in range(1, 5)
        )
        record_visit(store, ADULT, started, status="cancelled", queue_number=5)
        settle_upload(database, sent.id, "sent")
        settle_upload(database, dead.id, "dead")
        with database.sessions.begin() as session:
            first = failed.readings[0].id
            session.execute(
                update(OutboxRow)
                .where(OutboxRow.reading_id == first)
                .values(status=OutboxStatus.FAILED)
            )
        assert UploadStore(database).visit_states() == {
            "sent": 1,
            "waiting": 1,
            "failed": 1,
            "dead": 1,
        }
    finally:
        database.close()


def _every_row_states(database) -> dict[str, int]:
    """The oracle: every confirmed visit's entry states read row by row, then the rule."""
    per_visit: dict[str, set[str]] = {}
    with database.engine.connect() as connection:
        for visit_id, status in connection.execute(
            select(OutboxRow.visit_id, OutboxRow.status)
            .join(VisitRow, VisitRow.id == OutboxRow.visit_id)
            .where(VisitRow.status == VisitStatus.CONFIRMED)
        ):
            per_visit.setdefault(visit_id, set()).add(status)
    states = {"sent": 0, "waiting": 0, "failed": 0, "dead": 0}
    for statuses in per_visit.values():
        states[upload_state(statuses, failed_apart=True)] += 1
    return states


def test_counts_match_the_rule_for_every_mix_of_entry_states(any_db_url):
    """Every pair of entry states a two-reading visit can have, a one-reading visit in each
    state, many visits sent long ago and a visit still open: the counts the database makes
    agree with reading every row and applying ``upload_state``, on SQLite and PostgreSQL."""
    database = open_database(any_db_url)
    try:
        store = Store(database)
        two = (Reading(bp()), Reading(spo2()))
        started = datetime(2026, 12, 2, 8, 0, tzinfo=WIB)
        states = list(OutboxStatus)
        pairs = list(itertools.product(states, repeat=2))
        number = itertools.count(1)
        paired = [
            record_visit(store, ADULT, started, readings=two, queue_number=next(number))
            for _pair in pairs
        ]
        single = [
            record_visit(store, ADULT, started, queue_number=next(number)) for _state in states
        ]
        history = [
            record_visit(store, ADULT, started, readings=two, queue_number=next(number))
            for _index in range(12)
        ]
        record_visit(store, ADULT, started, readings=two, status="open", queue_number=next(number))
        record_visit(store, ADULT, started, status="cancelled", queue_number=next(number))
        now = datetime(2026, 12, 2, 9, 0, tzinfo=WIB)
        wanted: list[tuple[str, OutboxStatus]] = []
        for visit, pair in zip(paired, pairs, strict=True):
            wanted += [(r.id, status) for r, status in zip(visit.readings, pair, strict=True)]
        for visit, status in zip(single, states, strict=True):
            wanted += [(r.id, status) for r in visit.readings]
        wanted += [(r.id, OutboxStatus.SENT) for visit in history for r in visit.readings]
        with database.engine.begin() as connection:
            for reading_id, status in wanted:
                connection.execute(
                    update(OutboxRow)
                    .where(OutboxRow.reading_id == reading_id)
                    .values(status=status, updated_at=now)
                )
        expected = _every_row_states(database)
        # The oracle itself, counted by hand: of the 25 pairs, 9 have a dead entry, 1 is all
        # sent, 7 have a failed one (and none dead); the singles add one to each but waiting
        # twice (pending, sending); the history is sent.
        assert expected == {"sent": 1 + 1 + 12, "waiting": 8 + 2, "failed": 7 + 1, "dead": 9 + 1}
        assert UploadStore(database).visit_states() == expected
    finally:
        database.close()
