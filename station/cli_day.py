"""``vitals-station visits``, ``summary`` and ``followups``: the desk day without the desk app
(contract: ``docs/design.md`` section 4; what each number counts: ``station.day`` and
``station.followup``).

- ``visits [--date YYYY-MM-DD]``: the visits started that day at every desk sharing the
  database, oldest first: ``visit_id``, ``queue_number``, ``started_at`` (ISO 8601 in the
  station's local time, with its offset), ``status`` (``open``, ``confirmed``, ``cancelled``),
  ``nik_masked``, ``name``, ``referral`` (null until confirmed) and ``upload``: ``sent`` (every
  entry sent), ``dead`` (one waits for a person), ``waiting`` (still to be sent; an open visit's
  entries wait for its confirmation) or ``none`` (nothing to send: a cancelled visit).
- ``summary [--date YYYY-MM-DD]``: the day's counts.
- ``followups [--due] [--csv FILE]``: every confirmed visit with a referral, with its due date
  (``due``) and ``returned``; ``--due`` keeps those due or overdue today and not back yet;
  ``--csv FILE`` also writes the list as CSV (owner-only, atomically).

The day is the station's local date; without ``--date``, today.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from station.cli_output import UsageError, print_json

if TYPE_CHECKING:
    from station.store.day_queries import DayQueries


if TYPE_CHECKING:
    from config.settings import Settings
    from station.audit import AuditAction

__all__ = ["add_day_commands", "parse_day"]

_T = TypeVar("_T")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date:
    """A ``--date`` value: exactly YYYY-MM-DD, a real calendar day."""
    if not _DAY.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a day of the calendar") from None


def _today() -> date:
    from station.wiring import system_clock  # noqa: PLC0415

    return system_clock().date()


def _read(
    settings: Settings,
    read: Callable[[DayQueries], _T],
    viewed: tuple[AuditAction, dict[str, Any]] | None = None,
) -> _T:
    """``read`` on the database; ``viewed``: the audit entry for a list of people (under
    the OS account), written once the list was read."""
    from station.command_store import audit_command, open_store  # noqa: PLC0415
    from station.store.day_queries import DayQueries  # noqa: PLC0415

    store = open_store(settings)
    try:
        result = read(DayQueries(store.database))
        if viewed is not None:
            audit_command(store, settings, *viewed)
        return result
    finally:
        store.database.close()


def _cmd_visits(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    day = args.date or _today()
    from station.audit import AuditAction  # noqa: PLC0415 - the command line starts fast

    viewed = (AuditAction.VIEWED_HISTORY, {"command": "visits", "day": day.isoformat()})
    visits = _read(settings(), lambda queries: queries.visits(day), viewed)
    print_json([visit.to_json() for visit in visits])
    return 0


def _cmd_summary(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    day = args.date or _today()
    print_json(_read(settings(), lambda queries: queries.summary(day)).to_json())
    return 0


def _cmd_followups(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.files import write_private_atomically  # noqa: PLC0415
    from station.followup import followups_csv  # noqa: PLC0415

    path = Path(args.csv) if args.csv else None
    if path is not None:
        folder = path.parent if str(path.parent) else Path()
        if not folder.is_dir():
            raise UsageError(f"--csv: folder {folder} does not exist")
        if path.is_dir():
            raise UsageError(f"--csv: {path} is a folder, not a file")
    due_on = _today() if args.due else None
    from station.audit import AuditAction  # noqa: PLC0415 - the command line starts fast

    viewed = (AuditAction.VIEWED_FOLLOWUPS, {"due": bool(args.due), "csv": path is not None})
    followups = _read(settings(), lambda queries: queries.followups(due_on=due_on), viewed)
    if path is not None:
        try:
            write_private_atomically(path, followups_csv(followups))
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print_json([item.to_json() for item in followups])
    return 0


def add_day_commands(sub: Any) -> None:
    """Register ``visits``, ``summary`` and ``followups`` on the command line's subparsers."""
    for name, handler, text in (
        ("visits", _cmd_visits, "the day's list of visits, every desk (JSON)"),
        ("summary", _cmd_summary, "the day's counts: visits, skips, referrals, uploads (JSON)"),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument(
            "--date", type=parse_day, default=None, metavar="YYYY-MM-DD", help="default: today"
        )
        command.set_defaults(handler=handler)
    followups = sub.add_parser(
        "followups", help="referred people, their due date and whether they came back (JSON)"
    )
    followups.add_argument(
        "--due", action="store_true", help="only those due or overdue today and not back yet"
    )
    followups.add_argument("--csv", metavar="FILE", help="also write the list to FILE as CSV")
    followups.set_defaults(handler=_cmd_followups)
