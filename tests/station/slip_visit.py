"""Visits for the result-slip tests, recorded through the real Store API and confirmed by a
real operator (so the slip can name them), with the referral the checks give, as the desk
stores it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from devices.measurements import BloodPressure, Measurement, PressureUnit, SpO2
from station.audit import Actor
from station.checks import check_measurement
from station.person import Person
from station.results import summarise
from station.store.database import Database
from station.store.operators import Operator, OperatorStore
from station.store.repository import ReadingSource, Store, StoredVisit, VisitOutcome
from tests.station.actors import CANCEL_AT

WIB = timezone(timedelta(hours=7))
# A woman born 15 July 1985 (NIK digits 7-12: 55 07 85, +40 for a woman).
NIK = "3174015507850002"
PERSON = Person(NIK, "Siti Rahayu", date(1985, 7, 15))
# A child of 8 (AAP 2017 under 13: long category names).
CHILD = Person("3174014408180004", "Putri Ayu Wulandari", date(2018, 8, 4))
STARTED = datetime(2026, 11, 22, 9, 5, tzinfo=WIB)
OPERATOR_NAME = "Ani Lestari"
OPERATOR_NIK = "3171014403800001"

CUFF = ReadingSource("cuff-1", "Omron HEM-7155T", simulated=False)
OXIMETER = ReadingSource("ox-1", "Contec CMS50D+", simulated=False)
SIMULATED_CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
TYPED = ReadingSource("manual", "typed by hand", simulated=False, source="manual")


def bp(systolic: float, diastolic: float, pulse: float = 70.0) -> BloodPressure:
    return BloodPressure(
        systolic, diastolic, None, PressureUnit.MMHG, bytes.fromhex("1e78005000"), pulse
    )


def spo2(value: float = 97.0, pulse: float = 72.0) -> SpO2:
    return SpO2(value, pulse, bytes.fromhex("00620048"))


@dataclass(frozen=True)
class Taken:
    """One reading of a slip visit and where it came from."""

    measurement: Measurement
    source: ReadingSource


# A first reading at or above 140/90 asks for a third; the result is the mean of the last
# two, 145/91 (ESH grade 1: follow up within 30 days); SpO2 97 %, pulse 72 from the oximeter.
GRADE_1 = (
    Taken(bp(150, 95), CUFF),
    Taken(bp(146, 92), CUFF),
    Taken(bp(144, 90), CUFF),
    Taken(spo2(97, 72), OXIMETER),
)
GRADE_1_QR_VALUES = "BP=145/91;SPO2=97;HR=72"


def add_operator(database: Database, name: str = OPERATOR_NAME) -> Operator:
    """The clinic's first operator (an admin, as the first must be), added on the command
    line by the IT person."""
    return OperatorStore(database).add(
        name,
        "admin",
        OPERATOR_NIK,
        "482915",
        datetime.now(UTC),
        actor=Actor.os_account("it-person"),
        station_id="desk-1",
    )


def record(
    store: Store,
    operator: Operator | None,
    *,
    person: Person = PERSON,
    started: datetime = STARTED,
    readings: Sequence[Taken] = GRADE_1,
    status: str = "confirmed",
    station_id: str = "desk-1",
) -> StoredVisit:
    """A visit with ``readings`` a minute apart, then confirmed by ``operator`` with the
    referral its results give (or cancelled, or left open)."""
    actor = (
        Actor(operator.id, operator.name) if operator is not None else Actor.os_account("tester")
    )
    visit = store.create_visit(
        station_id=station_id,
        queue_number=store.next_queue_number(started.date()),
        person=person,
        started_at=started,
        rule_set="esh-2023",
        rule_set_version="1",
        actor=actor,
    )
    for index, taken in enumerate(readings, start=1):
        store.add_reading(
            visit_id=visit.id,
            measurement=taken.measurement,
            source=taken.source,
            findings=check_measurement(taken.measurement),
            received_at=started + timedelta(minutes=index),
            actor=actor,
        )
    if status == "cancelled":
        store.cancel_visit(visit.id, actor=actor, at=CANCEL_AT)
        return store.visit(visit.id)
    if status != "confirmed":
        return store.visit(visit.id)
    evaluation = summarise(store.visit(visit.id)).evaluation
    assert evaluation is not None
    outcome = VisitOutcome(str(evaluation.referral))
    end = started + timedelta(minutes=len(readings) + 1)
    return store.confirm_visit(visit.id, end, outcome, actor=actor)
