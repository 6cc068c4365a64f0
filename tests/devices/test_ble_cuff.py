"""Bluetooth cuff session logic against in-process fakes of bleak's client."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from devices.ble import uuids
from devices.ble.cuff import BleBloodPressureCuff, BleCuffConfig
from devices.codecs.blood_pressure import encode_blood_pressure, encode_cuff_pressure
from devices.codecs.current_time import decode_current_time
from devices.device import DeviceError, DeviceFault, DeviceState
from tests.devices.fake_ble import FakeFactory

NOW = datetime(2026, 11, 22, 9, 30, 0)
BPM, ICP, CTS = (
    uuids.BLOOD_PRESSURE_MEASUREMENT,
    uuids.INTERMEDIATE_CUFF_PRESSURE,
    uuids.CURRENT_TIME,
)


def cuff(factory, **config):
    options = {"backoff_s": (0.0,), "settle_s": 0.05, "measurement_timeout_s": 2.0, **config}
    return BleBloodPressureCuff(
        BleCuffConfig(address="AA:BB:CC:DD:EE:FF", **options), factory, lambda: NOW
    )


def run(device):
    events = []
    result = asyncio.run(device.measure(events.append))
    return result, events


def reading(systolic, diastolic, when=None):
    return encode_blood_pressure(systolic, diastolic, None, pulse_rate=70, timestamp=when)


def test_live_pressure_then_the_reading_and_the_clock_is_set():
    script = [("notify", ICP, encode_cuff_pressure(p)) for p in (40, 90, 150)]
    script += [("sleep", 0.01), ("notify", BPM, reading(128, 84, NOW + timedelta(seconds=40)))]
    factory = FakeFactory(script=script, characteristics={ICP, BPM, CTS})
    (result,), events = run(cuff(factory))
    assert (result.systolic, result.diastolic) == (128.0, 84.0)
    assert [e.cuff_pressure for e in events if e.cuff_pressure is not None] == [40, 90, 150]
    assert events[-1].state is DeviceState.READING_RECEIVED
    (write,) = factory.clients[0].writes
    assert write[0] == CTS
    assert decode_current_time(write[1]) == NOW
    assert not factory.clients[0].is_connected  # disconnected when done


def test_connect_failures_are_retried_then_succeed():
    factory = FakeFactory(fail_connects=2, script=[("notify", BPM, reading(120, 80))])
    (result,), events = run(cuff(factory))
    assert result.systolic == 120.0
    assert len(factory.clients) == 3
    assert [e.state for e in events].count(DeviceState.CONNECTING) == 3


def test_connect_failure_gives_a_reason():
    factory = FakeFactory(fail_connects=5)
    with pytest.raises(DeviceError, match="could not connect to the cuff after 3 attempts") as e:
        run(cuff(factory))
    assert e.value.cause is DeviceFault.CONNECT_FAILED


def test_disconnect_during_measurement():
    script = [("notify", ICP, encode_cuff_pressure(90)), ("drop",)]
    with pytest.raises(DeviceError, match="disconnected during measurement") as caught:
        run(cuff(FakeFactory(script=script, characteristics={ICP})))
    assert caught.value.cause is DeviceFault.LINK_LOST


def test_cuff_that_disconnects_right_after_sending_still_counts():
    # A&D UA-651BLE style: measure, connect, send, hang up.
    script = [("notify", BPM, reading(131, 86)), ("drop",)]
    (result,), _ = run(cuff(FakeFactory(script=script)))
    assert result.systolic == 131.0


def test_stored_record_from_before_the_visit_is_ignored_and_shown():
    yesterday = NOW - timedelta(days=1)
    script = [
        ("notify", BPM, reading(150, 95, yesterday)),
        ("notify", BPM, reading(125, 82, NOW + timedelta(seconds=35))),
    ]
    (result,), events = run(cuff(FakeFactory(script=script)))
    assert result.systolic == 125.0
    ignored = [e.ignored for e in events if e.ignored]
    assert ignored == ["stored reading from 2026-11-21 09:30, before this measurement"]


def test_only_stored_records_is_not_a_reading():
    script = [("notify", BPM, reading(150, 95, NOW - timedelta(hours=3)))]
    with pytest.raises(DeviceError, match="no usable reading") as caught:
        run(cuff(FakeFactory(script=script)))
    assert caught.value.cause is DeviceFault.NO_READING


def test_clock_stuck_in_2017_uses_the_newest_of_the_burst():
    stuck = datetime(2017, 1, 1, 0, 0)
    script = [
        ("notify", BPM, reading(150, 95, stuck)),
        ("notify", BPM, reading(122, 81, stuck + timedelta(minutes=1))),
    ]
    (result,), events = run(cuff(FakeFactory(script=script)))
    assert result.systolic == 122.0
    assert "clock is wrong" in events[-1].detail
    assert any("replayed" in e.ignored for e in events)


def test_damaged_packet_is_reported_not_returned():
    script = [("notify", BPM, b"\x1e\x78\x00")]
    with pytest.raises(DeviceError, match="damaged packet") as caught:
        run(cuff(FakeFactory(script=script), measurement_timeout_s=0.3))
    assert caught.value.cause is DeviceFault.DAMAGED_PACKET


def test_nothing_arrives():
    with pytest.raises(DeviceError, match=r"no reading from the cuff within 0\.2 s") as caught:
        run(cuff(FakeFactory(script=[]), measurement_timeout_s=0.2))
    assert caught.value.cause is DeviceFault.NO_READING


RACP = uuids.RECORD_ACCESS_CONTROL_POINT
RACP_SUCCESS = bytes((0x06, 0x00, 0x01, 0x01))  # response to "report records": success
RACP_NO_RECORDS = bytes((0x06, 0x00, 0x01, 0x06))


def test_cuff_that_measured_before_the_connection_delivers_through_racp():
    # The person measured, then the station connected: only a RACP request brings it.
    fresh = reading(133, 87, NOW + timedelta(seconds=20))
    factory = FakeFactory(
        script=[],
        characteristics={BPM, RACP},
        on_write={RACP: [("notify", BPM, fresh), ("notify", RACP, RACP_SUCCESS)]},
    )
    (result,), _ = run(cuff(factory))
    assert result.systolic == 133.0
    assert (RACP, bytes((0x01, 0x06))) in factory.clients[0].writes  # report last record


def test_racp_record_of_the_previous_person_is_ignored():
    earlier = reading(160, 100, NOW - timedelta(minutes=10))
    factory = FakeFactory(
        script=[],
        characteristics={BPM, RACP},
        on_write={RACP: [("notify", BPM, earlier), ("notify", RACP, RACP_SUCCESS)]},
    )
    with pytest.raises(DeviceError, match="only stored records arrived") as caught:
        run(cuff(factory))
    assert caught.value.cause is DeviceFault.NO_READING


def test_the_same_record_live_and_through_racp_counts_once():
    fresh = reading(128, 84, NOW + timedelta(seconds=30))
    factory = FakeFactory(
        script=[("sleep", 0.01), ("notify", BPM, fresh)],
        characteristics={BPM, RACP},
        on_write={RACP: [("notify", BPM, fresh), ("notify", RACP, RACP_SUCCESS)]},
    )
    (result,), events = run(cuff(factory))
    assert result.systolic == 128.0
    assert not [e for e in events if e.ignored]


def test_a_cuff_without_stored_records_or_refusing_racp_still_measures():
    fresh = reading(121, 79, NOW + timedelta(seconds=30))
    for settings in (
        {"on_write": {RACP: [("notify", RACP, RACP_NO_RECORDS)]}},
        {"refuse_writes": {RACP}},
    ):
        factory = FakeFactory(
            script=[("notify", BPM, fresh)], characteristics={BPM, RACP}, **settings
        )
        (result,), _ = run(cuff(factory))
        assert result.systolic == 121.0


def test_a_reading_already_delivered_is_never_bound_to_the_next_measurement():
    # The previous person's reading replayed one minute later is inside the clock
    # tolerance, so only the cuff's memory of what it delivered keeps it out.
    first = reading(141, 91, NOW - timedelta(seconds=60))
    device = cuff(FakeFactory(script=[("notify", BPM, first)]))
    (result,), _ = run(device)
    assert result.systolic == 141.0
    device._factory = FakeFactory(script=[("notify", BPM, first)])
    events = []
    with pytest.raises(DeviceError, match="only stored records arrived"):
        asyncio.run(device.measure(events.append))
    assert any("already recorded for an earlier measurement" in e.ignored for e in events)


def test_and_cuff_gets_its_setup_write_then_the_clock_through_date_time():
    from devices.codecs.date_time import read_date_time

    setup = (uuids.AND_CUSTOM_CHARACTERISTIC, bytes((0x02, 0x00, 0xE1)))
    factory = FakeFactory(
        script=[("notify", BPM, reading(126, 83))],
        characteristics={BPM, uuids.DATE_TIME, uuids.AND_CUSTOM_CHARACTERISTIC},
    )
    run(cuff(factory, setup_writes=(setup,)))
    writes = factory.clients[0].writes
    assert writes[0] == setup
    assert writes[1][0] == uuids.DATE_TIME
    assert read_date_time(writes[1][1], 0, "clock") == NOW


def test_refused_setup_and_clock_writes_do_not_stop_the_measurement():
    setup = (uuids.AND_CUSTOM_CHARACTERISTIC, bytes((0x02, 0x00, 0xE1)))
    factory = FakeFactory(
        script=[("notify", BPM, reading(126, 83))],
        characteristics={BPM, CTS, uuids.AND_CUSTOM_CHARACTERISTIC},
        refuse_writes={CTS, uuids.AND_CUSTOM_CHARACTERISTIC},
    )
    (result,), _ = run(cuff(factory, setup_writes=(setup,)))
    assert result.diastolic == 83.0
