"""How readings and results are written on screen."""

from __future__ import annotations

from datetime import date

from devices.measurements import BloodPressure, CuffPressure, HeartRate, Measurement, SpO2
from station.birth_date import format_birth_date
from station.checks import Finding, Severity
from station.results import VisitResults
from station.store.repository import ReadingSource
from ui.finding_texts import worded_text
from ui.texts import Language, tr

__all__ = [
    "SEVERITY_COLOURS",
    "SEVERITY_ORDER",
    "day_text",
    "finding_line",
    "number",
    "reading_text",
    "results_lines",
    "source_text",
]

_SIMULATOR = "SIMULATOR"
SEVERITY_COLOURS = {
    Severity.INVALID: "#c62828",
    Severity.CRITICAL: "#7f0000",
    Severity.ABNORMAL: "#e65100",
    Severity.NOTICE: "#1565c0",
    Severity.NORMAL: "#2e7d32",
}
# Most urgent first.
SEVERITY_ORDER = (
    Severity.INVALID,
    Severity.CRITICAL,
    Severity.ABNORMAL,
    Severity.NOTICE,
    Severity.NORMAL,
)


def day_text(day: date) -> str:
    """A date as Indonesian forms write it: DD-MM-YYYY."""
    return format_birth_date(day)


def number(value: float | None) -> str:
    if value is None:
        return "--"
    return f"{value:g}"


def reading_text(measurement: Measurement, lang: Language) -> tuple[str, str]:
    """(what, value) for the readings table."""
    if isinstance(measurement, BloodPressure):
        value = f"{number(measurement.systolic)}/{number(measurement.diastolic)} {measurement.unit}"
        if measurement.pulse_rate is not None:
            value += f", {tr('pulse', lang)} {number(measurement.pulse_rate)}/min"
        return tr("blood_pressure", lang), value
    if isinstance(measurement, SpO2):
        value = f"SpO2 {number(measurement.spo2)} %"
        if measurement.pulse_rate is not None:
            value += f", {tr('pulse', lang)} {number(measurement.pulse_rate)}/min"
        return "SpO2", value
    if isinstance(measurement, HeartRate):
        return tr("p_heart_rate", lang), f"{measurement.heart_rate}/min"
    if isinstance(measurement, CuffPressure):
        return tr("blood_pressure", lang), f"{number(measurement.cuff_pressure)} {measurement.unit}"
    raise TypeError(type(measurement).__name__)


def finding_line(finding: Finding, lang: Language) -> str:
    """``[SEVERITY] message`` in the screen's language."""
    text = worded_text(finding, lang)
    return f"[{tr(f'severity_{finding.severity.value}', lang)}] {text}"


def source_text(source: ReadingSource, lang: Language) -> str:
    """Where a reading came from, for the readings table: the device's label (``SIMULATOR``
    first for a simulated one), or the manual-entry marker for a value typed in by hand."""
    if source.source == "manual":
        return tr("source_manual", lang)
    label = source.device_label
    if source.simulated and _SIMULATOR not in label:
        return f"{_SIMULATOR} {label}"
    return label


def _by_hand(line: str, manual: bool, lang: Language) -> str:
    return f"{line} {tr('manual_marker', lang)}" if manual else line


def results_lines(results: VisitResults, lang: Language) -> list[str]:
    """Plain sentences for the values that count (both screens); a value from a reading typed
    in by hand says so beside it."""
    lines = []
    if results.blood_pressure is not None:
        bp = results.blood_pressure
        line = f"{tr('p_blood_pressure', lang)} {number(bp.systolic)}/{number(bp.diastolic)} mmHg"
        lines.append(_by_hand(line, bp.manual, lang))
    if results.spo2 is not None:
        line = f"{tr('p_spo2', lang)} {number(results.spo2.value)} %"
        lines.append(_by_hand(line, results.spo2.manual, lang))
    if results.heart_rate is not None:
        rate = number(results.heart_rate.value)
        line = f"{tr('p_heart_rate', lang)} {rate} {tr('per_minute', lang)}"
        lines.append(_by_hand(line, results.heart_rate.manual, lang))
    return lines
