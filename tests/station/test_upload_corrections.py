"""Same-day corrections reaching the imitation SATUSEHAT on loopback (real HTTP, real
SQLite file): an uploaded visit corrected is sent as updates of the same resources (same ids,
same identifiers, status amended or entered-in-error, never a second copy); a visit corrected
before its upload only ever sends its new values."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from devices.measurements import BloodPressure, PressureUnit, SpO2
from fhir_export.mapping import OBSERVATION_SYSTEM
from station.checks.engine import CheckReading, check_reading
from station.checks.rulesets import DEFAULT_RULE_SET, RULE_SETS
from station.corrections import Correction, Discard, NewValues
from station.export import vital_identifier, vital_kinds
from station.person import Person
from station.results import local_naive, summarise
from station.store.corrections import CorrectionStore
from station.store.database import open_database
from station.store.models import OutboxRow, OutboxStatus
from station.store.repository import ReadingSource, Store, VisitOutcome
from tests.satusehat_server import Fault
from tests.station.actors import TEST_ACTOR
from tests.station.test_upload import ORG, drain

NIK = "3174015507850002"
CUFF = ReadingSource("cuff-1", "Omron HEM-7155T", simulated=False)
OXIMETER = ReadingSource("ox-1", "Contec CMS50D+", simulated=False)
OBS_SYSTEM = OBSERVATION_SYSTEM.format(organization_id=ORG)


def bp(systolic, diastolic, raw=b"\x1e\x96\x00\x5f\x00"):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, raw, pulse_rate=72.0)


def record_visit(settings, server):
    """A visit of a few seconds ago, as the desk records it: two cuff readings and one
    oximeter reading, confirmed; the person registered on the server."""
    database = open_database(settings.database.url)
    store = Store(database)
    started = datetime.now(UTC) - timedelta(seconds=20)
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=1,
        person=Person(NIK, "Siti Rahayu", date(1985, 7, 15)),
        started_at=started,
        rule_set=DEFAULT_RULE_SET,
        rule_set_version=RULE_SETS[DEFAULT_RULE_SET].version,
        actor=TEST_ACTOR,
    )
    for seconds, measurement, source in (
        (2, bp(150.0, 95.0), CUFF),
        (4, bp(148.0, 93.0), CUFF),
        (6, SpO2(97.0, 74.0, b"\x02"), OXIMETER),
    ):
        received = started + timedelta(seconds=seconds)
        store.add_reading(
            visit_id=visit.id,
            measurement=measurement,
            source=source,
            findings=check_reading(CheckReading(measurement, local_naive(received))),
            received_at=received,
            actor=TEST_ACTOR,
        )
    visit = store.visit(visit.id)
    referral = str(summarise(visit).evaluation.referral)
    visit = store.confirm_visit(
        visit.id, started + timedelta(seconds=8), VisitOutcome(referral), actor=TEST_ACTOR
    )
    database.close()
    server.register_patient(NIK, "P00000000001")
    return visit


def correct(settings, visit, *changes, reason="typed from the previous person's slip"):
    database = open_database(settings.database.url)
    try:
        return CorrectionStore(database).apply(
            visit.id, Correction(reason, tuple(changes)), datetime.now(UTC), actor=TEST_ACTOR
        )
    finally:
        database.close()


def outbox(settings):
    database = open_database(settings.database.url)
    try:
        with database.sessions() as session:
            return {row.reading_id: row for row in session.scalars(select(OutboxRow))}
    finally:
        database.close()


def observation(server, reading_id, kind):
    (found,) = server.find("Observation", OBS_SYSTEM, vital_identifier(reading_id, kind))
    return found


def puts(server):
    return [r for r in server.requests if r.method == "PUT"]


def transactions(server):
    return [r for r in server.requests if r.method == "POST" and r.path == "/fhir-r4/v1"]


def test_an_uploaded_visit_corrected_is_updated_on_the_server_never_copied(upload_settings, server):
    visit = record_visit(upload_settings, server)
    r1, r2, r3 = visit.readings
    summary, counts, _store = drain(upload_settings)
    assert (summary.sent, counts["sent"]) == (3, 3)
    before = {o["id"]: o for o in server.resources("Observation")}
    assert len(before) == 6  # 2 + 2 blood pressure, SpO2 and heart rate
    sent = {reading: json.loads(row.server_ids) for reading, row in outbox(upload_settings).items()}

    corrected = correct(
        upload_settings, visit, NewValues(r1.id, bp(122.0, 78.0, b"")), Discard(r3.id)
    )
    summary, counts, _store = drain(upload_settings)

    assert (summary.sent, summary.failed, summary.dead) == (2, 0, 0)
    assert counts == {"pending": 0, "sending": 0, "sent": 3, "failed": 0, "dead": 0}
    # The same resources: same ids, same count, no new create.
    after = {o["id"]: o for o in server.resources("Observation")}
    assert set(after) == set(before)
    assert len(server.resources("Encounter")) == 1
    assert len(transactions(server)) == 1
    for reading in (r1, r2, r3):
        for kind in vital_kinds(reading.measurement):
            assert server.count_by_identifier(OBS_SYSTEM, vital_identifier(reading.id, kind)) == 1
    # The corrected reading: amended, with the new values, version 2; version 1 kept.
    systolic_id, diastolic_id = sent[r1.id]
    systolic = after[systolic_id]
    assert systolic["identifier"] == before[systolic_id]["identifier"]
    assert systolic["subject"] == before[systolic_id]["subject"]
    assert systolic["encounter"] == before[systolic_id]["encounter"]
    assert (systolic["status"], systolic["valueQuantity"]["value"]) == ("amended", 122)
    assert systolic["meta"]["versionId"] == "2"
    assert after[diastolic_id]["valueQuantity"]["value"] == 78
    assert [v["valueQuantity"]["value"] for v in server.versions("Observation", systolic_id)] == [
        150,
        122,
    ]
    assert systolic["issued"] == corrected.corrected_at.replace(microsecond=0).isoformat()
    # The discarded reading: withdrawn, entered-in-error, its values as they were.
    for server_id in sent[r3.id]:
        assert after[server_id]["status"] == "entered-in-error"
        assert after[server_id]["meta"]["versionId"] == "2"
    spo2 = observation(server, r3.id, vital_kinds(r3.measurement)[0])
    assert spo2["valueQuantity"]["value"] == 97
    # The untouched reading: still version 1, final.
    for server_id in sent[r2.id]:
        assert after[server_id] == before[server_id]
    assert len(puts(server)) == 4
    # The outbox: sent again, amendment kept as the revision the server has.
    rows = outbox(upload_settings)
    assert (rows[r1.id].amendment, rows[r3.id].amendment, rows[r2.id].amendment) == (2, 2, 0)
    assert {r: json.loads(row.server_ids) for r, row in rows.items()} == sent
    # Nothing left to send.
    again, _counts, _store = drain(upload_settings)
    assert again.visits == 0
    assert len(puts(server)) == 4


def test_a_visit_corrected_before_its_upload_only_ever_sends_the_new_values(
    upload_settings, server
):
    visit = record_visit(upload_settings, server)
    r1, r2, r3 = visit.readings
    correct(upload_settings, visit, NewValues(r1.id, bp(122.0, 78.0, b"")), Discard(r2.id))
    summary, counts, _store = drain(upload_settings)

    assert (summary.sent, counts["sent"]) == (2, 2)
    assert len(transactions(server)) == 1
    assert puts(server) == []
    observations = server.resources("Observation")
    assert len(observations) == 4  # r1's two and the oximeter's two; nothing of r2
    systolic = observation(server, r1.id, vital_kinds(r1.measurement)[0])
    assert (systolic["status"], systolic["valueQuantity"]["value"]) == ("final", 122)
    assert systolic["meta"]["versionId"] == "1"
    assert all(o["valueQuantity"]["value"] not in (150, 95, 148, 93) for o in observations)
    for kind in vital_kinds(r2.measurement):
        assert server.count_by_identifier(OBS_SYSTEM, vital_identifier(r2.id, kind)) == 0
    assert r2.id not in outbox(upload_settings)
    assert r3.id in outbox(upload_settings)


def test_a_correction_after_an_unanswered_upload_finds_the_resources_and_updates_them(
    upload_settings, server
):
    """The transaction was stored but its answer lost: the entries have no server ids. The
    correction makes them amendments; the sync looks them up and updates them."""
    visit = record_visit(upload_settings, server)
    r1 = visit.readings[0]
    server.add_fault(Fault.drop_after_store(method="POST", path="/fhir-r4/v1"))
    summary, counts, _store = drain(upload_settings)
    assert (summary.failed, counts["failed"]) == (3, 3)
    assert len(server.resources("Observation")) == 6  # there, unknown to the station
    correct(upload_settings, visit, NewValues(r1.id, bp(122.0, 78.0, b"")))
    rows = outbox(upload_settings)
    assert (rows[r1.id].status, rows[r1.id].amendment, rows[r1.id].server_ids) == (
        OutboxStatus.PENDING,
        2,
        None,
    )

    summary, counts, _store = drain(upload_settings, include_failed=True)

    assert (summary.sent, counts["sent"]) == (3, 3)
    assert len(server.resources("Observation")) == 6
    assert len(transactions(server)) == 1  # found, not sent again
    systolic = observation(server, r1.id, vital_kinds(r1.measurement)[0])
    assert (systolic["status"], systolic["valueQuantity"]["value"]) == ("amended", 122)
    assert len(puts(server)) == 2


def test_an_update_of_a_resource_the_server_does_not_hold_needs_a_person(upload_settings, server):
    visit = record_visit(upload_settings, server)
    r1 = visit.readings[0]
    drain(upload_settings)
    database = open_database(upload_settings.database.url)
    with database.sessions.begin() as session:  # a recorded id the server never gave
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.reading_id == r1.id)
            .values(server_ids=json.dumps(["no-such-1", "no-such-2"]))
        )
    database.close()
    correct(upload_settings, visit, NewValues(r1.id, bp(122.0, 78.0, b"")))

    summary, counts, store = drain(upload_settings)

    assert (summary.dead, counts["dead"]) == (1, 1)
    (problem,) = store.problems()
    assert "no Observation/no-such-1 to update" in problem.error
    assert 20007 in problem.rule_numbers or "20007" in problem.error
    systolic = observation(server, r1.id, vital_kinds(r1.measurement)[0])
    assert (systolic["status"], systolic["valueQuantity"]["value"]) == ("final", 150)
    assert len(server.resources("Observation")) == 6  # never re-created blindly


@pytest.mark.parametrize("status", [503, 500])
def test_a_failed_update_is_retried_and_arrives_once(upload_settings, server, status):
    visit = record_visit(upload_settings, server)
    r1 = visit.readings[0]
    drain(upload_settings)
    correct(upload_settings, visit, NewValues(r1.id, bp(122.0, 78.0, b"")))
    server.add_fault(Fault.http_status(status, method="PUT"), times=10)
    summary, counts, _store = drain(upload_settings)
    assert (summary.failed, counts["failed"]) == (1, 1)
    server.clear_faults()
    summary, counts, _store = drain(upload_settings, include_failed=True)
    assert (summary.sent, counts["sent"]) == (1, 3)
    systolic = observation(server, r1.id, vital_kinds(r1.measurement)[0])
    assert (systolic["status"], systolic["valueQuantity"]["value"]) == ("amended", 122)
    assert len(server.resources("Observation")) == 6
