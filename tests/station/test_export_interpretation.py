"""Issue 10 item 4 end to end: a stored visit with a reading of 170/60 becomes two Observations,
each judged on its own value against its own reference range (systolic H, diastolic N), with
no body site unless the desk's ``bp_arm`` names one. Real SQLite store, the export model both
``export --fhir`` and the uploader map from, and the FHIR R4 models of fhir.resources (R4B)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from fhir.resources.R4B.observation import Observation

from devices.measurements import BloodPressure, PressureUnit
from fhir_export.mapping import to_dict, visit_bundle
from fhir_export.model import ExportContext
from station.checks.engine import CheckReading, check_reading
from station.export import visit_to_export
from station.person import Person
from station.store.database import open_database
from station.store.repository import ReadingSource, Store
from tests.station.actors import TEST_ACTOR

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 22, 9, 0, tzinfo=WIB)
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"


def test_isolated_systolic_reading_exports_each_value_judged_alone(db_url):
    database = open_database(db_url)
    try:
        store = Store(database)
        visit = store.create_visit(
            station_id="desk-1",
            queue_number=store.next_queue_number(T0.date()),
            person=Person("3174015507850002", "Siti Rahayu", date(1970, 7, 15)),
            started_at=T0,
            rule_set="esh-2023",
            rule_set_version="1",
            actor=TEST_ACTOR,
        )
        reading = BloodPressure(170.0, 60.0, 97.0, PressureUnit.MMHG, b"", pulse_rate=70.0)
        at = T0 + timedelta(minutes=1)
        store.add_reading(
            visit_id=visit.id,
            measurement=reading,
            source=ReadingSource("ble:AA", "Omron HEM-7142T1", simulated=False),
            findings=check_reading(CheckReading(reading, at.replace(tzinfo=None))),
            received_at=at,
            actor=TEST_ACTOR,
        )
        confirmed = store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=TEST_ACTOR)
        bundle = to_dict(visit_bundle(visit_to_export(confirmed), ExportContext("", "", "")))
    finally:
        database.close()
    observations = {
        e["resource"]["code"]["coding"][0]["code"]: e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
    }
    systolic, diastolic = observations["8480-6"], observations["8462-4"]
    for resource in (systolic, diastolic):
        Observation.model_validate(resource)
        assert "bodySite" not in resource  # bp_arm empty: nobody recorded the arm
    assert systolic["interpretation"][0]["coding"][0]["code"] == "H"
    assert systolic["referenceRange"][0]["high"]["value"] == 139
    assert diastolic["interpretation"] == [
        {
            "coding": [{"system": INTERPRETATION, "code": "N", "display": "Normal"}],
            "text": "Dalam nilai referensi",
        }
    ]
    assert diastolic["referenceRange"][0]["high"]["value"] == 89
    assert "terisolasi" not in str(diastolic)
