"""Issue 10 item 14, the storage and upload end: a reading with an impossible value is stored
for audit, marked invalid, gets no outbox entry and no Observation, and the visit's stored
results ignore it. On a real SQLite file, through the checks the desk runs on every reading
(``station.checks.engine.check_reading``) and the export both ``export --fhir`` and the
uploader map from (``station.export.visit_to_export``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from devices.codecs.blood_pressure import decode_blood_pressure
from devices.measurements import BloodPressure, PressureUnit, SpO2
from fhir_export.model import VitalKind
from station.checks.engine import CheckReading, check_reading
from station.export import visit_to_export
from station.person import Person
from station.store.database import open_database
from station.store.models import OutboxRow
from station.store.repository import ReadingSource, Store
from tests.station.actors import TEST_ACTOR

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 22, 9, 0, tzinfo=WIB)
CUFF = ReadingSource("ble:AA", "Beurer BM85", simulated=False)
OXIMETER = ReadingSource("serial:ttyUSB0", "Contec CMS50D+", simulated=False)
PERSON = Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15))
# The real BM85 capture decoded by the specification: pulse -256000, MAP 0 (device-protocols
# test vector from derdilla/blood-pressure-monitor-fl, see tests/devices/test_beurer_cuff.py).
BEURER_BY_SPEC = bytes([86, 106, 0, 71, 0, 0, 0, 234, 7, 8, 11, 18, 31, 0, 0, 63, 0, 0, 0])


@pytest.fixture
def store(db_url):
    database = open_database(db_url)
    yield Store(database)
    database.close()


def _add(store, visit, measurement, source, at):
    findings = check_reading(CheckReading(measurement, at.replace(tzinfo=None)))
    return store.add_reading(
        visit_id=visit.id,
        measurement=measurement,
        source=source,
        findings=findings,
        received_at=at,
        actor=TEST_ACTOR,
    )


@pytest.mark.parametrize(
    "impossible",
    [
        pytest.param(decode_blood_pressure(BEURER_BY_SPEC), id="BM85 by the spec: pulse -256000"),
        pytest.param(
            BloodPressure(120.0, 80.0, 250.0, PressureUnit.MMHG, b"", pulse_rate=72.0),
            id="MAP 250 above its systolic",
        ),
        pytest.param(SpO2(98.0, 400.0, b""), id="oximeter pulse 400"),
    ],
)
def test_an_invalid_reading_is_kept_but_never_queued_or_exported(store, impossible):
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(T0.date()),
        person=PERSON,
        started_at=T0,
        rule_set="esh-2023",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )
    source = OXIMETER if isinstance(impossible, SpO2) else CUFF
    bad = _add(store, visit, impossible, source, T0 + timedelta(minutes=1))
    good = _add(store, visit, SpO2(97.0, 75.0, b""), OXIMETER, T0 + timedelta(minutes=2))
    assert not bad.valid
    assert any(f.severity == "invalid" for f in bad.findings)
    assert good.valid
    confirmed = store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=TEST_ACTOR)
    # Stored for audit, invalid; only the good reading waits for upload.
    assert [r.valid for r in confirmed.readings] == [False, True]
    with store.database.sessions() as session:
        queued = session.scalars(select(OutboxRow.reading_id)).all()
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 1
    assert queued == [good.id]
    export = visit_to_export(confirmed)
    assert {v.identifier.rsplit("-", 1)[0] for v in export.vitals} == {good.id}
    assert {v.kind for v in export.vitals} == {VitalKind.SPO2, VitalKind.HEART_RATE}
    assert [v.value for v in export.vitals if v.kind is VitalKind.HEART_RATE] == [75.0]
