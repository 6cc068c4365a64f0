"""The values that count for a visit, from its stored readings, through the rule engine.

Blood pressure follows the protocol of ``station.checks.protocol`` (mean of the last two valid
readings, half up); SpO2 is the last valid oximeter reading; the heart rate of record is the
oximeter's pulse, else the cuff's. Each value carries its classification under the visit's
rule set (stored with the visit), for the person's age on the visit day. Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from devices.measurements import BloodPressure, SpO2
from station.checks.engine import CheckReading, Evaluation, ResultValue, evaluate
from station.checks.rulesets import RuleSet, rule_set_or_default
from station.person import PersonError, nik_birth_date
from station.store.repository import StoredReading, StoredVisit

__all__ = [
    "BloodPressureResult",
    "ValueResult",
    "VisitResults",
    "age_on",
    "local_naive",
    "summarise",
]

ASSUMED_ADULT_AGE = 18.0


@dataclass(frozen=True, slots=True)
class BloodPressureResult:
    systolic: float
    diastolic: float
    readings_used: int
    simulated: bool
    category: str = ""
    severity: str = ""
    # True when a reading the value comes from was typed in by hand (manual entry).
    manual: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "systolic": self.systolic,
            "diastolic": self.diastolic,
            "unit": "mmHg",
            "readings_used": self.readings_used,
            "simulated": self.simulated,
            "manual": self.manual,
            "category": self.category,
            "severity": self.severity,
        }


@dataclass(frozen=True, slots=True)
class ValueResult:
    value: float
    unit: str
    simulated: bool
    category: str = ""
    severity: str = ""
    manual: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit,
            "simulated": self.simulated,
            "manual": self.manual,
            "category": self.category,
            "severity": self.severity,
        }


@dataclass(frozen=True, slots=True)
class VisitResults:
    blood_pressure: BloodPressureResult | None
    spo2: ValueResult | None
    heart_rate: ValueResult | None
    evaluation: Evaluation | None = None

    @property
    def any_simulated(self) -> bool:
        return any(
            r is not None and r.simulated for r in (self.blood_pressure, self.spo2, self.heart_rate)
        )

    @property
    def any_manual(self) -> bool:
        return any(
            r is not None and r.manual for r in (self.blood_pressure, self.spo2, self.heart_rate)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "blood_pressure": self.blood_pressure.to_json() if self.blood_pressure else None,
            "spo2": self.spo2.to_json() if self.spo2 else None,
            "heart_rate": self.heart_rate.to_json() if self.heart_rate else None,
        }


def local_naive(moment: datetime) -> datetime:
    """The station's local wall-clock time of an instant, naive like a device clock."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


# Under this age the heart-rate centiles change by the month (Fleming 2011 bands of 3 and 6
# months, station/checks/paediatric.py), so the age keeps its fraction of a year.
FRACTIONAL_AGE_BELOW_YEARS = 2


def age_on(birth_date: date | None, nik: str, day: date) -> float:
    """Age in years on ``day``: from the typed birth date, else from the NIK's date part.
    Whole years from 2 on; under 2 with the fraction (days / 365.25, never past the next
    birthday), so a one-month-old is graded as one. Neither known (a NIK from before the
    strict checks): treated as an adult, the rule set the desk was configured for."""
    born = birth_date
    if born is None:
        try:
            born = nik_birth_date(nik, day)
        except PersonError:
            return ASSUMED_ADULT_AGE
    years = max(day.year - born.year - ((day.month, day.day) < (born.month, born.day)), 0)
    if years >= FRACTIONAL_AGE_BELOW_YEARS:
        return float(years)
    fraction = max((day - born).days, 0) / 365.25
    return min(max(fraction, float(years)), years + 0.999)


def _rules(visit: StoredVisit) -> RuleSet:
    return rule_set_or_default(visit.rule_set)


@dataclass(frozen=True, slots=True)
class _Origin:
    """Where a value came from: a simulator, a hand (both False: a real device)."""

    simulated: bool = False
    manual: bool = False

    @staticmethod
    def of(readings: list[StoredReading]) -> _Origin:
        return _Origin(any(r.source.simulated for r in readings), any(r.manual for r in readings))


def _of_kind(readings: list[StoredReading], kind: type) -> list[StoredReading]:
    return [r for r in readings if isinstance(r.measurement, kind)]


def _value(result: ResultValue | None, origin: _Origin) -> ValueResult | None:
    if result is None:
        return None
    return ValueResult(
        result.values["value"],
        result.unit,
        origin.simulated,
        result.classification.category,
        str(result.classification.severity),
        origin.manual,
    )


def summarise(visit: StoredVisit) -> VisitResults:
    valid = [r for r in visit.readings if r.counts]
    evaluation = evaluate(
        [CheckReading(r.measurement, local_naive(r.received_at)) for r in valid],
        age_on(visit.person.birth_date, visit.person.nik, local_naive(visit.started_at).date()),
        _rules(visit),
    )
    pressures = _of_kind(valid, BloodPressure)
    oximetry = _of_kind(valid, SpO2)
    blood_pressure = None
    if evaluation.blood_pressure is not None:
        bp = evaluation.blood_pressure
        used = _Origin.of(pressures[-bp.readings_used :])
        blood_pressure = BloodPressureResult(
            bp.values["systolic"],
            bp.values["diastolic"],
            bp.readings_used,
            used.simulated,
            bp.classification.category,
            str(bp.classification.severity),
            used.manual,
        )
    heart_rate = evaluation.heart_rate
    oximeter = _Origin.of(oximetry[-1:])
    hr_origin = _Origin()
    if heart_rate is not None:
        hr_origin = oximeter if heart_rate.source == "oximeter" else _Origin.of(pressures[-1:])
    return VisitResults(
        blood_pressure=blood_pressure,
        spo2=_value(evaluation.spo2, oximeter),
        heart_rate=_value(heart_rate, hr_origin),
        evaluation=evaluation,
    )
