"""What the operator sees of the upload to SATUSEHAT: a one-line indicator and the list of
entries that failed or need a person, with the server's message and a retry button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.store.models import OutboxStatus
from station.store.outbox import ProblemEntry
from station.upload.background import UploadStatus
from ui.desk.elided_label import ElidedLabel
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["UploadIndicator", "UploadProblemsDialog", "upload_summary"]

OK_COLOUR = "#2e7d32"
WAITING_COLOUR = "#1565c0"
PROBLEM_COLOUR = "#c62828"


def upload_summary(status: UploadStatus, lang: Language) -> tuple[str, str]:
    """The indicator's text and colour: confirmed visits by upload state (entries when the
    status carries no visit counts), and the time of the last successful upload."""
    counts = status.visits or status.counts
    waiting = counts.get("pending", 0) + counts.get("sending", 0) + counts.get("waiting", 0)
    parts = [
        tr("upload_waiting", lang, n=waiting),
        tr("upload_sent", lang, n=counts.get("sent", 0)),
    ]
    if counts.get("failed", 0):
        parts.append(tr("upload_failed", lang, n=counts["failed"]))
    if counts.get("dead", 0):
        parts.append(tr("upload_dead", lang, n=counts["dead"]))
    label = tr("upload_visits", lang) if status.visits else tr("upload", lang)
    text = f"{label}: " + " · ".join(parts)
    if status.last_upload is not None:
        at = status.last_upload.astimezone().strftime("%H:%M")
        text += f" · {tr('upload_last', lang, at=at)}"
    if status.paused_reason:
        return f"{text} — {tr('upload_paused', lang)}", WAITING_COLOUR
    if counts.get("dead", 0) or counts.get("failed", 0):
        return text, PROBLEM_COLOUR
    return text, OK_COLOUR if waiting == 0 else WAITING_COLOUR


class UploadProblemsDialog(QDialog):
    """Failed and dead entries; the selected ones (or all) can be sent again."""

    COLUMNS = ("upload_col_queue", "upload_col_name", "upload_col_status", "upload_col_message")

    def __init__(
        self, lang: Language, retry: Callable[[list[int]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._retry = retry
        self._problems: tuple[ProblemEntry, ...] = ()
        self.resize(900, 360)
        layout = QVBoxLayout(self)
        self.table = named(QTableWidget(0, len(self.COLUMNS)), "uploadProblemsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.empty_label = named(QLabel(), "uploadNoProblems")
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.retry_button = named(QPushButton(), "uploadRetryButton")
        self.retry_button.clicked.connect(self._retry_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._show_texts()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text and the list shown, in it."""
        self._lang = lang
        self._show_texts()
        self.show_problems(self._problems)

    def _show_texts(self) -> None:
        lang = self._lang
        self.setWindowTitle(tr("upload_problems", lang))
        self.table.setHorizontalHeaderLabels([tr(c, lang) for c in self.COLUMNS])
        self.empty_label.setText(tr("upload_no_problems", lang))
        self.retry_button.setText(tr("upload_retry", lang))
        self.close_button.setText(tr("close", lang))

    def show_problems(self, problems: Sequence[ProblemEntry]) -> None:
        self._problems = tuple(problems)
        self.table.setRowCount(0)
        for problem in self._problems:
            row = self.table.rowCount()
            self.table.insertRow(row)
            if problem.status is OutboxStatus.DEAD:
                state = tr("upload_state_dead", self._lang)
            else:
                when = problem.next_attempt_at
                at = when.astimezone().strftime("%H:%M") if when else "—"
                state = tr("upload_state_failed", self._lang, at=at, n=problem.attempts)
            message = problem.error
            if problem.rule_numbers:
                message += f" [RuleNumber {', '.join(map(str, problem.rule_numbers))}]"
            for column, text in enumerate(
                (str(problem.queue_number), problem.person_name, state, message)
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, problem.id)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty_label.setVisible(not self._problems)
        self.retry_button.setEnabled(bool(self._problems))

    def _retry_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        chosen = [self._problems[r] for r in rows] if rows else list(self._problems)
        if chosen:
            self._retry([p.id for p in chosen])


class UploadIndicator(QWidget):
    """One line under the operator window's results, with a button for the problem list."""

    def __init__(
        self, lang: Language, retry: Callable[[list[int]], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._status: UploadStatus | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # One line that never widens the window, elided with "…"; the whole text in the tooltip.
        self.label = named(ElidedLabel(tr("upload_unknown", lang)), "uploadStatus")
        self.label.setMinimumWidth(420)
        self.problems_button = named(QPushButton(tr("upload_problems", lang)), "uploadProblems")
        self.problems_button.setEnabled(False)
        self.dialog = UploadProblemsDialog(lang, retry, self)
        self.problems_button.clicked.connect(self.dialog.show)
        layout.addWidget(self.label, stretch=1)
        layout.addWidget(self.problems_button)

    def allow_retry(self, allowed: bool) -> None:
        """Sending dead letters again is a supervisor's (issue 12): hidden for the others,
        who still see what failed."""
        self.dialog.retry_button.setVisible(allowed)

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: the last status again, in it."""
        self._lang = lang
        self.dialog.set_language(lang)
        if self._status is None:
            self.label.setText(tr("upload_unknown", lang))
            self.problems_button.setText(tr("upload_problems", lang))
        else:
            self.show_status(self._status)

    def show_status(self, status: UploadStatus) -> None:
        self._status = status
        text, colour = upload_summary(status, self._lang)
        self.label.setText(text)
        self.label.setStyleSheet(f"color: {colour};")
        self.label.setToolTip(
            "\n".join(part for part in (text, status.paused_reason, status.last_error) if part)
        )
        count = len(status.problems)
        self.problems_button.setText(f"{tr('upload_problems', self._lang)} ({count})")
        self.problems_button.setEnabled(count > 0)
        self.dialog.show_problems(status.problems)
