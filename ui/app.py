"""Starting the desk app: store, devices, station loop, bridge, both windows."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from config.settings import Settings
from station.service import Station
from station.store.database import DatabaseError
from station.store.repository import Store
from station.upload.background import BackgroundUpload
from station.upload.person_lookup import PersonLookup
from station.wiring import (
    build_devices,
    build_station,
    open_store,
    start_pairing_agent,
    system_clock,
)
from ui.async_runner import AsyncRunner
from ui.bridge import StationBridge
from ui.operator_window import OperatorWindow
from ui.patient_screen import PatientScreen
from ui.qt_health import QtBuildFault, check_qt_build

__all__ = ["DeskApp", "build_desk_app", "run_desk_app"]

_LOGGER = logging.getLogger(__name__)


@dataclass
class DeskApp:
    """Everything one desk runs; ``close`` stops it in the right order."""

    store: Store
    runner: AsyncRunner
    station: Station
    bridge: StationBridge
    operator: OperatorWindow
    patient: PatientScreen
    lookup: PersonLookup

    def show(self) -> None:
        self.operator.show()
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            # The second monitor faces the person being measured.
            self.patient.setGeometry(screens[1].availableGeometry())
            self.patient.showFullScreen()
        # On one monitor the patient screen never covers the operator window on its own: it
        # is shown (full screen, for turning the monitor to the person) only while the
        # operator toggles it on with F12 (OperatorWindow.patientScreenToggled).
        self.operator.patientScreenToggled.connect(self._toggle_patient_screen)
        # The keyboard belongs to the operator: the patient screen never takes the focus.
        self.operator.activateWindow()

    def _toggle_patient_screen(self) -> None:
        if len(QGuiApplication.screens()) > 1:
            return  # it has its own monitor
        if self.patient.isVisible():
            self.patient.hide()
            self.operator.activateWindow()
        else:
            self.patient.showFullScreen()

    def close(self) -> None:
        self.operator.idle_lock.close()  # no lock is asked of a station that is stopping
        self.bridge.stop()
        self.patient.clear_timer.stop()
        self.operator.close()
        self.patient.close()
        self.runner.submit(self.lookup.aclose()).result(timeout=5)
        self.runner.stop()
        self.station.close()
        self.store.database.close()


def build_desk_app(
    settings: Settings,
    store: Store,
    *,
    simulate: bool,
    seed: int | None = None,
    pace_s: float | None = None,
    clock: Callable[[], datetime] = system_clock,
    idle_clock: Callable[[], float] = time.monotonic,
) -> DeskApp:
    """``clock`` is the station's clock (tests give visits a realistic length with it);
    ``idle_clock`` times the idle lock (monotonic seconds; tests let minutes pass)."""
    runner = AsyncRunner()
    bridge = StationBridge(runner)
    devices = build_devices(settings, simulate=simulate, seed=seed, pace_s=pace_s)
    # SATUSEHAT look-up of a person being identified: in the background, never blocking.
    lookup = PersonLookup(settings, store.database, system_clock)
    registry = lookup.look_up if lookup.not_configured is None else None
    station = build_station(
        settings,
        store,
        devices,
        bridge.dispatch,
        clock=clock,
        registry=registry,
        sign_in_required=True,
    )
    bridge.attach(station)
    upload = BackgroundUpload(settings, store.database, system_clock, bridge.upload_status)
    bridge.attach_upload(upload)
    runner.start()
    runner.submit(upload.run())
    if not simulate:
        # Registers the BlueZ agent (Linux, Bluetooth devices configured); never blocks the UI.
        runner.submit(start_pairing_agent(settings))
    operator = OperatorWindow(
        bridge,
        station_id=settings.station.id,
        lang=settings.station.operator_language,
        database=store.database.display_url,
        checks_registry=registry is not None,
        lock_after_minutes=settings.station.lock_after_minutes,
        idle_clock=idle_clock,
    )
    patient = PatientScreen(
        bridge,
        language=settings.station.patient_language,
        clear_after_s=settings.station.patient_screen_clear_seconds,
    )
    # The window opens on the sign-in page (or the first admin's setup); the first sign-in
    # offers a visit a crash left open for resume (issue 11).
    bridge.announce_operator()
    return DeskApp(store, runner, station, bridge, operator, patient, lookup)


def run_desk_app(settings: Settings, *, simulate: bool) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    try:
        check_qt_build()
    except QtBuildFault as exc:
        sys.stderr.write(f"error: {exc}\n")
        QMessageBox.critical(None, "Vitals station", str(exc))
        return 2
    try:
        store = open_store(settings)
    except DatabaseError as exc:
        QMessageBox.critical(None, "Vitals station", str(exc))
        sys.stderr.write(f"error: {exc}\n")
        return 2
    desk = build_desk_app(settings, store, simulate=simulate)
    desk.show()
    app.lastWindowClosed.connect(app.quit)
    try:
        return app.exec()
    finally:
        desk.close()
