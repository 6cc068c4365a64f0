"""Removing a person's identity once their results have been in SATUSEHAT long enough
(issue 12, ``keep_days_after_upload``): the rule as a table, and the purge on a real SQLite
file and a real PostgreSQL server, audited, never touching unsent data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from devices.measurements import BloodPressure, PressureUnit
from station.audit import Actor
from station.checks import check_measurement
from station.person import Person
from station.retention import purge_cutoff, purgeable
from station.store.database import open_database
from station.store.models import AuditEntryRow, IhsNumberRow, OutboxRow, VisitRow
from station.store.people import People
from station.store.repository import ReadingSource, Store
from station.store.retention import purge_personal_data
from tests.station.actors import CANCEL_AT, TEST_ACTOR

NOW = datetime(2027, 12, 1, 10, 0, tzinfo=UTC)
CUTOFF = NOW - timedelta(days=365)
LONG_AGO = CUTOFF - timedelta(days=1)
RECENT = CUTOFF + timedelta(days=1)
CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
RAW = bytes.fromhex("1e780050005d00e807030f0e1e2d4800010000")
ACTOR = Actor.os_account("it-person")


@pytest.mark.parametrize(
    ("status", "started", "states", "last_sent", "expected"),
    [
        ("confirmed", LONG_AGO, ["sent", "sent"], LONG_AGO, True),
        ("confirmed", LONG_AGO, ["sent"], CUTOFF, True),  # exactly keep_days: kept long enough
        ("confirmed", LONG_AGO, ["sent", "sent"], RECENT, False),  # last one sent lately
        ("confirmed", LONG_AGO, ["sent", "pending"], LONG_AGO, False),  # an amendment waits
        ("confirmed", LONG_AGO, ["sent", "failed"], LONG_AGO, False),
        ("confirmed", LONG_AGO, ["sent", "dead"], LONG_AGO, False),
        ("confirmed", LONG_AGO, ["sending"], LONG_AGO, False),
        ("confirmed", LONG_AGO, [], None, False),  # nothing says it reached SATUSEHAT
        ("confirmed", LONG_AGO, ["sent"], None, False),
        ("cancelled", LONG_AGO, [], None, True),
        ("cancelled", RECENT, [], None, False),
        ("open", LONG_AGO, [], None, False),
        ("open", LONG_AGO, ["sent"], LONG_AGO, False),
    ],
)
def test_which_visits_may_lose_their_identity(status, started, states, last_sent, expected):
    assert (
        purgeable(
            status=status,
            started_at=started,
            outbox_states=states,
            last_sent_at=last_sent,
            cutoff=CUTOFF,
        )
        is expected
    )


def test_cutoff_is_keep_days_before_now():
    assert purge_cutoff(NOW, 365) == CUTOFF
    with pytest.raises(ValueError, match="at least 1"):
        purge_cutoff(NOW, 0)


def _visit(store: Store, nik: str, started: datetime, *, confirm: bool = True):
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(started.date()),
        person=Person(nik, "Siti Rahayu", date(1985, 7, 15)),
        started_at=started,
        rule_set="station-plausibility",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )
    reading = BloodPressure(120.0, 80.0, None, PressureUnit.MMHG, RAW, pulse_rate=72.0)
    store.add_reading(
        visit_id=visit.id,
        measurement=reading,
        source=CUFF,
        findings=check_measurement(reading),
        received_at=started,
        actor=TEST_ACTOR,
    )
    if confirm:
        store.confirm_visit(visit.id, started + timedelta(minutes=5), actor=TEST_ACTOR)
    else:
        store.cancel_visit(visit.id, actor=TEST_ACTOR, at=CANCEL_AT)
    return visit


def _mark_sent(store: Store, visit_id: str, sent_at: datetime) -> None:
    with store.database.sessions.begin() as session:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.visit_id == visit_id)
            .values(status="sent", sent_at=sent_at)
        )


def _row(store: Store, visit_id: str) -> VisitRow:
    with store.database.sessions() as session:
        row = session.get(VisitRow, visit_id)
        assert row is not None
        return row


def _purge_and_check(url: str) -> None:
    database = open_database(url)
    store = Store(database)
    try:
        old_sent = _visit(store, "3174015507850002", LONG_AGO - timedelta(days=3))
        _mark_sent(store, old_sent.id, LONG_AGO)
        recent_sent = _visit(store, "3174015507850002", RECENT - timedelta(days=2))
        _mark_sent(store, recent_sent.id, RECENT)
        unsent = _visit(store, "3273014101900003", LONG_AGO - timedelta(days=10))
        cancelled = _visit(store, "3578106502900001", LONG_AGO, confirm=False)
        with database.sessions.begin() as session:
            for nik in ("3174015507850002", "3578106502900001"):
                session.add(
                    IhsNumberRow(
                        kind="patient", nik=nik, ihs_number=f"P{nik[:6]}", fetched_at=LONG_AGO
                    )
                )
        before_unsent = _row(store, unsent.id)

        report = purge_personal_data(
            database,
            now=NOW,
            keep_days=365,
            actor=ACTOR,
            station_id="desk-1",
        )

        assert sorted(report.visits) == sorted([old_sent.id, cancelled.id])
        for purged in (old_sent.id, cancelled.id):
            row = _row(store, purged)
            assert (row.nik, row.name, row.birth_date) == ("", "", None)
            assert row.purged_at == NOW
        kept = _row(store, recent_sent.id)
        assert (kept.nik, kept.name) == ("3174015507850002", "Siti Rahayu")
        after_unsent = _row(store, unsent.id)
        assert (after_unsent.nik, after_unsent.name, after_unsent.birth_date) == (
            before_unsent.nik,
            before_unsent.name,
            before_unsent.birth_date,
        )
        assert after_unsent.purged_at is None
        with database.sessions() as session:
            cached = set(session.scalars(select(IhsNumberRow.nik)))
            entries = list(session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.sequence)))
        # The cancelled person has no visit left with a NIK: their IHS number goes too; the
        # other person still has a recent visit, so theirs stays.
        assert cached == {"3174015507850002"}
        purges = [e for e in entries if e.action == "purged"]
        assert sorted(e.record_id for e in purges) == sorted(report.visits)
        assert all(e.actor == "os:it-person" for e in purges)
        assert all("3174" not in e.detail_json and "Siti" not in e.detail_json for e in purges)
        # The returning person is still found from their recent visit, not the purged one.
        assert People(database).last_visit("3174015507850002").started_at == kept.started_at
        # Purging again finds nothing more.
        again = purge_personal_data(
            database,
            now=NOW,
            keep_days=365,
            actor=ACTOR,
            station_id="desk-1",
        )
        assert again.visits == []
    finally:
        database.close()


def test_purge_on_sqlite(db_url):
    _purge_and_check(db_url)


def test_purge_on_postgresql(postgres_url):
    _purge_and_check(postgres_url)
