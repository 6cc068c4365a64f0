"""Typed birth dates (station.birth_date): what is read, what is refused and why."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.birth_date import (
    BirthDateError,
    calendar_start,
    format_birth_date,
    nik_proposal,
    parse_birth_date,
)
from station.person import PersonError

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("05-05-1985", date(1985, 5, 5)),
        ("05051985", date(1985, 5, 5)),
        ("5-5-1985", date(1985, 5, 5)),
        ("05/05/1985", date(1985, 5, 5)),
        ("5.5.1985", date(1985, 5, 5)),
        ("15 07 1985", date(1985, 7, 15)),
        ("  15-07-1985 ", date(1985, 7, 15)),
        ("01-02-1985", date(1985, 2, 1)),  # day first: 1 February, never 2 January
        ("29-02-2000", date(2000, 2, 29)),  # a leap year
        ("22-11-2026", TODAY),  # born today
        ("22111896", date(1896, 11, 22)),  # exactly 130 today
    ],
)
def test_typed_dates_are_read_day_first(typed, expected):
    assert parse_birth_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "code", "english"),
    [
        ("", "empty", "No birth date typed: type day-month-year (05-05-1985 / 05051985)."),
        ("   ", "empty", "No birth date typed: type day-month-year (05-05-1985 / 05051985)."),
        ("5 Mei 1985", "characters", "A birth date holds digits and - / . only"),
        (
            "\uff10\uff15\uff10\uff15\uff11\uff19\uff18\uff15",  # full-width digits: not ASCII
            "characters",
            "A birth date holds digits and - / . only",
        ),
        ("0505198", "length", "8 digits (DDMMYYYY, e.g. 05051985); 7 were typed."),
        ("050585", "length", "8 digits (DDMMYYYY, e.g. 05051985); 6 were typed."),
        ("—5051985", "characters", "A birth date holds digits and - / . only"),
        ("05-05-85", "format", "Birth date '05-05-85' cannot be read: type day-month-year"),
        ("1985-05-05", "format", "Birth date '1985-05-05' cannot be read"),
        ("05--05-1985", "format", "Birth date too long (11 characters, at most 10)"),
        ("5--5-1985", "format", "Birth date '5--5-1985' cannot be read"),
        ("31-04-1985", "impossible", "There is no day 31: April 1985 has only 30 days."),
        ("29021985", "impossible", "There is no day 29: February 1985 (not a leap year) has"),
        ("00-05-1985", "impossible", "There is no day 00: May 1985 has only 31 days."),
        ("05-13-1985", "impossible", "There is no month 13: months are 01-12."),
        ("05-00-1985", "impossible", "There is no month 00"),
        ("01-01-0000", "impossible", "There is no year 0000."),
        ("23-11-2026", "future", "Birth date 23-11-2026 is in the future (today is 22-11-2026)."),
        ("05-05-2085", "future", "in the future"),
        ("21111895", "too_old", "Birth date 21-11-1895 means an age of 131 (over 130)"),
        ("01-01-1850", "too_old", "Birth date 01-01-1850 means an age of 176 (over 130)"),
    ],
)
def test_refusals_say_what_is_wrong(typed, code, english):
    with pytest.raises(BirthDateError) as info:
        parse_birth_date(typed, today=TODAY)
    error = info.value
    assert error.code == code
    assert error.field == "birth_date"
    assert english in error.message_en
    assert error.message_id
    assert error.message_id != error.message_en
    assert isinstance(error, PersonError)  # the window shows it like every person error


def test_an_age_of_130_is_accepted_131_is_not():
    assert parse_birth_date("21-11-1896", today=TODAY) == date(1896, 11, 21)
    with pytest.raises(BirthDateError) as info:
        parse_birth_date("21-11-1895", today=TODAY)
    assert info.value.code == "too_old"


def test_indonesian_messages():
    with pytest.raises(BirthDateError) as info:
        parse_birth_date("31-04-1985", today=TODAY)
    assert info.value.message_id == "Tanggal 31 tidak ada: April 1985 hanya punya 30 hari."
    with pytest.raises(BirthDateError) as info:
        parse_birth_date("29-02-1985", today=TODAY)
    assert "Februari 1985 (bukan tahun kabisat) hanya punya 28 hari" in info.value.message_id


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(1985, 5, 5), "05-05-1985"),
        (date(2026, 11, 22), "22-11-2026"),
        (date(1900, 1, 9), "09-01-1900"),
    ],
)
def test_format(value, text):
    assert format_birth_date(value) == text


@given(st.dates(min_value=date(1896, 11, 22), max_value=TODAY))
def test_format_reads_back(value):
    assert parse_birth_date(format_birth_date(value), today=TODAY) == value
    assert parse_birth_date(format_birth_date(value).replace("-", ""), today=TODAY) == value


def _outcome(text):
    """The parsed date, or the error (never anything else)."""
    try:
        return parse_birth_date(text, today=TODAY)
    except BirthDateError as error:
        return error


@given(st.text(max_size=40))
def test_no_text_crashes_it(text):
    outcome = _outcome(text)
    if isinstance(outcome, BirthDateError):
        assert outcome.message_id
        assert outcome.message_en
    else:
        assert date(1895, 11, 23) <= outcome <= TODAY


CODES = {"empty", "characters", "length", "format", "impossible", "future", "too_old"}


@given(st.text(alphabet="0123456789-/. ", max_size=12))
def test_no_digit_soup_crashes_it(text):
    outcome = _outcome(text)
    assert isinstance(outcome, date) or outcome.code in CODES


@pytest.mark.parametrize(
    ("nik", "proposed"),
    [
        ("3174015507850002", date(1985, 7, 15)),  # a woman: day 55 - 40
        ("3174011507850002", date(1985, 7, 15)),
        ("3201020304550003", date(1955, 4, 3)),
        ("3174015507260002", date(2026, 7, 15)),  # the latest year ending in 26, not after today
        ("3174015512260002", date(1926, 12, 15)),  # 15-12-2026 is still ahead
        ("317401550785000", None),  # 15 digits
        ("9974015507850002", None),  # no such province
    ],
)
def test_nik_proposal(nik, proposed):
    assert nik_proposal(nik, TODAY) == proposed


def test_calendar_opens_at_the_nik_year_or_forty_years_ago():
    assert calendar_start("3174015507850002", TODAY) == date(1985, 7, 15)
    assert calendar_start("", TODAY) == date(1986, 11, 1)
    assert calendar_start("3174", TODAY) == date(1986, 11, 1)
