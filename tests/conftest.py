"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from config.settings import Settings, load_settings


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A real SQLite file in the test's temporary folder."""
    return f"sqlite:///{tmp_path / 'station.sqlite3'}"


@pytest.fixture
def make_settings(tmp_path: Path, db_url: str) -> Callable[..., Settings]:
    """Settings loaded through the real loader from a TOML file written for the test."""

    def make(extra_toml: str = "", **environ: str) -> Settings:
        path = tmp_path / "station.toml"
        path.write_text(f'[database]\nurl = "{db_url}"\n{extra_toml}', encoding="utf-8")
        return load_settings(path, environ=environ)

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


POSTGRES_ENV = "VITALS_TEST_POSTGRES_URL"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty database on a real PostgreSQL server (dropped afterwards).

    ``.ci/run`` starts the server and sets ``VITALS_TEST_POSTGRES_URL``; without it these
    tests are skipped with the reason shown.
    """
    admin_url = os.environ.get(POSTGRES_ENV)
    if not admin_url:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_ENV} (see .ci/start-postgres)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"vitals_test_{uuid.uuid4().hex[:12]}"
    from sqlalchemy.pool import NullPool

    # NullPool: each admin connection is closed when its block ends, never left to the GC.
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(autouse=True)
def cheap_pin_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with the smallest cost in tests: the real one (64 MiB, 3 passes) costs
    ~0.2 s per PIN, which the desk pays once per sign-in but a suite of hundreds of sign-ins
    should not. ``tests/station/test_operators.py`` checks the real parameters. Processes
    started by tests (the console script) use the real hasher."""
    from argon2 import PasswordHasher

    from station.store import operators

    monkeypatch.setattr(
        operators, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


# The suite's SQLite databases are encrypted like a station's, under this key: a test opening
# a file (open_database) and the console scripts it runs (tests/console.py keeps the
# variable) read the same files, and no test touches the developer's keyring or key file.
TEST_DATABASE_KEY = "5ca1ab1e" * 8


@pytest.fixture(autouse=True)
def no_machine_keyring() -> Iterator[None]:
    """Tests never read or write the machine's own OS keyring: keyring's "fail" backend
    unless a test sets its own (tests/keyring_backend.py). Console scripts get the same
    through ``tests.console.clean_environ``."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def test_database_key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VITALS_STATION_DB_KEY", TEST_DATABASE_KEY)
    return TEST_DATABASE_KEY
