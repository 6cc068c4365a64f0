"""Screenshots of both windows during a simulated desk session: ``python -m ui.screenshot OUT``.

Drives the real app (temporary database, simulated devices) through two visits and saves
``operator.png`` (just before confirming the first), ``patient.png`` (after confirming it),
``operator-critical.png`` (the second person's critical result), and ``operator-upload.png``
with ``upload-problems.png`` (the upload indicator and problem list, sample entries).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication, QTableWidget

from config.settings import Settings
from devices.simulators import SimulatedBloodPressureCuff
from station.service import DeviceRole
from station.store.database import open_database
from station.store.models import OutboxStatus
from station.store.outbox import ProblemEntry
from station.store.repository import Store
from station.upload.background import UploadStatus
from ui.app import DeskApp, build_desk_app

WAIT_LIMIT_MS = 20_000


def _wait_until(app: QApplication, condition: Callable[[], bool]) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > WAIT_LIMIT_MS:
            raise TimeoutError("the app did not reach the expected state")
        app.processEvents()


def _rows_reach(table: QTableWidget, rows: int) -> Callable[[], bool]:
    return lambda: table.rowCount() == rows


def _critical_visit(app: QApplication, desk: DeskApp, out: Path) -> None:
    """A second person with a critical blood pressure: referral, next step, and the box that
    must be filled in before the visit can be confirmed."""
    window = desk.operator
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    assert isinstance(cuff, SimulatedBloodPressureCuff)
    for values in ((194.0, 118.0, 92.0), (188.0, 114.0, 90.0), (186.0, 112.0, 90.0)):
        cuff.queue_values(*values)
    _wait_until(app, window.call_next_button.isEnabled)
    window.call_next_button.click()
    _wait_until(app, lambda: window.queue_label.text() == "2")
    window.nik_edit.setText("3201020304550003")
    window.name_edit.setText("Budi Santoso")
    window.start_visit_button.click()
    for rows in (1, 2, 3):
        _wait_until(app, window.bp_panel.button.isEnabled)
        window.bp_panel.button.click()
        _wait_until(app, _rows_reach(window.readings_table, rows))
    _wait_until(app, window.critical_box.isVisible)
    window.grab().save(str(out / "operator-critical.png"))


def _upload_problems(app: QApplication, desk: DeskApp, out: Path) -> None:
    """The upload problem list as it looks with one refused and one failing visit (sample
    entries: this script runs without a SATUSEHAT server)."""
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
    )
    indicator = desk.operator.upload_indicator
    indicator.show_status(status)
    indicator.dialog.show()
    app.processEvents()
    desk.operator.grab().save(str(out / "operator-upload.png"))
    indicator.dialog.grab().save(str(out / "upload-problems.png"))
    indicator.dialog.hide()


def main(out: Path) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.model_validate({"database": {"url": f"sqlite:///{folder}/s.db"}})
        desk = build_desk_app(
            settings, Store(open_database(settings.database.url)), simulate=True, seed=4, pace_s=0.0
        )
        desk.show()
        window = desk.operator
        # Enabled once the desk has looked for a visit a crash left open.
        _wait_until(app, window.call_next_button.isEnabled)
        window.call_next_button.click()
        _wait_until(app, lambda: window.queue_label.text() != "—")
        window.identify_panel.identified.emit("3174015507850002", "Siti Rahayu", date(1985, 7, 15))
        _wait_until(app, window.bp_panel.button.isEnabled)
        for role, rows in (
            (DeviceRole.BLOOD_PRESSURE, 1),
            (DeviceRole.BLOOD_PRESSURE, 2),
            (DeviceRole.OXIMETER, 3),
        ):
            panel = window.bp_panel if role is DeviceRole.BLOOD_PRESSURE else window.spo2_panel
            _wait_until(app, panel.button.isEnabled)
            panel.button.click()
            _wait_until(app, _rows_reach(window.readings_table, rows))
        _wait_until(app, window.confirm_button.isEnabled)
        window.grab().save(str(out / "operator.png"))
        window.confirm_button.click()
        _wait_until(app, lambda: "Siti" in desk.patient.visible_text())
        desk.patient.grab().save(str(out / "patient.png"))
        # The second person of the session has a critical blood pressure.
        _critical_visit(app, desk, out)
        _upload_problems(app, desk, out)
        desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
