"""The real serial transport against a real pseudo-terminal driven by the Contec simulator."""

from __future__ import annotations

import asyncio
import sys
import threading
import time

import pytest

from devices.codecs.contec import START_REALTIME, ContecGeneration
from devices.contec_oximeter import ContecOximeterConfig, ContecSerialOximeter
from devices.device import DeviceError, DeviceFault, DeviceState

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def simulator(tmp_path, request):
    from devices.simulators.contec_serial import ContecPtySimulator

    generation = getattr(request, "param", ContecGeneration.V7)
    sim = ContecPtySimulator(tmp_path / "ttyCMS50", generation, spo2=96, pulse=74)
    sim.start()
    yield sim
    sim.stop()


def oximeter(sim, **overrides):
    options = {"settle_frames": 30, "measurement_timeout_s": 10, "reconnect_timeout_s": 5}
    config = ContecOximeterConfig(
        port=str(sim.port_path), generation=sim.generation, **{**options, **overrides}
    )
    return ContecSerialOximeter(config)


def measure(device):
    events = []
    result = asyncio.run(asyncio.wait_for(device.measure(events.append), 20))
    return result, events


@pytest.mark.parametrize("simulator", [ContecGeneration.V7, ContecGeneration.LEGACY], indirect=True)
def test_reading_over_a_real_pty(simulator):
    (reading,), events = measure(oximeter(simulator))
    assert (reading.spo2, reading.pulse_rate) == (96.0, 74.0)
    states = [e.state for e in events]
    assert states[0] is DeviceState.CONNECTING
    assert DeviceState.CONNECTED in states
    assert states[-1] is DeviceState.READING_RECEIVED
    if simulator.generation is ContecGeneration.V7:
        assert simulator.commands[0] == START_REALTIME


def test_garbage_on_the_line_is_skipped(simulator):
    simulator.garbage_every = 5
    (reading,), _ = measure(oximeter(simulator))
    assert reading.spo2 == 96.0


def test_finger_out_never_yields_a_number(simulator):
    simulator.finger_out = True
    with pytest.raises(DeviceError, match="check the finger") as caught:
        asyncio.run(oximeter(simulator, measurement_timeout_s=1.0).measure(lambda e: None))
    assert caught.value.cause is DeviceFault.NO_READING


def test_missing_port_is_a_clear_error(tmp_path):
    config = ContecOximeterConfig(port=str(tmp_path / "nothing"), reconnect_timeout_s=0.3)
    with pytest.raises(DeviceError, match="is it plugged in") as caught:
        asyncio.run(ContecSerialOximeter(config).measure(lambda e: None))
    assert caught.value.cause is DeviceFault.NOT_FOUND


def test_unplugged_for_good_mid_measurement_is_a_lost_link(simulator):
    device = oximeter(simulator, settle_frames=10_000, reconnect_timeout_s=0.3)

    def on_event(event):
        if device.frames_seen > 30 and simulator.port_path.exists():
            simulator.unplug()

    with pytest.raises(DeviceError, match="not reachable") as caught:
        asyncio.run(asyncio.wait_for(device.measure(on_event), 20))
    assert caught.value.cause is DeviceFault.LINK_LOST


def test_unplug_and_replug_mid_measurement_recovers(simulator):
    device = oximeter(simulator, settle_frames=240)  # about 4 s of valid frames
    events = []
    replugged = threading.Event()

    def on_event(event):
        events.append(event)
        if device.frames_seen > 60 and not replugged.is_set():
            replugged.set()
            simulator.unplug()
            threading.Timer(0.5, simulator.replug).start()

    (reading,) = asyncio.run(asyncio.wait_for(device.measure(on_event), 30))
    assert reading.spo2 == 96.0
    states = [e.state for e in events]
    assert DeviceState.DISCONNECTED in states
    assert states.count(DeviceState.CONNECTED) == 2
    assert states[-1] is DeviceState.READING_RECEIVED


def test_v7_keep_alive_is_sent_while_measuring(simulator):
    from devices.codecs.contec import KEEP_ALIVE, STOP_REALTIME

    measure(oximeter(simulator, settle_frames=90, keep_alive_interval_s=0.3))
    assert simulator.commands.count(KEEP_ALIVE) >= 2
    # the stream is stopped again when the measurement is done
    deadline = time.monotonic() + 2
    while STOP_REALTIME not in simulator.commands and time.monotonic() < deadline:
        time.sleep(0.05)
    assert STOP_REALTIME in simulator.commands


def test_pleth_waveform_arrives_as_numpy_chunks_at_the_device_rate(simulator):
    import numpy as np

    device = oximeter(simulator, settle_frames=120)
    events = []
    asyncio.run(asyncio.wait_for(device.measure(events.append), 20))
    chunks = [e.waveform for e in events if e.waveform is not None]
    assert chunks
    assert all(isinstance(c, np.ndarray) and c.dtype == np.int16 for c in chunks)
    samples = np.concatenate(chunks)
    assert len(samples) >= 0.9 * device.frames_seen - 6  # every frame's sample, in order
    assert samples.min() >= 0
    assert samples.max() <= 127
    assert samples.max() - samples.min() > 50  # a real pulse shape, not a flat line
