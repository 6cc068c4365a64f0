"""A station that is set up wrong must not dead-letter its backlog, leak NIKs or send
credentials in clear text (issue 10 items 5 and 8), proven through the real console script
against the loopback SATUSEHAT imitation (tests/satusehat_server) and a real SQLite file."""

from __future__ import annotations

import json
import re

import pytest

from tests.console import clean_environ, console_runner
from tests.satusehat_server import SatusehatServer, faults
from tests.station.test_cli import assert_one_line_error
from tests.station.test_upload import satusehat_environ

ORG = "10000004"
NIK_RUN = re.compile(r"(?<!\d)\d{16}(?!\d)")


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret="secret") as running:
        yield running


@pytest.fixture
def station(tmp_path, db_url):
    """Runs ``vitals-station`` with exactly the SATUSEHAT_* variables a test gives."""
    return console_runner(clean_environ(db_url), tmp_path)


def _record(station, server, db_url, visits=2, register=True):
    """``demo`` visits, their people registered with the server; the people's NIKs."""
    from station.store.database import open_database
    from station.store.repository import Store

    station("demo", "--visits", str(visits), "--seed", "5")
    database = open_database(db_url)
    try:
        people = [v.person.nik for v in Store(database).visits()]
    finally:
        database.close()
    if register:
        for number, nik in enumerate(people):
            server.register_patient(nik, f"P{number:011d}")
    return people


def _status(station):
    return json.loads(station("status").stdout)


@pytest.mark.parametrize(
    "unset",
    [
        ("SATUSEHAT_LOCATION_ID",),
        ("SATUSEHAT_PRACTITIONER_NIK",),
        ("SATUSEHAT_LOCATION_ID", "SATUSEHAT_PRACTITIONER_NIK", "SATUSEHAT_ORGANIZATION_ID"),
    ],
)
def test_sync_refuses_to_start_naming_every_missing_setting(station, server, db_url, unset):
    _record(station, server, db_url)
    environ = {k: v for k, v in satusehat_environ(server).items() if k not in unset}
    result = station("sync", "--once", environ=environ, check=False)
    assert_one_line_error(result, "not configured", *unset)
    for name in set(satusehat_environ(server)) - set(unset):
        assert name not in result.stderr  # only what is missing is named
    outbox = _status(station)["outbox"]
    assert outbox == {"pending": 6, "sending": 0, "sent": 0, "failed": 0, "dead": 0}
    assert server.requests == []  # nothing was even tried


@pytest.mark.parametrize("nik", ["720906121190000", "7209O61211900001", "NIK dr. Alexander"])
def test_a_practitioner_nik_that_cannot_be_one_is_refused_before_any_upload(
    station, server, db_url, nik
):
    _record(station, server, db_url)
    environ = {**satusehat_environ(server), "SATUSEHAT_PRACTITIONER_NIK": nik}
    result = station("sync", "--once", environ=environ, check=False)
    assert_one_line_error(result, "SATUSEHAT_PRACTITIONER_NIK", "16-digit")
    assert nik not in result.stderr
    assert _status(station)["outbox"]["pending"] == 6
    assert server.requests == []


def test_a_blank_setting_counts_as_missing(station, server, db_url):
    _record(station, server, db_url)
    environ = {**satusehat_environ(server), "SATUSEHAT_LOCATION_ID": "  "}
    assert_one_line_error(
        station("sync", "--once", environ=environ, check=False), "SATUSEHAT_LOCATION_ID"
    )
    assert _status(station)["outbox"]["pending"] == 6


FHIR = "/fhir-r4/v1"


@pytest.mark.parametrize(
    "case",
    [
        (faults.status(401, "Unauthorized", path=FHIR), ("HTTP 401", "SATUSEHAT_CLIENT_ID")),
        (faults.status(401, "Unauthorized", path="/accesstoken"), ("HTTP 401", "CLIENT_SECRET")),
        (faults.status(403, "Forbidden by gateway", path=FHIR), ("HTTP 403", "Forbidden by")),
        ("wrong base URL", ("HTTP 404", "SATUSEHAT_BASE_URL")),
    ],
    ids=["401-without-outcome", "401-token-endpoint", "403-gateway", "404-wrong-base-url"],
)
def test_misconfiguration_answers_leave_entries_failed_with_a_reason_not_dead(
    station, server, db_url, case
):
    fault, fragments = case
    _record(station, server, db_url)
    environ = satusehat_environ(server)
    if fault == "wrong base URL":  # the server answers 404 Not Found (text/plain) elsewhere
        environ["SATUSEHAT_BASE_URL"] = server.url + "/fhir-r4/v2"
    else:
        server.add_fault(fault, times=50)
    summary = json.loads(station("sync", "--once", environ=environ).stdout)
    assert (summary["sent"], summary["dead"], summary["failed"]) == (0, 0, 6)
    status = _status(station)
    assert status["outbox"] == {"pending": 0, "sending": 0, "sent": 0, "failed": 6, "dead": 0}
    for fragment in fragments:
        assert fragment in status["last_error"]
    # fixed settings, and the backlog goes out (at its next attempt; --all: now)
    server.clear_faults()
    summary = json.loads(
        station("sync", "--once", "--all", environ=satusehat_environ(server)).stdout
    )
    assert summary["sent"] == 6
    assert len(server.resources("Observation")) == 2 * (2 * 2 + 2)


@pytest.mark.parametrize("variable", ["SATUSEHAT_AUTH_URL", "SATUSEHAT_BASE_URL"])
def test_a_cleartext_url_to_another_host_is_refused(station, server, db_url, variable):
    _record(station, server, db_url)
    environ = {**satusehat_environ(server), variable: "http://api-satusehat.kemkes.go.id/x/v1"}
    result = station("sync", "--once", environ=environ, check=False)
    assert_one_line_error(result, variable.removeprefix("SATUSEHAT_").lower(), "https://")
    assert _status(station)["outbox"]["pending"] == 6
    assert server.requests == []


def test_verbose_sync_logs_no_nik(station, server, db_url):
    people = _record(station, server, db_url)
    result = station("-v", "sync", "--once", environ=satusehat_environ(server))
    assert json.loads(result.stdout)["sent"] == 6
    assert "SATUSEHAT" in result.stderr  # the verbose path did log
    practitioner = satusehat_environ(server)["SATUSEHAT_PRACTITIONER_NIK"]
    for nik in [*people, practitioner]:
        assert nik not in result.stderr
    assert NIK_RUN.search(result.stderr) is None, result.stderr


def test_verbose_sync_of_an_unknown_person_logs_no_nik(station, server, db_url):
    people = _record(station, server, db_url, visits=1, register=False)
    result = station("-v", "sync", "--once", environ=satusehat_environ(server))
    assert json.loads(result.stdout)["dead"] == 3
    assert people[0] not in result.stderr
    assert NIK_RUN.search(result.stderr) is None, result.stderr


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"SATUSEHAT_LOCATION_ID": None}, "SATUSEHAT_LOCATION_ID"),
        ({"SATUSEHAT_BASE_URL": "http://api-satusehat.kemkes.go.id/fhir-r4/v1"}, "https://"),
    ],
    ids=["location-unset", "cleartext-url"],
)
def test_the_desk_shows_upload_not_configured_and_keeps_entries_pending(
    make_settings, server, change, reason
):
    """The desk's background upload with a setting missing or a cleartext URL: paused, saying
    why, and never started: after several rounds nothing was sent, tried or dead-lettered."""
    import asyncio
    from datetime import UTC, datetime

    from station.demo import run_demo
    from station.store.database import open_database
    from station.upload.background import BackgroundUpload
    from ui.texts import tr
    from ui.upload_view import upload_summary

    environ = {**satusehat_environ(server), **change}
    environ = {k: v for k, v in environ.items() if v is not None}
    settings = make_settings("[upload]\ninterval_seconds = 1\n", **environ)
    asyncio.run(run_demo(settings, visits=1, seed=2))
    database = open_database(settings.database.url)
    seen = []

    async def scenario():
        reported = asyncio.Event()

        def on_status(status):
            seen.append(status)
            reported.set()

        upload = BackgroundUpload(settings, database, lambda: datetime.now(UTC), on_status)
        task = asyncio.create_task(upload.run())
        for _round in range(3):  # the first report, then woken twice (as a confirmed visit does)
            await asyncio.wait_for(reported.wait(), timeout=10)
            reported.clear()
            upload.wake()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    try:
        asyncio.run(scenario())
    finally:
        database.close()
    assert len(seen) >= 3
    status = seen[-1]
    assert reason in (status.paused_reason or "")
    assert status.counts["pending"] == 3
    assert status.counts["dead"] == 0
    assert status.problems == ()
    text, _colour = upload_summary(status, "en")
    assert tr("upload_paused", "en") in text
    assert "not configured" in text
    assert server.requests == []
