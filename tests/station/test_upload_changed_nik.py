"""A practitioner NIK changed by the admin (issue 12) reaches SATUSEHAT: the uploader reads
each operator's NIK from the database at every upload and caches IHS numbers per NIK (in
memory and in the database), so one running uploader looks the new NIK up anew and names the
new Practitioner, never the one cached for the old NIK. Against the loopback SATUSEHAT."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime
from urllib.parse import unquote

from fhir_export.satusehat_client import ClientConfig, SatusehatClient
from station.export import export_context
from station.service import DeviceRole
from station.store.operators import OperatorStore
from station.store.outbox import UploadStore
from station.upload.sync import SyncRunner
from station.upload.uploader import Uploader
from tests.station.actors import TEST_ACTOR
from tests.station.desk_harness import T0, bp, spo2

WORKER, WORKER_PIN = "Budi Santoso", "739201"
OLD_NIK, OLD_IHS = "3171015208910002", "N10000002"
NEW_NIK, NEW_IHS = "3171014403800001", "N10000009"
PEOPLE = (("3174015507850002", "Siti Rahayu"), ("3174016601900003", "Rina Marlina"))


async def visit_by_the_worker(desk, nik, name):
    await desk.station.call_next()
    await desk.station.start_visit(nik, name, None)
    desk.cuff.script += [bp(122.0, 78.0), bp(118.0, 80.0)]
    await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
    desk.clock.advance(60)
    await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
    desk.oximeter.script.append(spo2(97.0, 71.0))
    await desk.station.measure(DeviceRole.OXIMETER)
    await desk.station.confirm()


def performers_by_patient(server):
    """For each patient IHS number, the Practitioner references of its Observations."""
    found: dict[str, set[str]] = {}
    for observation in server.resources("Observation"):
        patient = observation["subject"]["reference"]
        found.setdefault(patient, set()).update(p["reference"] for p in observation["performer"])
    return found


def test_a_changed_practitioner_nik_is_looked_up_anew(make_desk, upload_settings, server):
    desk = make_desk(upload_settings.database.url, sign_in_required=True)
    operators = OperatorStore(desk.database)
    operators.add("Ani Lestari", "admin", OLD_NIK, "482915", T0, actor=TEST_ACTOR, station_id="d")
    operators.add(
        WORKER, "health_worker", OLD_NIK, WORKER_PIN, T0, actor=TEST_ACTOR, station_id="d"
    )
    for number, (nik, _name) in enumerate(PEOPLE):
        server.register_patient(nik, f"P0000000000{number}")
    server.register_practitioner(OLD_NIK, OLD_IHS)
    server.register_practitioner(NEW_NIK, NEW_IHS)
    store = UploadStore(desk.database)

    async def scenario():
        config = ClientConfig(
            auth_url=upload_settings.satusehat.auth_url,
            base_url=upload_settings.satusehat.base_url,
            client_id="cid",
            client_secret="secret",
            read_timeout_s=2.0,
        )
        async with SatusehatClient(config, rng=random.Random(1)) as client:
            uploader = Uploader(
                store,
                client,
                export_context(upload_settings),
                clock=lambda: datetime.now(UTC),
                rng=random.Random(2),
            )
            runner = SyncRunner(store, uploader, worker="test", clock=lambda: datetime.now(UTC))
            await desk.station.sign_in(WORKER, WORKER_PIN)
            await visit_by_the_worker(desk, *PEOPLE[0])
            first = await runner.drain()
            # The admin corrects Budi's practitioner NIK; the same uploader goes on.
            operators.set_practitioner_nik(
                WORKER, NEW_NIK, actor=TEST_ACTOR, station_id="d", now=T0
            )
            await visit_by_the_worker(desk, *PEOPLE[1])
            second = await runner.drain()
            return first, second

    first, second = asyncio.run(scenario())
    assert (first.sent, second.sent, second.failed, second.dead) == (3, 3, 0, 0)
    assert performers_by_patient(server) == {
        "Patient/P00000000000": {f"Practitioner/{OLD_IHS}"},
        "Patient/P00000000001": {f"Practitioner/{NEW_IHS}"},
    }
    lookups = [unquote(r.query) for r in server.requests if r.path.endswith("/Practitioner")]
    assert lookups == [
        f"identifier=https://fhir.kemkes.go.id/id/nik|{nik}" for nik in (OLD_NIK, NEW_NIK)
    ]
