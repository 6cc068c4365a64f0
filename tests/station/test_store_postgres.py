"""The same store code on a real PostgreSQL server (several desks, one database)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

from devices.measurements import BloodPressure, PressureUnit
from station.checks import check_measurement
from station.person import Person
from station.store.database import head_revision, open_database
from station.store.repository import ReadingSource, Store
from tests.station.actors import TEST_ACTOR

T0 = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


def test_migrations_and_round_trip_on_postgres(postgres_url):
    database = open_database(postgres_url)
    store = Store(database)
    assert database.schema_revision() == head_revision()
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(T0.date()),
        person=Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15)),
        started_at=T0,
        rule_set="station-plausibility",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )
    measurement = BloodPressure(
        121.0, 79.0, 93.0, PressureUnit.MMHG, bytes.fromhex("00790050005d00")
    )
    stored = store.add_reading(
        visit_id=visit.id,
        measurement=measurement,
        source=ReadingSource("cuff", "cuff", simulated=False),
        findings=check_measurement(measurement),
        received_at=T0 + timedelta(minutes=1),
        actor=TEST_ACTOR,
    )
    store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=TEST_ACTOR)
    second_desk = open_database(postgres_url)
    again = Store(second_desk).visit(visit.id)
    second_desk.close()
    assert again.readings == (stored,)
    assert again.confirmed_at == T0 + timedelta(minutes=5)
    assert store.counts()["outbox"]["pending"] == 1
    database.close()


def test_desks_sharing_one_database_never_get_the_same_queue_number(postgres_url):
    desks = [Store(open_database(postgres_url)) for _ in range(4)]
    day = date(2026, 11, 22)

    def take(store: Store) -> list[int]:
        return [store.next_queue_number(day) for _ in range(15)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        numbers = [n for batch in pool.map(take, desks) for n in batch]
    assert sorted(numbers) == list(range(1, 61))
    for desk in desks:
        desk.database.close()
