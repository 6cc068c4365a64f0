"""``export --fhir`` streamed from a real store (issue 14): the same file as the whole Bundle,
read batch by batch, and a failure half-way leaves the old file as it was."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from fhir_export.mapping import export_bundle, to_json
from fhir_export.model import ExportContext
from station.export import visit_to_export
from station.export_file import write_fhir_export
from station.files import temp_siblings
from station.store.database import open_database
from station.store.models import VisitRow, VisitStatus
from station.store.repository import Store
from tests.station.actors import TEST_ACTOR
from tests.station.test_store import PERSON, T0, add, bp

CTX = ExportContext("10000004", "loc-1", "3174010101800001")
GENERATED = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
VISITS = 5


def new_visit(store: Store, started: datetime):
    return store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(started.date()),
        person=PERSON,
        started_at=started,
        rule_set="esh-2023",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, db_url):
    # PostgreSQL too: its rows come through a server-side cursor (yield_per).
    url = db_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    database = open_database(url)
    store = Store(database)
    for number in range(VISITS):
        started = T0 + timedelta(minutes=10 * number)
        visit = new_visit(store, started)
        add(store, visit, bp(120.0 + number, 80.0), at=started + timedelta(minutes=1))
        add(store, visit, bp(125.0, 82.0 + number), at=started + timedelta(minutes=2))
        if number != 2:  # one visit stays open: it is not exported
            store.confirm_visit(visit.id, started + timedelta(minutes=5), actor=TEST_ACTOR)
    yield store
    database.close()


def whole_bundle_text(store: Store) -> str:
    visits = store.visits(VisitStatus.CONFIRMED)
    return to_json(export_bundle([visit_to_export(v) for v in visits], CTX, generated=GENERATED))


def test_batches_give_every_visit_in_the_order_of_load_visits(store):
    loaded = [v.id for v in store.load_visits(VisitStatus.CONFIRMED).visits]
    assert len(loaded) == VISITS - 1
    for batch in (1, 2, 3, 200):
        streamed = list(store.stream_visits(VisitStatus.CONFIRMED, batch=batch))
        assert [v.id for v in streamed] == loaded
        assert all(len(v.readings) == 2 for v in streamed)  # readings loaded in every batch
    assert store.visit_ids(VisitStatus.CONFIRMED) == loaded


def test_the_streamed_file_is_the_whole_bundle_byte_for_byte(store, tmp_path):
    out = tmp_path / "export.json"
    summary = write_fhir_export(store, CTX, out, generated=GENERATED)
    assert summary.visits == VISITS - 1
    assert summary.observations == (VISITS - 1) * 2 * 2
    assert summary.skipped == []
    expected = whole_bundle_text(store)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(expected)
    assert out.read_bytes() == expected.encode("utf-8")
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_failure_half_way_leaves_the_old_file_and_no_temporary_one(store, tmp_path, monkeypatch):
    out = tmp_path / "export.json"
    out.write_text("the previous export", encoding="utf-8")
    real = store.stream_visits

    def failing(*args, **kwargs):
        visits = real(*args, **kwargs)
        yield next(visits)
        visits.close()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "stream_visits", failing)
    with pytest.raises(OSError, match="No space left"):
        write_fhir_export(store, CTX, out, generated=GENERATED)
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert temp_siblings(out) == []


def test_a_visit_that_cannot_be_mapped_is_skipped_and_the_rest_written(store, tmp_path):
    bad = store.visits(VisitStatus.CONFIRMED)[1]
    with store.database.sessions.begin() as session:
        session.get(VisitRow, bad.id).rule_set = "no-such-rules"
    out = tmp_path / "export.json"
    summary = write_fhir_export(store, CTX, out, generated=GENERATED)
    assert [s["visit_id"] for s in summary.skipped] == [bad.id]
    assert summary.visits == VISITS - 2
    encounters = [
        e["resource"]["identifier"][0]["value"]
        for e in json.loads(out.read_text(encoding="utf-8"))["entry"]
        if e["resource"]["resourceType"] == "Encounter"
    ]
    assert len(encounters) == VISITS - 2
    assert not any(value.endswith(bad.id) for value in encounters)
