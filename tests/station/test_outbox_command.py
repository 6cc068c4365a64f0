"""``vitals-station outbox`` and ``outbox retry`` through the real console script (issue 10
item 6; keys per docs/design.md section 4), with entries made failed and dead by a real sync
against the loopback SATUSEHAT imitation (tests/satusehat_server) on a real SQLite file."""

from __future__ import annotations

import json

import pytest

from station.person import mask_nik
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.repository import Store
from tests.console import clean_environ, console_runner
from tests.satusehat_server import SatusehatServer, faults
from tests.station.test_cli import assert_one_line_error
from tests.station.test_upload import satusehat_environ

ORG = "10000004"
KEYS = {
    "visit_id",
    "reading_id",
    "queue_number",
    "nik_masked",
    "state",
    "attempts",
    "message",
    "rule_numbers",
    "next_attempt",
}


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret="secret") as running:
        yield running


@pytest.fixture
def station(tmp_path, db_url, server):
    config = tmp_path / "station.toml"
    config.write_text("[upload]\nconcurrency = 1\n", encoding="utf-8")  # visits in order
    env = clean_environ(db_url, **satusehat_environ(server), VITALS_STATION_CONFIG=str(config))
    return console_runner(env, tmp_path)


def _visits(db_url):
    database = open_database(db_url)
    try:
        return Store(database).visits(VisitStatus.CONFIRMED)
    finally:
        database.close()


def _counts(station):
    return json.loads(station("status").stdout)["outbox"]


@pytest.fixture
def troubled(station, server, db_url):
    """Three visits: the first person is unknown to SATUSEHAT (dead), the second's
    transaction meets three 503s (failed), the third is sent."""
    station("demo", "--visits", "3", "--seed", "9")
    first, second, third = sorted(_visits(db_url), key=lambda v: v.queue_number)
    server.register_patient(second.person.nik, "P00000000002")
    server.register_patient(third.person.nik, "P00000000003")
    server.add_fault(faults.status(503, method="POST", path="/fhir-r4/v1"), times=3)
    summary = json.loads(station("sync", "--once").stdout)
    assert (summary["dead"], summary["failed"], summary["sent"]) == (3, 3, 3)
    return first, second, third


def test_outbox_is_empty_when_nothing_is_wrong(station):
    assert json.loads(station("outbox").stdout) == []


def test_outbox_lists_the_dead_then_the_failed_entries(station, troubled):
    first, second, _third = troubled
    listing = json.loads(station("outbox").stdout)
    assert len(listing) == 6
    assert all(set(item) == KEYS for item in listing)
    dead, failed = listing[:3], listing[3:]
    assert {d["visit_id"] for d in dead} == {first.id}
    assert {f["visit_id"] for f in failed} == {second.id}
    for item, visit in [(dead[0], first), (failed[0], second)]:
        assert item["queue_number"] == visit.queue_number
        assert item["nik_masked"] == mask_nik(visit.person.nik)
        assert visit.person.nik not in json.dumps(listing)
    assert {d["state"] for d in dead} == {"dead"}
    assert {d["next_attempt"] for d in dead} == {None}
    assert "tidak terdaftar di SATUSEHAT" in dead[0]["message"]
    assert {f["state"] for f in failed} == {"failed"}
    assert all(f["next_attempt"] for f in failed)  # ISO 8601
    assert all(f["attempts"] == 1 for f in failed)
    assert "HTTP 503" in failed[0]["message"]
    assert dead[0]["rule_numbers"] == []
    readings = {r.id for r in first.readings if r.valid} | {
        r.id for r in second.readings if r.valid
    }
    assert {item["reading_id"] for item in listing} == readings


def test_the_servers_rule_numbers_are_listed(station, server, db_url):
    station("demo", "--visits", "1", "--seed", "4")
    (visit,) = _visits(db_url)
    server.register_patient(visit.person.nik, "P00000000001")
    server.add_client("cid", "secret", "99999999")  # credentials of another organization
    station("sync", "--once")
    listing = json.loads(station("outbox").stdout)
    assert listing
    assert all(10117 in item["rule_numbers"] for item in listing)


def test_retry_of_visits_puts_their_entries_back_and_sync_sends_them(station, server, troubled):
    first, second, _third = troubled
    assert json.loads(station("outbox", "retry", second.id).stdout) == {"retried": 3}
    assert _counts(station) == {"pending": 3, "sending": 0, "sent": 3, "failed": 0, "dead": 3}
    server.register_patient(first.person.nik, "P00000000001")
    assert json.loads(station("outbox", "retry", "--all-dead").stdout) == {"retried": 3}
    assert _counts(station) == {"pending": 6, "sending": 0, "sent": 3, "failed": 0, "dead": 0}
    assert json.loads(station("sync", "--once").stdout)["sent"] == 6
    assert json.loads(station("outbox").stdout) == []
    assert len(server.resources("Encounter")) == 3  # each once


def test_retry_all_dead_leaves_failed_entries_to_their_next_attempt(station, troubled):
    _first, second, _third = troubled
    assert json.loads(station("outbox", "retry", "--all-dead").stdout) == {"retried": 3}
    remaining = json.loads(station("outbox").stdout)
    assert {(item["visit_id"], item["state"]) for item in remaining} == {(second.id, "failed")}


def test_retry_of_a_visit_with_nothing_to_retry_is_zero(station, troubled):
    _first, _second, third = troubled
    assert json.loads(station("outbox", "retry", third.id).stdout) == {"retried": 0}


def test_an_unknown_visit_id_is_an_error_and_changes_nothing(station, troubled):
    first, _second, _third = troubled
    before = _counts(station)
    result = station("outbox", "retry", first.id, "no-such-visit", check=False)
    assert_one_line_error(result, "no-such-visit", "nothing was changed")
    assert _counts(station) == before


@pytest.mark.parametrize(
    "args",
    [("outbox", "retry"), ("outbox", "retry", "--all-dead", "some-visit"), ("outbox", "frob")],
)
def test_retry_needs_either_all_dead_or_visit_ids(station, args):
    assert_one_line_error(station(*args, check=False))
