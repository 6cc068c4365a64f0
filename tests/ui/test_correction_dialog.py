"""The same-day correction dialog (ui/desk/correction.py), typed and clicked as at the desk:
choose a reading, type its new values or discard it, give the reason, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from devices.measurements import BloodPressure, PressureUnit, SpO2
from station.corrections import Correction, Discard, NewValues
from tests.station.test_corrections import make_visit
from tests.ui.conftest import click
from ui.desk.correction import CorrectionDialog
from ui.texts import tr


@pytest.fixture
def open_dialog(qtbot):
    def make(lang="id", visit=None):
        dialog = CorrectionDialog(visit or make_visit(), lang)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def choose_row(qtbot, dialog, row):
    table = dialog.readings_table
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(dialog.apply_button.isEnabled)


def type_into(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def changes(dialog):
    return [dialog.changes_list.item(i).text() for i in range(dialog.changes_list.count())]


def test_typing_new_blood_pressure_values_and_a_reason_gives_the_correction(qtbot, open_dialog):
    dialog = open_dialog("id")
    visit_readings = make_visit().readings
    assert dialog.readings_table.rowCount() == 3
    assert not dialog.save_button.isEnabled()

    choose_row(qtbot, dialog, 0)
    assert dialog.systolic_edit.isVisible()
    assert not dialog.spo2_edit.isVisible()
    type_into(qtbot, dialog.systolic_edit, "122")
    type_into(qtbot, dialog.diastolic_edit, "78")
    click(qtbot, dialog.apply_button)
    assert changes(dialog) == ["Bacaan 1: nilai baru 122/78 mmHg, nadi 72/min"]
    assert not dialog.save_button.isEnabled()  # no reason yet
    type_into(qtbot, dialog.reason_edit, "   ")
    assert not dialog.save_button.isEnabled()  # blank is no reason
    type_into(qtbot, dialog.reason_edit, "salah ketik dari slip")
    click(qtbot, dialog.save_button)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.correction() == Correction(
        "salah ketik dari slip",
        (
            NewValues(
                visit_readings[0].id,
                BloodPressure(
                    122.0, 78.0, None, PressureUnit.MMHG, b"manual:bp:122/78/72", pulse_rate=72.0
                ),
            ),
        ),
    )


def test_a_value_the_checks_block_is_refused_in_the_dialog(qtbot, open_dialog):
    dialog = open_dialog("en")
    choose_row(qtbot, dialog, 0)
    type_into(qtbot, dialog.systolic_edit, "400")
    click(qtbot, dialog.apply_button)
    assert "Systolic 400 mmHg is not possible" in dialog.error_label.text()
    assert changes(dialog) == [tr("corr_no_changes", "en")]
    type_into(qtbot, dialog.reason_edit, "typo")
    assert not dialog.save_button.isEnabled()
    assert dialog.correction() is None

    dialog.systolic_edit.selectAll()
    qtbot.keyClick(dialog.systolic_edit, Qt.Key.Key_Backspace)
    type_into(qtbot, dialog.systolic_edit, "1x0")
    click(qtbot, dialog.apply_button)
    # read as a manual entry is, with its messages
    assert dialog.error_label.text() == "Systolic: type digits only (for example 120)."


def test_a_reading_is_discarded_and_an_oximeter_value_typed_in(qtbot, open_dialog):
    dialog = open_dialog("en")
    readings = make_visit().readings
    choose_row(qtbot, dialog, 1)
    box = dialog.discard_check  # click on its tick box, at the left
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.discard_check.isChecked()
    assert not dialog.systolic_edit.isEnabled()
    click(qtbot, dialog.apply_button)
    choose_row(qtbot, dialog, 2)
    assert dialog.spo2_edit.isVisible()
    assert dialog.pulse_edit.isVisible()
    assert not dialog.systolic_edit.isVisible()
    type_into(qtbot, dialog.spo2_edit, "96,5")
    click(qtbot, dialog.apply_button)
    assert "type a whole number" in dialog.error_label.text()  # never guessed
    assert changes(dialog) == ["Reading 2: discarded"]
    dialog.spo2_edit.selectAll()
    type_into(qtbot, dialog.spo2_edit, "96")
    click(qtbot, dialog.apply_button)
    assert changes(dialog) == [
        "Reading 2: discarded",
        "Reading 3: new values SpO2 96 %, pulse 74/min",
    ]
    type_into(qtbot, dialog.reason_edit, "cuff was loose")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Tab)
    click(qtbot, dialog.save_button)
    assert dialog.correction() == Correction(
        "cuff was loose",
        (
            Discard(readings[1].id),
            NewValues(readings[2].id, SpO2(96.0, 74.0, b"manual:spo2:96/74")),
        ),
    )


def test_a_correction_making_the_result_critical_asks_what_was_done(qtbot, open_dialog):
    dialog = open_dialog("en")
    readings = make_visit().readings
    assert not dialog.critical_box.isVisible()
    choose_row(qtbot, dialog, 2)
    type_into(qtbot, dialog.spo2_edit, "85")
    click(qtbot, dialog.apply_button)
    assert dialog.critical_box.isVisible()
    assert "makes the result critical" in dialog.error_label.text()
    type_into(qtbot, dialog.reason_edit, "read the wrong finger")
    assert not dialog.save_button.isEnabled()  # what was done is required
    dialog.critical_action.setFocus()
    qtbot.keyClick(dialog.critical_action, Qt.Key.Key_Down)
    assert dialog.critical_action.currentData() == "referred"
    type_into(qtbot, dialog.critical_note, "to the doctor now")
    click(qtbot, dialog.save_button)
    assert dialog.correction() == Correction(
        "read the wrong finger",
        (NewValues(readings[2].id, SpO2(85.0, 74.0, b"manual:spo2:85/74")),),
        acknowledged_action="referred",
        acknowledged_note="to the doctor now",
    )


def test_cancel_gives_no_correction(qtbot, open_dialog):
    dialog = open_dialog("id")
    choose_row(qtbot, dialog, 0)
    type_into(qtbot, dialog.systolic_edit, "122")
    click(qtbot, dialog.apply_button)
    click(qtbot, dialog.cancel_button)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.correction() is None
