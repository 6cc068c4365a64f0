"""Interpretation and reference range for each uploaded Observation, from the same checks the
desk shows (pure: values in, codes out).

Codes are HL7 v3 ObservationInterpretation: ``N`` normal, ``H``/``L`` high/low, ``HH``/``LL``
critical high/low (http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation).

Decisions:

* Each Observation is judged on its own value against its own reference range, never by the
  visit's overall category: a systolic of 170 is ``H`` while the diastolic of 60 beside it is
  ``N`` (the grade "isolated systolic hypertension" belongs to the visit's findings; SATUSEHAT's
  sandbox sample judges each BP Observation on its own value, docs/reference/satusehat.md "Added
  after trying the station"). Systolic is placed in the rule set's bands by the systolic limits
  alone, diastolic by the diastolic limits alone (ESH/ACC-AHA tables,
  docs/reference/clinical-rules.md 3.3; AAP 2017 for children, 3.8): ``N`` in a normal band, ``H``
  in an abnormal one, ``HH`` in a critical one; a systolic below the hypotension limit (3.5, PALS
  3.8) is ``LL``. Texts are the ones of SATUSEHAT's sample data ("Di atas nilai referensi", ...;
  docs/reference/satusehat.md 2.1).
* Reference ranges: adults, the rule set's normal range: high = the lowest non-normal band's
  limit - 1 (139/89 under esh-2023, 119/79 under acc-aha-2017, where "elevated" from 120 is
  already abnormal), low (systolic) = the hypotension limit 90. Adolescents 13-17: AAP 2017
  normal < 120/< 80 (high 119/79). Children under 13: none, their limits are height
  percentiles this desk cannot compute. SpO2 95-100 % (3.6). Heart rate: adults 51-90/min
  (NEWS2 score-0 band, 3.7), children Fleming 2011's 1st-99th centile for the age
  (station/checks/paediatric.py).
* A child under 13 whose value reaches no AAP cap gets no interpretation rather than a guessed
  ``N`` (the percentile needs height); the same for notices that are not judgements.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from station.checks.classify import (
    AAP_ADOLESCENT_AGE,
    ADULT_AGE,
    HR_HIGH,
    HR_LOW,
    SPO2_NORMAL,
    Classification,
    blood_pressure_bands,
    child_heart_rate_range,
    classify_heart_rate,
    classify_spo2,
    hypotension_limit,
)
from station.checks.findings import Severity
from station.checks.rulesets import BloodPressureBand, RuleSet

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


_TEXTS = {
    "N": "Dalam nilai referensi",
    "H": "Di atas nilai referensi",
    "HH": "Jauh di atas nilai referensi (kritis)",
    "L": "Di bawah nilai referensi",
    "LL": "Jauh di bawah nilai referensi (kritis)",
}
_BAND_CODES = {Severity.NORMAL: "N", Severity.ABNORMAL: "H", Severity.CRITICAL: "HH"}


def _judge(band: BloodPressureBand | None) -> Interpretation:
    if band is None:
        return Interpretation(None, None)  # a child below every cap: needs a percentile
    code = _BAND_CODES.get(band.severity)
    return Interpretation(code, _TEXTS[code] if code else None)


def _upper_normal(bands: tuple[BloodPressureBand, ...], systolic: bool) -> float | None:
    """The highest value still in a normal band: the lowest non-normal limit minus one (or
    the limit itself where the band starts *above* it, ACC/AHA's strict crisis)."""
    limits = [
        (b.systolic if systolic else b.diastolic, b.strict)
        for b in bands
        if b.severity is not Severity.NORMAL
        and (b.systolic if systolic else b.diastolic) is not None
    ]
    if not limits:
        return None
    limit, strict = min(limits, key=lambda item: (item[0], not item[1]))
    assert limit is not None
    return limit if strict else limit - 1


def blood_pressure_interpretation(
    systolic: float, diastolic: float, age_years: float, rules: RuleSet
) -> tuple[Interpretation, Interpretation]:
    """For the systolic and the diastolic Observation of one reading, each judged alone."""
    bands, _codes = blood_pressure_bands(age_years, rules)
    # A band's limits are reached by systolic *or* diastolic; passing 0 for the other value
    # places each value by its own limits only.
    by_systolic = next((b for b in bands if b.contains(systolic, 0.0)), None)
    by_diastolic = next((b for b in bands if b.contains(0.0, diastolic)), None)
    judged_sys, judged_dia = _judge(by_systolic), _judge(by_diastolic)
    low = hypotension_limit(age_years)
    if systolic < low:
        judged_sys = Interpretation("LL", _TEXTS["LL"])
    if age_years < AAP_ADOLESCENT_AGE:
        return judged_sys, judged_dia
    return (
        replace(judged_sys, low=low, high=_upper_normal(bands, systolic=True)),
        replace(judged_dia, high=_upper_normal(bands, systolic=False)),
    )


def spo2_interpretation(spo2: float, age_years: float) -> Interpretation:
    classification = classify_spo2(spo2, age_years)
    code = _code(classification, low=True)
    return Interpretation(code, _label(classification), low=SPO2_NORMAL, high=SPO2_MAX)


def heart_rate_interpretation(rate: float, age_years: float) -> Interpretation:
    classification = classify_heart_rate(rate, age_years)
    if age_years >= ADULT_AGE:
        low, high = HR_LOW + 1, HR_HIGH
    else:
        low, high = child_heart_rate_range(age_years)
    # Below the reference range is low, critical (LL) or not: every urgent limit for slow
    # rates (NEWS2 <= 40, PALS < 60 under 6) lies below the range's low end.
    slow = rate < low
    return Interpretation(_code(classification, low=slow), _label(classification), low, high)
