"""NIK rules, one table row per rule boundary, each naming its source.

Sources (details in station/person.py):
  DUKCAPIL  NIK layout: Dukcapil Klaten, "Arti 16 digit NIK"; Dirjen Dukcapil via TribunJakarta
            2023-08-29 (region codes, DDMMYY with +40 for women, serial from 0001).
  KEMENDAGRI  province codes, Kepmendagri No 300.2.2-2138 Tahun 2025 (38 provinces).
  CALENDAR  Gregorian calendar (days per month, leap years; 2000 was a leap year).
  DECISION  this station's choice, written down in station/person.py (century).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.person import (
    PROVINCE_CODES,
    PersonError,
    check_against_nik,
    mask_nik,
    nik_birth_date,
    nik_sex,
    parse_nik,
    validate_nik,
    validate_person,
)

TODAY = date(2026, 11, 22)


def nik(
    *, province="31", regency="74", district="01", day="55", month="07", year="85", serial="0002"
):
    return f"{province}{regency}{district}{day}{month}{year}{serial}"


VALID = [
    # (nik, birth date read on TODAY, sex, source)
    (nik(), date(1985, 7, 15), "female", "DUKCAPIL: 55 = woman's day 15"),
    (nik(day="01"), date(1985, 7, 1), "male", "DUKCAPIL: men's day 01"),
    (nik(day="31"), date(1985, 7, 31), "male", "DUKCAPIL: men's day 31 (July has 31)"),
    (nik(day="41"), date(1985, 7, 1), "female", "DUKCAPIL: 41 = woman's day 1"),
    (nik(day="71"), date(1985, 7, 31), "female", "DUKCAPIL: 71 = woman's day 31"),
    (nik(day="30", month="04"), date(1985, 4, 30), "male", "CALENDAR: April has 30 days"),
    (nik(day="29", month="02", year="24"), date(2024, 2, 29), "male", "CALENDAR: 2024 leap"),
    (nik(day="69", month="02", year="96"), date(1996, 2, 29), "female", "CALENDAR: 1996 leap"),
    (nik(day="29", month="02", year="00"), date(2000, 2, 29), "male", "CALENDAR: 2000 leap"),
    (nik(day="28", month="02", year="23"), date(2023, 2, 28), "male", "CALENDAR: Feb 28"),
    (nik(month="01"), date(1985, 1, 15), "female", "DUKCAPIL: month 01"),
    (nik(month="12"), date(1985, 12, 15), "female", "DUKCAPIL: month 12"),
    (nik(serial="0001"), date(1985, 7, 15), "female", "DUKCAPIL: serial starts at 0001"),
    (nik(serial="9999"), date(1985, 7, 15), "female", "DUKCAPIL: 4-digit serial"),
    (nik(province="11"), date(1985, 7, 15), "female", "KEMENDAGRI: 11 Aceh (lowest)"),
    (nik(province="19"), date(1985, 7, 15), "female", "KEMENDAGRI: 19 Bangka Belitung"),
    (nik(province="21"), date(1985, 7, 15), "female", "KEMENDAGRI: 21 Kepulauan Riau"),
    (nik(province="36"), date(1985, 7, 15), "female", "KEMENDAGRI: 36 Banten"),
    (nik(province="51"), date(1985, 7, 15), "female", "KEMENDAGRI: 51 Bali"),
    (nik(province="53"), date(1985, 7, 15), "female", "KEMENDAGRI: 53 NTT"),
    (nik(province="65"), date(1985, 7, 15), "female", "KEMENDAGRI: 65 Kalimantan Utara"),
    (nik(province="76"), date(1985, 7, 15), "female", "KEMENDAGRI: 76 Sulawesi Barat"),
    (nik(province="82"), date(1985, 7, 15), "female", "KEMENDAGRI: 82 Maluku Utara"),
    (nik(province="91"), date(1985, 7, 15), "female", "KEMENDAGRI: 91 Papua (pre-split NIKs)"),
    (nik(province="92"), date(1985, 7, 15), "female", "KEMENDAGRI: 92 Papua Barat"),
    (nik(province="96"), date(1985, 7, 15), "female", "KEMENDAGRI: 96 Papua Barat Daya (2022)"),
    (nik(regency="01"), date(1985, 7, 15), "female", "KEMENDAGRI: regency codes from 01"),
    (nik(regency="99", district="99"), date(1985, 7, 15), "female", "KEMENDAGRI: city 71-99"),
    # Century (DECISION): the latest year ending in YY whose birthday is not after TODAY.
    (nik(day="22", month="11", year="26"), date(2026, 11, 22), "male", "DECISION: born today"),
    (nik(day="23", month="11", year="26"), date(1926, 11, 23), "male", "DECISION: tomorrow=1926"),
    (nik(day="01", month="01", year="00"), date(2000, 1, 1), "male", "DECISION: 00 = 2000"),
    (nik(day="31", month="12", year="99"), date(1999, 12, 31), "male", "DECISION: 99 = 1999"),
    (nik(day="01", month="01", year="27"), date(1927, 1, 1), "male", "DECISION: 27 = 1927"),
]


@pytest.mark.parametrize(("text", "born", "sex", "source"), VALID)
def test_valid_nik(text, born, sex, source):
    assert validate_nik(text, today=TODAY) == text, source
    assert validate_nik(text) == text, source
    assert nik_birth_date(text, TODAY) == born, source
    assert nik_sex(text) == sex, source


INVALID = [
    # (nik, the English message, source)
    (
        nik(province="10"),
        "NIK digits 1-2 (province code) are 10: no Indonesian province has that code "
        "(the codes are 11-19, 21, 31-36, 51-53, 61-65, 71-76, 81-82, 91-96).",
        "KEMENDAGRI: below Aceh",
    ),
    (nik(province="20"), "province code) are 20", "KEMENDAGRI: gap after 19"),
    (nik(province="22"), "province code) are 22", "KEMENDAGRI: gap after 21"),
    (nik(province="37"), "province code) are 37", "KEMENDAGRI: gap after 36"),
    (nik(province="54"), "province code) are 54", "KEMENDAGRI: no 54 (Timor Timur pre-1999)"),
    (nik(province="66"), "province code) are 66", "KEMENDAGRI: gap after 65"),
    (nik(province="77"), "province code) are 77", "KEMENDAGRI: gap after 76"),
    (nik(province="83"), "province code) are 83", "KEMENDAGRI: gap after 82"),
    (nik(province="97"), "province code) are 97", "KEMENDAGRI: 97 is a BPS-only code"),
    (nik(province="00"), "province code) are 00", "KEMENDAGRI"),
    (
        nik(regency="00"),
        "NIK digits 3-4 (regency/city code) are 00: no regency or city has code 00.",
        "DUKCAPIL/KEMENDAGRI: codes from 01",
    ),
    (
        nik(district="00"),
        "NIK digits 5-6 (district code) are 00: no district has code 00.",
        "DUKCAPIL/KEMENDAGRI: codes from 01",
    ),
    (
        nik(day="00"),
        "NIK digits 7-8 (day of birth) are 00: not a day (01-31), and not a woman's day "
        "(41-71, the day plus 40).",
        "DUKCAPIL: day 01-31",
    ),
    (nik(day="32"), "(day of birth) are 32: not a day (01-31), and not a woman's", "DUKCAPIL"),
    (nik(day="35"), "(day of birth) are 35: not a day (01-31), and not a woman's", "DUKCAPIL"),
    (nik(day="40"), "(day of birth) are 40: not a day (01-31), and not a woman's", "DUKCAPIL"),
    (nik(day="72"), "(day of birth) are 72: not a day (01-31), and not a woman's", "DUKCAPIL"),
    (nik(day="99"), "(day of birth) are 99: not a day (01-31), and not a woman's", "DUKCAPIL"),
    (
        nik(month="00"),
        "NIK digits 9-10 (month of birth) are 00: not a month (01-12).",
        "DUKCAPIL: month 01-12",
    ),
    (nik(month="13"), "(month of birth) are 13: not a month (01-12).", "DUKCAPIL"),
    (
        nik(day="31", month="04"),
        "NIK digits 7-8 (day of birth) are 31, but month 04 (April) has only 30 days.",
        "CALENDAR",
    ),
    (
        nik(day="71", month="06"),
        "NIK digits 7-8 (day of birth) are 71, a woman's day 31, but month 06 (June) has "
        "only 30 days.",
        "CALENDAR",
    ),
    (nik(day="30", month="02"), "month 02 (February) has only 29 days.", "CALENDAR"),
    (
        nik(day="29", month="02", year="23"),
        "NIK digits 7-8 (day of birth) are 29, but month 02 (February) of year 23 (1923 or "
        "2023, not a leap year) has only 28 days.",
        "CALENDAR: 2023 and 1923 are not leap years",
    ),
    (nik(day="69", month="02", year="25"), "a woman's day 29, but month 02", "CALENDAR"),
    (
        nik(serial="0000"),
        "NIK digits 13-16 (serial number) are 0000: serial numbers start at 0001.",
        "DUKCAPIL: serial from 0001",
    ),
]


@pytest.mark.parametrize(("text", "english", "source"), INVALID)
def test_invalid_nik_says_which_digits_and_why(text, english, source):
    with pytest.raises(PersonError) as info:
        validate_nik(text, today=TODAY)
    assert info.value.field == "nik", source
    assert english in info.value.message_en, source
    assert info.value.message_id.startswith("Digit ") or "NIK" in info.value.message_id, source
    with pytest.raises(PersonError):
        nik_birth_date(text, TODAY)


def test_indonesian_message_names_the_digits():
    with pytest.raises(PersonError) as info:
        validate_nik(nik(day="35"))
    assert info.value.message_id == (
        "Digit 7-8 NIK (tanggal lahir) adalah 35: bukan tanggal (01-31), dan bukan tanggal "
        "perempuan (41-71, tanggal ditambah 40)."
    )


def test_province_table_is_the_38_kemendagri_provinces():
    # KEMENDAGRI: 38 provinces since Papua Barat Daya (UU 29/2022).
    assert len(PROVINCE_CODES) == 38


def test_leap_day_2000_read_before_it_happened_is_1900_and_impossible():
    # DECISION + CALENDAR: on 1 Jan 2000 the century rule gives 1900, which had no 29 February.
    with pytest.raises(PersonError, match="29-02-1900, but 1900 was not a leap year"):
        nik_birth_date(nik(day="29", month="02", year="00"), date(2000, 1, 1))


def test_separators_are_ignored():
    assert parse_nik("31.74.01 550785-0002").value == nik()


@pytest.mark.parametrize(
    ("birth", "sex", "field", "english", "source"),
    [
        (
            date(1985, 7, 16),
            None,
            "birth_date",
            "Birth date 16-07-1985 does not match the NIK: NIK digits 7-12 give 15-07-85 "
            "(day 55 minus 40). Check the NIK and the birth date on the ID card.",
            "DUKCAPIL: digits 7-12 are the birth date",
        ),
        (date(1985, 8, 15), None, "birth_date", "give 15-07-85", "DUKCAPIL: month"),
        (date(1986, 7, 15), None, "birth_date", "give 15-07-85", "DUKCAPIL: year"),
        (
            None,
            "male",
            "sex",
            "Sex male does not match the NIK: digits 7-8 are 55 (the day plus 40: a woman).",
            "DUKCAPIL: +40 marks women",
        ),
    ],
)
def test_typed_details_that_disagree_with_the_nik(birth, sex, field, english, source):
    with pytest.raises(PersonError) as info:
        check_against_nik(nik(), birth_date=birth, sex=sex)
    assert info.value.field == field, source
    assert english in info.value.message_en, source
    assert info.value.message_id, source


def test_a_man_typed_as_a_woman():
    with pytest.raises(
        PersonError, match=r"Sex female .* digits 7-8 are 15 \(no 40 added: a man\)"
    ):
        check_against_nik(nik(day="15"), sex="female")


def test_typed_details_that_agree():
    check_against_nik(nik(), birth_date=date(1985, 7, 15), sex="female")
    # DECISION: the century is not compared, so a person aged 100+ is not turned away.
    check_against_nik(nik(day="23", month="11", year="25"), birth_date=date(1925, 11, 23))


def test_validate_person_checks_the_nik_against_birth_date_and_sex():
    with pytest.raises(PersonError) as info:
        validate_person(nik(), "Siti", date(1985, 7, 16), today=TODAY)
    assert info.value.field == "birth_date"
    with pytest.raises(PersonError) as info:
        validate_person(nik(), "Siti", None, today=TODAY, sex="male")
    assert info.value.field == "sex"
    # The operator checked the card: a NIK is never reissued for a corrected birth date.
    person = validate_person(nik(), "Siti", date(1985, 7, 16), today=TODAY, allow_nik_mismatch=True)
    assert person.birth_date == date(1985, 7, 16)
    with pytest.raises(PersonError, match="digits 13-16"):
        validate_person(nik(serial="0000"), "Siti", None, today=TODAY)


def test_mask_hides_the_birth_date_and_sex():
    masked = mask_nik(nik())
    assert masked == "3174************"
    assert "550785" not in masked


@given(
    text=st.text(alphabet="0123456789", min_size=16, max_size=16),
    today=st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
)
def test_any_16_digits_validate_or_raise_person_error(text, today):
    failure: PersonError | None = None
    try:
        checked = validate_nik(text, today=today)
    except PersonError as error:
        failure = error
    if failure is not None:
        assert failure.field == "nik"
        assert failure.message_id
        assert failure.message_en
        return
    assert checked == text
    born = nik_birth_date(text, today)
    assert born <= today
    assert nik_sex(text) in {"female", "male"}
    check_against_nik(text, birth_date=born, sex=nik_sex(text))


@given(st.text(max_size=24))
def test_any_text_validates_or_raises_person_error(text):
    failure: PersonError | None = None
    try:
        validate_nik(text)
    except PersonError as error:
        failure = error
    assert failure is None or failure.field == "nik"
