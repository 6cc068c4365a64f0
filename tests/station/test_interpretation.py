"""Interpretation codes and reference ranges of uploaded Observations, from the checks.

Sources: HL7 v3 ObservationInterpretation codes; thresholds as station/checks/classify.py
cites them (clinical-rules.md 3.5 blood pressure grades, 3.6 SpO2, 3.7 NEWS2, 3.8 PALS).
"""

from __future__ import annotations

import pytest

from station.checks.interpretation import (
    blood_pressure_interpretation,
    heart_rate_interpretation,
    spo2_interpretation,
)
from station.checks.rulesets import rule_set

ESH = rule_set("esh-2023")
ACC = rule_set("acc-aha-2017")


@pytest.mark.parametrize(
    ("systolic", "diastolic", "rules", "code", "high"),
    [
        (120, 78, ESH, "N", (139, 89)),  # ESH normal; reference below the 140/90 threshold
        (139, 89, ESH, "N", (139, 89)),  # high-normal is not hypertension (ESH 2023 table)
        (140, 85, ESH, "H", (139, 89)),  # grade 1 (isolated systolic): both flagged
        (185, 100, ESH, "HH", (139, 89)),  # grade 3: critical
        (89, 60, ESH, "LL", (139, 89)),  # hypotension, systolic below 90 (3.5)
        (135, 85, ACC, "H", (129, 79)),  # ACC/AHA stage 1 from 130/80
    ],
)
def test_blood_pressure_pair_for_adults(systolic, diastolic, rules, code, high):
    judged_sys, judged_dia = blood_pressure_interpretation(systolic, diastolic, 45, rules)
    assert (judged_sys.code, judged_dia.code) == (code, code)
    assert (judged_sys.high, judged_dia.high) == high
    assert judged_sys.text == judged_dia.text
    assert judged_sys.low is None


def test_children_get_no_blood_pressure_reference_range():
    # Under 13 the limits are percentiles for height, which the desk does not record (3.8).
    judged, _ = blood_pressure_interpretation(110, 70, 8, ESH)
    assert (judged.code, judged.low, judged.high) == (None, None, None)
    judged, _ = blood_pressure_interpretation(125, 82, 15, ESH)  # AAP adolescent: stage 1
    assert judged.code == "H"
    assert judged.high is None


@pytest.mark.parametrize(("spo2", "code"), [(97, "N"), (95, "N"), (94, "L"), (90, "L"), (89, "LL")])
def test_spo2(spo2, code):
    judged = spo2_interpretation(spo2, 45)
    assert judged.code == code
    assert (judged.low, judged.high) == (95, 100)


@pytest.mark.parametrize(
    ("rate", "age", "code", "low", "high"),
    [
        (72, 45, "N", 51, 90),  # NEWS2 score 0: 51-90 (3.7)
        (50, 45, "L", 51, 90),
        (91, 45, "H", 51, 90),
        (40, 45, "LL", 51, 90),  # extreme: at or below 40
        (131, 45, "HH", 51, 90),  # extreme: 131 and above
        (120, 5, "N", 80, 160),  # PALS 1-5 years (3.8)
        (170, 5, "H", 80, 160),
    ],
)
def test_heart_rate(rate, age, code, low, high):
    judged = heart_rate_interpretation(rate, age)
    assert (judged.code, judged.low, judged.high) == (code, low, high)
