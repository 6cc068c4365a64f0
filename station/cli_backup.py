"""``vitals-station backup FILE`` and ``restore FILE`` (issue 12).

``backup`` writes one moment of the whole database (consistent while desks write), encrypted
with a passphrase (``station.backup_format``), reads it back to check it opens to the same
content before saying it is done, and writes it 0600. ``restore`` opens and checks the whole
file before it replaces anything: a damaged, foreign or wrongly keyed file, or a backup of
another schema, is refused with one line and exit 2, and the database is left as it was.
The passphrase comes from ``VITALS_STATION_BACKUP_PASSPHRASE`` or standard input (asked
twice without echo at a terminal for a backup), never from an argument.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json, read_secret_input

if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["PASSPHRASE_ENV", "add_backup_commands"]

PASSPHRASE_ENV = "VITALS_STATION_BACKUP_PASSPHRASE"  # noqa: S105 - the variable's name


def _passphrase(*, confirm: bool) -> str:
    from_environment = os.environ.get(PASSPHRASE_ENV)
    if from_environment:
        return from_environment
    return read_secret_input(
        "Backup passphrase: ",
        confirm="Passphrase again: " if confirm else None,
        mismatch="backup: the two passphrases differ",
    )


def _cmd_backup(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.audit import AuditAction  # noqa: PLC0415
    from station.backup_format import BackupError, check_passphrase, open_backup, seal_backup  # noqa: PLC0415  # noqa: PLC0415
    from station.command_store import audit_command, open_store  # noqa: PLC0415
    from station.files import write_private_atomically  # noqa: PLC0415
    from station.store.backup import snapshot  # noqa: PLC0415

    path = Path(args.file)
    passphrase = _passphrase(confirm=True)
    try:
        check_passphrase(passphrase)
    except BackupError as exc:
        raise UsageError(f"backup: {exc}") from exc
    loaded = settings()
    store = open_store(loaded)
    try:
        data = snapshot(store.database)
        payload = json.dumps(data, sort_keys=True, allow_nan=False).encode("utf-8")
        rows = {name: len(table) for name, table in data["tables"].items()}
        header = {
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "station_id": loaded.station.id,
            "schema": data["schema"],
        }
        sealed = seal_backup(payload, passphrase, header, os.urandom)
        # Self-verifying: what was written opens, with this passphrase, to the same bytes.
        if open_backup(sealed, passphrase)[1] != payload:
            raise UsageError("backup: the backup did not read back as written; not saved")
        try:
            write_private_atomically(path, sealed)
        except OSError as exc:
            raise UsageError(f"backup: cannot write {path}: {exc.strerror or exc}") from exc
        audit_command(store, loaded, AuditAction.BACKED_UP, {"rows": sum(rows.values())})
    finally:
        store.database.close()
    print_json({"file": str(path), "bytes": len(sealed), "schema": data["schema"], "rows": rows})
    return 0


def _cmd_restore(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.audit import AuditAction  # noqa: PLC0415
    from station.backup_format import BackupError, open_backup  # noqa: PLC0415
    from station.command_store import audit_command, open_store  # noqa: PLC0415
    from station.store.audit_verify import verify_audit  # noqa: PLC0415
    from station.store.backup import SnapshotError, replace_all  # noqa: PLC0415

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"restore: cannot read {path}: {exc.strerror or exc}") from exc
    passphrase = _passphrase(confirm=False)
    try:
        header, payload = open_backup(data, passphrase)
        content = json.loads(payload)
    except BackupError as exc:
        raise UsageError(f"restore: {path}: {exc}") from exc
    except ValueError as exc:
        raise UsageError(f"restore: {path}: the backup's content is not readable") from exc
    loaded = settings()
    store = open_store(loaded)
    try:
        try:
            rows = replace_all(store.database, content)
        except SnapshotError as exc:
            raise UsageError(f"restore: {path}: {exc}") from exc
        report = verify_audit(store.database)
        audit_command(store, loaded, AuditAction.RESTORED, {"created_at": header.get("created_at")})
    finally:
        store.database.close()
    print_json(
        {
            "restored": str(path),
            "created_at": header.get("created_at"),
            "station_id": header.get("station_id"),
            "rows": rows,
            "audit_ok": report.ok,
        }
    )
    return 0


def add_backup_commands(sub: Any) -> None:
    """Register ``backup FILE`` and ``restore FILE`` on the command line's subparsers."""
    backup = sub.add_parser(
        "backup", help="write an encrypted, self-verifying backup of the whole database"
    )
    backup.add_argument("file", help="the backup file to write (0600)")
    backup.set_defaults(handler=_cmd_backup)
    restore = sub.add_parser(
        "restore", help="replace the database with a backup, after checking all of it"
    )
    restore.add_argument("file", help="a file written by vitals-station backup")
    restore.set_defaults(handler=_cmd_restore)
