"""The queue part of the desk: the number being served, call next, recall, skip."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from station.desk_state import Action
from ui.desk.shortcuts import with_shortcut
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["QueuePanel"]


class QueuePanel(QGroupBox):
    """Shows the called number; its buttons emit what the operator asked for and are
    enabled only from the actions the station allows (``show_allowed``)."""

    callNext = Signal()
    recall = Signal()
    skip = Signal()

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self._lang = lang
        self.number_label = named(QLabel("—"), "queueNumberLabel")
        big = QFont()
        big.setPointSize(36)
        big.setBold(True)
        self.number_label.setFont(big)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.call_next_button = named(QPushButton(), "callNextButton")
        self.recall_button = named(QPushButton(), "recallButton")
        self.skip_button = named(QPushButton(), "skipButton")
        self._show_texts()
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addWidget(self.call_next_button)
        layout.addWidget(self.recall_button)
        layout.addWidget(self.skip_button)
        for button, signal in (
            (self.call_next_button, self.callNext),
            (self.recall_button, self.recall),
            (self.skip_button, self.skip),
        ):
            button.clicked.connect(lambda _c=False, s=signal: self._pressed(s))
        self.show_allowed(frozenset())

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text again, in it."""
        self._lang = lang
        self._show_texts()

    def _show_texts(self) -> None:
        lang = self._lang
        self.setTitle(tr("queue", lang))
        with_shortcut(self.call_next_button, tr("call_next", lang), "F2")
        with_shortcut(self.recall_button, tr("recall", lang), "F3")
        with_shortcut(self.skip_button, tr("skip", lang), "F4")

    def _pressed(self, signal: SignalInstance) -> None:
        # Until the station answers (show_allowed), a second press sends nothing.
        self.show_allowed(frozenset())
        signal.emit()

    def show_number(self, number: int | None) -> None:
        self.number_label.setText("—" if number is None else str(number))

    def show_allowed(self, allowed: frozenset[Action]) -> None:
        self.call_next_button.setEnabled(Action.CALL_NEXT in allowed)
        self.recall_button.setEnabled(Action.RECALL in allowed)
        self.skip_button.setEnabled(Action.SKIP in allowed)
