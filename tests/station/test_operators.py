"""Operators (issue 12, first part): the rules, the store with argon2id hashes and the
lockout, and ``vitals-station operator add|list|disable`` as a real process."""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from station.audit import Actor
from station.operators import (
    LOCK_AFTER_FAILURES,
    LOCK_MINUTES,
    OperatorError,
    Role,
    locked_until,
    validate_operator,
)
from station.store.audit_verify import verify_audit
from station.store.database import open_database
from station.store.models import AuditEntryRow, OperatorRow
from station.store.operators import OperatorStore, OperatorStoreError
from tests.console import clean_environ, console_runner
from tests.station.test_cli import assert_one_line_error

NIK = "3174015507850002"
PIN = "482915"
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
DESK = "desk-1"
BY_IT = {"actor": Actor.os_account("it-person"), "station_id": DESK}


@pytest.mark.parametrize(
    ("name", "role", "nik", "secret", "field"),
    [
        ("", "admin", NIK, PIN, "name"),
        ("x" * 81, "admin", NIK, PIN, "name"),
        ("Ani", "boss", NIK, PIN, "role"),
        ("Ani", "admin", "123", PIN, "practitioner_nik"),
        ("Ani", "admin", NIK, "12345", "pin"),
        ("Ani", "admin", NIK, "000000", "pin"),
        ("Ani", "admin", NIK, "9" * 129, "pin"),
    ],
)
def test_bad_operator_details_say_which_field(name, role, nik, secret, field):
    with pytest.raises(OperatorError) as info:
        validate_operator(name, role, nik, secret)
    assert info.value.field == field


def test_good_details_are_cleaned():
    assert validate_operator("  Ani   Lestari ", "supervisor", NIK, PIN) == (
        "Ani Lestari",
        Role.SUPERVISOR,
        NIK,
    )


@pytest.mark.parametrize(
    ("failures", "locked"),
    [(0, False), (LOCK_AFTER_FAILURES - 1, False), (LOCK_AFTER_FAILURES, True)],
)
def test_lockout_after_repeated_failures(failures, locked):
    until = locked_until(failures, NOW)
    assert (until is not None) is locked
    if locked:
        assert until == NOW + timedelta(minutes=LOCK_MINUTES)


@pytest.fixture
def operators(db_url):
    database = open_database(db_url)
    yield OperatorStore(database), database
    database.close()


def test_the_pin_is_stored_only_as_an_argon2id_hash(operators):
    store, database = operators
    store.add("Admin", "admin", NIK, "905173", NOW, **BY_IT)
    added = store.add("Ani Lestari", "health_worker", NIK, PIN, NOW, **BY_IT)
    assert added.role is Role.HEALTH_WORKER
    with database.sessions() as session:
        row = session.scalars(select(OperatorRow).where(OperatorRow.name == "Ani Lestari")).one()
    assert row.pin_hash.startswith("$argon2id$")
    assert PIN not in row.pin_hash
    assert store.sign_in("Ani Lestari", PIN, NOW, station_id=DESK).operator == added


def test_wrong_pins_lock_the_operator_and_the_right_one_then_waits(operators):
    store, _database = operators
    store.add("Ani", "admin", NIK, PIN, NOW, **BY_IT)
    for _ in range(LOCK_AFTER_FAILURES - 1):
        assert store.sign_in("Ani", "111222", NOW, station_id=DESK).refusal == "wrong"
    locked = store.sign_in("Ani", "111222", NOW, station_id=DESK)
    assert locked.refusal == "locked"
    assert locked.retry_at == NOW + timedelta(minutes=LOCK_MINUTES)
    assert (
        store.sign_in("Ani", PIN, NOW + timedelta(minutes=1), station_id=DESK).refusal == "locked"
    )
    later = NOW + timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert store.sign_in("Ani", PIN, later, station_id=DESK).operator is not None


def test_disabled_unknown_and_duplicate_operators(operators):
    store, _database = operators
    store.add("Ani", "admin", NIK, PIN, NOW, **BY_IT)
    with pytest.raises(OperatorStoreError, match="exists already") as taken:
        store.add("Ani", "supervisor", NIK, "739201", NOW, **BY_IT)
    assert (taken.value.key, dict(taken.value.params)) == ("operator.name_taken", {"name": "Ani"})
    assert taken.value.message_id == "Sudah ada petugas bernama 'Ani'."
    assert store.sign_in("Budi", PIN, NOW, station_id=DESK).refusal == "unknown"
    assert store.disable("Ani", now=NOW, **BY_IT).disabled
    assert store.sign_in("Ani", PIN, NOW, station_id=DESK).refusal == "disabled"
    with pytest.raises(OperatorStoreError, match="no operator") as unknown:
        store.disable("Budi", now=NOW, **BY_IT)
    assert unknown.value.key == "operator.no_such_operator"


def test_the_first_operator_must_be_an_admin_and_changes_are_audited(operators):
    store, database = operators
    with pytest.raises(OperatorStoreError, match="first operator must be an admin") as first:
        store.add("Ani", "health_worker", NIK, PIN, NOW, **BY_IT)
    assert (first.value.key, first.value.field) == ("operator.first_is_admin", "role")
    assert store.list() == []
    store.demo_operator(NOW)  # the built-in demo operator is no admin and does not count
    with pytest.raises(OperatorStoreError, match="first operator must be an admin"):
        store.add("Ani", "supervisor", NIK, PIN, NOW, **BY_IT)
    admin = store.add("Ani", "admin", NIK, PIN, NOW, **BY_IT)
    store.add("Budi", "health_worker", NIK, "739201", NOW, **BY_IT)
    store.disable("Budi", now=NOW, **BY_IT)
    with database.sessions() as session:
        entries = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.sequence)).all()
    assert [(e.action, e.actor, e.station_id) for e in entries] == [
        ("operator_added", "os:it-person", "desk-1"),
        ("operator_added", "os:it-person", "desk-1"),
        ("operator_disabled", "os:it-person", "desk-1"),
    ]
    assert entries[0].record_id == str(admin.id)
    assert PIN not in " ".join(e.detail_json for e in entries)
    assert verify_audit(database).ok


def test_pins_are_hashed_with_rfc_9106s_second_recommended_argon2id_parameters(monkeypatch):
    """The store's hasher as shipped (tests swap in a cheap one: tests/conftest.py)."""
    import station.store.operators as module

    monkeypatch.undo()  # the shared monkeypatch: takes the cheap hasher back out
    shipped = module._HASHER
    assert (shipped.time_cost, shipped.memory_cost, shipped.parallelism) == (3, 65536, 4)
    assert shipped.type.name == "ID"


def test_every_sign_in_is_audited_and_an_unknown_name_is_not_kept(operators):
    store, database = operators
    admin = store.add("Ani", "admin", NIK, PIN, NOW, **BY_IT)
    store.sign_in("Ani", PIN, NOW, station_id=DESK)
    store.sign_in("Ani", "111222", NOW, station_id=DESK)
    store.sign_in("Sri Wahyuni", PIN, NOW, station_id=DESK)
    with database.sessions() as session:
        entries = session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.sequence)).all()
    assert [(e.action, e.actor, e.operator_id, e.record_id) for e in entries[1:]] == [
        ("signed_in", "Ani", admin.id, str(admin.id)),
        ("sign_in_failed", "Ani", admin.id, str(admin.id)),
        ("sign_in_failed", "desk:desk-1", None, None),
    ]
    assert [json.loads(e.detail_json).get("refusal") for e in entries[2:]] == ["wrong", "unknown"]
    text = " ".join(f"{e.actor} {e.detail_json}" for e in entries)
    for secret in ("Sri", PIN, "111222"):
        assert secret not in text
    assert verify_audit(database).ok


def test_the_demo_operator_cannot_sign_in_and_is_labelled(operators):
    store, _database = operators
    demo = store.demo_operator(NOW)
    assert demo.builtin
    assert "Demo" in demo.name
    assert store.demo_operator(NOW) == demo  # one, reused
    assert store.sign_in(demo.name, "anything", NOW, station_id=DESK).refusal == "unknown"
    with pytest.raises(OperatorStoreError, match="no operator"):
        store.disable(demo.name, now=NOW, **BY_IT)


@pytest.fixture
def run(tmp_path, db_url):
    return console_runner(clean_environ(db_url), tmp_path)


def test_operator_commands_read_the_pin_from_standard_input(run):
    first = run(
        "operator",
        "add",
        "Siti",
        "--role",
        "supervisor",
        "--practitioner-nik",
        NIK,
        stdin=f"{PIN}\n",
        check=False,
    )
    assert_one_line_error(first, "first operator must be an admin")
    run("operator", "add", "Admin", "--role", "admin", "--practitioner-nik", NIK, stdin="905173\n")
    added = json.loads(
        run(
            "operator",
            "add",
            "Ani Lestari",
            "--role",
            "supervisor",
            "--practitioner-nik",
            NIK,
            stdin=f"{PIN}\n",
        ).stdout
    )
    assert added["name"] == "Ani Lestari"
    assert added["role"] == "supervisor"
    assert added["practitioner_nik_masked"] != NIK  # masked, never the NIK
    listed = run("operator", "list")
    assert PIN not in listed.stdout
    assert "argon2" not in listed.stdout
    assert [o["name"] for o in json.loads(listed.stdout)] == ["Admin", "Ani Lestari"]
    disabled = json.loads(run("operator", "disable", "Ani Lestari").stdout)
    assert disabled["disabled"] is True
    shown = json.loads(run("audit", "show").stdout)
    assert [e["action"] for e in shown] == ["operator_added", "operator_added", "operator_disabled"]
    assert {e["actor"] for e in shown} == {f"os:{getpass.getuser()}"}
    assert json.loads(run("audit", "verify").stdout)["ok"] is True


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (("--role", "boss", "--practitioner-nik", NIK), PIN, "unknown role"),
        (("--role", "admin", "--practitioner-nik", NIK), "123", "at least 6"),
        (("--role", "admin", "--practitioner-nik", "12"), PIN, "practitioner NIK"),
    ],
)
def test_bad_operator_input_exits_2_with_one_line(run, args, stdin, fragment):
    result = run("operator", "add", "Ani", *args, stdin=f"{stdin}\n", check=False)
    assert_one_line_error(result, fragment)
    assert PIN not in result.stderr
    assert json.loads(run("operator", "list").stdout) == []  # nothing was stored


def test_a_second_operator_of_the_same_name_is_refused(run):
    args = ("operator", "add", "Ani", "--role", "admin", "--practitioner-nik", NIK)
    run(*args, stdin=f"{PIN}\n")
    assert_one_line_error(run(*args, stdin="739201\n", check=False), "exists already")
