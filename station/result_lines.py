"""What each value that counts means for the person (issue 13): its level (normal, high,
low, very high, very low, or to be judged by a health worker), the category's name from the
rule set that graded it, and how it moved since the previous confirmed visit.

Pure: the screens and the slip render these in the current language; the words for a
blood-pressure category are the rule set's own band labels (never retyped here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from station.checks import Severity
from station.checks.classify import ADULT_AGE, HR_CRITICAL_LOW, blood_pressure_bands
from station.checks.paediatric import child_heart_rate_limits
from station.checks.rulesets import rule_set_or_default
from station.results import VisitResults, age_on, local_naive
from station.store.repository import StoredVisit

__all__ = ["Level", "ResultLine", "Trend", "result_lines", "trend"]


class Level(StrEnum):
    NORMAL = "normal"
    HIGH = "high"
    LOW = "low"
    VERY_HIGH = "very_high"
    VERY_LOW = "very_low"
    ASSESS = "assess"  # not graded here: a health worker judges it (young children)


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"


@dataclass(frozen=True, slots=True)
class ResultLine:
    """One value that counts: ``parameter`` is ``blood_pressure``, ``spo2`` or
    ``heart_rate``; ``numbers`` the value(s) (systolic, diastolic for blood pressure);
    ``label`` the rule set's category name (Bahasa Indonesia, English) where it has one."""

    parameter: str
    numbers: tuple[float, ...]
    level: Level
    category: str
    label: tuple[str, str] | None = None
    manual: bool = False
    simulated: bool = False


_BP_LEVELS = {
    "hypotension": Level.VERY_LOW,
    "not_screened_under_3": Level.ASSESS,
    "needs_percentile": Level.ASSESS,
}
_HR_LEVELS = {"slow": Level.LOW, "fast": Level.HIGH, "normal": Level.NORMAL}


def _bp_level(category: str, severity: str) -> Level:
    if category in _BP_LEVELS:
        return _BP_LEVELS[category]
    if severity == Severity.NORMAL:
        return Level.NORMAL
    return Level.VERY_HIGH if severity == Severity.CRITICAL else Level.HIGH


def _spo2_level(severity: str) -> Level:
    if severity == Severity.NORMAL:
        return Level.NORMAL
    return Level.VERY_LOW if severity == Severity.CRITICAL else Level.LOW


def _hr_level(category: str, rate: float, age_years: float) -> Level:
    if category == "extreme":  # slow or fast by the same limits that graded it
        if age_years >= ADULT_AGE:
            slow = rate <= HR_CRITICAL_LOW
        else:
            slow = child_heart_rate_limits(age_years).urgent_slow(rate)
        return Level.VERY_LOW if slow else Level.VERY_HIGH
    return _HR_LEVELS.get(category, Level.ASSESS)


def _age(visit: StoredVisit) -> float:
    day: date = local_naive(visit.started_at).date()
    return age_on(visit.person.birth_date, visit.person.nik, day)


def _bp_label(visit: StoredVisit, category: str) -> tuple[str, str] | None:
    age = _age(visit)
    bands, _prefix = blood_pressure_bands(age, rule_set_or_default(visit.rule_set))
    band = next((b for b in bands if b.code == category), None)
    return (band.label_id, band.label_en) if band is not None else None


def result_lines(visit: StoredVisit, results: VisitResults) -> list[ResultLine]:
    """The visit's values that count, blood pressure first, each with its level and label."""
    lines: list[ResultLine] = []
    if (bp := results.blood_pressure) is not None:
        lines.append(
            ResultLine(
                "blood_pressure",
                (bp.systolic, bp.diastolic),
                _bp_level(bp.category, bp.severity),
                bp.category,
                _bp_label(visit, bp.category),
                bp.manual,
                bp.simulated,
            )
        )
    if (spo2 := results.spo2) is not None:
        lines.append(
            ResultLine(
                "spo2",
                (spo2.value,),
                _spo2_level(spo2.severity),
                spo2.category,
                manual=spo2.manual,
                simulated=spo2.simulated,
            )
        )
    if (rate := results.heart_rate) is not None:
        lines.append(
            ResultLine(
                "heart_rate",
                (rate.value,),
                _hr_level(rate.category, rate.value, _age(visit)),
                rate.category,
                manual=rate.manual,
                simulated=rate.simulated,
            )
        )
    return lines


def trend(now: ResultLine, then: ResultLine) -> Trend:
    """How the value moved since ``then``: by the first number (the systolic for blood
    pressure, which grades it), rounded as shown."""
    before, after = round(then.numbers[0]), round(now.numbers[0])
    if after > before:
        return Trend.UP
    return Trend.DOWN if after < before else Trend.SAME
