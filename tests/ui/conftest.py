"""Fixtures for tests that click through the real windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from station.audit import Actor
from station.desk_state import Action
from station.service import DeviceRole
from station.store.database import open_database
from station.store.operators import OperatorStore
from station.store.repository import Store
from ui.app import build_desk_app


class DeskClock:
    """The station's clock in desk tests: the real time plus whatever the test let pass, so
    the blood-pressure protocol's minute between readings is waited in no time
    (``skip_protocol_wait``) instead of sixty real seconds."""

    def __init__(self) -> None:
        self._offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC).astimezone() + self._offset

    def advance(self, seconds: float) -> None:
        self._offset += timedelta(seconds=seconds)


# The operator the desk tests sign in as: the clinic's first admin (who may do everything,
# so tests of corrections, follow-ups and retries reach them); tests of the roles add others.
OPERATOR_NAME = "Ani Lestari"
OPERATOR_PIN = "482915"
PRACTITIONER_NIK = "3171014403800001"
# The SATUSEHAT Practitioner of that NIK, for tests whose desk uploads (register it).
PRACTITIONER_IHS = "N10000001"


def add_operator(database, name=OPERATOR_NAME, role="admin", pin=OPERATOR_PIN):
    """An operator in the desk's database, added as the IT person would (``operator add``)."""
    return OperatorStore(database).add(
        name,
        role,
        PRACTITIONER_NIK,
        pin,
        datetime.now(UTC),
        actor=Actor.os_account("it-person"),
        station_id="test",
    )


def desk_app(settings, *, operator=True, **options):
    """The desk app with a ``DeskClock`` (``app.operator.test_clock``); ``operator``: add
    the admin the tests sign in as (``sign_in``) if the database has none yet."""
    clock = DeskClock()
    options.setdefault("simulate", True)
    store = Store(open_database(settings.database.url))
    if operator and not OperatorStore(store.database).count():
        add_operator(store.database)
    app = build_desk_app(settings, store, clock=clock, **options)
    app.operator.test_clock = clock
    return app


def sign_in(qtbot, window, name=OPERATOR_NAME, pin=OPERATOR_PIN):
    """Sign in on the sign-in page by keyboard, as the operator does: name, Enter, PIN,
    Enter; waits until the desk is shown."""
    page = window.sign_in_page
    qtbot.waitUntil(lambda: window.locked and not page.setup_mode)
    page.name_edit.setFocus()
    qtbot.waitUntil(page.name_edit.hasFocus)
    qtbot.keyClick(page.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focus(qtbot, name)  # over a name typed before, as a person would
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(page.pin_edit.hasFocus)
    type_into_focus(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)


def shown_desk(qtbot, settings, *, seed):
    """The real desk app (both windows, station loop thread, simulated devices at full speed)
    on a real SQLite file, shown, on its sign-in page."""
    app = desk_app(settings, seed=seed, pace_s=0.0)
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    return app


@pytest.fixture
def desk(qtbot, settings):
    """``shown_desk``, signed in as the clinic's admin."""
    app = shown_desk(qtbot, settings, seed=11)
    sign_in(qtbot, app.operator)
    yield app
    app.close()


# The offscreen platform cannot raise a popup menu or grab the keyboard for it; the
# language menu works all the same (it opens, takes the keys and closes).
MENU_LOG_IGNORE = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


def choose_language(qtbot, window, lang: str) -> None:
    """Alt+B opens Bahasa / Language; arrow keys and Enter choose, as a person does."""
    steps = {"id": 1, "en": 2}[lang]

    def in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None, "the language menu did not open"
        for _step in range(steps):
            QTest.keyClick(menu, Qt.Key.Key_Down)
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(200, in_the_menu)
    focused = QApplication.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.language == lang)
    # The button Alt+B pressed finishes its animated click 100 ms after the menu closes;
    # until then a second Alt+B is not taken (no person is that quick).
    qtbot.wait(300)


def panel_for(window, role):
    return window.bp_panel if role is DeviceRole.BLOOD_PRESSURE else window.spo2_panel


def click(qtbot, button):
    qtbot.waitUntil(button.isEnabled)  # an action may still be finishing
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def skip_protocol_wait(window):
    """Let the blood-pressure protocol's wait pass on the station's clock (the button shows
    the seconds left and stays disabled until then)."""
    seconds = window.bp_panel.countdown_s
    if seconds:
        window.test_clock.advance(seconds + 1)  # a desk built by desk_app, or given one


def measure(qtbot, window, role, rows):
    """Press the role's measure button and wait until the readings table has ``rows``."""
    panel = panel_for(window, role)
    if role is DeviceRole.BLOOD_PRESSURE:
        qtbot.waitUntil(lambda: Action.MEASURE in window.allowed_actions)
        skip_protocol_wait(window)
    qtbot.waitUntil(panel.button.isEnabled)
    click(qtbot, panel.button)
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == rows)


def follow_bp_protocol(qtbot, window, rows):
    """Measure blood pressure as the protocol asks (two readings, a third when it says so),
    starting with ``rows`` readings in the table; returns the rows after."""
    for taken in range(3):
        if taken >= 2 and Action.CONFIRM_EARLY not in window.allowed_actions:
            break
        rows += 1
        measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, rows)
        qtbot.waitUntil(lambda: not window.allowed_actions & {Action.MEASURE_DONE})
    return rows


def type_into_focus(qtbot, text):
    """Type where the keyboard focus is, as the operator (or a scanner) would."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(focused, text)


def press(qtbot, key):
    """One key where the keyboard focus is (Enter, Escape, Tab...)."""
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, key)


def identify_person(qtbot, panel, nik, name, birth=None, *, unknown_birth=False, nik_typed=False):
    """Identify a person on an ``ui.desk.identify.IdentifyPanel`` by keyboard only: NIK,
    Enter, name, Enter, then the birth date typed (``birth``), or the NIK's proposal taken
    with Enter (``birth=None``), or "unknown" ticked; Enter on the confirmation. Returns
    what ``identified`` carried: (nik, name, birth_date). ``nik_typed``: the NIK is in the
    field already (typed by the test), go on from there."""
    qtbot.waitUntil(panel.nik_edit.isEnabled)
    if not nik_typed:
        panel.nik_edit.setFocus()  # where the operator clicks (or where the window puts it)
        type_into_focus(qtbot, nik)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.name_edit.hasFocus)
    type_into_focus(qtbot, name)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.birth_date_edit.hasFocus)
    if unknown_birth:
        press(qtbot, Qt.Key.Key_Tab)  # the calendar button
        press(qtbot, Qt.Key.Key_Tab)  # the "unknown" box
        press(qtbot, Qt.Key.Key_Space)
    elif birth is not None:
        type_into_focus(qtbot, birth)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.start_visit_button.hasFocus)
    with qtbot.waitSignal(panel.identified, timeout=2000) as signal:
        press(qtbot, Qt.Key.Key_Return)
    return tuple(signal.args)
