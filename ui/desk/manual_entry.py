"""The manual-entry dialog: a blood pressure or an SpO2 typed in when a device fails.

Keyboard first: the boxes in reading order, then Save, then Cancel (Tab); Enter saves when
what is typed can be saved; Escape cancels. As the operator types, each box shows why it
cannot be read, and the checks' findings about the values show below: a value the checks
block (invalid) shows the very message a device reading gets and Save stays disabled;
critical and abnormal values are shown and may be saved. Reading and checking are
``station.manual_entry``'s; this module only shows them.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.measurements import MeasurementKind
from station.checks import Severity
from station.manual_entry import (
    Checker,
    ManualAssessment,
    ManualMeasurement,
    assess,
    check_manual,
    fields_of,
)
from ui.finding_texts import error_text
from ui.formatting import SEVERITY_COLOURS, SEVERITY_ORDER, finding_line
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["ManualEntryDialog"]

# Room for a mistyped value to be seen and explained, not an input limit on real values.
_MAX_TYPED = 16
_ERROR_STYLE = "color: #c62828;"


class ManualEntryDialog(QDialog):
    """Ask for one manual reading of ``kind`` (blood pressure or SpO2).

    ``checker`` judges a readable measurement (default ``check_manual``: the device checks;
    pass ``functools.partial(check_manual, age_years=..., rules=...)`` to show grades too).
    After ``exec()`` returns ``Accepted``, ``measurement()`` is what was saved.
    """

    def __init__(
        self,
        kind: MeasurementKind,
        lang: Language,
        checker: Checker = check_manual,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._lang = lang
        self._checker = checker
        self._fields = fields_of(kind)
        self._touched: set[str] = set()
        self._saved: ManualMeasurement | None = None
        self.setObjectName("manualEntryDialog")
        self.setWindowTitle(tr(f"manual_title_{kind.value}", lang))
        self.setModal(True)

        hint = QLabel(tr("manual_hint", lang))
        hint.setWordWrap(True)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for field in self._fields:
            box = named(QLineEdit(), f"manual_{field.name}")
            box.setMaxLength(_MAX_TYPED)
            box.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            if not field.required:
                box.setPlaceholderText(tr("manual_optional", lang))
            box.textChanged.connect(self._on_typed)
            box.installEventFilter(self)  # leaving a box (see eventFilter)
            box.returnPressed.connect(self._on_enter)
            error = named(QLabel(), f"manual_{field.name}_error")
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            form.addRow(tr(f"manual_field_{field.name}", lang), box)
            form.addRow("", error)
            self.inputs[field.name] = box
            self.errors[field.name] = error

        self.findings_list = named(QListWidget(), "manualFindings")
        self.findings_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.findings_list.setMaximumHeight(120)
        self.status_label = named(QLabel(), "manualStatus")
        self.save_button = named(QPushButton(tr("manual_save", lang)), "manualSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        self.cancel_button = named(QPushButton(tr("cancel", lang)), "manualCancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.findings_list)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

        chain: list[QWidget] = [*self.inputs.values(), self.save_button, self.cancel_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        chain[0].setFocus()
        self.assessment = self._assess()
        self._show(self.assessment)

    def typed(self) -> dict[str, str]:
        """What is in each box, as typed."""
        return {name: box.text() for name, box in self.inputs.items()}

    def measurement(self) -> ManualMeasurement | None:
        """The saved measurement (``None`` until Save was pressed on a saveable form)."""
        return self._saved

    def _assess(self) -> ManualAssessment:
        return assess(self.kind, self.typed(), self._checker)

    @Slot()
    def _on_typed(self) -> None:
        sender = self.sender()
        for name, box in self.inputs.items():
            if box is sender:
                self._touched.add(name)
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A box left (Tab, a click elsewhere): an empty required box now says so.
        (``editingFinished`` is not enough: Qt 6 sends it on leaving only after a change.)"""
        if event.type() == QEvent.Type.FocusOut:
            for name, box in self.inputs.items():
                if box is watched and name not in self._touched:
                    self._touched.add(name)
                    self._refresh()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_enter(self) -> None:
        """Enter on a form that cannot be saved yet shows every box's problem (the dialog's
        default button then does nothing, being disabled)."""
        self._touched.update(self.inputs)
        self._refresh()

    def _refresh(self) -> None:
        self.assessment = self._assess()
        self._show(self.assessment)

    def _show(self, assessment: ManualAssessment) -> None:
        lang = self._lang
        for name, label in self.errors.items():
            error = assessment.error_for(name)
            shown = error is not None and (name in self._touched or error.code != "required")
            if error is not None and shown:
                label.setText(error_text(error, lang))
            label.setVisible(shown)
        self.findings_list.clear()
        findings = [f for f in assessment.findings if f.severity is not Severity.NORMAL]
        for finding in sorted(findings, key=lambda f: SEVERITY_ORDER.index(f.severity)):
            item = QListWidgetItem(finding_line(finding, lang))
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
            self.findings_list.addItem(item)
        self.status_label.setText("" if assessment.blocked else tr("manual_ready", lang))
        self.save_button.setEnabled(not assessment.blocked)

    @Slot()
    def _save(self) -> None:
        assessment = self._assess()
        if assessment.blocked or assessment.measurement is None:
            return
        self._saved = assessment.measurement
        self.accept()

    def visible_text(self) -> str:
        """Every message the dialog shows now (for tests and audits)."""
        parts = [label.text() for label in self.errors.values() if not label.isHidden()]
        parts += [self.findings_list.item(i).text() for i in range(self.findings_list.count())]
        if self.status_label.text():
            parts.append(self.status_label.text())
        return "\n".join(parts)
