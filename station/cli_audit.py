"""``vitals-station audit verify`` and ``audit show [--since WHEN]`` (issue 12; contract:
``docs/design.md`` section 4). ``verify`` prints ``{"ok", "entries", "first_bad", "reason"}``
and exits 0 when the chain and the records are intact, 1 when not. ``show`` prints the
entries (oldest first); they hold ids, never a NIK or a name."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json

if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["EXIT_AUDIT_BROKEN", "add_audit_commands"]

EXIT_AUDIT_BROKEN = 1


def _since(text: str | None) -> datetime | None:
    """``--since``: an ISO date (local midnight) or date and time (local unless it says)."""
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"audit show --since: {text!r} is not a date or time like 2026-12-01 "
            "or 2026-12-01T08:00"
        ) from None
    if when.tzinfo is None:
        when = when.astimezone()  # the station's local time, as the desk shows it
    return when.astimezone(UTC)


def _cmd_audit(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from sqlalchemy import select  # noqa: PLC0415

    from station.command_store import open_store  # noqa: PLC0415
    from station.store.audit_verify import verify_audit  # noqa: PLC0415
    from station.store.models import AuditEntryRow  # noqa: PLC0415

    if args.audit_command is None:
        raise UsageError("audit: say verify or show")
    since = _since(getattr(args, "since", None))
    store = open_store(settings())
    try:
        if args.audit_command == "verify":
            report = verify_audit(store.database)
            print_json(report.to_json())
            return 0 if report.ok else EXIT_AUDIT_BROKEN
        query = select(AuditEntryRow).order_by(AuditEntryRow.sequence)
        if since is not None:
            query = query.where(AuditEntryRow.at >= since)
        with store.database.sessions() as session:
            print_json(
                [
                    {
                        "sequence": row.sequence,
                        "at": row.at,
                        "station_id": row.station_id,
                        "actor": row.actor,
                        "operator_id": row.operator_id,
                        "action": row.action,
                        "record_kind": row.record_kind,
                        "record_id": row.record_id,
                        "detail": json.loads(row.detail_json),
                    }
                    for row in session.scalars(query)
                ]
            )
        return 0
    finally:
        store.database.close()


def add_audit_commands(sub: Any) -> None:
    """Register ``audit verify|show`` on the command line's subparsers."""
    audit = sub.add_parser("audit", help="check or show the tamper-evident audit trail")
    audit.set_defaults(handler=_cmd_audit, audit_command=None)
    actions = audit.add_subparsers(dest="audit_command", parser_class=type(audit))
    actions.add_parser(
        "verify", help="check the chain and every reading and visit (exit 1 if broken)"
    ).set_defaults(handler=_cmd_audit)
    show = actions.add_parser("show", help="the entries, oldest first (JSON)")
    show.add_argument("--since", metavar="WHEN", help="from this date or time (local)")
    show.set_defaults(handler=_cmd_audit)
