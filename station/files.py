"""Writing files with patient data: private (0600), atomic, durable, no leftovers (issue 12).

A file is written to a hidden temporary sibling ``.<name>.<random>.tmp`` (created 0600 by
``tempfile.mkstemp``), flushed, fsynced, renamed over the target, and then the folder itself
is fsynced so the rename survives a power cut (POSIX: a rename is durable only once its
directory is synced). A process killed mid-write leaves its temporary file behind; the next
write to the same name removes such leftovers. On POSIX the folder is locked (``flock``) while
that happens, so a write running at the same moment never loses its temporary file; without
``flock`` (Windows) only leftovers older than ``STALE_AFTER_S`` are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "STALE_AFTER_S",
    "folder_lock",
    "private_atomic_writer",
    "temp_siblings",
    "write_private_atomically",
]

STALE_AFTER_S = 3600.0
_PRIVATE = 0o600
# mkstemp's random part: 8 characters of [a-z0-9_]. The old pattern had no ".tmp" suffix.
_RANDOM = r"[a-z0-9_]{8}"


def temp_siblings(path: Path) -> list[Path]:
    """Temporary files this module (or the export command before it) left for ``path``."""
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.{_RANDOM}(?:\.tmp)?$")
    folder = path.parent
    return sorted(p for p in folder.iterdir() if pattern.match(p.name) and p.is_file())


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[bool]:
    """Hold an exclusive lock on ``folder`` (True), or yield False where there is none."""
    if sys.platform == "win32":  # pragma: no cover - no flock there
        yield False
        return
    import fcntl  # noqa: PLC0415 - POSIX only

    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(descriptor)  # releases the lock


folder_lock = _folder_lock  # also for converting the database file (station.store.database)


def _remove_leftovers(path: Path, locked: bool) -> None:
    now = time.time()
    for leftover in temp_siblings(path):
        with contextlib.suppress(OSError):
            if locked or now - leftover.stat().st_mtime > STALE_AFTER_S:
                leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened for fsync there
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_private_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` (mode 0600) so that it is
    either the old or the whole new file, even across a crash. Raises
    ``FileNotFoundError`` when the folder does not exist, ``OSError`` for anything else the
    OS refuses."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with private_atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def private_atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """``write_private_atomically`` for a file written piece by piece (a streamed export):
    the caller writes to the yielded handle; when the block ends normally the file is
    fsynced and renamed over ``path``; when it raises, the temporary file is removed and
    ``path`` is left as it was."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise FileNotFoundError(f"folder {folder} does not exist")
    with _folder_lock(folder) as locked:
        _remove_leftovers(path, locked)
        descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        temp = Path(temp_name)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, _PRIVATE)  # mkstemp's mode already; said here, not assumed
            temp.replace(path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _fsync_folder(folder)
