"""``vitals-station visits``, ``summary`` and ``followups`` through the real console script, on
a real SQLite file filled through the real Store API (keys: docs/design.md section 4).

The station runs in Jakarta time (``TZ=WIB-7``, a POSIX zone that needs no tz database), so
"today" and each visit's day are WIB dates whatever zone the test machine is in."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import datetime, timedelta

import pytest

from station.files import temp_siblings
from station.store.database import open_database
from station.store.models import QueueCallOutcome
from station.store.repository import Store
from tests.console import clean_environ, console_runner
from tests.station.desk_day import (
    ADULT,
    CHILD,
    ELDER,
    TEEN,
    WIB,
    Reading,
    at,
    bp,
    record_calls,
    record_visit,
    settle_upload,
)
from tests.station.test_cli import assert_one_line_error

VISIT_KEYS = [
    "visit_id",
    "queue_number",
    "started_at",
    "status",
    "nik_masked",
    "name",
    "referral",
    "upload",
]
SUMMARY_KEYS = [
    "date",
    "visits",
    "confirmed",
    "cancelled",
    "skipped",
    "manual_readings",
    "referrals",
    "uploads",
]
FOLLOWUP_KEYS = [
    "visit_id",
    "queue_number",
    "date",
    "nik_masked",
    "name",
    "referral",
    "due",
    "returned",
]


@pytest.fixture
def today():
    return datetime.now(WIB).date()


@pytest.fixture
def run(tmp_path, db_url):
    return console_runner(clean_environ(db_url, TZ="WIB-7"), tmp_path)


@pytest.fixture
def recorded(db_url, today):
    """Today: three people confirmed (one sent, one urgent, one typed by hand), one cancelled,
    two numbers skipped; earlier: a follow-up that is overdue and one whose person came back."""
    database = open_database(db_url)
    store = Store(database)
    try:
        sent = record_visit(store, ADULT, at(today, 8, 5))
        settle_upload(database, sent.id, "sent")
        urgent = record_visit(store, ELDER, at(today, 9, 15), referral="urgent")
        typed = record_visit(
            store,
            CHILD,
            at(today, 9, 45),
            referral="follow_up",
            readings=(Reading(bp(118, 76), manual=True),),
        )
        cancelled = record_visit(store, TEEN, at(today, 10, 30), status="cancelled")
        record_calls(database, today, {5: QueueCallOutcome.SKIPPED, 6: QueueCallOutcome.SKIPPED})
        overdue = record_visit(store, TEEN, at(today - timedelta(days=40), 9), referral="follow_up")
        came_back = record_visit(store, ADULT, at(today - timedelta(days=10), 9), referral="urgent")
    finally:
        database.close()
    return {
        "sent": sent,
        "urgent": urgent,
        "typed": typed,
        "cancelled": cancelled,
        "overdue": overdue,
        "came_back": came_back,
    }


def test_visits_lists_today_by_default(run, recorded, today):
    listing = json.loads(run("visits").stdout)
    assert [list(row) for row in listing] == [VISIT_KEYS] * 4
    assert [row["visit_id"] for row in listing] == [
        recorded[k].id for k in ("sent", "urgent", "typed", "cancelled")
    ]
    first = listing[0]
    assert first["started_at"] == f"{today.isoformat()}T08:05:00+07:00"
    assert first["nik_masked"] == "3174************"
    assert first["name"] == ADULT.name
    assert ADULT.nik not in json.dumps(listing)
    assert [(r["status"], r["referral"], r["upload"]) for r in listing] == [
        ("confirmed", "none", "sent"),
        ("confirmed", "urgent", "waiting"),
        ("confirmed", "follow_up", "waiting"),
        ("cancelled", None, "none"),
    ]


def test_visits_of_another_day(run, recorded, today):
    earlier = (today - timedelta(days=40)).isoformat()
    listing = json.loads(run("visits", "--date", earlier).stdout)
    assert [row["visit_id"] for row in listing] == [recorded["overdue"].id]
    assert json.loads(run("visits", "--date", "2001-01-01").stdout) == []


def test_summary_of_today(run, recorded, today):
    summary = json.loads(run("summary").stdout)
    assert list(summary) == SUMMARY_KEYS
    assert summary == {
        "date": today.isoformat(),
        "visits": 4,
        "confirmed": 3,
        "cancelled": 1,
        "skipped": 2,
        "manual_readings": 1,
        "referrals": {"none": 1, "follow_up": 1, "same_day": 0, "urgent": 1},
        "uploads": {"sent": 1, "waiting": 2, "dead": 0},
    }


def test_summary_of_a_day_without_visits(run, recorded):
    summary = json.loads(run("summary", "--date", "2001-01-01").stdout)
    assert summary["date"] == "2001-01-01"
    assert (summary["visits"], summary["skipped"]) == (0, 0)


def test_followups_lists_every_referred_visit(run, recorded, today):
    listing = json.loads(run("followups").stdout)
    assert [list(row) for row in listing] == [FOLLOWUP_KEYS] * 4
    rows = {row["visit_id"]: row for row in listing}
    assert set(rows) == {recorded[k].id for k in ("overdue", "came_back", "urgent", "typed")}
    overdue = rows[recorded["overdue"].id]
    assert overdue["date"] == (today - timedelta(days=40)).isoformat()
    assert overdue["due"] == (today - timedelta(days=10)).isoformat()
    assert overdue["returned"] is False
    assert overdue["nik_masked"] == "3174************"
    assert rows[recorded["came_back"].id]["returned"] is True  # the ADULT came today
    assert rows[recorded["typed"].id]["due"] == (today + timedelta(days=30)).isoformat()


def test_followups_due_are_the_people_to_call_today(run, recorded):
    listing = json.loads(run("followups", "--due").stdout)
    assert [row["visit_id"] for row in listing] == [recorded["overdue"].id, recorded["urgent"].id]


def test_followups_csv_is_written_owner_only_with_the_same_rows(run, recorded, tmp_path):
    out = tmp_path / "followups.csv"
    out.write_text("an older list", encoding="utf-8")
    listing = json.loads(run("followups", "--due", "--csv", str(out)).stdout)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert temp_siblings(out) == []
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [row["visit_id"] for row in rows] == [row["visit_id"] for row in listing]
    assert list(rows[0]) == FOLLOWUP_KEYS
    assert rows[0]["returned"] == "no"
    assert rows[0]["name"] == TEEN.name
    assert TEEN.nik not in out.read_text(encoding="utf-8-sig")


def test_followups_csv_into_a_missing_folder_is_bad_input(run, recorded, tmp_path):
    result = run("followups", "--csv", str(tmp_path / "nowhere" / "f.csv"), check=False)
    assert_one_line_error(result, "--csv", "does not exist")


def test_followups_csv_onto_a_folder_is_bad_input(run, recorded, tmp_path):
    assert_one_line_error(run("followups", "--csv", str(tmp_path), check=False), "is a folder")


@pytest.mark.parametrize("command", ["visits", "summary"])
@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-02-30", "not a day of the calendar"),
        ("2026-13-01", "not a day of the calendar"),
        ("22-11-2026", "YYYY-MM-DD"),
        ("20261122", "YYYY-MM-DD"),
        ("today", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
    ],
)
def test_a_bad_date_is_bad_input(run, command, text, says, tmp_path):
    result = run(command, "--date", text, check=False)
    assert_one_line_error(result, "--date", says)
    assert not (tmp_path / "station.sqlite3").exists()  # refused before opening anything
