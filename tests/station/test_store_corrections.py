"""Storing same-day corrections (station.store.corrections) on a real SQLite file and on
PostgreSQL: both versions kept, results rebuilt, outbox entries replaced or made amendments,
one transaction, and no race with a sync uploading the visit."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from devices.measurements import BloodPressure, PressureUnit, SpO2
from station.checks.engine import CheckReading, check_reading
from station.checks.rulesets import DEFAULT_RULE_SET, RULE_SETS
from station.correction_service import CorrectionService
from station.corrections import (
    Correction,
    CorrectionBusy,
    CorrectionRefused,
    Discard,
    NewValues,
)
from station.manual_entry import MANUAL_SOURCE
from station.person import Person
from station.results import local_naive, summarise
from station.store.corrections import CorrectionStore
from station.store.database import open_database
from station.store.models import (
    FindingRow,
    OutboxRow,
    OutboxStatus,
    ReadingRow,
    VisitCorrectionRow,
    VisitRow,
)
from station.store.outbox import LeaseLost, UploadStore
from station.store.repository import ReadingSource, Store, VisitOutcome
from tests.station.actors import TEST_ACTOR

# An instant whose local date is the same a few minutes later in every real time zone.
T0 = datetime(2026, 12, 2, 5, 17, tzinfo=UTC)
NOW = T0 + timedelta(seconds=90)
CUFF = ReadingSource("cuff-1", "Omron HEM-7155T", simulated=False)
OXIMETER = ReadingSource("ox-1", "Contec CMS50D+", simulated=False)
BP_RAW = bytes.fromhex("1e96005f00")


@pytest.fixture(params=["sqlite", "postgres"])
def database(request):
    url = request.getfixturevalue("db_url" if request.param == "sqlite" else "postgres_url")
    opened = open_database(url)
    yield opened
    opened.close()


def bp(systolic, diastolic, raw=BP_RAW):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, raw, pulse_rate=72.0)


def typed_bp(systolic, diastolic):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, b"", pulse_rate=72.0)


def confirmed_visit(store, queue=1, started=T0):
    """A visit as the desk records it: two cuff readings and one oximeter reading, checked,
    stored, confirmed with the referral of its results."""
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=queue,
        person=Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15)),
        started_at=started,
        rule_set=DEFAULT_RULE_SET,
        rule_set_version=RULE_SETS[DEFAULT_RULE_SET].version,
        actor=TEST_ACTOR,
    )
    for seconds, measurement, source in (
        (10, bp(150.0, 95.0), CUFF),
        (20, bp(148.0, 93.0), CUFF),
        (30, SpO2(97.0, 74.0, b"\x02"), OXIMETER),
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
    return store.confirm_visit(
        visit.id, started + timedelta(seconds=60), VisitOutcome(referral), actor=TEST_ACTOR
    )


def upload(database, visit, now=T0 + timedelta(seconds=70)):
    """What a sync does with the visit: claim, attempt, sent with two server ids a reading."""
    uploads = UploadStore(database)
    (claim,) = uploads.claim("test-sync", now)
    assert claim.visit.id == visit.id
    uploads.begin_attempt(claim, [e.id for e in claim.entries], now)
    ids = {e.id: [f"obs-{e.reading_id[:8]}-a", f"obs-{e.reading_id[:8]}-b"] for e in claim.entries}
    uploads.mark_sent(claim, ids, now, encounter_server_id="enc-1")
    return ids


def entries(database, visit_id):
    with database.sessions() as session:
        rows = session.scalars(select(OutboxRow).where(OutboxRow.visit_id == visit_id)).all()
        return {row.reading_id: row for row in rows}


def test_a_sent_visit_corrected_keeps_both_versions_and_its_entries_become_amendments(database):
    store = Store(database)
    visit = confirmed_visit(store)
    assert visit.outcome.referral == "follow_up"
    sent_ids = upload(database, visit)
    r1, r2, r3 = visit.readings

    corrected = CorrectionStore(database).apply(
        visit.id,
        Correction(
            "values of the previous person",
            (
                NewValues(r1.id, typed_bp(122.0, 78.0)),
                NewValues(r2.id, typed_bp(118.0, 76.0)),
                Discard(r3.id),
            ),
        ),
        NOW,
        actor=TEST_ACTOR,
    )

    # The visit as corrected: new values (manual), results and referral rebuilt.
    assert corrected.revision == 2
    assert corrected.corrected_at == NOW
    new1, new2, gone = corrected.readings
    assert new1.measurement == typed_bp(122.0, 78.0)
    assert new1.manual
    assert new2.manual
    assert (new1.revision, new2.revision) == (2, 2)
    assert new1.source == MANUAL_SOURCE
    assert new1.findings == tuple(
        check_reading(CheckReading(new1.measurement, local_naive(new1.received_at)))
    )
    assert gone.discarded_reason == "values of the previous person"
    assert gone.measurement == r3.measurement
    assert not gone.counts
    results = summarise(corrected)
    assert (results.blood_pressure.systolic, results.blood_pressure.diastolic) == (120.0, 77.0)
    assert results.spo2 is None
    assert corrected.outcome.referral == str(results.evaluation.referral) == "none"
    with database.sessions() as session:
        row = session.get(ReadingRow, r1.id)
        assert (row.source, row.raw, row.revision) == ("manual", b"", 2)
        findings = session.scalar(
            select(func.count()).select_from(FindingRow).where(FindingRow.reading_id == r1.id)
        )
        assert findings == len(new1.findings)  # replaced, not added to
        assert session.get(ReadingRow, r3.id).discarded_at == NOW
        visit_row = session.get(VisitRow, visit.id)
        assert visit_row.encounter_server_id == "enc-1"

    # The record keeps the version it replaced.
    (history,) = CorrectionStore(database).corrections(visit.id)
    assert (history.revision, history.reason, history.corrected_at) == (
        2,
        "values of the previous person",
        NOW,
    )
    assert history.previous.referral == "follow_up"
    assert [p.measurement.systolic for p in history.previous.readings[:2]] == [150.0, 148.0]
    assert history.previous.readings[2].discarded_reason is None
    assert history.previous.readings[0].source == CUFF
    # Each earlier finding keeps its message key and parameters (issue 13).
    assert [p.findings for p in history.previous.readings] == [r.findings for r in visit.readings]

    # Every changed entry is an update of what the server holds: pending, amendment 2,
    # its server ids kept; nothing else changed.
    outbox = entries(database, visit.id)
    assert len(outbox) == 3
    for reading in (r1, r2, r3):
        entry = outbox[reading.id]
        assert (entry.status, entry.amendment) == (OutboxStatus.PENDING, 2)
        assert json.loads(entry.server_ids) == sent_ids[entry.id]

    # A second correction the same day: revision 3, the entry's amendment follows.
    again = CorrectionStore(database).apply(
        visit.id,
        Correction("one more typo", (NewValues(r1.id, typed_bp(124.0, 79.0)),)),
        NOW,
        actor=TEST_ACTOR,
    )
    assert again.revision == 3
    history = CorrectionStore(database).corrections(visit.id)
    assert [h.revision for h in history] == [2, 3]
    assert history[1].previous.readings[0].measurement.systolic == 122.0
    outbox = entries(database, visit.id)
    assert outbox[r1.id].amendment == 3
    assert outbox[r2.id].amendment == 2


def test_a_visit_not_yet_uploaded_simply_has_its_queue_replaced(database):
    store = Store(database)
    visit = confirmed_visit(store)
    r1, r2, _r3 = visit.readings
    before = entries(database, visit.id)
    CorrectionStore(database).apply(
        visit.id,
        Correction("typo", (NewValues(r1.id, typed_bp(122.0, 78.0)), Discard(r2.id))),
        NOW,
        actor=TEST_ACTOR,
    )
    outbox = entries(database, visit.id)
    assert r2.id not in outbox  # discarded before it was ever sent: nothing to send
    assert (outbox[r1.id].status, outbox[r1.id].amendment) == (OutboxStatus.PENDING, 0)
    assert outbox[r1.id].id == before[r1.id].id  # the same entry, carrying the new version
    assert outbox[r1.id].server_ids is None


def test_a_blocked_reading_given_real_values_gets_its_outbox_entry(database):
    store = Store(database)
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=1,
        person=Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15)),
        started_at=T0,
        rule_set=DEFAULT_RULE_SET,
        rule_set_version=RULE_SETS[DEFAULT_RULE_SET].version,
        actor=TEST_ACTOR,
    )
    for seconds, measurement in ((10, bp(80.0, 120.0)), (20, bp(121.0, 79.0))):
        received = T0 + timedelta(seconds=seconds)
        store.add_reading(
            visit_id=visit.id,
            measurement=measurement,
            source=CUFF,
            findings=check_reading(CheckReading(measurement, local_naive(received))),
            received_at=received,
            actor=TEST_ACTOR,
        )
    visit = store.confirm_visit(
        visit.id, T0 + timedelta(seconds=60), VisitOutcome("none"), actor=TEST_ACTOR
    )
    blocked = visit.readings[0]
    assert not blocked.valid
    assert blocked.id not in entries(database, visit.id)
    CorrectionStore(database).apply(
        visit.id,
        Correction("swapped", (NewValues(blocked.id, typed_bp(120.0, 80.0)),)),
        NOW,
        actor=TEST_ACTOR,
    )
    entry = entries(database, visit.id)[blocked.id]
    assert (entry.status, entry.amendment, entry.attempts) == (OutboxStatus.PENDING, 0, 0)


def snapshot_of_tables(database):
    with database.sessions() as session:
        return {
            "visits": [
                (v.revision, v.referral, v.corrected_at, v.upload_claimed_by)
                for v in session.scalars(select(VisitRow).order_by(VisitRow.id))
            ],
            "readings": [
                (r.decoded_json, r.source, r.revision, r.discarded_reason, r.valid)
                for r in session.scalars(select(ReadingRow).order_by(ReadingRow.id))
            ],
            "findings": session.scalar(select(func.count()).select_from(FindingRow)),
            "outbox": [
                (o.reading_id, o.status, o.amendment)
                for o in session.scalars(select(OutboxRow).order_by(OutboxRow.id))
            ],
            "corrections": session.scalar(select(func.count()).select_from(VisitCorrectionRow)),
        }


def test_a_visit_being_uploaded_is_not_raced_the_correction_waits_for_its_lease(database):
    store = Store(database)
    visit = confirmed_visit(store)
    r1 = visit.readings[0]
    uploads = UploadStore(database)
    (claim,) = uploads.claim("sync-a", T0 + timedelta(seconds=70), lease_s=30.0)
    before = snapshot_of_tables(database)
    correction = Correction("typo", (NewValues(r1.id, typed_bp(122.0, 78.0)),))

    # The sync holds the visit (lease until T0+100s): refused, nothing changed.
    with pytest.raises(CorrectionBusy) as caught:
        CorrectionStore(database).apply(visit.id, correction, NOW, actor=TEST_ACTOR)
    assert "try again in a moment" in caught.value.message_en
    assert snapshot_of_tables(database) == before

    # Its lease ran out (the process hangs): the correction goes through, and the old
    # process can no longer record the old values as sent.
    later = T0 + timedelta(seconds=101)
    CorrectionStore(database).apply(visit.id, correction, later, actor=TEST_ACTOR)
    with pytest.raises(LeaseLost):
        uploads.mark_sent(claim, {e.id: ["x"] for e in claim.entries}, later)
    entry = entries(database, visit.id)[r1.id]
    # Claimed (sending) but never attempted: nothing reached the server, the queue is replaced.
    assert (entry.status, entry.amendment) == (OutboxStatus.PENDING, 0)
    # The next sync takes the visit with the new values.
    (fresh,) = uploads.claim("sync-b", later)
    assert fresh.visit.revision == 2
    assert fresh.visit.readings[0].measurement == typed_bp(122.0, 78.0)


def test_a_correction_planned_on_an_older_version_is_refused(database, monkeypatch):
    store = Store(database)
    visit = confirmed_visit(store)
    r1, r2, _r3 = visit.readings
    corrections = CorrectionStore(database)
    corrections.apply(visit.id, Correction("first", (Discard(r2.id),)), NOW, actor=TEST_ACTOR)
    before = snapshot_of_tables(database)
    # Another desk planned its correction on revision 1 before this one was stored.
    monkeypatch.setattr(corrections._store, "visit", lambda _visit_id: visit)
    with pytest.raises(CorrectionRefused) as caught:
        corrections.apply(visit.id, Correction("second", (Discard(r1.id),)), NOW, actor=TEST_ACTOR)
    assert "changed meanwhile" in caught.value.message_en
    assert snapshot_of_tables(database) == before


@pytest.mark.parametrize(
    ("started", "correction", "refused"),
    [
        (T0 - timedelta(days=1), "new", "Only today's visits"),
        (T0, "blocked", "Systolic 400 mmHg is not possible"),
        (T0, "blank", "Give the reason"),
    ],
)
def test_a_refused_correction_changes_nothing(database, started, correction, refused):
    store = Store(database)
    visit = confirmed_visit(store, started=started)
    r1 = visit.readings[0]
    wanted = {
        "new": Correction("typo", (NewValues(r1.id, typed_bp(122.0, 78.0)),)),
        "blocked": Correction("typo", (NewValues(r1.id, typed_bp(400.0, 78.0)),)),
        "blank": Correction(" ", (NewValues(r1.id, typed_bp(122.0, 78.0)),)),
    }[correction]
    before = snapshot_of_tables(database)
    with pytest.raises(CorrectionRefused) as caught:
        CorrectionStore(database).apply(visit.id, wanted, NOW, actor=TEST_ACTOR)
    assert refused in caught.value.message_en
    assert snapshot_of_tables(database) == before


def test_the_desk_service_lists_todays_visits_and_returns_rebuilt_results(database):
    store = Store(database)
    earlier = confirmed_visit(store, queue=1, started=T0 - timedelta(days=1))
    first = confirmed_visit(store, queue=2, started=T0)
    second = confirmed_visit(store, queue=3, started=T0 + timedelta(seconds=5))
    service = CorrectionService(store, lambda: NOW, station_id="desk-1")
    listed = [v.id for v in service.correctable_visits()]
    assert listed == [second.id, first.id]
    assert earlier.id not in listed
    r1, r2, _ = first.readings
    correction = Correction(
        "typo", (NewValues(r1.id, typed_bp(122.0, 78.0)), NewValues(r2.id, typed_bp(118.0, 76.0)))
    )
    preview = service.preview(first, correction)
    assert service.history(first.id) == []  # a preview stores nothing
    done = service.correct(first.id, correction, TEST_ACTOR)
    assert done.results.blood_pressure.systolic == preview.results.blood_pressure.systolic == 120
    assert done.visit.outcome.referral == "none"
    assert [h.reason for h in service.history(first.id)] == ["typo"]
