"""The "Today" tab: the day's list and summary (ui.desk.day) with the same-day correction of
a selected visit (ui.desk.correction). No database work here: the window asks the station
for the visit (``correctionRequested``) and hands back what it sent (``open_correction``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from station.corrections import Correction
from station.service import CorrectionOpened, DayLoaded
from ui.desk.correction import CorrectionDialog
from ui.desk.day import DayView
from ui.desk.shortcuts import with_shortcut
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["DayTab"]


class DayTab(QWidget):
    correctionRequested = Signal(str)  # visit id: ask the station for it
    correctionChosen = Signal(str, object)  # visit id, Correction: store it

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self._lang = lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self._day: DayLoaded | None = None
        self.correct_button = named(QPushButton(), "correctVisitButton")
        with_shortcut(self.correct_button, tr("correct_visit", lang), "Ctrl+K")
        self.correct_button.setEnabled(False)
        layout.addWidget(self.correct_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.day_view = DayView(lang)
        view_layout = self.day_view.layout()
        if view_layout is not None:
            view_layout.setContentsMargins(0, 0, 0, 0)  # in line with the button above
        layout.addWidget(self.day_view, stretch=1)
        self.correction_dialog: CorrectionDialog | None = None
        self.day_view.table.itemSelectionChanged.connect(self._selection_changed)
        self.correct_button.clicked.connect(self._ask)

    def selected_visit(self) -> str | None:
        items = self.day_view.table.selectedItems()
        visit_id = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        return visit_id if isinstance(visit_id, str) else None

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text again, in it (a correction
        opened from now on is in it too; one open now has the window-modal focus)."""
        self._lang = lang
        with_shortcut(self.correct_button, tr("correct_visit", lang), "Ctrl+K")
        self.day_view.set_language(lang)
        if self._day is not None:
            self.show_day(self._day)

    def show_day(self, event: DayLoaded) -> None:
        """The day as loaded; a refresh keeps the operator's selection."""
        self._day = event
        chosen = self.selected_visit()
        self.day_view.show_data(event.report.visits, event.report.summary)
        if chosen is None:
            return
        table = self.day_view.table
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == chosen:
                table.selectRow(row)

    @Slot()
    def _selection_changed(self) -> None:
        self.correct_button.setEnabled(self.selected_visit() is not None)

    @Slot()
    def _ask(self) -> None:
        visit_id = self.selected_visit()
        if visit_id is not None:
            self.correctionRequested.emit(visit_id)

    def open_correction(self, event: CorrectionOpened) -> None:
        """The correction dialog, window-modal and not blocking (``open``)."""
        dialog = CorrectionDialog(event.visit, self._lang, history=event.history, parent=self)
        dialog.setObjectName("correctionDialog")
        self.correction_dialog = dialog
        visit_id = event.visit.id

        def finished(result: int) -> None:
            correction: Correction | None = dialog.correction()
            if result == QDialog.DialogCode.Accepted and correction is not None:
                self.correctionChosen.emit(visit_id, correction)
            self.correction_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
