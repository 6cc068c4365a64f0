"""Visits left open by a crash (issue 11).

A process that dies with a visit open leaves it ``open`` in the store. Decided and tested
here: its entries stay ``pending`` and are never uploaded before the visit is confirmed
(``UploadStore.claim`` takes confirmed visits only); ``status`` counts open visits separately
(``open_visits``); on the next start the desk offers to resume it, with its readings, or to
cancel it (cancelling deletes its entries; the readings stay for audit). The desk is clicked
through with QTest clicks, as a person would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from station.store.database import open_database
from station.store.models import OutboxRow, VisitStatus
from station.store.outbox import UploadStore
from station.store.repository import Store
from tests.console import SCRIPT, clean_environ

CRASHING_DESK = """
import os, sys
from datetime import datetime, timedelta, timezone
from devices.measurements import BloodPressure, PressureUnit
from station.checks.plausibility import check_measurement
from station.checks.rulesets import RULE_SETS
from station.person import Person
from station.store.database import open_database
from station.store.repository import ReadingSource, Store
from station.audit import Actor
TEST_ACTOR = Actor.os_account("tester")
store = Store(open_database(sys.argv[1]))
now = datetime.now(timezone.utc) - timedelta(minutes=10)
visit = store.create_visit(
    station_id="desk-1", queue_number=store.next_queue_number(now.date()),
    person=Person("3174015507850002", "Siti Rahayu", None), started_at=now,
    rule_set="esh-2023", rule_set_version=RULE_SETS["esh-2023"].version, actor=TEST_ACTOR)
raw = bytes.fromhex("1e780050005d00e807030f0e1e2d4800010000")
for minute, (systolic, diastolic) in enumerate(((121.0, 79.0), (119.0, 81.0))):
    m = BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, raw, pulse_rate=72.0)
    store.add_reading(visit_id=visit.id, measurement=m,
                      source=ReadingSource("sim-cuff", "SIMULATOR cuff", True),
                      findings=check_measurement(m),
                      received_at=now + timedelta(minutes=minute), actor=TEST_ACTOR)
print(visit.id, flush=True)
os._exit(9)  # the desk dies with the visit open
"""


@pytest.fixture
def crashed_visit(db_url):
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_DESK, db_url],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 9, result.stderr
    return result.stdout.strip()


def test_status_counts_the_open_visit_and_its_entries_wait_for_confirmation(
    crashed_visit, db_url, tmp_path
):
    env = clean_environ()
    env["VITALS_STATION_DB"] = db_url
    result = subprocess.run(
        [str(SCRIPT), "status"], env=env, capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["open_visits"] == 1
    assert status["visits"] == 0  # confirmed ones
    assert status["outbox"]["pending"] == 2
    # No sync takes an open visit, however long it waits.
    database = open_database(db_url)
    later = datetime.now(UTC) + timedelta(days=1)
    assert UploadStore(database).claim("test", later, limit=5, include_failed=True) == []
    database.close()


@pytest.fixture
def desk_after_crash(qtbot, settings, crashed_visit):
    from tests.ui.conftest import desk_app, sign_in

    app = desk_app(settings, seed=3, pace_s=0.0)
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    sign_in(qtbot, app.operator)
    yield app
    app.close()


def click(qtbot, button):
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def stored(settings, visit_id):
    database = open_database(settings.database.url)
    try:
        store = Store(database)
        with database.sessions() as session:
            entries = session.query(OutboxRow).filter_by(visit_id=visit_id).count()
        return store.visit(visit_id), entries
    finally:
        database.close()


def test_the_desk_offers_the_interrupted_visit_and_resumes_it(
    qtbot, desk_after_crash, settings, crashed_visit
):
    window = desk_after_crash.operator
    qtbot.waitUntil(window.interrupted_box.isVisible)
    text = window.interrupted_label.text()
    assert "antrean 1" in text
    assert "Siti Rahayu" in text
    assert "2 pengukuran" in text
    assert not window.call_next_button.isEnabled()  # decide about it first

    click(qtbot, window.resume_button)
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == 2)
    assert not window.interrupted_box.isVisible()
    assert window.queue_label.text() == "1"
    # Whose readings these are is on screen, in the (locked) identify fields too.
    assert window.nik_edit.text() == "3174015507850002"
    assert window.name_edit.text() == "Siti Rahayu"
    assert not window.nik_edit.isEnabled()
    assert "Tekanan darah" in window.result_label.text()
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(lambda: stored(settings, crashed_visit)[0].status is VisitStatus.CONFIRMED)
    visit, entries = stored(settings, crashed_visit)
    assert len(visit.readings) == 2
    assert entries == 2  # now due for upload
    qtbot.waitUntil(window.call_next_button.isEnabled)  # ready for the next person


def test_the_desk_cancels_the_interrupted_visit_when_asked(
    qtbot, desk_after_crash, settings, crashed_visit
):
    window = desk_after_crash.operator
    qtbot.waitUntil(window.interrupted_box.isVisible)
    click(qtbot, window.cancel_interrupted_button)
    qtbot.waitUntil(lambda: stored(settings, crashed_visit)[0].status is VisitStatus.CANCELLED)
    visit, entries = stored(settings, crashed_visit)
    assert len(visit.readings) == 2  # kept for audit
    assert entries == 0  # nothing of it is uploaded
    assert not window.interrupted_box.isVisible()
    qtbot.waitUntil(window.call_next_button.isEnabled)
