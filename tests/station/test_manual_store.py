"""A manual reading end to end on a real SQLite file: typed, checked like a device reading,
stored with the manual source, read back as manual with what was typed, counted, exported as
FHIR R4 Observations with no device and the manual note, and passing the SATUSEHAT rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation

from devices.measurements import BloodPressure, MeasurementKind, PressureUnit
from fhir_export.mapping import MANUAL_NOTE, to_dict, visit_bundle
from fhir_export.model import ExportContext
from fhir_export.satusehat_rules import validate_bundle
from station.export import visit_to_export
from station.manual_entry import MANUAL_SOURCE, check_manual, parse_manual
from station.person import Person
from station.results import local_naive, summarise
from station.store.database import open_database
from station.store.models import OutboxRow
from station.store.repository import ReadingSource, Store
from tests.station.actors import TEST_ACTOR

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 22, 9, 0, tzinfo=WIB)
CUFF = ReadingSource("ble:AA", "Omron HEM-7142T1", simulated=False)
CTX = ExportContext(
    organization_id="10000004",
    location_id="b017aa54-f1df-4ec2-9d84-8823815d7228",
    practitioner_nik="3174010101800001",
    practitioner_ihs="10009880728",
)


@pytest.fixture
def store(db_url):
    database = open_database(db_url)
    yield Store(database)
    database.close()


def new_visit(store):
    return store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(T0.date()),
        person=Person("3174015507850002", "Siti Rahayu", date(1970, 7, 15)),
        started_at=T0,
        rule_set="esh-2023",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )


def add(store, visit, measurement, source, minutes):
    at = T0 + timedelta(minutes=minutes)
    return store.add_reading(
        visit_id=visit.id,
        measurement=measurement,
        source=source,
        findings=check_manual(measurement, received_at=local_naive(at)),
        received_at=at,
        actor=TEST_ACTOR,
    )


def test_a_manual_reading_reads_back_as_manual_counted_with_what_was_typed(store, db_url):
    visit = new_visit(store)
    typed = parse_manual(
        MeasurementKind.BLOOD_PRESSURE, {"systolic": "128", "diastolic": "84", "pulse_rate": "66"}
    )
    stored = add(store, visit, typed, MANUAL_SOURCE, 1)
    assert stored.manual
    assert stored.counts

    # Read back by another connection to the same file.
    again = Store(open_database(db_url))
    try:
        (reading,) = again.visit(visit.id).readings
        with again.database.sessions() as session:
            outbox = session.query(OutboxRow).filter_by(reading_id=reading.id).one_or_none()
    finally:
        again.database.close()
    assert reading.manual
    assert reading.counts
    assert reading.source == MANUAL_SOURCE
    assert not reading.source.simulated
    assert reading.measurement == typed
    assert reading.measurement.raw.decode("utf-8") == "manual:bp:128/84/66"
    assert outbox is not None  # a valid manual reading is uploaded like any other


def test_a_blocked_manual_value_is_kept_but_never_counted(store):
    visit = new_visit(store)
    impossible = parse_manual(
        MeasurementKind.BLOOD_PRESSURE, {"systolic": "80", "diastolic": "120"}
    )
    stored = add(store, visit, impossible, MANUAL_SOURCE, 1)
    assert stored.manual
    assert not stored.valid
    assert not stored.counts
    (reading,) = store.visit(visit.id).readings
    assert reading.measurement.raw == b"manual:bp:80/120/-"
    assert any(f.code == "systolic-not-above-diastolic" for f in reading.findings)


def test_results_say_which_values_were_entered_by_hand(store):
    visit = new_visit(store)
    oximetry = parse_manual(MeasurementKind.SPO2, {"spo2": "97", "pulse_rate": "74"})
    add(store, visit, oximetry, MANUAL_SOURCE, 1)
    cuff = BloodPressure(126.0, 82.0, None, PressureUnit.MMHG, b"\x1e", pulse_rate=70.0)
    add(store, visit, cuff, CUFF, 2)
    results = summarise(store.visit(visit.id))
    assert results.spo2 is not None
    assert results.spo2.manual
    assert results.heart_rate is not None
    assert results.heart_rate.manual  # the oximeter's pulse, typed in
    assert results.blood_pressure is not None
    assert not results.blood_pressure.manual
    assert results.any_manual
    assert results.to_json()["spo2"]["manual"] is True


def test_manual_readings_export_with_the_manual_note_and_no_device(store):
    visit = new_visit(store)
    oximetry = parse_manual(MeasurementKind.SPO2, {"spo2": "97", "pulse_rate": "74"})
    add(store, visit, oximetry, MANUAL_SOURCE, 1)
    cuff = BloodPressure(126.0, 82.0, None, PressureUnit.MMHG, b"\x1e", pulse_rate=70.0)
    add(store, visit, cuff, CUFF, 2)
    confirmed = store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=TEST_ACTOR)
    export = replace(visit_to_export(confirmed), patient_ihs="P02478375538")
    assert {v.kind.value: v.manual for v in export.vitals} == {
        "spo2": True,
        "heart_rate": True,
        "systolic": False,
        "diastolic": False,
    }
    bundle = visit_bundle(export, CTX)
    data = to_dict(bundle)
    Bundle.model_validate(data)
    observations = {
        e["resource"]["code"]["coding"][0]["code"]: e["resource"]
        for e in data["entry"]
        if e["resource"]["resourceType"] == "Observation"
    }
    for code in ("2708-6", "8867-4"):
        manual = observations[code]
        Observation.model_validate(manual)
        assert "device" not in manual
        assert "method" not in manual
        assert manual["note"] == [{"text": MANUAL_NOTE}]
    for code in ("8480-6", "8462-4"):
        assert observations[code]["device"] == {"display": "Omron HEM-7142T1"}
        assert "note" not in observations[code]
    now = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
    assert validate_bundle(data, organization_id="10000004", now=now) == []
