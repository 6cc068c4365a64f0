"""The admin's operators tab at the real desk (issue 12), driven as a person does: clicks,
typing and keys, never a value set in code. The admin adds an operator who then signs in
with the PIN typed for them, changes an operator's NIK and PIN, disables one after a
confirmation (their sign-in is refused from then on); a bad NIK is refused beside the form
with nothing stored; a health worker never sees the tab."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from station.store.database import open_database
from station.store.operators import OperatorStore
from tests.ui.conftest import (
    OPERATOR_NAME,
    OPERATOR_PIN,
    add_operator,
    desk_app,
    press,
    sign_in,
    type_into_focus,
)

WORKER, WORKER_PIN = "Budi Santoso", "739201"
NEW_NAME, NEW_NIK, NEW_PIN = "Dewi Kartika", "3174016601900003", "602817"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def start(qtbot, settings, *others):
    """The desk on a database with its admin and ``others`` (name, role, PIN)."""
    database = open_database(settings.database.url)
    add_operator(database)
    for name, role, pin in others:
        add_operator(database, name, role, pin)
    database.close()
    app = desk_app(settings, seed=11, pace_s=0.0)
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    return app


def open_tab(qtbot, window, rows):
    """Click the operators tab; wait until the list shows ``rows`` operators."""
    tabs, tab = window.tabs, window.operators_tab
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tabs.indexOf(tab)).center())
    qtbot.waitUntil(lambda: tabs.currentWidget() is tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == rows)
    return tab


def click_into(qtbot, widget):
    qtbot.waitUntil(widget.isEnabled)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(widget.hasFocus)


def choose(qtbot, tab, name):
    """Click the operator's row in the list."""
    table = tab.table
    (row,) = [r for r in range(table.rowCount()) if table.item(r, 0).text() == name]
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.chosen() is not None and tab.chosen().name == name)


def cells(tab, name):
    table = tab.table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    raise AssertionError(f"{name} is not in the list")


def fill_add_form(qtbot, tab, name, nik, pin, *, downs=0):
    """Name, Enter, the role chosen with ``downs`` presses of Down, Enter, NIK, Enter, the
    PIN twice each with Enter (the last one sends the form)."""
    click_into(qtbot, tab.name_edit)
    type_into_focus(qtbot, name)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(tab.role_combo.hasFocus)
    for _ in range(downs):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(tab.nik_edit.hasFocus)
    type_into_focus(qtbot, nik)
    press(qtbot, Qt.Key.Key_Return)
    for edit in (tab.pin_edit, tab.pin_again_edit):
        qtbot.waitUntil(edit.hasFocus)
        type_into_focus(qtbot, pin)
        press(qtbot, Qt.Key.Key_Return)


def lock(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: window.locked)


def stored_operators(settings):
    database = open_database(settings.database.url)
    try:
        return {o.name: o for o in OperatorStore(database).list()}
    finally:
        database.close()


def test_the_admin_adds_an_operator_who_then_signs_in_with_the_typed_pin(qtbot, settings):
    app = start(qtbot, settings)
    try:
        window = app.operator
        sign_in(qtbot, window)
        tab = open_tab(qtbot, window, 1)
        assert cells(tab, OPERATOR_NAME) == [OPERATOR_NAME, "admin", "3171************", "aktif"]
        fill_add_form(qtbot, tab, NEW_NAME, NEW_NIK, NEW_PIN, downs=1)  # a supervisor
        qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
        assert cells(tab, NEW_NAME) == [NEW_NAME, "supervisor", "3174************", "aktif"]
        assert tab.add_message.text() == f"{NEW_NAME} ditambahkan (supervisor)."
        assert tab.name_edit.hasFocus()  # ready for the next one
        assert [tab.name_edit.text(), tab.nik_edit.text(), tab.pin_edit.text()] == ["", "", ""]
        assert NEW_NIK not in tab.table.item(1, 2).text() + tab.table.item(0, 2).text()

        lock(qtbot, window)
        assert tab.table.rowCount() == 0  # nothing of it left for whoever signs in next
        sign_in(qtbot, window, NEW_NAME, NEW_PIN)
        assert window.operator_label.text() == f"Petugas: {NEW_NAME} (supervisor)"
        tabs = window.tabs
        assert not tabs.isTabVisible(tabs.indexOf(tab))  # a supervisor is no admin
        assert tabs.currentWidget() is not tab
    finally:
        app.close()
    added = stored_operators(settings)[NEW_NAME]
    assert (added.role.value, added.practitioner_nik) == ("supervisor", NEW_NIK)


def test_a_bad_nik_is_refused_beside_the_form_and_nothing_is_stored(qtbot, settings):
    app = start(qtbot, settings)
    try:
        window = app.operator
        sign_in(qtbot, window)
        tab = open_tab(qtbot, window, 1)
        fill_add_form(qtbot, tab, NEW_NAME, "317401660190", NEW_PIN)
        qtbot.waitUntil(lambda: "NIK tenaga kesehatan" in tab.add_message.text())
        assert "16 digit" in tab.add_message.text()
        assert tab.add_message.isVisible()
        assert tab.nik_edit.hasFocus()  # where the mistake is, selected to type over
        assert tab.nik_edit.selectedText() == "317401660190"
        assert tab.pin_edit.text() == tab.pin_again_edit.text() == ""
        assert tab.name_edit.text() == NEW_NAME  # what was right stays
        assert tab.table.rowCount() == 1
        assert not window.locked
        # Two different PINs never leave the tab.
        type_into_focus(qtbot, NEW_NIK)
        press(qtbot, Qt.Key.Key_Return)
        type_into_focus(qtbot, NEW_PIN)
        press(qtbot, Qt.Key.Key_Return)
        type_into_focus(qtbot, "602818")
        press(qtbot, Qt.Key.Key_Return)
        assert tab.add_message.text() == "Kedua PIN tidak sama. Ketik lagi."
        assert tab.pin_edit.hasFocus()
    finally:
        app.close()
    assert list(stored_operators(settings)) == [OPERATOR_NAME]


def test_the_admin_changes_a_nik_and_resets_a_locked_out_pin(qtbot, settings):
    app = start(qtbot, settings, (WORKER, "health_worker", WORKER_PIN))
    try:
        window = app.operator
        page = window.sign_in_page
        # Budi forgot his PIN: five wrong ones lock him out.
        qtbot.waitUntil(lambda: window.locked and not page.setup_mode)
        for _ in range(5):
            page.name_edit.setFocus()
            qtbot.waitUntil(page.name_edit.hasFocus)
            qtbot.keyClick(page.name_edit, Qt.Key.Key_A, CTRL)
            type_into_focus(qtbot, WORKER)
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(page.pin_edit.hasFocus)
            type_into_focus(qtbot, "111222")
            press(qtbot, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: page.error_label.text() != "")
            qtbot.waitUntil(page.submit_button.isEnabled)
        assert "Terlalu banyak PIN salah" in page.error_label.text()

        sign_in(qtbot, window)
        tab = open_tab(qtbot, window, 2)
        choose(qtbot, tab, WORKER)
        assert tab.chosen_label.text() == f"{WORKER} — petugas kesehatan, aktif"
        click_into(qtbot, tab.new_nik_edit)
        type_into_focus(qtbot, NEW_NIK)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: tab.chosen_message.text() == f"NIK {WORKER} diganti.")
        assert cells(tab, WORKER)[2] == "3174************"
        click_into(qtbot, tab.new_pin_edit)
        type_into_focus(qtbot, NEW_PIN)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(tab.new_pin_again_edit.hasFocus)
        type_into_focus(qtbot, NEW_PIN)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: tab.chosen_message.text().startswith(f"PIN {WORKER} diatur"))
        assert tab.new_pin_edit.text() == tab.new_pin_again_edit.text() == ""

        lock(qtbot, window)
        sign_in(qtbot, window, WORKER, NEW_PIN)  # at once: the lockout is over
        assert window.operator_label.text() == f"Petugas: {WORKER} (petugas kesehatan)"
    finally:
        app.close()
    assert stored_operators(settings)[WORKER].practitioner_nik == NEW_NIK


def test_a_disabled_operator_is_confirmed_first_then_refused_at_sign_in(qtbot, settings):
    app = start(qtbot, settings, (WORKER, "health_worker", WORKER_PIN))
    try:
        window = app.operator
        sign_in(qtbot, window)
        tab = open_tab(qtbot, window, 2)
        choose(qtbot, tab, WORKER)
        qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(tab.confirm_box.isVisible)
        assert tab.confirm_label.text().startswith(f"Nonaktifkan {WORKER}?")
        assert tab.confirm_no.hasFocus()  # Enter now would not disable anyone
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not tab.confirm_box.isVisible())
        assert cells(tab, WORKER)[3] == "aktif"
        # Asked again by keyboard: Escape takes the question back too.
        assert tab.disable_button.hasFocus()
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(tab.confirm_box.isVisible)
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not tab.confirm_box.isVisible())
        assert tab.disable_button.hasFocus()
        # And once more, this time answered yes (Shift+Tab onto it, Enter).
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(tab.confirm_box.isVisible)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, SHIFT)
        qtbot.waitUntil(tab.confirm_yes.hasFocus)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: cells(tab, WORKER)[3] == "dinonaktifkan")
        assert tab.chosen_message.text() == f"{WORKER} dinonaktifkan."
        assert not tab.disable_button.isEnabled()
        # The admin cannot disable the account they are signed in with.
        choose(qtbot, tab, OPERATOR_NAME)
        qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(tab.confirm_box.isVisible)
        qtbot.mouseClick(tab.confirm_yes, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "akun yang sedang Anda pakai" in tab.chosen_message.text())
        assert cells(tab, OPERATOR_NAME)[3] == "aktif"

        lock(qtbot, window)
        page = window.sign_in_page
        page.name_edit.setFocus()
        qtbot.waitUntil(page.name_edit.hasFocus)
        type_into_focus(qtbot, WORKER)
        press(qtbot, Qt.Key.Key_Return)
        type_into_focus(qtbot, WORKER_PIN)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "dinonaktifkan" in page.error_label.text())
        assert window.locked
    finally:
        app.close()
    assert stored_operators(settings)[WORKER].disabled


def test_a_health_worker_never_sees_the_operators_tab(qtbot, settings):
    app = start(qtbot, settings, (WORKER, "health_worker", WORKER_PIN))
    try:
        window = app.operator
        tabs, tab = window.tabs, window.operators_tab
        sign_in(qtbot, window, WORKER, WORKER_PIN)
        assert not tabs.isTabVisible(tabs.indexOf(tab))
        for _ in range(4):  # Ctrl+Tab walks the visible tabs only
            qtbot.keyClick(tabs, Qt.Key.Key_Tab, CTRL)
            assert tabs.currentWidget() is not tab
        assert tab.table.rowCount() == 0  # and nothing was loaded for it
        lock(qtbot, window)
        sign_in(qtbot, window, OPERATOR_NAME, OPERATOR_PIN)
        assert tabs.isTabVisible(tabs.indexOf(tab))
    finally:
        app.close()


def test_the_operators_tab_in_english(qtbot, make_settings):
    settings = make_settings('[station]\noperator_language = "en"\n')
    app = start(qtbot, settings)
    try:
        window = app.operator
        sign_in(qtbot, window)
        tabs = window.tabs
        assert tabs.tabText(tabs.indexOf(window.operators_tab)) == "Operators"
        tab = open_tab(qtbot, window, 1)
        assert cells(tab, OPERATOR_NAME)[3] == "active"
        fill_add_form(qtbot, tab, NEW_NAME, NEW_NIK, "12")
        qtbot.waitUntil(lambda: "at least 6" in tab.add_message.text())
        assert tab.pin_edit.hasFocus()
    finally:
        app.close()


def test_the_tab_fits_the_smallest_desk_screen_with_everything_shown(qtbot, settings):
    """At 1920x1080 and 150 % scaling (1280x693 logical pixels less a taskbar), with an error
    beside the add form and the disabling question open, nothing is cut off."""
    app = start(qtbot, settings, (WORKER, "health_worker", WORKER_PIN))
    try:
        window = app.operator
        sign_in(qtbot, window)
        window.resize(1280, 693)
        qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 693))
        tab = open_tab(qtbot, window, 2)
        fill_add_form(qtbot, tab, NEW_NAME, "0071014403800001", NEW_PIN)
        qtbot.waitUntil(lambda: "provinsi" in tab.add_message.text())
        choose(qtbot, tab, WORKER)
        qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(tab.confirm_box.isVisible)
        qtbot.wait(50)  # the layout settles
        inside = window.rect()
        for widget in tab.findChildren(QWidget):
            if widget.isVisible() and widget.width() > 0:
                box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
                assert inside.contains(box), (widget.objectName() or type(widget).__name__, box)
        for label in (tab.add_message, tab.confirm_label, tab.chosen_label):
            assert label.height() >= label.heightForWidth(label.width())  # every line shown
    finally:
        app.close()
