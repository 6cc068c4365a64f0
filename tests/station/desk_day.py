"""Recording a desk day through the real Store API, for the day, summary and follow-up tests.

Visits, readings, discards, confirmation and cancellation go through ``Store``; upload
outcomes through ``UploadStore`` (claim, then mark sent or dead, as the uploader does). Skipped
queue numbers are rows of ``queue_calls``, written directly: the store has no call API yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

from devices.measurements import BloodPressure, PressureUnit, SpO2
from station.checks import check_measurement
from station.person import Person
from station.store.database import Database
from station.store.models import QueueCallOutcome, QueueCallRow
from station.store.outbox import UploadStore
from station.store.repository import ReadingSource, Store, StoredVisit, VisitOutcome
from tests.station.actors import CANCEL_AT, TEST_ACTOR

WIB = timezone(timedelta(hours=7))
CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
TYPED = ReadingSource("manual", "typed by hand", simulated=False, source="manual")
BP_RAW = bytes.fromhex("1e78005000")

# NIKs of the right shape: region 3174, birth date in digits 7-12 (+40 on the day: a woman).
ADULT = Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15))  # 41 in 2026
ELDER = Person("3174010203450003", "Budi Santoso", date(1945, 3, 2))  # 81
CHILD = Person("3174014408220004", "Putri Lestari", date(2022, 8, 4))  # 4
TEEN = Person("3174011011120005", "Joko Wijaya", date(2012, 11, 10))  # 14


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment of ``day`` on the station's clock in Jakarta (WIB)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=WIB)


def bp(systolic: float | None = 120.0, diastolic: float = 80.0) -> BloodPressure:
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, BP_RAW, pulse_rate=72.0)


def spo2(value: float = 98.0) -> SpO2:
    return SpO2(value, 72.0, bytes.fromhex("00620048"))


@dataclass(frozen=True)
class Reading:
    """One reading of a recorded visit: ``manual`` typed by hand; ``discard`` it afterwards."""

    measurement: BloodPressure | SpO2
    manual: bool = False
    discard: bool = False


def record_visit(
    store: Store,
    person: Person,
    started_at: datetime,
    *,
    status: str = "confirmed",
    referral: str | None = "none",
    readings: Sequence[Reading] = (Reading(bp()),),
    station_id: str = "desk-1",
    queue_number: int | None = None,
) -> StoredVisit:
    """A visit started at ``started_at``, its readings a minute apart, then confirmed (with
    ``referral``, or no outcome when None), cancelled, or left open."""
    visit = store.create_visit(
        station_id=station_id,
        queue_number=queue_number or store.next_queue_number(started_at.date()),
        person=person,
        started_at=started_at,
        rule_set="esh-2023",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )
    for index, reading in enumerate(readings, start=1):
        stored = store.add_reading(
            visit_id=visit.id,
            measurement=reading.measurement,
            source=TYPED if reading.manual else CUFF,
            findings=check_measurement(reading.measurement),
            received_at=started_at + timedelta(minutes=index),
            actor=TEST_ACTOR,
        )
        if reading.discard:
            store.discard_reading(
                stored.id, "cuff slipped", started_at + timedelta(minutes=index), actor=TEST_ACTOR
            )
    end = started_at + timedelta(minutes=len(readings) + 1)
    if status == "confirmed":
        outcome = VisitOutcome(referral) if referral is not None else None
        return store.confirm_visit(visit.id, end, outcome, actor=TEST_ACTOR)
    if status == "cancelled":
        store.cancel_visit(visit.id, actor=TEST_ACTOR, at=CANCEL_AT)
    return store.visit(visit.id)


def settle_upload(database: Database, visit_id: str, state: str) -> None:
    """Make a confirmed visit's entries ``sent`` or ``dead`` the way the uploader does."""
    outbox = UploadStore(database)
    now = datetime.now(UTC)
    claims = outbox.claim("test-sync", now, limit=1000)
    try:
        (claim,) = [c for c in claims if c.visit.id == visit_id]
        ids = [entry.id for entry in claim.entries]
        if state == "sent":
            outbox.mark_sent(claim, {i: [f"Observation/{i}"] for i in ids}, now, "Encounter/1")
        else:
            outbox.mark_dead(claim, ids, now, "rejected by the server", rule_numbers=[10121])
    finally:
        for other in claims:
            if other.visit.id != visit_id:
                outbox.release(other)


def record_calls(database: Database, day: date, outcomes: dict[int, str]) -> None:
    """Called queue numbers of ``day`` with what became of each (``skipped``, ``visit``...)."""
    at = datetime.combine(day, datetime.min.time(), tzinfo=WIB) + timedelta(hours=9)
    with database.sessions.begin() as session:
        session.add_all(
            QueueCallRow(
                day=day,
                queue_number=number,
                station_id="desk-1",
                called_at=at,
                last_called_at=at,
                recalls=2 if outcome == QueueCallOutcome.SKIPPED else 0,
                outcome=outcome,
                closed_at=at,
            )
            for number, outcome in outcomes.items()
        )
