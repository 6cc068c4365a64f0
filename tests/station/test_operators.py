"""Operators (issue 12, first part): the rules, the store with argon2id hashes and the
lockout, and ``vitals-station operator add|list|disable`` as a real process."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from station.operators import (
    LOCK_AFTER_FAILURES,
    LOCK_MINUTES,
    OperatorError,
    Role,
    locked_until,
    validate_operator,
)
from station.store.database import open_database
from station.store.models import OperatorRow
from station.store.operators import OperatorStore, OperatorStoreError
from tests.console import clean_environ, console_runner
from tests.station.test_cli import assert_one_line_error

NIK = "3174015507850002"
PIN = "482915"
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


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
    added = store.add("Ani Lestari", "health_worker", NIK, PIN, NOW)
    assert added.role is Role.HEALTH_WORKER
    with database.sessions() as session:
        row = session.scalars(select(OperatorRow)).one()
    assert row.pin_hash.startswith("$argon2id$")
    assert PIN not in row.pin_hash
    assert store.sign_in("Ani Lestari", PIN, NOW).operator == added


def test_wrong_pins_lock_the_operator_and_the_right_one_then_waits(operators):
    store, _database = operators
    store.add("Ani", "admin", NIK, PIN, NOW)
    for _ in range(LOCK_AFTER_FAILURES - 1):
        assert store.sign_in("Ani", "111222", NOW).refusal == "wrong"
    locked = store.sign_in("Ani", "111222", NOW)
    assert locked.refusal == "locked"
    assert locked.retry_at == NOW + timedelta(minutes=LOCK_MINUTES)
    assert store.sign_in("Ani", PIN, NOW + timedelta(minutes=1)).refusal == "locked"
    later = NOW + timedelta(minutes=LOCK_MINUTES, seconds=1)
    assert store.sign_in("Ani", PIN, later).operator is not None


def test_disabled_unknown_and_duplicate_operators(operators):
    store, _database = operators
    store.add("Ani", "admin", NIK, PIN, NOW)
    with pytest.raises(OperatorStoreError, match="exists already"):
        store.add("Ani", "supervisor", NIK, "739201", NOW)
    assert store.sign_in("Budi", PIN, NOW).refusal == "unknown"
    assert store.disable("Ani").disabled
    assert store.sign_in("Ani", PIN, NOW).refusal == "disabled"
    with pytest.raises(OperatorStoreError, match="no operator"):
        store.disable("Budi")


@pytest.fixture
def run(tmp_path, db_url):
    return console_runner(clean_environ(db_url), tmp_path)


def test_operator_commands_read_the_pin_from_standard_input(run):
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
    assert [o["name"] for o in json.loads(listed.stdout)] == ["Ani Lestari"]
    disabled = json.loads(run("operator", "disable", "Ani Lestari").stdout)
    assert disabled["disabled"] is True


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
