"""The desk's notice line: what the desk says (one line of fixed height), or the offer to
resume or cancel a visit a crash left open (issue 11). Neither moves anything when it appears."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.desk.retranslate import Phrase, fixed
from ui.naming import named
from ui.texts import Language, tr

if TYPE_CHECKING:  # the sign-in page shows before the station's service is imported
    from station.service import InterruptedVisit

__all__ = ["NoticeLine"]

ERROR_STYLE = "color: #c62828;"
NOTICE_HEIGHT = 34


class NoticeLine(QWidget):
    resume = Signal(str)  # visit id
    cancelInterrupted = Signal(str)  # visit id

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self._lang = lang
        self._interrupted_id: str | None = None
        self._interrupted: InterruptedVisit | None = None
        self._said: tuple[Phrase, bool] = (fixed(""), False)
        self.setFixedHeight(NOTICE_HEIGHT)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.status_line = named(QLabel(""), "statusLine")
        row.addWidget(self.status_line, stretch=1)
        self.interrupted_box = named(QWidget(), "interruptedVisitBox")
        offer = QHBoxLayout(self.interrupted_box)
        offer.setContentsMargins(0, 0, 0, 0)
        self.interrupted_label = named(QLabel(), "interruptedVisitLabel")
        self.resume_button = named(QPushButton(), "resumeVisitButton")
        self.cancel_interrupted_button = named(QPushButton(), "cancelInterruptedVisitButton")
        offer.addWidget(self.interrupted_label, stretch=1)
        offer.addWidget(self.resume_button)
        offer.addWidget(self.cancel_interrupted_button)
        self.interrupted_box.setStyleSheet("background: #fff3e0;")
        self.interrupted_box.hide()
        row.addWidget(self.interrupted_box, stretch=3)
        self.disclaimer = named(QLabel(), "disclaimer")
        self.disclaimer.setStyleSheet("color: #555;")
        row.addWidget(self.disclaimer)
        self.resume_button.clicked.connect(lambda: self._answer(self.resume))
        self.cancel_interrupted_button.clicked.connect(lambda: self._answer(self.cancelInterrupted))
        self._show_texts()

    def say(self, phrase: Phrase | str, error: bool = False) -> None:
        """Show ``phrase`` (a text in the desk's language, or one kept as ``Phrase`` to be
        said again in another language; a plain ``str`` stays as it is)."""
        self._said = (fixed(phrase) if isinstance(phrase, str) else phrase, error)
        self._show_said()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: what the line says, again, in it."""
        self._lang = lang
        self._show_texts()

    def _show_texts(self) -> None:
        lang = self._lang
        self.resume_button.setText(tr("resume", lang))
        self.cancel_interrupted_button.setText(tr("cancel_interrupted", lang))
        self.disclaimer.setText(tr("disclaimer", lang))
        self._show_said()
        self._show_interrupted()

    def _show_said(self) -> None:
        phrase, error = self._said
        self.status_line.setText(phrase(self._lang))
        self.status_line.setStyleSheet(ERROR_STYLE if error else "")

    @Slot(object)
    def offer(self, event: InterruptedVisit) -> None:
        self._interrupted_id = event.visit.id
        self._interrupted = event
        self._show_interrupted()
        self.status_line.hide()
        self.interrupted_box.show()

    def _show_interrupted(self) -> None:
        if self._interrupted is None:
            return
        visit = self._interrupted.visit
        self.interrupted_label.setText(
            tr(
                "interrupted",
                self._lang,
                queue=visit.queue_number,
                name=visit.person.name,
                readings=len(visit.readings),
            )
        )

    def _answer(self, signal: object) -> None:
        visit_id, self._interrupted_id = self._interrupted_id, None
        self._interrupted = None
        self.interrupted_box.hide()
        self.status_line.show()
        if visit_id is not None:
            signal.emit(visit_id)  # type: ignore[attr-defined]
