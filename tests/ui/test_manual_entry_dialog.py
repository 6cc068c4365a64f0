"""The manual-entry dialog, typed into as at the desk: Tab between boxes, Enter saves when the
values can be saved, Escape cancels; parse errors and the checks' findings show as one types."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from devices.measurements import BloodPressure, MeasurementKind, SpO2
from station.checks.rulesets import DEFAULT_RULE_SET, rule_set
from station.manual_entry import check_manual, parse_manual
from ui.desk.manual_entry import ManualEntryDialog

BP = MeasurementKind.BLOOD_PRESSURE
OX = MeasurementKind.SPO2


@pytest.fixture
def open_dialog(qtbot):
    def make(kind, lang="id", checker=check_manual):
        dialog = ManualEntryDialog(kind, lang, checker)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):  # an open dialog has the keyboard
            dialog.show()
            dialog.activateWindow()
        first = next(iter(dialog.inputs.values()))
        qtbot.waitUntil(lambda: dialog.focusWidget() is first)  # the first box has the keys
        return dialog

    return make


def type_here(qtbot, dialog, text):
    """Type into whatever has the keyboard focus, as the operator does."""
    qtbot.keyClicks(dialog.focusWidget(), text)


def press(qtbot, dialog, key):
    qtbot.keyClick(dialog.focusWidget(), key)


def test_blood_pressure_typed_with_tab_and_saved_with_enter(qtbot, open_dialog):
    dialog = open_dialog(BP)
    assert not dialog.save_button.isEnabled()  # nothing typed yet
    type_here(qtbot, dialog, "128")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.inputs["diastolic"]
    type_here(qtbot, dialog, "84")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.inputs["pulse_rate"]
    type_here(qtbot, dialog, "66")
    assert dialog.save_button.isEnabled()
    assert "Dapat disimpan." in dialog.visible_text()
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.measurement()
    assert isinstance(saved, BloodPressure)
    assert saved == parse_manual(BP, {"systolic": "128", "diastolic": "84", "pulse_rate": "66"})
    assert saved.raw == b"manual:bp:128/84/66"


def test_the_pulse_of_a_blood_pressure_may_stay_empty(qtbot, open_dialog):
    dialog = open_dialog(BP)
    type_here(qtbot, dialog, "118")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "76")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, dialog, Qt.Key.Key_Enter)
    saved = dialog.measurement()
    assert isinstance(saved, BloodPressure)
    assert saved.pulse_rate is None


def test_tab_goes_from_the_last_box_to_save_then_cancel(qtbot, open_dialog):
    dialog = open_dialog(OX)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.inputs["pulse_rate"]
    press(qtbot, dialog, Qt.Key.Key_Tab)
    # Save is disabled (nothing typed), so Tab skips it to Cancel.
    assert dialog.focusWidget() is dialog.cancel_button


def test_enter_on_a_form_with_an_empty_box_says_what_is_missing(qtbot, open_dialog):
    dialog = open_dialog(OX)
    type_here(qtbot, dialog, "97")
    assert "Denyut nadi wajib diisi." not in dialog.visible_text()  # not touched yet
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.measurement() is None
    assert not dialog.save_button.isEnabled()
    assert "Denyut nadi wajib diisi." in dialog.visible_text()
    assert dialog.errors["pulse_rate"].isVisible()
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "74")
    assert not dialog.errors["pulse_rate"].isVisible()
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, dialog, Qt.Key.Key_Return)
    saved = dialog.measurement()
    assert isinstance(saved, SpO2)
    assert (saved.spo2, saved.pulse_rate) == (97.0, 74.0)


def test_leaving_a_required_box_empty_says_so(qtbot, open_dialog):
    dialog = open_dialog(BP)
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert "Sistolik wajib diisi." in dialog.visible_text()
    assert "Diastolik wajib diisi." not in dialog.visible_text()


def test_a_decimal_is_explained_live_under_its_box(qtbot, open_dialog):
    dialog = open_dialog(BP)
    type_here(qtbot, dialog, "120,5")
    error = dialog.errors["systolic"]
    assert error.isVisible()
    assert error.text() == ("Sistolik: ketik bilangan bulat, tanpa koma atau titik (misalnya 120).")
    assert not dialog.save_button.isEnabled()
    press(qtbot, dialog, Qt.Key.Key_Backspace)
    press(qtbot, dialog, Qt.Key.Key_Backspace)
    assert not error.isVisible()  # "120" now reads


def test_an_impossible_value_shows_the_block_message_and_cannot_be_saved(qtbot, open_dialog):
    dialog = open_dialog(BP, lang="en")
    type_here(qtbot, dialog, "80")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "120")
    shown = dialog.visible_text()
    assert "[INVALID] Systolic 80 is not above diastolic 120: not a valid measurement." in shown
    assert not dialog.save_button.isEnabled()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.measurement() is None
    # Fix the systolic: Shift+Tab back, clear it, type the right value.
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.inputs["systolic"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, dialog, "180")
    assert "INVALID" not in dialog.visible_text()
    assert dialog.save_button.isEnabled()


def test_an_out_of_range_spo2_gets_the_device_message(qtbot, open_dialog):
    dialog = open_dialog(OX, lang="en")
    type_here(qtbot, dialog, "101")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "70")
    assert (
        "[INVALID] SpO2 101 % is not possible (limits 50-100 %). "
        "Check the device and measure again." in dialog.visible_text()
    )
    assert not dialog.save_button.isEnabled()


def test_a_critical_value_is_shown_and_may_be_saved(qtbot, open_dialog):
    checker = partial(check_manual, age_years=45.0, rules=rule_set(DEFAULT_RULE_SET))
    dialog = open_dialog(OX, checker=checker)
    type_here(qtbot, dialog, "85")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "70")
    assert "[KRITIS] SpO2 85%: sangat rendah" in dialog.visible_text()
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, dialog, Qt.Key.Key_Return)
    saved = dialog.measurement()
    assert isinstance(saved, SpO2)
    assert saved.spo2 == 85.0


def test_escape_cancels_and_returns_nothing(qtbot, open_dialog):
    dialog = open_dialog(BP)
    type_here(qtbot, dialog, "128")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "84")
    with qtbot.waitSignal(dialog.rejected):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.measurement() is None


def test_titles_and_labels_in_both_languages(qtbot, open_dialog):
    assert open_dialog(BP, lang="id").windowTitle() == "Input manual: tekanan darah"
    assert open_dialog(OX, lang="en").windowTitle() == "Enter by hand: SpO2"
