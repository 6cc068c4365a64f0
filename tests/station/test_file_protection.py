"""Files holding patient data are private to the station's user (issue 12): the data folder
0700, the SQLite database and its -wal/-shm files 0600, exports 0600; an export killed midway
leaves no temporary file behind after the next export. Modes are read from the real files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date

import pytest

from station.files import temp_siblings, write_private_atomically
from station.store.database import open_database
from station.store.repository import Store
from tests.console import SCRIPT, clean_environ

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def env_without_db(tmp_path):
    env = clean_environ()
    # platformdirs' user data folder on Linux and the BSDs is $XDG_DATA_HOME/<app>.
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    return env


@pytest.mark.skipif(sys.platform != "linux", reason="XDG data folder")
def test_default_location_is_created_private_on_first_start(tmp_path):
    old_umask = os.umask(0o022)  # the usual umask, which made the file 0644 before
    try:
        result = subprocess.run(
            [str(SCRIPT), "demo", "--visits", "1", "--seed", "1"],
            env=env_without_db(tmp_path),
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        os.umask(old_umask)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "xdg" / "vitals-station"
    assert mode(folder) == 0o700
    assert mode(folder / "station.sqlite3") == 0o600


def test_a_new_database_and_its_wal_and_shm_files_are_0600(tmp_path):
    path = tmp_path / "station.sqlite3"
    old_umask = os.umask(0o022)
    try:
        database = open_database(f"sqlite:///{path}")
        store = Store(database)
        store.next_queue_number(date(2026, 1, 1))  # a write: the WAL is in use
        wal, shm = tmp_path / "station.sqlite3-wal", tmp_path / "station.sqlite3-shm"
        assert wal.exists()
        assert shm.exists()
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
        database.close()
    finally:
        os.umask(old_umask)


def test_an_existing_open_database_is_tightened_never_loosened(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(f"sqlite:///{path}").close()
    path.chmod(0o644)  # as an older version left it
    open_database(f"sqlite:///{path}").close()
    assert mode(path) == 0o600
    path.chmod(0o400)
    open_database(f"sqlite:///{path}").close()  # reading needs no write permission
    assert mode(path) == 0o400


def test_export_is_0600_and_removes_what_a_killed_export_left(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    env = clean_environ()
    env["VITALS_STATION_DB"] = db_url
    out = tmp_path / "export.json"
    # What a killed export leaves: mkstemp's names, the old pattern and this one's.
    stale = [tmp_path / ".export.json.k2j9_x1a", tmp_path / ".export.json.ab12cd34.tmp"]
    for leftover in stale:
        leftover.write_text('{"resourceType": "Bundle", "entry": [{"name": "Siti"}]', "utf-8")
    unrelated = [tmp_path / ".other.json.ab12cd34.tmp", tmp_path / "export.json.bak"]
    for keep in unrelated:
        keep.write_text("keep", "utf-8")
    old_umask = os.umask(0o022)
    try:
        for args in (("demo", "--visits", "1", "--seed", "4"), ("export", "--fhir", str(out))):
            result = subprocess.run(
                [str(SCRIPT), *args],
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=120,
            )
            assert result.returncode == 0, result.stderr
    finally:
        os.umask(old_umask)
    assert json.loads(out.read_text("utf-8"))["resourceType"] == "Bundle"
    assert mode(out) == 0o600
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in unrelated)
    assert temp_siblings(out) == []


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "export.json"
    target.write_text("old", "utf-8")

    with pytest.raises(UnicodeEncodeError):
        write_private_atomically(target, "new \ud800")  # a lone surrogate: cannot be UTF-8
    assert target.read_text("utf-8") == "old"
    assert temp_siblings(target) == []
