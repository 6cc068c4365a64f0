"""Interpretation and reference range for each uploaded Observation, from the same checks the
desk shows (pure: values in, codes out).

Codes are HL7 v3 ObservationInterpretation: ``N`` normal, ``H``/``L`` high/low, ``HH``/``LL``
critical high/low (http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation).

Decisions:

* Blood pressure is classified as a pair (ESH/ACC-AHA grades are defined on systolic *and*
  diastolic), so both Observations of a reading carry the pair's interpretation, and its
  category text (e.g. "Hipertensi derajat 1 (sistolik terisolasi)"); a diastolic of 80 in an
  isolated systolic hypertension is flagged ``H`` with that text, not judged alone.
* Reference ranges: blood pressure below the rule set's hypertension threshold for adults
  (high = threshold - 1: 139/89 under esh-2023, 129/79 under acc-aha-2017); none for children,
  whose limits are percentiles this desk cannot compute (no height). SpO2 95-100 %
  (clinical-rules.md 3.6). Heart rate: adults 51-90/min (NEWS2 score-0 band, 3.7), children
  the PALS range for the age (3.8).
* Notices that are not judgements (a child's BP that needs a percentile, under-3s) give no
  interpretation rather than a guessed ``N``.
"""

from __future__ import annotations

from dataclasses import dataclass

from station.checks.classify import (
    ADULT_AGE,
    HR_CRITICAL_LOW,
    HR_HIGH,
    HR_LOW,
    SPO2_NORMAL,
    Classification,
    child_heart_rate_range,
    classify_blood_pressure,
    classify_heart_rate,
    classify_spo2,
)
from station.checks.findings import Severity
from station.checks.rulesets import RuleSet

__all__ = [
    "Interpretation",
    "blood_pressure_interpretation",
    "heart_rate_interpretation",
    "spo2_interpretation",
]

SPO2_MAX = 100.0


@dataclass(frozen=True, slots=True)
class Interpretation:
    code: str | None
    text: str | None
    low: float | None = None
    high: float | None = None


def _code(classification: Classification, *, low: bool) -> str | None:
    if classification.severity is Severity.NORMAL:
        return "N"
    if classification.severity is Severity.CRITICAL:
        return "LL" if low else "HH"
    if classification.severity is Severity.ABNORMAL:
        return "L" if low else "H"
    return None  # a notice is not a judgement of the value


def _label(classification: Classification) -> str:
    """The category part of the message: "Tekanan darah 150/95 mmHg: Hipertensi derajat 1."
    → "Hipertensi derajat 1"."""
    return classification.message_id.split(": ", 1)[-1].rstrip(".").split(". ")[0]


def blood_pressure_interpretation(
    systolic: float, diastolic: float, age_years: float, rules: RuleSet
) -> tuple[Interpretation, Interpretation]:
    """For the systolic and the diastolic Observation of one reading."""
    classification = classify_blood_pressure(systolic, diastolic, age_years, rules)
    code = _code(classification, low=classification.category == "hypotension")
    text = _label(classification) if code is not None else None
    if age_years < ADULT_AGE:
        return Interpretation(code, text), Interpretation(code, text)
    return (
        Interpretation(code, text, high=rules.protocol_systolic - 1),
        Interpretation(code, text, high=rules.protocol_diastolic - 1),
    )


def spo2_interpretation(spo2: float, age_years: float) -> Interpretation:
    classification = classify_spo2(spo2, age_years)
    code = _code(classification, low=True)
    return Interpretation(code, _label(classification), low=SPO2_NORMAL, high=SPO2_MAX)


def heart_rate_interpretation(rate: float, age_years: float) -> Interpretation:
    classification = classify_heart_rate(rate, age_years)
    if age_years >= ADULT_AGE:
        low, high = HR_LOW + 1, HR_HIGH
        slow = rate <= HR_LOW
    else:
        low, high = child_heart_rate_range(age_years)
        slow = rate < low
    if classification.category == "extreme":
        slow = rate <= HR_CRITICAL_LOW
    return Interpretation(_code(classification, low=slow), _label(classification), low, high)
