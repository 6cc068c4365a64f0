"""The guideline tables the checks apply, boundary by boundary, each row with its source.

Every row's id names the guideline and the section of
``docs/reference/clinical-rules.md`` (written "CR 3.x" in the ids) it comes from. Both
sides of every threshold are tested. Rows are plain values, so a wrong row reads like a wrong
line of the guideline table.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from devices.measurements import (
    BloodPressure,
    HeartRate,
    NonFiniteValueError,
    PressureUnit,
    SensorContact,
    SpO2,
)
from station.checks.classify import classify_blood_pressure, classify_heart_rate, classify_spo2
from station.checks.engine import CheckReading, evaluate
from station.checks.findings import Severity
from station.checks.protocol import StepCode
from station.checks.rulesets import Referral, rule_set
from station.results import age_on

ESH = rule_set("esh-2023")
ACC = rule_set("acc-aha-2017")
ADULT = 45
RECEIVED = datetime(2025, 3, 3, 9, 0, 0)

N, A, C, NOTE = Severity.NORMAL, Severity.ABNORMAL, Severity.CRITICAL, Severity.NOTICE
NONE, FOLLOW, SAME, URGENT = (
    Referral.NONE,
    Referral.FOLLOW_UP,
    Referral.SAME_DAY,
    Referral.URGENT,
)


def bp(systolic, diastolic, pulse=None, timestamp=None):
    return BloodPressure(
        systolic, diastolic, None, PressureUnit.MMHG, b"", pulse_rate=pulse, timestamp=timestamp
    )


def ox(spo2, pulse=72.0):
    return SpO2(spo2, pulse, b"")


def at(measurement, seconds=0):
    """A reading as the station received it, ``seconds`` after the first."""
    return CheckReading(measurement, RECEIVED + timedelta(seconds=seconds))


def pressures(*pairs):
    """Blood-pressure readings one minute apart, oldest first."""
    return [at(bp(s, d), 60 * i) for i, (s, d) in enumerate(pairs)]


def codes(findings, severity=None):
    return [f.code for f in findings if severity is None or f.severity is severity]


# -- adult blood pressure --------------------------------------------------------------------

ESH_ROWS = [
    pytest.param(119, 79, "optimal", N, NONE, id="ESH 2023 optimal <120/<80 (CR 3.3)"),
    pytest.param(120, 79, "normal", N, NONE, id="ESH 2023 normal from 120 systolic (CR 3.3)"),
    pytest.param(119, 80, "normal", N, NONE, id="ESH 2023 normal from 80 diastolic (CR 3.3)"),
    pytest.param(129, 84, "normal", N, NONE, id="ESH 2023 normal up to 129/84 (CR 3.3)"),
    pytest.param(130, 84, "high_normal", N, NONE, id="ESH 2023 high-normal from 130 (CR 3.3)"),
    pytest.param(129, 85, "high_normal", N, NONE, id="ESH 2023 high-normal from 85 (CR 3.3)"),
    pytest.param(139, 89, "high_normal", N, NONE, id="ESH 2023 high-normal to 139/89 (CR 3.3)"),
    pytest.param(
        140, 89, "grade_1", A, FOLLOW, id="ESH 2023 grade 1 from 140 (CR 3.3; 3.5 follow up)"
    ),
    pytest.param(
        139, 90, "grade_1", A, FOLLOW, id="ESH 2023 grade 1 from 90 (CR 3.3; 3.5 follow up)"
    ),
    pytest.param(159, 99, "grade_1", A, FOLLOW, id="ESH 2023 grade 1 up to 159/99 (CR 3.3)"),
    pytest.param(
        160, 99, "grade_2", A, SAME, id="ESH 2023 grade 2 from 160 (CR 3.3; 3.5 WHO 2021 today)"
    ),
    pytest.param(
        159, 100, "grade_2", A, SAME, id="ESH 2023 grade 2 from 100 (CR 3.3; 3.5 WHO 2021 today)"
    ),
    pytest.param(179, 109, "grade_2", A, SAME, id="ESH 2023 grade 2 up to 179/109 (CR 3.3)"),
    pytest.param(
        180, 109, "grade_3", C, URGENT, id="ESH 2023 grade 3 from 180 (CR 3.3; 3.5 urgent)"
    ),
    pytest.param(
        179, 110, "grade_3", C, URGENT, id="ESH 2023 grade 3 from 110 (CR 3.3; 3.5 urgent)"
    ),
]


@pytest.mark.parametrize(("systolic", "diastolic", "category", "severity", "referral"), ESH_ROWS)
def test_esh_2023_adult_grades(systolic, diastolic, category, severity, referral):
    found = classify_blood_pressure(systolic, diastolic, ADULT, ESH)
    assert (found.category, found.severity, found.referral) == (category, severity, referral)
    assert found.code == f"esh-2023:{category}"


@pytest.mark.parametrize(
    ("systolic", "diastolic", "isolated"),
    [
        pytest.param(150, 80, True, id="ESH 2023 isolated systolic >=140/<90 (CR 3.3)"),
        pytest.param(140, 89, True, id="ESH 2023 isolated systolic at 140/89 (CR 3.3)"),
        pytest.param(185, 85, True, id="ESH 2023 isolated systolic, grade 3 (CR 3.3)"),
        pytest.param(150, 90, False, id="ESH 2023 not isolated at diastolic 90 (CR 3.3)"),
        pytest.param(135, 80, False, id="ESH 2023 not isolated below 140 (CR 3.3)"),
    ],
)
def test_esh_2023_isolated_systolic_label(systolic, diastolic, isolated):
    found = classify_blood_pressure(systolic, diastolic, ADULT, ESH)
    assert ("(isolated systolic)" in found.message_en) is isolated
    assert ("(sistolik terisolasi)" in found.message_id) is isolated


ACC_ROWS = [
    pytest.param(119, 79, "normal", N, NONE, id="ACC/AHA 2017 normal <120 and <80 (CR 3.3)"),
    pytest.param(120, 79, "elevated", A, NONE, id="ACC/AHA 2017 elevated from 120 (CR 3.3)"),
    pytest.param(129, 79, "elevated", A, NONE, id="ACC/AHA 2017 elevated to 129/<80 (CR 3.3)"),
    pytest.param(130, 79, "stage_1", A, FOLLOW, id="ACC/AHA 2017 stage 1 from 130 (CR 3.3)"),
    pytest.param(119, 80, "stage_1", A, FOLLOW, id="ACC/AHA 2017 stage 1 from 80 (CR 3.3)"),
    pytest.param(139, 89, "stage_1", A, FOLLOW, id="ACC/AHA 2017 stage 1 to 139/89 (CR 3.3)"),
    pytest.param(
        140, 89, "stage_2", A, FOLLOW, id="ACC/AHA 2017 stage 2 from 140 (CR 3.3; 3.5 follow up)"
    ),
    pytest.param(
        139, 90, "stage_2", A, FOLLOW, id="ACC/AHA 2017 stage 2 from 90 (CR 3.3; 3.5 follow up)"
    ),
    pytest.param(159, 99, "stage_2", A, FOLLOW, id="ACC/AHA 2017 stage 2 <160/100 (CR 3.5)"),
    pytest.param(
        160, 99, "stage_2", A, SAME, id="ACC/AHA 2017 stage 2 >=160 same day (CR 3.5 WHO 2021)"
    ),
    pytest.param(
        159, 100, "stage_2", A, SAME, id="ACC/AHA 2017 stage 2 >=100 same day (CR 3.5 WHO 2021)"
    ),
    pytest.param(
        180, 120, "stage_2", A, SAME, id="ACC/AHA 2017 not crisis at 180/120 (CR 3.3 >180/>120)"
    ),
    pytest.param(
        181, 100, "crisis", C, URGENT, id="ACC/AHA 2017 crisis above 180 (CR 3.3, 3.5 urgent)"
    ),
    pytest.param(
        170, 121, "crisis", C, URGENT, id="ACC/AHA 2017 crisis above 120 (CR 3.3, 3.5 urgent)"
    ),
]


@pytest.mark.parametrize(("systolic", "diastolic", "category", "severity", "referral"), ACC_ROWS)
def test_acc_aha_2017_adult_stages(systolic, diastolic, category, severity, referral):
    found = classify_blood_pressure(systolic, diastolic, ADULT, ACC)
    assert (found.category, found.severity, found.referral) == (category, severity, referral)
    assert found.code == f"acc-aha-2017:{category}"


# -- hypotension -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("systolic", "age", "hypotension"),
    [
        pytest.param(89, ADULT, True, id="adult SBP <90 red (CR 3.5 low BP)"),
        pytest.param(90, ADULT, False, id="adult SBP 90 not red (CR 3.5 low BP <90)"),
        pytest.param(79, 5, True, id="PALS age 5: 70+2x5=80, 79 red (CR 3.8)"),
        pytest.param(80, 5, False, id="PALS age 5: 80 not red (CR 3.8)"),
        pytest.param(71, 1, True, id="PALS age 1: 70+2x1=72, 71 red (CR 3.8)"),
        pytest.param(72, 1, False, id="PALS age 1: 72 not red (CR 3.8)"),
        pytest.param(89, 10, True, id="PALS age 10: 70+2x10=90, 89 red (CR 3.8)"),
        pytest.param(89, 12, True, id="PALS 1-10 only, age 12 uses adult 90: 89 red (CR 3.8/3.5)"),
        pytest.param(90, 12, False, id="age 12 uses adult 90: 90 not red (CR 3.8/3.5)"),
    ],
)
@pytest.mark.parametrize("rules", [ESH, ACC], ids=["esh-2023", "acc-aha-2017"])
def test_hypotension_limits(systolic, age, hypotension, rules):
    found = classify_blood_pressure(systolic, 50, age, rules)
    if hypotension:
        assert (found.category, found.severity, found.referral) == ("hypotension", C, URGENT)
    else:
        assert found.category != "hypotension"
        assert found.severity is not C


@pytest.mark.parametrize(
    "age",
    [
        pytest.param(0.5, id="PALS infant 6 months, SBP 80 inside 1-month 70-104 (CR 3.8)"),
        pytest.param(0.1, id="PALS infant 1 month, SBP 80 inside 1-month 70-104 (CR 3.8)"),
    ],
)
def test_normal_infant_pressure_is_not_critical_hypotension(age):
    found = classify_blood_pressure(80, 50, age, ESH)
    assert found.category != "hypotension"


# -- children and adolescents ----------------------------------------------------------------

CHILD_ROWS = [
    pytest.param(14, 119, 79, "normal", N, id="AAP 2017 >=13y normal <120/<80 (CR 3.8)"),
    pytest.param(14, 120, 79, "elevated", A, id="AAP 2017 >=13y elevated 120-129/<80 (CR 3.8)"),
    pytest.param(14, 129, 79, "elevated", A, id="AAP 2017 >=13y elevated to 129/79 (CR 3.8)"),
    pytest.param(14, 130, 79, "stage_1", A, id="AAP 2017 >=13y stage 1 from 130 (CR 3.8)"),
    pytest.param(14, 129, 80, "stage_1", A, id="AAP 2017 >=13y stage 1 from 80 (CR 3.8)"),
    pytest.param(14, 130, 80, "stage_1", A, id="AAP 2017 >=13y stage 1 130/80 (CR 3.8)"),
    pytest.param(14, 139, 89, "stage_1", A, id="AAP 2017 >=13y stage 1 to 139/89 (CR 3.8)"),
    pytest.param(14, 140, 90, "stage_2", A, id="AAP 2017 >=13y stage 2 140/90 (CR 3.8)"),
    pytest.param(13, 120, 79, "elevated", A, id="AAP 2017 table from age 13 (CR 3.8)"),
    pytest.param(
        8, 119, 79, "needs_percentile", NOTE, id="AAP 2017 <13y below caps: percentile (CR 3.8)"
    ),
    pytest.param(
        12.9, 119, 79, "needs_percentile", NOTE, id="AAP 2017 <13y still caps at 12.9 (CR 3.8)"
    ),
    pytest.param(
        8, 120, 79, "at_least_elevated", A, id="AAP 2017 <13y cap 120/80 elevated (CR 3.8)"
    ),
    pytest.param(8, 129, 79, "at_least_elevated", A, id="AAP 2017 <13y below 130/80 cap (CR 3.8)"),
    pytest.param(8, 130, 80, "at_least_stage_1", A, id="AAP 2017 <13y cap 130/80 stage 1 (CR 3.8)"),
    pytest.param(
        8, 119, 80, "at_least_stage_1", A, id="AAP 2017 <13y cap 130/80, diastolic (CR 3.8)"
    ),
    pytest.param(8, 139, 89, "at_least_stage_1", A, id="AAP 2017 <13y below 140/90 cap (CR 3.8)"),
    pytest.param(8, 140, 90, "at_least_stage_2", A, id="AAP 2017 <13y cap 140/90 stage 2 (CR 3.8)"),
    pytest.param(
        8, 147, 105, "at_least_stage_2", A, id="AAP 2017 4.3d 8y: 147/105 not yet immediate"
    ),
    pytest.param(
        8, 148, 90, "aap_immediate_care", C, id="AAP 2017 4.3d 8y: > 95th+30 any height (147)"
    ),
    pytest.param(
        14, 180, 110, "grade_3_limit", C, id="adolescent >=180/110 critical (CR 3.5 floor)"
    ),
    pytest.param(
        2,
        100,
        60,
        "not_screened_under_3",
        NOTE,
        id="AAP 2017 not screened under 3 (CR 3.8 'from age 3')",
    ),
    pytest.param(2, 120, 79, "at_least_elevated", A, id="AAP 2017 caps apply under 3 too (CR 3.8)"),
    pytest.param(3, 100, 60, "needs_percentile", NOTE, id="AAP 2017 screening from 3 (CR 3.8)"),
]


@pytest.mark.parametrize(("age", "systolic", "diastolic", "category", "severity"), CHILD_ROWS)
@pytest.mark.parametrize("rules", [ESH, ACC], ids=["esh-2023", "acc-aha-2017"])
def test_children_after_aap_2017(*, age, systolic, diastolic, category, severity, rules):
    found = classify_blood_pressure(systolic, diastolic, age, rules)
    assert (found.category, found.severity) == (category, severity)
    table = "aap-2017-adolescent" if age >= 13 else "aap-2017-child"
    assert found.code == f"{rules.id}:{table}:{category}"


@pytest.mark.parametrize(
    ("age", "category"),
    [
        pytest.param(17.9, "elevated", id="AAP 2017 adolescent table to 17 (CR 3.8)"),
        pytest.param(18, "normal", id="adult table from 18, ESH 2023 normal (CR 3.3)"),
    ],
)
def test_adult_tables_start_at_18(age, category):
    assert classify_blood_pressure(125, 79, age, ESH).category == category


# -- SpO2 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spo2", "category", "severity", "referral"),
    [
        pytest.param(89, "hypoxaemia_severe", C, URGENT, id="SpO2 <90 red urgent (CR 3.6 WHO)"),
        pytest.param(
            90, "hypoxaemia_moderate", A, SAME, id="SpO2 90 amber same day (CR 3.6 90-93)"
        ),
        pytest.param(
            93, "hypoxaemia_moderate", A, SAME, id="SpO2 93 amber same day (CR 3.6 90-93)"
        ),
        pytest.param(94, "borderline", A, NONE, id="SpO2 94 borderline re-measure (CR 3.6)"),
        pytest.param(95, "normal", N, NONE, id="SpO2 >=95 normal (CR 3.6)"),
        pytest.param(100, "normal", N, NONE, id="SpO2 100 normal (CR 3.6)"),
    ],
)
@pytest.mark.parametrize("age", [ADULT, 8], ids=["adult", "child-8"])
def test_spo2_bands(spo2, category, severity, referral, age):
    found = classify_spo2(spo2, age)
    assert (found.category, found.severity, found.referral) == (category, severity, referral)


# -- heart rate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "category", "severity", "referral"),
    [
        pytest.param(40, "extreme", C, URGENT, id="NEWS2 pulse <=40 scores 3 (CR 3.7, 3.5)"),
        pytest.param(41, "slow", A, NONE, id="NEWS2 pulse 41 scores 1 (CR 3.7)"),
        pytest.param(50, "slow", A, NONE, id="NEWS2 pulse 50 scores 1 (CR 3.7)"),
        pytest.param(51, "normal", N, NONE, id="NEWS2 pulse 51 scores 0 (CR 3.7)"),
        pytest.param(90, "normal", N, NONE, id="NEWS2 pulse 90 scores 0 (CR 3.7)"),
        pytest.param(91, "fast", A, NONE, id="NEWS2 pulse 91 scores 1 (CR 3.7)"),
        pytest.param(110, "fast", A, NONE, id="NEWS2 pulse 110 scores 1 (CR 3.7)"),
        pytest.param(111, "fast", A, FOLLOW, id="NEWS2 pulse 111 scores 2 (CR 3.7)"),
        pytest.param(130, "fast", A, FOLLOW, id="NEWS2 pulse 130 scores 2 (CR 3.7)"),
        pytest.param(131, "extreme", C, URGENT, id="NEWS2 pulse >=131 scores 3 (CR 3.7, 3.5)"),
    ],
)
def test_adult_heart_rate_news2_bands(rate, category, severity, referral):
    found = classify_heart_rate(rate, ADULT)
    assert (found.category, found.severity, found.referral) == (category, severity, referral)


# Fleming 2011 Table 2, 1st and 99th centiles by age band (station/checks/paediatric.py), at
# an age inside each band; under 2 years the whole year (the store has whole years).
FLEMING_BANDS = [
    pytest.param(0, 93, 181, id="Fleming 2011 0-12 months, years only (widest of 4 bands)"),
    pytest.param(1, 82, 156, id="Fleming 2011 12-24 months, years only (widest of 2 bands)"),
    # With the months known (the desk's age from the birth date or NIK): the exact band.
    pytest.param(1 / 12, 107, 181, id="Fleming 2011 0-3 months (1 month old)"),
    pytest.param(4 / 12, 104, 175, id="Fleming 2011 3-6 months"),
    pytest.param(7 / 12, 98, 168, id="Fleming 2011 6-9 months"),
    pytest.param(10 / 12, 93, 161, id="Fleming 2011 9-12 months"),
    pytest.param(1.25, 88, 156, id="Fleming 2011 12-18 months"),
    pytest.param(1.75, 82, 149, id="Fleming 2011 18-24 months"),
    pytest.param(2, 76, 142, id="Fleming 2011 2-3 years"),
    pytest.param(3, 70, 136, id="Fleming 2011 3-4 years"),
    pytest.param(5, 65, 131, id="Fleming 2011 4-6 years"),
    pytest.param(7, 59, 123, id="Fleming 2011 6-8 years"),
    pytest.param(10, 52, 115, id="Fleming 2011 8-12 years"),
    pytest.param(13, 47, 108, id="Fleming 2011 12-15 years"),
    pytest.param(17, 43, 104, id="Fleming 2011 15-18 years"),
]


@pytest.mark.parametrize(("age", "low", "high"), FLEMING_BANDS)
def test_child_heart_rate_on_fleming_centiles_both_directions(age, low, high):
    for rate in (low, (low + high) / 2, high):  # 1st-99th centile: normal, no referral
        found = classify_heart_rate(rate, age)
        assert (found.category, found.severity, found.referral) == ("normal", N, NONE), rate
    below, above = classify_heart_rate(low - 1, age), classify_heart_rate(high + 1, age)
    for found, category in ((below, "slow"), (above, "fast")):
        # Outside 1st-99th: abnormal, a same-day review (NICE NG143 amber, paediatric.py).
        assert (found.category, found.severity, found.referral) == (category, A, SAME)
        assert found.code == "heart-rate:fleming-2011-centile"


@pytest.mark.parametrize(
    ("age", "rate", "referral"),
    [
        pytest.param(0, 219, SAME, id="PALS infant SVT from 220: 219 same day"),
        pytest.param(0, 220, URGENT, id="PALS infant probable SVT >= 220 urgent"),
        pytest.param(1, 179, SAME, id="PALS child SVT from 180: 179 same day"),
        pytest.param(1, 180, URGENT, id="PALS child probable SVT >= 180 urgent"),
        pytest.param(17, 180, URGENT, id="PALS child SVT >= 180 at 17 years"),
        pytest.param(0, 60, SAME, id="PALS bradycardia < 60: 60 in an infant same day"),
        pytest.param(0, 59, URGENT, id="PALS bradycardia < 60 urgent, infant"),
        pytest.param(5, 59, URGENT, id="PALS bradycardia < 60 urgent, 5 years"),
        pytest.param(6, 58, SAME, id="from 6 years (1st centile 59) PALS 60 not used: 58"),
        pytest.param(10, 41, SAME, id="10 years: 41 same day"),
        pytest.param(10, 40, URGENT, id="10 years: NEWS2 <= 40 urgent (CR 3.7)"),
    ],
)
def test_child_heart_rate_urgent_limits(age, rate, referral):
    found = classify_heart_rate(rate, age)
    assert found.referral is referral
    assert found.severity is (C if referral is URGENT else A)


@pytest.mark.parametrize(
    ("age", "rate", "category", "referral"),
    [
        # Issue 10 item 14: graded normal under PALS although above Fleming's 99th centile.
        pytest.param(2, 150, "fast", SAME, id="toddler 150 > Fleming 99th 142 (PALS said normal)"),
        # Far below every paediatric lower limit: more than a follow-up within the month.
        pytest.param(8, 45, "slow", SAME, id="school child 45 < Fleming 1st 52: same day"),
        pytest.param(5, 45, "extreme", URGENT, id="5-year-old 45 < PALS 60: urgent"),
        # Healthy children PALS flagged (Fleming: inside 1st-99th).
        pytest.param(4, 75, "normal", NONE, id="4 years 75: PALS low 80, Fleming 1st 65"),
        pytest.param(6, 120, "normal", NONE, id="6 years 120: PALS high 115, Fleming 99th 123"),
        pytest.param(10, 112, "normal", NONE, id="10 years 112: PALS 115 ok, Fleming 99th 115"),
        pytest.param(14, 55, "normal", NONE, id="14 years 55: PALS low 60, Fleming 1st 47"),
        pytest.param(14, 105, "normal", NONE, id="14 years 105: PALS high 100, Fleming 108"),
    ],
)
def test_child_heart_rate_issue_examples(age, rate, category, referral):
    found = classify_heart_rate(rate, age)
    assert (found.category, found.referral) == (category, referral)


# AAP 2017 4.3d: > 30 above the 95th percentile at the tallest height and either sex (tables
# 4 and 5, station/checks/paediatric.py), per year of age.
AAP_IMMEDIATE = [
    pytest.param(1, 135, 92, id="AAP 2017 1y: 95th 105/62 + 30"),
    pytest.param(3, 140, 99, id="AAP 2017 3y: 95th 110/69 + 30"),
    pytest.param(5, 143, 103, id="AAP 2017 5y: 95th 113/73 + 30"),
    pytest.param(8, 147, 105, id="AAP 2017 8y: 95th 117/75 + 30"),
    pytest.param(10, 151, 108, id="AAP 2017 10y: 95th 121/78 + 30"),
    pytest.param(12, 158, 109, id="AAP 2017 12y: 95th 128/79 + 30"),
]


@pytest.mark.parametrize(("age", "systolic", "diastolic"), AAP_IMMEDIATE)
@pytest.mark.parametrize("rules", [ESH, ACC], ids=["esh-2023", "acc-aha-2017"])
def test_child_blood_pressure_immediate_care_without_height(age, systolic, diastolic, rules):
    at_bound = classify_blood_pressure(systolic, diastolic, age, rules)
    assert at_bound.severity is not C  # "more than 30 above": the bound itself is not
    assert at_bound.referral is not URGENT
    for s, d in ((systolic + 1, 60), (100, diastolic + 1)):
        found = classify_blood_pressure(s, d, age, rules)
        assert (found.category, found.severity, found.referral) == (
            "aap_immediate_care",
            C,
            URGENT,
        )
    # Too low in the other direction: PALS hypotension (70 + 2 x age, CR 3.8).
    limit = 70 + 2 * age if age < 11 else 90
    low = classify_blood_pressure(limit - 1, 40, age, rules)
    assert (low.category, low.referral) == ("hypotension", URGENT)
    assert classify_blood_pressure(limit, 40, age, rules).category != "hypotension"


# -- blood-pressure protocol -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rules", "first", "second", "step"),
    [
        pytest.param(
            ESH, (130, 80), (120, 80), "complete", id="CR 3.4 systolic differ by 10: complete"
        ),
        pytest.param(
            ESH, (131, 80), (120, 80), "third_reading", id="CR 3.4 systolic differ >10: third"
        ),
        pytest.param(
            ESH, (120, 80), (120, 75), "complete", id="CR 3.4 diastolic differ by 5: complete"
        ),
        pytest.param(
            ESH, (120, 81), (120, 75), "third_reading", id="CR 3.4 diastolic differ >5: third"
        ),
        pytest.param(
            ESH, (139, 89), (135, 85), "complete", id="CR 3.4 first <140/90 (ESH 2023): complete"
        ),
        pytest.param(
            ESH, (140, 80), (135, 80), "third_reading", id="CR 3.4 first systolic >=140: third"
        ),
        pytest.param(
            ESH, (130, 90), (128, 86), "third_reading", id="CR 3.4 first diastolic >=90: third"
        ),
        pytest.param(
            ACC, (130, 79), (125, 76), "third_reading", id="CR 3.4 + 3.3 ACC/AHA 130/80: third"
        ),
        pytest.param(
            ESH, (130, 79), (125, 76), "complete", id="CR 3.4 + 3.3 same under ESH 2023: complete"
        ),
        pytest.param(
            ACC, (129, 79), (125, 76), "complete", id="CR 3.4 + 3.3 ACC/AHA <130/80: complete"
        ),
    ],
)
def test_protocol_asks_for_a_third_reading(rules, first, second, step):
    found = evaluate(pressures(first, second), ADULT, rules)
    assert found.next_step.code == step
    incomplete = "protocol-incomplete" in codes(found.findings)
    assert incomplete is (step == "third_reading")
    if step == "third_reading":
        # a minute after the second reading (CR 3.4 step 3)
        assert found.next_step.not_before == RECEIVED + timedelta(seconds=120)


def test_protocol_result_is_the_mean_of_the_last_two_rounded_half_up():
    """CR 3.4 step 5: mean of readings 2 and 3; halves rounded up as clinicians do
    (Python's round() would give 138/88)."""
    readings = pressures((150, 95), (141, 90), (136, 87))
    found = evaluate(readings, ADULT, ESH)
    assert found.next_step.code is StepCode.COMPLETE
    assert found.blood_pressure is not None
    assert found.blood_pressure.values == {"systolic": 139.0, "diastolic": 89.0}
    assert found.blood_pressure.readings_used == 2
    assert found.blood_pressure.classification.category == "high_normal"
    # CR 3.4 step 6: every raw reading is kept and reported, the first one included.
    assert found.bp_readings_taken == 3
    assert len(found.reading_findings) == 3


def test_protocol_mean_of_two_when_only_two_were_taken():
    """CR 3.4 step 5: "or of 2 readings when only two were taken"."""
    found = evaluate(pressures((125, 81), (120, 78)), ADULT, ESH)
    assert found.next_step.code is StepCode.COMPLETE
    assert found.blood_pressure is not None
    assert found.blood_pressure.values == {"systolic": 123.0, "diastolic": 80.0}  # 79.5 up
    assert found.blood_pressure.classification.category == "normal"


def test_protocol_one_reading_asks_for_a_second_after_a_minute():
    """CR 3.4 step 3: wait 1 min and take reading 2."""
    found = evaluate(pressures((128, 82)), ADULT, ESH)
    assert found.next_step.code is StepCode.SECOND_READING
    assert found.next_step.not_before == RECEIVED + timedelta(seconds=60)
    assert found.next_step.to_json()["not_before"] == "2025-03-03T09:01:00"
    assert "protocol-incomplete" in codes(found.findings, NOTE)
    assert found.blood_pressure is not None
    assert found.blood_pressure.readings_used == 1


# -- plausibility (block column) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("systolic", "diastolic", "invalid"),
    [
        pytest.param(49, 30, True, id="CR 3.1 block SBP <50"),
        pytest.param(50, 30, False, id="CR 3.1 SBP 50 allowed"),
        pytest.param(300, 120, False, id="CR 3.1 SBP 300 allowed"),
        pytest.param(301, 120, True, id="CR 3.1 block SBP >300"),
        pytest.param(100, 19, True, id="CR 3.1 block DBP <20"),
        pytest.param(100, 20, False, id="CR 3.1 DBP 20 allowed"),
        pytest.param(250, 200, False, id="CR 3.1 DBP 200 allowed"),
        pytest.param(250, 201, True, id="CR 3.1 block DBP >200"),
        pytest.param(100, 100, True, id="CR 3.2 diastolic >= systolic invalid (ottehr #8283)"),
        pytest.param(100, 101, True, id="CR 3.2 diastolic > systolic invalid (ottehr #8283)"),
        pytest.param(101, 100, False, id="CR 3.2 systolic above diastolic allowed"),
    ],
)
def test_blood_pressure_block_limits(systolic, diastolic, invalid):
    found = evaluate([at(bp(systolic, diastolic))], ADULT, ESH)
    assert bool(codes(found.findings, Severity.INVALID)) is invalid
    assert (found.blood_pressure is None) is invalid
    assert found.bp_readings_taken == (0 if invalid else 1)


@pytest.mark.parametrize(
    ("spo2", "invalid"),
    [
        pytest.param(49, True, id="CR 3.1 block SpO2 <50"),
        pytest.param(50, False, id="CR 3.1 SpO2 50 allowed"),
        pytest.param(100, False, id="CR 3.1 SpO2 100 allowed"),
        pytest.param(101, True, id="CR 3.1 block SpO2 >100"),
    ],
)
def test_spo2_block_limits(spo2, invalid):
    found = evaluate([at(ox(spo2))], ADULT, ESH)
    assert bool(codes(found.findings, Severity.INVALID)) is invalid
    assert (found.spo2 is None) is invalid
    # the oximeter's pulse of a blocked reading does not become the heart rate either
    assert (found.heart_rate is None) is invalid


def test_an_invalid_reading_never_enters_the_protocol_mean():
    """CR 3.1 block column: the 40 mmHg reading is reported invalid, the mean uses the
    other two only."""
    readings = [at(bp(124, 80), 0), at(bp(40, 30), 60), at(bp(120, 78), 120)]
    found = evaluate(readings, ADULT, ESH)
    assert codes(found.reading_findings[1], Severity.INVALID) == ["implausible-value"]
    assert found.bp_readings_taken == 2
    assert found.blood_pressure is not None
    assert found.blood_pressure.values == {"systolic": 122.0, "diastolic": 79.0}
    assert found.referral is NONE
    assert not found.needs_acknowledgement


# Issue 10 item 14: a value outside its physiological limits is invalid, for every parameter a
# reading carries, and never reaches a grade, a result, a referral or an upload. Each row adds
# one impossible reading to a healthy visit (two normal BP readings, a normal oximeter
# reading); the visit must come out exactly as without it, with that reading invalid.
NAN, INF = float("nan"), float("inf")


def bp_full(systolic=120.0, diastolic=80.0, mean=93.0, pulse=72.0):
    return BloodPressure(systolic, diastolic, mean, PressureUnit.MMHG, b"", pulse_rate=pulse)


IMPOSSIBLE = [
    pytest.param(bp_full(systolic=400.0), "systolic", id="systolic 400 > 300 (CR 3.1)"),
    pytest.param(bp_full(diastolic=10.0), "diastolic", id="diastolic 10 < 20 (CR 3.1)"),
    pytest.param(bp_full(mean=0.0), "mean_arterial", id="MAP 0 (Beurer's 0x0000 by the spec)"),
    pytest.param(bp_full(mean=500.0), "mean_arterial", id="MAP 500 > 300"),
    pytest.param(bp_full(mean=130.0), "mean_arterial", id="MAP 130 above its systolic 120"),
    pytest.param(bp_full(mean=70.0), "mean_arterial", id="MAP 70 below its diastolic 80"),
    pytest.param(bp_full(pulse=-256000.0), "pulse_rate", id="cuff pulse -256000 (BM85 by spec)"),
    pytest.param(bp_full(pulse=400.0), "pulse_rate", id="cuff pulse 400 > 300 (CR 3.1)"),
    pytest.param(bp_full(pulse=10.0), "pulse_rate", id="cuff pulse 10 < 20 (CR 3.1)"),
    pytest.param(
        HeartRate(400, SensorContact.DETECTED, b""), "heart_rate", id="strap HR 400 > 300"
    ),
    pytest.param(HeartRate(5, SensorContact.DETECTED, b""), "heart_rate", id="strap HR 5 < 20"),
    pytest.param(SpO2(101.0, 72.0, b""), "spo2", id="SpO2 101 > 100 (CR 3.1)"),
    pytest.param(SpO2(30.0, 72.0, b""), "spo2", id="SpO2 30 < 50 (CR 3.1)"),
    pytest.param(SpO2(98.0, 400.0, b""), "pulse_rate", id="oximeter pulse 400 > 300"),
    pytest.param(SpO2(98.0, 0.0, b""), "pulse_rate", id="oximeter pulse 0 < 20"),
    pytest.param(SpO2(98.0, -256000.0, b""), "pulse_rate", id="oximeter pulse -256000"),
]


# A non-finite number cannot even become a measurement (devices.measurements refuses it), so
# no NaN or infinity can reach the engine from a codec, the store or ``check``.
NON_FINITE = [
    pytest.param(lambda: bp_full(systolic=NAN), id="systolic NaN"),
    pytest.param(lambda: bp_full(diastolic=-INF), id="diastolic -inf"),
    pytest.param(lambda: bp_full(pulse=INF), id="cuff pulse inf"),
    pytest.param(lambda: SpO2(NAN, 72.0, b""), id="SpO2 NaN"),
]


@pytest.mark.parametrize("build", NON_FINITE)
def test_a_non_finite_value_is_no_measurement(build):
    with pytest.raises(NonFiniteValueError):
        build()


def _healthy_visit():
    return [at(bp_full(122.0, 80.0), 0), at(bp_full(118.0, 78.0), 60), at(ox(98, 72.0), 90)]


@pytest.mark.parametrize(("impossible", "parameter"), IMPOSSIBLE)
@pytest.mark.parametrize("age", [ADULT, 5, 15], ids=["adult", "child-5", "adolescent-15"])
@pytest.mark.parametrize("position", ["last", "first"])
def test_an_impossible_value_is_invalid_and_never_graded(impossible, parameter, age, position):
    healthy = _healthy_visit()
    baseline = evaluate(healthy, age, ESH)
    added = at(impossible, 120 if position == "last" else -120)
    readings = [*healthy, added] if position == "last" else [added, *healthy]
    found = evaluate(readings, age, ESH)
    own = found.reading_findings[len(healthy) if position == "last" else 0]
    assert any(f.parameter == parameter and f.severity is Severity.INVALID for f in own)
    # Nothing graded from it: the visit is judged exactly as without the reading.
    assert found.result_json() == baseline.result_json()
    assert found.referral is baseline.referral
    assert found.referral_reasons == baseline.referral_reasons
    assert found.visit_findings == baseline.visit_findings
    assert found.bp_readings_taken == baseline.bp_readings_taken
    graded = (Severity.CRITICAL, Severity.ABNORMAL)
    assert [f for f in found.findings if f.severity in graded] == [
        f for f in baseline.findings if f.severity in graded
    ]
    assert not any(f.severity in graded for f in own)
    assert found.needs_acknowledgement is baseline.needs_acknowledgement


@pytest.mark.parametrize(("impossible", "parameter"), IMPOSSIBLE)
def test_an_impossible_value_alone_gives_no_result_and_no_referral(impossible, parameter):
    found = evaluate([at(impossible)], ADULT, ESH)
    assert found.result_json() == {"blood_pressure": None, "spo2": None, "heart_rate": None}
    assert found.referral is NONE
    assert found.referral_reasons == ()
    assert [f.severity for f in found.findings if f.severity is not NOTE] == [
        Severity.INVALID
    ] * len([f for f in found.findings if f.severity is not NOTE])


@pytest.mark.parametrize(
    ("mean", "invalid"),
    [
        pytest.param(None, False, id="no MAP sent: nothing to check"),
        pytest.param(80.0, False, id="MAP = diastolic 80: allowed"),
        pytest.param(120.0, False, id="MAP = systolic 120: allowed"),
        pytest.param(79.0, True, id="MAP 79 below diastolic 80"),
        pytest.param(121.0, True, id="MAP 121 above systolic 120"),
    ],
)
def test_mean_arterial_lies_within_its_reading(mean, invalid):
    found = evaluate([at(bp_full(120.0, 80.0, mean))], ADULT, ESH)
    assert bool(codes(found.findings, Severity.INVALID)) is invalid


# -- notices ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cuff", "oximeter", "notice"),
    [
        pytest.param(70, 80, False, id="CR 3.2 cuff vs oximeter pulse differ by 10: none"),
        pytest.param(70, 81, True, id="CR 3.2 cuff vs oximeter pulse differ >10: notice"),
        pytest.param(81, 70, True, id="CR 3.2 either way round: notice"),
    ],
)
def test_pulse_disagreement(cuff, oximeter, notice):
    readings = [at(bp(120, 78, pulse=cuff)), at(ox(98, pulse=oximeter), 30)]
    found = evaluate(readings, ADULT, ESH)
    assert ("pulse-disagreement" in codes(found.findings, NOTE)) is notice


@pytest.mark.parametrize(
    ("offset_minutes", "notice"),
    [
        pytest.param(10, False, id="CR 3.2 device clock 10 min ahead: none"),
        pytest.param(-10, False, id="CR 3.2 device clock 10 min behind: none"),
        pytest.param(11, True, id="CR 3.2 device clock 11 min ahead: notice"),
        pytest.param(-11, True, id="CR 3.2 device clock 11 min behind: notice"),
    ],
)
@pytest.mark.parametrize("kind", ["blood_pressure", "spo2"])
def test_device_clock_off(offset_minutes, notice, kind):
    device_time = RECEIVED + timedelta(minutes=offset_minutes)
    if kind == "blood_pressure":
        measurement = bp(120, 78, timestamp=device_time)
    else:
        measurement = SpO2(98.0, 72.0, b"", timestamp=device_time)
    found = evaluate([at(measurement)], ADULT, ESH)
    assert ("device-clock-off" in codes(found.findings, NOTE)) is notice
    # a notice never blocks nor changes the result
    assert not codes(found.findings, Severity.INVALID)


@pytest.mark.parametrize(
    ("systolic", "diastolic", "code"),
    [
        pytest.param(100, 85, "narrow-pulse-pressure", id="CR 3.2 PP 15 <20: narrow"),
        pytest.param(100, 80, "narrow-pulse-pressure", id="CR 3.2 PP 20 <25% of 100: narrow"),
        pytest.param(120, 91, "narrow-pulse-pressure", id="CR 3.2 PP 29 <25% of 120: narrow"),
        pytest.param(120, 90, None, id="CR 3.2 PP 30 = 25% of 120: not narrow"),
        pytest.param(200, 100, None, id="CR 3.2 PP 100: not very wide"),
        pytest.param(201, 100, "wide-pulse-pressure", id="CR 3.2 PP 101 >100: very wide"),
    ],
)
def test_pulse_pressure_notices(systolic, diastolic, code):
    found = evaluate([at(bp(systolic, diastolic))], ADULT, ESH)
    pulse_pressure = {"narrow-pulse-pressure", "wide-pulse-pressure"}
    assert [c for c in codes(found.findings, NOTE) if c in pulse_pressure] == (
        [code] if code else []
    )
    assert found.blood_pressure is not None  # a notice, never a block


# -- the visit's referral --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("readings", "referral", "acknowledge"),
    [
        pytest.param(
            [bp(118, 76, pulse=70), ox(98, pulse=70)],
            NONE,
            False,
            id="all normal: none (CR 3.5)",
        ),
        pytest.param(
            [bp(145, 85, pulse=70), ox(98, pulse=70)],
            FOLLOW,
            False,
            id="ESH grade 1 + normal: follow up (CR 3.5 >=140/90)",
        ),
        pytest.param(
            [bp(145, 85, pulse=70), ox(92, pulse=70)],
            SAME,
            False,
            id="grade 1 + SpO2 92: same day wins (CR 3.5, 3.6 90-93)",
        ),
        pytest.param(
            [bp(165, 95, pulse=70), ox(98, pulse=70)],
            SAME,
            False,
            id="ESH grade 2 alone: same day, no ack (CR 3.5 >=160/100)",
        ),
        pytest.param(
            [bp(118, 76, pulse=70), ox(88, pulse=70)],
            URGENT,
            True,
            id="SpO2 88: urgent, critical needs ack (CR 3.6 <90)",
        ),
        pytest.param(
            [bp(185, 95, pulse=70), ox(98, pulse=70)],
            URGENT,
            True,
            id="ESH grade 3: urgent, ack (CR 3.3, 3.5)",
        ),
        pytest.param(
            [bp(85, 55, pulse=70), ox(98, pulse=70)],
            URGENT,
            True,
            id="SBP 85 hypotension: urgent, ack (CR 3.5 low BP)",
        ),
        pytest.param(
            [bp(118, 76, pulse=135), ox(98, pulse=135)],
            URGENT,
            True,
            id="HR 135: urgent, ack (CR 3.7 NEWS2 >=131)",
        ),
        pytest.param(
            [bp(118, 76, pulse=115), ox(98, pulse=115)],
            FOLLOW,
            False,
            id="HR 115: follow up, amber is no ack (CR 3.7 NEWS2 111-130)",
        ),
        pytest.param(
            [bp(118, 76, pulse=70), ox(49, pulse=70)],
            NONE,
            False,
            id="SpO2 49 blocked: invalid is never critical (CR 3.1)",
        ),
    ],
)
def test_referral_is_the_highest_and_only_critical_needs_acknowledgement(
    readings, referral, acknowledge
):
    found = evaluate([at(m, 30 * i) for i, m in enumerate(readings)], ADULT, ESH)
    assert found.referral is referral
    assert found.referral == max(
        (c.referral for c in found.referral_reasons),
        key=[NONE, FOLLOW, SAME, URGENT].index,
        default=NONE,
    )
    assert found.needs_acknowledgement is acknowledge
    assert found.to_json()["acknowledgement_required"] is acknowledge


def test_a_heart_rate_sensor_is_the_heart_rate_of_record():
    """CR 3.7 pulse bands, from the dedicated sensor rather than the oximeter's pulse."""
    readings = [at(ox(98, pulse=70)), at(HeartRate(131, SensorContact.DETECTED, b""), 10)]
    found = evaluate(readings, ADULT, ESH)
    assert found.heart_rate is not None
    assert found.heart_rate.source == "heart_rate_sensor"
    assert found.heart_rate.classification.category == "extreme"
    assert found.referral is URGENT


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        pytest.param(date(2026, 11, 1), date(2026, 12, 2), 31 / 365.25, id="1 month: a fraction"),
        pytest.param(date(2025, 12, 2), date(2026, 12, 2), 1.0, id="first birthday: 1"),
        pytest.param(date(2025, 12, 3), date(2026, 12, 2), 364 / 365.25, id="a day before: < 1"),
        pytest.param(date(2024, 12, 3), date(2026, 12, 2), 729 / 365.25, id="day before 2: < 2"),
        pytest.param(date(2024, 12, 2), date(2026, 12, 2), 2.0, id="from 2: whole years"),
        pytest.param(date(1985, 7, 15), date(2026, 12, 2), 41.0, id="adult: whole years"),
        pytest.param(date(2026, 12, 3), date(2026, 12, 2), 0.0, id="born after the visit: 0"),
    ],
)
def test_the_desks_age_keeps_its_months_under_two(born, day, age):
    """Fleming's bands under 2 years are 3 and 6 months wide, so the desk's age keeps its
    fraction of a year there (station.results.age_on)."""
    assert age_on(born, "3174015507850002", day) == pytest.approx(age)


def test_a_one_month_old_below_the_newborn_centile_is_flagged_at_the_desk():
    """100/min at one month is below Fleming's 0-3 month 1st centile (107): with the age in
    whole years (0) the widest band of the first year (93) called it normal."""
    age = age_on(date(2026, 11, 1), "3174015507850002", date(2026, 12, 2))
    found = classify_heart_rate(100, age)
    assert (found.category, found.severity, found.referral) == ("slow", A, SAME)
