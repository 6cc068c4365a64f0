"""The journal-mode switch of a new SQLite file, retried while another process holds the
lock (SQLite may answer SQLITE_BUSY at once instead of calling the busy handler:
https://www.sqlite.org/c3ref/busy_handler.html). Seen once in CI as "database is locked"
from four processes opening one new file (tests/station/test_migration_race.py)."""

from __future__ import annotations

import sqlite3

import pytest

from station.store import database


class _Cursor:
    """Answers ``PRAGMA journal_mode=WAL`` with the given errors first, then succeeds."""

    def __init__(self, errors: list[Exception]) -> None:
        self.errors = errors
        self.calls = 0

    def execute(self, statement: str) -> None:
        assert statement == "PRAGMA journal_mode=WAL"
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


def test_a_lock_answered_at_once_is_waited_out():
    cursor = _Cursor([sqlite3.OperationalError("database is locked")] * 3)
    database._switch_to_wal(cursor)
    assert cursor.calls == 4


def test_another_error_is_not_retried():
    cursor = _Cursor([sqlite3.OperationalError("file is not a database")])
    with pytest.raises(sqlite3.OperationalError, match="not a database"):
        database._switch_to_wal(cursor)
    assert cursor.calls == 1


def test_a_lock_held_past_the_busy_timeout_is_reported(monkeypatch):
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_MS", 100)
    cursor = _Cursor([sqlite3.OperationalError("database is locked")] * 1000)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        database._switch_to_wal(cursor)
    assert 2 <= cursor.calls < 1000
