"""The command-line contract under bad input (issue 16), through the real console script:
exit status 2, exactly one stderr line starting ``error: ``, no traceback, and nothing stored
changed (docs/design.md section 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import encrypted_sqlite
from tests.console import clean_environ, run_console


def bp(systolic: str = "120", extra: str = "") -> str:
    return '{"kind": "blood_pressure", "systolic": ' + systolic + ', "diastolic": 80' + extra + "}"


def check_input(reading: str) -> str:
    return '{"age_years": 45, "sex": "female", "readings": [' + reading + "]}"


def dump(path: Path) -> list[str]:
    connection = encrypted_sqlite.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return encrypted_sqlite.dump(connection)
    finally:
        connection.close()


@pytest.fixture
def existing(tmp_path):
    """A station database with one recorded visit."""
    path = tmp_path / "station.sqlite3"
    result = run_console(
        ("demo", "--visits", "1", "--seed", "2"), clean_environ(f"sqlite:///{path}"), tmp_path
    )
    assert result.returncode == 0, result.stderr
    return path


def newer_schema(path: Path) -> str:
    connection = encrypted_sqlite.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def nested_toml(tmp_path: Path) -> Path:
    return write(tmp_path / "deep.toml", b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n")


CASES = {
    "check: a 400-digit integer": (
        lambda tmp, db: (("check", check_input(bp("9" * 400))), None),
        "finite number",
    ),
    "check: station time in year 1": (
        lambda tmp, db: (
            (
                "check",
                check_input(bp(extra=', "received_at": "0001-01-01T00:00:00"')),
            ),
            None,
        ),
        "received_at",
    ),
    "check: station time in year 9999": (
        lambda tmp, db: (
            (
                "check",
                check_input(
                    bp(
                        extra=', "timestamp": "9999-12-31T23:59:59", '
                        '"received_at": "9999-12-31T23:59:59"'
                    )
                ),
            ),
            None,
        ),
        "received_at",
    ),
    "check: JSON nested 5,000 deep": (
        lambda tmp, db: (
            ("check", '{"age_years": 45, "readings": ' + "[" * 5000 + "]" * 5000 + "}"),
            None,
        ),
        "nested too deeply",
    ),
    "binary settings file": (
        lambda tmp, db: (
            ("--config", str(write(tmp / "bin.toml", bytes(range(256)) * 4)), "status"),
            None,
        ),
        "not UTF-8",
    ),
    "settings file with NUL bytes": (
        lambda tmp, db: (
            ("--config", str(write(tmp / "nul.toml", b"[station]\x00\x00\n")), "status"),
            None,
        ),
        "NUL",
    ),
    "deeply nested TOML": (
        lambda tmp, db: (("--config", str(nested_toml(tmp)), "status"), None),
        "nested too deeply",
    ),
    "sqlite URL with a host instead of a path": (
        lambda tmp, db: (("status",), "sqlite://station.db"),
        "names a host",
    ),
    "in-memory SQLite with demo": (
        lambda tmp, db: (("demo", "--visits", "1"), "sqlite:///:memory:"),
        "in-memory",
    ),
    "database folder does not exist": (
        lambda tmp, db: (("demo", "--visits", "1"), f"sqlite:///{tmp / 'typo' / 'x.sqlite3'}"),
        "does not exist",
    ),
    "schema revision newer than this code": (
        lambda tmp, db: (("demo", "--visits", "1"), newer_schema(db)),
        "newer than this program knows",
    ),
    "read-only database on the first write": (
        lambda tmp, db: (("demo", "--visits", "1"), f"sqlite:///file:{db}?mode=ro&uri=true"),
        "read-only",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_exit_2_one_error_line_and_nothing_changed(case, tmp_path, existing):
    make, fragment = CASES[case]
    args, url = make(tmp_path, existing)
    before_dump = dump(existing)
    if case == "schema revision newer than this code":
        before_bytes = existing.read_bytes()
    result = run_console(args, clean_environ(url or f"sqlite:///{existing}"), tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert fragment in lines[0]
    assert result.stdout == ""
    if case == "schema revision newer than this code":
        assert existing.read_bytes() == before_bytes  # touched nothing
    else:
        assert dump(existing) == before_dump
    assert not (tmp_path / "typo").exists()  # a typo never creates a fresh database


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write read-only files"
)
def test_a_read_only_database_file_is_a_clear_error(tmp_path, existing):
    before = dump(existing)
    existing.chmod(0o400)
    try:
        result = run_console(
            ("demo", "--visits", "1"), clean_environ(f"sqlite:///{existing}"), tmp_path
        )
    finally:
        existing.chmod(0o600)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ")
    assert "read-only" in line
    assert dump(existing) == before


def test_a_postgresql_connection_error_is_one_line(tmp_path):
    # Port 9 (discard) on loopback: nothing listens, the connection is refused.
    url = "postgresql+psycopg://vitals:wrong@127.0.0.1:9/vitals"
    result = run_console(("status",), clean_environ(url), tmp_path)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: cannot open the database")
    assert "wrong" not in line  # the password is hidden
    assert "Traceback" not in result.stderr


def test_a_settings_file_with_a_utf8_bom_is_accepted(tmp_path, existing):
    config = write(tmp_path / "notepad.toml", b'\xef\xbb\xbf[station]\nid = "desk-bom"\n')
    result = run_console(
        ("--config", str(config), "status"), clean_environ(f"sqlite:///{existing}"), tmp_path
    )
    assert result.returncode == 0, result.stderr
