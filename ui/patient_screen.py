"""The patient screen: a second top-level window in large type, Bahasa Indonesia by default.

It shows the queue number being called, what to do while a device measures (with the live
cuff pressure), then the person's confirmed results (ui.patient.results_view: each value's
level in words, icon and colour, and the previous visit's value), then clears itself after
``patient_screen_clear_seconds`` or when the next number is called. It never shows the NIK;
only the first name identifies the person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from devices.device import DeviceState
from station.events import DeviceRole, DeviceUpdate, VisitOpened
from station.result_lines import result_lines
from station.service import QueueCalled, VisitClosed, VisitConfirmed, VisitCorrected
from ui.bridge import StationBridge
from ui.finding_texts import advice_text
from ui.formatting import number
from ui.naming import named
from ui.patient import result_texts as words
from ui.patient.results_view import ResultsView, px
from ui.texts import Language, tr

__all__ = ["PatientScreen"]


class PatientScreen(QWidget):
    # The person's language changed (F9 at the desk): the slip and speech follow it.
    languageChanged = Signal(str)

    def __init__(self, bridge: StationBridge, *, language: Language, clear_after_s: int) -> None:
        super().__init__()
        self._lang = language
        self._default_lang = language  # each visit starts in the settings' language
        self._again: Callable[[], None] | None = None  # what is shown, drawn again
        self.beep_on_recall = True  # off when the speaker chimes (ui.app)
        self.setObjectName("patientScreen")
        # Shown to the person measured; the operator's keyboard stays with the desk window.
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setWindowTitle(tr("patient_title", language))
        self.setStyleSheet(
            "QWidget#patientScreen { background: #0b3d5c; } QLabel { color: white; }"
        )
        self.resize(1024, 640)

        self._headline = named(QLabel(), "patientHeadline")
        self._headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body = named(QLabel(), "patientBody")
        self._body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body.setWordWrap(True)
        self.results_view = named(ResultsView(), "patientResults")
        self.results_view.hide()
        self._visit_open = False  # the live measuring hints only while someone is measured
        self._simulator = named(QLabel(tr("patient_simulator", language)), "patientSimulator")
        self._simulator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._disclaimer = named(QLabel(tr("patient_disclaimer", language)), "patientDisclaimer")
        self._disclaimer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._disclaimer.setWordWrap(True)
        self._scale = 1.0  # the screen against 1366x768: the type grows with it
        self._apply_type()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self._headline)
        layout.addWidget(self._body, stretch=1)
        layout.addWidget(self.results_view, stretch=1)
        layout.addWidget(self._simulator)
        layout.addWidget(self._disclaimer)

        self.clear_timer = named(QTimer(self), "patientClearTimer")
        self.clear_timer.setSingleShot(True)
        self._clear_ms = clear_after_s * 1000
        self.clear_timer.setInterval(self._clear_ms)
        self.clear_timer.timeout.connect(self.show_idle)

        bridge.queueCalled.connect(self._on_queue_called)
        bridge.visitOpened.connect(self._on_visit_opened)
        bridge.deviceUpdated.connect(self._on_device)
        bridge.visitConfirmed.connect(self._on_confirmed)
        # A same-day correction: the person's results as rebuilt (if they are still there).
        bridge.visitCorrected.connect(self._on_confirmed)
        bridge.visitClosed.connect(self._on_closed)
        bridge.queueSkipped.connect(lambda _event: self.show_idle())
        # The desk locked (issue 12): nothing of anyone stays on this screen either.
        bridge.operatorChanged.connect(
            lambda event: self.show_idle() if event.operator is None else None
        )
        self.show_idle()

    def visible_text(self) -> str:
        """Everything the screen currently says (for tests and audits)."""
        parts = [self._headline.text()]
        if self.results_view.isHidden():
            parts.append(self._body.text())
        else:
            parts.extend(self.results_view.texts())
        if not self._simulator.isHidden():
            parts.append(self._simulator.text())
        if not self._disclaimer.isHidden():
            parts.append(self._disclaimer.text())
        return "\n".join(parts)

    def _apply_type(self) -> None:
        scale = self._scale
        self._headline.setStyleSheet(f"font-size: {px(48, scale)}; font-weight: bold;")
        self._body.setStyleSheet(f"font-size: {px(40, scale)};")
        self._simulator.setStyleSheet(
            f"background: #ffd400; color: black; font-size: {px(30, scale)}; "
            f"font-weight: bold; padding: {px(10, scale)};"
        )
        self._disclaimer.setStyleSheet(f"font-size: {px(22, scale)};")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Readable from two metres on any screen: type in proportion to 1366x768."""
        super().resizeEvent(event)
        scale = round(max(1.0, min(self.width() / 1366, self.height() / 768)), 2)
        if scale != self._scale:
            self._scale = scale
            self._apply_type()
            if self._again is not None:
                self._again()

    @property
    def language(self) -> Language:
        return self._lang

    def toggle_language(self) -> Language:
        """The other language for this person (until the next number is called)."""
        self.set_language("en" if self._lang == "id" else "id")
        return self._lang

    def set_language(self, lang: Language) -> None:
        """Everything on show again in ``lang``; the clearing timer runs on as it was."""
        if lang == self._lang:
            return
        self._lang = lang
        self.setWindowTitle(tr("patient_title", lang))
        self._simulator.setText(tr("patient_simulator", lang))
        self._disclaimer.setText(tr("patient_disclaimer", lang))
        if self._again is not None:
            self._again()  # never touches the clearing timer: no extra time on show
        self.languageChanged.emit(lang)

    @Slot()
    def show_idle(self) -> None:
        self.clear_timer.stop()
        self._visit_open = False
        self._show_idle_texts()
        self._again = self._show_idle_texts

    def _show_idle_texts(self) -> None:
        self._show_message(tr("welcome", self._lang), tr("welcome_sub", self._lang))

    def show_full_screen(self, screen: QScreen | None = None) -> None:
        """Full screen on ``screen`` (None: the primary one) without taking the keyboard:
        ``QWidget.showFullScreen`` also asks for the window to be activated, which would
        take the focus from the desk. The geometry is set too, for a desktop whose window
        manager ignores the full-screen state (or a kiosk PC that runs none)."""
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()

    def _show_message(self, headline: str, body: str) -> None:
        self._headline.setText(headline)
        self._body.setText(body)
        self.results_view.clear()
        self.results_view.hide()
        self._body.show()
        self._simulator.hide()
        self._disclaimer.hide()

    @Slot(object)
    def _on_visit_opened(self, _event: VisitOpened) -> None:
        self._visit_open = True

    @Slot(object)
    def _on_device(self, update: DeviceUpdate) -> None:
        """While a device measures the person: what to do, and the cuff's live pressure."""
        if not self._visit_open:
            return
        event = update.event
        if event.state in (DeviceState.MEASURING, DeviceState.READING_RECEIVED):
            self.clear_timer.stop()
            self._show_device(update)
            self._again = lambda: self._show_device(update)

    def _show_device(self, update: DeviceUpdate) -> None:
        event = update.event
        if event.state is DeviceState.MEASURING:
            if update.role is DeviceRole.BLOOD_PRESSURE:
                hint = words.tr("hold_still", self._lang)
                if event.cuff_pressure is not None:
                    pressure = number(round(event.cuff_pressure))
                    hint += "\n" + words.tr("cuff_pressure", self._lang, value=pressure)
            else:
                hint = words.tr("finger_in", self._lang)
            self._show_message(words.tr("measuring", self._lang), hint)
            self._simulator.setVisible(update.simulated)
        elif event.state is DeviceState.READING_RECEIVED:
            self._show_message(
                words.tr("measuring", self._lang), words.tr("wait_results", self._lang)
            )

    @Slot(object)
    def _on_queue_called(self, event: QueueCalled) -> None:
        """The number and the desk to go to; a recall shows it again with the system's beep,
        or the speaker's chime when speaking aloud is on."""
        self.clear_timer.stop()
        if not event.recall:  # a new person: the settings' language again
            self.set_language(self._default_lang)
        self._show_queue(event)
        self._again = lambda: self._show_queue(event)
        if event.recall and self.beep_on_recall:
            QApplication.beep()

    def _show_queue(self, event: QueueCalled) -> None:
        self._show_message(
            f"{tr('queue', self._lang)} {event.queue_number}",
            tr("please_come", self._lang, desk=event.station_id),
        )

    @Slot(object)
    def _on_confirmed(self, event: VisitConfirmed | VisitCorrected) -> None:
        self._visit_open = False
        self._show_results(event)
        self._again = lambda: self._show_results(event)
        self.clear_timer.start(self._clear_ms)

    def _show_results(self, event: VisitConfirmed | VisitCorrected) -> None:
        first_name = event.visit.person.name.split()[0]
        self._headline.setText(tr("results_for", self._lang, name=first_name))
        advice = ""
        evaluation = event.results.evaluation
        if evaluation is not None:
            # Plain-language advice for the person, never the clinical grade names.
            advice = advice_text(evaluation.referral, "patient", self._lang)
        previous = getattr(event, "previous", None)  # a correction shows no comparison
        earlier = result_lines(event.visit, previous.results) if previous else []
        day = previous.started_at.astimezone().date() if previous else None
        self.results_view.show_results(
            result_lines(event.visit, event.results),
            earlier,
            day,
            advice,
            self._lang,
            scale=self._scale,
        )
        self._body.hide()
        self.results_view.show()
        self._simulator.setVisible(event.results.any_simulated)
        self._disclaimer.show()

    @Slot(object)
    def _on_closed(self, _event: VisitClosed) -> None:
        self.show_idle()
