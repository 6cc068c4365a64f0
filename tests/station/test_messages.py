"""The catalogue of the checks' sentences (issue 13): every key renders in both languages
with its parameters, parameters that do not fit are refused when a finding is built, every
blood-pressure band has its label, and a finding keeps its key and parameters beside the
words the station has always written."""

from __future__ import annotations

from datetime import date

import pytest

from devices.measurements import BloodPressure, BloodPressureStatus, PressureUnit
from station.checks import Finding, Severity, check_measurement
from station.checks.classify import _CHILD_CAPS, ADOLESCENT_BANDS, classify_blood_pressure
from station.checks.messages import CATALOGUE, MessageError, Params, check_params, render, texts
from station.checks.protocol import ProtocolReading, blood_pressure_protocol
from station.checks.rulesets import RULE_SETS, rule_set
from station.ckg import RELAXED_WINDOW, ckg_eligibility
from station.corrections import _finding_from_json, _finding_json


def sample(key: str) -> dict[str, str | int | float]:
    """Parameters that fit ``key``: a label key for a label, else a number."""
    message = CATALOGUE[key]
    labels = iter(k for k, m in CATALOGUE.items() if not m.params)
    return {name: (next(labels) if name in message.labels else 12.5) for name in message.params}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_renders_in_both_languages_with_its_parameters(key):
    params = check_params(key, sample(key))
    text_id, text_en = texts(key, params)
    assert text_id.strip()
    assert text_en.strip()
    assert "{" not in text_id + text_en
    if set(params) - CATALOGUE[key].labels:  # a number was given: it is in the words
        assert "12.5" in text_id + text_en


@pytest.mark.parametrize("key", sorted(k for k, m in CATALOGUE.items() if m.params), ids=str)
def test_a_missing_or_an_extra_parameter_is_refused(key):
    params = sample(key)
    missing = dict(params)
    missing.pop(sorted(params)[0])
    with pytest.raises(MessageError, match="missing"):
        check_params(key, missing)
    with pytest.raises(MessageError, match="unexpected"):
        check_params(key, {**params, "surplus": 1})


def test_an_unknown_key_a_bad_label_and_a_text_for_a_number_are_refused():
    with pytest.raises(MessageError, match="unknown message key"):
        Finding.of("spo2", Severity.NOTICE, "x", "no.such.key")
    with pytest.raises(MessageError, match="not a label key"):
        check_params("device.no_value", {"parameter": "systolic"})
    with pytest.raises(MessageError, match="do not fit"):
        check_params("spo2.normal", {"spo2": "ninety"})


def test_both_templates_use_only_the_declared_parameters_and_labels_take_none():
    for key, message in CATALOGUE.items():
        assert message.labels <= message.params, key
        assert key == message.key


def test_every_band_of_every_table_has_its_label_with_the_same_words():
    bands = [b for r in RULE_SETS.values() for b in r.adult_bands]
    for band in (*bands, *ADOLESCENT_BANDS, *_CHILD_CAPS):
        assert texts(f"bp_band.{band.code}") == (band.label_id, band.label_en), band.code


def test_params_are_an_immutable_hashable_mapping():
    params = Params({"b": 2, "a": "x"})
    assert dict(params) == {"a": "x", "b": 2}
    assert params == {"b": 2, "a": "x"}
    assert hash(params) == hash(Params({"a": "x", "b": 2}))
    assert list(params) == ["a", "b"]
    assert len(params) == 2
    with pytest.raises(KeyError):
        params["c"]


def test_a_finding_keeps_its_key_and_parameters_and_the_words_as_before():
    reading = BloodPressure(
        systolic=120.0,
        diastolic=130.0,
        mean_arterial=None,
        unit=PressureUnit.MMHG,
        raw=b"",
        status=BloodPressureStatus(cuff_loose=True),
    )
    found = {f.code: f for f in check_measurement(reading)}
    invalid = found["systolic-not-above-diastolic"]
    assert invalid.key == "bp.systolic_not_above_diastolic"
    assert invalid.params == {"systolic": 120.0, "diastolic": 130.0}
    assert invalid.message_id == (
        "Sistolik 120 tidak lebih tinggi dari diastolik 130: pengukuran tidak sah. Ukur ulang."
    )
    assert invalid.message_en == (
        "Systolic 120 is not above diastolic 130: not a valid measurement. Measure again."
    )
    assert found["cuff-loose"].message_en == "The cuff is too loose."


def test_a_grade_names_its_rule_set_and_renders_its_band_label():
    rules = rule_set("esh-2023")
    grade = classify_blood_pressure(150.0, 85.0, 45, rules).finding()
    assert grade.key == "bp.band_isolated_systolic"
    assert grade.params == {"systolic": 150.0, "diastolic": 85.0, "band": "bp_band.grade_1"}
    assert (grade.rule_set, grade.rule_set_version) == ("esh-2023", "1")
    assert (
        grade.message_id == "Tekanan darah 150/85 mmHg: Hipertensi derajat 1 (sistolik terisolasi)."
    )
    assert render(grade.key, grade.params, "en") == grade.message_en


def test_a_child_in_immediate_care_keeps_the_bound_as_parameters():
    grade = classify_blood_pressure(170.0, 120.0, 8, rule_set("esh-2023")).finding()
    assert grade.key.startswith("bp.aap_immediate_care")
    assert {"bound_systolic", "bound_diastolic"} <= set(grade.params)
    assert "persentil ke-95" in grade.message_id


def test_the_next_step_and_the_ckg_reason_are_keys_with_parameters():
    rules = rule_set("esh-2023")
    readings = [ProtocolReading(150.0, 80.0), ProtocolReading(130.0, 80.0)]
    step = blood_pressure_protocol(readings, rules).next_step
    assert step.key == "protocol.third_reading_systolic_spread"
    assert step.params == {"spread": 20.0, "limit": 10.0}
    assert step.message_id.endswith("sistolik berbeda lebih dari 10 mmHg.")
    assert step.message_en.endswith("differ by 20 mmHg (more than 10).")

    ckg = ckg_eligibility(date(1980, 5, 1), date(2026, 5, 3), None, RELAXED_WINDOW)
    assert ckg.reason_key == "ckg.eligible"
    assert ckg.reason_params == {"age": 46, "group": "ckg_group.18-59"}
    assert ckg.reason_en == "Eligible for the birthday check: age 46, group adults (18-59)."


def test_a_previous_version_keeps_a_finding_key_and_one_stored_before_reads_as_words():
    keyed = Finding.of("spo2", Severity.NOTICE, "confirm-value", "spo2.confirm_low", {"spo2": 75.0})
    data = _finding_json(keyed)
    assert data["message"] == {"id": keyed.message_id, "en": keyed.message_en}
    assert _finding_from_json(data) == keyed
    old = _finding_from_json(keyed.to_json())  # a snapshot written before issue 13
    assert (old.key, dict(old.params), old.message_en) == (None, {}, keyed.message_en)


def test_a_desk_refusal_is_a_key_and_a_station_error_with_a_bad_key_is_refused():
    from station.desk_refusals import _REFUSALS
    from station.errors import ErrorCode, StationError

    assert all(key in CATALOGUE for key in _REFUSALS.values())
    error = StationError.of(ErrorCode.NOT_NOW, "refusal.no_visit")
    assert (error.message_id, error.message_en) == (
        "Tidak ada kunjungan yang berjalan.",
        "No visit is in progress.",
    )
    with pytest.raises(MessageError):
        StationError.of(ErrorCode.NOT_NOW, "refusal.no_such_thing")
