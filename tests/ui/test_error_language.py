"""A NIK refusal on the desk is said from its key (issue 13): shown in Bahasa, it reads in
English once the operator switches the desk to English, as a person does it (keys typed,
Alt+B and the arrow keys)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import (
    MENU_LOG_IGNORE,
    choose_language,
    click,
    press,
    shown_desk,
    sign_in,
    type_into_focus,
)

pytestmark = MENU_LOG_IGNORE


def test_a_nik_error_shown_in_bahasa_reads_in_english_after_the_switch(qtbot, settings):
    app = shown_desk(qtbot, settings, seed=5)
    try:
        window = app.operator
        sign_in(qtbot, window)
        click(qtbot, window.call_next_button)
        panel = window.identify_panel
        qtbot.waitUntil(panel.nik_edit.isEnabled)
        panel.nik_edit.setFocus()
        qtbot.waitUntil(panel.nik_edit.hasFocus)
        type_into_focus(qtbot, "9974010505850003")  # no province 99
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(panel.nik_error.text()))
        assert panel.nik_error.text().startswith(
            "Digit 1-2 NIK (kode provinsi) adalah 99: tidak ada provinsi Indonesia"
        )
        choose_language(qtbot, window, "en")
        assert panel.nik_error.text().startswith(
            "NIK digits 1-2 (province code) are 99: no Indonesian province has that code"
        )
        choose_language(qtbot, window, "id")
        assert panel.nik_error.text().startswith("Digit 1-2 NIK (kode provinsi) adalah 99")
    finally:
        app.close()
