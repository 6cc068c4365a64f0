"""The key of the station's SQLite database (issue 12: encrypted at rest with SQLCipher).

Where the key is found, in this order:

1. ``VITALS_STATION_DB_KEY``: 64 hexadecimal characters (a 256-bit key), for a service whose
   secrets come from its environment;
2. the OS keyring (Windows Credential Manager, Secret Service), entry ``database-key`` of
   service ``vitals-station`` (``station.secret_store``);
3. an owner-only key file, ``database.key`` in the platform's user config folder
   (``~/.config/vitals-station/`` on Linux), where no keyring exists (a headless box).

A new key (32 random bytes) is made only for a database that has none yet (a new file, or a
plain file from an earlier version being encrypted), kept in the keyring when there is one,
else in the key file, which the station then says once on standard error. A raw key, not a
passphrase: SQLCipher then runs no key derivation on every connection, and the key is random
anyway.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir

from station.secret_store import KeyringUnavailable, read_secret, store_secret

__all__ = [
    "KEYRING_NAME",
    "KEY_ENV",
    "DatabaseKey",
    "DatabaseKeyError",
    "create_key",
    "find_key",
    "keep_key",
    "key_file",
]

_LOGGER = logging.getLogger(__name__)

KEY_ENV = "VITALS_STATION_DB_KEY"
KEYRING_NAME = "database-key"
KEY_FILE_NAME = "database.key"
APP_NAME = "vitals-station"
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")


class DatabaseKeyError(Exception):
    """The key is malformed or cannot be kept; the message says what to do."""


@dataclass(frozen=True, slots=True)
class DatabaseKey:
    hex: str = ""  # 64 hexadecimal characters
    source: str = ""  # "environment", "keyring" or "key file"

    def __repr__(self) -> str:  # never the key itself, in a log or a traceback
        return f"DatabaseKey(source={self.source!r})"

    @property
    def pragma(self) -> str:
        """SQLCipher's raw-key literal, for ``PRAGMA key`` and ``ATTACH ... KEY``."""
        return f"\"x'{self.hex}'\""


def key_file() -> Path:
    return Path(user_config_dir(APP_NAME, appauthor=False)) / KEY_FILE_NAME


def _checked(text: str, where: str) -> str:
    value = text.strip()
    if not _HEX_KEY.fullmatch(value):
        raise DatabaseKeyError(
            f"the database key in {where} is not 64 hexadecimal characters (a 256-bit key)"
        )
    return value.lower()


def find_key(environ: Mapping[str, str] | None = None) -> DatabaseKey | None:
    """The database key from the environment, the keyring or the key file; None if none."""
    env = os.environ if environ is None else environ
    if env.get(KEY_ENV):
        return DatabaseKey(_checked(env[KEY_ENV], KEY_ENV), "environment")
    from_keyring = read_secret(KEYRING_NAME)
    if from_keyring:
        return DatabaseKey(_checked(from_keyring, "the OS keyring"), "keyring")
    path = key_file()
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatabaseKeyError(f"the database key file {path} cannot be read: {exc}") from exc
    return DatabaseKey(_checked(text, str(path)), "key file")


def _write_key_file(value: str) -> Path:
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.new")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)
    return path


def keep_key(value: str, source: str) -> DatabaseKey:
    """Keep ``value`` where ``source`` says (``keyring`` or ``key file``)."""
    if source == "keyring":
        try:
            store_secret(KEYRING_NAME, value)
        except KeyringUnavailable as exc:
            raise DatabaseKeyError(f"the new database key cannot be kept: {exc}") from exc
        return DatabaseKey(value, "keyring")
    if source == "key file":
        try:
            _write_key_file(value)
        except OSError as exc:
            raise DatabaseKeyError(f"the database key file cannot be written: {exc}") from exc
        return DatabaseKey(value, "key file")
    raise DatabaseKeyError(f"a database key cannot be kept in the {source}")


def create_key() -> DatabaseKey:
    """A new key, kept in the keyring, else in the owner-only key file (said once)."""
    value = secrets.token_hex(32)
    try:
        store_secret(KEYRING_NAME, value)
    except KeyringUnavailable:
        kept = keep_key(value, "key file")
        message = (
            f"note: no OS keyring on this machine; the database key is in {key_file()} "
            "(readable by this user only). Keep a copy elsewhere: without it the database "
            "cannot be opened.\n"
        )
        sys.stderr.write(message)
        _LOGGER.warning("database key kept in the key file %s (no OS keyring)", key_file())
        return kept
    return DatabaseKey(value, "keyring")
