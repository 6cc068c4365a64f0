"""How readings and results are written on screen."""

from __future__ import annotations

from datetime import date

from devices.measurements import BloodPressure, CuffPressure, HeartRate, Measurement, SpO2
from station.results import VisitResults
from ui.texts import Language, tr

__all__ = ["day_text", "number", "reading_text", "results_lines"]


def day_text(day: date) -> str:
    """A date as Indonesian forms write it: DD-MM-YYYY."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


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


def results_lines(results: VisitResults, lang: Language) -> list[str]:
    """Plain sentences for the values that count (both screens)."""
    lines = []
    if results.blood_pressure is not None:
        bp = results.blood_pressure
        lines.append(
            f"{tr('p_blood_pressure', lang)} {number(bp.systolic)}/{number(bp.diastolic)} mmHg"
        )
    if results.spo2 is not None:
        lines.append(f"{tr('p_spo2', lang)} {number(results.spo2.value)} %")
    if results.heart_rate is not None:
        rate = number(results.heart_rate.value)
        lines.append(f"{tr('p_heart_rate', lang)} {rate} {tr('per_minute', lang)}")
    return lines
