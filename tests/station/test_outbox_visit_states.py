"""The status bar's upload queue counted in confirmed visits (UploadStore.visit_states): by
the day list's rule (station.day.upload_state), failed visits apart."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import update

from station.day import upload_state
from station.store.database import open_database
from station.store.models import OutboxRow, OutboxStatus
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
