"""Rule sets: the guideline tables the checks apply, as data with an id and a version.

A rule set is chosen in the settings (``[checks] rule_set``) and its id and version are stored
with every visit, so a result can always be traced to the table that classified it. Changing
any threshold here means a new version.

Sources (``docs/reference/clinical-rules.md``; section numbers below):

* ``esh-2023`` (default): adult grades of ESH/ESC 2018 and 2023 (3.3), whose 140/90 threshold is
  what Indonesian guidance uses (Kemenkes 2014, PERHI 2019/2021; 3.3 recommendation).
* ``acc-aha-2017``: ACC/AHA 2017 stages (3.3), selectable.
* Both: children under 18 after AAP 2017 (Flynn et al., 3.8). Under 13 AAP classifies by
  age, sex and *height* percentiles; the desk records no height, so only AAP's absolute caps
  (120/80, 130/80, 140/90: "whichever is lower") can be applied: a child at or above a cap is
  at least in that stage, a child below 120/80 needs a percentile assessment by a clinician.
  Under 3 years AAP does not screen blood pressure (measure yearly from age 3).
* Referral levels follow the station rules of 3.5: >= 160/100 "see a doctor today" (WHO 2021:
  start treatment without delay), grade 3 / crisis "urgent" (the desk records no symptoms, so
  the safe reading of "same-day review, emergency if symptomatic" is taken), >= 140/90 (or the
  rule set's stage) "follow up".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from station.checks.findings import Severity
from station.checks.messages import texts

__all__ = [
    "DEFAULT_RULE_SET",
    "FOLLOW_UP_DAYS",
    "FOLLOW_UP_WITHIN",
    "FOLLOW_UP_WITHIN_KEY",
    "RULE_SETS",
    "BloodPressureBand",
    "Referral",
    "RuleSet",
    "UnknownRuleSetError",
    "highest_referral",
    "rule_set",
    "rule_set_or_default",
]


class Referral(StrEnum):
    NONE = "none"
    FOLLOW_UP = "follow_up"
    SAME_DAY = "same_day"
    URGENT = "urgent"


# How soon a ``follow_up`` referral should come back. The station rule ">= 140/90:
# hypertension suspected - confirm and follow up" (docs/reference/clinical-rules.md 3.5) gives
# no interval; the advice the health worker reads says "(dalam bulan ini)" / "(within the
# month)" (station/checks/engine.py, advice for Referral.FOLLOW_UP, built from
# FOLLOW_UP_WITHIN). The follow-up list (station/followup.py) counts the person due this many
# days after the visit, so the due date and the advice are one piece of data: change them
# together (and the advice is one text for every rule set, so every set uses this window).
FOLLOW_UP_DAYS = 30
FOLLOW_UP_WITHIN_KEY = "follow_up.within"  # its words: station/checks/messages.py
FOLLOW_UP_WITHIN = texts(FOLLOW_UP_WITHIN_KEY)

_REFERRAL_ORDER = (Referral.NONE, Referral.FOLLOW_UP, Referral.SAME_DAY, Referral.URGENT)


def highest_referral(*levels: Referral) -> Referral:
    return max(levels, key=_REFERRAL_ORDER.index, default=Referral.NONE)


@dataclass(frozen=True, slots=True)
class BloodPressureBand:
    """A blood-pressure category. A reading is in the first band (highest first) whose
    systolic or diastolic limit it reaches: when the two fall in different categories the
    higher one counts (ACC/AHA and ESH alike, docs/reference/clinical-rules.md 3.3).
    ``strict`` limits are "above" (ACC/AHA crisis: > 180 and/or > 120) rather than "at or above"."""

    code: str
    label_id: str
    label_en: str
    systolic: float | None
    diastolic: float | None
    severity: Severity
    referral: Referral
    strict: bool = False

    def contains(self, systolic: float, diastolic: float) -> bool:
        if self.systolic is None and self.diastolic is None:
            return True  # the lowest band catches everything below the others

        def reaches(value: float, limit: float | None) -> bool:
            if limit is None:
                return False
            return value > limit if self.strict else value >= limit

        return reaches(systolic, self.systolic) or reaches(diastolic, self.diastolic)


@dataclass(frozen=True, slots=True)
class RuleSet:
    id: str
    version: str
    name: str
    source: str
    adult_bands: tuple[BloodPressureBand, ...]  # highest first; the last catches the rest
    # Blood-pressure protocol: a first reading at or above this asks for a third (3.4).
    protocol_systolic: float
    protocol_diastolic: float
    # Days from the visit to a follow_up referral's due date (FOLLOW_UP_DAYS above).
    follow_up_days: int = FOLLOW_UP_DAYS

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "name": self.name}


def _band(  # noqa: PLR0917 - one table row, read left to right like the guideline
    code: str,
    label_id: str,
    label_en: str,
    systolic: float | None,
    diastolic: float | None,
    severity: Severity,
    referral: Referral,
    *,
    strict: bool = False,
) -> BloodPressureBand:
    return BloodPressureBand(
        code, label_id, label_en, systolic, diastolic, severity, referral, strict
    )


_N, _A, _C = Severity.NORMAL, Severity.ABNORMAL, Severity.CRITICAL

ESH_2023 = RuleSet(
    id="esh-2023",
    version="1",
    name="ESH/ESC 2018 & 2023 grades (140/90), Indonesian default",
    source="docs/reference/clinical-rules.md 3.3 (ESC/ESH 2018 & 2023 column), 3.5 referral rules",
    adult_bands=(
        _band(
            "grade_3", "Hipertensi derajat 3", "Grade 3 hypertension", 180, 110, _C, Referral.URGENT
        ),
        _band(
            "grade_2",
            "Hipertensi derajat 2",
            "Grade 2 hypertension",
            160,
            100,
            _A,
            Referral.SAME_DAY,
        ),
        _band(
            "grade_1",
            "Hipertensi derajat 1",
            "Grade 1 hypertension",
            140,
            90,
            _A,
            Referral.FOLLOW_UP,
        ),
        _band("high_normal", "Normal tinggi", "High-normal", 130, 85, _N, Referral.NONE),
        _band("normal", "Normal", "Normal", 120, 80, _N, Referral.NONE),
        _band("optimal", "Optimal", "Optimal", None, None, _N, Referral.NONE),
    ),
    protocol_systolic=140,
    protocol_diastolic=90,
)

ACC_AHA_2017 = RuleSet(
    id="acc-aha-2017",
    version="1",
    name="ACC/AHA 2017 stages (130/80)",
    source="docs/reference/clinical-rules.md 3.3 (ACC/AHA 2017 column), 3.5 referral rules",
    adult_bands=(
        _band(
            "crisis",
            "Krisis hipertensi",
            "Hypertensive crisis",
            180,
            120,
            _C,
            Referral.URGENT,
            strict=True,
        ),
        # Stage 2 at >= 160/100 is still "stage 2", but WHO 2021 says start without delay.
        _band(
            "stage_2", "Hipertensi tahap 2", "Stage 2 hypertension", 160, 100, _A, Referral.SAME_DAY
        ),
        _band(
            "stage_2", "Hipertensi tahap 2", "Stage 2 hypertension", 140, 90, _A, Referral.FOLLOW_UP
        ),
        _band(
            "stage_1", "Hipertensi tahap 1", "Stage 1 hypertension", 130, 80, _A, Referral.FOLLOW_UP
        ),
        _band("elevated", "Meningkat", "Elevated", 120, None, _A, Referral.NONE),
        _band("normal", "Normal", "Normal", None, None, _N, Referral.NONE),
    ),
    protocol_systolic=130,
    protocol_diastolic=80,
)

RULE_SETS: dict[str, RuleSet] = {r.id: r for r in (ESH_2023, ACC_AHA_2017)}
DEFAULT_RULE_SET = ESH_2023.id


class UnknownRuleSetError(ValueError):
    pass


def rule_set(rule_set_id: str) -> RuleSet:
    try:
        return RULE_SETS[rule_set_id]
    except KeyError:
        known = ", ".join(RULE_SETS)
        raise UnknownRuleSetError(f"unknown rule set {rule_set_id!r}; known: {known}") from None


def rule_set_or_default(rule_set_id: str) -> RuleSet:
    """The rule set stored with a visit; visits stored before issue 4 name the
    plausibility-only set (no longer a rule set), and are classified by the default."""
    return RULE_SETS.get(rule_set_id) or RULE_SETS[DEFAULT_RULE_SET]
