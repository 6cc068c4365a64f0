from __future__ import annotations

from datetime import date

import pytest

from station.person import PersonError, mask_name, mask_nik, validate_person

TODAY = date(2026, 11, 22)


def test_valid_person_is_normalised():
    person = validate_person(
        " 3174 0155 0785 0002 ", "  Siti   Rahayu ", date(1985, 7, 15), today=TODAY
    )
    assert person.nik == "3174015507850002"
    assert person.name == "Siti Rahayu"


@pytest.mark.parametrize(
    ("nik", "english"),
    [
        ("", "NIK is required."),
        ("317401550785000", "NIK must have 16 digits; 15 were entered."),
        ("31740155078500021", "NIK must have 16 digits; 17 were entered."),
        ("3174O15507850002", "NIK must contain digits only."),
        ("३१७४०१५५०७८५०००२", "NIK must contain digits only."),  # Devanagari digits
    ],
)
def test_bad_nik_says_what_is_wrong(nik, english):
    with pytest.raises(PersonError) as info:
        validate_person(nik, "Siti", None, today=TODAY)
    assert info.value.field == "nik"
    assert info.value.message_en == english
    assert info.value.message_id  # always a Bahasa Indonesia text too


def test_name_and_birth_date():
    with pytest.raises(PersonError, match="Name is required"):
        validate_person("3174015507850002", "   ", None, today=TODAY)
    with pytest.raises(PersonError, match="future"):
        validate_person("3174015507850002", "Siti", date(2027, 1, 1), today=TODAY)


def test_masks_for_logs():
    assert mask_nik("3174015507850002") == "3174************"
    assert mask_name("Siti Rahayu") == "S. R."
