"""Storage on a real SQLite file: round trips, one-transaction writes, migrations, durability."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from devices.measurements import BloodPressure, BloodPressureStatus, PressureUnit, SpO2
from station.checks import Finding, Severity, check_measurement
from station.person import Person
from station.store.database import DatabaseError, head_revision, open_database
from station.store.models import Base, FindingRow, OutboxRow, ReadingRow, VisitStatus
from station.store.repository import ReadingSource, Store, StoreError
from tests.station.actors import CANCEL_AT, TEST_ACTOR

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 22, 9, 0, tzinfo=WIB)
CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
PERSON = Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15))
BP_RAW = bytes.fromhex("1e78005000 5d00e807030f0e1e2d48000100 00".replace(" ", ""))


@pytest.fixture
def store(db_url):
    database = open_database(db_url)
    yield Store(database)
    database.close()


def new_visit(store: Store, started=T0):
    return store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(started.date()),
        person=PERSON,
        started_at=started,
        rule_set="station-plausibility",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )


def bp(systolic, diastolic, raw=BP_RAW, **kw):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, raw, pulse_rate=72.0, **kw)


def add(store, visit, measurement, at=T0):
    return store.add_reading(
        visit_id=visit.id,
        measurement=measurement,
        source=CUFF,
        findings=check_measurement(measurement),
        received_at=at,
        actor=TEST_ACTOR,
    )


def test_schema_is_at_the_latest_migration_and_matches_the_models(store):
    assert store.database.schema_revision() == head_revision()
    with store.database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_full_sync_and_foreign_keys(store):
    with store.database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reading_round_trip_keeps_raw_bytes_decode_findings_and_times(store, db_url):
    visit = new_visit(store)
    measurement = bp(120.0, 80.0, status=BloodPressureStatus(body_movement=True))
    stored = add(store, visit, measurement, at=T0 + timedelta(minutes=3))

    reopened = Store(open_database(db_url))
    (reading,) = reopened.visit(visit.id).readings
    assert reading == stored
    assert reading.measurement.raw == BP_RAW
    assert reading.received_at == datetime(2026, 11, 22, 2, 3, tzinfo=UTC)
    assert [f.code for f in reading.findings] == ["body-movement"]
    assert reading.valid
    reopened.database.close()


def test_valid_reading_gets_exactly_one_outbox_entry_and_invalid_none(store):
    visit = new_visit(store)
    good = add(store, visit, bp(120.0, 80.0))
    blocked = add(store, visit, bp(None, 80.0))  # a NaN SFLOAT from the cuff
    assert not blocked.valid
    assert blocked.findings[0].severity is Severity.INVALID
    with store.database.sessions() as session:
        entries = session.scalars(select(OutboxRow)).all()
    assert [e.reading_id for e in entries] == [good.id]
    assert entries[0].status == "pending"


def test_failed_write_leaves_nothing_behind(store):
    visit = new_visit(store)
    add(store, visit, bp(120.0, 80.0))
    broken = Finding("systolic", Severity.NOTICE, "x", None, "en")  # type: ignore[arg-type]
    with pytest.raises(Exception, match="NOT NULL"):
        store.add_reading(
            visit_id=visit.id,
            measurement=bp(130.0, 85.0),
            source=CUFF,
            findings=[broken],
            received_at=T0,
            actor=TEST_ACTOR,
        )
    with store.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReadingRow)) == 1
        assert session.scalar(select(func.count()).select_from(FindingRow)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 1


def test_readings_only_go_to_open_visits(store):
    visit = new_visit(store)
    add(store, visit, bp(120.0, 80.0))
    store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=TEST_ACTOR)
    with pytest.raises(StoreError, match="confirmed, not open"):
        add(store, visit, bp(125.0, 80.0))
    with pytest.raises(StoreError, match="does not exist"):
        store.add_reading(
            visit_id="no-such-visit",
            measurement=bp(120.0, 80.0),
            source=CUFF,
            findings=[],
            received_at=T0,
            actor=TEST_ACTOR,
        )


def test_confirm_needs_a_valid_reading(store):
    visit = new_visit(store)
    add(store, visit, bp(None, None))
    with pytest.raises(StoreError, match="valid reading"):
        store.confirm_visit(visit.id, T0, actor=TEST_ACTOR)
    assert store.visit(visit.id).status is VisitStatus.OPEN


def test_cancel_keeps_readings_and_uploads_nothing(store):
    visit = new_visit(store)
    add(store, visit, bp(120.0, 80.0))
    store.cancel_visit(visit.id, actor=TEST_ACTOR, at=CANCEL_AT)
    assert store.visit(visit.id).status is VisitStatus.CANCELLED
    assert len(store.visit(visit.id).readings) == 1
    counts = store.counts()
    assert counts["outbox"] == {"pending": 0, "sending": 0, "sent": 0, "failed": 0, "dead": 0}


def test_queue_numbers_count_per_day(store):
    day = date(2026, 11, 22)
    assert [store.next_queue_number(day) for _ in range(3)] == [1, 2, 3]
    assert store.next_queue_number(day + timedelta(days=1)) == 1
    assert store.next_queue_number(day) == 4


def test_counts(store):
    visit = new_visit(store)
    add(store, visit, bp(120.0, 80.0))
    add(store, visit, SpO2(97.0, 70.0, b"\x00"))
    store.confirm_visit(visit.id, T0 + timedelta(minutes=4), actor=TEST_ACTOR)
    new_visit(store)  # still open: not counted as a visit, but as an open one
    assert store.counts() == {
        "visits": 1,
        "readings": 2,
        "outbox": {"pending": 2, "sending": 0, "sent": 0, "failed": 0, "dead": 0},
        "last_upload": None,
        "last_error": None,
        "open_visits": 1,
    }


def test_naive_datetimes_are_refused(store):
    with pytest.raises(Exception, match="naive datetime"):
        new_visit(store, started=datetime(2026, 11, 22, 9, 0))


def test_committed_reading_survives_the_process_being_killed(tmp_path, db_url):
    """A child process stores a reading and dies without any cleanup (os._exit)."""
    script = f"""
import os
from datetime import datetime, timezone
from devices.measurements import BloodPressure, PressureUnit
from station.person import Person
from station.store.database import open_database
from station.store.repository import ReadingSource, Store
from station.audit import Actor
TEST_ACTOR = Actor.os_account("tester")
store = Store(open_database({db_url!r}))
now = datetime.now(timezone.utc)
v = store.create_visit(station_id="d", queue_number=1, person=Person("3174015507850002", "S", None),
                       started_at=now, rule_set="r", rule_set_version="1", actor=TEST_ACTOR)
m = BloodPressure(120.0, 80.0, None, PressureUnit.MMHG, b"\\x01")
store.add_reading(visit_id=v.id, measurement=m,
                  source=ReadingSource("c", "c", True), findings=[], received_at=now,
                  actor=TEST_ACTOR)
print(v.id, flush=True)
os._exit(9)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 9, result.stderr
    visit_id = result.stdout.strip()
    store = Store(open_database(db_url))
    (reading,) = store.visit(visit_id).readings
    assert reading.measurement.raw == b"\x01"
    assert store.counts()["outbox"]["pending"] == 1
    store.database.close()


def test_bad_database_url_gives_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="not a valid SQLAlchemy URL"):
        open_database("not a url")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    # A given URL's folder must exist (issue 16): a typo never starts a fresh database.
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(f"sqlite:///{blocker}/sub/db.sqlite3")
    assert not (tmp_path / "file" / "sub").exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="cannot open the database"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_decoded_json_is_stored_readably(store):
    visit = new_visit(store)
    stored = add(store, visit, bp(120.0, 80.0))
    with store.database.sessions() as session:
        row = session.get(ReadingRow, stored.id)
        assert json.loads(row.decoded_json)["systolic"] == 120.0
        assert set(inspect(row).mapper.columns.keys()) >= {"raw", "decoded_json", "received_at"}
