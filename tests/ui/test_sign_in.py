"""Sign-in at the real desk (issue 12), typed as a person does: the first admin's setup on
an empty database, wrong PINs, a health worker who cannot reach a supervisor's parts of the
window, locking by hand and switching operator mid-visit, and the idle lock hiding personal
data on both screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTableWidget

from station.service import DeviceRole
from station.store.database import open_database
from station.store.models import VisitRow
from station.store.operators import OperatorStore
from tests.ui.conftest import (
    OPERATOR_NAME,
    OPERATOR_PIN,
    PRACTITIONER_NIK,
    add_operator,
    click,
    desk_app,
    follow_bp_protocol,
    identify_person,
    measure,
    press,
    sign_in,
    type_into_focus,
)

NIK = "3174015507850002"
PERSON = "Siti Rahayu"
WORKER, WORKER_PIN = "Budi Santoso", "739201"


class IdleClock:
    """Monotonic seconds the test lets pass (the idle lock's clock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def start(qtbot, settings, **options):
    app = desk_app(settings, seed=11, pace_s=0.0, **options)
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    return app


def visible_text(widget) -> str:
    """Every text a person can see in ``widget`` now: labels, fields, buttons, tables."""
    parts = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisible():
            parts.append(child.text())
    for edit in widget.findChildren(QLineEdit):
        if edit.isVisible() and edit.echoMode() is QLineEdit.EchoMode.Normal:
            parts.append(edit.text())
    for table in widget.findChildren(QTableWidget):
        if table.isVisible():
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    parts.append(item.text() if item else "")
    return "\n".join(parts)


def type_pin_twice(qtbot, pin):
    """The PIN and its repetition, each ended with Enter, from the PIN field on."""
    for _ in range(2):
        type_into_focus(qtbot, pin)
        press(qtbot, Qt.Key.Key_Return)


def test_first_start_asks_for_the_admin_and_refuses_mismatched_pins(qtbot, settings):
    app = start(qtbot, settings, operator=False)
    try:
        window, page = app.operator, app.operator.sign_in_page
        qtbot.waitUntil(lambda: page.setup_mode)
        assert window.locked
        assert "Penyiapan pertama" in page.box.title()
        assert page.nik_edit.isVisible()
        assert page.pin_again_edit.isVisible()
        qtbot.waitUntil(page.name_edit.hasFocus)
        type_into_focus(qtbot, OPERATOR_NAME)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(page.nik_edit.hasFocus)
        type_into_focus(qtbot, PRACTITIONER_NIK)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(page.pin_edit.hasFocus)
        type_into_focus(qtbot, OPERATOR_PIN)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(page.pin_again_edit.hasFocus)
        type_into_focus(qtbot, "482916")
        press(qtbot, Qt.Key.Key_Return)
        assert page.error_label.text() == "Kedua PIN tidak sama. Ketik lagi."
        assert page.pin_edit.hasFocus()
        assert page.pin_edit.text() == ""
        # A PIN too short is refused by the station, beside the form.
        type_pin_twice(qtbot, "4829")
        qtbot.waitUntil(lambda: "minimal 6 karakter" in page.error_label.text())
        assert window.locked
        page.pin_edit.setFocus()
        type_pin_twice(qtbot, OPERATOR_PIN)
        qtbot.waitUntil(lambda: not window.locked)
        assert window.operator_label.text() == f"Petugas: {OPERATOR_NAME} (admin)"
        assert window.call_next_button.isEnabled()
    finally:
        app.close()
    database = open_database(settings.database.url)
    (admin,) = OperatorStore(database).list()
    assert (admin.name, admin.role.value, admin.practitioner_nik) == (
        OPERATOR_NAME,
        "admin",
        PRACTITIONER_NIK,
    )
    database.close()


def test_a_wrong_pin_is_refused_beside_the_form_and_the_desk_stays_locked(qtbot, settings):
    app = start(qtbot, settings)
    try:
        window, page = app.operator, app.operator.sign_in_page
        qtbot.waitUntil(page.name_edit.hasFocus)
        type_into_focus(qtbot, OPERATOR_NAME)
        press(qtbot, Qt.Key.Key_Return)
        type_into_focus(qtbot, "111222")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.error_label.text() == "Nama atau PIN salah.")
        assert page.pin_edit.hasFocus()
        assert page.pin_edit.text() == ""
        assert window.locked
        assert not window.tabs.isVisible()
        type_into_focus(qtbot, OPERATOR_PIN)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.locked)
    finally:
        app.close()


def test_a_health_worker_sees_no_supervisor_or_admin_parts(qtbot, settings):
    database = open_database(settings.database.url)
    add_operator(database)
    add_operator(database, WORKER, "health_worker", WORKER_PIN)
    database.close()
    app = start(qtbot, settings)
    try:
        window = app.operator
        sign_in(qtbot, window, WORKER, WORKER_PIN)
        assert window.operator_label.text() == f"Petugas: {WORKER} (petugas kesehatan)"
        tabs = window.tabs
        assert not tabs.isTabVisible(tabs.indexOf(window.followups_view))
        assert tabs.isTabVisible(tabs.indexOf(window.day_tab))  # today's people
        # Ctrl+Tab walks the visible tabs only: never onto the follow-up list.
        for _ in range(4):
            qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
            assert tabs.currentWidget() is not window.followups_view
        tabs.setCurrentWidget(window.day_tab)
        assert not window.correct_button.isVisible()
        assert not window.upload_indicator.dialog.retry_button.isVisibleTo(
            window.upload_indicator.dialog
        )
        # The admin, signed in after a lock, has all of them back.
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.locked)
        sign_in(qtbot, window)
        assert tabs.isTabVisible(tabs.indexOf(window.followups_view))
        assert window.correct_button.isVisible()
    finally:
        app.close()


def test_locking_mid_visit_hides_the_person_and_the_next_operator_goes_on(qtbot, settings):
    database = open_database(settings.database.url)
    add_operator(database)
    worker = add_operator(database, WORKER, "health_worker", WORKER_PIN)
    database.close()
    app = start(qtbot, settings)
    try:
        window, patient = app.operator, app.patient
        sign_in(qtbot, window)
        click(qtbot, window.call_next_button)
        qtbot.waitUntil(lambda: window.queue_label.text() == "1")
        identify_person(qtbot, window.identify_panel, NIK, PERSON)
        qtbot.waitUntil(window.bp_panel.button.isEnabled)
        rows = follow_bp_protocol(qtbot, window, 0)
        assert PERSON in visible_text(window)

        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.locked)
        shown = visible_text(window)
        for private in (PERSON, "Siti", NIK):
            assert private not in shown
            assert private not in patient.visible_text()
        assert "Meja dikunci." in shown
        assert "Kunjungan antrean 1 tetap terbuka" in shown

        sign_in(qtbot, window, WORKER, WORKER_PIN)
        qtbot.waitUntil(lambda: window.readings_table.rowCount() == rows)
        assert window.name_edit.text() == PERSON  # the same visit, as it was
        measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
        qtbot.waitUntil(window.confirm_button.isEnabled)
        click(qtbot, window.confirm_button)
        qtbot.waitUntil(lambda: "Hasil untuk Siti" in patient.visible_text())
    finally:
        app.close()
    database = open_database(settings.database.url)
    with database.sessions() as session:
        (visit,) = session.query(VisitRow).all()
        assert visit.confirmed_by == worker.id
        assert visit.started_by != worker.id
    database.close()


def test_the_desk_locks_itself_when_idle_and_activity_keeps_it_open(qtbot, make_settings):
    settings = make_settings("[station]\nlock_after_minutes = 2\n")
    idle = IdleClock()
    app = start(qtbot, settings, idle_clock=idle)
    try:
        window, patient = app.operator, app.patient
        sign_in(qtbot, window)
        click(qtbot, window.call_next_button)
        qtbot.waitUntil(lambda: window.queue_label.text() == "1")
        identify_person(qtbot, window.identify_panel, NIK, PERSON)
        qtbot.waitUntil(window.bp_panel.button.isEnabled)
        measure(qtbot, window, DeviceRole.OXIMETER, 1)

        idle.advance(110)
        qtbot.keyClick(window.readings_table, Qt.Key.Key_Down)  # the operator is still here
        idle.advance(110)
        qtbot.wait(1500)  # more than one check of the idle lock
        assert not window.locked

        idle.advance(15)
        qtbot.waitUntil(lambda: window.locked, timeout=3000)
        assert "2 menit tanpa aktivitas" in window.sign_in_page.lock_reason.text()
        assert PERSON not in visible_text(window)
        assert "Siti" not in patient.visible_text()
        sign_in(qtbot, window)
        qtbot.waitUntil(lambda: window.readings_table.rowCount() == 1)
    finally:
        app.close()


def test_the_sign_in_page_in_english(qtbot, make_settings):
    settings = make_settings('[station]\noperator_language = "en"\n')
    app = start(qtbot, settings)
    try:
        window, page = app.operator, app.operator.sign_in_page
        assert page.box.title().startswith("Sign in at desk")
        assert "Operator's name" in visible_text(window)
        qtbot.waitUntil(page.name_edit.hasFocus)
        type_into_focus(qtbot, OPERATOR_NAME)
        press(qtbot, Qt.Key.Key_Return)
        type_into_focus(qtbot, "000111")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.error_label.text() == "Wrong name or PIN.")
        assert window.locked
        sign_in(qtbot, window)
        assert window.operator_label.text() == f"Operator: {OPERATOR_NAME} (admin)"
    finally:
        app.close()


def test_a_closed_desk_asks_nothing_of_its_stopped_station(qtbot, settings):
    """A window outlives its desk in a test run (and briefly at exit): its idle lock firing
    then once crashed on the closed loop ("Event loop is closed")."""
    app = start(qtbot, settings)
    sign_in(qtbot, app.operator)
    app.close()
    assert not app.operator.idle_lock.timer.isActive()
    app.operator.idle_lock.idle.emit()  # as a last timer tick would
    app.bridge.load_day()
    app.bridge.look_up_person(NIK)
