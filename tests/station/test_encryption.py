"""The station's SQLite file encrypted at rest with SQLCipher (issue 12): unreadable without
the key (plain sqlite3: "file is not a database"), a wrong or missing key one clear error and
never a fresh empty database, a new key kept in the OS keyring or else an owner-only key file
(said once), and a plain file from an earlier version encrypted in place, its plain content
overwritten, on a real file."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import keyring
import pytest
from keyring.backends import fail

from station.store.database import DatabaseError, open_database
from station.store.db_key import KEY_ENV, KEYRING_NAME, key_file
from station.store.encryption import FileState, file_state
from station.store.repository import Store
from tests import encrypted_sqlite
from tests.conftest import TEST_DATABASE_KEY
from tests.console import clean_environ, console_runner
from tests.keyring_backend import ENV as KEYRING_FILE_ENV
from tests.keyring_backend import FileKeyring
from tests.station.test_retention import LONG_AGO, _visit

NIK = "3174015507850002"


@pytest.fixture
def path(tmp_path):
    return tmp_path / "station.sqlite3"


@pytest.fixture
def no_keyring(monkeypatch, tmp_path):
    """No key in the environment, no OS keyring, the key file in the test's own folder."""
    monkeypatch.delenv(KEY_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield tmp_path / "config" / "vitals-station" / "database.key"
    keyring.set_keyring(previous)


@pytest.fixture
def file_keyring(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv(KEYRING_FILE_ENV, str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    backend = FileKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def with_a_visit(path):
    database = open_database(f"sqlite:///{path}")
    try:
        _visit(Store(database), NIK, LONG_AGO)
    finally:
        database.close()


def test_the_file_cannot_be_read_without_the_key(path):
    with_a_visit(path)
    assert file_state(path) is FileState.ENCRYPTED
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert NIK.encode() not in data
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM visits").fetchone()
    with encrypted_sqlite.connect(path) as connection:  # the key opens it
        assert connection.execute("SELECT count(*) FROM visits").fetchone() == (1,)


def test_a_wrong_key_is_one_clear_error_and_changes_nothing(path, monkeypatch):
    with_a_visit(path)
    before = path.read_bytes()
    monkeypatch.setenv(KEY_ENV, "0123456789abcdef" * 4)
    with pytest.raises(DatabaseError, match="the database key does not open it"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before


@pytest.mark.parametrize("value", ["too short", "g" * 64, TEST_DATABASE_KEY + "00"])
def test_a_malformed_key_is_refused_by_name(path, monkeypatch, value):
    monkeypatch.setenv(KEY_ENV, value)
    with pytest.raises(DatabaseError, match="VITALS_STATION_DB_KEY is not 64 hexadecimal"):
        open_database(f"sqlite:///{path}")


def test_an_encrypted_file_with_no_key_anywhere_is_refused_never_replaced(path, no_keyring):
    os.environ[KEY_ENV] = TEST_DATABASE_KEY
    with_a_visit(path)
    del os.environ[KEY_ENV]
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="encrypted and no key was found"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before
    assert not no_keyring.exists()  # no key made for a database that has one elsewhere


def test_without_a_keyring_a_new_key_goes_to_an_owner_only_file_said_once(path, no_keyring, capsys):
    open_database(f"sqlite:///{path}").close()
    assert stat.S_IMODE(no_keyring.stat().st_mode) == 0o600
    assert key_file() == no_keyring
    assert "no OS keyring" in capsys.readouterr().err
    with_a_visit(path)  # opened again with the file's key, and nothing said
    assert "no OS keyring" not in capsys.readouterr().err
    key = no_keyring.read_text().strip()
    with encrypted_sqlite.connect(path, key=key) as connection:
        assert connection.execute("SELECT count(*) FROM visits").fetchone() == (1,)


def test_with_a_keyring_the_new_key_is_kept_there(path, file_keyring, tmp_path):
    open_database(f"sqlite:///{path}").close()
    key = file_keyring.get_password("vitals-station", KEYRING_NAME)
    assert key is not None
    assert len(key) == 64
    assert not (tmp_path / "config" / "vitals-station" / "database.key").exists()
    with encrypted_sqlite.connect(path, key=key) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def decrypted_copy(source, target):
    """An earlier version's plain database: the same content, unencrypted."""
    connection = encrypted_sqlite.connect(source)
    connection.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
    connection.execute("SELECT sqlcipher_export('plaintext')")
    connection.execute("DETACH DATABASE plaintext")
    connection.close()


def test_a_plain_database_from_an_earlier_version_is_encrypted_in_place(tmp_path, capsys):
    source, plain = tmp_path / "source.sqlite3", tmp_path / "station.sqlite3"
    with_a_visit(source)
    decrypted_copy(source, plain)
    assert file_state(plain) is FileState.PLAIN
    assert NIK.encode() in plain.read_bytes()
    inode = plain.stat().st_ino

    database = open_database(f"sqlite:///{plain}")
    try:
        (visit,) = Store(database).visits()
        assert visit.person.nik == NIK
    finally:
        database.close()
    assert "was encrypted" in capsys.readouterr().err
    assert file_state(plain) is FileState.ENCRYPTED
    assert plain.stat().st_ino != inode
    names = {p.name for p in tmp_path.iterdir() if p.name.startswith("station")}
    assert names <= {
        "station.sqlite3",
        "station.sqlite3-shm",
        "station.sqlite3-wal",
        "station.sqlite3.in-use",  # station.file_in_use: an empty lock file
    }
    for file in tmp_path.iterdir():
        if file.name.startswith("station"):
            assert NIK.encode() not in file.read_bytes()


def test_what_an_interrupted_conversion_left_is_cleared_on_open(path):
    with_a_visit(path)
    half = path.with_name(path.name + ".converting")
    old = path.with_name(path.name + ".replaced")
    half.write_bytes(b"half written")
    old.write_bytes(b"SQLite format 3\x00 the old plain content " + NIK.encode())
    open_database(f"sqlite:///{path}").close()
    assert not half.exists()
    assert not old.exists()


def test_the_console_script_works_on_the_encrypted_file_and_status_counts(tmp_path, path):
    run = console_runner(clean_environ(f"sqlite:///{path}"), tmp_path)
    run("demo", "--visits", "2", "--seed", "3")
    assert json.loads(run("status").stdout)["visits"] == 2
    assert file_state(path) is FileState.ENCRYPTED
    wrong = run("status", check=False, environ={KEY_ENV: "ab" * 32})
    assert wrong.returncode == 2
    assert "the database key does not open it" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1
