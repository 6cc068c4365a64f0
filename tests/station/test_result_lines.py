"""station.result_lines: each value's level and the rule set's category name, graded by the
real classifiers for adults and children, and the trend since the previous visit."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from station.checks.classify import (
    classify_blood_pressure,
    classify_heart_rate,
    classify_spo2,
)
from station.checks.rulesets import RULE_SETS
from station.person import Person
from station.result_lines import Level, ResultLine, Trend, result_lines, trend
from station.results import BloodPressureResult, ValueResult, VisitResults
from station.store.database import open_database
from station.store.repository import Store
from tests.station.actors import TEST_ACTOR

ADULT = Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15))
INFANT = Person("3174015507250002", "Bayu", date(2026, 6, 1))  # six months old on the day
DAY = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def visit_of(db_url):
    database = open_database(db_url)
    store = Store(database)

    def make(person, rule_set="esh-2023"):
        return store.create_visit(
            station_id="desk-1",
            queue_number=store.next_queue_number(DAY.date()),
            person=person,
            started_at=DAY,
            rule_set=rule_set,
            rule_set_version="1",
            actor=TEST_ACTOR,
        )

    yield make
    database.close()


def graded(systolic=None, diastolic=None, *, spo2=None, rate=None, age=41.0, rules="esh-2023"):
    bp = None
    if systolic is not None:
        c = classify_blood_pressure(systolic, diastolic, age, RULE_SETS[rules])
        bp = BloodPressureResult(systolic, diastolic, 2, False, c.category, str(c.severity))
    oxygen = None
    if spo2 is not None:
        c = classify_spo2(spo2, age)
        oxygen = ValueResult(spo2, "%", False, c.category, str(c.severity))
    heart = None
    if rate is not None:
        c = classify_heart_rate(rate, age)
        heart = ValueResult(rate, "/min", False, c.category, str(c.severity))
    return VisitResults(bp, oxygen, heart)


@pytest.mark.parametrize(
    ("rules", "pressure", "level", "label"),
    [
        ("esh-2023", (118, 76), Level.NORMAL, ("Optimal", "Optimal")),
        ("esh-2023", (134, 86), Level.NORMAL, ("Normal tinggi", "High-normal")),
        ("esh-2023", (144, 92), Level.HIGH, ("Hipertensi derajat 1", "Grade 1 hypertension")),
        ("esh-2023", (165, 95), Level.HIGH, ("Hipertensi derajat 2", "Grade 2 hypertension")),
        ("esh-2023", (185, 112), Level.VERY_HIGH, ("Hipertensi derajat 3", "Grade 3 hypertension")),
        ("esh-2023", (80, 50), Level.VERY_LOW, None),
        ("acc-aha-2017", (124, 78), Level.HIGH, ("Meningkat", "Elevated")),
        ("acc-aha-2017", (134, 82), Level.HIGH, ("Hipertensi tahap 1", "Stage 1 hypertension")),
        ("acc-aha-2017", (190, 125), Level.VERY_HIGH, ("Krisis hipertensi", "Hypertensive crisis")),
    ],
)
def test_an_adult_blood_pressure_has_its_level_and_the_rule_sets_name(
    visit_of, rules, pressure, level, label
):
    visit = visit_of(ADULT, rules)
    (line,) = result_lines(visit, graded(*pressure, rules=rules))
    assert line.parameter == "blood_pressure"
    assert line.numbers == pressure
    assert line.level is level
    assert line.label == label


@pytest.mark.parametrize(
    ("spo2", "level"),
    [
        (99, Level.NORMAL),
        (95, Level.NORMAL),
        (94, Level.LOW),
        (91, Level.LOW),
        (85, Level.VERY_LOW),
    ],
)
def test_spo2_levels(visit_of, spo2, level):
    (line,) = result_lines(visit_of(ADULT), graded(spo2=spo2))
    assert (line.parameter, line.level, line.label) == ("spo2", level, None)


@pytest.mark.parametrize(
    ("rate", "level"),
    [
        (72, Level.NORMAL),
        (48, Level.LOW),
        (100, Level.HIGH),
        (38, Level.VERY_LOW),
        (140, Level.VERY_HIGH),
    ],
)
def test_adult_heart_rate_levels(visit_of, rate, level):
    (line,) = result_lines(visit_of(ADULT), graded(rate=rate))
    assert line.level is level


def test_an_infants_extreme_heart_rate_is_slow_or_fast_by_the_childrens_limits(visit_of):
    visit = visit_of(INFANT)
    age = 0.5
    slow, fast = graded(rate=55, age=age), graded(rate=230, age=age)
    assert slow.heart_rate.category == fast.heart_rate.category == "extreme"
    assert result_lines(visit, slow)[0].level is Level.VERY_LOW
    assert result_lines(visit, fast)[0].level is Level.VERY_HIGH


def test_the_lines_come_blood_pressure_first_and_keep_manual_and_simulated(visit_of):
    results = graded(128, 82, spo2=97, rate=70)
    results = VisitResults(
        results.blood_pressure,
        ValueResult(97, "%", True, "normal", "normal", manual=True),
        results.heart_rate,
    )
    lines = result_lines(visit_of(ADULT), results)
    assert [line.parameter for line in lines] == ["blood_pressure", "spo2", "heart_rate"]
    assert (lines[1].manual, lines[1].simulated) == (True, True)


@pytest.mark.parametrize(
    ("then", "now", "expected"),
    [
        ((150, 95), (128, 82), Trend.DOWN),
        ((128, 82), (141, 80), Trend.UP),
        ((128.4, 82), (128.2, 90), Trend.SAME),  # by the systolic, as shown (rounded)
    ],
)
def test_the_trend_follows_the_first_number_as_shown(then, now, expected):
    def line(numbers):
        return ResultLine("blood_pressure", numbers, Level.NORMAL, "normal")

    assert trend(line(now), line(then)) is expected
