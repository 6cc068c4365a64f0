"""The simulators speak real bytes, and their faults look like real faults."""

from __future__ import annotations

import asyncio

import pytest

from devices.codecs.blood_pressure import decode_blood_pressure
from devices.codecs.plx import decode_plx_spot_check
from devices.device import DeviceError, DeviceFault, DeviceState
from devices.simulators import (
    CuffFault,
    OximeterFault,
    SimulatedBloodPressureCuff,
    SimulatedPulseOximeter,
)


def run(device):
    events = []
    result = asyncio.run(device.measure(events.append))
    return result, events


def test_cuff_sends_live_pressure_then_the_queued_values():
    cuff = SimulatedBloodPressureCuff(seed=1, pace_s=0)
    cuff.queue_values(143, 91, 77)
    (reading,), events = run(cuff)
    assert (reading.systolic, reading.diastolic, reading.pulse_rate) == (143.0, 91.0, 77.0)
    assert decode_blood_pressure(reading.raw) == reading  # the stored bytes decode again
    states = [e.state for e in events]
    assert states[:2] == [DeviceState.CONNECTING, DeviceState.CONNECTED]
    assert states[-1] is DeviceState.READING_RECEIVED
    pressures = [e.cuff_pressure for e in events if e.state is DeviceState.MEASURING]
    assert pressures == sorted(pressures)
    assert pressures[-1] == 143 + 30


def test_random_values_are_plausible_and_repeatable():
    first = [run(SimulatedBloodPressureCuff(seed=5, pace_s=0))[0][0] for _ in range(2)]
    assert first[0] == first[1]
    for seed in range(30):
        (r,), _ = run(SimulatedBloodPressureCuff(seed=seed, pace_s=0))
        assert 100 <= r.systolic <= 165
        assert r.systolic - r.diastolic >= 25


def test_cuff_faults():
    with pytest.raises(DeviceError, match="disconnected") as dropped:
        run(SimulatedBloodPressureCuff(pace_s=0, fault=CuffFault.DROP_MID_MEASUREMENT))
    assert dropped.value.cause is DeviceFault.LINK_LOST
    with pytest.raises(DeviceError, match="damaged packet") as garbage:
        run(SimulatedBloodPressureCuff(pace_s=0, fault=CuffFault.GARBAGE))
    assert garbage.value.cause is DeviceFault.DAMAGED_PACKET
    (reading,), _ = run(SimulatedBloodPressureCuff(pace_s=0, fault=CuffFault.ERROR_VALUES))
    assert reading.systolic is None
    assert reading.diastolic is None


def test_oximeter_values_and_faults():
    oximeter = SimulatedPulseOximeter(pace_s=0)
    oximeter.queue_values(96, 64)
    (reading,), events = run(oximeter)
    assert (reading.spo2, reading.pulse_rate) == (96.0, 64.0)
    assert decode_plx_spot_check(reading.raw) == reading
    assert events[-1].state is DeviceState.READING_RECEIVED
    (finger_out,), _ = run(SimulatedPulseOximeter(pace_s=0, fault=OximeterFault.FINGER_OUT))
    assert finger_out.spo2 is None
    with pytest.raises(DeviceError, match="disconnected") as dropped:
        run(SimulatedPulseOximeter(pace_s=0, fault=OximeterFault.DROP))
    assert dropped.value.cause is DeviceFault.LINK_LOST
