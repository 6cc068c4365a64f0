"""The same-day correction dialog (issue 11): the visit's readings, the reading to correct,
its new values typed in or the reading discarded, and the reason (required).

The dialog only asks: ``correction()`` gives the requested ``station.corrections.Correction``
after the operator saved it, and the desk stores it (``CorrectionService.correct``, on its
store thread). What the rules refuse (a value the checks block, values that are the ones
stored, no reason) is said in the dialog at once, from the same pure rules
(``station.corrections.plan_correction``), so the operator can fix it before saving; the
store checks everything again (the day, a sync uploading the visit).

New values are read as a manual entry is (``station.manual_entry.parse_manual``: whole
numbers, an SpO2 with its pulse); an empty box keeps the reading's value, so the operator types
only what was wrong. A heart-rate sensor's reading can only be discarded here (manual entry
knows blood pressure and SpO2).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from devices.measurements import BloodPressure, Measurement, SpO2
from station.checks.plausibility import PARAMETER_LABELS
from station.corrections import (
    AcknowledgementNeeded,
    Change,
    Correction,
    CorrectionRefused,
    Discard,
    NewValues,
    plan_correction,
)
from station.manual_entry import MANUAL_KINDS, ManualEntryError, fields_of, parse_manual
from station.results import local_naive
from station.service import CriticalAction
from station.store.corrections import VisitCorrection
from station.store.repository import StoredReading, StoredVisit
from ui.finding_texts import error_text
from ui.formatting import number, reading_text
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["CorrectionDialog"]

ERROR_COLOUR = "#c62828"


class CorrectionDialog(QDialog):
    """Asks for one correction of ``visit``; ``correction()`` once accepted."""

    COLUMNS = ("corr_col_no", "col_time", "col_what", "col_value", "corr_col_state")

    def __init__(
        self,
        visit: StoredVisit,
        lang: Language,
        history: Sequence[VisitCorrection] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._lang = lang
        self._changes: dict[str, Change] = {}
        self._result: Correction | None = None
        self._asking = False  # the corrected result is critical: ask what was done
        self.setWindowTitle(
            tr("corr_title", lang, queue=visit.queue_number, name=visit.person.name)
        )
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("corr_choose", lang)))

        self.readings_table = named(QTableWidget(0, len(self.COLUMNS)), "correctionReadings")
        self.readings_table.setHorizontalHeaderLabels([tr(c, lang) for c in self.COLUMNS])
        self.readings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.readings_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.readings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.readings_table.verticalHeader().setVisible(False)
        self.readings_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        self.readings_table.itemSelectionChanged.connect(self._reading_chosen)
        layout.addWidget(self.readings_table)
        self._fill_readings()

        editor = self._editor = QFormLayout()
        self.systolic_edit = self._field("correctionSystolic")
        self.diastolic_edit = self._field("correctionDiastolic")
        self.spo2_edit = self._field("correctionSpo2")
        self.pulse_edit = self._field("correctionPulse")
        self.inputs = {
            "systolic": self.systolic_edit,
            "diastolic": self.diastolic_edit,
            "spo2": self.spo2_edit,
            "pulse_rate": self.pulse_edit,
        }
        units: dict[str, str] = {f.name: f.unit for kind in MANUAL_KINDS for f in fields_of(kind)}
        language = 0 if lang == "id" else 1
        self._rows = {
            edit: f"{PARAMETER_LABELS[name][language]} ({units[name]})"
            for name, edit in self.inputs.items()
        }
        for edit, label in self._rows.items():
            editor.addRow(label, edit)
        self.discard_check = named(QCheckBox(tr("corr_discard", lang)), "correctionDiscard")
        self.discard_check.toggled.connect(self._discard_toggled)
        editor.addRow(self.discard_check)
        layout.addLayout(editor)
        self.apply_button = named(QPushButton(tr("corr_apply", lang)), "correctionApply")
        self.apply_button.clicked.connect(self._record_change)
        layout.addWidget(self.apply_button)

        layout.addWidget(QLabel(tr("corr_changes", lang)))
        self.changes_list = named(QListWidget(), "correctionChanges")
        self.changes_list.setMaximumHeight(90)
        layout.addWidget(self.changes_list)
        self.reason_edit = named(QLineEdit(), "correctionReason")
        self.reason_edit.setPlaceholderText(tr("corr_reason", lang))
        self.reason_edit.setMaxLength(500)
        self.reason_edit.textChanged.connect(self._update_buttons)
        reason_row = QFormLayout()
        reason_row.addRow(tr("corr_reason", lang), self.reason_edit)
        layout.addLayout(reason_row)
        self.critical_box = named(QWidget(), "correctionCritical")
        critical = QFormLayout(self.critical_box)
        critical.setContentsMargins(0, 0, 0, 0)
        self.critical_action = named(QComboBox(), "correctionCriticalAction")
        self.critical_action.addItem(tr("critical_choose", lang), None)
        for action in CriticalAction:
            self.critical_action.addItem(tr(f"critical_{action.value}", lang), action.value)
        self.critical_action.currentIndexChanged.connect(self._update_buttons)
        self.critical_note = named(QLineEdit(), "correctionCriticalNote")
        self.critical_note.setMaxLength(500)
        critical.addRow(QLabel(tr("corr_critical", lang)))
        critical.addRow(self.critical_action)
        critical.addRow(tr("critical_note", lang), self.critical_note)
        self.critical_box.setVisible(False)
        layout.addWidget(self.critical_box)
        self.error_label = named(QLabel(""), "correctionError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.error_label)
        if history:
            layout.addWidget(QLabel(tr("corr_previous", lang)))
            self.history_list = named(QListWidget(), "correctionHistory")
            self.history_list.setMaximumHeight(70)
            for item in history:
                at = item.corrected_at.astimezone().strftime("%H:%M")
                self.history_list.addItem(tr("corr_previous_line", lang, at=at, reason=item.reason))
            layout.addWidget(self.history_list)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = named(QPushButton(tr("corr_save", lang)), "correctionSave")
        self.save_button.clicked.connect(self._save)
        self.cancel_button = named(QPushButton(tr("cancel", lang)), "correctionCancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self._show_editor(None)
        self._show_changes()

    # -- what the desk reads ----------------------------------------------------------------

    def correction(self) -> Correction | None:
        """The correction the operator saved; None until then (or when cancelled)."""
        return self._result

    # -- building ---------------------------------------------------------------------------

    def _field(self, name: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setMaxLength(8)
        return edit

    def _fill_readings(self) -> None:
        for reading in self._visit.readings:
            row = self.readings_table.rowCount()
            self.readings_table.insertRow(row)
            what, value = reading_text(reading.measurement, self._lang)
            if reading.manual:
                value += f" {tr('manual_marker', self._lang)}"
            if reading.discarded_reason is not None:
                state = tr("corr_state_discarded", self._lang)
            elif reading.valid:
                state = tr("corr_state_counts", self._lang)
            else:
                state = tr("blocked", self._lang)
            cells = (
                str(reading.sequence),
                reading.received_at.astimezone().strftime("%H:%M:%S"),
                what,
                value,
                state,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, reading.id)
                if reading.discarded_reason is not None:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.readings_table.setItem(row, column, item)
        self.readings_table.resizeColumnsToContents()

    # -- the chosen reading -----------------------------------------------------------------

    def _chosen(self) -> StoredReading | None:
        rows = {index.row() for index in self.readings_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        return self._visit.readings[rows.pop()]

    def _reading_chosen(self) -> None:
        self.error_label.setText("")
        self._show_editor(self._chosen())

    def _show_editor(self, reading: StoredReading | None) -> None:
        shown = self._current(reading) if reading is not None else {}
        for name, edit in self.inputs.items():
            edit.clear()
            visible = name in shown
            edit.setVisible(visible)
            form_label = self._label_for(edit)
            if form_label is not None:
                form_label.setVisible(visible)
            edit.setPlaceholderText(
                tr("corr_keep_hint", self._lang, value=number(shown[name])) if visible else ""
            )
            edit.setAccessibleName(self._rows[edit])
        self.discard_check.setChecked(False)
        self.discard_check.setEnabled(reading is not None)
        self.apply_button.setEnabled(reading is not None)

    @staticmethod
    def _current(reading: StoredReading) -> dict[str, float | None]:
        """The reading's values by manual-entry box (none for what manual entry does not
        know: such a reading can only be discarded)."""
        m = reading.measurement
        if isinstance(m, BloodPressure):
            return {
                "systolic": m.in_mmhg(m.systolic),
                "diastolic": m.in_mmhg(m.diastolic),
                "pulse_rate": m.pulse_rate,
            }
        if isinstance(m, SpO2):
            return {"spo2": m.spo2, "pulse_rate": m.pulse_rate}
        return {}

    def _label_for(self, edit: QLineEdit) -> QWidget | None:
        return self._editor.labelForField(edit)

    def _discard_toggled(self, discard: bool) -> None:
        for edit in self._rows:
            edit.setEnabled(not discard)

    # -- changes ----------------------------------------------------------------------------

    def _typed(self, reading: StoredReading) -> Measurement | None:
        """The reading's new values as typed, read as a manual entry (None when nothing
        was typed; ``ManualEntryError`` for a box that cannot be read). An empty box keeps
        the reading's value."""
        current = self._current(reading)
        if not current or not any(self.inputs[name].text().strip() for name in current):
            return None
        typed = {
            name: self.inputs[name].text().strip() or (f"{value:g}" if value is not None else "")
            for name, value in current.items()
        }
        return parse_manual(reading.measurement.kind, typed)

    def _record_change(self) -> None:
        reading = self._chosen()
        if reading is None:
            self.error_label.setText(tr("corr_no_reading", self._lang))
            return
        change: Change
        if self.discard_check.isChecked():
            change = Discard(reading.id)
        else:
            try:
                typed = self._typed(reading)
            except ManualEntryError as exc:
                self.error_label.setText(error_text(exc, self._lang))
                return
            if typed is None:
                self.error_label.setText(tr("corr_nothing_typed", self._lang))
                return
            change = NewValues(reading.id, typed)
        changes = {**self._changes, reading.id: change}
        refusal = self._check(tuple(changes.values()), reason="-")
        if refusal is not None and not isinstance(refusal, AcknowledgementNeeded):
            self.error_label.setText(self._message(refusal))
            return
        self._changes = changes  # a critical result is recorded with what was done, at save
        self.error_label.setText(self._message(refusal) if refusal is not None else "")
        self._show_editor(reading)
        self._show_changes()

    def _show_changes(self) -> None:
        self.changes_list.clear()
        by_id = {r.id: r for r in self._visit.readings}
        for reading_id, change in self._changes.items():
            n = by_id[reading_id].sequence
            if isinstance(change, Discard):
                self.changes_list.addItem(tr("corr_change_discard", self._lang, n=n))
            else:
                _what, value = reading_text(change.measurement, self._lang)
                self.changes_list.addItem(tr("corr_change_values", self._lang, n=n, value=value))
        if not self._changes:
            self.changes_list.addItem(tr("corr_no_changes", self._lang))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self._changes) and bool(self.reason_edit.text().strip())
        if self._asking:
            ready = ready and self.critical_action.currentData() is not None
        self.save_button.setEnabled(ready)

    def _requested(self, changes: tuple[Change, ...], reason: str) -> Correction:
        action = self.critical_action.currentData() if self._asking else None
        note = self.critical_note.text().strip() if action is not None else ""
        return Correction(reason, changes, acknowledged_action=action, acknowledged_note=note)

    def _check(self, changes: tuple[Change, ...], reason: str) -> CorrectionRefused | None:
        """What the rules say against these changes; None if nothing. A critical result
        shows the part where what was done is recorded. The day is the visit's own here:
        the store checks it against today."""
        try:
            plan = plan_correction(
                self._visit,
                self._requested(changes, reason),
                today=local_naive(self._visit.started_at).date(),
                now=datetime.now(UTC),
            )
        except AcknowledgementNeeded as exc:
            self._ask_what_was_done(True)
            return exc
        except CorrectionRefused as exc:
            return exc
        evaluation = plan.results.evaluation
        before = self._visit.outcome
        self._ask_what_was_done(
            evaluation is not None
            and evaluation.needs_acknowledgement
            and (before is None or before.acknowledged_action is None)
        )
        return None

    def _ask_what_was_done(self, ask: bool) -> None:
        self._asking = ask
        self.critical_box.setVisible(ask)
        self._update_buttons()

    def _message(self, refusal: CorrectionRefused) -> str:
        return error_text(refusal, self._lang)

    def _save(self) -> None:
        reason = self.reason_edit.text().strip()
        changes = tuple(self._changes.values())
        refusal = self._check(changes, reason)
        if refusal is not None:
            self.error_label.setText(self._message(refusal))
            return
        self._result = self._requested(changes, reason)
        self.accept()
