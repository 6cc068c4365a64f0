"""The desk workflow on a real SQLite file, with scripted devices."""

from __future__ import annotations

import asyncio

import pytest

from devices.device import DeviceError, DeviceFault, DeviceState
from devices.measurements import SpO2
from station.service import (
    DeskChanged,
    DeviceRole,
    DeviceUpdate,
    ErrorCode,
    QueueCalled,
    ReadingStored,
    StationConfig,
    StationError,
    VisitClosed,
    VisitConfirmed,
    VisitOpened,
)
from station.store.models import VisitStatus
from tests.station.desk_harness import bp

NIK = "3174015507850002"


def test_whole_visit(harness):
    station, cuff, oximeter, events, store = harness
    cuff.script = [bp(132.0, 86.0), bp(127.0, 83.0)]
    oximeter.script = [SpO2(97.0, 71.0, b"\x01")]

    async def visit():
        assert await station.call_next() == 1
        opened = await station.start_visit(NIK, "Siti Rahayu", None)
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        with pytest.raises(StationError, match="Wait 30 more seconds") as info:
            await station.measure(DeviceRole.BLOOD_PRESSURE)  # the protocol's minute
        assert info.value.code is ErrorCode.PROTOCOL_WAIT
        station._clock.advance(station.protocol_wait_seconds())
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        await station.measure(DeviceRole.OXIMETER)
        results = await station.confirm()
        return opened, results

    opened, results = asyncio.run(visit())
    # mean of the two cuff readings, halves rounded up: (132+127)/2 = 129.5 -> 130
    assert (results.blood_pressure.systolic, results.blood_pressure.diastolic) == (130.0, 85.0)
    assert results.spo2.value == 97.0
    assert results.spo2.simulated
    assert results.heart_rate.value == 71.0  # the oximeter's pulse is the heart rate of record
    assert [type(e) for e in events if not isinstance(e, DeviceUpdate | DeskChanged)] == [
        QueueCalled,
        VisitOpened,
        ReadingStored,
        ReadingStored,
        ReadingStored,
        VisitConfirmed,
    ]
    saved = store.visit(opened.id)
    assert saved.status is VisitStatus.CONFIRMED
    assert [r.sequence for r in saved.readings] == [1, 2, 3]
    assert store.counts()["outbox"]["pending"] == 3
    assert station.current_visit is None


def test_person_errors_are_reported_and_nothing_is_stored(harness):
    station, *_, store = harness

    async def attempt():
        await station.call_next()
        with pytest.raises(StationError) as info:
            await station.start_visit("317401550785000", "Siti", None)
        return info.value

    error = asyncio.run(attempt())
    assert error.message_en == "NIK must have 16 digits; 15 were entered."
    assert error.message_id == "NIK harus 16 digit; yang diketik 15 digit."
    assert store.visits() == []


def test_order_of_actions_is_enforced(harness):
    station, *_ = harness

    async def attempt():
        with pytest.raises(StationError, match="Call the next queue number first"):
            await station.start_visit(NIK, "Siti", None)
        with pytest.raises(StationError, match="Enter the person's details first"):
            await station.measure(DeviceRole.BLOOD_PRESSURE)
        with pytest.raises(StationError, match="No visit is in progress"):
            await station.confirm()

    asyncio.run(attempt())


def test_device_error_becomes_an_error_state_and_the_visit_goes_on(harness):
    station, cuff, _ox, events, _store = harness
    cuff.script = [
        DeviceError("cuff disconnected during measurement", DeviceFault.LINK_LOST),
        bp(120.0, 80.0),
    ]

    async def visit():
        await station.call_next()
        await station.start_visit(NIK, "Siti", None)
        first = await station.measure(DeviceRole.BLOOD_PRESSURE)
        second = await station.measure(DeviceRole.BLOOD_PRESSURE)
        return first, second

    first, second = asyncio.run(visit())
    assert first == []
    assert len(second) == 1
    errors = [
        e.event
        for e in events
        if isinstance(e, DeviceUpdate) and e.event.state is DeviceState.ERROR
    ]
    assert errors[0].detail == "cuff disconnected during measurement"


def test_confirm_refuses_a_visit_with_only_blocked_readings(harness):
    station, cuff, *_ = harness
    cuff.script = [bp(None, None)]

    async def visit():
        await station.call_next()
        await station.start_visit(NIK, "Siti", None)
        (reading,) = await station.measure(DeviceRole.BLOOD_PRESSURE)
        assert not reading.valid
        with pytest.raises(StationError, match="no valid result"):
            await station.confirm()

    asyncio.run(visit())


def test_a_reading_that_arrives_after_its_visit_was_cancelled_is_not_filed(harness):
    """Never file a reading under the wrong person: the cuff finishes after the operator
    cancelled and started the next person's visit."""
    station, cuff, _ox, events, store = harness
    cuff.script = [bp(150.0, 95.0)]
    cuff.release = asyncio.Event()

    async def scenario():
        await station.call_next()
        first = await station.start_visit(NIK, "Siti", None)
        task = asyncio.create_task(station.measure(DeviceRole.BLOOD_PRESSURE))
        await cuff.started.wait()
        await station.cancel()
        await station.call_next()
        second = await station.start_visit("3174010101900003", "Budi", None)
        cuff.release.set()
        stored = await task
        return first, second, stored

    first, second, stored = asyncio.run(scenario())
    assert stored == []
    assert store.visit(first.id).readings == ()
    assert store.visit(second.id).readings == ()
    assert any(isinstance(e, VisitClosed) for e in events)
    assert any(
        isinstance(e, DeviceUpdate) and "after the visit ended" in e.event.detail for e in events
    )


def test_one_measurement_per_device_at_a_time(harness):
    station, cuff, *_ = harness
    cuff.script = [bp(120.0, 80.0)]
    cuff.release = asyncio.Event()

    async def scenario():
        await station.call_next()
        await station.start_visit(NIK, "Siti", None)
        task = asyncio.create_task(station.measure(DeviceRole.BLOOD_PRESSURE))
        await cuff.started.wait()
        with pytest.raises(StationError, match="already measuring"):
            await station.measure(DeviceRole.BLOOD_PRESSURE)
        with pytest.raises(StationError, match="Wait until the measurement has finished"):
            await station.confirm()
        cuff.release.set()
        await task

    asyncio.run(scenario())


def _opened_events(events):
    return [e for e in events if isinstance(e, VisitOpened)]


def test_ckg_eligibility_comes_with_the_opened_visit(harness):
    """First visit: eligible (adult stream). A second visit of the same person later the same
    day: already checked this year, with the date it is possible again. A cancelled visit does
    not count; another person is not affected. A school-age child is sent to CKG Sekolah."""
    station, cuff, _oximeter, events, _store = harness
    cuff.script = [bp(120.0, 80.0), bp(121.0, 79.0)]

    async def visits():
        await station.call_next()
        await station.start_visit("3174015507850002", "Siti Rahayu", None)  # born 15-07-1985
        await station.cancel()
        await station.call_next()
        await station.start_visit("3174015507850002", "Siti Rahayu", None)
        await station.measure(DeviceRole.BLOOD_PRESSURE)
        await station.confirm(early_reason="one reading is enough for this test")
        await station.call_next()
        await station.start_visit("3174015507850002", "Siti Rahayu", None)
        await station.cancel()
        await station.call_next()
        await station.start_visit("3174010101850003", "Budi Santoso", None)
        await station.cancel()
        await station.call_next()
        await station.start_visit("3174015003150004", "Ayu", None)  # born 10-03-2015: age 11
        await station.cancel()

    asyncio.run(visits())
    codes = [e.ckg.code for e in _opened_events(events)]
    assert codes == ["eligible", "eligible", "checked_this_year", "eligible", "school_age"]
    again = _opened_events(events)[2].ckg
    assert again.reason_en == (
        "Already had a CKG check on 22-11-2026; it is once a year. Next possible from 22-11-2027."
    )
    assert _opened_events(events)[0].ckg.stream == "18-59"


def test_ckg_birthday_window_setting_is_used(make_desk):
    from station.ckg import ORIGINAL_WINDOW

    desk = make_desk(config=StationConfig(station_id="desk-1", ckg_window=ORIGINAL_WINDOW))

    async def visit():
        await desk.station.call_next()  # the clock says 22 Nov 2026
        await desk.station.start_visit("3174015507850002", "Siti Rahayu", None)  # born 15 July

    asyncio.run(visit())
    (opened,) = _opened_events(desk.events)
    assert opened.ckg.code == "outside_window"
    assert "next one opens on 15-07-2027" in opened.ckg.reason_en
