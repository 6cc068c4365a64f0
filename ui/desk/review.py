"""The review part of the desk: the visit's readings (discard one with a reason), what the
checks found, the result that counts with its referral and next step, a critical result's
acknowledgement, and Confirm / Cancel (an early confirm needs a reason)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.checks import Finding, Severity
from station.checks.engine import Evaluation
from station.checks.rulesets import Referral
from station.desk_state import Action
from station.results import VisitResults
from station.service import Acknowledgement, CriticalAction
from station.store.repository import StoredReading
from ui.desk.shortcuts import with_shortcut
from ui.desk.steady import keep_space_when_hidden
from ui.finding_texts import advice_text, worded_text
from ui.formatting import (
    SEVERITY_COLOURS,
    SEVERITY_ORDER,
    finding_line,
    reading_text,
    results_lines,
    source_text,
)
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["ReviewPanel"]

REFERRAL_COLOURS = {
    Referral.NONE: "#2e7d32",
    Referral.FOLLOW_UP: "#8d6e00",
    Referral.SAME_DAY: "#e65100",
    Referral.URGENT: "#b71c1c",
}
GREYED = "#888888"


class ReviewPanel(QWidget):
    confirm = Signal(object, object)  # Acknowledgement | None, early reason str | None
    cancel = Signal()
    discard = Signal(str, str)  # reading id, reason

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self._lang = lang
        self._allowed: frozenset[Action] = frozenset()
        self._evaluation: Evaluation | None = None
        self._stored_findings: list[Finding] = []
        self._ignored: list[str] = []  # why the device's stored or replayed readings were not used
        self._readings: list[StoredReading] = []
        self._reading_ids: list[str] = []
        self._discarded: dict[str, str] = {}  # reading id: the reason given
        self._results: VisitResults | None = None
        self.discard_dialog: QInputDialog | None = None
        self._build()

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        middle = QGridLayout()
        root.addLayout(middle, stretch=1)
        self.readings_title = QLabel()
        middle.addWidget(self.readings_title, 0, 0)
        self.readings_table = named(QTableWidget(0, 4), "readingsTable")
        header = self.readings_table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.readings_table.setWordWrap(False)
        rows = self.readings_table.verticalHeader()
        rows.setVisible(False)
        # Compact rows: a whole visit (three cuff readings and SpO2) shows without scrolling.
        rows.setDefaultSectionSize(self.readings_table.fontMetrics().height() + 6)
        self.readings_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.readings_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.readings_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.readings_table.itemSelectionChanged.connect(self._refresh)
        middle.addWidget(self.readings_table, 1, 0)
        self.discard_button = named(QPushButton(), "discardReadingButton")
        self.discard_button.clicked.connect(self._ask_discard)
        middle.addWidget(self.discard_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        self.findings_title = QLabel()
        middle.addWidget(self.findings_title, 0, 1)
        self.findings_list = named(QListWidget(), "findingsList")
        self.findings_list.setWordWrap(True)
        middle.addWidget(self.findings_list, 1, 1, 2, 1)
        middle.setColumnStretch(0, 3)
        middle.setColumnStretch(1, 2)

        bottom = QHBoxLayout()
        root.addLayout(bottom)
        self.result_box = result_box = QGroupBox()
        result_layout = QVBoxLayout(result_box)
        result_layout.setSpacing(2)
        result_layout.setContentsMargins(6, 2, 6, 4)
        self.result_label = named(QLabel(), "resultLabel")
        self.result_label.setStyleSheet("font-size: 16px;")
        self.result_label.setMinimumHeight(40)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        result_layout.addWidget(self.result_label)
        self.referral_label = named(QLabel(""), "referralLabel")
        self.referral_label.setWordWrap(True)
        self.referral_label.setMinimumHeight(30)
        result_layout.addWidget(self.referral_label)
        self.next_step_label = named(QLabel(""), "nextStepLabel")
        self.next_step_label.setWordWrap(True)
        self.next_step_label.setMinimumHeight(18)
        result_layout.addWidget(self.next_step_label)
        self.critical_box = named(QGroupBox(), "criticalBox")
        self.critical_box.setStyleSheet("QGroupBox { color: #b71c1c; font-weight: bold; }")
        critical_layout = QHBoxLayout(self.critical_box)
        critical_layout.setContentsMargins(6, 2, 6, 2)
        self.critical_action = named(QComboBox(), "criticalActionCombo")
        # Plain text items, mapped by index: PySide6 mishandles the reference count of a
        # None item data read back through currentData() (the app crashed after many reads).
        for _item in range(1 + len(CriticalAction)):
            self.critical_action.addItem("")  # the texts: _show_texts
        self.critical_note = named(QLineEdit(), "criticalNoteEdit")
        critical_layout.addWidget(self.critical_action)
        critical_layout.addWidget(self.critical_note, stretch=1)
        keep_space_when_hidden(self.critical_box)
        self.critical_box.hide()
        self.critical_action.currentIndexChanged.connect(lambda _i: self._refresh())
        bottom.addWidget(result_box, stretch=3)

        buttons = QVBoxLayout()
        self.early_reason = named(QLineEdit(), "earlyReasonEdit")
        self.early_reason.textChanged.connect(lambda _t: self._refresh())
        self.confirm_button = named(QPushButton(), "confirmButton")
        self.confirm_button.setStyleSheet("font-size: 17px; padding: 6px;")
        self.cancel_button = named(QPushButton(), "cancelButton")
        # Beside Confirm, what a critical result needs before it (room kept: nothing moves).
        buttons.addWidget(self.critical_box)
        buttons.addWidget(self.early_reason)
        buttons.addWidget(self.confirm_button)
        # Cancel, and beside it what follows a confirmed visit (the result slip).
        self._cancel_row = QHBoxLayout()
        self._cancel_row.addWidget(self.cancel_button, stretch=1)
        buttons.addLayout(self._cancel_row)
        buttons.addStretch(1)
        bottom.addLayout(buttons, stretch=2)
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button.clicked.connect(self.cancel)
        self._show_texts()
        self._refresh()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text, the readings and the results
        again, in it (a row chosen in the table and a critical action chosen stay)."""
        self._lang = lang
        self._show_texts()
        selected = self._selected_row()
        self._fill_readings()
        if selected is not None:
            self.readings_table.selectRow(selected)
        self._render_findings()
        if self._results is not None:
            self._show_result_lines(self._results)
            self._show_evaluation(self._results.evaluation)
        self._refresh()

    def _show_texts(self) -> None:
        lang = self._lang
        self.readings_title.setText(f"<b>{tr('readings', lang)}</b>")
        self.findings_title.setText(f"<b>{tr('findings', lang)}</b>")
        self.readings_table.setHorizontalHeaderLabels(
            [tr(f"col_{column}", lang) for column in ("time", "what", "value", "device")]
        )
        # The value gets the room (a discarded one carries its reason); the other columns have
        # fixed widths that fit their usual texts, so no column moves as readings arrive.
        header = self.readings_table.horizontalHeader()
        metrics = self.readings_table.fontMetrics()
        widths = {
            0: ("00:00:00", tr("col_time", lang)),
            1: (tr("blood_pressure", lang), tr("p_heart_rate", lang), tr("col_what", lang)),
            3: ("SIMULATOR blood-pressure cuff", tr("source_manual", lang)),
        }
        for column, texts in widths.items():
            header.resizeSection(column, max(map(metrics.horizontalAdvance, texts)) + 16)
        with_shortcut(self.discard_button, tr("discard_reading", lang), "Ctrl+D")
        self.result_box.setTitle(tr("result", lang))
        if self._results is None:
            self.result_label.setText(tr("no_result", lang))
        self.critical_box.setTitle(tr("critical_title", lang))
        self.critical_action.setItemText(0, tr("critical_choose", lang))
        for index, action in enumerate(CriticalAction, start=1):
            self.critical_action.setItemText(index, tr(f"critical_{action.value}", lang))
        self.critical_note.setPlaceholderText(tr("critical_note", lang))
        self.early_reason.setPlaceholderText(tr("early_reason", lang))
        with_shortcut(self.confirm_button, tr("confirm", lang), "Ctrl+Return")
        with_shortcut(self.cancel_button, tr("cancel", lang), "Ctrl+Backspace")

    def add_action(self, button: QWidget) -> None:
        """A button for what follows a confirmed visit (the result slip), beside Cancel."""
        self._cancel_row.addWidget(button)

    # -- state ---------------------------------------------------------------------------

    def show_allowed(self, allowed: frozenset[Action]) -> None:
        self._allowed = allowed
        self._refresh()

    def _early(self) -> bool:
        return Action.CONFIRM_EARLY in self._allowed

    def _refresh(self) -> None:
        allowed = self._allowed
        acknowledged = self.critical_box.isHidden() or self.chosen_critical_action() is not None
        early = self._early()
        self.early_reason.setEnabled(early)
        reason_given = bool(self.early_reason.text().strip())
        can_confirm = Action.CONFIRM in allowed or (early and reason_given)
        self.confirm_button.setEnabled(can_confirm and acknowledged)
        self.cancel_button.setEnabled(Action.CANCEL in allowed)
        self.discard_button.setEnabled(
            Action.DISCARD in allowed and self._selected_reading() is not None
        )

    def chosen_critical_action(self) -> CriticalAction | None:
        index = self.critical_action.currentIndex()
        return list(CriticalAction)[index - 1] if index > 0 else None

    def _confirm(self) -> None:
        action = self.chosen_critical_action()
        acknowledgement = (
            None
            if self.critical_box.isHidden() or action is None
            else Acknowledgement(action, self.critical_note.text())
        )
        reason = self.early_reason.text().strip() if self._early() else None
        self.confirm.emit(acknowledgement, reason or None)

    def _selected_row(self) -> int | None:
        rows = {index.row() for index in self.readings_table.selectedIndexes()}
        return rows.pop() if len(rows) == 1 else None

    def _selected_reading(self) -> str | None:
        row = self._selected_row()
        if row is None:
            return None
        reading_id = self._reading_ids[row]
        return None if reading_id in self._discarded else reading_id

    def _ask_discard(self) -> None:
        """The reason is asked in a window-modal dialog that does not block (``open``)."""
        reading_id = self._selected_reading()
        if reading_id is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("discardReasonDialog")
        dialog.setWindowTitle(tr("discard_reading", self._lang))
        dialog.setLabelText(tr("discard_reason", self._lang))
        self.discard_dialog = dialog

        def finished(result: int) -> None:
            reason = dialog.textValue().strip()
            if result == QDialog.DialogCode.Accepted and reason:
                self.discard.emit(reading_id, reason)
            self.discard_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    # -- content -------------------------------------------------------------------------

    def clear(self) -> None:
        self._evaluation = None
        self._results = None
        self._stored_findings.clear()
        self._ignored.clear()
        self._readings.clear()
        self._reading_ids.clear()
        self._discarded.clear()
        self.readings_table.setRowCount(0)
        self.findings_list.clear()
        self.result_label.setText(tr("no_result", self._lang))
        self.referral_label.setText("")
        self.next_step_label.setText("")
        self.critical_box.hide()
        self.critical_action.setCurrentIndex(0)
        self.critical_note.clear()
        self.early_reason.clear()
        self._refresh()

    def add_reading(self, reading: StoredReading) -> None:
        self._readings.append(reading)
        self._reading_ids.append(reading.id)
        if reading.discarded_reason is not None:
            self._discarded[reading.id] = reading.discarded_reason
        self._add_row(reading)
        self._stored_findings.extend(reading.findings)

    def _fill_readings(self) -> None:
        self.readings_table.setRowCount(0)
        for reading in self._readings:
            self._add_row(reading)

    def _add_row(self, reading: StoredReading) -> None:
        lang = self._lang
        what, value = reading_text(reading.measurement, lang)
        device = source_text(reading.source, lang)
        if not reading.valid:
            value = f"{tr('blocked', lang)}: {value}"
        row = self.readings_table.rowCount()
        self.readings_table.insertRow(row)
        when = reading.received_at.astimezone().strftime("%H:%M:%S")
        for column, text in enumerate((when, what, value, device)):
            self.readings_table.setItem(row, column, QTableWidgetItem(text))
        if not reading.valid:
            self._grey_row(row)
        if reading.id in self._discarded:
            self._show_row_discarded(row, self._discarded[reading.id])

    def _grey_row(self, row: int) -> None:
        for column in range(self.readings_table.columnCount()):
            item = self.readings_table.item(row, column)
            if item is None:
                continue
            font = item.font()
            font.setStrikeOut(True)
            item.setFont(font)
            item.setForeground(QBrush(QColor(GREYED)))

    def _show_row_discarded(self, row: int, reason: str) -> None:
        self._grey_row(row)
        item = self.readings_table.item(row, 2)
        if item is not None:
            item.setText(f"{tr('discarded', self._lang)} ({reason}): {item.text()}")

    def mark_discarded(self, reading_id: str, reason: str) -> None:
        if reading_id in self._reading_ids and reading_id not in self._discarded:
            self._discarded[reading_id] = reason
            self._show_row_discarded(self._reading_ids.index(reading_id), reason)
        self.readings_table.clearSelection()  # the greyed row shows as such
        self._refresh()

    def add_ignored(self, reason: str) -> None:
        """A stored or replayed reading the device sent: listed, never used."""
        self._ignored.append(reason)
        self._render_findings()

    def show_results(self, results: VisitResults) -> None:
        self._results = results
        self._show_result_lines(results)
        self._evaluation = results.evaluation
        self._render_findings()
        self._show_evaluation(results.evaluation)
        self._refresh()

    def _show_result_lines(self, results: VisitResults) -> None:
        lines = results_lines(results, self._lang)
        self.result_label.setText("\n".join(lines) or tr("no_result", self._lang))

    def _render_findings(self) -> None:
        """What the checks found for the visit so far, most urgent first, then the readings a
        device sent that were not used. The visit's evaluation holds every counted reading's
        findings plus the cross-reading ones (grades, pulse disagreement, protocol); with them
        go each stored reading's own findings (a blocked reading is not part of the
        evaluation)."""
        evaluated = self._evaluation.findings if self._evaluation else ()
        found = (*self._stored_findings, *evaluated)
        shown: dict[tuple[str, str], Finding] = {}
        for finding in found:
            if finding.severity is not Severity.NORMAL:
                shown.setdefault((finding.code, finding.message_en), finding)
        self.findings_list.clear()
        for finding in sorted(shown.values(), key=lambda f: SEVERITY_ORDER.index(f.severity)):
            item = QListWidgetItem(finding_line(finding, self._lang))
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
            self.findings_list.addItem(item)
        for reason in self._ignored:
            item = QListWidgetItem(f"[{tr('ignored', self._lang)}] {reason}")
            item.setForeground(QBrush(QColor("#757575")))
            self.findings_list.addItem(item)

    def _show_evaluation(self, evaluation: Evaluation | None) -> None:
        """Referral with its advice, the protocol's next step, and the critical box."""
        if evaluation is None:
            return
        lang = self._lang
        if evaluation.referral_reasons:
            # The values that count with their grade under the visit's rule set.
            graded = [worded_text(c, lang) for c in evaluation.referral_reasons]
            self.result_label.setText("\n".join(graded))
        worker_advice = advice_text(evaluation.referral, "health_worker", lang)
        level = tr(f"referral_{evaluation.referral.value}", lang)
        self.referral_label.setText(f"<b>{tr('referral', lang)}: {level}</b> — {worker_advice}")
        self.referral_label.setStyleSheet(f"color: {REFERRAL_COLOURS[evaluation.referral]};")
        step = evaluation.next_step
        text = worded_text(step, lang)
        self.next_step_label.setText(f"{tr('next_step', lang)}: {text}")
        self.critical_box.setVisible(evaluation.needs_acknowledgement)
