"""Following up referred people: who is due or overdue, who came back, and the list as CSV.

Like the day's view, this one reads nothing itself: the caller loads the list off the UI
thread (``station.store.day_queries.DayQueries.followups``) and hands it to ``show_data``
with today's date; Refresh only emits ``refreshRequested``. "Export CSV" asks for a file name
and writes the rows shown (owner-only, atomically, station/files.py; a few kilobytes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.files import write_private_atomically
from station.followup import FollowUp, FollowUpState, followups_csv
from ui.desk.day import REFERRAL_TEXT_COLOURS, title_label
from ui.desk.tables import list_table, table_item
from ui.formatting import day_text
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["FollowupsView", "ordered"]

_STATE_COLOURS: dict[FollowUpState, str] = {
    "overdue": "#c62828",
    "due": "#ef6c00",
    "upcoming": "#616161",
    "returned": "#2e7d32",
}
_ORDER: dict[FollowUpState, int] = {"overdue": 0, "due": 1, "upcoming": 2, "returned": 3}
_OK, _PROBLEM = "#2e7d32", "#c62828"


def ordered(followups: Sequence[FollowUp], today: date) -> list[FollowUp]:
    """The people to call first: overdue (longest first), due today, upcoming (soonest
    first), and those who came back last."""
    return sorted(followups, key=lambda f: (_ORDER[f.state(today)], f.due, f.day))


class FollowupsView(QWidget):
    """The follow-up list with its state per person and an "Export CSV" button."""

    COLUMNS = (
        "day_col_queue",
        "fu_col_day",
        "day_col_nik",
        "day_col_name",
        "day_col_referral",
        "fu_col_due",
        "fu_col_state",
    )
    refreshRequested = Signal()

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._followups: list[FollowUp] = []
        self._shown: list[FollowUp] = []
        self._today = date.min
        # The export's outcome, kept to be said again in another language (None: nothing).
        self._status: tuple[Callable[[Language], str], str] | None = None
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        self.title = title = title_label()
        self.count_label = named(QLabel(), "followupsCount")
        self.only_due = named(QCheckBox(), "followupsOnlyDue")
        self.only_due.toggled.connect(self._refill)
        self.export_button = named(QPushButton(), "followupsExport")
        self.export_button.clicked.connect(self._export)
        self.refresh_button = named(QPushButton(), "followupsRefresh")
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        header.addWidget(title)
        header.addSpacing(16)
        header.addWidget(self.count_label, stretch=1)
        header.addWidget(self.only_due)
        header.addWidget(self.export_button)
        header.addWidget(self.refresh_button)
        layout.addLayout(header)

        self.table = list_table([tr(c, lang) for c in self.COLUMNS], "followupsTable")
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, stretch=1)
        self.empty_label = named(QLabel(), "followupsEmpty")
        layout.addWidget(self.empty_label)
        self.status_label = named(QLabel(), "followupsStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self._show_texts()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text and the list shown, in it."""
        self._lang = lang
        self._show_texts()
        self._show_count()
        self._refill()

    def _show_texts(self) -> None:
        lang = self._lang
        self.title.setText(tr("fu_title", lang))
        self.only_due.setText(tr("fu_only_due", lang))
        self.export_button.setText(tr("fu_export", lang))
        self.refresh_button.setText(tr("refresh", lang))
        self.table.setHorizontalHeaderLabels([tr(c, lang) for c in self.COLUMNS])
        self.empty_label.setText(tr("fu_empty", lang))
        if self._status is not None:
            self.status_label.setText(self._status[0](lang))

    @property
    def shown(self) -> list[FollowUp]:
        """The rows on screen, in their order (what "Export CSV" writes)."""
        return list(self._shown)

    def show_data(self, followups: Sequence[FollowUp], today: date) -> None:
        """Show the referred visits with their state on ``today``."""
        self._followups = ordered(followups, today)
        self._today = today
        self._show_count()
        self._refill()

    def _show_count(self) -> None:
        due = sum(f.is_due(self._today) for f in self._followups)
        self.count_label.setText(tr("fu_count", self._lang, n=due))
        self.count_label.setStyleSheet(f"color: {_PROBLEM};" if due else "")

    def _state_text(self, item: FollowUp) -> str:
        state = item.state(self._today)
        days = abs((self._today - item.due).days)
        return tr(f"fu_state_{state}", self._lang, n=days)

    def _refill(self) -> None:
        lang = self._lang
        self._shown = [
            f for f in self._followups if not self.only_due.isChecked() or f.is_due(self._today)
        ]
        self.table.setRowCount(0)
        for row, item in enumerate(self._shown):
            self.table.insertRow(row)
            state = item.state(self._today)
            cells = (
                (str(item.queue_number), None, False),
                (day_text(item.day), None, False),
                (item.nik_masked, None, False),
                (item.name, None, False),
                (
                    tr(f"referral_{item.referral}", lang),
                    REFERRAL_TEXT_COLOURS[item.referral],
                    False,
                ),
                (day_text(item.due), None, False),
                (self._state_text(item), _STATE_COLOURS[state], state in {"overdue", "returned"}),
            )
            for column, (text, colour, bold) in enumerate(cells):
                self.table.setItem(row, column, table_item(text, item.visit_id, colour, bold=bold))
        self.empty_label.setVisible(not self._shown)
        self.export_button.setEnabled(bool(self._shown))

    def _export(self) -> None:
        suggested = Path.home() / f"followups-{self._today.isoformat()}.csv"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("fu_export_title", self._lang), str(suggested), "CSV (*.csv)"
        )
        if not chosen:
            return  # the person closed the dialog
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            write_private_atomically(path, followups_csv(self._shown))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self._say(lambda lang: tr("fu_save_failed", lang, path=path, reason=reason), _PROBLEM)
            return
        saved = len(self._shown)
        self._say(lambda lang: tr("fu_saved", lang, n=saved, path=path), _OK)

    def _say(self, phrase: Callable[[Language], str], colour: str) -> None:
        self._status = (phrase, colour)
        self.status_label.setText(phrase(self._lang))
        self.status_label.setStyleSheet(f"color: {colour};")
