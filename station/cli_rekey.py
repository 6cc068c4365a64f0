"""``vitals-station rekey`` (issue 12): the local SQLite database re-encrypted under a new
key. The new file is written beside the old and checked; the new key is kept (OS keyring or
key file, wherever the old one was) before the new file takes the old one's place, so no
moment leaves a file without its key. A key from ``VITALS_STATION_DB_KEY`` cannot be replaced
by the station: the new one is read from standard input (64 hexadecimal characters), and the
service's environment is to be changed to it. A process with the old file open would go on
writing to it, so rekey is refused while any other holds it (station.file_in_use)."""

from __future__ import annotations

import argparse
import os
import re
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json, read_secret_input

if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["add_rekey_command"]

_HEX_KEY = re.compile(r"[0-9a-f]{64}")


def _cmd_rekey(_args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    from station.audit import AuditAction  # noqa: PLC0415
    from station.command_store import audit_command, open_store  # noqa: PLC0415
    from station.file_in_use import FileInUse, alone_with  # noqa: PLC0415
    from station.files import folder_lock  # noqa: PLC0415
    from station.store.db_key import (  # noqa: PLC0415
        DatabaseKey,
        DatabaseKeyError,
        find_key,
        keep_key,
    )
    from station.store.encryption import EncryptionError, rekey_file  # noqa: PLC0415

    loaded = settings()
    store = open_store(loaded)  # migrated, and proven to open with the current key
    url = store.database.url
    store.database.close()
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise UsageError(
            "rekey: the database is not a local SQLite file; on PostgreSQL the server's own "
            "protection applies (README, Database)"
        )
    path = Path(parsed.database or "")
    try:
        old = find_key()
    except DatabaseKeyError as exc:
        raise UsageError(f"rekey: {exc}") from exc
    if old is None:
        raise UsageError("rekey: no database key was found")
    if old.source == "environment":
        typed = (
            read_secret_input(
                "New database key (64 hexadecimal characters): ",
                confirm="Again: ",
                mismatch="rekey: the two entries differ",
            )
            .strip()
            .lower()
        )
        if not _HEX_KEY.fullmatch(typed):
            raise UsageError(
                "rekey: the key comes from VITALS_STATION_DB_KEY, so the new key is read "
                "from standard input: 64 hexadecimal characters"
            )
        if typed == old.hex:
            raise UsageError("rekey: the new key is the current one")
        new = DatabaseKey(typed, "environment")
    else:
        new = DatabaseKey(secrets.token_hex(32), old.source)

    def keep() -> None:
        if new.source != "environment":
            keep_key(new.hex, new.source)

    try:
        with alone_with(path), folder_lock(path.parent):
            rekey_file(path, old, new, before_swap=keep)
    except FileInUse as exc:
        raise UsageError(
            "rekey: another process has the database open (the desk, sync or a service): "
            "stop it and run rekey again; nothing was changed"
        ) from exc
    except (EncryptionError, DatabaseKeyError) as exc:
        raise UsageError(f"rekey: {exc}; the database and its key are as they were") from exc
    except Exception as exc:  # sqlcipher3's errors, OSError (a full disk …)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(
            f"rekey: stopped ({reason}); the next start of the station finishes or undoes "
            "it, and no reading is lost"
        ) from exc
    if new.source == "environment":
        sys.stderr.write(
            "note: set VITALS_STATION_DB_KEY to the new key before the station starts again\n"
        )
    if new.source == "environment":
        os.environ["VITALS_STATION_DB_KEY"] = new.hex  # this process opens it with the new one
    store = open_store(loaded)
    try:
        audit_command(store, loaded, AuditAction.REKEYED, {"kept_in": new.source})
    finally:
        store.database.close()
    print_json({"rekeyed": str(path), "key_kept_in": new.source})
    return 0


def add_rekey_command(sub: Any) -> None:
    """Register ``rekey`` on the command line's subparsers."""
    rekey = sub.add_parser("rekey", help="re-encrypt the local database under a new key")
    rekey.set_defaults(handler=_cmd_rekey)
