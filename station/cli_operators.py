"""``vitals-station operator add NAME --role ROLE --practitioner-nik NIK`` (the PIN read from
standard input, never an argument), ``operator list``, ``operator disable NAME``,
``operator set-nik NAME NIK`` and ``operator set-pin NAME`` (the new PIN from standard input;
it also ends a lockout) (issue 12; contract: ``docs/design.md`` section 4). JSON on stdout,
the NIK masked and never a PIN; bad input exits 2 with one line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json, read_secret_input

if TYPE_CHECKING:
    from station.audit import Actor
    from station.store.operators import Operator, OperatorStore


if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["add_operator_commands"]

# The subcommands that read a PIN from standard input (before the database is opened).
_READS_PIN = frozenset({"add", "set-pin"})


def _read_secret(command: str) -> str:
    """The PIN from standard input: asked twice without echo at a terminal, else one line."""
    return read_secret_input(
        "PIN: ", confirm="PIN again: ", mismatch=f"operator {command}: the two PINs differ"
    )


def _json(operator: Operator) -> dict[str, Any]:
    return {
        "name": operator.name,
        "role": str(operator.role),
        "practitioner_nik_masked": _mask(operator.practitioner_nik),
        "disabled": operator.disabled,
        "builtin": operator.builtin,
        "created_at": operator.created_at.isoformat(),
    }


def _mask(nik: str) -> str:
    from station.person import mask_nik  # noqa: PLC0415

    return mask_nik(nik)


def _change(
    args: argparse.Namespace, operators: OperatorStore, secret: str, actor: Actor, station_id: str
) -> Operator:
    """The one operator ``add``, ``disable``, ``set-nik`` or ``set-pin`` changed."""
    now = datetime.now(UTC)
    match args.operator_command:
        case "add":
            return operators.add(
                args.name,
                args.role,
                args.practitioner_nik,
                secret,
                now,
                actor=actor,
                station_id=station_id,
            )
        case "disable":
            return operators.disable(args.name, actor=actor, station_id=station_id, now=now)
        case "set-nik":
            return operators.set_practitioner_nik(
                args.name, args.nik, actor=actor, station_id=station_id, now=now
            )
        case _:
            return operators.set_pin(args.name, secret, actor=actor, station_id=station_id, now=now)


def _cmd_operator(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.command_store import open_store  # noqa: PLC0415
    from station.operators import OperatorError  # noqa: PLC0415
    from station.os_account import os_actor  # noqa: PLC0415
    from station.store.operators import OperatorStore, OperatorStoreError  # noqa: PLC0415

    command = args.operator_command
    if command is None:
        raise UsageError("operator: say add, list, disable, set-nik or set-pin")
    secret = _read_secret(command) if command in _READS_PIN else ""
    store = open_store(settings())
    # The command line serves whoever holds the database (the clinic's IT person): every
    # change is audited under the OS account that ran it.
    actor, station_id = os_actor(), settings().station.id
    try:
        operators = OperatorStore(store.database)
        if command == "list":
            print_json([_json(o) for o in operators.list()])
        else:
            print_json(_json(_change(args, operators, secret, actor, station_id)))
        return 0
    except (OperatorError, OperatorStoreError) as exc:
        raise UsageError(f"operator {command}: {exc}") from exc
    finally:
        store.database.close()


def add_operator_commands(sub: Any) -> None:
    """Register ``operator add|list|disable|set-nik|set-pin`` on the command line's
    subparsers."""
    operator = sub.add_parser(
        "operator", help="add, list, disable desk operators, change their NIK or PIN"
    )
    operator.set_defaults(handler=_cmd_operator, operator_command=None)
    actions = operator.add_subparsers(dest="operator_command", parser_class=type(operator))
    add = actions.add_parser("add", help="add an operator; the PIN is read from standard input")
    add.add_argument("name")
    add.add_argument("--role", required=True, help="health_worker, supervisor or admin")
    add.add_argument("--practitioner-nik", required=True, help="the operator's own NIK")
    add.set_defaults(handler=_cmd_operator)
    actions.add_parser("list", help="every operator (JSON; no PIN)").set_defaults(
        handler=_cmd_operator
    )
    disable = actions.add_parser("disable", help="disable an operator (kept for the record)")
    disable.add_argument("name")
    disable.set_defaults(handler=_cmd_operator)
    set_nik = actions.add_parser("set-nik", help="change an operator's practitioner NIK")
    set_nik.add_argument("name")
    set_nik.add_argument("nik", help="the operator's own NIK (16 digits)")
    set_nik.set_defaults(handler=_cmd_operator)
    set_pin = actions.add_parser(
        "set-pin",
        help="give an operator a new PIN, read from standard input (also ends a lockout)",
    )
    set_pin.add_argument("name")
    set_pin.set_defaults(handler=_cmd_operator)
