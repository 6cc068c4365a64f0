"""The status bar's upload queue counted in confirmed visits (UploadStore.visit_states): by
the day list's rule (station.day.upload_state), failed visits apart."""

from __future__ import annotations

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


def test_counts_match_every_rows_states_with_a_long_history(any_db_url):
    """Most visits sent long ago, a few in every other state, entries of one visit in
    mixed states, a visit still open: the counts read without a row per visit agree with
    reading every row, on SQLite and PostgreSQL."""
    database = open_database(any_db_url)
    try:
        store = Store(database)
        two = (Reading(bp()), Reading(spo2()))
        started = datetime(2026, 12, 2, 8, 0, tzinfo=WIB)
        visits = [
            record_visit(store, ADULT, started, readings=two, queue_number=n) for n in range(1, 26)
        ]
        record_visit(store, ADULT, started, readings=two, status="open", queue_number=26)
        now = datetime(2026, 12, 2, 9, 0, tzinfo=WIB)
        chosen = {visit.id: OutboxStatus.SENT for visit in visits[:18]}
        chosen[visits[18].id] = OutboxStatus.DEAD
        chosen[visits[19].id] = OutboxStatus.FAILED
        chosen[visits[20].id] = OutboxStatus.SENDING
        with database.engine.begin() as connection:
            for visit_id, status in chosen.items():
                connection.execute(
                    update(OutboxRow)
                    .where(OutboxRow.visit_id == visit_id)
                    .values(status=status, updated_at=now)
                )
            # One visit with one entry sent and one dead, one with one sent and one failed.
            for visit, status in ((visits[21], OutboxStatus.DEAD), (visits[22], "failed")):
                first, second = (r.id for r in visit.readings)
                connection.execute(
                    update(OutboxRow)
                    .where(OutboxRow.reading_id == first)
                    .values(status=OutboxStatus.SENT)
                )
                connection.execute(
                    update(OutboxRow).where(OutboxRow.reading_id == second).values(status=status)
                )
        expected = _every_row_states(database)
        assert expected == {"sent": 18, "waiting": 3, "failed": 2, "dead": 2}
        assert UploadStore(database).visit_states() == expected
    finally:
        database.close()
