"""``vitals-station outbox`` and ``outbox retry``: the failed and dead upload entries, and
putting them back to pending, without the desk app (contract: ``docs/design.md`` section 4).

``outbox`` prints a JSON list, dead entries first, one object per entry: ``visit_id``,
``reading_id``, ``queue_number``, ``nik_masked``, ``state`` (``failed`` or ``dead``),
``attempts``, ``message`` (the server's or the station's), ``rule_numbers`` (SATUSEHAT
RuleNumbers) and ``next_attempt`` (ISO 8601, or null for a dead entry).

``outbox retry --all-dead`` puts every dead entry back to pending; ``outbox retry VISIT_ID...``
the failed and dead entries of those visits. It prints ``{"retried": N}``. An unknown visit id
is bad input (exit 2) and changes nothing. The next ``sync`` sends them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json

if TYPE_CHECKING:
    from station.store.outbox import ProblemEntry


if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["add_outbox_commands"]


def _cmd_outbox(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.audit import AuditAction  # noqa: PLC0415
    from station.command_store import audit_command, open_store  # noqa: PLC0415
    from station.store.outbox import UnknownVisits, UploadStore  # noqa: PLC0415

    if args.outbox_command == "retry" and args.all_dead == bool(args.visit_ids):
        raise UsageError("outbox retry: give --all-dead or one or more VISIT_ID, not both")
    store = open_store(settings())
    try:
        outbox = UploadStore(store.database)
        if args.outbox_command != "retry":
            problems = outbox.problems(limit=None)
            print_json([_problem_json(p) for p in problems])
            return 0
        now = datetime.now(UTC)
        try:
            count = (
                outbox.retry_dead(now)
                if args.all_dead
                else outbox.retry_visits(args.visit_ids, now)
            )
        except UnknownVisits as exc:
            raise UsageError(f"outbox retry: {exc}") from exc
        detail = {"all_dead": bool(args.all_dead), "visit_ids": list(args.visit_ids)}
        audit_command(store, settings(), AuditAction.RETRIED_UPLOAD, {**detail, "count": count})
        print_json({"retried": count})
        return 0
    finally:
        store.database.close()


def _problem_json(problem: ProblemEntry) -> dict[str, Any]:
    failed = str(problem.status) == "failed"  # a dead entry waits for a person
    next_attempt = problem.next_attempt_at if failed else None
    return {
        "visit_id": problem.visit_id,
        "reading_id": problem.reading_id,
        "queue_number": problem.queue_number,
        "nik_masked": problem.nik_masked,
        "state": str(problem.status),
        "attempts": problem.attempts,
        "message": problem.error,
        "rule_numbers": list(problem.rule_numbers),
        "next_attempt": next_attempt.isoformat() if next_attempt else None,
    }


def add_outbox_commands(sub: Any) -> None:
    """Register ``outbox`` (and its ``retry``) on the command line's subparsers."""
    outbox = sub.add_parser(
        "outbox", help="the failed and dead upload entries (JSON); 'outbox retry' sends again"
    )
    outbox.set_defaults(handler=_cmd_outbox, outbox_command=None)
    actions = outbox.add_subparsers(dest="outbox_command", parser_class=type(outbox))
    retry = actions.add_parser(
        "retry", help="put dead entries (--all-dead) or a visit's failed and dead ones back"
    )
    retry.add_argument("--all-dead", action="store_true", help="every dead entry")
    retry.add_argument("visit_ids", nargs="*", metavar="VISIT_ID", help="visits to send again")
    retry.set_defaults(handler=_cmd_outbox)
