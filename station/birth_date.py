"""A birth date as the operator types it, in Indonesian order (day, month, year).

What is accepted (decisions):

- ``DDMMYYYY``: exactly eight digits, e.g. ``05051985``, the quickest to type on a keypad.
- ``D-M-YYYY`` with one- or two-digit day and month, separated by ``-``, ``/``, ``.`` or a
  space (each gap one separator, kinds may differ): ``05-05-1985``, ``5-5-1985``,
  ``05/05/1985``, ``5.5.1985``. Spaces around the whole text are ignored.
- The year always has four digits. ``050585`` or ``05-05-85`` is refused with a message that
  says so: two digits cannot tell 1925 from 2025, and a wrong century would make a child of an
  old man (the NIK has the same gap, see ``station.person``).
- Year-first ISO ``1985-05-05`` is refused: the desk works in one order only, the one on the
  KTP, so that ``01-02-1985`` can never be read as 2 January.

A parsed date is checked against ``today`` (given by the caller: rules take no clock): not in
the future, and an age of at most ``MAX_AGE_YEARS``. Every refusal is a ``BirthDateError``
(a ``PersonError`` for field ``birth_date``) with a ``code`` a test or a screen can branch on
and a message in Bahasa Indonesia and English that says what was wrong.

"Birth date unknown" is not something this module parses: it must be an explicit choice at
the desk, never the result of a typo, so an empty text is an error here too.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

from station.ckg import age_in_years
from station.person import MONTHS_EN, MONTHS_ID, PersonError, nik_birth_date

__all__ = [
    "MAX_AGE_YEARS",
    "TYPICAL_AGE_YEARS",
    "BirthDateError",
    "BirthDateErrorCode",
    "calendar_start",
    "format_birth_date",
    "nik_proposal",
    "parse_birth_date",
]

# Older than the oldest person on record (122) with room; anything above is a typing error.
MAX_AGE_YEARS = 130
# Where the calendar opens when the NIK gives no year: a typical adult at a CKG desk.
TYPICAL_AGE_YEARS = 40
# Longest accepted text: "05-05-1985" (ten characters); more is refused before any parsing.
MAX_TEXT_LENGTH = 10

BirthDateErrorCode = Literal[
    "empty", "characters", "length", "format", "impossible", "future", "too_old"
]

_DIGITS_ONLY = re.compile(r"[0-9]+")
_SEPARATED = re.compile(r"([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})")
_ALLOWED = re.compile(r"[0-9\-/. ]+")
_EXAMPLE = "05-05-1985 / 05051985"


class BirthDateError(PersonError):
    """A typed birth date was refused; ``code`` says why in one word."""

    def __init__(self, code: BirthDateErrorCode, message_id: str, message_en: str) -> None:
        super().__init__("birth_date", message_id, message_en)
        self.code: BirthDateErrorCode = code


def format_birth_date(value: date) -> str:
    """``DD-MM-YYYY``, the form the desk shows and ``parse_birth_date`` reads back."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def _parts(text: str) -> tuple[int, int, int]:
    """Day, month and year as typed (not yet checked as a date)."""
    if not text:
        raise BirthDateError(
            "empty",
            f"Tanggal lahir belum diisi: ketik tanggal-bulan-tahun ({_EXAMPLE}).",
            f"No birth date typed: type day-month-year ({_EXAMPLE}).",
        )
    if not _ALLOWED.fullmatch(text):
        raise BirthDateError(
            "characters",
            f"Tanggal lahir hanya berisi angka dan tanda - / . ({_EXAMPLE}).",
            f"A birth date holds digits and - / . only ({_EXAMPLE}).",
        )
    if len(text) > MAX_TEXT_LENGTH:
        raise BirthDateError(
            "format",
            f"Tanggal lahir terlalu panjang ({len(text)} karakter, paling banyak "
            f"{MAX_TEXT_LENGTH}): ketik {_EXAMPLE}.",
            f"Birth date too long ({len(text)} characters, at most {MAX_TEXT_LENGTH}): "
            f"type {_EXAMPLE}.",
        )
    if _DIGITS_ONLY.fullmatch(text):
        if len(text) != 8:
            raise BirthDateError(
                "length",
                f"Tanggal lahir tanpa tanda pisah harus 8 angka (DDMMYYYY, mis. 05051985); "
                f"yang diketik {len(text)} angka.",
                f"A birth date without separators must have 8 digits (DDMMYYYY, e.g. "
                f"05051985); {len(text)} were typed.",
            )
        return int(text[0:2]), int(text[2:4]), int(text[4:8])
    match = _SEPARATED.fullmatch(text)
    if match is None:
        raise BirthDateError(
            "format",
            f"Tanggal lahir {text!r} tidak terbaca: ketik tanggal-bulan-tahun dengan tahun "
            f"4 angka ({_EXAMPLE}).",
            f"Birth date {text!r} cannot be read: type day-month-year with a 4-digit year "
            f"({_EXAMPLE}).",
        )
    return int(match[1]), int(match[2]), int(match[3])


def _check_real(day: int, month: int, year: int) -> date:
    """The date, or ``impossible`` naming the part at fault."""
    if year < 1:
        raise BirthDateError("impossible", "Tahun 0000 tidak ada.", "There is no year 0000.")
    if not 1 <= month <= 12:
        raise BirthDateError(
            "impossible",
            f"Bulan {month:02d} tidak ada: bulan 01-12.",
            f"There is no month {month:02d}: months are 01-12.",
        )
    limit = calendar.monthrange(year, month)[1]
    if not 1 <= day <= limit:
        leap_id = leap_en = ""
        if month == 2 and day == 29:
            leap_id, leap_en = " (bukan tahun kabisat)", " (not a leap year)"
        raise BirthDateError(
            "impossible",
            f"Tanggal {day:02d} tidak ada: {MONTHS_ID[month - 1]} {year}{leap_id} hanya punya "
            f"{limit} hari.",
            f"There is no day {day:02d}: {MONTHS_EN[month - 1]} {year}{leap_en} has only "
            f"{limit} days.",
        )
    return date(year, month, day)


def _check_plausible(birth: date, today: date) -> date:
    if birth > today:
        raise BirthDateError(
            "future",
            f"Tanggal lahir {format_birth_date(birth)} ada di masa depan (hari ini "
            f"{format_birth_date(today)}).",
            f"Birth date {format_birth_date(birth)} is in the future (today is "
            f"{format_birth_date(today)}).",
        )
    age = age_in_years(birth, today)
    if age > MAX_AGE_YEARS:
        raise BirthDateError(
            "too_old",
            f"Tanggal lahir {format_birth_date(birth)} berarti usia {age} tahun (lebih dari "
            f"{MAX_AGE_YEARS}): periksa tahunnya.",
            f"Birth date {format_birth_date(birth)} means an age of {age} (over "
            f"{MAX_AGE_YEARS}): check the year.",
        )
    return birth


def parse_birth_date(text: str, *, today: date) -> date:
    """The date typed as ``DD-MM-YYYY`` or ``DDMMYYYY`` (module docstring), or
    ``BirthDateError`` saying what is wrong with it."""
    day, month, year = _parts(text.strip())
    return _check_plausible(_check_real(day, month, year), today)


def nik_proposal(nik: str, today: date) -> date | None:
    """The birth date the NIK carries, to offer the operator (never to store unasked), or
    None when the text is not a valid NIK. (It is never in the future nor over 100 years
    back: ``station.person`` ties it to the latest fitting century.)"""
    try:
        return nik_birth_date(nik, today)
    except PersonError:
        return None


def calendar_start(nik: str, today: date) -> date:
    """Where the birth-date calendar opens: the NIK's birth date when it carries one, else
    the first of this month ``TYPICAL_AGE_YEARS`` ago."""
    proposed = nik_proposal(nik, today)
    if proposed is not None:
        return proposed
    return date(today.year - TYPICAL_AGE_YEARS, today.month, 1)
