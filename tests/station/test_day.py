"""The day's summary (station/day.py), from given visits: what each number counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from station.checks.rulesets import Referral
from station.day import DayVisit, day_bounds, local_day, summarise_day, upload_state
from station.store.models import VisitStatus

WIB = timezone(timedelta(hours=7))
DAY = date(2026, 11, 22)
NINE = datetime(2026, 11, 22, 9, 0, tzinfo=WIB)


def visit(n=1, status="confirmed", referral="none", upload="waiting", **kw):
    values = {
        "visit_id": f"v{n}",
        "queue_number": n,
        "station_id": "desk-1",
        "started_at": NINE + timedelta(minutes=10 * n),
        "status": VisitStatus(status),
        "nik": f"31740155078500{n:02d}",
        "name": f"Person {n}",
        "birth_date": date(1985, 7, 15),
        "referral": Referral(referral) if referral else None,
        "upload": upload,
        "manual_readings": 0,
    }
    values.update(kw)
    return DayVisit(**values)


@pytest.mark.parametrize(
    ("states", "expected"),
    [
        ((), "none"),
        (("sent",), "sent"),
        (("sent", "sent"), "sent"),
        (("sent", "pending"), "waiting"),
        (("pending",), "waiting"),
        (("sending",), "waiting"),
        (("failed", "sent"), "waiting"),
        (("dead", "sent"), "dead"),
        (("failed", "dead"), "dead"),
    ],
)
def test_upload_state_of_a_visit(states, expected):
    assert upload_state(states) == expected


def test_counts_of_a_mixed_day():
    visits = [
        visit(1, referral="none", upload="sent", manual_readings=2),
        visit(2, referral="follow_up", upload="waiting"),
        visit(3, referral="urgent", upload="dead", manual_readings=1),
        visit(4, referral="follow_up", upload="sent"),
        visit(5, status="cancelled", referral=None, upload="none", manual_readings=3),
        visit(6, status="open", referral=None, upload="waiting", manual_readings=1),
        visit(7, referral=None, upload="none"),  # confirmed before referral levels were stored
    ]
    summary = summarise_day(DAY, visits, skipped=2, tz=WIB)
    assert summary.to_json() == {
        "date": "2026-11-22",
        "visits": 7,
        "confirmed": 5,
        "cancelled": 1,
        "skipped": 2,
        "manual_readings": 3,  # only the confirmed visits' (2 + 1)
        "referrals": {"none": 2, "follow_up": 2, "same_day": 0, "urgent": 1},
        "uploads": {"sent": 2, "waiting": 1, "dead": 1},  # visit 7 has nothing to send
    }
    assert summary.open == 1


def test_an_empty_day():
    summary = summarise_day(DAY, [], skipped=0, tz=WIB)
    assert summary.to_json() == {
        "date": "2026-11-22",
        "visits": 0,
        "confirmed": 0,
        "cancelled": 0,
        "skipped": 0,
        "manual_readings": 0,
        "referrals": {"none": 0, "follow_up": 0, "same_day": 0, "urgent": 0},
        "uploads": {"sent": 0, "waiting": 0, "dead": 0},
    }
    assert summary.per_hour == ()
    assert set(summary.by_stream.values()) == {0}


@pytest.mark.parametrize(
    ("birth_date", "nik", "stream"),
    [
        (date(2022, 8, 4), "3174014408220004", "0-6"),
        (date(2012, 11, 10), "3174011011120005", "7-17"),
        (date(1985, 7, 15), "3174015507850002", "18-59"),
        (date(1966, 11, 23), "3174012311660001", "18-59"),  # 60 tomorrow
        (date(1966, 11, 22), "3174012211660001", "60+"),  # 60 today
        (None, "3174010203450003", "60+"),  # no birth date typed: the NIK's
        (None, "3174019999990003", "unknown"),  # neither
    ],
)
def test_people_checked_per_ckg_age_stream(birth_date, nik, stream):
    summary = summarise_day(DAY, [visit(1, nik=nik, birth_date=birth_date)], 0, tz=WIB)
    assert summary.by_stream == {
        s: int(s == stream) for s in ("0-6", "7-17", "18-59", "60+", "unknown")
    }


def test_streams_count_people_once_and_only_confirmed_visits():
    same = visit(1)
    visits = [same, replace(same, visit_id="v1-again"), visit(2, status="cancelled")]
    assert summarise_day(DAY, visits, 0, tz=WIB).by_stream["18-59"] == 1


def test_visits_per_local_hour_with_the_quiet_hours_in_between():
    at = [NINE, NINE + timedelta(minutes=59), NINE + timedelta(hours=3, minutes=5)]
    visits = [visit(n, started_at=t) for n, t in enumerate(at, 1)]
    visits.append(visit(9, status="cancelled", started_at=NINE + timedelta(minutes=30)))
    summary = summarise_day(DAY, visits, 0, tz=WIB)
    assert summary.per_hour == ((9, 3), (10, 0), (11, 0), (12, 1))


def test_hours_are_the_station_zones_not_utc():
    utc_visit = visit(1, started_at=datetime(2026, 11, 22, 1, 30, tzinfo=UTC))  # 08:30 WIB
    assert summarise_day(DAY, [utc_visit], 0, tz=WIB).per_hour == ((8, 1),)


def test_day_bounds_are_local_midnights():
    start, end = day_bounds(DAY, WIB)
    assert start == datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
    assert end - start == timedelta(days=1)
    assert local_day(datetime(2026, 11, 21, 17, 0, tzinfo=UTC), WIB) == DAY
    assert local_day(datetime(2026, 11, 21, 16, 59, tzinfo=UTC), WIB) == date(2026, 11, 21)


def test_day_bounds_in_this_computers_zone():
    start, end = day_bounds(DAY)
    assert start.tzinfo is not None
    assert start.astimezone().replace(tzinfo=None) == datetime(2026, 11, 22)
    assert end.astimezone().replace(tzinfo=None) == datetime(2026, 11, 23)


def test_visit_row_json_has_the_contract_keys():
    row = visit(3, referral="same_day", upload="dead").to_json(WIB)
    assert row == {
        "visit_id": "v3",
        "queue_number": 3,
        "started_at": "2026-11-22T09:30:00+07:00",
        "status": "confirmed",
        "nik_masked": "3174************",
        "name": "Person 3",
        "referral": "same_day",
        "upload": "dead",
    }
    assert visit(4, status="open", referral=None).to_json(WIB)["referral"] is None
