"""The patient screen's words for results (issue 13): each level in words with its icon and
colour, the comparison with the previous visit, the measuring hints, and dates as each
language writes them. Bahasa sources marked for Qt's translator, as in ``ui.texts``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from station.result_lines import Level, Trend
from ui.translations import Language, Text, translate, translated

__all__ = ["LEVEL_COLOURS", "LEVEL_ICONS", "TEXTS", "TREND_ARROWS", "long_date", "tr"]

TEXTS: dict[str, Text] = {
    "level_normal": translate("patient", "Normal", "level_normal"),
    "level_high": translate("patient", "Tinggi", "level_high"),
    "level_low": translate("patient", "Rendah", "level_low"),
    "level_very_high": translate("patient", "Sangat tinggi", "level_very_high"),
    "level_very_low": translate("patient", "Sangat rendah", "level_very_low"),
    "level_assess": translate("patient", "Dinilai petugas", "level_assess"),
    "trend_up": translate("patient", "naik", "trend_up"),
    "trend_down": translate("patient", "turun", "trend_down"),
    "trend_same": translate("patient", "sama", "trend_same"),
    "compare": translate(
        "patient", "Sebelumnya ({day}): {then}  →  sekarang: {now} ({trend})", "compare"
    ),
    "hold_still": translate("patient", "Tetap tenang, lengan jangan bergerak", "hold_still"),
    "finger_in": translate("patient", "Jari di dalam alat", "finger_in"),
    "measuring": translate("patient", "Sedang mengukur", "measuring"),
    "cuff_pressure": translate("patient", "Tekanan manset {value} mmHg", "cuff_pressure"),
    "wait_results": translate("patient", "Silakan tunggu, hasil segera tampil", "wait_results"),
    "per_minute_short": translate("patient", "/menit", "per_minute_short"),
    "not_diagnosis": translate("patient", "Bukan diagnosis.", "not_diagnosis"),
}

# Never colour alone: each level has its own symbol and its words beside it.
LEVEL_ICONS: dict[Level, str] = {
    Level.NORMAL: "✔",
    Level.HIGH: "▲",
    Level.LOW: "▼",
    Level.VERY_HIGH: "▲▲",
    Level.VERY_LOW: "▼▼",
    Level.ASSESS: "?",
}
# Dark enough for white text (contrast above 4.5:1) on the badge.
LEVEL_COLOURS: dict[Level, str] = {
    Level.NORMAL: "#1b5e20",
    Level.HIGH: "#bf360c",
    Level.LOW: "#bf360c",
    Level.VERY_HIGH: "#b71c1c",
    Level.VERY_LOW: "#b71c1c",
    Level.ASSESS: "#0d47a1",
}
TREND_ARROWS: dict[Trend, str] = {Trend.UP: "↑", Trend.DOWN: "↓", Trend.SAME: "="}


def long_date(day: date, lang: Language) -> str:
    """``3 Desember 2025`` / ``3 December 2025``: the language's own month names (Qt's
    locale data)."""
    locale = QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English)
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return translated(TEXTS[key], lang).format(**values)
