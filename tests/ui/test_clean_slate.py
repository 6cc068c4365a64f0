"""A clean slate (issue 11): after Confirm or Cancel nothing of the person stays on the
operator window while the next person is identified. Typed and clicked as at the desk."""

from __future__ import annotations

import numpy as np

from devices.device import DeviceEvent, DeviceState
from devices.simulators import SimulatedBloodPressureCuff
from station.service import DeviceRole, DeviceUpdate
from tests.ui.conftest import click, follow_bp_protocol, identify_person, measure
from ui.texts import tr


def traces_of_a_person(window):
    """What of a person the window still shows; empty when the slate is clean."""
    shown = {
        "nik": window.nik_edit.text(),
        "name": window.name_edit.text(),
        "nik error": window.nik_error.text(),
        "readings": window.readings_table.rowCount(),
        "findings": window.findings_list.count(),
        "referral": window.referral_label.text(),
        "next step": window.next_step_label.text(),
        "ckg": window.ckg_label.text(),
        "waveform": len(window.waveform.samples) or window.waveform.isVisible(),
        "critical box": window.critical_box.isVisible(),
        "critical note": window.critical_note.text(),
    }
    traces = {key: value for key, value in shown.items() if value}
    traces.update({f"identify {k}": v for k, v in window.identify_panel.traces().items()})
    if window.result_label.text() != tr("no_result", "id"):
        traces["result"] = window.result_label.text()
    return traces


def identify(qtbot, window, queue_number, nik, name):
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == str(queue_number))
    identify_person(qtbot, window.identify_panel, nik, name)
    qtbot.waitUntil(window.bp_panel.button.isEnabled)


def test_confirm_and_cancel_leave_nothing_of_the_person_on_screen(qtbot, desk):
    window = desk.operator
    assert traces_of_a_person(window) == {}

    identify(qtbot, window, 1, "3174015507850002", "Siti Rahayu")
    rows = follow_bp_protocol(qtbot, window, 0)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    # A plethysmogram as a streaming oximeter keeps sending it after its reading (the
    # simulator at full speed sends none).
    pleth = DeviceEvent(
        "contec", DeviceState.READING_RECEIVED, waveform=np.arange(6, dtype=np.int16)
    )
    desk.bridge.deviceUpdated.emit(DeviceUpdate(DeviceRole.OXIMETER, "Contec", False, pleth))
    qtbot.waitUntil(lambda: len(window.waveform.samples) == 6)
    assert {"nik", "name", "readings", "referral", "result", "ckg", "waveform"} <= set(
        traces_of_a_person(window)
    )
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "—")
    assert traces_of_a_person(window) == {}
    assert window.call_next_button.isEnabled()

    # The next person has a critical result and is cancelled before confirming.
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    assert isinstance(cuff, SimulatedBloodPressureCuff)
    for values in ((194.0, 118.0, 92.0), (188.0, 114.0, 90.0), (186.0, 112.0, 90.0)):
        cuff.queue_values(*values)
    identify(qtbot, window, 2, "3201020304550003", "Budi Santoso")
    for rows in (1, 2, 3):
        measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, rows)
    qtbot.waitUntil(window.critical_box.isVisible)
    qtbot.keyClicks(window.critical_note, "dokter dipanggil")
    assert {"findings", "critical box", "critical note"} <= set(traces_of_a_person(window))
    click(qtbot, window.cancel_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "—")
    assert traces_of_a_person(window) == {}
