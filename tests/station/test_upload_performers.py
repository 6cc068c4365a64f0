"""The upload names the operator who measured (issue 12): each Observation's performer is the
SATUSEHAT Practitioner of the operator who recorded its reading, the Encounter's attender the
one who confirmed, looked up by practitioner NIK and cached; data no operator recorded (the
demo, or from before operators existed) names ``SATUSEHAT_PRACTITIONER_NIK``. Against the
loopback SATUSEHAT (tests/satusehat_server) with a real SQLite file and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import unquote

import pytest

from station.desk_state import Phase
from station.service import DeviceRole
from station.store.database import open_database
from station.store.operators import OperatorStore
from station.store.outbox import UploadStore
from tests.station.actors import TEST_ACTOR
from tests.station.desk_harness import T0, bp, spo2
from tests.station.test_upload import drain, satusehat_environ

NIK = "3174015507850002"
ADMIN, ADMIN_PIN, ADMIN_NIK, ADMIN_IHS = "Ani Lestari", "482915", "3171014403800001", "N10000001"
WORKER, WORKER_PIN, WORKER_NIK, WORKER_IHS = (
    "Budi Santoso",
    "739201",
    "3171015208910002",
    "N10000002",
)


@pytest.fixture
def upload_settings(make_settings, server, any_db_url, tmp_path):
    path = tmp_path / "station.toml"
    path.write_text(f'[database]\nurl = "{any_db_url}"\n', encoding="utf-8")
    from config.settings import load_settings

    return load_settings(path, environ=satusehat_environ(server))


def record_visit_by_two_operators(make_desk, settings):
    """Ani measures blood pressure, locks the desk; Budi signs in, measures SpO2 and
    confirms. Returns the operators and the visit."""
    desk = make_desk(settings.database.url, sign_in_required=True)
    operators = OperatorStore(desk.database)
    admin = operators.add(
        ADMIN, "admin", ADMIN_NIK, ADMIN_PIN, T0, actor=TEST_ACTOR, station_id="desk-1"
    )
    worker = operators.add(
        WORKER, "health_worker", WORKER_NIK, WORKER_PIN, T0, actor=TEST_ACTOR, station_id="desk-1"
    )

    async def scenario():
        await desk.station.sign_in(ADMIN, ADMIN_PIN)
        await desk.station.call_next()
        visit = await desk.station.start_visit(NIK, "Siti Rahayu", None)
        desk.cuff.script += [bp(122.0, 78.0), bp(118.0, 80.0)]
        await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
        desk.clock.advance(60)
        await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
        await desk.station.lock()
        await desk.station.sign_in(WORKER, WORKER_PIN)
        desk.oximeter.script.append(spo2(97.0, 71.0))
        await desk.station.measure(DeviceRole.OXIMETER)
        await desk.station.confirm()
        assert desk.station.state.phase is Phase.IDLE
        return visit

    return admin, worker, asyncio.run(scenario())


def performers(server):
    """Each Observation's LOINC code and performer reference, and the Encounter's attender."""
    observations = {
        frozenset(c["code"] for c in o["code"]["coding"]): o["performer"]
        for o in server.resources("Observation")
    }
    (encounter,) = server.resources("Encounter")
    return observations, [p["individual"] for p in encounter["participant"]]


def test_each_observation_names_the_operator_who_measured(make_desk, upload_settings, server):
    record_visit_by_two_operators(make_desk, upload_settings)
    server.register_patient(NIK, "P02478375538")
    server.register_practitioner(ADMIN_NIK, ADMIN_IHS)
    server.register_practitioner(WORKER_NIK, WORKER_IHS)
    summary, outbox, _store = drain(upload_settings)
    assert (summary.sent, summary.failed, summary.dead) == (3, 0, 0)
    observations, attender = performers(server)
    by_admin = [{"reference": f"Practitioner/{ADMIN_IHS}"}]
    by_worker = [{"reference": f"Practitioner/{WORKER_IHS}"}]
    assert observations[frozenset(("8480-6",))] == by_admin  # systolic: Ani's cuff readings
    assert observations[frozenset(("8462-4",))] == by_admin
    assert observations[frozenset(("59408-5", "2708-6"))] == by_worker  # SpO2: Budi's oximeter
    assert observations[frozenset(("8867-4",))] == by_worker  # the oximeter's pulse
    assert attender == [{"reference": f"Practitioner/{WORKER_IHS}"}]  # Budi confirmed
    assert outbox["sent"] == 3
    # Each practitioner looked up once, never the settings' fallback (no reading needs it).
    lookups = [unquote(r.query) for r in server.requests if r.path.endswith("/Practitioner")]
    assert sorted(lookups) == sorted(
        [f"identifier=https://fhir.kemkes.go.id/id/nik|{n}" for n in (ADMIN_NIK, WORKER_NIK)]
    )


def test_an_operator_unknown_to_satusehat_holds_the_visit_until_registered(
    make_desk, upload_settings, server
):
    record_visit_by_two_operators(make_desk, upload_settings)
    server.register_patient(NIK, "P02478375538")
    server.register_practitioner(ADMIN_NIK, ADMIN_IHS)
    summary, _outbox, _store = drain(upload_settings)
    assert (summary.sent, summary.failed, summary.dead) == (0, 3, 0)
    # drain closed its database; a store used after that would open a connection that no
    # one closes (the PostgreSQL ResourceWarning this test once had), so look anew.
    database = open_database(upload_settings.database.url)
    try:
        (problem, *_rest) = UploadStore(database).problems()
    finally:
        database.close()
    assert "tidak ditemukan di SATUSEHAT" in problem.error
    assert WORKER_NIK not in problem.error  # masked
    assert server.resources("Observation") == []
    server.register_practitioner(WORKER_NIK, WORKER_IHS)
    again, _outbox, _store = drain(upload_settings, include_failed=True)
    assert (again.sent, again.failed) == (3, 0)
    observations, _attender = performers(server)
    assert observations[frozenset(("8867-4",))] == [{"reference": f"Practitioner/{WORKER_IHS}"}]


def test_the_fhir_export_names_each_operator_by_practitioner_nik(make_desk, db_url, tmp_path):
    from config.settings import load_settings
    from tests.console import clean_environ, console_runner

    settings = load_settings(None, environ={"VITALS_STATION_DB": db_url})
    record_visit_by_two_operators(make_desk, settings)
    run = console_runner(clean_environ(db_url), tmp_path)
    run("export", "--fhir", str(tmp_path / "out.json"))
    bundle = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    resources = [entry["resource"] for entry in bundle["entry"]]
    by_nik = {
        frozenset(c["code"] for c in r["code"]["coding"]): r["performer"][0]["identifier"]["value"]
        for r in resources
        if r["resourceType"] == "Observation"
    }
    assert by_nik[frozenset({"8480-6"})] == ADMIN_NIK
    assert by_nik[frozenset({"8867-4"})] == WORKER_NIK
    (encounter,) = [r for r in resources if r["resourceType"] == "Encounter"]
    assert encounter["participant"][0]["individual"]["identifier"]["value"] == WORKER_NIK
