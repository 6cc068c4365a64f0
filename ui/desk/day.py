"""The day at the desk: today's list of visits (every desk), the day's numbers, and charts of
visits per hour and referrals by level.

The view reads nothing itself: the caller loads the day off the UI thread (e.g.
``station.store.day_queries.DayQueries.report``) and hands it to ``show_data``; the Refresh
button only emits ``refreshRequested``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.checks.rulesets import Referral
from station.day import REFERRAL_LEVELS, STREAMS, DaySummary, DayVisit
from station.store.models import VisitStatus
from ui.desk.charts import BarChart
from ui.desk.tables import list_table, table_item
from ui.formatting import day_text
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["REFERRAL_COLOURS", "REFERRAL_TEXT_COLOURS", "DayView", "title_label"]

# Bars of the referral chart, and text in tables (amber text needs to be darker to be read).
REFERRAL_COLOURS: dict[Referral, str] = {
    Referral.NONE: "#2e7d32",
    Referral.FOLLOW_UP: "#f9a825",
    Referral.SAME_DAY: "#ef6c00",
    Referral.URGENT: "#c62828",
}
REFERRAL_TEXT_COLOURS: dict[Referral, str] = {
    **REFERRAL_COLOURS,
    Referral.FOLLOW_UP: "#a15c00",
    Referral.SAME_DAY: "#d84315",
}
_UPLOAD_COLOURS = {"sent": "#2e7d32", "waiting": "#1565c0", "dead": "#c62828", "none": "#757575"}
_MUTED = "#757575"


# (object name suffix and summary field, text key) of the number tiles, in reading order.
def title_label(text: str = "") -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


_TILES = (
    ("visits", "sum_visits"),
    ("confirmed", "sum_confirmed"),
    ("open", "sum_open"),
    ("cancelled", "sum_cancelled"),
    ("skipped", "sum_skipped"),
    ("manual_readings", "sum_manual"),
    ("sent", "sum_sent"),
    ("waiting", "sum_waiting"),
    ("dead", "sum_dead"),
)


def _tile_value(summary: DaySummary, key: str) -> int:
    if key in summary.uploads:
        return summary.uploads[key]
    value: int = getattr(summary, key)
    return value


class _Tile(QFrame):
    """A number with its caption under it."""

    def __init__(self, key: str, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.value = named(QLabel("0"), f"daySummary_{key}")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class DayView(QWidget):
    """Today's list as a table, the summary numbers, and two charts."""

    COLUMNS = (
        "day_col_queue",
        "day_col_time",
        "day_col_nik",
        "day_col_name",
        "day_col_status",
        "day_col_referral",
        "day_col_upload",
    )
    refreshRequested = Signal()

    def __init__(
        self, lang: Language, parent: QWidget | None = None, *, tz: tzinfo | None = None
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._tz = tz  # the station's zone for the times shown (None: this computer's)
        self._shown: tuple[Sequence[DayVisit], DaySummary] | None = None
        layout = QVBoxLayout(self)

        header = QHBoxLayout()
        self.title = named(title_label(), "dayTitle")
        self.refresh_button = named(QPushButton(), "dayRefresh")
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        header.addWidget(self.title, stretch=1)
        header.addWidget(self.refresh_button)
        layout.addLayout(header)

        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.tiles: dict[str, _Tile] = {}
        for column, (key, _text) in enumerate(_TILES):
            tile = _Tile(key, "")
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, column)
        layout.addLayout(tiles)
        self.people = named(QLabel(), "dayPeople")
        self.people.setWordWrap(True)
        layout.addWidget(self.people)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.table = list_table([tr(c, lang) for c in self.COLUMNS], "dayTable")
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table)
        self.empty_label = named(QLabel(), "dayEmpty")
        self.empty_label.setStyleSheet(f"color: {_MUTED};")
        left.addWidget(self.empty_label)
        body.addLayout(left, stretch=3)
        charts = QVBoxLayout()
        self.hours_chart = named(BarChart(""), "dayHoursChart")
        self.referrals_chart = named(BarChart(""), "dayReferralsChart")
        charts.addWidget(self.hours_chart)
        charts.addWidget(self.referrals_chart)
        body.addLayout(charts, stretch=2)
        layout.addLayout(body, stretch=1)
        self._show_texts()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text and the day shown, in it."""
        self._lang = lang
        self._show_texts()
        if self._shown is not None:
            self.show_data(*self._shown)

    def _show_texts(self) -> None:
        lang = self._lang
        self.refresh_button.setText(tr("refresh", lang))
        for key, text in _TILES:
            self.tiles[key].caption.setText(tr(text, lang))
        self.table.setHorizontalHeaderLabels([tr(c, lang) for c in self.COLUMNS])
        self.empty_label.setText(tr("day_empty", lang))
        self.hours_chart.set_title(tr("chart_per_hour", lang))
        self.referrals_chart.set_title(tr("chart_referrals", lang))

    def show_data(self, visits: Sequence[DayVisit], summary: DaySummary) -> None:
        """Show the visits of ``summary.day`` (oldest first) and its numbers."""
        self._shown = (visits, summary)
        lang = self._lang
        self.title.setText(tr("day_title", lang, day=day_text(summary.day)))
        for key, tile in self.tiles.items():
            tile.value.setText(str(_tile_value(summary, key)))
        self.tiles["dead"].value.setStyleSheet(
            f"color: {_UPLOAD_COLOURS['dead']};" if summary.uploads["dead"] else ""
        )
        people = " · ".join(
            f"{tr(f'stream_{stream}', lang)}: {summary.by_stream.get(stream, 0)}"
            for stream in STREAMS
            if stream != "unknown" or summary.by_stream.get(stream, 0)
        )
        self.people.setText(f"{tr('sum_people', lang)} — {people}")
        self._fill_table(visits)
        hours = summary.per_hour
        self.hours_chart.show_bars([f"{hour:02d}" for hour, _n in hours], [n for _h, n in hours])
        self.referrals_chart.show_bars(
            [tr(f"referral_{level}", lang) for level in REFERRAL_LEVELS],
            [summary.referrals[str(level)] for level in REFERRAL_LEVELS],
            [REFERRAL_COLOURS[level] for level in REFERRAL_LEVELS],
        )

    def _fill_table(self, visits: Sequence[DayVisit]) -> None:
        lang = self._lang
        self.table.setRowCount(0)
        for row, visit in enumerate(visits):
            self.table.insertRow(row)
            muted = _MUTED if visit.status == VisitStatus.CANCELLED else None
            referral = visit.referral
            referred = referral is not None and referral is not Referral.NONE
            cells = (
                (str(visit.queue_number), muted, False),
                (visit.started_at.astimezone(self._tz).strftime("%H:%M"), muted, False),
                (visit.nik_masked, muted, False),
                (visit.name, muted, False),
                (tr(f"visit_status_{visit.status}", lang), muted, False),
                (
                    tr(f"referral_{referral}", lang) if referral else "—",
                    REFERRAL_TEXT_COLOURS[referral] if referral and referred else muted,
                    referred,
                ),
                (
                    tr(f"day_upload_{visit.upload}", lang),
                    _UPLOAD_COLOURS[visit.upload],
                    visit.upload == "dead",
                ),
            )
            for column, (text, colour, bold) in enumerate(cells):
                self.table.setItem(row, column, table_item(text, visit.visit_id, colour, bold=bold))
        self.empty_label.setVisible(not visits)
