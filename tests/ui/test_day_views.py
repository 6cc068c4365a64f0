"""The day's view and the follow-up view (ui/desk/), shown with what the store gives for a day
recorded through the real Store API on a real SQLite file: what a person reads in the table,
the numbers and the charts, and the CSV export through the button."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from station.store.database import open_database
from station.store.day_queries import DayQueries
from station.store.models import QueueCallOutcome
from station.store.repository import Store
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
from ui.desk.day import DayView
from ui.desk.followups import FollowupsView

DAY = date(2026, 11, 22)


@pytest.fixture
def store(db_url):
    database = open_database(db_url)
    yield Store(database)
    database.close()


@pytest.fixture
def queries(store):
    return DayQueries(store.database, tz=WIB)


@pytest.fixture
def recorded(store):
    db = store.database
    sent = record_visit(store, ADULT, at(DAY, 8, 5))
    settle_upload(db, sent.id, "sent")
    dead = record_visit(
        store,
        ELDER,
        at(DAY, 9, 10),
        referral="follow_up",
        readings=(Reading(bp(150, 95)), Reading(bp(148, 92), manual=True)),
    )
    settle_upload(db, dead.id, "dead")
    record_visit(store, CHILD, at(DAY, 9, 40), referral="urgent", station_id="desk-2")
    record_visit(store, TEEN, at(DAY, 11, 0), status="cancelled")
    record_visit(store, ADULT, at(DAY, 11, 30), status="open")
    record_calls(db, DAY, {6: QueueCallOutcome.SKIPPED})
    # Earlier referrals: one overdue, one whose person came back today (the 08:05 visit).
    record_visit(store, TEEN, at(DAY - timedelta(days=40), 9), referral="follow_up")
    record_visit(store, ADULT, at(DAY - timedelta(days=3), 9), referral="same_day")


def cells(table, row):
    return [table.item(row, column).text() for column in range(table.columnCount())]


def shown_day(qtbot, queries, lang):
    view = DayView(lang, tz=WIB)
    qtbot.addWidget(view)
    report = queries.report(DAY)
    view.show_data(report.visits, report.summary)
    view.resize(1280, 720)
    view.show()
    return view


def test_the_days_table_reads_as_the_desk_recorded_it(qtbot, queries, recorded):
    view = shown_day(qtbot, queries, "id")
    table = view.table
    assert table.rowCount() == 5
    assert [table.horizontalHeaderItem(c).text() for c in range(7)] == [
        "Antrean",
        "Jam",
        "NIK",
        "Nama",
        "Status",
        "Rujukan",
        "SATUSEHAT",
    ]
    assert cells(table, 0) == [
        "1",
        "08:05",
        "3174************",
        "Siti Rahayu",
        "selesai",
        "tidak perlu",
        "terkirim",
    ]
    assert cells(table, 1)[3:] == ["Budi Santoso", "selesai", "kontrol ulang", "perlu tindakan"]
    assert cells(table, 2)[4:] == ["selesai", "SEGERA", "menunggu"]
    assert cells(table, 3)[4:] == ["dibatalkan", "—", "tidak ada data"]
    assert cells(table, 4)[1:2] + cells(table, 4)[4:] == ["11:30", "berjalan", "—", "menunggu"]
    for row in range(table.rowCount()):
        assert ADULT.nik not in cells(table, row)
    assert view.title.text() == "Kunjungan 22-11-2026"
    assert not view.empty_label.isVisible()


def test_the_days_numbers_and_charts(qtbot, queries, recorded):
    view = shown_day(qtbot, queries, "id")
    numbers = {key: tile.value.text() for key, tile in view.tiles.items()}
    assert numbers == {
        "visits": "5",
        "confirmed": "3",
        "open": "1",
        "cancelled": "1",
        "skipped": "1",
        "manual_readings": "1",
        "sent": "1",
        "waiting": "1",
        "dead": "1",
    }
    assert view.tiles["dead"].caption.text() == "Gagal kirim"
    assert "18-59 th: 1" in view.people.text()
    assert "60+ th: 1" in view.people.text()
    assert "0-6 th: 1" in view.people.text()
    assert view.hours_chart.labels == ("08", "09", "10", "11")
    assert view.hours_chart.values == (1, 2, 0, 2)
    assert list(view.hours_chart.bars.opts["height"]) == [1, 2, 0, 2]
    assert view.referrals_chart.labels == (
        "tidak perlu",
        "kontrol ulang",
        "dokter hari ini",
        "SEGERA",
    )
    assert list(view.referrals_chart.bars.opts["height"]) == [1, 1, 0, 1]


def test_the_day_in_english(qtbot, queries, recorded):
    view = shown_day(qtbot, queries, "en")
    assert cells(view.table, 1)[4:] == ["confirmed", "follow-up", "needs a person"]
    assert view.title.text() == "Visits on 22-11-2026"
    assert view.referrals_chart.labels == ("none", "follow-up", "doctor today", "URGENT")


def test_a_day_without_visits(qtbot, queries):
    view = shown_day(qtbot, queries, "id")
    assert view.table.rowCount() == 0
    assert view.empty_label.isVisible()
    assert view.tiles["visits"].value.text() == "0"
    assert view.hours_chart.values == ()


def test_refresh_asks_the_caller_for_the_data(qtbot, queries):
    view = shown_day(qtbot, queries, "id")
    with qtbot.waitSignal(view.refreshRequested, timeout=1000):
        qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)


def shown_followups(qtbot, queries, lang="id"):
    view = FollowupsView(lang)
    qtbot.addWidget(view)
    view.show_data(queries.followups(), DAY)
    view.resize(1280, 720)
    view.show()
    return view


def test_followups_show_who_to_call_first_and_who_came_back(qtbot, queries, recorded):
    view = shown_followups(qtbot, queries)
    table = view.table
    assert [cells(table, row)[3:] for row in range(table.rowCount())] == [
        ["Joko Wijaya", "kontrol ulang", "12-11-2026", "terlambat 10 hari"],
        ["Putri Lestari", "SEGERA", "22-11-2026", "jatuh tempo hari ini"],
        ["Budi Santoso", "kontrol ulang", "22-12-2026", "dalam 30 hari"],
        ["Siti Rahayu", "dokter hari ini", "19-11-2026", "✓ sudah kembali"],
    ]
    assert cells(table, 0)[:3] == ["1", "13-10-2026", "3174************"]
    assert view.count_label.text() == "2 orang perlu dihubungi"


def test_only_those_due(qtbot, queries, recorded):
    view = shown_followups(qtbot, queries, "en")
    qtbot.mouseClick(view.only_due, Qt.MouseButton.LeftButton)
    assert view.only_due.isChecked()
    assert [cells(view.table, row)[6] for row in range(view.table.rowCount())] == [
        "10 day(s) overdue",
        "due today",
    ]
    qtbot.mouseClick(view.only_due, Qt.MouseButton.LeftButton)
    assert view.table.rowCount() == 4


def test_export_csv_writes_the_rows_shown(qtbot, queries, recorded, tmp_path, monkeypatch):
    view = shown_followups(qtbot, queries)
    target = tmp_path / "tindak-lanjut"  # typed without .csv
    asked = []

    def save_as(parent, title, suggested, filters):
        asked.append((title, suggested, filters))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "tindak-lanjut.csv"
    assert asked[0][0] == "Simpan daftar tindak lanjut"
    assert asked[0][1].endswith("followups-2026-11-22.csv")
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert [row["name"] for row in rows] == [
        "Joko Wijaya",
        "Putri Lestari",
        "Budi Santoso",
        "Siti Rahayu",
    ]
    assert [row["returned"] for row in rows] == ["no", "no", "no", "yes"]
    assert ADULT.nik not in written.read_text(encoding="utf-8-sig")
    assert view.status_label.text() == f"4 baris disimpan ke {written}"

    qtbot.mouseClick(view.only_due, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert [row["name"] for row in rows] == ["Joko Wijaya", "Putri Lestari"]


def test_export_cancelled_writes_nothing(qtbot, queries, recorded, tmp_path, monkeypatch):
    view = shown_followups(qtbot, queries)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text() == ""
    assert list(tmp_path.glob("*.csv")) == []


def test_export_to_a_missing_folder_says_so(qtbot, queries, recorded, tmp_path, monkeypatch):
    view = shown_followups(qtbot, queries, "en")
    target = tmp_path / "gone" / "list.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "CSV (*.csv)"))
    )
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert view.status_label.text().startswith(f"Could not save {target}")
    assert not target.exists()


def test_nobody_to_follow_up(qtbot, queries):
    view = shown_followups(qtbot, queries)
    assert view.table.rowCount() == 0
    assert view.empty_label.isVisible()
    assert not view.export_button.isEnabled()
    assert view.count_label.text() == "0 orang perlu dihubungi"


def test_showing_another_day_replaces_everything(qtbot, queries, recorded):
    view = shown_day(qtbot, queries, "id")
    assert view.hours_chart.value_labels == ("1", "2", "0", "2")
    empty = queries.report(DAY + timedelta(days=1))
    view.show_data(empty.visits, empty.summary)
    assert view.table.rowCount() == 0
    assert view.title.text() == "Kunjungan 23-11-2026"
    assert view.tiles["visits"].value.text() == "0"
    assert view.hours_chart.values == ()
    assert view.hours_chart.value_labels == ()
    assert list(view.referrals_chart.bars.opts["height"]) == [0, 0, 0, 0]
