"""A day of ten queue numbers at one desk, driven by keyboard and mouse as a health worker
does, with simulated devices, uploading to the loopback SATUSEHAT: one no-show skipped, one
number called again, one cuff absent and its values typed by hand, one critical result
acknowledged, one reading discarded, one early confirm with its reason, a returning person,
and a same-day correction that reaches the server as an amendment of what it holds. The store
is checked after each person."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from devices.simulators import CuffFault
from station.demo import DemoClock, fake_person
from station.desk_state import Action
from station.service import CriticalAction, DeviceRole
from station.store.database import open_database
from station.store.models import OutboxRow, QueueCallRow, VisitStatus
from station.store.repository import Store
from tests.satusehat_server import SatusehatServer
from tests.station.test_upload import ORG, satusehat_environ
from tests.ui.conftest import (
    PRACTITIONER_IHS,
    PRACTITIONER_NIK,
    add_operator,
    follow_bp_protocol,
    identify_person,
    measure,
    sign_in,
    skip_protocol_wait,
)
from ui.app import build_desk_app

PEOPLE = [fake_person(random.Random(seed), datetime.now(UTC).date()) for seed in range(9)]


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret="secret") as running:
        # The desk's operator measures: the upload names their Practitioner (issue 12).
        running.register_practitioner(PRACTITIONER_NIK, PRACTITIONER_IHS)
        for number, (nik, _name, _born) in enumerate(PEOPLE):
            running.register_patient(nik, f"P{number:011d}")
        yield running


@pytest.fixture
def day(qtbot, make_settings, server):
    settings = make_settings("[upload]\ninterval_seconds = 1\n", **satusehat_environ(server))
    clock = DemoClock(visits=40, now=datetime.now(UTC))  # visits take minutes, not ms
    store = Store(open_database(settings.database.url))
    add_operator(store.database)
    app = build_desk_app(
        settings,
        store,
        simulate=True,
        seed=5,
        pace_s=0.0,
        clock=clock,
    )
    app.operator.test_clock = clock
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    sign_in(qtbot, app.operator)
    yield app, settings
    app.close()


class Desk:
    """The operator at the keyboard, and what the store holds after each person."""

    def __init__(self, qtbot, app, settings):
        self.qtbot = qtbot
        self.app = app
        self.window = app.operator
        self.settings = settings

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier):
        if QApplication.activeModalWidget() is None:
            # Offscreen, closing a dialog leaves no active window; a desktop gives it back.
            self.window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        QTest.keyClick(QApplication.focusWidget() or self.window, key, modifier)

    def wait_allowed(self, action):
        self.qtbot.waitUntil(lambda: action in self.window.allowed_actions, timeout=10_000)

    def call(self, number):
        self.wait_allowed(Action.CALL_NEXT)
        self.key(Qt.Key.Key_F2)
        self.qtbot.waitUntil(lambda: self.window.queue_label.text() == str(number))

    def identify(self, person):
        nik, name, born = person
        assert identify_person(self.qtbot, self.window.identify_panel, nik, name)[2] == born
        self.wait_allowed(Action.ENTER_MANUALLY)

    def rows(self):
        return self.window.readings_table.rowCount()

    def confirm(self, first_name):
        self.qtbot.waitUntil(self.window.confirm_button.isEnabled)
        self.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        self.qtbot.waitUntil(lambda: f"Hasil untuk {first_name}" in self.app.patient.visible_text())
        self.wait_allowed(Action.CALL_NEXT)

    def manual(self, role, values):
        """Ctrl+F5 / Ctrl+F6, type the values into the dialog's boxes, Enter."""
        rows = self.rows()
        self.key(
            Qt.Key.Key_F5 if role is DeviceRole.BLOOD_PRESSURE else Qt.Key.Key_F6,
            Qt.KeyboardModifier.ControlModifier,
        )
        self.qtbot.waitUntil(lambda: self.window.manual_dialog is not None)
        dialog = self.window.manual_dialog
        self.qtbot.waitUntil(dialog.isVisible)
        for field, text in values.items():
            box = dialog.inputs[field]
            box.setFocus()
            QTest.keyClicks(box, text)
        QTest.keyClick(dialog.inputs[next(iter(values))], Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.rows() == rows + 1)

    def visits(self):
        database = open_database(self.settings.database.url)
        try:
            return sorted(Store(database).visits(), key=lambda v: v.queue_number)
        finally:
            database.close()

    def queue_calls(self):
        database = open_database(self.settings.database.url)
        try:
            with database.sessions() as session:
                rows = session.scalars(select(QueueCallRow).order_by(QueueCallRow.queue_number))
                return [(r.queue_number, r.outcome, r.recalls) for r in rows]
        finally:
            database.close()

    def outbox_readings(self):
        database = open_database(self.settings.database.url)
        try:
            with database.sessions() as session:
                return set(session.scalars(select(OutboxRow.reading_id)))
        finally:
            database.close()


def _bp_count(visit):
    return sum(r.measurement.kind == "blood_pressure" and r.counts for r in visit.readings)


def test_a_clinic_day_of_ten_numbers(qtbot, day, server):
    app, settings = day
    desk = Desk(qtbot, app, settings)
    window = desk.window
    cuff = app.station.devices[DeviceRole.BLOOD_PRESSURE]
    people = iter(PEOPLE)

    # 1. A normal visit: the protocol on the buttons, the oximeter, confirm.
    first = next(people)
    desk.call(1)
    desk.identify(first)
    rows = follow_bp_protocol(qtbot, window, 0)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    desk.confirm(first[1].split()[0])
    (visit,) = desk.visits()
    assert visit.status is VisitStatus.CONFIRMED
    assert visit.person.nik == first[0]
    assert visit.early_confirm_reason is None
    assert _bp_count(visit) in (2, 3)
    assert len(desk.outbox_readings()) == len(visit.readings)

    # 2. Nobody comes: skipped, recorded.
    desk.call(2)
    desk.key(Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: "dilewati" in window.status_line.text())
    assert desk.queue_calls()[:2] == [(1, "visit", 0), (2, "skipped", 0)]
    assert len(desk.visits()) == 1

    # 3. Called again, then comes; the cuff is off: its advice, then the values by hand.
    third = next(people)
    desk.call(3)
    desk.key(Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: "dipanggil ulang" in window.status_line.text())
    desk.identify(third)
    cuff.fault = CuffFault.ABSENT
    desk.key(Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "Manset tidak" in window.bp_panel.state_label.text())
    assert "isi manual" in window.bp_panel.state_label.text()
    assert "Errno" not in window.bp_panel.state_label.text()
    cuff.fault = None
    desk.manual(
        DeviceRole.BLOOD_PRESSURE, {"systolic": "132", "diastolic": "84", "pulse_rate": "76"}
    )
    desk.wait_allowed(Action.ENTER_MANUALLY)
    skip_protocol_wait(window)
    desk.manual(DeviceRole.BLOOD_PRESSURE, {"systolic": "128", "diastolic": "82"})
    desk.manual(DeviceRole.OXIMETER, {"spo2": "97", "pulse_rate": "74"})
    assert window.readings_table.item(0, 3).text() == "diinput manual"
    desk.confirm(third[1].split()[0])
    assert "diinput manual" in app.patient.visible_text()
    manual_visit = desk.visits()[-1]
    assert [r.manual for r in manual_visit.readings] == [True, True, True]
    assert (3, "visit", 1) in desk.queue_calls()

    # 4. A critical blood pressure: what was done is recorded before confirming.
    fourth = next(people)
    for _ in range(3):
        cuff.queue_values(192.0, 118.0, 88.0)
    desk.call(4)
    desk.identify(fourth)
    rows = follow_bp_protocol(qtbot, window, 0)
    assert rows == 3
    qtbot.waitUntil(window.critical_box.isVisible)
    assert not window.confirm_button.isEnabled()
    window.critical_action.setFocus()
    desk.key(Qt.Key.Key_Down)  # "Dirujuk"
    assert window.chosen_critical_action() is CriticalAction.REFERRED
    desk.confirm(fourth[1].split()[0])
    critical = desk.visits()[-1]
    assert critical.outcome.referral == "urgent"
    assert critical.outcome.acknowledged_action == "referred"

    # 5. A reading discarded (the cuff slipped) with its reason, then the protocol again.
    fifth = next(people)
    desk.call(5)
    desk.identify(fifth)
    measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, 1)
    qtbot.mouseClick(
        window.readings_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.readings_table.visualItemRect(window.readings_table.item(0, 1)).center(),
    )
    qtbot.waitUntil(window.discard_button.isEnabled)
    desk.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.review_panel.discard_dialog is not None)
    dialog = window.review_panel.discard_dialog
    qtbot.waitUntil(dialog.isVisible)
    (reason_box,) = dialog.findChildren(QLineEdit)
    qtbot.waitUntil(reason_box.hasFocus)
    QTest.keyClicks(reason_box, "manset lepas")
    QTest.keyClick(reason_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "DIBUANG" in window.readings_table.item(0, 2).text())
    rows = follow_bp_protocol(qtbot, window, 1)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    desk.confirm(fifth[1].split()[0])
    discarded_visit = desk.visits()[-1]
    thrown = discarded_visit.readings[0]
    assert thrown.discarded_reason == "manset lepas"
    assert not thrown.counts
    assert thrown.id not in desk.outbox_readings()
    assert _bp_count(discarded_visit) in (2, 3)

    # 6. Only SpO2 today: confirming early needs a reason, which is stored.
    sixth = next(people)
    desk.call(6)
    desk.identify(sixth)
    measure(qtbot, window, DeviceRole.OXIMETER, 1)
    desk.wait_allowed(Action.CONFIRM_EARLY)
    assert not window.confirm_button.isEnabled()
    window.early_reason_edit.setFocus()
    QTest.keyClicks(window.early_reason_edit, "lengan cedera")
    desk.confirm(sixth[1].split()[0])
    assert desk.visits()[-1].early_confirm_reason == "lengan cedera"

    # 7. The first person comes back: their last visit is offered, never filled in.
    desk.call(7)
    panel = window.identify_panel
    qtbot.waitUntil(panel.nik_edit.isEnabled)
    panel.nik_edit.setFocus()
    QTest.keyClicks(panel.nik_edit, first[0])
    QTest.keyClick(panel.nik_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first[1] in panel.hint_label.text(), timeout=10_000)
    # Looked up at SATUSEHAT in the background, never blocking.
    qtbot.waitUntil(lambda: "Terdaftar di SATUSEHAT" in panel.registry_label.text())
    assert panel.name_edit.text() == ""  # proposed, not filled in
    # Enter takes the proposal (name and birth date), then the confirmation shows both.
    QTest.keyClick(panel.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(panel.start_visit_button.hasFocus)
    assert panel.name_edit.text() == first[1]
    assert panel.confirm_name.text() == first[1]
    QTest.keyClick(panel.start_visit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Sudah CKG" in window.ckg_label.text())  # checked this year
    rows = follow_bp_protocol(qtbot, window, 0)
    desk.confirm(first[1].split()[0])
    assert desk.visits()[-1].person.nik == first[0]

    # 8-10. Three ordinary visits.
    for number in (8, 9, 10):
        person = next(people)
        desk.call(number)
        desk.identify(person)
        rows = follow_bp_protocol(qtbot, window, 0)
        measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
        desk.confirm(person[1].split()[0])
        assert desk.visits()[-1].queue_number == number

    visits = desk.visits()
    assert [v.queue_number for v in visits] == [1, 3, 4, 5, 6, 7, 8, 9, 10]
    assert all(v.status is VisitStatus.CONFIRMED for v in visits)
    assert [call[:2] for call in desk.queue_calls()] == [
        (n, "skipped" if n == 2 else "visit") for n in range(1, 11)
    ]

    # The day's tab: nine people, one skipped, three manual readings.
    window.tabs.setCurrentWidget(window.day_tab)
    qtbot.waitUntil(lambda: window.day_view.table.rowCount() == 9, timeout=10_000)
    tiles = window.day_view.tiles
    shown = [tiles[key].value.text() for key in ("confirmed", "skipped", "manual_readings")]
    assert shown == ["9", "1", "3"]
    window.tabs.setCurrentIndex(0)

    # Everything reaches SATUSEHAT once.
    expected = sum(len([r for r in v.readings if r.counts]) for v in visits)
    qtbot.waitUntil(lambda: "9 terkirim" in window.upload_indicator.label.text(), timeout=30_000)
    assert len(server.resources("Encounter")) == 9
    observations = len(server.resources("Observation"))
    assert expected <= observations
    # Each names the operator who measured, signed in at the window (issue 12).
    performers = {o["performer"][0]["reference"] for o in server.resources("Observation")}
    assert performers == {f"Practitioner/{PRACTITIONER_IHS}"}

    # A same-day correction: the third person's first cuff value was mistyped (132/84, not
    # 122/78). From the day's tab, with a reason; the server's resources are amended.
    wrong = manual_visit.readings[0]
    window.tabs.setCurrentWidget(window.day_tab)
    table = window.day_view.table
    qtbot.waitUntil(lambda: table.rowCount() == 9, timeout=10_000)
    (row,) = [r for r in range(table.rowCount()) if table.item(r, 0).text() == "3"]
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualItemRect(table.item(row, 3)).center(),
    )
    qtbot.waitUntil(window.correct_button.isEnabled)
    desk.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.day_tab.correction_dialog is not None, timeout=10_000)
    dialog = window.day_tab.correction_dialog
    qtbot.waitUntil(dialog.isVisible)
    readings = dialog.readings_table
    qtbot.mouseClick(
        readings.viewport(),
        Qt.MouseButton.LeftButton,
        pos=readings.visualItemRect(readings.item(0, 0)).center(),
    )
    qtbot.waitUntil(dialog.apply_button.isEnabled)
    for edit, text in ((dialog.systolic_edit, "122"), (dialog.diastolic_edit, "78")):
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, text)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    dialog.reason_edit.setFocus()
    QTest.keyClicks(dialog.reason_edit, "salah ketik, slip alat 122/78")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Koreksi antrean 3 disimpan" in window.status_line.text(), timeout=10_000
    )

    corrected = next(v for v in desk.visits() if v.queue_number == 3)
    assert corrected.revision == 2
    fixed = corrected.readings[0]
    assert fixed.id == wrong.id  # the same reading, a new version
    assert (fixed.measurement.systolic, fixed.measurement.diastolic) == (122.0, 78.0)
    qtbot.waitUntil(lambda: "Hasil untuk" in app.patient.visible_text())  # rebuilt, shown

    def amended(kind):
        found = server.find(
            "Observation", f"http://sys-ids.kemkes.go.id/observation/{ORG}", f"{wrong.id}-{kind}"
        )
        return found[0] if len(found) == 1 and found[0]["status"] == "amended" else None

    qtbot.waitUntil(lambda: bool(amended("systolic") and amended("diastolic")), timeout=30_000)
    assert amended("systolic")["valueQuantity"]["value"] == 122
    assert amended("diastolic")["valueQuantity"]["value"] == 78
    assert len(server.resources("Observation")) == observations  # updated, never a copy
    assert len(server.resources("Encounter")) == 9
