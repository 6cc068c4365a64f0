"""Every error the person, birth-date, manual-entry, operator, correction and access modules
raise carries a catalogue key with its parameters (issue 13), so the screens say it in their
language; its words are still the catalogue's, word for word what the station said before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest

from devices.measurements import MeasurementKind
from station.birth_date import BirthDateError, parse_birth_date
from station.checks.messages import CATALOGUE, texts
from station.ckg import RELAXED_WINDOW, ckg_eligibility
from station.corrections import CorrectionRefused, check_correctable
from station.desk_access import sign_in_refused
from station.errors import ErrorCode, StationError
from station.manual_entry import ManualEntryError, parse_manual
from station.operator_admin import self_disable_refused
from station.operators import OperatorError, validate_operator, validate_secret
from station.person import MONTHS_EN, MONTHS_ID, PersonError, check_against_nik, validate_person
from station.store.models import VisitStatus

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
SITI = "3174015507850002"  # a woman born 15-07-1985
BUDI = "3174010505850003"  # a man born 05-05-1985


def _person(nik: str, name: str = "Budi", birth: date | None = None) -> Callable[[], object]:
    return lambda: validate_person(nik, name, birth, today=TODAY)


CASES: list[tuple[str, Callable[[], object], str]] = [
    ("empty NIK", _person(""), "nik.required"),
    ("letters", _person("31740105058500AB"), "nik.digits_only"),
    ("short", _person("317401050585000"), "nik.length"),
    ("province", _person("9974010505850003"), "nik.province"),
    ("regency", _person("3100010505850003"), "nik.regency_00"),
    ("district", _person("3174000505850003"), "nik.district_00"),
    ("day", _person("3174013505850003"), "nik.day"),
    ("month", _person("3174010513850003"), "nik.month"),
    ("31 April", _person("3174013104850003"), "nik.day_too_large"),
    ("a woman's 31 April", _person("3174017104850003"), "nik.day_too_large_female"),
    ("29 February 85", _person("3174012902850003"), "nik.february_29"),
    ("a woman's 29 February 85", _person("3174016902850003"), "nik.february_29_female"),
    ("serial", _person("3174010505850000"), "nik.serial"),
    ("name", _person(BUDI, "  "), "person.name_required"),
    ("long name", _person(BUDI, "x" * 201), "person.name_too_long"),
    ("future", _person(BUDI, birth=TODAY + timedelta(days=1)), "person.birth_date_future"),
    ("mismatch", _person(BUDI, birth=date(1985, 5, 6)), "nik.birth_date_mismatch"),
    ("her mismatch", _person(SITI, birth=date(1985, 7, 16)), "nik.birth_date_mismatch_female"),
    (
        "sex",
        lambda: check_against_nik(SITI, sex="male"),
        "nik.sex_female_typed_male",
    ),
    ("his sex", lambda: check_against_nik(BUDI, sex="female"), "nik.sex_male_typed_female"),
    (
        "after the visit",
        lambda: ckg_eligibility(TODAY, TODAY - timedelta(days=1), None, RELAXED_WINDOW),
        "person.birth_date_after_visit",
    ),
    ("no date", lambda: parse_birth_date("", today=TODAY), "birth_date.empty"),
    ("letters", lambda: parse_birth_date("5 Mei 1985", today=TODAY), "birth_date.characters"),
    ("too long", lambda: parse_birth_date("05-05-19851", today=TODAY), "birth_date.too_long"),
    ("length", lambda: parse_birth_date("050585", today=TODAY), "birth_date.length"),
    ("unreadable", lambda: parse_birth_date("05-05-85", today=TODAY), "birth_date.unreadable"),
    ("year 0", lambda: parse_birth_date("05-05-0000", today=TODAY), "birth_date.no_year"),
    ("month 13", lambda: parse_birth_date("05-13-1985", today=TODAY), "birth_date.no_month"),
    ("31 April", lambda: parse_birth_date("31-04-1985", today=TODAY), "birth_date.no_day"),
    (
        "29 February",
        lambda: parse_birth_date("29-02-1985", today=TODAY),
        "birth_date.no_february_29",
    ),
    ("tomorrow", lambda: parse_birth_date("23-11-2026", today=TODAY), "birth_date.future"),
    ("too old", lambda: parse_birth_date("01-01-1890", today=TODAY), "birth_date.too_old"),
    ("operator", lambda: validate_operator(" ", "admin", BUDI, "2468"), "operator.name_empty"),
    (
        "operator name",
        lambda: validate_operator("x" * 500, "admin", BUDI, "2468"),
        "operator.name_too_long",
    ),
    ("role", lambda: validate_operator("Ani", "boss", BUDI, "2468"), "operator.unknown_role"),
    (
        "practitioner",
        lambda: validate_operator("Ani", "admin", "123", "2468"),
        "operator.practitioner_nik",
    ),
    ("no PIN", lambda: validate_secret(""), "operator.pin_empty"),
    ("short PIN", lambda: validate_secret("12"), "operator.pin_too_short"),
    ("long PIN", lambda: validate_secret("1" * 200 + "2"), "operator.pin_too_long"),
    ("repeated PIN", lambda: validate_secret("1" * 12), "operator.pin_repeated"),
    (
        "manual",
        lambda: parse_manual(MeasurementKind.SPO2, {"spo2": "", "pulse_rate": "72"}),
        "manual.required",
    ),
    (
        "manual decimal",
        lambda: parse_manual(MeasurementKind.SPO2, {"spo2": "97,5", "pulse_rate": "72"}),
        "manual.not_whole_number",
    ),
    (
        "manual letters",
        lambda: parse_manual(MeasurementKind.SPO2, {"spo2": "abc", "pulse_rate": "72"}),
        "manual.not_a_number",
    ),
]


@pytest.mark.parametrize(("case", "act", "key"), CASES, ids=[c[0] for c in CASES])
def test_every_refusal_carries_its_key_and_the_catalogue_words(case, act, key):
    with pytest.raises((PersonError, OperatorError, ManualEntryError)) as info:
        act()
    error = info.value
    assert error.key == key, case
    assert (error.message_id, error.message_en) == texts(key, error.params)
    if isinstance(error, BirthDateError):
        assert error.field == "birth_date"


def test_the_station_words_are_as_before():
    """A few of the sentences word for word as the station said them before the keys."""
    with pytest.raises(PersonError) as info:
        validate_person("3174016902850003", "Siti", None, today=TODAY)
    assert info.value.message_en == (
        "NIK digits 7-8 (day of birth) are 69, a woman's day 29, but month 02 (February) "
        "of year 85 (1985 or 2085, not a leap year) has only 28 days."
    )
    with pytest.raises(OperatorError) as op:
        validate_operator("Ani", "boss", BUDI, "2468")
    assert (op.value.message_en, op.value.message_id) == (
        "unknown role 'boss': one of health_worker, supervisor, admin",
        "Peran tidak dikenal: health_worker, supervisor, admin.",
    )
    assert str(op.value) == op.value.message_en


def test_the_month_labels_are_the_person_module_month_names():
    for number, (name_id, name_en) in enumerate(zip(MONTHS_ID, MONTHS_EN, strict=True), 1):
        assert texts(f"month.{number:02d}") == (name_id, name_en)


def test_a_correction_refusal_and_the_access_refusals_carry_keys():
    open_visit = SimpleNamespace(status=VisitStatus.OPEN)  # only its status is read
    with pytest.raises(CorrectionRefused) as info:
        check_correctable(open_visit, TODAY)  # type: ignore[arg-type]
    assert info.value.key == "correction.visit_open"
    for refusal, key in (
        (sign_in_refused("locked", NOW + timedelta(seconds=30), NOW), "sign_in.locked_one_minute"),
        (sign_in_refused("locked", NOW + timedelta(minutes=5), NOW), "sign_in.locked"),
        (sign_in_refused("disabled", None, NOW), "sign_in.disabled"),
        (sign_in_refused("wrong", None, NOW), "sign_in.wrong"),
        (self_disable_refused(), "operator.self_disable"),
    ):
        assert refusal.key == key
        assert key in CATALOGUE
    assert sign_in_refused("locked", NOW + timedelta(minutes=5), NOW).message_en == (
        "Too many wrong PINs. Try again in 5 minutes."
    )


def test_a_wrapped_error_keeps_its_key():
    with pytest.raises(PersonError) as info:
        validate_person("123", "Budi", None, today=TODAY)
    wrapped = StationError.wrapping(ErrorCode.INVALID_PERSON, info.value, field="nik")
    assert (wrapped.key, dict(wrapped.params)) == ("nik.length", {"count": 3})
    assert wrapped.message_id == "NIK harus 16 digit; yang diketik 3 digit."
