"""Changing an operator (issue 12): a new practitioner NIK or a new PIN, in the store (table
tests, audited, a PIN reset ending a lockout) and as ``vitals-station operator set-nik`` /
``set-pin`` in a real process (JSON with the NIK masked, never a PIN; one-line errors).
The store's tests run on SQLite and on PostgreSQL (skipped without a server)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from station.operators import LOCK_AFTER_FAILURES, OperatorError
from station.person import mask_nik
from station.store.audit_verify import verify_audit
from station.store.database import open_database
from station.store.models import AuditEntryRow, OperatorRow
from station.store.operators import DEMO_OPERATOR_NAME, OperatorStore, OperatorStoreError
from tests.console import clean_environ, console_runner
from tests.station.test_cli import assert_one_line_error
from tests.station.test_operators import BY_IT, NIK, NOW, PIN

NEW_NIK = "3171014403800001"
NEW_PIN = "739201"
ADMIN = "Ani Lestari"


@pytest.fixture
def operators(any_db_url):
    """The store on SQLite, then on PostgreSQL (row locks there: ``with_for_update``)."""
    database = open_database(any_db_url)
    store = OperatorStore(database)
    store.add(ADMIN, "admin", NIK, PIN, NOW, **BY_IT)
    store.demo_operator(NOW)
    yield store, database
    database.close()


def audit_entries(database):
    with database.sessions() as session:
        return session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.sequence)).all()


def stored(database, name):
    with database.sessions() as session:
        return session.scalars(select(OperatorRow).where(OperatorRow.name == name)).one()


@pytest.mark.parametrize(
    ("name", "nik", "refusal", "fragment"),
    [
        ("Budi", NEW_NIK, OperatorStoreError, "no operator is named 'Budi'"),
        (DEMO_OPERATOR_NAME, NEW_NIK, OperatorStoreError, "built-in demo operator"),
        (ADMIN, "", OperatorError, "practitioner NIK"),
        (ADMIN, "123", OperatorError, "practitioner NIK"),
        (ADMIN, "31710144038000011", OperatorError, "practitioner NIK"),
        (ADMIN, "31710144038000ab", OperatorError, "practitioner NIK"),
        (ADMIN, "0071014403800001", OperatorError, "practitioner NIK"),  # no such province
    ],
)
def test_a_bad_nik_change_is_refused_and_changes_nothing(operators, name, nik, refusal, fragment):
    store, database = operators
    before = (store.list(), len(audit_entries(database)))
    with pytest.raises(refusal, match=fragment) as info:
        store.set_practitioner_nik(name, nik, now=NOW, **BY_IT)
    if refusal is OperatorError:
        assert info.value.field == "practitioner_nik"
    assert info.value.message_id  # the desk shows it in Bahasa Indonesia
    assert (store.list(), len(audit_entries(database))) == before


def test_a_new_nik_is_kept_and_audited_without_it(operators):
    store, database = operators
    changed = store.set_practitioner_nik(f"  {ADMIN} ", f" {NEW_NIK} ", now=NOW, **BY_IT)
    assert (changed.name, changed.practitioner_nik) == (ADMIN, NEW_NIK)
    assert stored(database, ADMIN).practitioner_nik == NEW_NIK
    last = audit_entries(database)[-1]
    assert (last.action, last.actor, last.record_id) == (
        "operator_nik_changed",
        "os:it-person",
        str(changed.id),
    )
    assert NEW_NIK not in last.detail_json
    assert NIK not in last.detail_json
    assert verify_audit(database).ok


@pytest.mark.parametrize(
    ("name", "pin", "refusal", "fragment"),
    [
        (ADMIN, "", OperatorError, "is empty"),
        (ADMIN, "48291", OperatorError, "at least 6"),
        (ADMIN, "777777", OperatorError, "one character repeated"),
        (ADMIN, "9" * 64 + "8" * 65, OperatorError, "at most 128"),
        ("Budi", NEW_PIN, OperatorStoreError, "no operator is named 'Budi'"),
        (DEMO_OPERATOR_NAME, NEW_PIN, OperatorStoreError, "built-in demo operator"),
    ],
)
def test_a_bad_pin_reset_is_refused_and_the_old_pin_still_works(
    operators, name, pin, refusal, fragment
):
    store, database = operators
    before = len(audit_entries(database))
    with pytest.raises(refusal, match=fragment) as info:
        store.set_pin(name, pin, now=NOW, **BY_IT)
    if refusal is OperatorError:
        assert info.value.field == "pin"
    assert len(audit_entries(database)) == before
    assert store.sign_in(ADMIN, PIN, NOW, station_id="desk-1").operator is not None


def test_a_new_pin_replaces_the_old_one_and_ends_a_lockout(operators):
    store, database = operators
    for _ in range(LOCK_AFTER_FAILURES):
        store.sign_in(ADMIN, "111222", NOW, station_id="desk-1")
    assert store.sign_in(ADMIN, PIN, NOW, station_id="desk-1").refusal == "locked"
    changed = store.set_pin(ADMIN, NEW_PIN, now=NOW + timedelta(seconds=5), **BY_IT)
    assert changed.name == ADMIN
    row = stored(database, ADMIN)
    assert (row.failed_attempts, row.locked_until) == (0, None)
    assert row.pin_hash.startswith("$argon2id$")
    later = NOW + timedelta(seconds=10)
    assert store.sign_in(ADMIN, PIN, later, station_id="desk-1").refusal == "wrong"
    assert store.sign_in(ADMIN, NEW_PIN, later, station_id="desk-1").operator is not None
    (entry,) = [e for e in audit_entries(database) if e.action == "operator_pin_set"]
    assert json.loads(entry.detail_json) == {"lockout_cleared": True}
    assert NEW_PIN not in entry.detail_json
    store.set_pin(ADMIN, "905173", now=later, **BY_IT)  # no lockout this time
    last = audit_entries(database)[-1]
    assert json.loads(last.detail_json) == {"lockout_cleared": False}
    assert verify_audit(database).ok


# -- the console script -------------------------------------------------------------------


@pytest.fixture
def run(tmp_path, db_url):
    database = open_database(db_url)
    OperatorStore(database).demo_operator(NOW)  # as ``demo`` leaves it
    database.close()
    run = console_runner(clean_environ(db_url), tmp_path)
    run("operator", "add", ADMIN, "--role", "admin", "--practitioner-nik", NIK, stdin=f"{PIN}\n")
    return run


def test_set_nik_prints_the_operator_with_the_nik_masked(run, db_url):
    result = run("operator", "set-nik", ADMIN, NEW_NIK)
    shown = json.loads(result.stdout)
    assert shown["name"] == ADMIN
    assert shown["practitioner_nik_masked"] == mask_nik(NEW_NIK)
    assert NEW_NIK not in result.stdout
    database = open_database(db_url)
    try:
        assert stored(database, ADMIN).practitioner_nik == NEW_NIK
    finally:
        database.close()
    actions = [e["action"] for e in json.loads(run("audit", "show").stdout)]
    assert actions[-1] == "operator_nik_changed"
    assert json.loads(run("audit", "verify").stdout)["ok"] is True


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("Budi", NEW_NIK), "operator set-nik: no operator is named 'Budi'"),
        ((ADMIN, "123"), "operator set-nik: practitioner NIK"),
        ((DEMO_OPERATOR_NAME, NEW_NIK), "built-in demo operator"),
    ],
)
def test_a_bad_set_nik_exits_2_with_one_line(run, args, fragment):
    before = run("operator", "list").stdout
    result = run("operator", "set-nik", *args, check=False)
    assert_one_line_error(result, fragment)
    assert run("operator", "list").stdout == before


def test_set_pin_reads_the_new_pin_from_standard_input(run, db_url):
    result = run("operator", "set-pin", ADMIN, stdin=f"{NEW_PIN}\n")
    assert json.loads(result.stdout)["name"] == ADMIN
    assert NEW_PIN not in result.stdout + result.stderr
    assert "argon2" not in result.stdout
    database = open_database(db_url)
    try:
        store = OperatorStore(database)
        assert store.sign_in(ADMIN, NEW_PIN, NOW, station_id="desk-1").operator is not None
        assert store.sign_in(ADMIN, PIN, NOW, station_id="desk-1").refusal == "wrong"
    finally:
        database.close()
    shown = run("audit", "show").stdout
    assert "operator_pin_set" in shown
    assert NEW_PIN not in shown
    assert json.loads(run("audit", "verify").stdout)["ok"] is True


@pytest.mark.parametrize(
    ("name", "stdin", "fragment"),
    [
        (ADMIN, "\n", "operator set-pin: the PIN or password is empty"),
        (ADMIN, "", "operator set-pin: the PIN or password is empty"),
        (ADMIN, "4829\n", "at least 6"),
        ("Budi", f"{NEW_PIN}\n", "operator set-pin: no operator is named 'Budi'"),
        (DEMO_OPERATOR_NAME, f"{NEW_PIN}\n", "built-in demo operator"),
    ],
)
def test_a_bad_set_pin_exits_2_with_one_line(run, db_url, name, stdin, fragment):
    result = run("operator", "set-pin", name, stdin=stdin, check=False)
    assert_one_line_error(result, fragment)
    assert NEW_PIN not in result.stderr
    database = open_database(db_url)
    try:
        assert OperatorStore(database).sign_in(ADMIN, PIN, NOW, station_id="t").operator
    finally:
        database.close()
