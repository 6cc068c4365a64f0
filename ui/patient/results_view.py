"""The person's results on the patient screen (issue 13): one row per value with its icon,
the value, its level and category in words on a coloured badge, and under it the value at
the previous confirmed visit with the date and an arrow; then the next step and "not a
diagnosis". Large type, to be read from two metres."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station.result_lines import ResultLine, trend
from ui.finding_texts import message_text
from ui.formatting import number
from ui.naming import named
from ui.patient import result_texts as words
from ui.texts import Language
from ui.texts import tr as common

__all__ = ["ResultsView", "category_words", "px", "value_text"]

_NAMES = {"blood_pressure": "p_blood_pressure", "spo2": "p_spo2", "heart_rate": "p_heart_rate"}


def value_text(line: ResultLine, lang: Language) -> str:
    """``128/82 mmHg``, ``97 %``, ``72 /menit``."""
    if line.parameter == "blood_pressure":
        systolic, diastolic = line.numbers
        return f"{number(systolic)}/{number(diastolic)} mmHg"
    if line.parameter == "spo2":
        return f"{number(line.numbers[0])} %"
    return f"{number(line.numbers[0])} {words.tr('per_minute_short', lang)}"


def category_words(line: ResultLine, lang: Language) -> str:
    """The level in words, then the rule set's category name when it says more:
    ``Tinggi — Hipertensi derajat 1``, ``Normal``."""
    level = words.tr(f"level_{line.level.value}", lang)
    if line.label is None:
        return level
    # The band's label through the translator; a category the screens have no label for
    # (a child's immediate-care band, whose label holds numbers) in the station's words.
    label = message_text(f"bp_band.{line.category}", {}, line.label, lang)
    if label.casefold().startswith(level.casefold()):
        return label  # "Sangat tinggi: lebih dari 30 mmHg …" already says the level
    return f"{level} — {label}"


def comparison_text(now: ResultLine, then: ResultLine, day: date, lang: Language) -> str:
    moved = trend(now, then)
    return words.tr(
        "compare",
        lang,
        day=words.long_date(day, lang),
        then=value_text(then, lang),
        now=value_text(now, lang),
        trend=f"{words.TREND_ARROWS[moved]} {words.tr(f'trend_{moved.value}', lang)}",
    )


def px(size: float, scale: float) -> str:
    """``size`` pixels at 1366x768, for a screen ``scale`` times as large."""
    return f"{round(size * scale)}px"


class _ResultRow(QFrame):
    def __init__(
        self,
        line: ResultLine,
        previous: ResultLine | None,
        day: date | None,
        lang: Language,
        *,
        scale: float = 1.0,
    ) -> None:
        super().__init__()
        colour = words.LEVEL_COLOURS[line.level]
        self.setObjectName(f"result_{line.parameter}")
        self.setStyleSheet(
            f"QFrame#result_{line.parameter} {{ background: white; "
            f"border-left: {px(14, scale)} solid {colour}; border-radius: 6px; }} "
            "QLabel { color: #102a3a; }"
        )
        name = common(_NAMES[line.parameter], lang)
        value = value_text(line, lang)
        if line.manual:
            value += f" {common('manual_marker', lang)}"
        self.name_label = named(QLabel(name), "resultName")
        self.name_label.setStyleSheet(f"font-size: {px(26, scale)};")
        self.value_label = named(QLabel(value), "resultValue")
        self.value_label.setStyleSheet(f"font-size: {px(40, scale)}; font-weight: bold;")
        self.badge = named(
            QLabel(f"{words.LEVEL_ICONS[line.level]}  {category_words(line, lang)}"),
            "resultBadge",
        )
        self.badge.setWordWrap(True)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setStyleSheet(
            f"background: {colour}; color: white; font-size: {px(30, scale)}; font-weight: bold; "
            "padding: 6px 14px; border-radius: 6px;"
        )
        left = QVBoxLayout()
        left.setSpacing(0)
        left.addWidget(self.name_label)
        left.addWidget(self.value_label)
        top = QHBoxLayout()
        top.addLayout(left, stretch=1)
        top.addWidget(self.badge, stretch=1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 8, 16, 8)
        layout.setSpacing(2)
        layout.addLayout(top)
        self.comparison_label: QLabel | None = None
        if previous is not None and day is not None:
            self.comparison_label = named(
                QLabel(comparison_text(line, previous, day, lang)), "resultComparison"
            )
            self.comparison_label.setStyleSheet(f"font-size: {px(22, scale)}; color: #37474f;")
            layout.addWidget(self.comparison_label)

    def texts(self) -> list[str]:
        parts = [self.name_label.text(), self.value_label.text(), self.badge.text()]
        if self.comparison_label is not None:
            parts.append(self.comparison_label.text())
        return parts


class ResultsView(QWidget):
    """The rows of one visit's results; ``show_results`` replaces what was there."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self._rows: list[_ResultRow] = []
        self.advice_label = named(QLabel(), "resultAdvice")
        self.advice_label.setWordWrap(True)
        self.advice_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_results(
        self,
        lines: Sequence[ResultLine],
        previous: Sequence[ResultLine],
        previous_day: date | None,
        advice: str,
        lang: Language,
        *,
        scale: float = 1.0,
    ) -> None:
        """The rows; ``scale``: the screen's size against 1366x768 (type grows with it)."""
        self.clear()
        self.advice_label.setStyleSheet(f"font-size: {px(30, scale)}; color: white;")
        earlier = {line.parameter: line for line in previous}
        for line in lines:
            row = _ResultRow(line, earlier.get(line.parameter), previous_day, lang, scale=scale)
            self._rows.append(row)
            self._layout.addWidget(row)
        self.advice_label.setText(advice)
        self._layout.addWidget(self.advice_label)
        self._layout.addStretch(1)

    def clear(self) -> None:
        for row in self._rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self._rows = []
        while self._layout.count():
            self._layout.takeAt(0)
        self.advice_label.clear()

    def rows(self) -> list[_ResultRow]:
        return list(self._rows)

    def texts(self) -> list[str]:
        parts = [text for row in self._rows for text in row.texts()]
        if self.advice_label.text():
            parts.append(self.advice_label.text())
        return parts
