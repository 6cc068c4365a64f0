"""CKG (Cek Kesehatan Gratis) eligibility at a clinic desk: a pure function of dates.

Rules and their sources (research notes: ``docs/reference/satusehat.md`` section 3):

- Age streams (docs/reference/satusehat.md 3.1 and 3.2, from the Juknis PKG): ``0-6`` balita and
  prasekolah (newborn to 6 years) and ``18-59`` adults are checked in CKG Ulang Tahun (the
  birthday check), ``60+`` the elderly get the adult set plus geriatric screening, and ``7-17``
  school-age children are checked at school (CKG Sekolah, from July 2025), not at a clinic desk.
- Once per year: since 1 March 2025 the check is not tied to the birthday but is "hanya berlaku
  satu kali dalam setahun" (Siti Nadia Tarmizi, Kemenkes P2PTM director, dutatv.com,
  https://dutatv.com/per-1-maret-cek-kesehatan-gratis-tidak-harus-saat-ulang-tahun). Decision:
  a rolling 365 days since the last CKG visit, not "once per birthday-year". The same source
  allows the check *before* the birthday (a 2 June birthday may come in March), and a
  birthday-year rule would then let a person come in March and again in July. With the
  original 30-day window, 365 days always leaves at least one day of next year's window open
  (last year's visit was at most 30 days after last year's birthday). Whether Kemenkes counts
  per calendar year instead ("kapan saja sepanjang 2025", Tempo 2025-04) is unconfirmed.
- Birthday window: originally the birthday up to 30 days after it (Juknis PKG; detik.com
  2025-02-10: "masa berlaku maksimal 30 hari setelah tanggal ulang tahun (H+30)"), dropped from
  1 March 2025 (docs/reference/satusehat.md 3.1). It is a setting (``[ckg] birthday_window_days``)
  because the policy has changed once already.
- Leap-day birthdays: in a year without 29 February the birthday is 1 March, the day after
  28 February, so the age never goes up before the full year has run (the common legal
  reading, e.g. University of Iowa law school, https://law.uiowa.edu/law-doesnt-care-about-february-29th;
  some countries use 28 February instead; no Indonesian rule was found).
- The early-2025 transition (January-March birthdays allowed until 30 April 2025) is history
  and not modelled.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from station.checks.messages import Params, check_params, texts
from station.person import PersonError

__all__ = [
    "ONCE_PER_YEAR_DAYS",
    "ORIGINAL_WINDOW",
    "RELAXED_WINDOW",
    "AgeStream",
    "CkgWindow",
    "Eligibility",
    "EligibilityCode",
    "age_in_years",
    "age_stream",
    "birthday_in",
    "ckg_eligibility",
]

AgeStream = Literal["0-6", "7-17", "18-59", "60+"]
EligibilityCode = Literal["eligible", "school_age", "checked_this_year", "outside_window"]

# Days that must pass after a CKG visit before the next one (module docstring).
ONCE_PER_YEAR_DAYS = 365
MAX_WINDOW_DAYS = 365


@dataclass(frozen=True, slots=True)
class CkgWindow:
    """When in the year a person may come: ``days_after_birthday`` days from the birthday
    (the birthday itself is day 0), or ``None`` for any day of the year."""

    days_after_birthday: int | None = None

    def __post_init__(self) -> None:
        days = self.days_after_birthday
        if days is not None and not 1 <= days <= MAX_WINDOW_DAYS:
            raise ValueError(f"days_after_birthday must be 1-{MAX_WINDOW_DAYS} or None, not {days}")

    @classmethod
    def from_setting(cls, birthday_window_days: int) -> CkgWindow:
        """From ``[ckg] birthday_window_days``, where 0 means no window."""
        return cls(birthday_window_days or None)


# The rule at launch (10 Feb 2025) and the rule since 1 March 2025.
ORIGINAL_WINDOW = CkgWindow(30)
RELAXED_WINDOW = CkgWindow(None)


@dataclass(frozen=True, slots=True)
class Eligibility:
    """``reason_key`` and ``reason_params`` say the reason as data, for the desk to render in
    its language (station/checks/messages.py); ``reason_id``/``reason_en`` are its words."""

    eligible: bool
    code: EligibilityCode
    reason_id: str
    reason_en: str
    age_years: int
    stream: AgeStream
    reason_key: str | None = None
    reason_params: Params = field(default_factory=Params)


def birthday_in(birth_date: date, year: int) -> date:
    """The birthday in ``year``; 29 February becomes 1 March when ``year`` has no leap day."""
    if birth_date.month == 2 and birth_date.day == 29 and not calendar.isleap(year):
        return date(year, 3, 1)
    return birth_date.replace(year=year)


def _latest_birthday(birth_date: date, on: date) -> date:
    """The most recent birthday on or before ``on`` (the birth date itself in year 0)."""
    this_year = birthday_in(birth_date, on.year)
    return this_year if this_year <= on else birthday_in(birth_date, on.year - 1)


def age_in_years(birth_date: date, on: date) -> int:
    """Completed years of age on ``on``."""
    if birth_date > on:
        raise ValueError(f"birth date {birth_date} is after {on}")
    return on.year - birth_date.year - (birthday_in(birth_date, on.year) > on)


def age_stream(age_years: int) -> AgeStream:
    if age_years <= 6:
        return "0-6"
    if age_years <= 17:
        return "7-17"
    if age_years <= 59:
        return "18-59"
    return "60+"


def _day(value: date) -> str:
    return f"{value.day:02d}-{value.month:02d}-{value.year}"


def ckg_eligibility(
    birth_date: date, visit_date: date, last_ckg_visit: date | None, window: CkgWindow
) -> Eligibility:
    """May this person have their CKG birthday check at a clinic desk on ``visit_date``?

    Raises ``PersonError`` (field ``birth_date``) for a birth date after the visit, and
    ``ValueError`` for a last CKG visit after this one (a wrong clock or record).
    """
    if birth_date > visit_date:
        raise PersonError.of("birth_date", "person.birth_date_after_visit")
    if last_ckg_visit is not None and last_ckg_visit > visit_date:
        raise ValueError(f"last CKG visit {last_ckg_visit} is after this visit {visit_date}")
    age = age_in_years(birth_date, visit_date)
    stream = age_stream(age)

    def result(code: EligibilityCode, params: dict[str, str | int]) -> Eligibility:
        key = f"ckg.{code}"
        kept = check_params(key, params)
        reason_id, reason_en = texts(key, kept)
        return Eligibility(code == "eligible", code, reason_id, reason_en, age, stream, key, kept)

    if stream == "7-17":
        return result("school_age", {"age": age})
    if last_ckg_visit is not None and (visit_date - last_ckg_visit).days < ONCE_PER_YEAR_DAYS:
        again = last_ckg_visit + timedelta(days=ONCE_PER_YEAR_DAYS)
        return result("checked_this_year", {"last": _day(last_ckg_visit), "again": _day(again)})
    days = window.days_after_birthday
    if days is not None:
        birthday = _latest_birthday(birth_date, visit_date)
        if (visit_date - birthday).days > days:
            closed = birthday + timedelta(days=days)
            upcoming = birthday_in(birth_date, birthday.year + 1)
            return result(
                "outside_window",
                {"days": days, "closed": _day(closed), "upcoming": _day(upcoming)},
            )
    return result("eligible", {"age": age, "group": f"ckg_group.{stream}"})
