"""The live SpO2 waveform reaches the window and is drawn without blocking."""

from __future__ import annotations

import numpy as np

from devices.device import DeviceEvent, DeviceState
from station.service import DeviceRole, DeviceUpdate
from ui.waveform import HISTORY_SAMPLES, WaveformView


def test_ring_buffer_keeps_the_newest_samples(qtbot):
    view = WaveformView()
    qtbot.addWidget(view)
    view.resize(300, 60)
    for start in range(0, 600, 6):
        view.append(np.arange(start, start + 6, dtype=np.int16))
    assert len(view.samples) == HISTORY_SAMPLES
    assert view.samples[-1] == 599
    assert not view.grab().isNull()  # paints with a full buffer


def test_waveform_events_from_the_station_reach_the_operator_window(qtbot, desk):
    chunk = np.array([10, 60, 110, 60, 10, 5], dtype=np.int16)
    update = DeviceUpdate(
        DeviceRole.OXIMETER,
        "Contec",
        False,
        DeviceEvent("contec", DeviceState.MEASURING, waveform=chunk),
    )
    assert not desk.operator.waveform.isVisible()  # nothing to show before a waveform arrives
    desk.bridge.deviceUpdated.emit(update)
    qtbot.waitUntil(lambda: len(desk.operator.waveform.samples) == 6)
    assert desk.operator.waveform.isVisible()
    assert list(desk.operator.waveform.samples) == list(chunk)
