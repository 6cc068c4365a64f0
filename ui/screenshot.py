"""Screenshots of the desk and the patient screen: ``python -m ui.screenshot OUT``
(default ``docs/screenshots``).

The real app runs as at a clinic (a temporary SQLite database, simulated devices at full
speed; offscreen unless ``QT_QPA_PLATFORM`` says otherwise) and is driven as the tests drive
it: keys and typing through QTest, clicks with the mouse. The station's clock is a
``ShotClock``, which moves only when told: the blood-pressure protocol's minute passes at
once, and the visits spread over a morning (and over the weeks before, for the follow-ups).

The desk is shot at 1366x728 (``FIT_WIDTH`` x ``FIT_HEIGHT``: a 1366x768 screen less a
taskbar), the patient screen at 1366x768:

- ``desk-setup`` (the first start's admin, typed), ``desk-locked`` (locked by hand mid-visit)
  and ``patient-locked``;
- ``desk-idle``, ``desk-identify`` (the NIK's birth-date proposal), ``desk-confirm-person``,
  ``desk-countdown``, ``desk-device-absent`` and ``desk-device-absent-details``,
  ``desk-manual-entry`` (the dialog drawn over the window where Qt centres it),
  ``desk-ready`` (ready to confirm), ``operator-critical``, ``desk-discarded``,
  ``desk-early-confirm``, ``desk-day``, ``desk-correction`` (a same-day correction),
  ``desk-followups``, ``patient-call``, ``patient``, ``patient-critical``, ``patient-compare``
  (a returning person: last visit's values beside today's; also ``patient-compare-1080`` at
  1920x1080), ``patient-high``;
- in English: ``desk-sign-in-en``, ``desk-en``, ``desk-day-en``, ``patient-en``;
- ``operator-upload`` and ``upload-problems`` (the upload indicator and its problem list,
  with sample entries: no SATUSEHAT server runs here).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from devices.simulators import CuffFault
from station.desk_state import Action
from station.service import DeviceRole
from station.store.models import OutboxStatus
from station.store.outbox import ProblemEntry
from station.upload.background import UploadStatus
from ui.screenshot_desk import Desk, Person, ShotClock, at, open_desk, people

__all__ = ["main"]


def earlier_days(database_url: str, out: Path, today: date, returning: Person) -> None:
    """Visits of the weeks before, some referred (the follow-up list has overdue people; the
    ``returning`` person comes back today). No shots."""
    clock = ShotClock(at(today - timedelta(days=40), 8, 10))
    desk = open_desk(database_url, "id", clock, out, seed=2, sign_in_shot="desk-setup")
    try:
        crowd = people(7, today)
        desk.visit(returning, cuff=(148.0, 94.0, 80.0))  # grade 1: follow up within the month
        desk.visit(next(crowd), cuff=(152.0, 96.0, 84.0))
        clock.jump(at(today - timedelta(days=33), 9, 5))
        desk.visit(next(crowd), cuff=(146.0, 92.0, 77.0))
        clock.jump(at(today - timedelta(days=6), 10, 20))
        desk.visit(next(crowd), cuff=(168.0, 104.0, 88.0))  # grade 2: the same day
        desk.visit(next(crowd))
    finally:
        desk.app.close()


def clinic_day(database_url: str, out: Path, today: date, returning: Person) -> None:
    """Today's morning at desk-1 in Bahasa Indonesia, with the shots along the way."""
    clock = ShotClock(at(today, 7, 55))
    desk = open_desk(database_url, "id", clock, out, seed=4)
    window = desk.window
    crowd = people(11, today)
    try:
        desk.shot("desk-idle")

        # 1. Called, identified with the NIK's birth date, confirmed, measured.
        first = next(crowd)
        desk.call()
        desk.patient_shot("patient-call")
        desk.enter_nik(first[0])
        desk.enter_name(first[1])
        desk.shot("desk-identify")
        desk.take_nik_birth_date()
        desk.shot("desk-confirm-person")
        desk.start_visit()
        desk.measure_bp()
        # The health worker steps away: locked by hand, the visit kept, nothing on show.
        desk.lock()
        desk.shot("desk-locked")
        desk.patient_shot("patient-locked")
        desk.sign_in()
        clock.advance(17)  # the operator looks at the reading: the button counts down
        desk.wait(lambda: 0 < window.bp_panel.countdown_s < 60, "the countdown")
        desk.shot("desk-countdown")
        desk.bp_protocol()
        desk.measure_spo2()
        desk.shot("desk-ready")
        desk.confirm(first[1].split()[0])
        desk.patient_shot("patient")
        clock.advance(9 * 60)

        # 2. The cuff is switched off: its advice, its details; the values typed by hand.
        second = next(crowd)
        desk.call()
        desk.identify(second)
        desk.cuff.fault = CuffFault.ABSENT
        desk.key(Qt.Key.Key_F5)
        desk.wait(lambda: "Manset tidak" in window.bp_panel.state_label.text(), "the advice")
        desk.shot("desk-device-absent")
        desk.click(window.bp_panel.status.details_button)
        desk.wait(window.bp_panel.status.detail_label.isVisible, "the details")
        desk.shot("desk-device-absent-details")
        desk.click(window.bp_panel.status.details_button)
        desk.cuff.fault = None
        desk.open_manual(
            DeviceRole.BLOOD_PRESSURE, {"systolic": "132", "diastolic": "84", "pulse_rate": "76"}
        )
        desk.shot("desk-manual-entry")
        desk.save_manual()
        desk.bp_protocol()  # the cuff is back on
        desk.measure_spo2()
        desk.confirm(second[1].split()[0])
        clock.advance(7 * 60)

        # 3. Nobody comes: skipped.
        desk.call()
        clock.advance(60)
        desk.key(Qt.Key.Key_F4)
        desk.wait(lambda: "dilewati" in window.status_line.text(), "the number skipped")
        clock.advance(60)

        # 4. A critical blood pressure, acknowledged before confirming.
        fourth = next(crowd)
        for _reading in range(3):
            desk.cuff.queue_values(192.0, 118.0, 88.0)
        desk.call()
        desk.identify(fourth)
        desk.bp_protocol()
        desk.wait(window.critical_box.isVisible, "the critical box")
        desk.shot("operator-critical")
        desk.acknowledge_referred()
        desk.measure_spo2()
        desk.confirm(fourth[1].split()[0])
        desk.patient_shot("patient-critical")
        clock.advance(12 * 60)

        # 5. A reading discarded with its reason, then the protocol again.
        fifth = next(crowd)
        desk.call()
        desk.identify(fifth)
        desk.measure_bp()
        desk.discard_first("manset lepas")
        desk.measure_bp()
        desk.unselect_reading()  # the discarded row as it looks once the operator moves on
        desk.shot("desk-discarded")
        desk.bp_protocol()
        desk.measure_spo2()
        desk.confirm(fifth[1].split()[0])
        clock.advance(10 * 60)

        # 6. Only SpO2 today: confirmed early with its reason.
        sixth = next(crowd)
        desk.call()
        desk.identify(sixth)
        desk.measure_spo2()
        desk.allowed(Action.CONFIRM_EARLY)
        desk.click(window.early_reason_edit)
        desk.type("lengan kanan cedera, tidak bisa dipasang manset")
        desk.shot("desk-early-confirm")
        desk.confirm(sixth[1].split()[0])
        clock.advance(14 * 60)

        # 7-11. A returning person (referred 40 days ago) and others, two of them referred.
        desk.visit(returning, cuff=(142.0, 91.0, 79.0))
        desk.patient_shot("patient-compare")  # 148/94 forty days ago
        desk.patient_shot("patient-compare-1080", QSize(1920, 1080))
        desk.visit(next(crowd))
        desk.visit(next(crowd), cuff=(158.0, 97.0, 82.0))
        desk.patient_shot("patient-high")
        desk.visit(next(crowd))
        desk.visit(next(crowd), cuff=(164.0, 102.0, 90.0))

        desk.show_tab(window.day_tab)
        desk.wait(lambda: window.day_view.table.rowCount() == 10, "the day's list")
        desk.shot("desk-day")
        # The second person's first typed value was misread: corrected, with the reason.
        desk.open_correction(2, {"systolic": "122", "diastolic": "78"}, "salah baca, slip 122/78")
        desk.shot("desk-correction")
        desk.save_correction(2)
        desk.show_tab(window.followups_view)
        desk.wait(lambda: window.followups_view.table.rowCount() > 3, "the follow-ups")
        desk.shot("desk-followups")
        desk_page = window.tabs.widget(0)
        assert desk_page is not None
        desk.show_tab(desk_page)
        upload_shots(desk)
    finally:
        desk.app.close()


def english_desk(database_url: str, out: Path, today: date) -> None:
    """The same desk in English, later that morning: a visit ready to confirm, the patient
    screen after it, and the day."""
    clock = ShotClock(at(today, 11, 40))
    desk = open_desk(database_url, "en", clock, out, seed=6, sign_in_shot="desk-sign-in-en")
    window = desk.window
    try:
        person = next(people(23, today))
        desk.call()
        desk.identify(person)
        desk.bp_protocol()
        desk.measure_spo2()
        desk.shot("desk-en")
        desk.confirm(person[1].split()[0])
        desk.patient_shot("patient-en")
        desk.show_tab(window.day_tab)
        desk.wait(lambda: window.day_view.table.rowCount() == 11, "the day's list")
        desk.shot("desk-day-en")
    finally:
        desk.app.close()


def upload_shots(desk: Desk) -> None:
    """The upload indicator and problem list as they look with one refused and one failing
    visit (sample entries: this script runs without a SATUSEHAT server)."""
    now = datetime.now(UTC)
    problems = (
        ProblemEntry(
            1,
            "v1",
            4,
            "Dewi Lestari",
            "3174************",
            now,
            "r1",
            OutboxStatus.DEAD,
            1,
            None,
            "Pasien dengan NIK 3174************ tidak terdaftar di SATUSEHAT; daftarkan dulu "
            "(SATUSEHAT Mobile/ASIK), lalu kirim ulang.",
            (),
        ),
        ProblemEntry(
            2,
            "v2",
            7,
            "Agus Wijaya",
            "3201************",
            now,
            "r2",
            OutboxStatus.DEAD,
            1,
            None,
            "SATUSEHAT rejected transaction (HTTP 400): Wrong organization ID provided by "
            "system URL: http://sys-ids.kemkes.go.id/encounter/100025753",
            (10117,),
        ),
        ProblemEntry(
            3,
            "v3",
            9,
            "Putri Hasanah",
            "3578************",
            now,
            "r3",
            OutboxStatus.FAILED,
            3,
            now + timedelta(minutes=2),
            "SATUSEHAT transaction failed after 3 attempt(s): HTTP 503 'Service Unavailable'",
            (),
        ),
    )
    status = UploadStatus(
        counts={"pending": 2, "sending": 0, "sent": 41, "failed": 1, "dead": 2},
        last_upload=now,
        last_error=problems[2].error,
        paused_reason=None,
        problems=problems,
        visits={"waiting": 2, "sent": 14, "dead": 2},
    )
    indicator = desk.window.upload_indicator
    # The sample stays shown: the desk's own upload status (paused here) no longer reaches it.
    desk.app.bridge.uploadStatus.disconnect(indicator.show_status)
    indicator.show_status(status)
    desk.shot("operator-upload")
    indicator.dialog.show()
    desk.shot("upload-problems", indicator.dialog)
    indicator.dialog.hide()


def main(out: Path) -> int:
    existing = QApplication.instance()
    _app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    today = datetime.now(UTC).astimezone().date()
    returning = next(people(3, today))
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/station.db"
        earlier_days(url, out, today, returning)
        clinic_day(url, out, today, returning)
        english_desk(url, out, today)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no windows on the screen
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
