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
from collections.abc import Mapping
from datetime import date
from typing import Literal

from station.checks.messages import Params, ParamValue, check_params, texts
from station.ckg import age_in_years
from station.person import PersonError, nik_birth_date

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

    def __init__(
        self,
        code: BirthDateErrorCode,
        message_id: str,
        message_en: str,
        *,
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__("birth_date", message_id, message_en, key=key, params=params)
        self.code: BirthDateErrorCode = code


def _refused(
    code: BirthDateErrorCode, key: str, params: Mapping[str, ParamValue] | None = None
) -> BirthDateError:
    """The refusal with its words from the catalogue key ``birth_date.*``."""
    kept = check_params(key, params or {})
    message_id, message_en = texts(key, kept)
    return BirthDateError(code, message_id, message_en, key=key, params=kept)


def format_birth_date(value: date) -> str:
    """``DD-MM-YYYY``, the form the desk shows and ``parse_birth_date`` reads back."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def _parts(text: str) -> tuple[int, int, int]:
    """Day, month and year as typed (not yet checked as a date)."""
    if not text:
        raise _refused("empty", "birth_date.empty", {"example": _EXAMPLE})
    if not _ALLOWED.fullmatch(text):
        raise _refused("characters", "birth_date.characters", {"example": _EXAMPLE})
    if len(text) > MAX_TEXT_LENGTH:
        raise _refused(
            "format",
            "birth_date.too_long",
            {"count": len(text), "limit": MAX_TEXT_LENGTH, "example": _EXAMPLE},
        )
    if _DIGITS_ONLY.fullmatch(text):
        if len(text) != 8:
            raise _refused("length", "birth_date.length", {"count": len(text)})
        return int(text[0:2]), int(text[2:4]), int(text[4:8])
    match = _SEPARATED.fullmatch(text)
    if match is None:
        raise _refused("format", "birth_date.unreadable", {"text": text, "example": _EXAMPLE})
    return int(match[1]), int(match[2]), int(match[3])


def _check_real(day: int, month: int, year: int) -> date:
    """The date, or ``impossible`` naming the part at fault."""
    if year < 1:
        raise _refused("impossible", "birth_date.no_year")
    if not 1 <= month <= 12:
        raise _refused("impossible", "birth_date.no_month", {"month": f"{month:02d}"})
    limit = calendar.monthrange(year, month)[1]
    if not 1 <= day <= limit:
        leap = month == 2 and day == 29
        raise _refused(
            "impossible",
            "birth_date.no_february_29" if leap else "birth_date.no_day",
            {"day": f"{day:02d}", "month_name": f"month.{month:02d}", "year": year, "limit": limit},
        )
    return date(year, month, day)


def _check_plausible(birth: date, today: date) -> date:
    if birth > today:
        raise _refused(
            "future",
            "birth_date.future",
            {"birth": format_birth_date(birth), "today": format_birth_date(today)},
        )
    age = age_in_years(birth, today)
    if age > MAX_AGE_YEARS:
        raise _refused(
            "too_old",
            "birth_date.too_old",
            {"birth": format_birth_date(birth), "age": age, "limit": MAX_AGE_YEARS},
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
