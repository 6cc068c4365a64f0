"""A returning person's last visit (station.store.people), on SQLite and PostgreSQL, with two
desks writing to the same database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from devices.measurements import BloodPressure, PressureUnit
from station.checks import check_measurement
from station.person import Person
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.people import People, PreviousVisit
from station.store.repository import ReadingSource, Store
from tests.station.actors import CANCEL_AT, TEST_ACTOR

T0 = datetime(2026, 3, 12, 2, 0, tzinfo=UTC)
NIK = "3174015507850002"
OTHER = "3201020304550003"


@pytest.fixture(params=["sqlite", "postgres"])
def url(request):
    return request.getfixturevalue("db_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture
def desks(url):
    """Two desks, each with its own connection to one database."""
    first, second = open_database(url), open_database(url)
    yield Store(first), Store(second)
    first.close()
    second.close()


def visit(store, desk, person, started, status):
    created = store.create_visit(
        station_id=desk,
        queue_number=store.next_queue_number(started.date()),
        person=person,
        started_at=started,
        rule_set="station-plausibility",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )
    if status is VisitStatus.CONFIRMED:
        reading = BloodPressure(121.0, 79.0, 93.0, PressureUnit.MMHG, b"\x00")
        store.add_reading(
            visit_id=created.id,
            measurement=reading,
            source=ReadingSource("cuff", "cuff", simulated=False),
            findings=check_measurement(reading),
            received_at=started + timedelta(minutes=1),
            actor=TEST_ACTOR,
        )
        store.confirm_visit(created.id, started + timedelta(minutes=5), actor=TEST_ACTOR)
    elif status is VisitStatus.CANCELLED:
        store.cancel_visit(created.id, actor=TEST_ACTOR, at=CANCEL_AT)
    return created


def test_a_nik_never_seen_has_no_previous_visit(desks):
    first, _second = desks
    visit(first, "desk-1", Person(OTHER, "Budi Santoso", None), T0, VisitStatus.CONFIRMED)
    assert People(first.database).last_visit(NIK) is None


def test_the_latest_confirmed_visit_at_any_desk(desks):
    first, second = desks
    visit(first, "desk-1", Person(NIK, "Siti Rahaju", date(1985, 7, 15)), T0, VisitStatus.CONFIRMED)
    later = T0 + timedelta(days=30)
    visit(
        second,
        "desk-2",
        Person(NIK, "Siti Rahayu", date(1985, 7, 15)),
        later,
        VisitStatus.CONFIRMED,
    )
    # Someone else's visit after both is not theirs.
    visit(
        first,
        "desk-1",
        Person(OTHER, "Budi", None),
        later + timedelta(days=1),
        VisitStatus.CONFIRMED,
    )

    found = People(first.database).last_visit(NIK)
    assert found == PreviousVisit(
        nik=NIK,
        name="Siti Rahayu",
        birth_date=date(1985, 7, 15),
        started_at=later,
        station_id="desk-2",
        status=VisitStatus.CONFIRMED,
    )


def test_a_later_cancelled_or_open_visit_does_not_replace_a_confirmed_one(desks):
    first, second = desks
    visit(first, "desk-1", Person(NIK, "Siti Rahayu", date(1985, 7, 15)), T0, VisitStatus.CONFIRMED)
    # Cancelled: perhaps for being the wrong person; and one still open at the other desk.
    visit(
        second,
        "desk-2",
        Person(NIK, "Wrong Person", None),
        T0 + timedelta(days=1),
        VisitStatus.CANCELLED,
    )
    visit(
        second, "desk-2", Person(NIK, "Also Wrong", None), T0 + timedelta(days=2), VisitStatus.OPEN
    )

    found = People(second.database).last_visit(NIK)
    assert found is not None
    assert (found.name, found.station_id, found.status) == (
        "Siti Rahayu",
        "desk-1",
        VisitStatus.CONFIRMED,
    )


def test_without_a_confirmed_visit_the_latest_of_any_status_says_which(desks):
    first, second = desks
    visit(first, "desk-1", Person(NIK, "Siti", None), T0, VisitStatus.CANCELLED)
    visit(
        second,
        "desk-2",
        Person(NIK, "Siti Rahayu", None),
        T0 + timedelta(hours=1),
        VisitStatus.CANCELLED,
    )

    found = People(first.database).last_visit(NIK)
    assert found is not None
    assert (found.name, found.birth_date, found.status) == (
        "Siti Rahayu",
        None,
        VisitStatus.CANCELLED,
    )
    assert found.started_at == T0 + timedelta(hours=1)
