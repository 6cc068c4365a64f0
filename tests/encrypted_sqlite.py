"""A raw DB-API connection to one of the suite's encrypted SQLite files (SQLCipher, the key
of tests/conftest.py), for tests that look at or damage a file behind the station's back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from tests.conftest import TEST_DATABASE_KEY


def connect(path: Path | str, *, key: str = TEST_DATABASE_KEY, **options: Any) -> Any:
    """``options`` as for ``sqlite3.connect`` (``uri``, ``isolation_level``...)."""
    connection = sqlcipher3.connect(str(path), **options)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{key}'\"")
    return connection


def dump(connection: Any) -> list[str]:
    """Every table's schema and rows, in a stable order (sqlcipher3 has no ``iterdump``)."""
    lines = []
    tables = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        lines.append(sql)
        rows = connection.execute(f'SELECT * FROM "{name}"').fetchall()  # noqa: S608
        lines.extend(sorted(repr(row) for row in rows))
    return lines
