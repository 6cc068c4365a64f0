"""The desk driven for screenshots (``ui.screenshot``): a station clock that moves only when
told, the health worker at the keyboard (keys and typing through QTest, clicks with the mouse,
as the tests in tests/ui do), and the shots themselves, an open dialog drawn over the window.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from config.settings import Settings
from devices.simulators import SimulatedBloodPressureCuff
from station.ckg import age_in_years
from station.demo import fake_person
from station.desk_state import Action
from station.service import DeviceRole
from station.store.database import open_database
from station.store.repository import Store
from ui.app import DeskApp, build_desk_app
from ui.desk.sign_in import FIT_HEIGHT, FIT_WIDTH
from ui.operator_window import OperatorWindow
from ui.texts import Language

__all__ = ["Desk", "Person", "ShotClock", "at", "open_desk", "people", "save", "with_dialog"]

# The desk at its fit size (a 1366x768 screen less a taskbar); the patient screen whole.
DESK_SIZE = QSize(FIT_WIDTH, FIT_HEIGHT)
PATIENT_SIZE = QSize(1366, 768)
WAIT_LIMIT_MS = 20_000
NO_KEY = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
Person = tuple[str, str, date]  # NIK, name, birth date
# The made-up admin the screenshots sign in as: name, PIN, practitioner NIK.
ADMIN = ("Rina Marlina", "582931", "3171014403800001")


class ShotClock:
    """The station's clock for screenshots: stands still until ``advance`` (a keyed action
    takes some seconds, the protocol's minute passes at once, the next person comes minutes
    later) or ``jump`` (another day)."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def __call__(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)

    def jump(self, when: datetime) -> None:
        self._now = when


def at(day: date, hour: int, minute: int) -> datetime:
    """``hour:minute`` on ``day`` in this computer's zone (the desk shows its times)."""
    return datetime.combine(day, time(hour, minute)).astimezone()


class Desk:
    """One running desk app and the health worker at its keyboard."""

    def __init__(self, desk: DeskApp, clock: ShotClock, out: Path) -> None:
        self.app = desk
        self.window: OperatorWindow = desk.operator
        self.clock = clock
        self.out = out
        cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
        assert isinstance(cuff, SimulatedBloodPressureCuff)
        self.cuff = cuff

    # -- waiting, keys, clicks -----------------------------------------------------------

    def wait(self, condition: Callable[[], bool], what: str) -> None:
        timer = QElapsedTimer()
        timer.start()
        while not condition():
            if timer.elapsed() > WAIT_LIMIT_MS:
                raise TimeoutError(f"the desk did not reach the expected state: {what}")
            QTest.qWait(5)

    def allowed(self, action: Action) -> None:
        self.wait(lambda: action in self.window.allowed_actions, f"{action} allowed")

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_KEY) -> None:
        """One key where the keyboard focus is, the desk window being the active one (as on
        a desktop; offscreen, a closed dialog leaves no active window)."""
        if QApplication.activeModalWidget() is None:
            self.window.activateWindow()
            self.wait(lambda: QApplication.activeWindow() is self.window, "desk active")
        QTest.keyClick(QApplication.focusWidget() or self.window, key, modifier)

    def type(self, text: str) -> None:
        """Typed where the keyboard focus is."""
        focused = QApplication.focusWidget()
        assert focused is not None, "nothing has the keyboard focus"
        QTest.keyClicks(focused, text)

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        self.wait(widget.isEnabled, f"{widget.objectName()} enabled")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, NO_KEY, pos or widget.rect().center())

    def rows(self) -> int:
        return self.window.readings_table.rowCount()

    # -- operators -----------------------------------------------------------------------

    def _fill(self, edit: QLineEdit, text: str) -> None:
        self.window.activateWindow()
        self.wait(lambda: QApplication.activeWindow() is self.window, "desk active")
        self.click(edit)
        self.wait(edit.hasFocus, f"{edit.objectName()} focused")
        self.type(text)

    def set_up_admin(self, shot: str | None = None) -> None:
        """The first admin typed into the first start's setup page, then Enter."""
        page = self.window.sign_in_page
        self._fill(page.name_edit, ADMIN[0])
        self._fill(page.nik_edit, ADMIN[2])
        self._fill(page.pin_edit, ADMIN[1])
        self._fill(page.pin_again_edit, ADMIN[1])
        if shot:
            self.shot(shot)
        self.key(Qt.Key.Key_Return)
        self.wait(lambda: not self.window.locked, "signed in")

    def sign_in(self, shot: str | None = None) -> None:
        page = self.window.sign_in_page
        self.wait(lambda: self.window.locked and not page.setup_mode, "the sign-in page")
        self._fill(page.name_edit, ADMIN[0])
        self._fill(page.pin_edit, ADMIN[1])
        if shot:
            self.shot(shot)
        self.key(Qt.Key.Key_Return)
        self.wait(lambda: not self.window.locked, "signed in")

    def lock(self) -> None:
        self.key(Qt.Key.Key_L, CTRL)
        self.wait(lambda: self.window.locked, "the desk locked")

    # -- a visit -------------------------------------------------------------------------

    def call(self) -> None:
        self.allowed(Action.CALL_NEXT)
        self.clock.advance(20)
        self.key(Qt.Key.Key_F2)
        self.wait(lambda: self.window.queue_label.text() != "—", "a number called")

    def enter_nik(self, nik: str) -> None:
        panel = self.window.identify_panel
        self.wait(panel.nik_edit.isEnabled, "identify unlocked")
        self.click(panel.nik_edit)
        self.type(nik)
        self.key(Qt.Key.Key_Return)
        self.wait(panel.name_edit.hasFocus, "on to the name")

    def enter_name(self, name: str) -> None:
        self.type(name)
        self.key(Qt.Key.Key_Return)
        self.wait(self.window.identify_panel.birth_date_edit.hasFocus, "on to the birth date")

    def take_nik_birth_date(self) -> None:
        """Enter on the empty birth date: the NIK's date, then the confirmation."""
        self.key(Qt.Key.Key_Return)
        self.wait(self.window.identify_panel.start_visit_button.hasFocus, "the confirmation")

    def start_visit(self) -> None:
        self.clock.advance(40)
        self.key(Qt.Key.Key_Return)
        self.allowed(Action.ENTER_MANUALLY)

    def identify(self, person: Person) -> None:
        nik, name, _born = person
        self.enter_nik(nik)
        self.enter_name(name)
        self.take_nik_birth_date()
        self.start_visit()

    def measure_bp(self) -> None:
        """F5 once the protocol's wait is over (let pass on the clock), one more row."""
        rows = self.rows()
        self.allowed(Action.MEASURE)
        waiting = self.window.bp_panel.countdown_s
        self.clock.advance(waiting + 1 if waiting else 30)
        self.wait(self.window.bp_panel.button.isEnabled, "the cuff's button")
        self.key(Qt.Key.Key_F5)
        self.wait(lambda: self.rows() == rows + 1, "a cuff reading")
        self.wait(lambda: not self.window.allowed_actions & {Action.MEASURE_DONE}, "cuff done")

    def bp_protocol(self) -> None:
        """Two cuff readings, a third when the protocol asks for it."""
        for taken in range(3):
            if taken >= 2 and Action.CONFIRM_EARLY not in self.window.allowed_actions:
                break
            self.measure_bp()

    def measure_spo2(self) -> None:
        rows = self.rows()
        self.allowed(Action.MEASURE)
        self.clock.advance(25)
        self.wait(self.window.spo2_panel.button.isEnabled, "the oximeter's button")
        self.key(Qt.Key.Key_F6)
        self.wait(lambda: self.rows() == rows + 1, "an SpO2 reading")

    def open_manual(self, role: DeviceRole, values: dict[str, str]) -> None:
        """Ctrl+F5 / Ctrl+F6 and the values typed into the dialog's boxes (not saved yet)."""
        self.allowed(Action.ENTER_MANUALLY)
        self.key(Qt.Key.Key_F5 if role is DeviceRole.BLOOD_PRESSURE else Qt.Key.Key_F6, CTRL)
        self.wait(lambda: self.window.manual_dialog is not None, "the manual-entry dialog")
        dialog = self.window.manual_dialog
        assert dialog is not None
        self.wait(dialog.isVisible, "the manual-entry dialog shown")
        dialog.activateWindow()  # as a desktop does with a dialog that opens
        self.wait(lambda: QApplication.activeWindow() is dialog, "the dialog active")
        for index, (field, text) in enumerate(values.items()):
            box = dialog.inputs[field]
            if index:
                self.key(Qt.Key.Key_Tab)
            self.wait(box.hasFocus, f"the {field} box")
            self.type(text)

    def save_manual(self) -> None:
        dialog = self.window.manual_dialog
        assert dialog is not None
        rows = self.rows()
        self.clock.advance(40)
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
        self.wait(lambda: self.rows() == rows + 1, "the typed reading stored")

    def discard_first(self, reason: str) -> None:
        """Click the first reading, Ctrl+D, type the reason, Enter."""
        table = self.window.readings_table
        first = table.item(0, 1)
        assert first is not None
        self.click(table.viewport(), table.visualItemRect(first).center())
        self.wait(self.window.discard_button.isEnabled, "the discard button")
        self.key(Qt.Key.Key_D, CTRL)
        review = self.window.review_panel
        self.wait(lambda: review.discard_dialog is not None, "the discard dialog")
        dialog = review.discard_dialog
        assert dialog is not None
        self.wait(dialog.isVisible, "the discard dialog shown")
        (reason_box,) = dialog.findChildren(QLineEdit)
        self.wait(reason_box.hasFocus, "the reason box")
        QTest.keyClicks(reason_box, reason)
        QTest.keyClick(reason_box, Qt.Key.Key_Return)
        cell = table.item(0, 2)
        self.wait(lambda: cell is not None and "DIBUANG" in cell.text(), "the reading discarded")

    def unselect_reading(self) -> None:
        """Ctrl+click on the selected reading: nothing selected."""
        table = self.window.readings_table
        rows = {index.row() for index in table.selectedIndexes()}
        if not rows:
            return
        item = table.item(rows.pop(), 1)
        assert item is not None
        at = table.visualItemRect(item).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, CTRL, at)
        self.wait(lambda: not table.selectedIndexes(), "no reading selected")

    def acknowledge_referred(self) -> None:
        """The critical box: "referred" chosen with the keyboard."""
        self.wait(self.window.critical_box.isVisible, "the critical box")
        self.click(self.window.critical_action)
        if self.window.critical_action.view().isVisible():  # the click opened the list
            self.key(Qt.Key.Key_Escape)
        self.key(Qt.Key.Key_Down)

    def confirm(self, first_name: str) -> None:
        self.wait(self.window.confirm_button.isEnabled, "confirm enabled")
        self.clock.advance(20)
        self.key(Qt.Key.Key_Return, CTRL)
        self.wait(lambda: first_name in self.app.patient.visible_text(), "the patient's results")
        self.allowed(Action.CALL_NEXT)

    def visit(self, person: Person, *, cuff: tuple[float, float, float] | None = None) -> None:
        """A whole ordinary visit: call, identify, the cuff's protocol, SpO2, confirm, then
        some minutes until the next person. ``cuff``: the cuff's values for all three
        readings (at or above 140/90, so the protocol asks for the third)."""
        if cuff is not None:
            for _reading in range(3):
                self.cuff.queue_values(*cuff)
        self.call()
        self.identify(person)
        self.bp_protocol()
        self.measure_spo2()
        self.confirm(person[1].split()[0])
        pause = random.Random(person[0]).randint(6, 16)  # noqa: S311 - not a secret
        self.clock.advance(pause * 60)

    def show_tab(self, page: QWidget) -> None:
        tabs = self.window.tabs
        bar = tabs.tabBar()
        self.click(bar, bar.tabRect(tabs.indexOf(page)).center())
        self.wait(lambda: tabs.currentWidget() is page, "the tab")

    def open_correction(self, queue_number: int, values: dict[str, str], reason: str) -> None:
        """On the day's tab: click the visit, Ctrl+K, click its first reading, type the new
        values over the old, Apply, then the reason (not saved yet)."""
        table = self.window.day_view.table
        numbers = [table.item(r, 0) for r in range(table.rowCount())]
        (row,) = [r for r, item in enumerate(numbers) if item and item.text() == str(queue_number)]
        name = table.item(row, 3)
        assert name is not None
        self.click(table.viewport(), table.visualItemRect(name).center())
        self.wait(self.window.correct_button.isEnabled, "the correct button")
        self.key(Qt.Key.Key_K, CTRL)
        day_tab = self.window.day_tab
        self.wait(lambda: day_tab.correction_dialog is not None, "the correction dialog")
        dialog = day_tab.correction_dialog
        assert dialog is not None
        self.wait(dialog.isVisible, "the correction dialog shown")
        readings = dialog.readings_table
        first = readings.item(0, 0)
        assert first is not None
        self.click(readings.viewport(), readings.visualItemRect(first).center())
        self.wait(dialog.apply_button.isEnabled, "the apply button")
        for field, text in values.items():
            edit = dialog.inputs[field]
            edit.setFocus()
            edit.selectAll()
            QTest.keyClicks(edit, text)
        self.click(dialog.apply_button)
        dialog.reason_edit.setFocus()
        QTest.keyClicks(dialog.reason_edit, reason)
        self.wait(dialog.save_button.isEnabled, "the save button")

    def save_correction(self, queue_number: int) -> None:
        dialog = self.window.day_tab.correction_dialog
        assert dialog is not None
        self.click(dialog.save_button)
        self.wait(
            lambda: (
                f" {queue_number} " in self.window.status_line.text()
                and self.window.day_tab.correction_dialog is None
            ),
            "the correction stored",
        )

    # -- shots ---------------------------------------------------------------------------

    def shot(self, name: str, widget: QWidget | None = None) -> None:
        target = widget or self.window
        QTest.qWait(50)  # timers (the countdown) and pending paints
        pixmap = target.grab()
        if widget is None:
            for dialog in (self.window.manual_dialog, self.window.day_tab.correction_dialog):
                if dialog is not None and dialog.isVisible():
                    pixmap = with_dialog(pixmap, dialog)
        save(pixmap, self.out / f"{name}.png")

    def patient_shot(self, name: str, size: QSize | None = None) -> None:
        """The patient screen at 1366x768, or at ``size`` (then back)."""
        patient = self.app.patient
        if size is not None:
            patient.resize(size)
        self.shot(name, patient)
        if size is not None:
            patient.resize(PATIENT_SIZE)


def with_dialog(window: QPixmap, dialog: QWidget) -> QPixmap:
    """``dialog`` drawn over the window's grab (which leaves it out), centred as Qt places a
    dialog over its parent, under a plain title bar with its title, as a desktop frames it."""
    inside = dialog.grab()
    title_height = dialog.fontMetrics().height() + 10
    width, height = inside.width(), inside.height() + title_height
    left, top = (window.width() - width) // 2, (window.height() - height) // 2
    painter = QPainter(window)
    painter.fillRect(left, top, width, title_height, QColor("#dadde3"))
    font = dialog.font()
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#202020"))
    painter.drawText(
        left + 10,
        top,
        width - 20,
        title_height,
        Qt.AlignmentFlag.AlignVCenter,
        dialog.windowTitle(),
    )
    painter.drawPixmap(left, top + title_height, inside)
    painter.setPen(QColor("#5f6368"))
    painter.drawRect(left - 1, top - 1, width + 1, height + 1)
    painter.end()
    return window


def save(pixmap: QPixmap, path: Path) -> None:
    if not pixmap.save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"{path} ({pixmap.width()}x{pixmap.height()})")


def open_desk(
    database_url: str,
    lang: Language,
    clock: ShotClock,
    out: Path,
    seed: int,
    *,
    sign_in_shot: str | None = None,
) -> Desk:
    """The desk signed in as the made-up admin (set up first on an empty database);
    ``sign_in_shot``: a shot of the sign-in or setup page, typed and not yet sent."""
    settings = Settings.model_validate(
        {
            "database": {"url": database_url},
            "station": {"operator_language": lang, "patient_language": lang},
        }
    )
    app = build_desk_app(
        settings,
        Store(open_database(settings.database.url)),
        simulate=True,
        seed=seed,
        pace_s=0.0,
        clock=clock,
    )
    app.show()
    app.operator.resize(DESK_SIZE)
    app.patient.resize(PATIENT_SIZE)
    app.patient.show()  # beside the desk, as on a second monitor; it never takes the keyboard
    desk = Desk(app, clock, out)
    desk.wait(lambda: app.operator.announced, "the desk's first answer")
    if app.operator.sign_in_page.setup_mode:
        desk.set_up_admin(sign_in_shot)
    else:
        desk.sign_in(sign_in_shot)
    # Call next is enabled once the desk has looked for a visit a crash left open.
    desk.wait(app.operator.call_next_button.isEnabled, "the desk ready")
    return desk


def people(seed: int, today: date) -> Iterator[Person]:
    """Made-up adults (the birthday check at a clinic is for 18 and over)."""
    rng = random.Random(seed)  # noqa: S311 - made-up people
    while True:
        person = fake_person(rng, today)
        if age_in_years(person[2], today) >= 18:
            yield person
