"""CKG eligibility rules, one table row per boundary, each naming its source.

Sources (details in station/ckg.py):
  STREAMS   docs/reference/satusehat.md 3.1/3.2 (Juknis PKG): birthday check 0-6 and 18+,
            school 7-17, adults 18-59, elderly 60+ with geriatric screening.
  ONCE      dutatv.com 2025-03-04, Siti Nadia Tarmizi: once a year; DECISION: rolling 365 days.
  WINDOW30  Juknis PKG / detik.com 2025-02-10: birthday up to H+30 (the rule at launch).
  RELAXED   docs/reference/satusehat.md 3.1: from 1 March 2025 no birthday window.
  LEAP      DECISION: 29 February birthdays fall on 1 March in common years.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.ckg import (
    ORIGINAL_WINDOW,
    RELAXED_WINDOW,
    CkgWindow,
    age_in_years,
    birthday_in,
    ckg_eligibility,
)
from station.person import PersonError

VISIT = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("birth", "expected", "source"),
    [
        (date(2026, 6, 15), (0, "0-6", True, "eligible"), "STREAMS: newborn (birth day)"),
        (date(2019, 6, 16), (6, "0-6", True, "eligible"), "STREAMS: 6, turns 7 tomorrow"),
        (date(2019, 6, 15), (7, "7-17", False, "school_age"), "STREAMS: 7 today -> school"),
        (date(2008, 6, 16), (17, "7-17", False, "school_age"), "STREAMS: 17, 18 tomorrow"),
        (date(2008, 6, 15), (18, "18-59", True, "eligible"), "STREAMS: 18 today -> adult"),
        (date(1966, 6, 16), (59, "18-59", True, "eligible"), "STREAMS: 59, 60 tomorrow"),
        (date(1966, 6, 15), (60, "60+", True, "eligible"), "STREAMS: 60 today -> elderly"),
        (date(1920, 1, 1), (106, "60+", True, "eligible"), "STREAMS: 60 and over"),
    ],
)
def test_age_streams(birth, expected, source):
    # expected: (age in whole years, stream, eligible, code)
    result = ckg_eligibility(birth, VISIT, None, RELAXED_WINDOW)
    assert (result.age_years, result.stream, result.eligible, result.code) == expected, source
    assert result.reason_id
    assert result.reason_en


def test_school_age_says_it_is_checked_at_school():
    result = ckg_eligibility(date(2014, 1, 1), VISIT, None, RELAXED_WINDOW)
    assert "CKG Sekolah" in result.reason_id
    assert "checked at school (CKG Sekolah)" in result.reason_en


@pytest.mark.parametrize(
    ("last", "eligible", "source"),
    [
        (date(2025, 6, 16), False, "ONCE: 364 days ago"),
        (date(2025, 6, 15), True, "ONCE: exactly 365 days ago"),
        (date(2026, 6, 15), False, "ONCE: earlier today"),
        (date(2020, 1, 1), True, "ONCE: years ago"),
        (None, True, "ONCE: never checked"),
    ],
)
def test_once_per_year(last, eligible, source):
    result = ckg_eligibility(date(1980, 3, 3), VISIT, last, RELAXED_WINDOW)
    assert result.eligible is eligible, source
    assert result.code == ("eligible" if eligible else "checked_this_year"), source


def test_once_per_year_says_when_next():
    result = ckg_eligibility(date(1980, 3, 3), VISIT, date(2026, 3, 1), RELAXED_WINDOW)
    assert "Next possible from 01-03-2027" in result.reason_en
    assert "Bisa lagi mulai 01-03-2027" in result.reason_id


def test_once_per_year_is_365_days_even_across_29_february():
    # ONCE decision: 365 days, so 2024-03-01 -> 2025-03-01 and 2023-03-01 -> 2024-02-29.
    birth = date(1980, 3, 3)
    assert ckg_eligibility(birth, date(2024, 2, 29), date(2023, 3, 1), RELAXED_WINDOW).eligible
    assert not ckg_eligibility(birth, date(2025, 2, 28), date(2024, 3, 1), RELAXED_WINDOW).eligible


@pytest.mark.parametrize(
    ("birth", "visit", "eligible", "source"),
    [
        (date(1980, 6, 15), date(2026, 6, 14), False, "WINDOW30: day before the birthday"),
        (date(1980, 6, 15), date(2026, 6, 15), True, "WINDOW30: the birthday"),
        (date(1980, 6, 15), date(2026, 7, 15), True, "WINDOW30: H+30"),
        (date(1980, 6, 15), date(2026, 7, 16), False, "WINDOW30: H+31"),
        (date(1980, 12, 20), date(2027, 1, 19), True, "WINDOW30: H+30 across the new year"),
        (date(1980, 12, 20), date(2027, 1, 20), False, "WINDOW30: H+31 across the new year"),
        (date(2026, 5, 1), date(2026, 5, 31), True, "WINDOW30: newborn, 30 days old"),
        (date(2026, 5, 1), date(2026, 6, 1), False, "WINDOW30: newborn, 31 days old"),
    ],
)
def test_original_30_day_window(birth, visit, eligible, source):
    result = ckg_eligibility(birth, visit, None, ORIGINAL_WINDOW)
    assert result.eligible is eligible, source
    if not eligible:
        assert result.code == "outside_window", source


def test_outside_window_says_when_it_opens():
    result = ckg_eligibility(date(1980, 6, 15), date(2026, 6, 14), None, ORIGINAL_WINDOW)
    assert "last window closed on 15-07-2025" in result.reason_en
    assert "next one opens on 15-06-2026" in result.reason_en


def test_relaxed_rule_allows_any_day_of_the_year():
    # RELAXED: a 2 June birthday may come in March (dutatv.com 2025-03-04).
    assert ckg_eligibility(date(1980, 6, 2), date(2026, 3, 10), None, RELAXED_WINDOW).eligible


def test_window_from_setting():
    # config/default.toml [ckg] birthday_window_days: 0 = no window.
    assert CkgWindow.from_setting(0) == RELAXED_WINDOW
    assert CkgWindow.from_setting(30) == ORIGINAL_WINDOW
    for bad in (0, -1, 366):
        with pytest.raises(ValueError, match="days_after_birthday"):
            CkgWindow(bad)


@pytest.mark.parametrize(
    ("year", "birthday", "source"),
    [
        (2028, date(2028, 2, 29), "LEAP: leap year keeps 29 February"),
        (2027, date(2027, 3, 1), "LEAP: common year -> 1 March"),
        (2100, date(2100, 3, 1), "LEAP + CALENDAR: 2100 is not a leap year"),
    ],
)
def test_leap_day_birthday(year, birthday, source):
    assert birthday_in(date(2000, 2, 29), year) == birthday, source


@pytest.mark.parametrize(
    ("on", "age", "source"),
    [
        (date(2026, 2, 28), 25, "LEAP: not 26 yet on 28 February"),
        (date(2026, 3, 1), 26, "LEAP: 26 on 1 March"),
        (date(2028, 2, 28), 27, "LEAP: leap year, day before"),
        (date(2028, 2, 29), 28, "LEAP: leap year, the day itself"),
    ],
)
def test_leap_day_age(on, age, source):
    assert age_in_years(date(2000, 2, 29), on) == age, source


def test_leap_day_window():
    # LEAP + WINDOW30: in 2027 the window runs 1 March .. 31 March.
    birth = date(2000, 2, 29)
    assert not ckg_eligibility(birth, date(2027, 2, 28), None, ORIGINAL_WINDOW).eligible
    assert ckg_eligibility(birth, date(2027, 3, 1), None, ORIGINAL_WINDOW).eligible
    assert ckg_eligibility(birth, date(2027, 3, 31), None, ORIGINAL_WINDOW).eligible
    assert not ckg_eligibility(birth, date(2027, 4, 1), None, ORIGINAL_WINDOW).eligible
    # In the leap year 2028 the window opens on 29 February itself.
    assert not ckg_eligibility(birth, date(2028, 2, 28), None, ORIGINAL_WINDOW).eligible
    assert ckg_eligibility(birth, date(2028, 2, 29), None, ORIGINAL_WINDOW).eligible


def test_school_age_beats_the_other_rules():
    result = ckg_eligibility(date(2014, 6, 15), VISIT, date(2026, 1, 1), ORIGINAL_WINDOW)
    assert result.code == "school_age"


def test_impossible_dates():
    with pytest.raises(PersonError) as info:
        ckg_eligibility(date(2026, 6, 16), VISIT, None, RELAXED_WINDOW)
    assert info.value.field == "birth_date"
    with pytest.raises(ValueError, match="after this visit"):
        ckg_eligibility(date(1980, 1, 1), VISIT, date(2026, 6, 16), RELAXED_WINDOW)


@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    days=st.integers(min_value=0, max_value=40000),
    window=st.sampled_from([RELAXED_WINDOW, ORIGINAL_WINDOW, CkgWindow(1), CkgWindow(365)]),
)
def test_eligibility_is_total_and_consistent(birth, days, window):
    visit = date.fromordinal(birth.toordinal() + days)
    result = ckg_eligibility(birth, visit, None, window)
    assert result.eligible == (result.code == "eligible")
    assert 0 <= result.age_years <= days // 365
    assert (result.stream == "7-17") == (7 <= result.age_years <= 17)
    if window == RELAXED_WINDOW:
        assert result.eligible == (result.stream != "7-17")
