"""Concurrency at the database's door (issue 13), with real processes.

* Several processes opening one brand-new database at the same moment: one used to fail with
  "table queue_counters already exists" (2 runs in 5). Migrations are serialised now (an
  exclusive SQLite transaction, a PostgreSQL advisory lock), so every process opens it.
* Another process holding the write lock past the busy timeout: ``demo`` waits the bounded
  time, then exits 2 with one ``error: database is busy ...`` line instead of a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from station.store.database import SQLITE_BUSY_TIMEOUT_MS, head_revision, open_database
from tests import encrypted_sqlite
from tests.console import KEY_ENV, SCRIPT

PROCESSES = 4
ROUNDS = 5

OPENER = """
import sys, time
from station.store.database import open_database
start = float(sys.argv[2])
while time.time() < start:
    pass
database = open_database(sys.argv[1])
print(database.schema_revision(), flush=True)
database.close()
"""


def open_at_once(url: str) -> list[subprocess.CompletedProcess[str]]:
    start = time.time() + 1.5  # every process imported and spinning before the start
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, url, repr(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


def test_processes_opening_a_new_sqlite_database_at_once_all_succeed(tmp_path):
    head = head_revision()
    for round_number in range(ROUNDS):
        url = f"sqlite:///{tmp_path / f'new-{round_number}.sqlite3'}"
        for result in open_at_once(url):
            assert result.returncode == 0, result.stderr
            assert result.stdout.strip() == head


def test_processes_opening_a_new_postgresql_database_at_once_all_succeed(postgres_url):
    for result in open_at_once(postgres_url):
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == head_revision()


def test_demo_waits_for_a_held_write_lock_then_says_the_database_is_busy(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(f"sqlite:///{path}").close()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SATUSEHAT_", "VITALS_")) or k == KEY_ENV
    }
    env["VITALS_STATION_DB"] = f"sqlite:///{path}"
    holder = encrypted_sqlite.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a second real connection holds the write lock
    started = time.monotonic()
    try:
        result = subprocess.run(
            [str(SCRIPT), "demo", "--visits", "1"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        holder.rollback()
        holder.close()
    waited = time.monotonic() - started
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: database is busy")
    # It waited (bounded), not gave up at once nor hung.
    assert SQLITE_BUSY_TIMEOUT_MS / 1000 * 0.9 <= waited < SQLITE_BUSY_TIMEOUT_MS / 1000 + 20
    # And once the lock is free the same command works.
    again = subprocess.run(
        [str(SCRIPT), "demo", "--visits", "1"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr


def test_status_reads_while_another_process_holds_the_write_lock(tmp_path):
    """Readers are not writers: opening a current database takes no lock, and WAL lets
    ``status`` read while another connection holds the write lock."""
    path = tmp_path / "station.sqlite3"
    open_database(f"sqlite:///{path}").close()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SATUSEHAT_", "VITALS_")) or k == KEY_ENV
    }
    env["VITALS_STATION_DB"] = f"sqlite:///{path}"
    holder = encrypted_sqlite.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = subprocess.run(
            [str(SCRIPT), "status"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=5 + SQLITE_BUSY_TIMEOUT_MS / 1000 / 2,  # far less than the busy wait
        )
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 0, result.stderr
