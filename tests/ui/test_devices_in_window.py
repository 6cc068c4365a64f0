"""Device trouble is shown plainly and never freezes the window."""

from __future__ import annotations

import itertools
import time

from PySide6.QtCore import Qt, QTimer

from devices.simulators import CuffFault
from station.service import DeviceRole
from tests.ui.conftest import click, desk_app, identify_person, sign_in


def open_visit(qtbot, window):
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() != "—")
    identify_person(qtbot, window.identify_panel, "3174015507850002", "Siti")
    qtbot.waitUntil(window.bp_panel.button.isEnabled, timeout=15000)


def test_cuff_dropping_mid_measurement_shows_the_reason_and_the_app_goes_on(qtbot, desk):
    window = desk.operator
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    open_visit(qtbot, window)
    cuff.fault = CuffFault.DROP_MID_MEASUREMENT
    qtbot.mouseClick(window.bp_panel.button, Qt.MouseButton.LeftButton)
    # Plain words with what to do next; the technical reason only behind "Rincian".
    qtbot.waitUntil(lambda: "Sambungan manset terputus" in window.bp_panel.state_label.text())
    assert "isi manual" in window.bp_panel.state_label.text()
    assert "c62828" in window.bp_panel.state_label.styleSheet()  # shown as an error
    status = window.bp_panel.status
    assert not status.detail_label.isVisible()
    qtbot.mouseClick(status.details_button, Qt.MouseButton.LeftButton)
    assert status.detail_label.isVisible()
    assert "cuff disconnected" in status.detail_label.toolTip()
    assert window.readings_table.rowCount() == 0
    cuff.fault = None
    qtbot.waitUntil(window.bp_panel.button.isEnabled)
    qtbot.mouseClick(window.bp_panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == 1)


def test_error_values_are_blocked_not_shown_as_a_measurement(qtbot, desk):
    window = desk.operator
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    open_visit(qtbot, window)
    cuff.fault = CuffFault.ERROR_VALUES
    qtbot.mouseClick(window.bp_panel.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == 1)
    assert window.readings_table.item(0, 2).text().startswith("DITOLAK: --/--")
    assert window.findings_list.count() >= 1
    assert "[DITOLAK]" in window.findings_list.item(0).text()
    assert not window.confirm_button.isEnabled()


def test_a_slow_device_never_blocks_the_ui_thread(qtbot, settings):
    slow = desk_app(settings, seed=1, pace_s=0.05)
    qtbot.addWidget(slow.operator)
    qtbot.addWidget(slow.patient)
    slow.show()
    sign_in(qtbot, slow.operator)
    try:
        window = slow.operator
        open_visit(qtbot, window)
        ticks = []
        pressures = []
        slow.bridge.deviceUpdated.connect(
            lambda update: pressures.append(update.event.cuff_pressure)
        )
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        qtbot.mouseClick(window.bp_panel.button, Qt.MouseButton.LeftButton)
        # While the cuff inflates (about 0.6 s of packets), the GUI thread keeps ticking.
        qtbot.waitUntil(lambda: window.readings_table.rowCount() == 1, timeout=10_000)
        timer.stop()
        assert len(ticks) > 20
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert max(gaps) < 0.25
        # live cuff pressure reached the GUI thread while inflating
        assert len([p for p in pressures if p is not None]) >= 5
    finally:
        slow.close()


def test_ignored_stored_readings_are_listed_for_the_operator(qtbot, desk):
    from devices.device import DeviceEvent, DeviceState
    from station.service import DeviceUpdate

    reason = "stored reading from 2026-11-21 09:30, before this measurement"
    desk.bridge.deviceUpdated.emit(
        DeviceUpdate(
            DeviceRole.BLOOD_PRESSURE,
            "Omron",
            False,
            DeviceEvent("omron", DeviceState.MEASURING, ignored=reason),
        )
    )
    items = [
        desk.operator.findings_list.item(i).text()
        for i in range(desk.operator.findings_list.count())
    ]
    assert items == ["[diabaikan] stored reading from 2026-11-21 09:30, before this measurement"]
