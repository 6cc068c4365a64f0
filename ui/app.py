"""Starting the desk app: store, devices, station loop, bridge, both windows."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from config.settings import Settings
from station.service import OperatorChanged, Station
from station.store.repository import Store
from station.upload.background import BackgroundUpload
from station.upload.person_lookup import PersonLookup
from station.wiring import (
    build_devices,
    build_station,
    start_pairing_agent,
    system_clock,
)
from ui.async_runner import AsyncRunner
from ui.bridge import StationBridge
from ui.desk.sign_in import SignInPage
from ui.desk.slip_action import SlipPrinting
from ui.gui_gc import GuiThreadCollector
from ui.operator_window import OperatorWindow
from ui.patient import speech_texts
from ui.patient.speech import AudioPlayer, Speaker
from ui.patient_screen import PatientScreen

__all__ = ["DeskApp", "build_desk_app", "report_and_quit"]

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
    speaker: Speaker
    slip: SlipPrinting
    collector: GuiThreadCollector

    def show(self) -> None:
        self.operator.show()
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            # The second monitor faces the person being measured.
            self.patient.show_full_screen(screens[1])
        # On one monitor the patient screen never covers the operator window on its own: it
        # is shown (full screen, for turning the monitor to the person) only while the
        # operator toggles it on with F12 (OperatorWindow.patientScreenToggled).
        self.operator.patientScreenToggled.connect(self._toggle_patient_screen)
        self.operator.patientLanguageToggled.connect(self.patient.toggle_language)
        self.patient.languageChanged.connect(self.operator.show_patient_language)
        self.operator.show_patient_language(self.patient.language)
        # The keyboard belongs to the operator: the patient screen never takes the focus.
        self.operator.activateWindow()

    def _toggle_patient_screen(self) -> None:
        if len(QGuiApplication.screens()) > 1:
            return  # it has its own monitor
        if self.patient.isVisible():
            self.patient.hide()
        else:
            self.patient.show_full_screen()
        # The keyboard stays at the desk either way: the operator goes on typing (and F12
        # brings the desk back) while the monitor faces the person.
        self.operator.activateWindow()

    def close(self) -> None:
        self.operator.idle_lock.close()  # no lock is asked of a station that is stopping
        self.bridge.stop()
        self.speaker.close()  # no sound and no speech process outlives the desk
        self.patient.clear_timer.stop()
        self.operator.close()
        self.patient.close()
        self.runner.submit(self.lookup.aclose()).result(timeout=5)
        self.runner.stop()
        self.station.close()
        self.store.database.close()
        self.collector.close()  # the desk's threads have stopped: collect here, on the GUI


def build_desk_app(
    settings: Settings,
    store: Store,
    *,
    simulate: bool,
    seed: int | None = None,
    pace_s: float | None = None,
    clock: Callable[[], datetime] = system_clock,
    idle_clock: Callable[[], float] = time.monotonic,
    audio_player: AudioPlayer | None = None,
    sign_in_page: SignInPage | None = None,
) -> DeskApp:
    """``clock`` is the station's clock (tests give visits a realistic length with it);
    ``idle_clock`` times the idle lock (monotonic seconds; tests let minutes pass);
    ``audio_player`` plays what the desk says aloud (None: the machine's player);
    ``sign_in_page`` the page the operator is already typing on (ui.desk_start), if any."""
    # First: from here on, garbage cycles are collected on this (the GUI) thread only.
    collector = GuiThreadCollector()
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
        bridge.deliver,
        clock=clock,
        registry=registry,
        sign_in_required=True,
    )
    bridge.attach(station)
    upload = BackgroundUpload(settings, store.database, system_clock, bridge.deliver)
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
        sign_in_page=sign_in_page,
    )
    patient = PatientScreen(
        bridge,
        language=settings.station.patient_language,
        clear_after_s=settings.station.patient_screen_clear_seconds,
    )
    # The result slip: printed from beside Cancel (Ctrl+P), or on confirm when set, in
    # the patient screen's language for the visit.
    slip = SlipPrinting(
        bridge, settings, parent=operator, show_message=operator.status_bar.showMessage
    )
    operator.review_panel.add_action(slip.button)
    patient.languageChanged.connect(slip.set_language)
    operator.operatorLanguageChanged.connect(slip.set_operator_language)
    speaker = _build_speaker(settings, bridge, operator, patient, audio_player)
    # The window opens on the sign-in page (or the first admin's setup); the first sign-in
    # offers a visit a crash left open for resume (issue 11).
    bridge.announce_operator()
    return DeskApp(
        store, runner, station, bridge, operator, patient, lookup, speaker, slip, collector
    )


def _build_speaker(
    settings: Settings,
    bridge: StationBridge,
    operator: OperatorWindow,
    patient: PatientScreen,
    player: AudioPlayer | None,
) -> Speaker:
    """Speaking aloud on the patient screen (issue 13, ``[station] speak``, off by default):
    the queue call and the results as the patient screen shows them, in its language."""
    speak = settings.station.speak
    speaker = Speaker(enabled=speak, lang=settings.station.patient_language, player=player)
    # The patient screen resets its language on a new call before the speaker speaks it
    # (it was connected first), and F9 changes both.
    patient.languageChanged.connect(speaker.set_language)
    bridge.queueCalled.connect(speaker.on_queue_called)
    bridge.visitConfirmed.connect(speaker.on_confirmed)
    bridge.visitCorrected.connect(speaker.on_corrected)
    # Whenever the patient screen clears, nothing of that person is left to repeat.
    patient.clear_timer.timeout.connect(speaker.forget)
    bridge.visitClosed.connect(lambda _event: speaker.forget())
    bridge.queueSkipped.connect(lambda _event: speaker.forget())
    bridge.operatorChanged.connect(
        lambda event: speaker.forget() if event.operator is None else None
    )
    if speak:
        operator.status_bar.offer_speech(speaker.repeat, speaker.problem)
    # A recall is announced by the speaker's chime; the system beep only without it.
    patient.beep_on_recall = not speaker.available
    problem = speaker.problem
    if problem is not None:
        # Said once, on the desk's notice line at the first sign-in (the next call clears it);
        # the status bar keeps "speech off" with the reason in its tooltip.
        said = False

        def say_once(event: OperatorChanged) -> None:
            nonlocal said
            if event.operator is not None and not said:
                said = True
                operator.notice.say(lambda lang: speech_texts.tr(problem, lang), error=True)

        bridge.operatorChanged.connect(say_once)
    return speaker


def report_and_quit(app: QApplication, desk: DeskApp) -> None:
    """What the desk shows, as one JSON line on stdout, then quit (``--quit-after``: a
    bundle's smoke test that Qt's plugins, the translations and the database all worked)."""
    window = desk.operator
    shown = {
        "window": window.windowTitle(),
        "visible": window.isVisible(),
        "page": "sign-in" if window.locked else "desk",
        "language": window.language,
        "sign_in": window.sign_in_page.box.title(),
        "platform": QGuiApplication.platformName(),
    }
    sys.stdout.write(json.dumps(shown, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    app.quit()
