"""What the patient screen says aloud (issue 13): numbers in words, the queue call, results."""

from __future__ import annotations

import pytest

from devices.measurements import BloodPressure, HeartRate, PressureUnit, SensorContact, SpO2
from station.checks.classify import ADOLESCENT_BANDS
from station.checks.engine import CheckReading, advice_for, evaluate
from station.checks.rulesets import ACC_AHA_2017, ESH_2023, Referral
from station.results import BloodPressureResult, ValueResult, VisitResults
from station.spoken import (
    MAX_NUMBER,
    Utterance,
    blood_pressure_words,
    desk_words,
    number_words,
    queue_call,
    results_speech,
    value_words,
)

# (n, Bahasa Indonesia, English): the cases where each language has its own rule.
NUMBERS = [
    (0, "nol", "zero"),
    (1, "satu", "one"),
    (2, "dua", "two"),
    (7, "tujuh", "seven"),
    (9, "sembilan", "nine"),
    (10, "sepuluh", "ten"),
    (11, "sebelas", "eleven"),
    (12, "dua belas", "twelve"),
    (15, "lima belas", "fifteen"),
    (19, "sembilan belas", "nineteen"),
    (20, "dua puluh", "twenty"),
    (21, "dua puluh satu", "twenty-one"),
    (40, "empat puluh", "forty"),
    (72, "tujuh puluh dua", "seventy-two"),
    (82, "delapan puluh dua", "eighty-two"),
    (99, "sembilan puluh sembilan", "ninety-nine"),
    (100, "seratus", "one hundred"),
    (101, "seratus satu", "one hundred and one"),
    (110, "seratus sepuluh", "one hundred and ten"),
    (111, "seratus sebelas", "one hundred and eleven"),
    (119, "seratus sembilan belas", "one hundred and nineteen"),
    (128, "seratus dua puluh delapan", "one hundred and twenty-eight"),
    (200, "dua ratus", "two hundred"),
    (215, "dua ratus lima belas", "two hundred and fifteen"),
    (999, "sembilan ratus sembilan puluh sembilan", "nine hundred and ninety-nine"),
    (1000, "seribu", "one thousand"),
    (1001, "seribu satu", "one thousand and one"),
    (1010, "seribu sepuluh", "one thousand and ten"),
    (1011, "seribu sebelas", "one thousand and eleven"),
    (1100, "seribu seratus", "one thousand one hundred"),
    (1111, "seribu seratus sebelas", "one thousand one hundred and eleven"),
    (2000, "dua ribu", "two thousand"),
    (2026, "dua ribu dua puluh enam", "two thousand and twenty-six"),
    (
        9999,
        "sembilan ribu sembilan ratus sembilan puluh sembilan",
        "nine thousand nine hundred and ninety-nine",
    ),
    (10000, "sepuluh ribu", "ten thousand"),
    (11000, "sebelas ribu", "eleven thousand"),
    (
        12345,
        "dua belas ribu tiga ratus empat puluh lima",
        "twelve thousand three hundred and forty-five",
    ),
    (100000, "seratus ribu", "one hundred thousand"),
    (101000, "seratus satu ribu", "one hundred and one thousand"),
    (1000000, "satu juta", "one million"),
    (1000001, "satu juta satu", "one million and one"),
    (2001000, "dua juta seribu", "two million one thousand"),
    (
        MAX_NUMBER,
        "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan "
        "ribu sembilan ratus sembilan puluh sembilan",
        "nine hundred and ninety-nine million nine hundred and ninety-nine thousand nine "
        "hundred and ninety-nine",
    ),
]


@pytest.mark.parametrize(("n", "indonesian", "english"), NUMBERS)
def test_numbers_in_words(n, indonesian, english):
    assert number_words(n, "id") == indonesian
    assert number_words(n, "en") == english


def test_every_number_up_to_ten_thousand_has_words_that_differ():
    """No two numbers are said the same way, and Indonesian never says "satu ratus" or
    "satu ribu" (it is "seratus", "seribu") nor "satu puluh" / "satu belas"."""
    for lang in ("id", "en"):
        said = [number_words(n, lang) for n in range(10_000)]
        assert len(set(said)) == len(said)
    for words in (number_words(n, "id") for n in range(10_000)):
        for wrong in ("satu ratus", "satu ribu", "satu puluh", "satu belas"):
            assert wrong not in words


@pytest.mark.parametrize("n", [-1, MAX_NUMBER + 1])
def test_numbers_out_of_range_are_refused(n):
    with pytest.raises(ValueError, match="outside"):
        number_words(n, "id")


@pytest.mark.parametrize(
    ("value", "indonesian", "english"),
    [
        (97.0, "sembilan puluh tujuh", "ninety-seven"),
        (128, "seratus dua puluh delapan", "one hundred and twenty-eight"),
        (36.5, "tiga puluh enam koma lima", "thirty-six point five"),
        (0.25, "nol koma dua lima", "zero point two five"),
        (100.0, "seratus", "one hundred"),
    ],
)
def test_values_in_words(value, indonesian, english):
    assert value_words(value, "id") == indonesian
    assert value_words(value, "en") == english


def test_blood_pressure_with_its_unit_in_words():
    assert blood_pressure_words(128, 82, "id") == (
        "seratus dua puluh delapan per delapan puluh dua milimeter air raksa"
    )
    assert blood_pressure_words(128, 82, "en") == (
        "one hundred and twenty-eight over eighty-two millimetres of mercury"
    )


@pytest.mark.parametrize(
    ("station_id", "indonesian", "english"),
    [
        ("desk-1", "satu", "one"),
        ("desk-12", "dua belas", "twelve"),
        ("meja_02", "dua", "two"),
        ("3", "tiga", "three"),
        ("loket3a", "tiga", "three"),
        ("front", "front", "front"),
        ("desk-1-b-2", "desk-1-b-2", "desk-1-b-2"),  # two numbers: the id as it is
    ],
)
def test_the_desk_as_said(station_id, indonesian, english):
    assert desk_words(station_id, "id") == indonesian
    assert desk_words(station_id, "en") == english


def test_queue_call():
    assert queue_call(12, "desk-1", "id") == Utterance(
        "Nomor antrean dua belas, silakan ke meja satu.", "id", chime=True
    )
    assert queue_call(12, "desk-1", "en") == Utterance(
        "Queue number twelve, please come to desk one.", "en", chime=True
    )
    assert queue_call(101, "front", "id").text == (
        "Nomor antrean seratus satu, silakan ke meja front."
    )
    assert queue_call(3, "", "id").text == "Nomor antrean tiga, silakan maju."
    assert queue_call(3, "", "en").text == "Queue number three, please come forward."


def visit_results(
    systolic,
    diastolic,
    *,
    spo2=None,
    pulse=None,
    heart_rate=None,
    age=45.0,
    rules=ESH_2023,
    simulated=False,
):
    """VisitResults as the station builds them (station.results.summarise) for one reading
    of each kind."""
    readings = [CheckReading(BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, b"\x00"))]
    if spo2 is not None:
        readings.append(CheckReading(SpO2(spo2, pulse, b"\x00")))
    if heart_rate is not None:
        readings.append(CheckReading(HeartRate(heart_rate, SensorContact.DETECTED, b"\x00")))
    evaluation = evaluate(readings, age, rules)

    def value(result):
        if result is None:
            return None
        return ValueResult(
            result.values["value"], result.unit, simulated, result.classification.category
        )

    bp = evaluation.blood_pressure
    assert bp is not None
    return VisitResults(
        BloodPressureResult(
            bp.values["systolic"],
            bp.values["diastolic"],
            bp.readings_used,
            simulated,
            bp.classification.category,
        ),
        value(evaluation.spo2),
        value(evaluation.heart_rate),
        evaluation,
    )


def test_results_said_in_bahasa_indonesia():
    said = results_speech(visit_results(128, 82, spo2=97, pulse=72), "id")
    assert said == Utterance(
        "Hasil pemeriksaan Anda. "
        "Tekanan darah: seratus dua puluh delapan per delapan puluh dua milimeter air raksa, "
        "normal. "
        "Saturasi oksigen: sembilan puluh tujuh persen, normal. "
        "Denyut nadi: tujuh puluh dua kali per menit, normal. "
        f"{advice_for(Referral.NONE)[1][0]} "
        "Ini hasil pemeriksaan awal, bukan diagnosis.",
        "id",
        chime=False,
    )


def test_results_said_in_english():
    said = results_speech(visit_results(146, 94, spo2=93, pulse=115), "en")
    assert said.text == (
        "Your results. "
        "Blood pressure: one hundred and forty-six over ninety-four millimetres of mercury, "
        "grade one hypertension. "
        "Oxygen saturation: ninety-three percent, low. "
        "Pulse: one hundred and fifteen beats per minute, fast. "
        "You need to see a doctor today. The staff will help you. "
        "These are screening results, not a diagnosis."
    )
    assert said.lang == "en"
    assert not said.chime


# (systolic/diastolic, rule set, age): (Bahasa Indonesia, English)
BLOOD_PRESSURE_CATEGORIES = [
    ((118, 76), ESH_2023, 45, ("optimal", "optimal")),
    ((132, 86), ESH_2023, 45, ("normal tinggi", "high-normal")),
    ((146, 94), ESH_2023, 45, ("hipertensi derajat satu", "grade one hypertension")),
    ((165, 95), ESH_2023, 45, ("hipertensi derajat dua", "grade two hypertension")),
    ((185, 100), ESH_2023, 45, ("hipertensi derajat tiga", "grade three hypertension")),
    ((125, 75), ACC_AHA_2017, 45, ("meningkat", "elevated")),
    ((134, 82), ACC_AHA_2017, 45, ("hipertensi tahap satu", "stage one hypertension")),
    ((190, 100), ACC_AHA_2017, 45, ("krisis hipertensi", "hypertensive crisis")),
    ((85, 60), ESH_2023, 45, ("sangat rendah", "very low")),
    # Adolescents: AAP 2017's table under either rule set.
    ((134, 82), ESH_2023, 15, ("hipertensi tahap satu", "stage one hypertension")),
    # A child under 13: the AAP cap's label without its bracketed note.
    (
        (134, 70),
        ESH_2023,
        8,
        ("setidaknya hipertensi tahap satu", "at least stage one hypertension"),
    ),
    (
        (110, 70),
        ESH_2023,
        8,
        ("perlu dinilai oleh petugas kesehatan", "to be assessed by a health worker"),
    ),
]


@pytest.mark.parametrize(("pressure", "rules", "age", "words"), BLOOD_PRESSURE_CATEGORIES)
def test_blood_pressure_category_is_the_rule_sets_label(pressure, rules, age, words):
    results = visit_results(*pressure, rules=rules, age=age)
    assert f"air raksa, {words[0]}." in results_speech(results, "id").text
    assert f"of mercury, {words[1]}." in results_speech(results, "en").text


def test_labels_come_from_the_rule_sets():
    """The words said are the bands' labels (never a copy that could drift from them)."""
    results = visit_results(146, 94)
    grade_1 = next(b for b in ESH_2023.adult_bands if b.code == "grade_1")
    assert grade_1.label_id == "Hipertensi derajat 1"
    assert "hipertensi derajat satu" in results_speech(results, "id").text
    stage_1 = next(b for b in ADOLESCENT_BANDS if b.code == "stage_1")
    assert stage_1.label_en == "Stage 1 hypertension"


@pytest.mark.parametrize(
    ("rate", "indonesian", "english"),
    [(35, "sangat lambat", "very slow"), (140, "sangat cepat", "very fast")],
)
def test_extreme_heart_rate_says_which_way(rate, indonesian, english):
    results = visit_results(120, 78, heart_rate=rate)
    assert f"kali per menit, {indonesian}." in results_speech(results, "id").text
    assert f"beats per minute, {english}." in results_speech(results, "en").text


@pytest.mark.parametrize("referral", list(Referral))
def test_the_next_step_is_the_patients_advice(referral):
    cases = {
        Referral.NONE: visit_results(118, 76),
        Referral.FOLLOW_UP: visit_results(146, 94),
        Referral.SAME_DAY: visit_results(165, 95),
        Referral.URGENT: visit_results(185, 100),
    }
    results = cases[referral]
    assert results.evaluation.referral is referral
    patient_id, patient_en = advice_for(referral)[1]
    assert f" {patient_id} Ini hasil pemeriksaan awal, bukan diagnosis." in (
        results_speech(results, "id").text
    )
    assert f" {patient_en} These are screening results, not a diagnosis." in (
        results_speech(results, "en").text
    )


def test_simulated_values_are_said_to_be_simulated():
    results = visit_results(128, 82, simulated=True)
    assert "Nilai ini dari alat simulasi, bukan pengukuran sebenarnya." in (
        results_speech(results, "id").text
    )
    assert "simulated device" in results_speech(results, "en").text
    assert "simulasi" not in results_speech(visit_results(128, 82), "id").text


def test_no_digits_and_no_unit_symbols_are_left_for_the_engine():
    for results in (visit_results(128, 82, spo2=97, pulse=72), visit_results(134, 70, age=8)):
        for lang in ("id", "en"):
            text = results_speech(results, lang).text
            assert not any(ch.isdigit() for ch in text), text
            for symbol in ("mmHg", "%", "/", "SpO2"):
                assert symbol not in text


def test_only_the_values_without_an_evaluation():
    results = VisitResults(BloodPressureResult(128, 82, 1, False), None, None, None)
    assert results_speech(results, "id").text == (
        "Hasil pemeriksaan Anda. "
        "Tekanan darah: seratus dua puluh delapan per delapan puluh dua milimeter air raksa. "
        "Ini hasil pemeriksaan awal, bukan diagnosis."
    )
