"""The patient screen's words for results (issue 13): each level in words with its icon and
colour, the comparison with the previous visit, the measuring hints, and dates as each
language writes them. Same shape as ``ui.texts``; the move to Qt's translator takes these
too."""

from __future__ import annotations

from datetime import date

from station.result_lines import Level, Trend
from ui.texts import Language

__all__ = ["LEVEL_COLOURS", "LEVEL_ICONS", "TEXTS", "TREND_ARROWS", "long_date", "tr"]

TEXTS: dict[str, dict[Language, str]] = {
    "level_normal": {"id": "Normal", "en": "Normal"},
    "level_high": {"id": "Tinggi", "en": "High"},
    "level_low": {"id": "Rendah", "en": "Low"},
    "level_very_high": {"id": "Sangat tinggi", "en": "Very high"},
    "level_very_low": {"id": "Sangat rendah", "en": "Very low"},
    "level_assess": {"id": "Dinilai petugas", "en": "For the health worker to judge"},
    "trend_up": {"id": "naik", "en": "up"},
    "trend_down": {"id": "turun", "en": "down"},
    "trend_same": {"id": "sama", "en": "the same"},
    "compare": {
        "id": "Sebelumnya ({day}): {then}  →  sekarang: {now} ({trend})",
        "en": "Last time ({day}): {then}  →  now: {now} ({trend})",
    },
    "hold_still": {
        "id": "Tetap tenang, lengan jangan bergerak",
        "en": "Stay calm and keep your arm still",
    },
    "finger_in": {"id": "Jari di dalam alat", "en": "Keep your finger in the device"},
    "measuring": {"id": "Sedang mengukur", "en": "Measuring"},
    "cuff_pressure": {"id": "Tekanan manset {value} mmHg", "en": "Cuff pressure {value} mmHg"},
    "wait_results": {
        "id": "Silakan tunggu, hasil segera tampil",
        "en": "Please wait, your results will show shortly",
    },
    "per_minute_short": {"id": "/menit", "en": "/min"},
    "not_diagnosis": {"id": "Bukan diagnosis.", "en": "Not a diagnosis."},
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

_MONTHS: dict[Language, tuple[str, ...]] = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def long_date(day: date, lang: Language) -> str:
    """``3 Desember 2025`` / ``3 December 2025``: day, month name, year in both."""
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"


def tr(key: str, lang: Language, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    return TEXTS[key][lang].format(**values)
