"""What the patient screen says aloud (issue 13): numbers in words and the sentences to speak.

For elderly and low-literacy people the desk can speak the queue call and the results, in
Bahasa Indonesia or English, through a speech engine (``ui/patient/speech.py``). This module
only builds the text: pure functions of their arguments, no I/O, no Qt, no clock.

A speech engine reads digits in its own way ("128/82 mmHg" comes out as "one hundred twenty
eight slash eighty two m m h g", and espeak-ng's Indonesian voice spells units letter by
letter), so every number and unit is written out in words here, the way a health worker would
say it to the person: "seratus dua puluh delapan per delapan puluh dua milimeter air raksa".

The category words are the rule sets' own band labels (``station.checks.rulesets``,
``station.checks.classify``), said without their bracketed notes; the next step is the
patient's advice of ``station.checks.engine.advice_for``, the words the patient screen shows.
Categories that are not bands (SpO2, heart rate, low blood pressure, a child's value that
needs a percentile) have their spoken words below, in the wording of the checks' messages.

The person's name is never spoken: the results are said in a waiting room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from station.checks.classify import ADOLESCENT_BANDS, Classification, child_blood_pressure_bands
from station.checks.engine import Evaluation, advice_for
from station.checks.rulesets import BloodPressureBand
from station.results import VisitResults

__all__ = [
    "MAX_NUMBER",
    "Language",
    "Utterance",
    "blood_pressure_words",
    "category_words",
    "desk_words",
    "number_words",
    "queue_call",
    "results_speech",
    "value_words",
]

Language = Literal["id", "en"]

# Numbers are said up to (not including) a thousand million: queue numbers, readings and
# years all fit, and nothing the station says needs "miliar" / "billion".
MAX_NUMBER = 999_999_999

_ID_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_EN_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@dataclass(frozen=True, slots=True)
class Utterance:
    """One thing to say: the text, its language, and whether a chime goes before it (the
    queue call: people in the waiting room look up before the number is said)."""

    text: str
    lang: Language
    chime: bool = False


def _check_range(n: int) -> None:
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"{n} is outside 0..{MAX_NUMBER}")


def _id_below_thousand(n: int) -> list[str]:
    """1..999 in Bahasa Indonesia: "se-" for one ten, hundred (sepuluh, sebelas, seratus),
    "belas" for 11-19, "puluh" for tens, "ratus" for hundreds."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_ID_ONES[hundreds], "ratus"]
    tens, ones = divmod(rest, 10)
    if tens == 1:
        if ones == 0:
            words.append("sepuluh")
        elif ones == 1:
            words.append("sebelas")
        else:
            words += [_ID_ONES[ones], "belas"]
        return words
    if tens:
        words += [_ID_ONES[tens], "puluh"]
    if ones:
        words.append(_ID_ONES[ones])
    return words


def _id_words(n: int) -> str:
    if n == 0:
        return _ID_ONES[0]
    words: list[str] = []
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    if millions:
        words += [*_id_below_thousand(millions), "juta"]
    if thousands == 1:
        words.append("seribu")  # 1000-1999: "seribu", never "satu ribu"
    elif thousands:
        words += [*_id_below_thousand(thousands), "ribu"]
    if units:
        words += _id_below_thousand(units)
    return " ".join(words)


def _en_below_hundred(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    tens, ones = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")


def _en_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _en_below_hundred(rest)
    words = f"{_EN_ONES[hundreds]} hundred"
    return f"{words} and {_en_below_hundred(rest)}" if rest else words


def _en_words(n: int) -> str:
    """British usage, as espeak-ng's "en" voice (en-gb) speaks: "one hundred and one",
    "two thousand and twenty-six"."""
    if n == 0:
        return _EN_ONES[0]
    groups: list[str] = []
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    if millions:
        groups.append(f"{_en_below_thousand(millions)} million")
    if thousands:
        groups.append(f"{_en_below_thousand(thousands)} thousand")
    if units:
        # "and" before a last group under a hundred: "one thousand and one".
        last = _en_below_thousand(units)
        groups.append(f"and {last}" if groups and units < 100 else last)
    return " ".join(groups)


def number_words(n: int, lang: Language) -> str:
    """A whole number from 0 to ``MAX_NUMBER`` in words: 128 is "seratus dua puluh delapan"
    or "one hundred and twenty-eight"."""
    _check_range(n)
    return _id_words(n) if lang == "id" else _en_words(n)


def value_words(value: float, lang: Language) -> str:
    """A measured value in words, as the screens write it (``f"{value:g}"``): a whole number,
    or its decimals said digit by digit after "koma" / "point" (36.5: "tiga puluh enam koma
    lima", "thirty-six point five")."""
    shown = f"{value:g}"
    if "e" in shown or shown.startswith("-"):
        raise ValueError(f"{value!r} is not a value the station says aloud")
    whole, _, decimals = shown.partition(".")
    words = number_words(int(whole), lang)
    if not decimals:
        return words
    point = "koma" if lang == "id" else "point"
    digits = " ".join(number_words(int(d), lang) for d in decimals)
    return f"{words} {point} {digits}"


def desk_words(station_id: str, lang: Language) -> str:
    """The desk as said in the queue call: the number in an id like "desk-1" or "meja_02"
    (one run of digits) in words, else the id as it is."""
    match = re.fullmatch(r"\D*?(\d+)\D*", station_id)
    if match is None:
        return station_id
    number = int(match.group(1))
    if number > MAX_NUMBER:
        return station_id
    return number_words(number, lang)


def queue_call(queue_number: int, station_id: str, lang: Language) -> Utterance:
    """The queue call, said after the chime: "Nomor antrean dua belas, silakan ke meja satu"."""
    number = number_words(queue_number, lang)
    desk = desk_words(station_id, lang)
    if not desk:  # no desk named: come forward
        text = (
            f"Nomor antrean {number}, silakan maju."
            if lang == "id"
            else f"Queue number {number}, please come forward."
        )
    elif lang == "id":
        text = f"Nomor antrean {number}, silakan ke meja {desk}."
    else:
        text = f"Queue number {number}, please come to desk {desk}."
    return Utterance(text, lang, chime=True)


_PARAMETER = {
    "blood_pressure": ("Tekanan darah", "Blood pressure"),
    "spo2": ("Saturasi oksigen", "Oxygen saturation"),
    "heart_rate": ("Denyut nadi", "Pulse"),
}
_UNIT = {
    "mmHg": ("milimeter air raksa", "millimetres of mercury"),
    "%": ("persen", "percent"),
    "/min": ("kali per menit", "beats per minute"),
}
# Categories that are not blood-pressure bands, in the words of the checks' messages
# (station/checks/classify.py). Heart rate "extreme" is said with the direction (below).
_CATEGORY = {
    ("blood_pressure", "hypotension"): ("sangat rendah", "very low"),
    ("blood_pressure", "needs_percentile"): (
        "perlu dinilai oleh petugas kesehatan",
        "to be assessed by a health worker",
    ),
    ("blood_pressure", "not_screened_under_3"): (
        "tidak diklasifikasikan untuk anak di bawah tiga tahun",
        "not classified for children under three",
    ),
    ("spo2", "normal"): ("normal", "normal"),
    ("spo2", "borderline"): ("batas bawah", "borderline"),
    ("spo2", "hypoxaemia_moderate"): ("rendah", "low"),
    ("spo2", "hypoxaemia_severe"): ("sangat rendah", "very low"),
    ("heart_rate", "normal"): ("normal", "normal"),
    ("heart_rate", "slow"): ("lambat", "slow"),
    ("heart_rate", "fast"): ("cepat", "fast"),
}
# A heart rate classified "extreme" is very slow below this and very fast above it: the
# urgent limits are <= 60 (PALS bradycardia in children, NEWS2 <= 40 in adults) and >= 131
# (NEWS2; PALS 180 and 220 in children), station/checks/classify.py and paediatric.py.
_EXTREME_SLOW_BELOW = 100.0
# The bands a blood-pressure finding code names after the rule-set id ("esh-2023:grade_1",
# "esh-2023:aap-2017-adolescent:stage_1", "esh-2023:aap-2017-child:at_least_stage_1").
_ADOLESCENT_PREFIX = "aap-2017-adolescent:"
_CHILD_PREFIX = "aap-2017-child:"
_BRACKETED = re.compile(r"\s*[(:].*$")


def _pick(pair: tuple[str, str], lang: Language) -> str:
    return pair[0] if lang == "id" else pair[1]


def _band_label(band: BloodPressureBand, lang: Language) -> str:
    """The band's label as said, mid-sentence: without the note in brackets or after a colon,
    which holds numbers and citations ("Setidaknya hipertensi tahap 1 (batas AAP 130/80)"),
    its numbers in words, its first letter small."""
    label = _BRACKETED.sub("", band.label_id if lang == "id" else band.label_en)
    # "Grade 1 hypertension": the grade in words too, like every other number said.
    label = re.sub(r"\d+", lambda m: number_words(int(m.group()), lang), label)
    return label[:1].lower() + label[1:]


def _blood_pressure_bands(
    classification: Classification, evaluation: Evaluation
) -> tuple[BloodPressureBand, ...]:
    table = classification.code.removeprefix(f"{evaluation.rule_set.id}:")
    if table.startswith(_ADOLESCENT_PREFIX):
        return ADOLESCENT_BANDS
    if table.startswith(_CHILD_PREFIX):
        # The labels do not depend on the age (only the immediate-care numbers in brackets).
        return child_blood_pressure_bands(12.0)
    return evaluation.rule_set.adult_bands


def category_words(
    classification: Classification, evaluation: Evaluation, value: float, lang: Language
) -> str | None:
    """The category of a value that counts, in words; None when there is none to say."""
    key = (classification.parameter, classification.category)
    if key in _CATEGORY:
        return _pick(_CATEGORY[key], lang)
    if key == ("heart_rate", "extreme"):
        slow = value < _EXTREME_SLOW_BELOW
        return _pick(
            ("sangat lambat", "very slow") if slow else ("sangat cepat", "very fast"), lang
        )
    if classification.parameter == "blood_pressure":
        for band in _blood_pressure_bands(classification, evaluation):
            if band.code == classification.category:
                return _band_label(band, lang)
    return None


def blood_pressure_words(systolic: float, diastolic: float, lang: Language) -> str:
    """A blood pressure in words: "seratus dua puluh delapan per delapan puluh dua milimeter
    air raksa"."""
    over = "per" if lang == "id" else "over"
    unit = _pick(_UNIT["mmHg"], lang)
    return f"{value_words(systolic, lang)} {over} {value_words(diastolic, lang)} {unit}"


def _sentence(parameter: str, amount: str, category: str | None, lang: Language) -> str:
    said = f"{_pick(_PARAMETER[parameter], lang)}: {amount}"
    return f"{said}, {category}." if category else f"{said}."


def results_speech(results: VisitResults, lang: Language) -> Utterance:
    """The confirmed results as said to the person: each value with its unit and category,
    the next step, and that this is not a diagnosis (and that the values are a simulator's,
    when they are: never said as if measured)."""
    evaluation = results.evaluation
    parts = ["Hasil pemeriksaan Anda." if lang == "id" else "Your results."]
    if results.blood_pressure is not None:
        bp = results.blood_pressure
        category = None
        if evaluation is not None and evaluation.blood_pressure is not None:
            category = category_words(
                evaluation.blood_pressure.classification, evaluation, bp.systolic, lang
            )
        amount = blood_pressure_words(bp.systolic, bp.diastolic, lang)
        parts.append(_sentence("blood_pressure", amount, category, lang))
    for parameter, result, counted in (
        ("spo2", results.spo2, evaluation.spo2 if evaluation else None),
        ("heart_rate", results.heart_rate, evaluation.heart_rate if evaluation else None),
    ):
        if result is None:
            continue
        category = None
        if evaluation is not None and counted is not None:
            category = category_words(counted.classification, evaluation, result.value, lang)
        unit = _UNIT.get(result.unit)
        amount = value_words(result.value, lang)
        if unit is not None:
            amount = f"{amount} {_pick(unit, lang)}"
        parts.append(_sentence(parameter, amount, category, lang))
    if evaluation is not None:
        parts.append(_pick(advice_for(evaluation.referral)[1], lang))
    if results.any_simulated:
        parts.append(
            "Nilai ini dari alat simulasi, bukan pengukuran sebenarnya."
            if lang == "id"
            else "These values are from a simulated device, not a real measurement."
        )
    parts.append(
        "Ini hasil pemeriksaan awal, bukan diagnosis."
        if lang == "id"
        else "These are screening results, not a diagnosis."
    )
    return Utterance(" ".join(parts), lang)
