"""Interpretation codes and reference ranges of uploaded Observations, from the checks.

Sources: HL7 v3 ObservationInterpretation codes; thresholds as station/checks/classify.py
and station/checks/paediatric.py cite them (docs/reference/clinical-rules.md 3.3 and 3.5 blood
pressure grades, 3.6 SpO2, 3.7 NEWS2, 3.8 children: AAP 2017, Fleming 2011). Each blood-pressure
Observation is judged on its own value (issue 10 item 4).
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
    ("systolic", "diastolic", "rules", "codes", "high"),
    [
        (120, 78, ESH, ("N", "N"), (139, 89)),  # ESH normal; reference below 140/90
        (139, 89, ESH, ("N", "N"), (139, 89)),  # high-normal is not hypertension (ESH 2023)
        (140, 85, ESH, ("H", "N"), (139, 89)),  # isolated systolic: only the systolic is high
        (130, 95, ESH, ("N", "H"), (139, 89)),  # isolated diastolic
        (185, 100, ESH, ("HH", "H"), (139, 89)),  # systolic grade 3 alone is critical
        (150, 112, ESH, ("H", "HH"), (139, 89)),  # diastolic >= 110: critical on its own
        (89, 60, ESH, ("LL", "N"), (139, 89)),  # hypotension is the systolic's (3.5)
        (135, 85, ACC, ("H", "H"), (119, 79)),  # ACC/AHA abnormal from 120 / 80
        (125, 79, ACC, ("H", "N"), (119, 79)),  # ACC/AHA "elevated" is systolic only
        (181, 121, ACC, ("HH", "HH"), (119, 79)),  # ACC/AHA crisis > 180 / > 120
        (180, 120, ACC, ("H", "H"), (119, 79)),  # not crisis at exactly 180/120
    ],
)
def test_blood_pressure_each_value_judged_alone_for_adults(systolic, diastolic, rules, codes, high):
    judged_sys, judged_dia = blood_pressure_interpretation(systolic, diastolic, 45, rules)
    assert (judged_sys.code, judged_dia.code) == codes
    assert (judged_sys.high, judged_dia.high) == high
    assert judged_sys.low == 90  # SBP < 90 is low (docs/reference/clinical-rules.md 3.5)
    assert judged_dia.low is None
    # The code agrees with the reference range sent beside it.
    for value, judged in ((systolic, judged_sys), (diastolic, judged_dia)):
        assert (judged.code in ("H", "HH")) is (value > judged.high)


def test_issue_10_diastolic_60_beside_systolic_170_is_normal():
    """Issue 10 item 4: a diastolic of 60 went up as H "Hipertensi derajat 2 (sistolik
    terisolasi)" beside its own reference high of 89."""
    judged_sys, judged_dia = blood_pressure_interpretation(170, 60, 45, ESH)
    assert (judged_sys.code, judged_sys.text) == ("H", "Di atas nilai referensi")
    assert (judged_dia.code, judged_dia.text) == ("N", "Dalam nilai referensi")
    assert judged_dia.high == 89
    assert "sistolik terisolasi" not in (judged_dia.text or "")


def test_children_get_no_blood_pressure_reference_range():
    # Under 13 the limits are percentiles for height, which the desk does not record (3.8).
    judged_sys, judged_dia = blood_pressure_interpretation(110, 70, 8, ESH)
    assert (judged_sys.code, judged_sys.low, judged_sys.high) == (None, None, None)
    assert (judged_dia.code, judged_dia.high) == (None, None)
    judged_sys, judged_dia = blood_pressure_interpretation(125, 70, 8, ESH)  # AAP cap 120
    assert (judged_sys.code, judged_dia.code) == ("H", None)
    judged_sys, judged_dia = blood_pressure_interpretation(125, 82, 15, ESH)  # AAP adolescent
    assert (judged_sys.code, judged_dia.code) == ("H", "H")
    assert (judged_sys.high, judged_dia.high) == (119, 79)  # AAP >= 13: normal < 120/80
    # AAP 2017 4.3d at any height (station/checks/paediatric.py): 8 years, > 147/105.
    judged_sys, judged_dia = blood_pressure_interpretation(148, 70, 8, ESH)
    assert (judged_sys.code, judged_dia.code) == ("HH", None)


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
        (120, 5, "N", 65, 131),  # Fleming 2011, 4-6 years: 1st-99th centile 65-131
        (140, 5, "H", 65, 131),
        (50, 10, "L", 52, 115),  # Fleming 2011, 8-12 years: below the 1st centile
        (185, 5, "HH", 65, 131),  # PALS probable SVT >= 180
        (55, 3, "LL", 70, 136),  # PALS bradycardia < 60 under 6 years: critical low
        (40, 10, "LL", 52, 115),  # NEWS2 <= 40 from 6 years
    ],
)
def test_heart_rate(rate, age, code, low, high):
    judged = heart_rate_interpretation(rate, age)
    assert (judged.code, judged.low, judged.high) == (code, low, high)
