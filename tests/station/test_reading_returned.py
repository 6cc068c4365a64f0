"""A reading stored returns its visit as it now stands (issue 14: the station no longer reads
the visit again after each reading): the returned visit equals a fresh ``Store.visit`` for
device, simulated, manual and blocked readings with and without findings; a caller's copy
that is no longer what is stored is read afresh; the audit chain verifies, also with desks
adding readings at once, on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from devices.measurements import BloodPressure, BloodPressureStatus, PressureUnit, SpO2
from station.checks import blocks
from station.checks.engine import CheckReading, check_reading
from station.checks.rulesets import RULE_SETS
from station.manual_entry import MANUAL_SOURCE
from station.person import Person
from station.results import local_naive
from station.store.audit_verify import verify_audit
from station.store.database import open_database
from station.store.models import AuditEntryRow, FindingRow, OutboxRow
from station.store.repository import ReadingSource, Store, StoredVisit, StoreError
from tests.station.actors import TEST_ACTOR

T0 = datetime.now(UTC).replace(microsecond=654321) - timedelta(minutes=30)
RAW = bytes.fromhex("1e780050005d00e807030f0e1e2d4800010000")
SIMULATED = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
OXIMETER = ReadingSource("ble:BB", "Beurer PO60", simulated=False)


@pytest.fixture
def store(any_db_url):
    database = open_database(any_db_url)
    yield Store(database)
    database.close()


def _open(store: Store) -> StoredVisit:
    return store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(T0.date()),
        person=Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15)),
        started_at=T0,
        rule_set="esh-2023",
        rule_set_version=RULE_SETS["esh-2023"].version,
        actor=TEST_ACTOR,
    )


def _bp(systolic: float, diastolic: float, **extra) -> BloodPressure:
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, RAW, 72.0, **extra)


# Each with the findings the station's checks give it (``check_reading``).
READINGS = [
    # a simulated cuff, a clock notice (keyed, no rule set of its own: stored with the visit's)
    # and a status-bit notice
    (
        _bp(
            121.0,
            79.0,
            timestamp=datetime(2020, 1, 1, 8, 0),
            status=BloodPressureStatus(body_movement=True),
        ),
        SIMULATED,
    ),
    (_bp(300.5, 80.0), SIMULATED),  # blocked: implausible, no outbox entry
    (SpO2(94.0, 70.0, b"\x00"), OXIMETER),  # a real device, a pigmentation notice
    (_bp(119.0, 81.0), MANUAL_SOURCE),  # typed, no finding
]


def _outbox(store: Store, visit_id: str) -> set[str]:
    with store.database.sessions() as session:
        return set(
            session.scalars(select(OutboxRow.reading_id).where(OutboxRow.visit_id == visit_id))
        )


def test_the_visit_returned_is_the_visit_stored(store):
    visit = _open(store)
    seen_findings = 0
    for minute, (measurement, source) in enumerate(READINGS):
        at = T0 + timedelta(minutes=minute)
        findings = check_reading(CheckReading(measurement, local_naive(at)))
        seen_findings += len(findings)
        added = store.add_reading_to(
            visit,
            measurement=measurement,
            source=source,
            findings=findings,
            received_at=at,
            actor=TEST_ACTOR,
        )
        fresh = store.visit(visit.id)
        assert added.visit == fresh
        assert added.reading == fresh.readings[-1]
        assert added.reading.sequence == minute + 1
        assert added.reading.valid is not blocks(tuple(findings))
        visit = added.visit
    assert seen_findings >= 4  # the cases above do carry findings
    assert [r.manual for r in visit.readings] == [False, False, False, True]
    assert [r.source.simulated for r in visit.readings] == [True, True, False, False]
    assert _outbox(store, visit.id) == {r.id for r in visit.readings if r.valid}
    with store.database.sessions() as session:
        rule_sets = set(session.scalars(select(FindingRow.rule_set)))
    assert rule_sets == {"esh-2023"}  # the findings named none: stored with the visit's
    report = verify_audit(store.database)
    assert report.ok, report.to_json()
    assert report.to_json()["entries"] == 1 + len(READINGS)


def test_a_copy_that_is_no_longer_stored_is_read_afresh(store):
    visit = _open(store)
    measurement, source = READINGS[0]
    # Another writer adds a reading and discards it; the caller's copy knows neither.
    other = store.add_reading(
        visit_id=visit.id,
        measurement=measurement,
        source=source,
        findings=[],
        received_at=T0,
        actor=TEST_ACTOR,
    )
    added = store.add_reading_to(
        visit, measurement=measurement, source=source, findings=[], received_at=T0, actor=TEST_ACTOR
    )
    assert [r.id for r in added.visit.readings] == [other.id, added.reading.id]
    assert added.visit == store.visit(visit.id)
    copy = added.visit
    store.discard_reading(other.id, "cuff slipped", T0 + timedelta(minutes=1), actor=TEST_ACTOR)
    again = store.add_reading_to(
        copy, measurement=measurement, source=source, findings=[], received_at=T0, actor=TEST_ACTOR
    )
    assert again.visit == store.visit(visit.id)
    assert again.visit.readings[0].discarded_reason == "cuff slipped"
    assert verify_audit(store.database).ok


def _entries(store: Store) -> int:
    with store.database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0)


def test_a_closed_visit_takes_no_reading_and_nothing_is_written(store):
    visit = _open(store)
    store.cancel_visit(visit.id, actor=TEST_ACTOR, at=T0 + timedelta(minutes=1))
    before = _entries(store)
    measurement, source = READINGS[0]
    with pytest.raises(StoreError, match="cancelled, not open"):
        store.add_reading_to(
            visit,
            measurement=measurement,
            source=source,
            findings=[],
            received_at=T0,
            actor=TEST_ACTOR,
        )
    assert store.visit(visit.id).readings == ()
    assert _entries(store) == before
    assert verify_audit(store.database).ok


def _desk(url: str, visit: StoredVisit, count: int, errors: list[BaseException]) -> None:
    """A desk of its own (its own engine and connections) adding ``count`` readings."""
    database = open_database(url)
    try:
        store = Store(database)
        for index in range(count):
            measurement, source = READINGS[index % len(READINGS)]
            visit = store.add_reading_to(
                visit,
                measurement=measurement,
                source=source,
                findings=[],
                received_at=T0 + timedelta(seconds=index),
                actor=TEST_ACTOR,
            ).visit
    except BaseException as exc:  # noqa: BLE001 - reported by the test
        errors.append(exc)
    finally:
        database.close()


def _run_desks(url: str, visits: list[StoredVisit], count: int) -> None:
    errors: list[BaseException] = []
    threads = [threading.Thread(target=_desk, args=(url, v, count, errors)) for v in visits]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_desks_adding_readings_at_once_keep_one_chain(store, any_db_url):
    first, second = _open(store), _open(store)
    _run_desks(any_db_url, [first, second], 15)
    for visit in (first, second):
        assert [r.sequence for r in store.visit(visit.id).readings] == list(range(1, 16))
    report = verify_audit(store.database)
    assert report.ok, report.to_json()
    assert report.to_json()["entries"] == 2 + 30


def test_desks_adding_to_one_visit_on_postgres_number_its_readings_once(postgres_url):
    """The visit's row lock: two desks adding to the same visit wait for one another, so
    every reading gets its own number and each desk's copy is brought up to date."""
    database = open_database(postgres_url)
    try:
        store = Store(database)
        visit = _open(store)
        _run_desks(postgres_url, [visit, visit], 12)
        assert [r.sequence for r in store.visit(visit.id).readings] == list(range(1, 25))
        assert verify_audit(database).ok
    finally:
        database.close()
