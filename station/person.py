"""The person being measured: NIK, name, birth date, each validated with a clear message.

Messages come in Bahasa Indonesia and English because the operator may use either.

NIK (Nomor Induk Kependudukan) layout, 16 digits, positions counted from 1 as people read a
KTP (sources: Dukcapil Klaten, https://dukcapil.klaten.go.id/arti-16-digit-nomor-induk-kependudukan-nik;
Dirjen Dukcapil Teguh Setyabudi quoted by TribunJakarta 2023-08-29,
https://jakarta.tribunnews.com/2023/08/29/ternyata-begini-kode-penulisan-16-nik-pada-ktp-tanggal-lahir-perempuan-ditambah-40)::

    digits  1-2   province code        (where the NIK was first registered; never changes)
    digits  3-4   regency/city code    (not 00)
    digits  5-6   district code        (kecamatan; not 00)
    digits  7-8   day of birth         01-31 for men, day + 40 (41-71) for women
    digits  9-10  month of birth       01-12
    digits 11-12  year of birth        last two digits
    digits 13-16  serial number        from 0001

Decisions:

- Province codes are the Kemendagri codes, which Dukcapil uses in the NIK: 11-19, 21, 31-36,
  51-53, 61-65, 71-76, 81-82, 91-96. Source: Kepmendagri No 300.2.2-2138 Tahun 2025 (38
  provinces: 91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan,
  96 Papua Barat Daya), as tabulated in github.com/cahyadsn/wilayah README; Papua Pegunungan's
  Kemendagri code 95 also on its Wikipedia page. 97 is *not* accepted: it appears only in BPS
  statistics codes (which number Papua differently), not in Kemendagri codes. A NIK keeps the
  code it was first registered under, so the older codes 91/92 stay valid after the 2022 split.
- Century: the NIK holds only two year digits. The birth year is the latest year ending in
  those digits whose birthday is not after ``today`` (so ``...0101 26`` read on 22 Nov 2026 is
  2026, and ``...2311 26`` is 1926). A person aged 100 or more therefore reads as a century too
  young from the NIK alone; comparing a typed birth date with the NIK ignores the century, so
  the typed date (which the UI allows back to 1900) settles it.
- Dukcapil does not change a NIK when a birth date is corrected later (Dukcapil Klaten, above:
  "NIK tidak bisa diganti hanya karena ingin menyamakan dengan tanggal lahir"), so a real KTP
  can disagree with its own NIK. ``validate_person`` rejects a mismatch by default (it catches
  typing errors and the wrong person's card), and ``allow_nik_mismatch=True`` lets a caller
  accept it once the operator has checked the card.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

# One masking rule for the station and the SATUSEHAT client (the stricter of the two there were).
from fhir_export.masking import mask_nik
from station.checks.messages import MONTHS_EN, MONTHS_ID, Params, ParamValue, check_params, texts

__all__ = [
    "MONTHS_EN",
    "MONTHS_ID",
    "NIK_LENGTH",
    "PROVINCE_CODES",
    "Nik",
    "Person",
    "PersonError",
    "Sex",
    "check_against_nik",
    "mask_name",
    "mask_nik",
    "nik_birth_date",
    "nik_sex",
    "normalise_nik",
    "parse_nik",
    "validate_nik",
    "validate_person",
]

Sex = Literal["female", "male"]

NIK_LENGTH = 16
NAME_MAX_LENGTH = 200
# Added to the day of birth for women (digits 7-8).
FEMALE_DAY_OFFSET = 40
_NIK_SEPARATORS = re.compile(r"[\s.-]")

# Kemendagri province codes (Kepmendagri No 300.2.2-2138 Tahun 2025), see the module docstring.
_PROVINCE_RANGES: tuple[tuple[int, int], ...] = (
    (11, 19),  # Sumatra: Aceh .. Kepulauan Bangka Belitung
    (21, 21),  # Kepulauan Riau
    (31, 36),  # Java: DKI Jakarta .. Banten
    (51, 53),  # Bali, NTB, NTT
    (61, 65),  # Kalimantan: Barat .. Utara
    (71, 76),  # Sulawesi: Utara .. Barat (incl. Gorontalo)
    (81, 82),  # Maluku, Maluku Utara
    (91, 96),  # Papua, Papua Barat, Papua Selatan, Papua Tengah, Papua Pegunungan, Papua Barat Daya
)
PROVINCE_CODES: frozenset[str] = frozenset(
    f"{code:02d}" for low, high in _PROVINCE_RANGES for code in range(low, high + 1)
)
_PROVINCE_LIST = ", ".join(
    f"{low}" if low == high else f"{low}-{high}" for low, high in _PROVINCE_RANGES
)


class PersonError(ValueError):
    """A person's details are wrong; ``field`` names which, the message says why. ``key``
    and ``params``: the message as a catalogue key (station/checks/messages.py) for the
    screens to render in their language, None for words only."""

    def __init__(
        self,
        field: str,
        message_id: str,
        message_en: str,
        *,
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__(message_en)
        self.field = field
        self.message_id = message_id
        self.message_en = message_en
        self.key = key
        self.params = params if params is not None else Params()

    @classmethod
    def of(
        cls, field: str, key: str, params: Mapping[str, ParamValue] | None = None
    ) -> PersonError:
        """The error with its words from the catalogue (``MessageError`` on a bad key)."""
        kept = check_params(key, params or {})
        message_id, message_en = texts(key, kept)
        return cls(field, message_id, message_en, key=key, params=kept)


@dataclass(frozen=True, slots=True)
class Person:
    nik: str
    name: str
    birth_date: date | None


@dataclass(frozen=True, slots=True)
class Nik:
    """A NIK split into its parts; the date of birth is not yet tied to a century."""

    value: str
    province: str
    regency: str
    district: str
    day: int  # 1-31, the 40 for women already taken off
    month: int
    year_2: int  # last two digits of the birth year
    serial: str
    sex: Sex


def normalise_nik(text: str) -> str:
    """The NIK with spaces, dots and dashes removed (as people often type it)."""
    return _NIK_SEPARATORS.sub("", text)


def _format_date(day: int, month: int, year: int, year_digits: int = 4) -> str:
    return f"{day:02d}-{month:02d}-{year:0{year_digits}d}"


def _nik_error(key: str, params: Mapping[str, ParamValue] | None = None) -> PersonError:
    return PersonError.of("nik", key, params)


def _check_shape(text: str) -> str:
    nik = normalise_nik(text)
    if not nik:
        raise _nik_error("nik.required")
    if not nik.isascii() or not nik.isdigit():
        raise _nik_error("nik.digits_only")
    if len(nik) != NIK_LENGTH:
        raise _nik_error("nik.length", {"count": len(nik)})
    return nik


def _check_region(nik: str) -> None:
    province, regency, district = nik[0:2], nik[2:4], nik[4:6]
    if province not in PROVINCE_CODES:
        raise _nik_error("nik.province", {"province": province, "codes": _PROVINCE_LIST})
    if regency == "00":
        raise _nik_error("nik.regency_00")
    if district == "00":
        raise _nik_error("nik.district_00")


def _check_day_and_month(nik: str) -> tuple[int, int, Sex]:
    day_digits, month_digits = int(nik[6:8]), int(nik[8:10])
    sex: Sex
    if 1 <= day_digits <= 31:
        day, sex = day_digits, "male"
    elif FEMALE_DAY_OFFSET + 1 <= day_digits <= FEMALE_DAY_OFFSET + 31:
        day, sex = day_digits - FEMALE_DAY_OFFSET, "female"
    else:
        raise _nik_error("nik.day", {"digits": nik[6:8]})
    if not 1 <= month_digits <= 12:
        raise _nik_error("nik.month", {"digits": nik[8:10]})
    return day, month_digits, sex


def _day_too_large(
    nik: str, day: int, month: int, sex: Sex, *, limit: int, year_2: int | None = None
) -> PersonError:
    """The day is past the month's end; ``year_2`` when it is 29 February of a year whose two
    digits are not a leap year's. A woman's NIK names her day (the 40 taken off) too."""
    params: dict[str, ParamValue] = {
        "digits": nik[6:8],
        "month": f"{month:02d}",
        "month_name": f"month.{month:02d}",
        "limit": limit,
    }
    key = "nik.day_too_large" if year_2 is None else "nik.february_29"
    if year_2 is not None:
        params["year"] = f"{year_2:02d}"
    if sex == "female":
        key, params["day"] = f"{key}_female", day
    return _nik_error(key, params)


def _check_days_in_month(nik: str, day: int, month: int, year_2: int, sex: Sex) -> None:
    """Day within the month. February 29 needs a leap year; with two year digits it is one
    when they divide by 4 (00 counts: 2000 was a leap year)."""
    if month == 2 and day == 29:
        if year_2 % 4 != 0:
            raise _day_too_large(nik, day, month, sex, limit=28, year_2=year_2)
        return
    limit = 29 if month == 2 else calendar.monthrange(2001, month)[1]
    if day > limit:
        raise _day_too_large(nik, day, month, sex, limit=limit)


def parse_nik(text: str) -> Nik:
    """Split and check a NIK as typed; raises ``PersonError`` (field ``nik``) for the first
    problem, naming the digits at fault."""
    nik = _check_shape(text)
    _check_region(nik)
    day, month, sex = _check_day_and_month(nik)
    year_2 = int(nik[10:12])
    _check_days_in_month(nik, day, month, year_2, sex)
    if nik[12:16] == "0000":
        raise _nik_error("nik.serial")
    return Nik(
        value=nik,
        province=nik[0:2],
        regency=nik[2:4],
        district=nik[4:6],
        day=day,
        month=month,
        year_2=year_2,
        serial=nik[12:16],
        sex=sex,
    )


def _resolve_birth_date(parts: Nik, today: date) -> date:
    year = today.year // 100 * 100 + parts.year_2
    if (year, parts.month, parts.day) > (today.year, today.month, today.day):
        year -= 100  # the latest birthday that is not in the future (module docstring)
    if parts.month == 2 and parts.day == 29 and not calendar.isleap(year):
        # Only reachable for 00 when 2000-02-29 is still ahead of `today` (so 1900).
        raise _nik_error("nik.not_leap_year", {"year": year})
    return date(year, parts.month, parts.day)


def validate_nik(text: str, *, today: date | None = None) -> str:
    """The normalised NIK, or ``PersonError`` saying exactly what is wrong with it.

    With ``today`` the birth date is also tied to its century (see the module docstring).
    """
    parts = parse_nik(text)
    if today is not None:
        _resolve_birth_date(parts, today)
    return parts.value


def nik_birth_date(nik: str, today: date) -> date:
    """The birth date the NIK holds, in the latest century that puts it on or before today."""
    return _resolve_birth_date(parse_nik(nik), today)


def nik_sex(nik: str) -> Sex:
    """``"female"`` when 40 was added to the day of birth (digits 7-8 are 41-71)."""
    return parse_nik(nik).sex


def check_against_nik(nik: str, *, birth_date: date | None = None, sex: Sex | None = None) -> None:
    """Raise ``PersonError`` (field ``birth_date`` or ``sex``) when what was typed disagrees
    with the NIK. The birth year is compared by its last two digits only, so a person aged
    100 or more is not rejected for the NIK's missing century."""
    parts = parse_nik(nik)
    if sex is not None and sex != parts.sex:
        key = "nik.sex_female_typed_male" if parts.sex == "female" else "nik.sex_male_typed_female"
        raise PersonError.of("sex", key, {"digits": parts.value[6:8]})
    if birth_date is not None and (birth_date.day, birth_date.month, birth_date.year % 100) != (
        parts.day,
        parts.month,
        parts.year_2,
    ):
        from_nik = _format_date(parts.day, parts.month, parts.year_2, year_digits=2)
        typed = _format_date(birth_date.day, birth_date.month, birth_date.year)
        params: dict[str, ParamValue] = {"typed": typed, "from_nik": from_nik}
        key = "nik.birth_date_mismatch"
        if parts.sex == "female":
            key, params["digits"] = f"{key}_female", parts.value[6:8]
        raise PersonError.of("birth_date", key, params)


def validate_person(
    nik: str,
    name: str,
    birth_date: date | None,
    *,
    today: date,
    sex: Sex | None = None,
    allow_nik_mismatch: bool = False,
) -> Person:
    """Check what the operator typed; raises ``PersonError`` for the first problem.

    A typed birth date or sex must agree with the NIK unless ``allow_nik_mismatch`` (see the
    module docstring for why a real card can disagree with its NIK).
    """
    checked_nik = validate_nik(nik, today=today)
    clean_name = " ".join(name.split())
    if not clean_name:
        raise PersonError.of("name", "person.name_required")
    if len(clean_name) > NAME_MAX_LENGTH:
        raise PersonError.of("name", "person.name_too_long", {"limit": NAME_MAX_LENGTH})
    if birth_date is not None and birth_date > today:
        raise PersonError.of("birth_date", "person.birth_date_future")
    if not allow_nik_mismatch:
        check_against_nik(checked_nik, birth_date=birth_date, sex=sex)
    return Person(nik=checked_nik, name=clean_name, birth_date=birth_date)


def mask_name(name: str) -> str:
    """For logs: initials only."""
    return " ".join(part[0] + "." for part in name.split() if part) or "?"
