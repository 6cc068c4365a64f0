"""The uploader and sync loop against a real HTTP server on loopback that imitates SATUSEHAT
(tests/satusehat_server), with a real SQLite file: exactly once, through faults."""

from __future__ import annotations

import asyncio
import json
import random
import time
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.observation import Observation
from sqlalchemy import event, select, update

from fhir_export.mapping import ENCOUNTER_SYSTEM, NIK_SYSTEM, OBSERVATION_SYSTEM
from fhir_export.satusehat_client import ClientConfig, SatusehatClient
from station.demo import run_demo
from station.export import export_context, reading_of, visit_to_export
from station.store.database import open_database
from station.store.models import OutboxRow, OutboxStatus, VisitRow, VisitStatus
from station.store.outbox import UploadStore
from station.store.repository import Store
from station.upload.sync import SyncRunner
from station.upload.uploader import Uploader
from tests.satusehat_server import Fault

ORG = "10000004"
PRACTITIONER_NIK = "7209061211900001"  # sandbox dr. Alexander (docs/reference/satusehat.md 1.4)


class FastSleep:
    """The client's wait between attempts, recorded instead of slept."""

    def __init__(self):
        self.waits = []

    async def __call__(self, seconds):
        self.waits.append(seconds)
        await asyncio.sleep(0)


def satusehat_environ(server):
    """The SATUSEHAT_* settings that point a station at the loopback server."""
    return {
        "SATUSEHAT_AUTH_URL": server.auth_url,
        "SATUSEHAT_BASE_URL": server.base_url,
        "SATUSEHAT_CLIENT_ID": "cid",
        "SATUSEHAT_CLIENT_SECRET": "secret",
        "SATUSEHAT_ORGANIZATION_ID": ORG,
        "SATUSEHAT_LOCATION_ID": "b017aa54-f1df-4ec2-9d84-8823815d7228",
        "SATUSEHAT_PRACTITIONER_NIK": PRACTITIONER_NIK,
    }


def record_visits(settings, server, visits=3, *, register=True):
    summary = asyncio.run(run_demo(settings, visits=visits, seed=7))
    database = open_database(settings.database.url)
    stored = Store(database).visits(VisitStatus.CONFIRMED)
    database.close()
    if register:
        for number, visit in enumerate(stored):
            server.register_patient(visit.person.nik, f"P{number:011d}")
    return summary["visit_ids"], stored


def drain(settings, *, include_failed=False, lease_s=30.0, sleep=None, max_attempts=3, wrap=None):
    """One ``sync --once`` in this process, with the client's waits recorded."""
    database = open_database(settings.database.url)
    store = UploadStore(database)
    sleep = sleep or FastSleep()

    async def run():
        config = ClientConfig(
            auth_url=settings.satusehat.auth_url,
            base_url=settings.satusehat.base_url,
            client_id="cid",
            client_secret="secret",
            read_timeout_s=2.0,
            max_attempts=max_attempts,
        )
        async with SatusehatClient(config, sleep=sleep, rng=random.Random(1)) as client:
            uploader = Uploader(
                store,
                wrap(client) if wrap else client,
                export_context(settings),
                clock=lambda: datetime.now(UTC),
                rng=random.Random(2),
            )
            runner = SyncRunner(
                store, uploader, worker="test", clock=lambda: datetime.now(UTC), lease_s=lease_s
            )
            return await runner.drain(include_failed=include_failed)

    try:
        return asyncio.run(run()), Store(database).counts()["outbox"], store
    finally:
        database.close()


def assert_each_resource_once(server, stored, settings):
    """Every Encounter and Observation of the visits exists exactly once on the server."""
    ctx = export_context(settings)
    encounter_system = ENCOUNTER_SYSTEM.format(organization_id=ctx.organization_id)
    observation_system = OBSERVATION_SYSTEM.format(organization_id=ctx.organization_id)
    expected = 0
    for visit in stored:
        export = visit_to_export(visit)
        assert server.count_by_identifier(encounter_system, export.encounter_identifier) == 1
        for vital in export.vitals:
            assert server.count_by_identifier(observation_system, vital.identifier) == 1
            expected += 1
    assert len(server.resources("Observation")) == expected
    assert len(server.resources("Encounter")) == len(stored)


def assert_server_ids_verified(server, stored, settings):
    """Every sent entry's recorded server ids are the visit's own resources: the visit's
    Encounter id names the Encounter carrying its identifier and the person's subject; each
    entry's Observation ids name, in order, the Observations carrying its readings'
    identifiers, of that person, in that Encounter."""
    ctx = export_context(settings)
    encounter_system = ENCOUNTER_SYSTEM.format(organization_id=ctx.organization_id)
    observation_system = OBSERVATION_SYSTEM.format(organization_id=ctx.organization_id)
    database = open_database(settings.database.url)
    try:
        with database.sessions() as session:
            visits = {row.id: row for row in session.scalars(select(VisitRow))}
            entries = list(session.scalars(select(OutboxRow)))
    finally:
        database.close()
    by_id = {r["id"]: r for r in server.resources("Observation")}
    for visit in stored:
        export = visit_to_export(visit)
        (patient,) = server.find("Patient", NIK_SYSTEM, visit.person.nik)
        subject = {"reference": f"Patient/{patient['id']}"}
        (encounter,) = server.find("Encounter", encounter_system, export.encounter_identifier)
        assert encounter["subject"]["reference"] == subject["reference"]
        assert visits[visit.id].encounter_server_id == encounter["id"]
        for entry in (e for e in entries if e.visit_id == visit.id):
            assert entry.status == OutboxStatus.SENT
            wanted = [
                v.identifier
                for v in export.vitals
                if reading_of(v.identifier) == (entry.reading_id)
            ]
            ids = json.loads(entry.server_ids)
            assert len(ids) == len(wanted) > 0
            for server_id, identifier in zip(ids, wanted, strict=True):
                observation = by_id[server_id]
                assert {"system": observation_system, "use": "official", "value": identifier} in (
                    observation["identifier"]
                )
                assert observation["subject"]["reference"] == subject["reference"]
                assert observation["encounter"] == {"reference": f"Encounter/{encounter['id']}"}


def test_results_reach_the_server_once_with_the_codes_and_references(upload_settings, server):
    _ids, stored = record_visits(upload_settings, server)
    summary, outbox, _store = drain(upload_settings)
    assert (summary.visits, summary.sent, summary.failed, summary.dead) == (3, 9, 0, 0)
    assert outbox == {"pending": 0, "sending": 0, "sent": 9, "failed": 0, "dead": 0}
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)
    # one transaction per visit, plus the lookups (3 patients, 1 practitioner, cached)
    posts = [r for r in server.requests if r.method == "POST" and "/fhir-r4/v1" in r.path]
    assert len(posts) == 3
    observations = server.resources("Observation")
    codes = sorted({c["code"] for o in observations for c in o["code"]["coding"]})
    assert codes == ["2708-6", "59408-5", "8462-4", "8480-6", "8867-4"]
    encounter_ids = {e["id"] for e in server.resources("Encounter")}
    for resource in server.resources("Encounter"):
        Encounter.model_validate(resource)
    for observation in observations:
        parsed = Observation.model_validate(observation)  # fhir.resources R4B
        assert parsed.interpretation[0].coding[0].code in {"N", "H", "HH", "L", "LL"}
        assert parsed.referenceRange  # from the checks
        assert observation["category"][0]["coding"][0]["code"] == "vital-signs"
        assert observation["encounter"]["reference"].removeprefix("Encounter/") in encounter_ids
        assert observation["subject"]["reference"].startswith("Patient/P")
        assert observation["performer"] == [{"reference": "Practitioner/10009880728"}]
        assert observation["effectiveDateTime"].endswith("+00:00")
    # a second sync finds nothing to do and sends nothing
    again, _outbox, _store = drain(upload_settings)
    assert again.visits == 0
    assert len([r for r in server.requests if r.method == "POST"]) == len(posts) + 1  # 1 token


def test_a_person_unknown_to_satusehat_is_dead_until_registered_and_retried(
    upload_settings, server
):
    _ids, stored = record_visits(upload_settings, server, visits=2, register=False)
    server.register_patient(stored[0].person.nik, "P00000000001")
    summary, outbox, store = drain(upload_settings)
    assert (summary.sent, summary.dead) == (3, 3)
    assert outbox["dead"] == 3
    (problem, *_rest) = store.problems()
    assert problem.status is OutboxStatus.DEAD
    assert "tidak terdaftar di SATUSEHAT" in problem.error
    assert "register the person" in problem.error
    assert stored[1].person.nik not in problem.error  # masked
    # a --all sync does not touch dead entries: they wait for a person
    summary, outbox, store = drain(upload_settings, include_failed=True)
    assert summary.visits == 0
    server.register_patient(stored[1].person.nik, "P00000000002")
    assert store_retry(upload_settings) == 3
    summary, outbox, _store = drain(upload_settings)
    assert outbox["sent"] == 6
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)


def store_retry(settings):
    database = open_database(settings.database.url)
    store = UploadStore(database)
    count = store.retry([p.id for p in store.problems()], datetime.now(UTC))
    database.close()
    return count


def test_server_errors_and_rate_limits_are_retried_with_their_waits(upload_settings, server):
    _ids, stored = record_visits(upload_settings, server, visits=1)
    server.add_fault(Fault.http_status(503, method="POST", path="/fhir-r4/v1"))
    server.add_fault(Fault.http_status(429, retry_after=7, method="POST", path="/fhir-r4/v1"))
    sleep = FastSleep()
    _summary, outbox, _store = drain(upload_settings, sleep=sleep)
    assert outbox["sent"] == 3
    assert 7.0 in sleep.waits  # Retry-After honoured
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)


def test_an_outage_leaves_entries_failed_with_a_next_attempt_then_all_retries_them(
    upload_settings, server
):
    _ids, stored = record_visits(upload_settings, server, visits=1)
    for _ in range(3):
        server.add_fault(Fault.http_status(500, method="POST", path="/fhir-r4/v1"))
    summary, outbox, store = drain(upload_settings)
    assert outbox["failed"] == 3
    (problem, *_rest) = store.problems()
    assert problem.status is OutboxStatus.FAILED
    assert problem.next_attempt_at > datetime.now(UTC)
    assert "HTTP 500" in problem.error
    summary, outbox, _store = drain(upload_settings)  # not due yet
    assert summary.visits == 0
    summary, outbox, _store = drain(upload_settings, include_failed=True)  # sync --all
    assert outbox["sent"] == 3
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)


@pytest.mark.parametrize("fault", ["drop_after_store", "slow_after_store"])
def test_a_post_that_arrived_without_an_answer_is_found_not_sent_twice(
    upload_settings, server, fault
):
    """The server stores the visit's Bundle but the answer never arrives (connection dropped,
    or slower than the client waits). The server keeps duplicates (a generic FHIR server), so
    only looking the resources up by identifier prevents a second copy."""
    _ids, stored = record_visits(upload_settings, server, visits=2)
    if fault == "drop_after_store":
        server.add_fault(Fault.drop_after_store(method="POST", path="/fhir-r4/v1"))
    else:
        server.add_fault(Fault.delay(3.0, method="POST", path="/fhir-r4/v1"))  # > 2 s timeout
    summary, outbox, _store = drain(upload_settings)
    assert (summary.sent, summary.failed) == (3, 3)  # the unanswered visit waits its turn
    time.sleep(1.5)  # the failed entry's next attempt is later; by then the server is done
    summary, outbox, _store = drain(upload_settings, include_failed=True)
    assert outbox["sent"] == 6
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)
    # found by identifier: the Bundle was not posted a second time
    transactions = [r for r in server.requests if r.method == "POST" and r.path.endswith("/v1")]
    assert len(transactions) == 2


def test_an_expired_token_is_renewed_once(upload_settings, server):
    _ids, stored = record_visits(upload_settings, server, visits=2)
    server.add_fault(Fault.expire_token(method="POST", path="/fhir-r4/v1"))
    _summary, outbox, _store = drain(upload_settings)
    assert outbox["sent"] == 6
    assert server.token_requests == 2
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)


def test_a_refused_visit_is_dead_with_the_servers_rule_number(upload_settings, server):
    record_visits(upload_settings, server, visits=1)
    server.add_client("cid", "secret", "99999999")  # the credentials now belong to another org
    _summary, outbox, store = drain(upload_settings)
    assert outbox["dead"] == 3
    (problem, *_rest) = store.problems()
    assert 10117 in problem.rule_numbers
    assert "RuleNumber" in problem.error or "10117" in problem.error
    assert server.resources("Observation") == []


class LaggingSearch:
    """The real client, except that the first look-ups of Encounters and Observations find
    nothing: a search index that lags behind what was just created."""

    def __init__(self, client, hide):
        self._client = client
        self._hide = hide
        self.hidden = 0

    async def find_patient_ihs(self, nik):
        return await self._client.find_patient_ihs(nik)

    async def find_practitioner_ihs(self, nik):
        return await self._client.find_practitioner_ihs(nik)

    async def find_encounter(self, patient_ihs, system, value):
        if self.hidden < self._hide:
            self.hidden += 1
            return None
        return await self._client.find_encounter(patient_ihs, system, value)

    async def find_observations(self, encounter_id, patient_ihs, system, values):
        if self.hidden < self._hide:
            self.hidden += 1
            return {}
        return await self._client.find_observations(encounter_id, patient_ihs, system, values)

    async def transaction(self, bundle):
        return await self._client.transaction(bundle)


def test_a_duplicate_answer_means_the_earlier_attempt_arrived(upload_settings, server):
    """The answer to the first POST is lost; on the retry the lookup misses what arrived (the
    search lags), so the Bundle goes again and SATUSEHAT answers 'duplicate' (rule 20002):
    the uploader looks everything up again and carries on without a second copy."""
    server.reject_duplicates = True
    _ids, stored = record_visits(upload_settings, server, visits=1)
    server.add_fault(Fault.drop_after_store(method="POST", path="/fhir-r4/v1"))
    _summary, outbox, _store = drain(upload_settings)
    assert outbox["failed"] == 3
    lagging = []

    def wrap(client):
        lagging.append(LaggingSearch(client, hide=1))  # the Encounter is not found
        return lagging[0]

    summary, outbox, _store = drain(upload_settings, include_failed=True, wrap=wrap)
    assert lagging[0].hidden == 1
    assert (summary.sent, summary.failed, summary.dead) == (3, 0, 0)
    duplicates = [r for r in server.requests if r.method == "POST" and r.status == 400]
    assert len(duplicates) == 1  # the one 20002 answer
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)


def test_the_practitioner_is_looked_up_once_per_process_by_concurrent_workers(
    upload_settings, server
):
    """Four workers start together on a fresh database: one Practitioner search, shared by
    all, and one Patient search per person (issue 10, item 9)."""
    _ids, stored = record_visits(upload_settings, server, visits=8)
    _summary, outbox, _store = drain(upload_settings)  # SyncRunner's 4 workers
    assert outbox["sent"] == 24
    searches = [r for r in server.requests if r.method == "GET"]
    assert len([r for r in searches if r.path.endswith("/Practitioner")]) == 1
    people = {visit.person.nik for visit in stored}
    assert len([r for r in searches if r.path.endswith("/Patient")]) == len(people)


def test_sync_all_tries_a_failing_visit_once_per_drain(upload_settings, server):
    """``sync --once --all`` with a server that keeps failing: each failed entry is tried
    once in the drain, which then ends, instead of retrying it in a loop."""
    record_visits(upload_settings, server, visits=1)
    server.add_fault(Fault.http_status(503, method="POST", path="/fhir-r4/v1"), times=50)
    drain(upload_settings, max_attempts=1)
    summary, outbox, _store = drain(upload_settings, include_failed=True, max_attempts=1)
    assert (summary.visits, outbox["failed"]) == (1, 3)
    assert len([r for r in server.requests if r.method == "POST" and r.status == 503]) == 2


class RaisingLookup(LaggingSearch):
    """The real client, except that the patient look-up raises ``error``."""

    def __init__(self, client, error):
        super().__init__(client, hide=0)
        self._error = error

    async def find_patient_ihs(self, nik):
        raise self._error


def test_only_a_mapping_error_makes_a_visit_dead(upload_settings, server):
    """A ValueError that is not about the visit (here a PersonError, one of the project's
    ValueError subclasses) is an unexpected error, retried later; only a MappingError says
    the visit cannot be mapped and needs a person (issue 10, item 19)."""
    from station.person import PersonError

    record_visits(upload_settings, server, visits=1)
    _summary, outbox, store = drain(
        upload_settings,
        wrap=lambda client: RaisingLookup(client, PersonError("nik", "bukan NIK", "not a NIK")),
    )
    assert (outbox["failed"], outbox["dead"]) == (3, 0)
    assert "unexpected error (PersonError)" in store.problems()[0].error
    database = open_database(upload_settings.database.url)
    try:
        with database.sessions.begin() as session:
            for row in session.scalars(select(VisitRow)):
                row.rule_set = "no-such-rule-set"
    finally:
        database.close()
    _summary, outbox, store = drain(upload_settings, include_failed=True)
    assert (outbox["failed"], outbox["dead"]) == (0, 3)
    (problem, *_rest) = store.problems()
    assert problem.error.startswith("cannot be sent: visit ")
    assert "no-such-rule-set" in problem.error
    assert server.resources("Observation") == []


def test_a_visit_sent_meanwhile_is_not_claimed_with_nothing_to_send(upload_settings, server):
    """Another process sends the visit between this one's look at the outbox and its
    compare-and-set (SQLite reads the candidates outside the write transaction): the visit
    is not taken with no entries, which counted one visit twice in a sync's summary."""
    record_visits(upload_settings, server, visits=1)
    database = open_database(upload_settings.database.url)
    other = open_database(upload_settings.database.url)
    fired = []

    def sent_by_another_desk(connection, cursor, statement, *_args):
        if statement.lstrip().startswith("SELECT outbox.visit_id") and not fired:
            fired.append(statement)
            with other.engine.begin() as writer:
                writer.execute(update(OutboxRow).values(status=OutboxStatus.SENT))

    event.listen(database.engine, "after_cursor_execute", sent_by_another_desk)
    try:
        claims = UploadStore(database).claim("desk-2", datetime.now(UTC))
        assert fired
        assert claims == []
        with database.sessions() as session:
            (visit,) = session.scalars(select(VisitRow))
            assert (visit.upload_claimed_by, visit.upload_lease_until) == (None, None)
    finally:
        database.close()
        other.close()


def test_an_unknown_practitioner_is_a_settings_problem_not_a_dead_backlog(make_settings, server):
    """Issue 10 item 5: SATUSEHAT_PRACTITIONER_NIK naming no one SATUSEHAT knows leaves every
    entry ``failed`` (retried with backoff), never dead; once the practitioner is known the
    backlog goes up with no person having to re-send anything."""
    unknown = "3322071302900099"  # 16 digits, not one of the sandbox's practitioners
    settings = make_settings(**{**satusehat_environ(server), "SATUSEHAT_PRACTITIONER_NIK": unknown})
    _ids, stored = record_visits(settings, server, visits=2)
    summary, outbox, store = drain(settings)
    assert (summary.sent, summary.dead, outbox["dead"]) == (0, 0, 0)
    assert outbox["failed"] == 6
    (problem, *_rest) = store.problems()
    assert problem.status is OutboxStatus.FAILED
    assert "SATUSEHAT_PRACTITIONER_NIK" in problem.error
    assert unknown not in problem.error  # masked
    server.register_practitioner(unknown, "10099999999")
    summary, outbox, _store = drain(settings, include_failed=True)
    assert outbox["sent"] == 6
    assert_each_resource_once(server, stored, settings)
    assert_server_ids_verified(server, stored, settings)
