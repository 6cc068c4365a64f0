"""Manual entry: what the operator typed becomes a measurement, checked like a device's."""

from __future__ import annotations

import math
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.measurements import (
    BloodPressure,
    MeasurementKind,
    PressureUnit,
    SpO2,
    measurement_from_json,
)
from station.checks import Severity, blocks
from station.checks.engine import CheckReading, check_reading
from station.checks.rulesets import DEFAULT_RULE_SET, rule_set
from station.manual_entry import (
    MANUAL_SOURCE,
    MAX_DIGITS,
    ManualEntryError,
    assess,
    check_manual,
    fields_of,
    parse_manual,
)

BP = MeasurementKind.BLOOD_PRESSURE
OX = MeasurementKind.SPO2
RULES = rule_set(DEFAULT_RULE_SET)


def bp_typed(systolic="120", diastolic="80", pulse=""):
    return {"systolic": systolic, "diastolic": diastolic, "pulse_rate": pulse}


@pytest.mark.parametrize(
    ("typed", "expected", "raw"),
    [
        (bp_typed(pulse="72"), (120.0, 80.0, 72.0), "manual:bp:120/80/72"),
        (bp_typed(), (120.0, 80.0, None), "manual:bp:120/80/-"),
        (bp_typed(" 135 ", "\t85", " 064 "), (135.0, 85.0, 64.0), "manual:bp:135/85/64"),
        (bp_typed("0120", "080"), (120.0, 80.0, None), "manual:bp:120/80/-"),
        ({"systolic": "118", "diastolic": "76"}, (118.0, 76.0, None), "manual:bp:118/76/-"),
    ],
)
def test_blood_pressure_as_typed(typed, expected, raw):
    measurement = parse_manual(BP, typed)
    assert isinstance(measurement, BloodPressure)
    assert (measurement.systolic, measurement.diastolic, measurement.pulse_rate) == expected
    assert measurement.unit is PressureUnit.MMHG
    assert measurement.mean_arterial is None
    assert measurement.timestamp is None  # no device clock: the station's time is the time
    assert measurement.raw == raw.encode("utf-8")


def test_spo2_as_typed():
    measurement = parse_manual(OX, {"spo2": "97", "pulse_rate": "81"})
    assert isinstance(measurement, SpO2)
    assert (measurement.spo2, measurement.pulse_rate) == (97.0, 81.0)
    assert measurement.measurement_status is None
    assert measurement.device_status is None
    assert measurement.raw == b"manual:spo2:97/81"


@pytest.mark.parametrize(
    ("kind", "typed", "field", "code"),
    [
        (BP, bp_typed(systolic=""), "systolic", "required"),
        (BP, bp_typed(diastolic="   "), "diastolic", "required"),
        (OX, {"spo2": "98"}, "pulse_rate", "required"),  # an oximeter always shows its pulse
        (OX, {"pulse_rate": "70"}, "spo2", "required"),
        (BP, bp_typed(systolic="120,5"), "systolic", "not-whole-number"),
        (BP, bp_typed(systolic="120,0"), "systolic", "not-whole-number"),
        (BP, bp_typed(systolic="120.0"), "systolic", "not-whole-number"),
        (BP, bp_typed(systolic="1.200"), "systolic", "not-whole-number"),
        (OX, {"spo2": ",98", "pulse_rate": "70"}, "spo2", "not-whole-number"),
        (BP, bp_typed(systolic="-120"), "systolic", "not-a-number"),
        (BP, bp_typed(systolic="12O"), "systolic", "not-a-number"),  # letter O
        (BP, bp_typed(systolic="1 20"), "systolic", "not-a-number"),
        (BP, bp_typed(systolic="120/80"), "systolic", "not-a-number"),
        (
            BP,
            bp_typed(systolic="\u0661\u0662\u0660"),
            "systolic",
            "not-a-number",
        ),  # Arabic-Indic digits
        (
            BP,
            bp_typed(systolic="\uff11\uff12\uff10"),
            "systolic",
            "not-a-number",
        ),  # full-width digits
        (BP, bp_typed(systolic="\u00b2"), "systolic", "not-a-number"),
        (BP, bp_typed(systolic="1e3"), "systolic", "not-a-number"),
        (OX, {"spo2": "98%", "pulse_rate": "70"}, "spo2", "not-a-number"),
        (BP, bp_typed(pulse="."), "pulse_rate", "not-a-number"),
        (BP, bp_typed(pulse="inf"), "pulse_rate", "not-a-number"),
        (BP, bp_typed(systolic="1" * (MAX_DIGITS + 1)), "systolic", "too-long"),
    ],
)
def test_what_cannot_be_read_names_its_box_and_says_why(kind, typed, field, code):
    with pytest.raises(ManualEntryError) as caught:
        parse_manual(kind, typed)
    error = caught.value
    assert (error.field, error.code) == (field, code)
    assert error.message_id
    assert error.message_en
    assert str(error) == error.message_en
    assessment = assess(kind, typed)
    assert assessment.blocked
    assert assessment.measurement is None
    assert assessment.error_for(field) is not None


def test_messages_in_both_languages_name_the_box():
    error = assess(BP, bp_typed(systolic="120,5")).error_for("systolic")
    assert error is not None
    assert error.message_id == (
        "Sistolik: ketik bilangan bulat, tanpa koma atau titik (misalnya 120)."
    )
    assert error.message_en == (
        "Systolic: type a whole number, without a comma or point (for example 120)."
    )
    required = assess(OX, {"spo2": "98"}).error_for("pulse_rate")
    assert required is not None
    assert (required.message_id, required.message_en) == (
        "Denyut nadi wajib diisi.",
        "Pulse rate is required.",
    )


def test_every_box_reports_its_own_error_at_once():
    assessment = assess(BP, bp_typed("", "8,5", "x"))
    assert [(e.field, e.code) for e in assessment.errors] == [
        ("systolic", "required"),
        ("diastolic", "not-whole-number"),
        ("pulse_rate", "not-a-number"),
    ]


def test_leading_zeros_do_not_count_against_the_digit_limit():
    typed = bp_typed(systolic="0" * 10 + "120")
    assert parse_manual(BP, typed).raw == b"manual:bp:120/80/-"


@pytest.mark.parametrize(
    ("kind", "typed"),
    [
        (BP, bp_typed("350", "80")),
        (BP, bp_typed("80", "120")),  # diastolic above systolic
        (BP, bp_typed("120", "80", "400")),
        (BP, bp_typed("0", "0")),
        (BP, bp_typed("999999", "80")),
        (OX, {"spo2": "101", "pulse_rate": "70"}),
        (OX, {"spo2": "98", "pulse_rate": "10"}),
    ],
)
def test_impossible_values_are_blocked_with_the_device_messages(kind, typed):
    assessment = assess(kind, typed)
    assert assessment.measurement is not None
    assert assessment.blocked
    # The very findings (codes and both messages) a device reading with these values gets.
    device = check_reading(CheckReading(assessment.measurement))
    assert blocks(device)
    assert list(assessment.findings) == device


def test_a_blocked_value_says_what_a_cuff_reading_would():
    assessment = assess(BP, bp_typed("350", "80"))
    from_cuff = BloodPressure(350.0, 80.0, None, PressureUnit.MMHG, b"\x00")
    assert [(f.code, f.message_id, f.message_en) for f in assessment.findings] == [
        (f.code, f.message_id, f.message_en) for f in check_reading(CheckReading(from_cuff))
    ]
    assert assessment.findings[0].message_en == (
        "Systolic 350 mmHg is not possible (limits 50-300 mmHg). "
        "Check the device and measure again."
    )


def test_plain_checks_store_what_a_device_reading_stores():
    measurement = parse_manual(OX, {"spo2": "93", "pulse_rate": "70"})
    assert check_manual(measurement) == check_reading(CheckReading(measurement))
    assert not blocks(check_manual(measurement))


def test_grades_are_shown_when_the_person_is_known_but_never_unblock():
    checker = partial(check_manual, age_years=45.0, rules=RULES)
    critical = assess(OX, {"spo2": "85", "pulse_rate": "70"}, checker)
    assert not critical.blocked
    assert Severity.CRITICAL in {f.severity for f in critical.findings}
    high = assess(BP, bp_typed("165", "102", "72"), checker)
    assert not high.blocked
    assert {f.severity for f in high.findings} & {Severity.ABNORMAL, Severity.CRITICAL}
    normal = assess(BP, bp_typed("118", "76", "70"), checker)
    assert not normal.blocked
    assert all(f.severity in {Severity.NORMAL, Severity.NOTICE} for f in normal.findings)
    blocked = assess(BP, bp_typed("350", "80"), checker)
    assert blocked.blocked
    assert all(f.severity is not Severity.CRITICAL for f in blocked.findings)  # never graded


def test_the_measurement_round_trips_through_json_with_its_raw_text():
    measurement = parse_manual(BP, bp_typed("128", "84", "66"))
    again = measurement_from_json(measurement.to_json())
    assert again == measurement
    assert again.raw.decode("utf-8") == "manual:bp:128/84/66"


def test_manual_source_is_manual_and_never_simulated():
    assert MANUAL_SOURCE.source == "manual"
    assert MANUAL_SOURCE.device_id == "manual"
    assert not MANUAL_SOURCE.simulated


def test_only_blood_pressure_and_spo2_can_be_entered():
    with pytest.raises(ValueError, match="only blood pressure or SpO2"):
        parse_manual(MeasurementKind.HEART_RATE, {})
    assert [f.name for f in fields_of(BP)] == ["systolic", "diastolic", "pulse_rate"]
    assert [f.required for f in fields_of(OX)] == [True, True]


_TYPED = st.text(
    alphabet=st.one_of(st.sampled_from("0123456789 .,-+eE/%"), st.characters(codec="utf-8")),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from([BP, OX]), a=_TYPED, b=_TYPED, c=_TYPED)
def test_no_typed_text_crashes_or_gives_a_number_that_is_not_finite(kind, a, b, c):
    names = [f.name for f in fields_of(kind)]
    typed = dict(zip(names, (a, b, c), strict=False))
    assessment = assess(kind, typed)  # never raises
    if assessment.measurement is None:
        assert assessment.errors
        assert all(isinstance(e, ManualEntryError) for e in assessment.errors)
        return
    measurement = assessment.measurement
    values = (
        [measurement.systolic, measurement.diastolic, measurement.pulse_rate]
        if isinstance(measurement, BloodPressure)
        else [measurement.spo2, measurement.pulse_rate]
    )
    for value in values:
        assert value is None or (math.isfinite(value) and value == int(value) and value >= 0)
    assert measurement.raw.decode("utf-8").startswith("manual:")
