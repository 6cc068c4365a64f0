"""The SQLite file encrypted with SQLCipher (issue 12): what state a file is in, turning a
plain file from an earlier version into an encrypted one, and re-encrypting under a new key.

Both conversions write a new file with ``sqlcipher_export`` beside the old one, check it
(opened with the key: ``integrity_check`` and the same number of rows in every table), and
only then put it in place with an atomic rename. The old content stays reachable under a
``.replaced`` hard link until that moment and is then overwritten with zeros, synced and
removed; a crash in between leaves that link, which the next open wipes. (Overwriting cannot
reach copies an SSD or a journaling file system keeps elsewhere: on such disks the OS's own
disk encryption is the complete answer; the README says so.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

from station.store.db_key import DatabaseKey

__all__ = [
    "FileState",
    "encrypt_plain_file",
    "file_state",
    "finish_interrupted_rekey",
    "rekey_file",
    "wipe_leftovers",
]

_PLAIN_HEADER = b"SQLite format 3\x00"


class EncryptionError(Exception):
    """The conversion did not happen; the database file is as it was."""


class FileState(Enum):
    NEW = "new"  # missing or empty: becomes an encrypted database
    PLAIN = "plain"  # an unencrypted SQLite file (an earlier version's)
    ENCRYPTED = "encrypted"  # anything else: SQLCipher's pages look random


def file_state(path: Path) -> FileState:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_PLAIN_HEADER))
    except FileNotFoundError:
        return FileState.NEW
    if not head:
        return FileState.NEW
    return FileState.PLAIN if head == _PLAIN_HEADER else FileState.ENCRYPTED


def _connect(path: Path, key: DatabaseKey | None) -> Any:
    import sqlcipher3  # noqa: PLC0415 - only when a file is converted

    connection = sqlcipher3.connect(str(path))
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(f"PRAGMA key = {key.pragma}")
    return connection


def _row_counts(connection: Any, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "  # noqa: S608
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]  # noqa: S608
        for name in names
    }


def _companions(path: Path) -> list[Path]:
    return [Path(f"{path}-wal"), Path(f"{path}-shm")]


def _wipe(path: Path) -> None:
    """Overwrite with zeros, sync, remove."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with path.open("r+b") as handle:
        block = b"\x00" * 65536
        left = size
        while left > 0:
            handle.write(block[: min(left, len(block))])
            left -= len(block)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def wipe_leftovers(path: Path) -> None:
    """What a conversion interrupted by a crash left: the half-written new file, and the
    old content's link once the new file is in place."""
    Path(f"{path}.converting").unlink(missing_ok=True)
    old = Path(f"{path}.replaced")
    if old.exists() and file_state(path) is FileState.ENCRYPTED:
        _wipe(old)


def _export(source: Any, target: Path, key: DatabaseKey) -> None:
    target.unlink(missing_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    source.execute(f"ATTACH DATABASE ? AS converted KEY {key.pragma}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('converted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
        source.commit()
    finally:
        source.execute("DETACH DATABASE converted")


def _check(target: Path, key: DatabaseKey, expected: dict[str, int]) -> None:
    connection = _connect(target, key)
    try:
        (result,) = connection.execute("PRAGMA integrity_check").fetchone()
        counts = _row_counts(connection)
    finally:
        connection.close()
    if result != "ok" or counts != expected:
        raise EncryptionError(
            "the converted database did not check out "
            f"({result}; rows {counts} instead of {expected}); the original is kept"
        )


def _convert(
    path: Path,
    old_key: DatabaseKey | None,
    new_key: DatabaseKey,
    before_swap: Callable[[], None] | None = None,
) -> None:
    target = Path(f"{path}.converting")
    source = _connect(path, old_key)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = _row_counts(source)
        _export(source, target, new_key)
    finally:
        source.close()
    try:
        _check(target, new_key, expected)
        if before_swap is not None:
            before_swap()  # e.g. keep the new key: never a file in place without its key
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    _swap(path, target)


def _swap(path: Path, target: Path) -> None:
    """``target`` (checked) takes the place of ``path``, whose content is then wiped."""
    # The old file's WAL was checkpointed into it: it must not meet the new file.
    for companion in _companions(path):
        companion.unlink(missing_ok=True)
    old = Path(f"{path}.replaced")
    old.unlink(missing_ok=True)
    os.link(path, old)
    target.replace(path)
    _wipe(old)


def _opens(path: Path, key: DatabaseKey, *, check: bool) -> bool:
    """``key`` opens ``path`` (and, with ``check``, its integrity check passes)."""
    try:
        connection = _connect(path, key)
        try:
            query = "PRAGMA integrity_check" if check else "SELECT 'ok' FROM sqlite_master"
            row = connection.execute(query).fetchone()
        finally:
            connection.close()
    except Exception:  # noqa: BLE001 - sqlcipher3's "file is not a database" and kin
        return False
    return row is None or row[0] == "ok"


def finish_interrupted_rekey(path: Path, key: DatabaseKey) -> bool:
    """A rekey that stopped after keeping the new key but before the swap (a crash, a power
    cut) left the checked new file beside an old one the kept key no longer opens: put the
    new file in place. True when that was done; otherwise nothing is touched."""
    target = Path(f"{path}.converting")
    if not target.exists() or file_state(path) is not FileState.ENCRYPTED:
        return False
    if _opens(path, key, check=False) or not _opens(target, key, check=True):
        return False
    _swap(path, target)
    return True


def encrypt_plain_file(path: Path, key: DatabaseKey) -> None:
    """An earlier version's plain database, encrypted in place under ``key``."""
    _convert(path, None, key)


def rekey_file(
    path: Path,
    old_key: DatabaseKey,
    new_key: DatabaseKey,
    *,
    before_swap: Callable[[], None] | None = None,
) -> None:
    """The database re-encrypted under ``new_key`` (no process may have it open);
    ``before_swap`` runs once the new file checked out, before it takes the old one's place
    (a failure there leaves everything as it was)."""
    _convert(path, old_key, new_key, before_swap)
