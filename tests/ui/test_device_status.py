"""The device status view: advice in the desk's language, the technical message only behind
the Details toggle, and a height that never changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from devices.device import DeviceEvent, DeviceFault, DeviceState
from ui.desk.device_status import DeviceStatusView

TECHNICAL = (
    "cannot open serial port /dev/ttyUSB0: is the device plugged in? ([Errno 2] No such file)"
)
NOT_FOUND = DeviceEvent("contec", DeviceState.ERROR, detail=TECHNICAL, fault=DeviceFault.NOT_FOUND)
ADVICE = {
    "id": "Manset tidak terhubung: nyalakan dan dekatkan; atau isi manual",
    "en": "Cuff not connected: switch it on and bring it close; or enter by hand",
}


@pytest.fixture
def view_in(qtbot):
    def make(lang):
        view = DeviceStatusView(lang)
        qtbot.addWidget(view)
        view.resize(420, view.height())
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


def visible_text(view):
    return " ".join(label.text() for label in view.findChildren(QLabel) if label.isVisible())


def click_details(view):
    QTest.mouseClick(view.details_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_not_found_shows_advice_and_the_errno_only_behind_details(view_in, lang):
    view = view_in(lang)
    view.show_event("blood_pressure", NOT_FOUND)
    assert view.status_label.text() == ADVICE[lang]
    assert "Errno" not in visible_text(view)
    assert "ttyUSB0" not in visible_text(view)
    assert view.details_button.isVisible()
    assert view.details_button.text() == {"id": "Rincian", "en": "Details"}[lang]

    click_details(view)
    assert view.detail_label.isVisible()
    assert view.detail_label.toolTip() == TECHNICAL
    assert "cannot open serial port" in view.detail_label.text()

    click_details(view)
    assert not view.detail_label.isVisible()
    assert "Errno" not in visible_text(view)


def test_a_long_detail_is_elided_and_whole_in_the_tooltip(view_in):
    view = view_in("en")
    long = "could not connect to the cuff after 6 attempts: " + "org.bluez.Error.Failed " * 20
    view.show_event("blood_pressure", DeviceEvent("omron", DeviceState.ERROR, long, fault=None))
    click_details(view)
    assert view.detail_label.text().endswith("…")
    assert len(view.detail_label.text()) < len(long)
    assert view.detail_label.toolTip() == long


def test_the_height_never_changes(view_in):
    view = view_in("id")
    heights = {view.height()}
    events = [
        DeviceEvent("omron", DeviceState.CONNECTING),
        DeviceEvent("omron", DeviceState.MEASURING, cuff_pressure=150.0),
        NOT_FOUND,
    ]
    for event in events:
        view.show_event("blood_pressure", event)
        heights.add(view.height())
    status_top = view.status_label.geometry().top()
    click_details(view)
    heights.add(view.height())
    assert view.status_label.geometry().top() == status_top
    view.show_event("blood_pressure", DeviceEvent("omron", DeviceState.CONNECTING))
    heights.add(view.height())
    assert len(heights) == 1


def test_states_in_plain_words_and_details_close_when_there_are_none(view_in):
    view = view_in("id")
    assert view.status_label.text() == "Siap"
    assert not view.details_button.isVisible()
    view.show_event("blood_pressure", NOT_FOUND)
    click_details(view)
    view.show_event("blood_pressure", DeviceEvent("omron", DeviceState.CONNECTING))
    assert view.status_label.text() == "Menghubungkan ke manset…"
    assert not view.details_button.isVisible()
    assert not view.details_button.isChecked()
    assert not view.detail_label.isVisible()
    view.show_event(
        "blood_pressure", DeviceEvent("omron", DeviceState.MEASURING, cuff_pressure=96.0)
    )
    assert view.status_label.text() == "Mengukur… tekanan manset 96 mmHg"
    view.show_event("oximeter", DeviceEvent("contec", DeviceState.READING_RECEIVED))
    assert view.status_label.text() == "Hasil diterima dari oksimeter"


def test_an_error_is_red_and_the_next_state_is_not(view_in):
    view = view_in("en")
    view.show_event("oximeter", NOT_FOUND)
    assert "c62828" in view.status_label.styleSheet()
    view.show_event("oximeter", DeviceEvent("contec", DeviceState.CONNECTING))
    assert view.status_label.styleSheet() == ""


def test_switching_language_redraws_the_advice(view_in):
    view = view_in("id")
    view.show_event("blood_pressure", NOT_FOUND)
    view.set_language("en")
    assert view.status_label.text() == ADVICE["en"]
    assert view.details_button.text() == "Details"
    view.clear()
    assert view.status_label.text() == "Ready"
    assert not view.details_button.isVisible()
