"""What one claim transaction carries (issue 14: the outbox bookkeeping in few statements),
and the writes that replaced ORM loads: the IHS cache upsert and the lease guard."""

from __future__ import annotations

from datetime import timedelta

import pytest

from station.store.database import open_database
from station.store.outbox import FoundIhs, LeaseLost, UploadStore
from station.store.repository import Store
from tests.station.actors import TEST_ACTOR
from tests.station.test_store import PERSON, T0, add, bp, new_visit


@pytest.fixture
def stores(db_url):
    database = open_database(db_url)
    store = Store(database)
    visit = new_visit(store)
    add(store, visit, bp(121, 79))
    add(store, visit, bp(119, 77), at=T0 + timedelta(minutes=2))
    store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=TEST_ACTOR)
    yield store, UploadStore(database), visit
    database.close()


def test_a_claim_carries_the_entries_and_the_cached_ihs_of_its_patient(stores):
    _store, upload, visit = stores
    upload.cache_ihs("patient", PERSON.nik, "P0001", T0)
    upload.cache_ihs("patient", PERSON.nik, "P0002", T0 + timedelta(hours=1))  # upsert
    (claim,) = upload.claim("w1", T0 + timedelta(hours=2))
    assert claim.visit.id == visit.id
    assert [e.status for e in claim.entries] == ["sending", "sending"]
    assert [e.id for e in claim.entries] == sorted(e.id for e in claim.entries)
    assert claim.encounter_server_id is None
    assert claim.practitioner_niks == {}  # the test actor names no practitioner
    assert claim.cached_ihs == {("patient", PERSON.nik): "P0002"}
    assert upload.cached_ihs("patient", PERSON.nik) == "P0002"


def test_a_person_not_cached_is_named_so_and_found_ihs_is_cached_with_the_attempt(stores):
    _store, upload, _visit = stores
    (claim,) = upload.claim("w1", T0)
    assert claim.cached_ihs == {("patient", PERSON.nik): None}
    found = FoundIhs("patient", PERSON.nik, "P0003", T0)
    upload.begin_attempt(claim, [e.id for e in claim.entries], T0, ihs_found=[found])
    assert upload.cached_ihs("patient", PERSON.nik) == "P0003"
    upload.mark_sent(claim, {e.id: ["obs-1"] for e in claim.entries}, T0, "enc-1")
    assert upload.claim("w1", T0 + timedelta(minutes=1)) == []  # sent: nothing due


def test_a_visit_taken_over_refuses_every_write_and_keeps_what_the_new_holder_did(stores):
    _store, upload, _visit = stores
    (first,) = upload.claim("w1", T0, lease_s=1)
    later = T0 + timedelta(seconds=5)  # the lease ran out
    (second,) = upload.claim("w2", later)
    found = FoundIhs("patient", PERSON.nik, "P0004", later)
    with pytest.raises(LeaseLost):
        upload.begin_attempt(first, [e.id for e in first.entries], later, ihs_found=[found])
    assert upload.cached_ihs("patient", PERSON.nik) is None  # rolled back with it
    with pytest.raises(LeaseLost):
        upload.mark_sent(first, {e.id: ["x"] for e in first.entries}, later, "enc-x")
    with pytest.raises(LeaseLost):
        upload.record_encounter(first, "enc-x")
    upload.begin_attempt(second, [e.id for e in second.entries], later)
    upload.mark_sent(second, {e.id: ["obs"] for e in second.entries}, later, "enc-2")
    assert upload.claim("w3", later + timedelta(minutes=5)) == []
