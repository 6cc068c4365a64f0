"""The patient screen: a second top-level window in large type, Bahasa Indonesia by default.

It shows the queue number being called, then the person's confirmed results in plain words,
then clears itself. It never shows the NIK; only the first name identifies the person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from station.checks.engine import advice_for
from station.service import QueueCalled, VisitClosed, VisitConfirmed, VisitCorrected
from ui.bridge import StationBridge
from ui.formatting import results_lines
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["PatientScreen"]


class PatientScreen(QWidget):
    def __init__(self, bridge: StationBridge, *, language: Language, clear_after_s: int) -> None:
        super().__init__()
        self._lang = language
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
        self._headline.setStyleSheet("font-size: 56px; font-weight: bold;")
        self._body = named(QLabel(), "patientBody")
        self._body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body.setWordWrap(True)
        self._body.setStyleSheet("font-size: 40px;")
        self._simulator = named(QLabel(tr("patient_simulator", language)), "patientSimulator")
        self._simulator.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._simulator.setStyleSheet(
            "background: #ffd400; color: black; font-size: 30px; font-weight: bold; padding: 10px;"
        )
        self._disclaimer = named(QLabel(tr("patient_disclaimer", language)), "patientDisclaimer")
        self._disclaimer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._disclaimer.setWordWrap(True)
        self._disclaimer.setStyleSheet("font-size: 22px;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.addWidget(self._headline)
        layout.addWidget(self._body, stretch=1)
        layout.addWidget(self._simulator)
        layout.addWidget(self._disclaimer)

        self.clear_timer = named(QTimer(self), "patientClearTimer")
        self.clear_timer.setSingleShot(True)
        self.clear_timer.setInterval(clear_after_s * 1000)
        self.clear_timer.timeout.connect(self.show_idle)

        bridge.queueCalled.connect(self._on_queue_called)
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
        parts = [self._headline.text(), self._body.text()]
        if not self._simulator.isHidden():
            parts.append(self._simulator.text())
        if not self._disclaimer.isHidden():
            parts.append(self._disclaimer.text())
        return "\n".join(parts)

    @Slot()
    def show_idle(self) -> None:
        self.clear_timer.stop()
        self._headline.setText(tr("welcome", self._lang))
        self._body.setText(tr("welcome_sub", self._lang))
        self._simulator.hide()
        self._disclaimer.hide()

    @Slot(object)
    def _on_queue_called(self, event: QueueCalled) -> None:
        """The number and the desk to go to; a recall shows it again with a chime (the
        system's beep until the patient screen's own sounds exist, issue 13)."""
        self.clear_timer.stop()
        self._headline.setText(f"{tr('queue', self._lang)} {event.queue_number}")
        self._body.setText(tr("please_come", self._lang, desk=event.station_id))
        self._simulator.hide()
        self._disclaimer.hide()
        if event.recall:
            QApplication.beep()

    @Slot(object)
    def _on_confirmed(self, event: VisitConfirmed | VisitCorrected) -> None:
        first_name = event.visit.person.name.split()[0]
        self._headline.setText(tr("results_for", self._lang, name=first_name))
        lines = results_lines(event.results, self._lang)
        evaluation = event.results.evaluation
        if evaluation is not None:
            # Plain-language advice for the person, never the clinical grade names.
            patient_advice = advice_for(evaluation.referral)[1]
            lines.append("")
            lines.append(patient_advice[0] if self._lang == "id" else patient_advice[1])
        self._body.setText("\n".join(lines))
        self._simulator.setVisible(event.results.any_simulated)
        self._disclaimer.show()
        self.clear_timer.start()

    @Slot(object)
    def _on_closed(self, _event: VisitClosed) -> None:
        self.show_idle()
