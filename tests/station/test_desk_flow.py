"""The desk workflow at the station level (no Qt), on a real database: the queue (call, recall,
skip, a number kept across a restart), what the desk allows at each step, the blood-pressure
protocol's minute and early confirmation, discarding a reading, manual entry, person errors
and the background person look-up.

Every refusal is checked to change nothing: no row of any table (``snapshot``), not the
desk's state, and no event sent. The queue tests also run on PostgreSQL when a server is set
(``VITALS_TEST_POSTGRES_URL``).
"""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import date

import pytest
from sqlalchemy import select

from devices.measurements import MeasurementKind
from fhir_export.mapping import to_dict, visit_bundle
from station.checks import Severity
from station.checks.engine import CheckReading, check_reading
from station.desk_state import Action, DeskState, Phase, allowed
from station.export import visit_to_export
from station.manual_entry import parse_manual
from station.person import mask_nik
from station.results import summarise
from station.service import (
    DeskChanged,
    DeviceRole,
    ErrorCode,
    InterruptedVisit,
    PersonLookedUp,
    QueueCalled,
    QueueSkipped,
    ReadingDiscarded,
    ReadingStored,
    StationError,
    VisitConfirmed,
)
from station.store.models import (
    OutboxRow,
    QueueCallRow,
    ReadingRow,
    VisitRow,
    VisitStatus,
    row_dict,
)
from station.store.people import PreviousVisit
from station.upload.person_lookup import RegistryAnswer, RegistryStatus
from tests.station.desk_harness import Clock, bp, snapshot, spo2
from tests.station.test_manual_store import CTX

NIK = "3174015507850002"  # born 15-07-1985, a woman
NAME = "Siti Rahayu"
OTHER_NIK = "3174010101850003"
TYPED_BP = {"systolic": "128", "diastolic": "84", "pulse_rate": "66"}

STATE_CODES = {ErrorCode.NOT_NOW, ErrorCode.NO_VALID_RESULT, ErrorCode.DEVICE_BUSY}
VISIT_ACTIONS = {Action.MEASURE, Action.ENTER_MANUALLY, Action.DISCARD, Action.CANCEL}
# The idle desk also lists the station's own start-up action (offering an interrupted visit).
IDLE_ACTIONS = {Action.CALL_NEXT, Action.OFFER_INTERRUPTED}


def run(coroutine):
    return asyncio.run(coroutine)


def queue_rows(database):
    with database.sessions() as session:
        rows = session.scalars(select(QueueCallRow).order_by(QueueCallRow.queue_number))
        return [row_dict(row) for row in rows]


def visit_row(database, visit_id):
    with database.sessions() as session:
        return row_dict(session.get(VisitRow, visit_id))


def reading_row(database, reading_id):
    with database.sessions() as session:
        return row_dict(session.get(ReadingRow, reading_id))


def outbox_readings(database):
    with database.sessions() as session:
        return set(session.scalars(select(OutboxRow.reading_id)))


async def refused(desk, coroutine_function, *args, **kwargs):
    """Run an action that must be refused: returns its StationError after proving it
    changed no row, not the desk's state, and sent no event."""
    rows, state, sent = snapshot(desk.database), desk.station.state, len(desk.events)
    with pytest.raises(StationError) as info:
        await coroutine_function(*args, **kwargs)
    assert snapshot(desk.database) == rows
    assert desk.station.state == state
    assert desk.events[sent:] == []
    return info.value


async def open_visit(desk, nik=NIK, name=NAME, birth_date=None):
    await desk.station.call_next()
    return await desk.station.start_visit(nik, name, birth_date)


async def two_close_readings(desk):
    """Two cuff readings under 140/90 and within 10/5 of each other: the protocol is done."""
    desk.cuff.script += [bp(122.0, 78.0), bp(118.0, 80.0)]
    (first,) = await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
    desk.clock.advance(60)
    (second,) = await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
    return first, second


# -- the queue ---------------------------------------------------------------------------


def test_a_second_call_next_is_refused_and_no_number_is_lost(make_desk, any_db_url):
    desk = make_desk(any_db_url)
    station = desk.station

    async def scenario():
        assert await station.call_next() == 1
        error = await refused(desk, station.call_next)
        assert error.code is ErrorCode.NOT_NOW
        assert (station.state.phase, station.queue_number) == (Phase.CALLED, 1)
        (row,) = queue_rows(desk.database)
        assert (row["queue_number"], row["outcome"], row["closed_at"]) == (1, "called", None)
        assert await station.skip() == 1
        assert await station.call_next() == 2
        await station.start_visit(NIK, NAME, None)
        assert (await refused(desk, station.call_next)).code is ErrorCode.NOT_NOW
        await station.cancel()
        assert await station.call_next() == 3

    run(scenario())
    rows = queue_rows(desk.database)
    assert [(r["queue_number"], r["outcome"]) for r in rows] == [
        (1, "skipped"),
        (2, "visit"),
        (3, "called"),
    ]
    assert {r["station_id"] for r in rows} == {"desk-1"}
    assert [e.queue_number for e in desk.of_type(QueueCalled)] == [1, 2, 3]


def test_two_presses_at_once_take_one_number(make_desk, any_db_url):
    desk = make_desk(any_db_url)

    async def both():
        return await asyncio.gather(
            desk.station.call_next(), desk.station.call_next(), return_exceptions=True
        )

    outcomes = run(both())
    numbers = [o for o in outcomes if isinstance(o, int)]
    errors = [o for o in outcomes if isinstance(o, StationError)]
    assert numbers == [1]
    assert [e.code for e in errors] == [ErrorCode.NOT_NOW]
    assert len(queue_rows(desk.database)) == 1
    assert desk.station.queue_number == 1


def test_desks_calling_at_once_never_share_a_number(make_desk, any_db_url):
    desks = [make_desk(any_db_url, station_id=f"desk-{i}") for i in (1, 2, 3)]

    async def rounds():
        taken = []
        for _ in range(4):
            taken += await asyncio.gather(*(d.station.call_next() for d in desks))
            await asyncio.gather(*(d.station.skip() for d in desks))
        return taken

    taken = run(rounds())
    assert sorted(taken) == list(range(1, 13))
    rows = queue_rows(desks[0].database)
    assert [r["queue_number"] for r in rows] == list(range(1, 13))
    for desk in desks:
        called = [e.queue_number for e in desk.of_type(QueueCalled)]
        mine = [r["queue_number"] for r in rows if r["station_id"] == desk.station.station_id]
        assert called == mine


def test_recall_calls_the_same_number_again_and_counts_it(make_desk, any_db_url):
    desk = make_desk(any_db_url)

    async def scenario():
        await desk.station.call_next()
        assert await desk.station.recall() == 1
        assert await desk.station.recall() == 1

    run(scenario())
    assert desk.of_type(QueueCalled) == [
        QueueCalled(1, "desk-1"),
        QueueCalled(1, station_id="desk-1", recall=True),
        QueueCalled(1, station_id="desk-1", recall=True),
    ]
    (row,) = queue_rows(desk.database)
    assert (row["recalls"], row["outcome"], row["closed_at"]) == (2, "called", None)
    assert row["last_called_at"] == desk.clock.now > row["called_at"]
    assert (desk.station.state.phase, desk.station.queue_number) == (Phase.CALLED, 1)


def test_skip_closes_the_number_and_frees_the_desk(make_desk, any_db_url):
    desk = make_desk(any_db_url)

    async def scenario():
        await desk.station.call_next()
        assert await desk.station.skip() == 1
        for action in (desk.station.recall, desk.station.skip):
            assert (await refused(desk, action)).code is ErrorCode.NOT_NOW

    run(scenario())
    assert desk.of_type(QueueSkipped) == [QueueSkipped(1)]
    (row,) = queue_rows(desk.database)
    assert (row["outcome"], row["closed_at"]) == ("skipped", desk.clock.now)
    assert desk.station.state == DeskState()
    assert desk.last_change().allowed == IDLE_ACTIONS


def test_starting_the_visit_marks_the_call_served(make_desk, any_db_url):
    desk = make_desk(any_db_url)
    visit = run(open_visit(desk))
    (row,) = queue_rows(desk.database)
    assert (row["outcome"], row["closed_at"]) == ("visit", visit.started_at)
    assert visit.queue_number == 1
    assert desk.station.state.visit_id == visit.id


@pytest.mark.parametrize("then", ["skip", "start_visit"])
def test_a_number_called_and_not_served_survives_a_restart(make_desk, any_db_url, then):
    crashed = make_desk(any_db_url)
    run(crashed.station.call_next())
    crashed.close()  # the desk stops with number 1 called and nobody served

    desk = make_desk(any_db_url, clock=Clock(start=crashed.clock.now))
    elsewhere = make_desk(any_db_url, station_id="desk-2", clock=desk.clock)

    async def restart():
        assert await desk.station.find_interrupted() is None
        offered = (list(desk.events), desk.station.state)
        assert await elsewhere.station.find_interrupted() is None  # not desk-2's number
        if then == "skip":
            assert await desk.station.skip() == 1
        else:
            await desk.station.start_visit(NIK, NAME, None)
            await desk.station.cancel()
        return offered, await desk.station.call_next()

    (events, state), next_number = run(restart())
    assert [e for e in events if not isinstance(e, DeskChanged)] == [QueueCalled(1, "desk-1")]
    assert (state.phase, state.queue_number) == (Phase.CALLED, 1)
    assert events[-2].allowed == {Action.RECALL, Action.SKIP, Action.START_VISIT}
    assert elsewhere.events == []
    assert next_number == 2
    outcomes = [(r["queue_number"], r["outcome"]) for r in queue_rows(desk.database)]
    assert outcomes == [(1, "skipped" if then == "skip" else "visit"), (2, "called")]


# -- what the desk allows ------------------------------------------------------------------


def operations(desk, visit_id="no-such-visit", reading_id="no-such-reading"):
    """Each operator action, the desk actions that allow it, and a call of it."""
    station = desk.station
    return [
        ("call_next", {Action.CALL_NEXT}, station.call_next),
        ("recall", {Action.RECALL}, station.recall),
        ("skip", {Action.SKIP}, station.skip),
        ("start_visit", {Action.START_VISIT}, lambda: station.start_visit(NIK, NAME, None)),
        ("measure", {Action.MEASURE}, lambda: station.measure(DeviceRole.OXIMETER)),
        (
            "enter_manually",
            {Action.ENTER_MANUALLY},
            lambda: station.enter_manually(parse_manual(MeasurementKind.BLOOD_PRESSURE, TYPED_BP)),
        ),
        ("discard", {Action.DISCARD}, lambda: station.discard(reading_id, "wrong arm")),
        ("confirm", {Action.CONFIRM, Action.CONFIRM_EARLY}, station.confirm),
        (
            "confirm_early",
            {Action.CONFIRM, Action.CONFIRM_EARLY},
            lambda: station.confirm(early_reason="the person had to leave"),
        ),
        ("cancel", {Action.CANCEL}, station.cancel),
        ("resume", {Action.RESUME}, lambda: station.resume(visit_id)),
        (
            "cancel_interrupted",
            {Action.CANCEL_INTERRUPTED},
            lambda: station.cancel_interrupted(visit_id),
        ),
    ]


async def expect_allowed(desk, expected, **ids):
    """The desk's last announcement says ``expected`` and agrees with the table; everything
    else is refused for the desk's state and changes nothing."""
    change = desk.last_change()
    assert change.state == desk.station.state
    assert change.allowed == allowed(change.state) == expected
    desk.oximeter.script = [spo2()]
    for name, needs, operation in operations(desk, **ids):
        if needs & expected:
            continue
        error = await refused(desk, operation)
        assert error.code in STATE_CODES, name
    desk.oximeter.script = []


def test_every_announcement_matches_the_table_and_what_succeeds(make_desk):
    desk = make_desk()
    station = desk.station

    async def visit():
        await station.find_interrupted()  # nothing to offer: the desk stays idle, silent
        assert desk.events == []
        await station.call_next()
        await expect_allowed(desk, {Action.RECALL, Action.SKIP, Action.START_VISIT})
        await station.recall()
        await expect_allowed(desk, {Action.RECALL, Action.SKIP, Action.START_VISIT})
        opened = await station.start_visit(NIK, NAME, None)
        await expect_allowed(desk, VISIT_ACTIONS)
        desk.cuff.script = [bp(122.0, 78.0), bp(118.0, 80.0)]
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        await expect_allowed(desk, VISIT_ACTIONS | {Action.CONFIRM_EARLY})
        desk.clock.advance(60)
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        await expect_allowed(desk, VISIT_ACTIONS | {Action.CONFIRM})
        await station.confirm()
        await expect_allowed(desk, IDLE_ACTIONS)
        return opened

    opened = run(visit())
    changes = desk.of_type(DeskChanged)
    assert all(c.allowed == allowed(c.state) for c in changes)
    # While the cuff worked the desk said so, and only what may happen meanwhile.
    measuring = [c for c in changes if c.state.phase is Phase.MEASURING]
    assert len(measuring) == 4  # per reading: the cuff starts, its reading is stored
    assert all(c.state.measuring == {DeviceRole.BLOOD_PRESSURE} for c in measuring)
    assert all(Action.MEASURE_DONE in c.allowed for c in measuring)
    assert not any({Action.CONFIRM, Action.CONFIRM_EARLY} & c.allowed for c in measuring)
    assert visit_row(desk.database, opened.id)["status"] == VisitStatus.CONFIRMED


def test_an_interrupted_visit_allows_only_resume_or_cancel(make_desk):
    crashed = make_desk()
    visit = run(open_visit(crashed))
    crashed.close()
    desk = make_desk(clock=Clock(start=crashed.clock.now))

    async def restart():
        assert (await desk.station.find_interrupted()).id == visit.id
        await expect_allowed(
            desk, {Action.RESUME, Action.CANCEL_INTERRUPTED}, visit_id="no-such-visit"
        )
        await desk.station.resume(visit.id)
        await expect_allowed(desk, VISIT_ACTIONS)

    run(restart())
    assert [e.visit.id for e in desk.of_type(InterruptedVisit)] == [visit.id]
    assert desk.station.current_visit.id == visit.id


# -- the blood-pressure protocol -----------------------------------------------------------


def test_a_second_cuff_reading_waits_for_the_protocol_minute(make_desk):
    desk = make_desk(clock=Clock(step=0))  # time passes only when the test says so
    station = desk.station

    async def scenario():
        await open_visit(desk)
        desk.cuff.script = [bp(122.0, 78.0), bp(118.0, 80.0)]
        desk.oximeter.script = [spo2()]
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        desk.clock.advance(59)
        assert station.protocol_wait_seconds() == 1
        error = await refused(desk, station.measure, DeviceRole.BLOOD_PRESSURE)
        assert error.code is ErrorCode.PROTOCOL_WAIT
        assert error.message_en.startswith("Wait 1 more seconds")
        assert len(desk.cuff.script) == 1  # the cuff was not even asked
        assert len(await station.measure(DeviceRole.OXIMETER)) == 1  # SpO2 has no minute
        desk.clock.advance(1)
        assert station.protocol_wait_seconds() == 0
        return await station.measure(DeviceRole.BLOOD_PRESSURE)

    assert len(run(scenario())) == 1
    visit = desk.store.visit(desk.station.current_visit.id)
    assert [type(r.measurement).__name__ for r in visit.readings] == [
        "BloodPressure",
        "SpO2",
        "BloodPressure",
    ]
    assert desk.station.state.protocol_complete


async def one_cuff_reading(desk):
    desk.cuff.script = [bp(124.0, 80.0)]
    await desk.station.measure(DeviceRole.BLOOD_PRESSURE)


async def oximeter_only(desk):
    desk.oximeter.script = [spo2()]
    await desk.station.measure(DeviceRole.OXIMETER)


async def third_reading_due(desk):
    desk.cuff.script = [bp(124.0, 80.0), bp(110.0, 79.0)]  # 14 mmHg apart: a third is due
    await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
    desk.clock.advance(60)
    await desk.station.measure(DeviceRole.BLOOD_PRESSURE)


@pytest.mark.parametrize("readings", [one_cuff_reading, oximeter_only, third_reading_due])
def test_confirming_before_the_protocol_is_complete_needs_a_stored_reason(make_desk, readings):
    desk = make_desk()
    station = desk.station
    reason = "  Pasien harus segera pulang  "

    async def scenario():
        visit = await open_visit(desk)
        await readings(desk)
        assert desk.last_change().allowed == VISIT_ACTIONS | {Action.CONFIRM_EARLY}
        for missing in (None, "", "   \n"):
            error = await refused(desk, station.confirm, early_reason=missing)
            assert (error.code, error.field) == (ErrorCode.NEEDS_REASON, "early_reason")
        assert station.current_visit.id == visit.id
        assert desk.store.visit(visit.id).status is VisitStatus.OPEN
        await station.confirm(early_reason=reason)
        return visit

    visit = run(scenario())
    row = visit_row(desk.database, visit.id)
    assert (row["status"], row["early_confirm_reason"]) == ("confirmed", reason.strip())
    (confirmed,) = desk.of_type(VisitConfirmed)
    assert confirmed.visit.early_confirm_reason == reason.strip()
    assert desk.station.state == DeskState()


@pytest.mark.parametrize("offered", [None, "a reason nobody asked for"])
def test_a_complete_protocol_confirms_plainly(make_desk, offered):
    desk = make_desk()

    async def scenario():
        visit = await open_visit(desk)
        await two_close_readings(desk)
        results = await desk.station.confirm(early_reason=offered)
        return visit, results

    visit, results = run(scenario())
    assert (results.blood_pressure.systolic, results.blood_pressure.diastolic) == (120.0, 79.0)
    row = visit_row(desk.database, visit.id)
    assert (row["status"], row["early_confirm_reason"]) == ("confirmed", None)


# -- discarding a reading ------------------------------------------------------------------


def test_a_discarded_reading_is_kept_but_never_counted_sent_or_exported(make_desk):
    desk = make_desk()
    station = desk.station

    async def scenario():
        visit = await open_visit(desk)
        desk.cuff.script = [bp(160.0, 100.0), bp(122.0, 78.0), bp(118.0, 80.0)]
        desk.oximeter.script = [spo2(97.0, 71.0)]
        (slipped,) = await station.measure(DeviceRole.BLOOD_PRESSURE)
        await station.measure(DeviceRole.OXIMETER)
        desk.clock.advance(60)
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        desk.clock.advance(60)
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        await station.discard(slipped.id, "  manset terlepas  ")
        discarded_at = desk.clock.now
        await station.confirm()  # the two close readings left complete the protocol
        return visit, slipped, discarded_at

    visit, slipped, discarded_at = run(scenario())
    row = reading_row(desk.database, slipped.id)
    assert (row["discarded_reason"], row["discarded_at"]) == ("manset terlepas", discarded_at)
    stored = desk.store.visit(visit.id)
    assert stored.readings[0].id == slipped.id  # still stored, first
    kept = {r.id for r in stored.readings} - {slipped.id}
    assert outbox_readings(desk.database) == kept
    (event,) = desk.of_type(ReadingDiscarded)
    assert (event.reading_id, event.reason) == (slipped.id, "manset terlepas")
    assert event.results == summarise(stored)
    results = summarise(stored)
    assert (results.blood_pressure.systolic, results.blood_pressure.readings_used) == (120.0, 2)
    exported = visit_to_export(stored)
    assert {v.identifier.rsplit("-", 1)[0] for v in exported.vitals} == kept
    bundle = json.dumps(to_dict(visit_bundle(exported, CTX)))
    assert slipped.id not in bundle
    assert all(reading_id in bundle for reading_id in kept)


@pytest.mark.parametrize("reason", ["", "   \t"])
def test_a_discard_needs_a_reason(make_desk, reason):
    desk = make_desk()

    async def scenario():
        await open_visit(desk)
        desk.cuff.script = [bp(122.0, 78.0)]
        (reading,) = await desk.station.measure(DeviceRole.BLOOD_PRESSURE)
        error = await refused(desk, desk.station.discard, reading.id, reason)
        assert (error.code, error.field) == (ErrorCode.NEEDS_REASON, "reason")
        return reading

    reading = run(scenario())
    assert reading_row(desk.database, reading.id)["discarded_reason"] is None
    assert outbox_readings(desk.database) == {reading.id}


def test_only_a_reading_of_the_visit_in_progress_can_be_discarded(make_desk):
    desk = make_desk()
    other_desk = make_desk(station_id="desk-2", clock=desk.clock)
    station = desk.station

    async def scenario():
        await open_visit(desk)
        earlier, _ = await two_close_readings(desk)
        await station.confirm()
        await open_visit(other_desk, nik=OTHER_NIK, name="Budi Santoso")
        other_desk.oximeter.script = [spo2()]
        (elsewhere,) = await other_desk.station.measure(DeviceRole.OXIMETER)
        await open_visit(desk, nik=OTHER_NIK, name="Budi Santoso")
        desk.oximeter.script = [spo2()]
        (mine,) = await station.measure(DeviceRole.OXIMETER)
        for foreign in (earlier.id, elsewhere.id, "no-such-reading"):
            error = await refused(desk, station.discard, foreign, "wrong person")
            assert error.code is ErrorCode.NOT_NOW
        await station.discard(mine.id, "probe fell off")
        again = await refused(desk, station.discard, mine.id, "twice")
        assert again.code is ErrorCode.NOT_NOW
        return earlier, elsewhere

    earlier, elsewhere = run(scenario())
    for reading in (earlier, elsewhere):
        assert reading_row(desk.database, reading.id)["discarded_reason"] is None
        assert reading.id in outbox_readings(desk.database)


def test_discarding_the_only_valid_reading_makes_confirm_impossible(make_desk):
    desk = make_desk()
    station = desk.station

    async def scenario():
        await open_visit(desk)
        desk.cuff.script = [bp(None, None), bp(122.0, 78.0)]
        (blocked,) = await station.measure(DeviceRole.BLOOD_PRESSURE)
        assert not blocked.valid
        desk.clock.advance(60)
        (valid,) = await station.measure(DeviceRole.BLOOD_PRESSURE)
        assert Action.CONFIRM_EARLY in desk.last_change().allowed
        await station.discard(valid.id, "cuff over clothing")
        assert desk.last_change().allowed == VISIT_ACTIONS
        assert not station.state.has_result
        for reason in (None, "the person had to leave"):
            error = await refused(desk, station.confirm, early_reason=reason)
            assert error.code is ErrorCode.NO_VALID_RESULT
        (event,) = desk.of_type(ReadingDiscarded)
        assert event.results.blood_pressure is None

    run(scenario())
    assert outbox_readings(desk.database) == set()


# -- manual entry ----------------------------------------------------------------------------


def test_a_typed_measurement_is_stored_as_manual_and_counted(make_desk):
    desk = make_desk()

    async def scenario():
        visit = await open_visit(desk)
        typed = parse_manual(MeasurementKind.BLOOD_PRESSURE, TYPED_BP)
        return visit, await desk.station.enter_manually(typed)

    visit, reading = run(scenario())
    assert reading.manual
    assert reading.counts
    row = reading_row(desk.database, reading.id)
    assert (row["source"], row["device_id"], row["simulated"]) == ("manual", "manual", False)
    assert row["raw"] == b"manual:bp:128/84/66"
    assert outbox_readings(desk.database) == {reading.id}
    (stored,) = desk.of_type(ReadingStored)
    assert (stored.role, stored.reading.id) == (DeviceRole.BLOOD_PRESSURE, reading.id)
    assert (stored.results.blood_pressure.systolic, stored.results.blood_pressure.manual) == (
        128.0,
        True,
    )
    assert desk.store.visit(visit.id).readings[0].manual
    assert Action.CONFIRM_EARLY in desk.last_change().allowed


@pytest.mark.parametrize(
    ("kind", "typed", "role"),
    [
        (MeasurementKind.BLOOD_PRESSURE, {"systolic": "350", "diastolic": "80"}, "cuff"),
        (MeasurementKind.SPO2, {"spo2": "101", "pulse_rate": "72"}, "oximeter"),
    ],
)
def test_an_impossible_typed_value_is_refused_with_the_device_check_message(
    make_desk, kind, typed, role
):
    desk = make_desk()
    measurement = parse_manual(kind, typed)
    blocking = [
        f for f in check_reading(CheckReading(measurement)) if f.severity is Severity.INVALID
    ]
    assert blocking

    async def scenario():
        await open_visit(desk)
        error = await refused(desk, desk.station.enter_manually, measurement)
        # The same value from a device is stored, blocked, with the same finding.
        device = getattr(desk, role)
        device.script = [measurement]
        (from_device,) = await desk.station.measure(
            DeviceRole.BLOOD_PRESSURE if role == "cuff" else DeviceRole.OXIMETER
        )
        return error, from_device

    error, from_device = run(scenario())
    assert error.code is ErrorCode.BLOCKED_VALUE
    assert error.message_en == " ".join(f.message_en for f in blocking)
    assert error.message_id == " ".join(f.message_id for f in blocking)
    assert error.field == blocking[0].parameter
    device_invalid = [f for f in from_device.findings if f.severity is Severity.INVALID]
    assert [f.message_en for f in device_invalid] == [f.message_en for f in blocking]
    assert not from_device.valid
    assert outbox_readings(desk.database) == set()


def test_manual_entry_needs_an_open_visit(make_desk):
    desk = make_desk()
    typed = parse_manual(MeasurementKind.SPO2, {"spo2": "97", "pulse_rate": "72"})

    async def scenario():
        assert (await refused(desk, desk.station.enter_manually, typed)).code is ErrorCode.NOT_NOW
        await desk.station.call_next()
        assert (await refused(desk, desk.station.enter_manually, typed)).code is ErrorCode.NOT_NOW
        await desk.station.start_visit(NIK, NAME, None)
        await desk.station.enter_manually(typed)
        await desk.station.confirm(early_reason="no cuff today")
        assert (await refused(desk, desk.station.enter_manually, typed)).code is ErrorCode.NOT_NOW

    run(scenario())


# -- the person ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "name", "birth_date", "field"),
    [
        ("317401550785000", NAME, None, "nik"),
        ("3174015507850O02", NAME, None, "nik"),
        (NIK, "   ", None, "name"),
        (NIK, NAME, date(2027, 1, 1), "birth_date"),  # after the clock's day
        (NIK, NAME, date(1985, 7, 16), "birth_date"),  # the NIK says the 15th
    ],
)
def test_person_errors_name_their_field_and_change_nothing(make_desk, nik, name, birth_date, field):
    desk = make_desk()

    async def scenario():
        await desk.station.call_next()
        return await refused(desk, desk.station.start_visit, nik, name, birth_date)

    error = run(scenario())
    assert (error.code, error.field) == (ErrorCode.INVALID_PERSON, field)
    assert desk.store.visits() == []
    assert queue_rows(desk.database)[0]["outcome"] == "called"
    assert desk.station.state.phase is Phase.CALLED


# -- the background person look-up -----------------------------------------------------------


def served_elsewhere(make_desk):
    """A confirmed visit of NIK at desk-2, with a typed birth date."""
    other = make_desk(station_id="desk-2")

    async def visit():
        opened = await open_visit(other, birth_date=date(1985, 7, 15))
        typed = parse_manual(MeasurementKind.SPO2, {"spo2": "97", "pulse_rate": "72"})
        await other.station.enter_manually(typed)
        await other.station.confirm(early_reason="oximeter only")
        return opened

    return run(visit())


def test_look_up_offers_the_previous_visit_from_another_desk(make_desk):
    earlier = served_elsewhere(make_desk)
    desk = make_desk()
    run(desk.station.look_up_person(NIK))
    run(desk.station.look_up_person(OTHER_NIK))
    assert desk.of_type(PersonLookedUp) == [
        PersonLookedUp(
            NIK,
            previous=PreviousVisit(
                NIK, NAME, date(1985, 7, 15), earlier.started_at, "desk-2", VisitStatus.CONFIRMED
            ),
        ),
        PersonLookedUp(OTHER_NIK, previous=None),
    ]
    assert desk.of_type(DeskChanged) == []  # a look-up is no desk action


def test_the_registry_answer_comes_as_a_second_event(make_desk):
    served_elsewhere(make_desk)
    asked = []

    async def registry(nik):
        asked.append(nik)
        return RegistryAnswer(nik, RegistryStatus.REGISTERED, from_cache=True)

    desk = make_desk(registry=registry)
    run(desk.station.look_up_person(NIK))
    first, second = desk.of_type(PersonLookedUp)
    assert asked == [NIK]
    assert (first.previous.name, first.registry) == (NAME, None)
    assert second.previous == first.previous
    assert second.registry == RegistryAnswer(NIK, RegistryStatus.REGISTERED, from_cache=True)


def test_a_failing_registry_never_breaks_the_desk(make_desk, caplog):
    async def registry(nik):
        raise RuntimeError(f"connection reset while asking for {nik}")

    desk = make_desk(registry=registry)

    async def scenario():
        await desk.station.call_next()
        with caplog.at_level(logging.WARNING, logger="station.service"):
            await desk.station.look_up_person(NIK)  # while the number is called
        await desk.station.start_visit(NIK, NAME, None)

    run(scenario())
    first, second = desk.of_type(PersonLookedUp)
    assert first.registry is None
    assert second.registry == RegistryAnswer(
        NIK, RegistryStatus.UNAVAILABLE, "error", detail="RuntimeError"
    )
    assert desk.station.state.phase is Phase.OPEN
    assert NIK not in caplog.text
    assert mask_nik(NIK) in caplog.text


# -- a desk resumes or cancels only the visit it offered ---------------------------------------


def test_a_desk_resumes_only_the_visit_it_offered(make_desk):
    crashed = make_desk()
    run(open_visit(crashed))
    crashed.close()
    other = make_desk(station_id="desk-2", clock=crashed.clock)
    theirs = run(open_visit(other, nik=OTHER_NIK, name="Budi Santoso"))
    desk = make_desk(clock=crashed.clock)

    async def scenario():
        await desk.station.find_interrupted()
        error = await refused(desk, desk.station.resume, theirs.id)
        assert error.code is ErrorCode.NOT_NOW

    run(scenario())


def test_a_desk_cancels_only_the_visit_it_offered(make_desk):
    crashed = make_desk()
    run(open_visit(crashed))
    crashed.close()
    other = make_desk(station_id="desk-2", clock=crashed.clock)
    theirs = run(open_visit(other, nik=OTHER_NIK, name="Budi Santoso"))
    desk = make_desk(clock=crashed.clock)

    async def scenario():
        await desk.station.find_interrupted()
        await refused(desk, desk.station.cancel_interrupted, theirs.id)

    run(scenario())
    assert desk.store.visit(theirs.id).status is VisitStatus.OPEN
