"""``vitals-station rekey`` (issue 12): the local database re-encrypted under a new key,
kept where the old one was (key file, OS keyring) or read from standard input when the key
comes from ``VITALS_STATION_DB_KEY``; refused while another process has the file open, and
finished on the next start when it stopped after the new key was kept. Run as the console
script on real encrypted files."""

from __future__ import annotations

import json

import pytest

from station.store import encryption
from station.store.database import DatabaseError, open_database
from station.store.db_key import KEY_ENV, KEYRING_NAME, DatabaseKey
from station.store.repository import Store
from tests import encrypted_sqlite
from tests.conftest import TEST_DATABASE_KEY
from tests.console import clean_environ, console_runner
from tests.station.test_secret_command import keyring_environ

NEW_KEY = "c0ffee00" * 8


@pytest.fixture
def path(tmp_path):
    return tmp_path / "station.sqlite3"


def opens_with(path, key):
    """How many visits ``key`` finds in the file, or None when it does not open it."""
    import sqlcipher3

    try:
        with encrypted_sqlite.connect(path, key=key) as connection:
            return connection.execute("SELECT count(*) FROM visits").fetchone()[0]
    except sqlcipher3.dbapi2.DatabaseError as exc:
        if "file is not a database" not in str(exc):
            raise
        return None


def without_key_env(path, tmp_path, **extra):
    env = clean_environ(f"sqlite:///{path}", XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    del env[KEY_ENV]
    return env


def audited_actions(run):
    return [entry["action"] for entry in json.loads(run("audit", "show").stdout)]


def test_a_key_file_key_is_replaced_and_the_data_is_all_there(tmp_path, path):
    run = console_runner(without_key_env(path, tmp_path), tmp_path)
    run("demo", "--visits", "2", "--seed", "3")
    key_file = tmp_path / "config" / "vitals-station" / "database.key"
    old_key = key_file.read_text().strip()

    rekeyed = run("rekey")

    assert json.loads(rekeyed.stdout) == {"rekeyed": str(path), "key_kept_in": "key file"}
    new_key = key_file.read_text().strip()
    assert new_key != old_key
    assert len(new_key) == 64
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert new_key not in rekeyed.stdout + rekeyed.stderr
    assert opens_with(path, old_key) is None
    assert opens_with(path, new_key) == 2
    assert json.loads(run("status").stdout)["visits"] == 2
    assert json.loads(run("audit", "verify").stdout)["ok"] is True
    assert audited_actions(run)[-1] == "rekeyed"
    leftovers = {p.name for p in tmp_path.iterdir() if p.name.startswith("station.sqlite3.")}
    assert leftovers <= {"station.sqlite3.in-use"}


def test_a_keyring_key_is_replaced_in_the_keyring(tmp_path, path):
    keyring_file = tmp_path / "keyring.json"
    run = console_runner(without_key_env(path, tmp_path, **keyring_environ(keyring_file)), tmp_path)
    run("demo", "--visits", "1", "--seed", "3")
    entry = f"vitals-station\n{KEYRING_NAME}"
    old_key = json.loads(keyring_file.read_text())[entry]

    assert json.loads(run("rekey").stdout)["key_kept_in"] == "keyring"

    new_key = json.loads(keyring_file.read_text())[entry]
    assert new_key != old_key
    assert opens_with(path, new_key) == 1
    assert not (tmp_path / "config" / "vitals-station" / "database.key").exists()
    assert json.loads(run("status").stdout)["visits"] == 1


def test_an_environment_key_is_replaced_by_one_read_from_standard_input(tmp_path, path):
    run = console_runner(clean_environ(f"sqlite:///{path}"), tmp_path)
    run("demo", "--visits", "1", "--seed", "3")
    before = path.read_bytes()
    for typed, reason in [
        ("", "64 hexadecimal"),
        ("abc", "64 hexadecimal"),
        (TEST_DATABASE_KEY, "is the current one"),
    ]:
        refused = run("rekey", stdin=f"{typed}\n", check=False)
        assert refused.returncode == 2
        assert reason in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
        assert path.read_bytes() == before

    rekeyed = run("rekey", stdin=f"{NEW_KEY.upper()}\n")

    assert "set VITALS_STATION_DB_KEY to the new key" in rekeyed.stderr
    assert NEW_KEY not in rekeyed.stdout + rekeyed.stderr
    old = run("status", check=False)
    assert old.returncode == 2
    assert "the database key does not open it" in old.stderr
    assert json.loads(run("status", environ={KEY_ENV: NEW_KEY}).stdout)["visits"] == 1


def test_rekey_is_refused_while_another_process_has_the_database_open(tmp_path, path):
    run = console_runner(clean_environ(f"sqlite:///{path}"), tmp_path)
    run("demo", "--visits", "1", "--seed", "3")
    desk = open_database(f"sqlite:///{path}")  # a desk still running
    try:
        refused = run("rekey", stdin=f"{NEW_KEY}\n", check=False)
        assert refused.returncode == 2
        assert "another process has the database open" in refused.stderr
        assert opens_with(path, TEST_DATABASE_KEY) == 1
        assert len(Store(desk).visits()) == 1  # the desk goes on with its file
    finally:
        desk.close()
    run("rekey", stdin=f"{NEW_KEY}\n")
    assert opens_with(path, NEW_KEY) == 1


def test_a_rekey_that_stopped_after_keeping_the_new_key_is_finished_on_the_next_start(
    tmp_path, path, monkeypatch, capsys
):
    run = console_runner(clean_environ(f"sqlite:///{path}"), tmp_path)
    run("demo", "--visits", "2", "--seed", "3")

    def power_cut(_path, _target):
        raise OSError("power cut")

    kept = []
    with monkeypatch.context() as patched:
        patched.setattr(encryption, "_swap", power_cut)
        with pytest.raises(OSError, match="power cut"):
            encryption.rekey_file(
                path,
                DatabaseKey(TEST_DATABASE_KEY, "environment"),
                DatabaseKey(NEW_KEY, "environment"),
                before_swap=lambda: kept.append(NEW_KEY),
            )
    assert kept == [NEW_KEY]
    assert opens_with(path, TEST_DATABASE_KEY) == 2  # the old file, under the old key
    monkeypatch.setenv(KEY_ENV, NEW_KEY)  # the new key was kept: the next start has it

    database = open_database(f"sqlite:///{path}")
    try:
        assert len(Store(database).visits()) == 2
    finally:
        database.close()
    assert "interrupted rekey" in capsys.readouterr().err
    assert opens_with(path, NEW_KEY) == 2
    assert not path.with_name("station.sqlite3.converting").exists()
    assert not path.with_name("station.sqlite3.replaced").exists()


def test_a_rekey_that_stopped_before_keeping_the_new_key_leaves_the_old_one_working(
    tmp_path, path, monkeypatch
):
    run = console_runner(clean_environ(f"sqlite:///{path}"), tmp_path)
    run("demo", "--visits", "1", "--seed", "3")

    def refused():
        raise OSError("the keyring refused")

    with pytest.raises(OSError, match="refused"):
        encryption.rekey_file(
            path,
            DatabaseKey(TEST_DATABASE_KEY, "environment"),
            DatabaseKey(NEW_KEY, "environment"),
            before_swap=refused,
        )
    assert opens_with(path, TEST_DATABASE_KEY) == 1
    assert not path.with_name("station.sqlite3.converting").exists()
    monkeypatch.setenv(KEY_ENV, NEW_KEY)
    with pytest.raises(DatabaseError, match="does not open it"):
        open_database(f"sqlite:///{path}")


def test_rekey_on_postgresql_is_refused_with_the_reason(tmp_path, postgres_url):
    run = console_runner(clean_environ(postgres_url), tmp_path)
    refused = run("rekey", check=False)
    assert refused.returncode == 2
    assert "not a local SQLite file" in refused.stderr
