"""Which processes have the database file open (issue 12, ``rekey``).

Every station process that opens the SQLite database holds a shared ``flock`` on a lock
file beside it (``<database>.in-use``) until it closes the database or exits; the OS drops
the hold of a killed process. ``rekey`` replaces the file with a new one, which a process
still holding the old one would never see: its later writes would go to the removed file
and be lost. So ``rekey`` asks for the lock alone and is refused while any holder remains.

A separate lock file, not the database itself: closing any descriptor of the database file
would drop the POSIX locks SQLite holds on it in this process. Windows has no ``flock``; it
refuses to replace a file another process has open, which is the same protection.
"""

from __future__ import annotations

import contextlib
import os
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

__all__ = ["FileInUse", "InUseHold", "alone_with", "hold_in_use"]

_PRIVATE = 0o600


class FileInUse(Exception):
    """Another process holds the file."""


def _lock_path(path: Path) -> Path:
    return Path(f"{path}.in-use")


class InUseHold:
    """This process's shared hold on a file; ``release`` drops it (idempotent; also when
    the hold is garbage-collected, so a database never closed leaks no descriptor)."""

    def __init__(self, descriptor: int | None) -> None:
        self._release = (
            weakref.finalize(self, os.close, descriptor) if descriptor is not None else None
        )

    def release(self) -> None:
        if self._release is not None:
            self._release()  # closes the descriptor once: drops the flock


def _open_lock(path: Path) -> int:
    return os.open(_lock_path(path), os.O_RDWR | os.O_CREAT, _PRIVATE)


def hold_in_use(path: Path) -> InUseHold:
    """A shared hold on ``path`` for as long as this process uses it."""
    if sys.platform == "win32":  # pragma: no cover - no flock there
        return InUseHold(None)
    import fcntl  # noqa: PLC0415 - POSIX only

    descriptor = _open_lock(path)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH)
    except BaseException:
        os.close(descriptor)
        raise
    return InUseHold(descriptor)


@contextlib.contextmanager
def alone_with(path: Path) -> Iterator[None]:
    """Hold ``path`` exclusively for the block, or ``FileInUse`` at once if any other
    holder (``hold_in_use``) remains; new holders wait until the block ends."""
    if sys.platform == "win32":  # pragma: no cover - no flock there
        yield
        return
    import fcntl  # noqa: PLC0415 - POSIX only

    descriptor = _open_lock(path)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise FileInUse(str(path)) from exc
        yield
    finally:
        os.close(descriptor)
