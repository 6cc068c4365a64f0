"""Masimo Rad-8 over a real pseudo-terminal."""

from __future__ import annotations

import asyncio
import sys

import pytest

from devices.device import DeviceError, DeviceFault, DeviceState
from devices.masimo_oximeter import MasimoOximeterConfig, MasimoSerialOximeter

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def simulator(tmp_path):
    from devices.simulators.masimo_serial import MasimoPtySimulator

    sim = MasimoPtySimulator(tmp_path / "ttyRad8", spo2=96, pulse=77)
    sim.start()
    yield sim
    sim.stop()


def test_steady_lines_give_the_reading(simulator):
    device = MasimoSerialOximeter(MasimoOximeterConfig(port=str(simulator.port_path)))
    events = []
    (reading,) = asyncio.run(asyncio.wait_for(device.measure(events.append), 20))
    assert (reading.spo2, reading.pulse_rate) == (96.0, 77.0)
    assert events[-1].state is DeviceState.READING_RECEIVED


def test_sensor_off_never_yields_a_number(simulator):
    simulator.sensor_off = True
    config = MasimoOximeterConfig(port=str(simulator.port_path), measurement_timeout_s=0.8)
    with pytest.raises(DeviceError, match="check the sensor") as caught:
        asyncio.run(MasimoSerialOximeter(config).measure(lambda event: None))
    assert caught.value.cause is DeviceFault.NO_READING


def test_missing_port_is_not_found(tmp_path):
    config = MasimoOximeterConfig(port=str(tmp_path / "nothing"), reconnect_timeout_s=0.3)
    with pytest.raises(DeviceError, match="is the cable plugged in") as caught:
        asyncio.run(MasimoSerialOximeter(config).measure(lambda event: None))
    assert caught.value.cause is DeviceFault.NOT_FOUND
