"""Children's limits by age: heart-rate centiles and where referral starts, and the AAP 2017
bound for blood pressure that needs immediate care. Pure data and lookups.

Heart rate (``docs/reference/clinical-rules.md`` 3.8: prefer evidence-based centiles to PALS):

* Normal is the 1st-99th centile of Fleming S et al., "Normal ranges of heart rate and
  respiratory rate in children from birth to 18 years of age", Lancet 2011;377:1011-18,
  Table 2 (heart-rate centiles by age band; https://pmc.ncbi.nlm.nih.gov/articles/PMC3789232).
  The numbers below are that table's 1st and 99th centile columns. Unconfirmed: the team's
  retrieval reached the paper (PMC3789232) and its stated medians (127/min at birth, 145 at
  about 1 month, 113 at 2 years, which these bands bracket) but not the table's text, so a
  clinician must check every number against the published table before sign-off.
* Outside 1st-99th is abnormal and a same-day review: NICE NG143 (fever in under 5s,
  table 1 "traffic light system", amber: tachycardia > 160/min under 12 months, > 150/min
  at 12-24 months, > 140/min at 2-5 years; amber means a face-to-face assessment) puts its
  same-day tachycardia limits at or below Fleming's 99th centile in every band it covers, so
  a child above the 99th centile is above NICE's amber limit too. Decision: the same level
  for 5-18 years (NICE has no limit there) and for rates below the 1st centile.
* Urgent: the AHA PALS algorithms (2020). Tachycardia: "probable SVT: infants usually
  >= 220/min, children >= 180/min". Bradycardia: HR < 60/min (CPR if perfusion is poor; the
  desk cannot see perfusion, so taken as urgent) where 60 is below Fleming's 1st centile,
  i.e. under 6 years; from 6 years (1st centile 59 and lower) the adult red limit, <= 40
  (NEWS2 3 points, docs/reference/clinical-rules.md 3.7).

Under 2 years the bands are months. The desk knows the age with its fraction of a year
(``station.results.age_on``, from the birth date or the NIK) and uses the exact band. An age
given as a whole number under 2 (``vitals-station check`` with ``"age_years": 1``: only the
years are known) gets the widest 1st-99th of that year's bands, which never flags a healthy
child at any month of that year.

Blood pressure, immediate care: AAP 2017 (Flynn et al., Pediatrics 2017;140(3):e20171904),
section 4.3d: a child whose BP is more than 30 mmHg above the 95th percentile (or > 180/120 in
an adolescent) goes to an immediate source of care. The 95th percentile depends on height,
which the desk does not record, so the bound used is the highest 95th percentile of any height
percentile (5th-95th) and either sex for the age (AAP 2017 tables 4 and 5; transcribed in
dewittpe/pedbp ``data-raw/flynn2017_bp_boys.dat`` and ``flynn2017_bp_girls.dat``): a BP more
than 30 above it is more than 30 above the 95th percentile at every height.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AAP_IMMEDIATE_CARE_MARGIN",
    "ChildHeartRateLimits",
    "aap_immediate_care_bound",
    "child_heart_rate_limits",
]


@dataclass(frozen=True, slots=True)
class ChildHeartRateLimits:
    low: float  # Fleming 2011 1st centile: below it is abnormal (same day)
    high: float  # Fleming 2011 99th centile: above it is abnormal (same day)
    bradycardia: float  # urgent below this (PALS) ...
    bradycardia_inclusive: bool  # ... or at it too (NEWS2 "<= 40")
    tachycardia: float  # urgent at or above this (PALS probable SVT)

    def urgent_slow(self, rate: float) -> bool:
        return rate <= self.bradycardia if self.bradycardia_inclusive else rate < self.bradycardia

    def urgent_fast(self, rate: float) -> bool:
        return rate >= self.tachycardia


# Fleming 2011 Table 2, (band start in years, band end, 1st centile, 99th centile).
_FLEMING_HR = (
    (0.0, 0.25, 107.0, 181.0),
    (0.25, 0.5, 104.0, 175.0),
    (0.5, 0.75, 98.0, 168.0),
    (0.75, 1.0, 93.0, 161.0),
    (1.0, 1.5, 88.0, 156.0),
    (1.5, 2.0, 82.0, 149.0),
    (2.0, 3.0, 76.0, 142.0),
    (3.0, 4.0, 70.0, 136.0),
    (4.0, 6.0, 65.0, 131.0),
    (6.0, 8.0, 59.0, 123.0),
    (8.0, 12.0, 52.0, 115.0),
    (12.0, 15.0, 47.0, 108.0),
    (15.0, 18.0, 43.0, 104.0),
)
WHOLE_YEAR_BANDS_BELOW = 2.0  # under 2 years the bands are months
PALS_SVT_INFANT = 220.0  # PALS tachycardia algorithm, infants (under 1 year)
PALS_SVT_CHILD = 180.0  # PALS tachycardia algorithm, children
PALS_BRADYCARDIA = 60.0  # PALS bradycardia algorithm
PALS_BRADYCARDIA_BELOW_AGE = 6.0  # where 60 is below Fleming's 1st centile (4-6 y: 65)
NEWS2_RED_AT_OR_BELOW = 40.0  # docs/reference/clinical-rules.md 3.7: pulse <= 40 scores 3


def _fleming(age_years: float) -> tuple[float, float]:
    if age_years < WHOLE_YEAR_BANDS_BELOW and float(age_years).is_integer():
        year = age_years  # only the years are known: the widest band of that year
        bands = [b for b in _FLEMING_HR if year <= b[0] < year + 1]
        return min(b[2] for b in bands), max(b[3] for b in bands)
    for start, end, low, high in _FLEMING_HR:
        if start <= age_years < end:
            return low, high
    return _FLEMING_HR[-1][2], _FLEMING_HR[-1][3]


def child_heart_rate_limits(age_years: float) -> ChildHeartRateLimits:
    """The limits for a child (under 18) of this age; see the module docstring."""
    low, high = _fleming(age_years)
    tachycardia = PALS_SVT_INFANT if age_years < 1 else PALS_SVT_CHILD
    if age_years < PALS_BRADYCARDIA_BELOW_AGE:
        return ChildHeartRateLimits(low, high, PALS_BRADYCARDIA, False, tachycardia)
    return ChildHeartRateLimits(low, high, NEWS2_RED_AT_OR_BELOW, True, tachycardia)


# AAP 2017 section 4.3d: "more than 30 mmHg above the 95th percentile".
AAP_IMMEDIATE_CARE_MARGIN = 30.0
# Age (years) -> highest 95th-percentile (systolic, diastolic) over every height percentile and
# both sexes, AAP 2017 tables 4 (boys) and 5 (girls), ages 1-12 (from 13 AAP uses fixed limits).
_AAP_95TH_ANY_HEIGHT = {
    1: (105.0, 62.0),
    2: (109.0, 66.0),
    3: (110.0, 69.0),
    4: (112.0, 71.0),
    5: (113.0, 73.0),
    6: (114.0, 74.0),
    7: (116.0, 75.0),
    8: (117.0, 75.0),
    9: (119.0, 77.0),
    10: (121.0, 78.0),
    11: (124.0, 78.0),
    12: (128.0, 79.0),
}


def aap_immediate_care_bound(age_years: float) -> tuple[float, float]:
    """(systolic, diastolic) above which a child under 13 needs immediate care at any height.

    Under 1 year AAP gives no table; its 1-year values are used (decision: the nearest
    published row, higher than an infant's, so it flags only a higher pressure)."""
    year = min(max(int(age_years), 1), 12)
    systolic, diastolic = _AAP_95TH_ANY_HEIGHT[year]
    return systolic + AAP_IMMEDIATE_CARE_MARGIN, diastolic + AAP_IMMEDIATE_CARE_MARGIN
