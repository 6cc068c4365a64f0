"""The same-day correction rules (station.corrections), table by table: which visits may be
corrected, what a correction must hold, what it changes, and what happens to each reading's
upload."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from devices.measurements import (
    BloodPressure,
    HeartRate,
    PressureUnit,
    SensorContact,
    SpO2,
    measurement_from_json,
)
from station.checks.engine import CheckReading, check_reading
from station.checks.rulesets import DEFAULT_RULE_SET, RULE_SETS
from station.corrections import (
    AcknowledgementNeeded,
    Correction,
    CorrectionRefused,
    Discard,
    EntryState,
    NewValues,
    OutboxChange,
    PreviousVersion,
    check_correctable,
    outbox_change,
    plan_correction,
    snapshot,
)
from station.manual_entry import MANUAL_SOURCE
from station.person import Person
from station.results import local_naive, summarise
from station.store.models import VisitStatus
from station.store.repository import ReadingSource, StoredReading, StoredVisit, VisitOutcome

T0 = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
TODAY = local_naive(T0).date()
NOW = T0 + timedelta(minutes=30)
CUFF = ReadingSource("cuff-1", "Omron HEM-7155T", simulated=False)
OXIMETER = ReadingSource("ox-1", "Contec CMS50D+", simulated=False)


def bp(systolic, diastolic, pulse=72.0):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, b"\x00\x01", pulse)


def typed_bp(systolic, diastolic, pulse=72.0):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, b"", pulse)


def reading(rid, sequence, measurement, source, *, discarded=None, minutes=1):
    received = T0 + timedelta(minutes=minutes)
    findings = tuple(check_reading(CheckReading(measurement, local_naive(received))))
    return StoredReading(
        id=rid,
        visit_id="v1",
        sequence=sequence,
        measurement=measurement,
        source=source,
        received_at=received,
        valid=not any(f.severity == "invalid" for f in findings),
        findings=findings,
        discarded_reason=discarded,
    )


def make_visit(*readings, status=VisitStatus.CONFIRMED, started=T0, outcome="follow_up"):
    return StoredVisit(
        id="v1",
        station_id="desk-1",
        queue_number=3,
        person=Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15)),
        status=status,
        started_at=started,
        confirmed_at=started + timedelta(minutes=5),
        rule_set=DEFAULT_RULE_SET,
        rule_set_version=RULE_SETS[DEFAULT_RULE_SET].version,
        readings=readings
        or (
            reading("r1", 1, bp(150.0, 95.0), CUFF, minutes=1),
            reading("r2", 2, bp(148.0, 93.0), CUFF, minutes=3),
            reading("r3", 3, SpO2(97.0, 74.0, b"\x02"), OXIMETER, minutes=4),
        ),
        outcome=VisitOutcome(outcome) if outcome else None,
    )


# -- which visits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "started", "refused"),
    [
        (VisitStatus.CONFIRMED, T0, None),
        (VisitStatus.OPEN, T0, "still open"),
        (VisitStatus.CANCELLED, T0, "cancelled visit"),
        (VisitStatus.CONFIRMED, T0 - timedelta(days=1), "Only today's visits"),
        (VisitStatus.CONFIRMED, T0 + timedelta(days=1), "Only today's visits"),
    ],
)
def test_only_a_confirmed_visit_of_today_may_be_corrected(status, started, refused):
    visit = make_visit(status=status, started=started)
    if refused is None:
        check_correctable(visit, TODAY)
        return
    with pytest.raises(CorrectionRefused) as caught:
        check_correctable(visit, TODAY)
    assert refused in caught.value.message_en
    assert caught.value.message_id  # both languages


# -- what a correction must hold ---------------------------------------------------------

DISCARDED = reading("r9", 4, bp(160.0, 99.0), CUFF, discarded="cuff loose", minutes=5)
PULSELESS = reading("r8", 4, SpO2(96.0, None, b"\x03"), OXIMETER, minutes=5)


@pytest.mark.parametrize(
    ("correction", "extra", "refused"),
    [
        (Correction("", (Discard("r1"),)), (), "Give the reason"),
        (Correction("   \t", (Discard("r1"),)), (), "Give the reason"),
        (Correction("typo", ()), (), "Choose what to correct"),
        (Correction("typo", (Discard("nope"),)), (), "not part of this visit"),
        (Correction("typo", (Discard("r1"), Discard("r1"))), (), "changed twice"),
        (Correction("typo", (Discard("r9"),)), (DISCARDED,), "discarded already"),
        (
            Correction("typo", (NewValues("r1", SpO2(97.0, 70.0, b"")),)),
            (),
            "new values of the same kind",
        ),
        (
            Correction("typo", (NewValues("r3", SpO2(95.0, None, b"")),)),
            (),
            "hold the same values as before",
        ),
        (
            Correction("typo", (NewValues("r8", SpO2(95.0, 70.0, b"")),)),
            (PULSELESS,),
            "hold the same values as before",
        ),
        (
            Correction("typo", (NewValues("r1", typed_bp(150.0, 95.0)),)),
            (),
            "the ones stored already",
        ),
        (
            Correction("typo", (NewValues("r1", typed_bp(400.0, 95.0)),)),
            (),
            "Systolic 400 mmHg is not possible",
        ),
        (
            Correction("typo", (NewValues("r1", typed_bp(80.0, 120.0)),)),
            (),
            "Systolic 80 is not above diastolic 120",
        ),
        (
            Correction("typo", (Discard("r1"), Discard("r2"), Discard("r3"))),
            (),
            "keeps at least one valid reading",
        ),
        (
            Correction("typo", (NewValues("r3", SpO2(85.0, 74.0, b"")),)),
            (),
            "makes the result critical",
        ),
        (
            Correction(
                "typo", (NewValues("r3", SpO2(85.0, 74.0, b"")),), acknowledged_action="prayed"
            ),
            (),
            "Unknown action",
        ),
    ],
)
def test_what_a_correction_must_hold(correction, extra, refused):
    base = make_visit()
    visit = dataclasses.replace(base, readings=(*base.readings, *extra))
    with pytest.raises(CorrectionRefused) as caught:
        plan_correction(visit, correction, today=TODAY, now=NOW)
    assert refused in caught.value.message_en
    assert caught.value.message_id


def test_a_correction_making_the_result_critical_needs_what_was_done():
    visit = make_visit()
    change = (NewValues("r3", SpO2(85.0, 74.0, b"")),)
    with pytest.raises(AcknowledgementNeeded):
        plan_correction(visit, Correction("typo", change), today=TODAY, now=NOW)
    plan = plan_correction(
        visit,
        Correction("typo", change, acknowledged_action="referred", acknowledged_note=" ER "),
        today=TODAY,
        now=NOW,
    )
    assert plan.corrected.outcome == VisitOutcome("urgent", "referred", "ER", NOW)
    # An acknowledgement already on record stays, whatever the correction says.
    done = dataclasses.replace(visit, outcome=VisitOutcome("urgent", "seen_by_doctor", "", T0))
    plan = plan_correction(done, Correction("typo", change), today=TODAY, now=NOW)
    assert plan.corrected.outcome == VisitOutcome("urgent", "seen_by_doctor", "", T0)


# -- what a correction changes -----------------------------------------------------------


def test_new_values_are_a_manual_reading_checked_again_and_the_results_rebuilt():
    visit = make_visit()
    assert str(summarise(visit).evaluation.referral) == "follow_up"
    correction = Correction(
        "  cuff value typed from the wrong person  ",
        (NewValues("r1", typed_bp(122.0, 78.0)), NewValues("r2", typed_bp(118.0, 76.0))),
    )
    plan = plan_correction(visit, correction, today=TODAY, now=NOW)
    assert plan.reason == "cuff value typed from the wrong person"
    assert plan.revision == 2
    first, _second = plan.changed
    assert first.source == MANUAL_SOURCE
    assert first.revision == 2
    assert first.valid
    assert first.counts
    assert first.measurement.systolic == 122.0
    assert first.findings == tuple(
        check_reading(CheckReading(first.measurement, local_naive(first.received_at)))
    )
    assert first.received_at == visit.readings[0].received_at  # the effective time stays
    assert plan.corrected.readings[2] == visit.readings[2]  # the oximeter is untouched
    assert plan.corrected.corrected_at == NOW
    assert plan.results.blood_pressure.systolic == 120.0
    assert plan.referral == "none"


def test_a_discarded_reading_stays_with_the_reason_and_stops_counting():
    visit = make_visit()
    plan = plan_correction(visit, Correction("wrong arm", (Discard("r1"),)), today=TODAY, now=NOW)
    (discarded,) = plan.changed
    assert discarded.discarded_reason == "wrong arm"
    assert not discarded.counts
    assert discarded.measurement == visit.readings[0].measurement  # values kept
    assert plan.results.blood_pressure.readings_used == 1


def test_a_blocked_reading_can_be_given_its_real_values():
    blocked = reading("r1", 1, bp(80.0, 120.0), CUFF)
    assert not blocked.valid
    visit = make_visit(blocked, reading("r2", 2, SpO2(97.0, 74.0, b""), OXIMETER, minutes=2))
    plan = plan_correction(
        visit,
        Correction("swapped", (NewValues("r1", typed_bp(120.0, 80.0)),)),
        today=TODAY,
        now=NOW,
    )
    assert plan.changed[0].valid
    assert plan.changed[0].counts


def test_a_heart_rate_reading_takes_a_new_rate():
    strap = ReadingSource("hr-1", "Polar H10", simulated=False)
    visit = make_visit(reading("r1", 1, HeartRate(60, SensorContact.DETECTED, b"\x00"), strap))
    plan = plan_correction(
        visit,
        Correction("typo", (NewValues("r1", HeartRate(66, SensorContact.UNSUPPORTED, b"")),)),
        today=TODAY,
        now=NOW,
    )
    assert plan.results.heart_rate.value == 66.0


def test_the_previous_version_is_the_visit_as_it_was_and_reads_back():
    visit = make_visit(
        *make_visit().readings, DISCARDED, status=VisitStatus.CONFIRMED, outcome="follow_up"
    )
    plan = plan_correction(visit, Correction("typo", (Discard("r2"),)), today=TODAY, now=NOW)
    assert plan.previous == snapshot(visit)
    previous = PreviousVersion.from_json(json.loads(json.dumps(plan.previous)))
    assert previous.revision == 1
    assert previous.referral == "follow_up"
    assert [r.id for r in previous.readings] == ["r1", "r2", "r3", "r9"]
    for before, stored in zip(previous.readings, visit.readings, strict=True):
        # as the store itself reads a reading back
        assert before.measurement == measurement_from_json(stored.measurement.to_json())
        assert before.findings == stored.findings
        assert before.source == stored.source
        assert before.discarded_reason == stored.discarded_reason


# -- what happens to the upload ----------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "counts", "change"),
    [
        # no entry: a blocked reading given real values needs one; otherwise nothing
        (None, True, OutboxChange.CREATE),
        (None, False, OutboxChange.NONE),
        # never attempted: the queued entry simply carries the new version (or goes)
        (EntryState((), 0), True, OutboxChange.REPLACE),
        (EntryState((), 0), False, OutboxChange.DROP),
        # sent: an update of the same resources (amended / entered-in-error)
        (EntryState(("obs-1", "obs-2"), 1), True, OutboxChange.AMEND),
        (EntryState(("obs-1", "obs-2"), 1), False, OutboxChange.AMEND),
        # attempted, no ids: it may be on the server; the upload looks before it sends
        (EntryState((), 2), True, OutboxChange.AMEND),
        (EntryState((), 2), False, OutboxChange.AMEND),
    ],
)
def test_what_a_correction_does_to_a_readings_outbox_entry(entry, counts, change):
    assert outbox_change(entry, counts) is change
