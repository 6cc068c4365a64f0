"""The desk as a person at a 1366x768 screen with a keyboard uses it: everything fits, nothing
moves when messages appear, every action has its key, and a normal visit takes few actions."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from devices.device import DeviceEvent, DeviceFault, DeviceState
from station.desk_state import Action
from station.service import DeviceRole, DeviceUpdate
from tests.ui.conftest import identify_person, skip_protocol_wait

USABLE = QRect(0, 0, 1366, 728)  # a 1366x768 screen less a taskbar
AT_150_PERCENT = (1280, 693)  # 1920x1080 at 150 %, less a taskbar, in Qt's logical pixels
NIK = "3174015507850002"


class Operator:
    """Presses keys on the operator window and counts them: each press is one action."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window
        self.actions = 0

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.actions += 1
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifier)


def _key_of(button: QAbstractButton) -> str:
    return button.shortcut().toString()


def test_the_window_fits_a_1366x768_screen_and_150_percent_scaling(desk):
    window = desk.operator
    hint = window.minimumSizeHint()
    assert hint.width() <= AT_150_PERCENT[0]
    assert hint.height() <= AT_150_PERCENT[1]
    assert window.width() <= USABLE.width()
    assert window.height() <= USABLE.height()
    # Every visible widget of the desk tab lies inside the window: nothing is cut off.
    inside = window.rect()
    for widget in window.tabs.currentWidget().findChildren(QWidget):
        if widget.isVisible() and widget.width() > 0:
            top_left = widget.mapTo(window, QPoint(0, 0))
            box = QRect(top_left, widget.size())
            assert inside.contains(box), (widget.objectName() or type(widget).__name__, box)


def test_every_button_shows_its_key_and_the_keys_are_all_different(desk):
    window = desk.operator
    buttons = [
        window.call_next_button,
        window.recall_button,
        window.skip_button,
        window.bp_panel.button,
        window.bp_panel.manual_button,
        window.spo2_panel.button,
        window.spo2_panel.manual_button,
        window.discard_button,
        window.confirm_button,
        window.cancel_button,
        window.patient_screen_button,
    ]
    keys = [_key_of(button) for button in buttons]
    assert all(keys), keys
    assert len(set(keys)) == len(keys)
    for button, key in zip(buttons, keys, strict=True):
        assert f"[{key}]" in button.text()


def _positions(window):
    watched = {
        "call next": window.call_next_button,
        "measure bp": window.bp_panel.button,
        "measure spo2": window.spo2_panel.button,
        "confirm": window.confirm_button,
        "cancel": window.cancel_button,
        "readings": window.readings_table,
        "nik": window.nik_edit,
    }
    return {name: QRect(w.mapTo(window, QPoint(0, 0)), w.size()) for name, w in watched.items()}


def test_nothing_moves_when_errors_advice_the_waveform_or_a_critical_box_appear(qtbot, desk):
    window = desk.operator
    qtbot.waitUntil(window.call_next_button.isEnabled)
    window.call_next_button.click()
    qtbot.waitUntil(window.nik_edit.isEnabled)
    before = _positions(window)
    window.nik_edit.setFocus()
    QTest.keyClicks(window.nik_edit, "12345")  # a NIK error under the field
    QTest.keyClick(window.nik_edit, Qt.Key.Key_Return)
    desk.bridge.deviceUpdated.emit(
        DeviceUpdate(
            DeviceRole.BLOOD_PRESSURE,
            "cuff",
            True,
            DeviceEvent(
                "cuff",
                DeviceState.ERROR,
                detail="[Errno 113] No route to host",
                fault=DeviceFault.NOT_FOUND,
            ),
        )
    )
    import numpy as np

    desk.bridge.deviceUpdated.emit(
        DeviceUpdate(
            DeviceRole.OXIMETER,
            "ox",
            True,
            DeviceEvent("ox", DeviceState.MEASURING, waveform=np.arange(20, dtype=np.int16)),
        )
    )
    window.review_panel.critical_box.show()
    window._say("Galat: contoh pesan yang panjang " * 4, error=True)
    qtbot.waitUntil(window.waveform.isVisible)
    assert window.nik_error.text()
    assert "isi manual" in window.bp_panel.state_label.text()
    assert _positions(window) == before


def test_a_normal_visit_takes_at_most_six_actions_beyond_identification(qtbot, desk):
    window = desk.operator
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    for values in ((126.0, 82.0, 72.0), (124.0, 80.0, 70.0)):
        cuff.queue_values(*values)  # a normal person: two close readings under 140/90
    operator = Operator(qtbot, window)
    qtbot.waitUntil(window.call_next_button.isEnabled)
    window.activateWindow()

    operator.press(Qt.Key.Key_F2)  # call next
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    identify_person(qtbot, window.identify_panel, NIK, "Siti Rahayu")  # not counted
    qtbot.waitUntil(window.bp_panel.button.isEnabled)

    operator.press(Qt.Key.Key_F5)  # first cuff reading
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == 1)
    qtbot.waitUntil(lambda: Action.MEASURE in window.allowed_actions)
    assert window.bp_panel.countdown_s > 0  # the protocol's minute, on the button
    assert "dtk" in window.bp_panel.button.text()
    skip_protocol_wait(window)
    qtbot.waitUntil(window.bp_panel.button.isEnabled)
    operator.press(Qt.Key.Key_F5)  # second cuff reading
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == 2)
    operator.press(Qt.Key.Key_F6)  # oximeter
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == 3)
    qtbot.waitUntil(window.confirm_button.isEnabled)
    operator.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # confirm
    qtbot.waitUntil(lambda: "Hasil untuk Siti" in desk.patient.visible_text())

    assert operator.actions <= 6
    assert window.queue_label.text() == "—"


def test_a_second_call_next_is_refused_and_the_number_kept_then_recall_and_skip(qtbot, desk):
    window, patient = desk.operator, desk.patient
    qtbot.waitUntil(window.call_next_button.isEnabled)
    window.activateWindow()
    operator = Operator(qtbot, window)
    operator.press(Qt.Key.Key_F2)
    operator.press(Qt.Key.Key_F2)  # a second press while the first is on its way
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    assert not window.call_next_button.isEnabled()
    assert "meja desk-1" in patient.visible_text()  # the desk's name with the number

    operator.press(Qt.Key.Key_F3)  # recall
    qtbot.waitUntil(lambda: "dipanggil ulang" in window.status_line.text())
    assert window.queue_label.text() == "1"
    assert "Nomor antrean 1" in patient.visible_text()

    operator.press(Qt.Key.Key_F4)  # skip: a no-show, recorded
    qtbot.waitUntil(lambda: "dilewati" in window.status_line.text())
    assert window.queue_label.text() == "—"
    assert "Selamat datang" in patient.visible_text()
    operator.press(Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.queue_label.text() == "2")  # nothing lost, nothing reused
