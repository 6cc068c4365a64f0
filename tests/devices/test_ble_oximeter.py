"""Bluetooth pulse-oximeter session logic against in-process fakes of bleak's client."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from devices.ble import uuids
from devices.ble.oximeter import BleOximeterConfig, BlePulseOximeter
from devices.codecs.plx import encode_plx_continuous, encode_plx_spot_check
from devices.device import DeviceError, DeviceFault, DeviceState
from devices.measurements import PlxMeasurementStatus
from tests.devices.fake_ble import FakeFactory

NOW = datetime(2026, 11, 22, 9, 30, 0)
CONT, SPOT = uuids.PLX_CONTINUOUS, uuids.PLX_SPOT_CHECK


class ContinuousFirstFactory(FakeFactory):
    """The fake plays its script once 0x2A5F is subscribed (the last subscription here)."""

    def __init__(self, **settings):
        super().__init__(start_on=CONT, **settings)


def oximeter(factory, **config):
    options = {"backoff_s": (0.0,), "measurement_timeout_s": 1.0, "settle_readings": 3, **config}
    return BlePulseOximeter(
        BleOximeterConfig(address="11:22:33:44:55:66", **options), factory, lambda: NOW
    )


def run(device):
    events = []
    result = asyncio.run(device.measure(events.append))
    return result, events


def test_spot_check_is_the_measurement():
    script = [
        ("notify", CONT, encode_plx_continuous(95, 70)),
        ("notify", SPOT, encode_plx_spot_check(97, 72, timestamp=NOW + timedelta(seconds=20))),
    ]
    (reading,), events = run(
        oximeter(ContinuousFirstFactory(script=script, characteristics={SPOT}))
    )
    assert (reading.spo2, reading.pulse_rate) == (97.0, 72.0)
    assert events[-1].state is DeviceState.READING_RECEIVED


def test_stored_spot_check_is_ignored_then_continuous_settles():
    script = [("notify", SPOT, encode_plx_spot_check(91, 88, timestamp=NOW - timedelta(days=2)))]
    script += [("notify", CONT, encode_plx_continuous(98, 66)) for _ in range(3)]
    (reading,), events = run(
        oximeter(ContinuousFirstFactory(script=script, characteristics={SPOT}))
    )
    assert reading.spo2 == 98.0
    assert any("stored reading from 2026-11-20" in e.ignored for e in events)


def test_finger_out_breaks_the_steady_run_and_never_gives_a_number():
    script = [("notify", CONT, encode_plx_continuous(None, None)) for _ in range(10)]
    with pytest.raises(DeviceError, match="check the finger") as caught:
        run(oximeter(ContinuousFirstFactory(script=script), measurement_timeout_s=0.3))
    assert caught.value.cause is DeviceFault.NO_READING


def test_device_flagged_invalid_readings_do_not_count():
    invalid = PlxMeasurementStatus(invalid_measurement_detected=True)
    script = [("notify", CONT, encode_plx_continuous(97, 70, measurement_status=invalid))] * 5
    with pytest.raises(DeviceError) as caught:
        run(oximeter(ContinuousFirstFactory(script=script), measurement_timeout_s=0.3))
    assert caught.value.cause is DeviceFault.NO_READING


def test_disconnect_during_measurement():
    script = [("notify", CONT, encode_plx_continuous(97, 70)), ("drop",)]
    with pytest.raises(DeviceError, match="disconnected during measurement") as caught:
        run(oximeter(ContinuousFirstFactory(script=script)))
    assert caught.value.cause is DeviceFault.LINK_LOST


def test_connect_failure():
    with pytest.raises(
        DeviceError, match="could not connect to the oximeter after 3 attempts"
    ) as caught:
        run(oximeter(ContinuousFirstFactory(fail_connects=9)))
    assert caught.value.cause is DeviceFault.CONNECT_FAILED
