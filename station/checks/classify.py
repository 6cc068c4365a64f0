"""Classifying the values that count: blood pressure, SpO2, heart rate, by age.

Pure functions of their arguments. Every threshold names its source in
``docs/reference/clinical-rules.md``; where the notes leave a gap the decision is written
next to the number.
"""

from __future__ import annotations

from dataclasses import dataclass

from station.checks.findings import Finding, Severity
from station.checks.messages import Params
from station.checks.paediatric import aap_immediate_care_bound, child_heart_rate_limits
from station.checks.rulesets import BloodPressureBand, Referral, RuleSet

__all__ = [
    "AAP_ADOLESCENT_AGE",
    "ADOLESCENT_BANDS",
    "ADULT_AGE",
    "Classification",
    "blood_pressure_bands",
    "child_blood_pressure_bands",
    "classify_blood_pressure",
    "classify_heart_rate",
    "classify_spo2",
    "hypotension_limit",
]

ADULT_AGE = 18
AAP_ADOLESCENT_AGE = 13  # AAP 2017: fixed thresholds from 13 years (3.8)
AAP_SCREENING_AGE = 3  # AAP 2017: measure yearly from age 3 (3.8)

# Low blood pressure. Adults: SBP < 90 is red (3.5 "Low BP", NEWS2 3 points at <= 90, 3.7).
ADULT_HYPOTENSION_SYSTOLIC = 90.0
# Children 1-10 years: SBP < 70 + 2 x age (PALS, 3.8); older children use the adult limit.
PALS_HYPOTENSION_BASE = 70.0

# Heart rate, adults: NEWS2 pulse bands (3.5, 3.7): <= 40 and >= 131 score 3 (red);
# 41-50 and 91-110 score 1, 111-130 score 2 (amber).
HR_CRITICAL_LOW = 40.0
HR_CRITICAL_HIGH = 131.0
HR_LOW = 50.0
HR_HIGH = 90.0
HR_HIGH_FOLLOW_UP = 110.0
# Children: Fleming 2011 centiles, NICE NG143 and PALS, by age (station/checks/paediatric.py).
# SpO2 (3.6 station rule; WHO < 90 %): >= 95 normal, 94 borderline, 90-93 amber, < 90 red.
# Children: < 92 % is a concern outside the newborn period (3.8), inside the amber band.
SPO2_NORMAL = 95.0
SPO2_BORDERLINE = 94.0
SPO2_CRITICAL_BELOW = 90.0


@dataclass(frozen=True, slots=True)
class Classification:
    """A value's grade; its words are its finding's (a catalogue key with parameters)."""

    parameter: str
    category: str
    severity: Severity
    referral: Referral
    grade: Finding

    @property
    def code(self) -> str:
        return self.grade.code

    @property
    def key(self) -> str | None:
        return self.grade.key

    @property
    def params(self) -> Params:
        return self.grade.params

    @property
    def message_id(self) -> str:
        return self.grade.message_id

    @property
    def message_en(self) -> str:
        return self.grade.message_en

    def finding(self) -> Finding:
        return self.grade


def _classified(  # noqa: PLR0917 - a grade and its message, read like a table row
    parameter: str,
    category: str,
    severity: Severity,
    referral: Referral,
    code: str,
    key: str,
    params: dict[str, float | str],
    rules: RuleSet | None = None,
) -> Classification:
    """``rules``: the rule set whose table graded the value (blood pressure), else None."""
    table = (rules.id, rules.version) if rules is not None else None
    grade = Finding.of(parameter, severity, code, key, params, rule_set=table)
    return Classification(parameter, category, severity, referral, grade)


def _from_band(
    band: BloodPressureBand, rules: RuleSet, systolic: float, diastolic: float, prefix: str = ""
) -> Classification:
    isolated = (
        band.severity is not Severity.NORMAL
        and diastolic < rules.protocol_diastolic
        and (systolic >= rules.protocol_systolic)
    )
    params: dict[str, float | str] = {"systolic": systolic, "diastolic": diastolic}
    if band.code == "aap_immediate_care":  # its label holds the bound: a message of its own
        key = "bp.aap_immediate_care"
        params |= {"bound_systolic": band.systolic or 0.0, "bound_diastolic": band.diastolic or 0.0}
    else:
        key = "bp.band"
        params["band"] = f"bp_band.{band.code}"
    return _classified(
        "blood_pressure",
        band.code,
        band.severity,
        band.referral,
        f"{rules.id}:{prefix}{band.code}",
        key + ("_isolated_systolic" if isolated else ""),
        params,
        rules,
    )


def hypotension_limit(age_years: float) -> float:
    # PALS "70 + 2 x age" for 1-10 years; under 1 year the formula's floor, 70 (an infant's
    # normal systolic starts at 70, 3.8), rather than the adult 90.
    if age_years < 11:
        return PALS_HYPOTENSION_BASE + 2 * int(age_years)
    return ADULT_HYPOTENSION_SYSTOLIC


# Adolescents (13-17): >= 180/110, the adult grade-3 limit, is critical (decision, stricter
# than AAP 2017 4.3d's "> 180/120 in an adolescent": immediate care).
_GRADE_3_LIMIT = BloodPressureBand(
    "grade_3_limit", "Sangat tinggi", "Very high", 180, 110, Severity.CRITICAL, Referral.URGENT
)
# AAP 2017 absolute caps for children under 13 without height percentiles (3.8), highest
# first; the referral mirrors the adolescent table. Above them, AAP 2017 section 4.3d:
# more than 30 mmHg above the 95th percentile needs immediate care, with a bound that holds
# at any height (child_blood_pressure_bands).
_CHILD_CAPS = (
    BloodPressureBand(
        "at_least_stage_2",
        "Setidaknya hipertensi tahap 2 (batas AAP 140/90)",
        "At least stage 2 hypertension (AAP cap 140/90)",
        140,
        90,
        Severity.ABNORMAL,
        Referral.SAME_DAY,
    ),
    BloodPressureBand(
        "at_least_stage_1",
        "Setidaknya hipertensi tahap 1 (batas AAP 130/80)",
        "At least stage 1 hypertension (AAP cap 130/80)",
        130,
        80,
        Severity.ABNORMAL,
        Referral.FOLLOW_UP,
    ),
    BloodPressureBand(
        "at_least_elevated",
        "Setidaknya meningkat (batas AAP 120/80)",
        "At least elevated (AAP cap 120/80)",
        120,
        80,
        Severity.ABNORMAL,
        Referral.FOLLOW_UP,
    ),
)
# AAP 2017 table for 13-17 years (3.8): normal < 120/< 80; elevated 120-129/< 80;
# stage 1 130/80-139/89; stage 2 >= 140/90.
ADOLESCENT_BANDS = (
    _GRADE_3_LIMIT,
    BloodPressureBand(
        "stage_2",
        "Hipertensi tahap 2",
        "Stage 2 hypertension",
        140,
        90,
        Severity.ABNORMAL,
        Referral.SAME_DAY,
    ),
    BloodPressureBand(
        "stage_1",
        "Hipertensi tahap 1",
        "Stage 1 hypertension",
        130,
        80,
        Severity.ABNORMAL,
        Referral.FOLLOW_UP,
    ),
    BloodPressureBand(
        "elevated", "Meningkat", "Elevated", 120, None, Severity.ABNORMAL, Referral.NONE
    ),
    BloodPressureBand("normal", "Normal", "Normal", None, None, Severity.NORMAL, Referral.NONE),
)


def child_blood_pressure_bands(age_years: float) -> tuple[BloodPressureBand, ...]:
    """A child under 13's bands, highest first: AAP 2017 4.3d immediate care (more than 30
    above the 95th percentile at any height), then the AAP caps."""
    systolic, diastolic = aap_immediate_care_bound(age_years)
    immediate = BloodPressureBand(
        "aap_immediate_care",
        f"Sangat tinggi: lebih dari 30 mmHg di atas persentil ke-95 (di atas {systolic:g}/"
        f"{diastolic:g}), perlu penanganan segera (AAP 2017 4.3d)",
        f"Very high: more than 30 mmHg above the 95th percentile (above {systolic:g}/"
        f"{diastolic:g}), needs immediate care (AAP 2017 4.3d)",
        systolic,
        diastolic,
        Severity.CRITICAL,
        Referral.URGENT,
        strict=True,
    )
    return (immediate, *_CHILD_CAPS)


def blood_pressure_bands(
    age_years: float, rules: RuleSet
) -> tuple[tuple[BloodPressureBand, ...], str]:
    """The blood-pressure bands for a person's age, highest first, and the prefix of their
    finding codes: the rule set's adult table, AAP 2017's adolescent table from 13, else a
    child's bands (which leave values below every cap unplaced)."""
    if age_years >= ADULT_AGE:
        return rules.adult_bands, ""
    if age_years >= AAP_ADOLESCENT_AGE:
        return ADOLESCENT_BANDS, "aap-2017-adolescent:"
    return child_blood_pressure_bands(age_years), "aap-2017-child:"


def classify_blood_pressure(
    systolic: float, diastolic: float, age_years: float, rules: RuleSet
) -> Classification:
    """The category of a blood-pressure result (the protocol's mean) for a person's age."""
    values: dict[str, float | str] = {"systolic": systolic, "diastolic": diastolic}
    if systolic < hypotension_limit(age_years):
        limit = hypotension_limit(age_years)
        return _classified(
            "blood_pressure",
            "hypotension",
            Severity.CRITICAL,
            Referral.URGENT,
            f"{rules.id}:hypotension",
            "bp.hypotension",
            {**values, "limit": limit},
            rules,
        )
    bands, prefix = blood_pressure_bands(age_years, rules)
    band = next((b for b in bands if b.contains(systolic, diastolic)), None)
    if band is not None:  # the adult and adolescent tables' last band catches the rest
        return _from_band(band, rules, systolic, diastolic, prefix)
    if age_years < AAP_SCREENING_AGE:
        return _classified(
            "blood_pressure",
            "not_screened_under_3",
            Severity.NOTICE,
            Referral.NONE,
            f"{rules.id}:aap-2017-child:not_screened_under_3",
            "bp.not_screened_under_3",
            values,
            rules,
        )
    return _classified(
        "blood_pressure",
        "needs_percentile",
        Severity.NOTICE,
        Referral.NONE,
        f"{rules.id}:aap-2017-child:needs_percentile",
        "bp.needs_percentile",
        values,
        rules,
    )


def classify_spo2(spo2: float, age_years: float) -> Classification:
    shown: dict[str, float | str] = {"spo2": spo2}
    if spo2 < SPO2_CRITICAL_BELOW:
        return _classified(
            "spo2",
            "hypoxaemia_severe",
            Severity.CRITICAL,
            Referral.URGENT,
            "spo2:below-90",
            "spo2.below_90",
            shown,
        )
    if spo2 < SPO2_BORDERLINE:
        return _classified(
            "spo2",
            "hypoxaemia_moderate",
            Severity.ABNORMAL,
            Referral.SAME_DAY,
            "spo2:90-93",
            "spo2.90_93",
            shown,
        )
    if spo2 < SPO2_NORMAL:
        return _classified(
            "spo2",
            "borderline",
            Severity.ABNORMAL,
            Referral.NONE,
            "spo2:94",
            "spo2.borderline",
            shown,
        )
    return _classified(
        "spo2", "normal", Severity.NORMAL, Referral.NONE, "spo2:normal", "spo2.normal", shown
    )


def child_heart_rate_range(age_years: float) -> tuple[float, float]:
    """The normal heart-rate range of a child of this age: Fleming 2011's 1st-99th centile."""
    limits = child_heart_rate_limits(age_years)
    return limits.low, limits.high


def _extreme(rate: float, slow: bool) -> Classification:
    return _classified(
        "heart_rate",
        "extreme",
        Severity.CRITICAL,
        Referral.URGENT,
        "heart-rate:extreme",
        "heart_rate.extreme_slow" if slow else "heart_rate.extreme_fast",
        {"rate": rate},
    )


def _classify_child_heart_rate(rate: float, age_years: float) -> Classification | None:
    """Fleming 2011 centiles, NICE NG143, PALS (station/checks/paediatric.py); None: normal."""
    limits = child_heart_rate_limits(age_years)
    if limits.urgent_slow(rate) or limits.urgent_fast(rate):
        return _extreme(rate, slow=limits.urgent_slow(rate))
    if limits.low <= rate <= limits.high:
        return None
    slow = rate < limits.low
    return _classified(
        "heart_rate",
        "slow" if slow else "fast",
        Severity.ABNORMAL,
        Referral.SAME_DAY,
        "heart-rate:fleming-2011-centile",
        "heart_rate.below_centile" if slow else "heart_rate.above_centile",
        {"rate": rate, "low": limits.low, "high": limits.high},
    )


def classify_heart_rate(rate: float, age_years: float) -> Classification:
    if age_years < ADULT_AGE:
        child = _classify_child_heart_rate(rate, age_years)
        if child is not None:
            return child
    else:
        if rate <= HR_CRITICAL_LOW or rate >= HR_CRITICAL_HIGH:
            return _extreme(rate, slow=rate <= HR_CRITICAL_LOW)
        if rate <= HR_LOW or rate > HR_HIGH:
            referral = Referral.FOLLOW_UP if rate > HR_HIGH_FOLLOW_UP else Referral.NONE
            slow = rate <= HR_LOW
            return _classified(
                "heart_rate",
                "slow" if slow else "fast",
                Severity.ABNORMAL,
                referral,
                "heart-rate:news2-amber",
                "heart_rate.slow" if slow else "heart_rate.fast",
                {"rate": rate},
            )
    return _classified(
        "heart_rate",
        "normal",
        Severity.NORMAL,
        Referral.NONE,
        "heart-rate:normal",
        "heart_rate.normal",
        {"rate": rate},
    )
