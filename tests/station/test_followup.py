"""The follow-up rules (station/followup.py): due dates, coming back, state on a day, CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from station.checks.engine import advice_for
from station.checks.rulesets import (
    ACC_AHA_2017,
    ESH_2023,
    FOLLOW_UP_DAYS,
    FOLLOW_UP_WITHIN,
    RULE_SETS,
    Referral,
    rule_set_or_default,
)
from station.followup import (
    CSV_COLUMNS,
    FollowUp,
    VisitStart,
    due_date,
    follow_up_state,
    followups_csv,
    has_returned,
    is_due,
)

DAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("referral", "visit_day", "expected"),
    [
        ("urgent", DAY, DAY),
        ("same_day", DAY, DAY),
        ("follow_up", DAY, date(2026, 12, 22)),
        ("follow_up", date(2026, 12, 15), date(2027, 1, 14)),  # across the year
        ("follow_up", date(2028, 2, 1), date(2028, 3, 2)),  # a leap February
        (Referral.FOLLOW_UP, date(2027, 2, 1), date(2027, 3, 3)),
        ("none", DAY, None),
    ],
)
def test_due_date_per_referral_level(referral, visit_day, expected):
    assert due_date(referral, visit_day, ESH_2023) == expected


@pytest.mark.parametrize("rules", [ESH_2023, ACC_AHA_2017])
def test_follow_up_is_due_after_the_rule_sets_window(rules):
    assert due_date("follow_up", DAY, rules) == DAY + timedelta(days=rules.follow_up_days)


def test_an_unknown_referral_level_is_refused():
    with pytest.raises(ValueError, match="soon"):
        due_date("soon", DAY, ESH_2023)


def test_the_window_and_the_advice_are_one_piece_of_data():
    """The advice says "within the month": 30 days, for every rule set (the advice is one
    text for all of them)."""
    assert FOLLOW_UP_DAYS == 30
    assert {rules.follow_up_days for rules in RULE_SETS.values()} == {FOLLOW_UP_DAYS}
    (worker_id, worker_en), _patient = advice_for(Referral.FOLLOW_UP)
    assert f"({FOLLOW_UP_WITHIN[0]})" in worker_id
    assert f"({FOLLOW_UP_WITHIN[1]})" in worker_en
    assert FOLLOW_UP_WITHIN == ("dalam bulan ini", "within the month")


def test_a_visit_of_an_old_rule_set_gets_the_default_window():
    assert rule_set_or_default("station-plausibility") is ESH_2023
    assert rule_set_or_default("acc-aha-2017") is ACC_AHA_2017


T = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)  # 10:00 in Jakarta
REFERRED = VisitStart("v-referred", T)


@pytest.mark.parametrize(
    ("others", "returned"),
    [
        ((), False),
        ((REFERRED,), False),  # the referred visit itself
        ((VisitStart("v-later-same-day", T + timedelta(hours=2)),), True),
        ((VisitStart("v-next-month", T + timedelta(days=29)),), True),
        ((VisitStart("v-earlier-same-day", T - timedelta(hours=1)),), False),
        ((VisitStart("v-last-year", T - timedelta(days=365)),), False),
        ((VisitStart("v-same-instant", T),), False),
        (
            (
                REFERRED,
                VisitStart("v-last-year", T - timedelta(days=365)),
                VisitStart("v-later", T + timedelta(minutes=1)),
            ),
            True,
        ),
    ],
)
def test_returned_means_another_visit_started_after_the_referred_one(others, returned):
    assert has_returned(REFERRED, others) is returned


@pytest.mark.parametrize(
    ("due", "returned", "today", "state", "call"),
    [
        (DAY, False, DAY, "due", True),
        (DAY, False, DAY - timedelta(days=1), "upcoming", False),
        (DAY, False, DAY + timedelta(days=1), "overdue", True),
        (DAY, True, DAY, "returned", False),
        (DAY, True, DAY + timedelta(days=40), "returned", False),
        (DAY, True, DAY - timedelta(days=3), "returned", False),
    ],
)
def test_state_on_a_day(due, returned, today, state, call):
    assert follow_up_state(due, returned, today) == state
    assert is_due(due, returned, today) is call


def _follow_up(name="Siti Rahayu", returned=False, referral=Referral.FOLLOW_UP):
    return FollowUp(
        visit_id="v1",
        queue_number=7,
        day=DAY,
        nik="3174015507850002",
        name=name,
        referral=referral,
        due=date(2026, 12, 22),
        returned=returned,
    )


def test_json_row_has_the_contract_keys_and_masks_the_nik():
    assert _follow_up().to_json() == {
        "visit_id": "v1",
        "queue_number": 7,
        "date": "2026-11-22",
        "nik_masked": "3174************",
        "name": "Siti Rahayu",
        "referral": "follow_up",
        "due": "2026-12-22",
        "returned": False,
    }


def test_csv_has_a_header_and_one_row_per_person():
    text = followups_csv([_follow_up(), _follow_up("Budi, Santoso", returned=True)])
    assert text.startswith("\ufeff")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1] == [
        "v1",
        "7",
        "2026-11-22",
        "3174************",
        "Siti Rahayu",
        "follow_up",
        "2026-12-22",
        "no",
    ]
    assert rows[2][4] == "Budi, Santoso"  # quoted, not split
    assert rows[2][7] == "yes"
    assert "3174015507850002" not in text


@pytest.mark.parametrize("name", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])
def test_csv_keeps_a_name_that_looks_like_a_formula_as_text(name):
    rows = list(csv.reader(io.StringIO(followups_csv([_follow_up(name)]).removeprefix("\ufeff"))))
    assert rows[1][4] == f"'{name}"


def test_csv_of_nobody_is_the_header_alone():
    assert followups_csv([]) == "\ufeff" + ",".join(CSV_COLUMNS) + "\r\n"
