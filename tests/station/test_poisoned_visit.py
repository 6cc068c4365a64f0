"""One bad stored reading never stops the other visits (issue 10).

An older version stored a Masimo field of 309 digits as the non-JSON token ``Infinity``.
These tests write such a reading into a real database directly, as an old database would
hold it, beside healthy visits, and run the real console script: ``export --fhir`` and
``sync --once`` (against the loopback SATUSEHAT test server, ``tests/satusehat_server``)
report the bad visit and handle all the others.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.bundle import Bundle

from station.store.database import open_database
from station.store.models import OutboxRow, OutboxStatus, ReadingRow, VisitRow, VisitStatus
from station.store.repository import Store, StoreError, UnreadableVisit
from tests.console import clean_environ, run_console
from tests.satusehat_server import SatusehatServer
from tests.station.actors import TEST_ACTOR
from tests.station.test_store import CUFF, add, bp, new_visit
from tests.station.test_upload import ORG, satusehat_environ


def poison(db_url) -> str:
    """Write ``Infinity`` into one reading of the first confirmed visit; return its id."""
    database = open_database(db_url)
    try:
        with database.sessions.begin() as session:
            row = session.query(ReadingRow).order_by(ReadingRow.received_at).first()
            data = json.loads(row.decoded_json)
            data["systolic" if data["kind"] == "blood_pressure" else "spo2"] = math.inf
            row.decoded_json = json.dumps(data)  # Python writes the token Infinity
            assert "Infinity" in row.decoded_json
            return row.visit_id
    finally:
        database.close()


@pytest.fixture
def planted(tmp_path, db_url):
    env = clean_environ(db_url)
    demo = run_console(("demo", "--visits", "3", "--seed", "5"), env, tmp_path)
    assert demo.returncode == 0, demo.stderr
    return poison(db_url), json.loads(demo.stdout)["visit_ids"]


def test_export_leaves_out_the_unreadable_visit_names_it_and_writes_the_others(
    tmp_path, db_url, planted
):
    bad, visit_ids = planted
    out = tmp_path / "export.json"
    result = run_console(("export", "--fhir", str(out)), clean_environ(db_url), tmp_path)
    assert result.returncode == 1, result.stderr  # partial: a person must look
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"warning: visit {bad} not exported: ")
    assert "Infinity" in line
    summary = json.loads(result.stdout)
    assert summary["visits"] == 2
    assert [s["visit_id"] for s in summary["skipped"]] == [bad]
    bundle = Bundle.model_validate_json(out.read_text(encoding="utf-8"))
    encounters = [e.resource for e in bundle.entry if e.resource.get_resource_type() == "Encounter"]
    exported = {e.identifier[0].value.removeprefix("desk-1-") for e in encounters}
    assert exported == {v for v in visit_ids if v != bad}


def test_sync_once_makes_the_unreadable_visit_dead_and_sends_the_others(tmp_path, db_url, planted):
    bad, _visit_ids = planted
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret="secret") as server:
        database = open_database(db_url)
        store = Store(database)
        loaded = store.load_visits(VisitStatus.CONFIRMED)
        assert [u.visit_id for u in loaded.unreadable] == [bad]
        for number, visit in enumerate(loaded.visits):
            server.register_patient(visit.person.nik, f"P{number:011d}")
        with database.sessions() as session:
            server.register_patient(session.get(VisitRow, bad).nik, "P99999999999")
        env = clean_environ(db_url, **satusehat_environ(server))
        result = run_console(("sync", "--once"), env, tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        summary = json.loads(result.stdout)
        assert summary["outbox"] == {"pending": 0, "sending": 0, "sent": 6, "failed": 0, "dead": 3}
        assert summary["dead"] == 3
        assert any(bad in error for error in summary["errors"])
        with database.sessions() as session:
            dead = session.query(OutboxRow).filter_by(status=OutboxStatus.DEAD).all()
            assert {row.visit_id for row in dead} == {bad}
            assert all("cannot be read" in row.last_error for row in dead)
        # Nothing of the bad visit went up; both healthy visits did, whole.
        assert len(server.resources("Encounter")) == 2
        assert len(server.resources("Observation")) == 12
        # A second run has nothing left to do and does not fail either.
        again = run_console(("sync", "--once"), env, tmp_path)
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["visits"] == 0
        database.close()


def test_store_refuses_a_non_finite_value_at_its_boundary(db_url):
    database = open_database(db_url)
    store = Store(database)
    visit = new_visit(store)
    measurement = bp(120.0, 80.0)
    object.__setattr__(measurement, "systolic", math.inf)  # past the constructor's guard
    with pytest.raises(StoreError, match="not a finite number"):
        add(store, visit, measurement)
    assert store.visit(visit.id).readings == ()
    assert store.counts()["readings"] == 0
    add(store, visit, bp(120.0, 80.0))  # the visit is still usable
    assert len(store.visit(visit.id).readings) == 1
    assert CUFF.simulated
    database.close()


def test_an_unreadable_visit_is_a_typed_error_naming_it(db_url):
    database = open_database(db_url)
    store = Store(database)
    visit = new_visit(store)
    add(store, visit, bp(120.0, 80.0))
    store.confirm_visit(visit.id, datetime.now(UTC), actor=TEST_ACTOR)
    with database.sessions.begin() as session:
        row = session.query(ReadingRow).one()
        row.decoded_json = row.decoded_json.replace("120.0", "Infinity")
    with pytest.raises(UnreadableVisit) as caught:
        store.visit(visit.id)
    assert caught.value.visit_id == visit.id
    assert "Infinity" in str(caught.value)
    loaded = store.load_visits()
    assert (loaded.visits, [u.visit_id for u in loaded.unreadable]) == ([], [visit.id])
    database.close()
