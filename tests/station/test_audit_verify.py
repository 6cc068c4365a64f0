"""The tamper-evident audit trail (issue 12): every store write leaves an entry; ``audit
verify`` finds an edited reading or visit, an edited, inserted or deleted entry and a record
inserted or deleted behind the station's back, on a real SQLite file and a real PostgreSQL
server (the database edited directly, as someone with the file would); desks appending at
once keep one chain."""

from __future__ import annotations

import getpass
import json
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select, text, update

from devices.measurements import BloodPressure, PressureUnit, SpO2
from station.audit import Actor, AuditAction, entry_hash
from station.checks import check_measurement
from station.checks.rulesets import RULE_SETS
from station.corrections import Correction, Discard
from station.person import Person
from station.store import audit
from station.store.audit_baseline import baseline_unaudited
from station.store.audit_verify import verify_audit
from station.store.corrections import CorrectionStore
from station.store.database import open_database
from station.store.models import (
    AuditEntryRow,
    AuditHeadRow,
    FindingRow,
    OutboxRow,
    ReadingRow,
    VisitRow,
)
from station.store.repository import ReadingSource, Store
from tests.console import clean_environ, run_console

T0 = datetime.now(UTC).replace(microsecond=123456) - timedelta(minutes=30)
CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
RAW = bytes.fromhex("1e780050005d00e807030f0e1e2d4800010000")
NURSE = Actor(None, "os:nurse")


def _visit(store: Store, *, started: datetime = T0, confirm: bool = True):
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(started.date()),
        person=Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15)),
        started_at=started,
        rule_set="esh-2023",
        rule_set_version=RULE_SETS["esh-2023"].version,
        actor=NURSE,
    )
    readings = []
    for minute, (sys_, dia) in enumerate(((121.0, 79.0), (119.0, 81.0))):
        bp = BloodPressure(sys_, dia, None, PressureUnit.MMHG, RAW, pulse_rate=72.0)
        readings.append(
            store.add_reading(
                visit_id=visit.id,
                measurement=bp,
                source=CUFF,
                findings=check_measurement(bp),
                received_at=started + timedelta(minutes=minute),
                actor=NURSE,
            )
        )
    spo2 = SpO2(97.0, 70.0, b"\x00")
    store.add_reading(
        visit_id=visit.id,
        measurement=spo2,
        source=CUFF,
        findings=check_measurement(spo2),
        received_at=started + timedelta(minutes=3),
        actor=NURSE,
    )
    store.discard_reading(
        readings[1].id, "cuff slipped", started + timedelta(minutes=4), actor=NURSE
    )
    if confirm:
        store.confirm_visit(visit.id, started + timedelta(minutes=5), actor=NURSE)
    return store.visit(visit.id)


@pytest.fixture
def store(any_db_url):
    database = open_database(any_db_url)
    yield Store(database)
    database.close()


def _actions(store: Store) -> list[str]:
    with store.database.sessions() as session:
        return list(session.scalars(select(AuditEntryRow.action).order_by(AuditEntryRow.sequence)))


def test_every_write_is_audited_with_who_and_the_chain_verifies(store):
    visit = _visit(store)
    assert _actions(store) == [
        "started_visit",
        "recorded_reading",
        "recorded_reading",
        "recorded_reading",
        "discarded_reading",
        "confirmed",
    ]
    with store.database.sessions() as session:
        actors = set(session.scalars(select(AuditEntryRow.actor)))
        details = [json.loads(d) for d in session.scalars(select(AuditEntryRow.detail_json))]
    assert actors == {"os:nurse"}
    assert "Siti" not in json.dumps(details)
    assert "3174015507850002" not in json.dumps(details)
    report = verify_audit(store.database)
    assert report.to_json() == {"ok": True, "entries": 6, "first_bad": None, "reason": None}
    # A correction and a cancelled visit verify too.
    CorrectionStore(store.database).apply(
        visit.id,
        Correction("wrong arm", (Discard(visit.readings[0].id),)),
        datetime.now(UTC),
        actor=NURSE,
    )
    other = _visit(store, started=T0 + timedelta(minutes=10), confirm=False)
    store.cancel_visit(other.id, actor=NURSE, at=T0 + timedelta(minutes=16))
    assert _actions(store)[6:8] == ["corrected", "discarded_reading"]
    assert _actions(store)[-1] == "cancelled"
    assert verify_audit(store.database).ok


def test_an_operator_is_named_on_the_reading_and_the_visit(store):
    doctor = Actor(7, "dr. Ani")
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=1,
        person=Person("3174015507850002", "Siti Rahayu", None),
        started_at=T0,
        rule_set="station-plausibility",
        rule_set_version="1",
        actor=doctor,
    )
    bp = BloodPressure(120.0, 80.0, None, PressureUnit.MMHG, RAW)
    store.add_reading(
        visit_id=visit.id,
        measurement=bp,
        source=CUFF,
        findings=check_measurement(bp),
        received_at=T0,
        actor=doctor,
    )
    store.confirm_visit(visit.id, T0 + timedelta(minutes=5), actor=NURSE)
    with store.database.sessions() as session:
        row = session.get(VisitRow, visit.id)
        reading = session.scalars(select(ReadingRow)).one()
        assert (row.started_by, row.confirmed_by) == (7, None)
        assert reading.operator_id == 7
        entries = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.sequence)).all()
        assert [(e.operator_id, e.actor) for e in entries] == [
            (7, "dr. Ani"),
            (7, "dr. Ani"),
            (None, "os:nurse"),
        ]


def _edit(store: Store, statement) -> None:
    with store.database.sessions.begin() as session:
        session.execute(statement)


def _first_bad(store: Store) -> dict:
    report = verify_audit(store.database)
    assert not report.ok
    payload = report.to_json()
    assert payload["reason"]
    return payload


def test_a_reading_edited_in_the_database_is_found(store):
    visit = _visit(store)
    reading = visit.readings[0]
    decoded = json.loads(
        store.database.sessions()
        .execute(select(ReadingRow.decoded_json).where(ReadingRow.id == reading.id))
        .scalar_one()
    )
    decoded["systolic"] = 101.0
    _edit(
        store,
        update(ReadingRow)
        .where(ReadingRow.id == reading.id)
        .values(decoded_json=json.dumps(decoded, sort_keys=True)),
    )
    bad = _first_bad(store)
    assert bad["first_bad"]["record_kind"] == "reading"
    assert bad["first_bad"]["record_id"] == reading.id
    assert bad["first_bad"]["sequence"] == 2  # the entry that recorded it
    assert "changed directly" in bad["reason"]


def test_a_finding_added_in_the_database_is_found(store):
    """A forged warning on a reading changes what the reading says: found."""
    visit = _visit(store)
    reading = visit.readings[0]
    with store.database.sessions.begin() as session:
        session.add(
            FindingRow(
                reading_id=reading.id,
                parameter="systolic",
                severity="warning",
                code="forged",
                message_id="palsu",
                message_en="forged",
            )
        )
    bad = _first_bad(store)
    assert bad["first_bad"]["record_id"] == reading.id


def test_a_visit_edited_in_the_database_is_found(store):
    visit = _visit(store)
    _edit(store, update(VisitRow).where(VisitRow.id == visit.id).values(name="Someone Else"))
    bad = _first_bad(store)
    assert bad["first_bad"] == {"sequence": 6, "record_kind": "visit", "record_id": visit.id}


def test_upload_bookkeeping_is_not_tampering(store):
    visit = _visit(store)
    _edit(
        store,
        update(VisitRow)
        .where(VisitRow.id == visit.id)
        .values(upload_claimed_by="sync-1", encounter_server_id="enc-1"),
    )
    _edit(store, update(OutboxRow).values(status="sent", sent_at=T0, attempts=1))
    assert verify_audit(store.database).ok


def test_an_audit_entry_edited_in_the_database_is_found(store):
    _visit(store)
    _edit(
        store,
        update(AuditEntryRow).where(AuditEntryRow.sequence == 3).values(actor="os:someone"),
    )
    bad = _first_bad(store)
    assert bad["first_bad"]["sequence"] == 3
    assert "entry 3 was changed" in bad["reason"]


def test_an_audit_entry_rehashed_after_editing_breaks_the_next_link(store):
    """Whoever recomputes the edited entry's own hash still breaks the entry after it."""
    _visit(store)
    with store.database.sessions.begin() as session:
        row = session.get(AuditEntryRow, 3)
        row.actor = "os:someone"
        row.entry_hash = entry_hash(row.previous_hash, audit.entry_fields(row))
    bad = _first_bad(store)
    assert bad["first_bad"]["sequence"] == 4
    assert "does not follow" in bad["reason"]


def test_an_audit_entry_deleted_in_the_database_is_found(store):
    _visit(store)
    _edit(store, delete(AuditEntryRow).where(AuditEntryRow.sequence == 2))
    bad = _first_bad(store)
    assert bad["first_bad"]["sequence"] == 3
    assert "entries 2 to 2 are missing" in bad["reason"]


def test_the_last_audit_entries_deleted_are_found(store):
    _visit(store)
    _edit(store, delete(AuditEntryRow).where(AuditEntryRow.sequence >= 5))
    bad = _first_bad(store)
    assert "the head names entry 6 but the chain ends at entry 4" in bad["reason"]


def test_a_visit_inserted_in_the_database_is_found(store):
    _visit(store)
    with store.database.sessions.begin() as session:
        session.add(
            VisitRow(
                id="11111111-2222-3333-4444-555555555555",
                station_id="desk-1",
                queue_number=99,
                nik="3174015507850002",
                name="Nobody",
                status="confirmed",
                started_at=T0,
                rule_set="station-plausibility",
                rule_set_version="1",
            )
        )
    bad = _first_bad(store)
    assert bad["first_bad"] == {
        "sequence": None,
        "record_kind": "visit",
        "record_id": "11111111-2222-3333-4444-555555555555",
    }
    assert "inserted directly" in bad["reason"]


def test_a_reading_deleted_in_the_database_is_found(store):
    visit = _visit(store)
    gone = visit.readings[2].id
    _edit(store, delete(OutboxRow).where(OutboxRow.reading_id == gone))
    _edit(store, delete(FindingRow).where(FindingRow.reading_id == gone))
    _edit(store, delete(ReadingRow).where(ReadingRow.id == gone))
    bad = _first_bad(store)
    assert bad["first_bad"] == {"sequence": 4, "record_kind": "reading", "record_id": gone}
    assert "deleted directly" in bad["reason"]


def test_data_from_before_the_audit_log_gets_one_baseline(store):
    """A database migrated from before 0006: records, an empty chain."""
    visit = _visit(store)
    _edit(store, delete(AuditEntryRow))
    _edit(store, update(AuditHeadRow).values(sequence=0, entry_hash="0" * 64))
    assert not verify_audit(store.database).ok  # records without entries
    written = baseline_unaudited(store.database, actor=NURSE, now=datetime.now(UTC))
    assert written == 4  # the visit and its three readings
    assert baseline_unaudited(store.database, actor=NURSE, now=datetime.now(UTC)) == 0
    assert set(_actions(store)) == {"baseline"}
    assert verify_audit(store.database).ok
    _edit(store, update(VisitRow).where(VisitRow.id == visit.id).values(queue_number=42))
    assert not verify_audit(store.database).ok


def test_desks_appending_at_once_keep_one_chain(store):
    """Two desks (threads, each with its own connections) append 40 entries each."""
    errors: list[BaseException] = []

    def desk(name: str) -> None:
        try:
            for _ in range(40):
                with store.database.sessions.begin() as session:
                    audit.append(
                        session,
                        station_id=name,
                        actor=Actor(None, f"os:{name}"),
                        action=AuditAction.SIGN_IN_FAILED,
                        at=datetime.now(UTC),
                    )
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(f"desk-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify_audit(store.database)
    assert report.to_json()["ok"], report.to_json()
    assert report.entries == 80
    with store.database.sessions() as session:
        desks = session.execute(
            text("SELECT station_id, COUNT(*) FROM audit_log GROUP BY station_id")
        ).all()
    assert sorted(desks) == [("desk-1", 40), ("desk-2", 40)]


def test_the_command_prints_the_report_and_exits_1_when_broken(tmp_path, any_db_url):
    database = open_database(any_db_url)
    try:
        visit = _visit(Store(database))
    finally:
        database.close()
    env = clean_environ(any_db_url)
    intact = run_console(["audit", "verify"], env, tmp_path)
    assert intact.returncode == 0, intact.stderr
    assert json.loads(intact.stdout) == {
        "ok": True,
        "entries": 6,
        "first_bad": None,
        "reason": None,
    }
    shown = run_console(["audit", "show", "--since", T0.date().isoformat()], env, tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert next(e["action"] for e in json.loads(shown.stdout)) == "started_visit"
    assert "Siti" not in shown.stdout
    database = open_database(any_db_url)
    try:
        with database.sessions.begin() as session:
            session.execute(update(VisitRow).where(VisitRow.id == visit.id).values(nik="1" * 16))
    finally:
        database.close()
    broken = run_console(["audit", "verify"], env, tmp_path)
    assert broken.returncode == 1, broken.stderr
    payload = json.loads(broken.stdout)
    assert payload["ok"] is False
    assert payload["first_bad"]["record_id"] == visit.id
    refused = run_console(["audit", "show", "--since", "last tuesday"], env, tmp_path)
    assert refused.returncode == 2
    assert "not a date or time" in refused.stderr


def test_command_line_actions_on_personal_data_are_audited_under_the_os_account(tmp_path, db_url):
    database = open_database(db_url)
    try:
        visit = _visit(Store(database))
    finally:
        database.close()
    env = clean_environ(db_url)
    for args in (
        ["export", "--fhir", str(tmp_path / "bundle.json")],
        ["outbox", "retry", visit.id],
        ["visits", "--date", T0.astimezone().date().isoformat()],
        ["followups", "--csv", str(tmp_path / "followups.csv")],
        ["summary"],  # counts only: no personal data, not audited
    ):
        result = run_console(args, env, tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    entries = json.loads(run_console(["audit", "show"], env, tmp_path).stdout)[6:]
    assert [e["action"] for e in entries] == [
        "exported",
        "retried_upload",
        "viewed_history",
        "viewed_followups",
    ]
    assert {e["actor"] for e in entries} == {f"os:{getpass.getuser()}"}
    assert entries[0]["detail"]["visit_ids"] == [visit.id]
    assert entries[1]["detail"]["visit_ids"] == [visit.id]
    assert entries[3]["detail"]["csv"] is True
    assert json.loads(run_console(["audit", "verify"], env, tmp_path).stdout)["ok"] is True
