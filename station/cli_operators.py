"""``vitals-station operator add NAME --role ROLE --practitioner-nik NIK`` (the PIN read from
standard input, never an argument), ``operator list``, ``operator disable NAME`` (issue 12;
contract: ``docs/design.md`` section 4). JSON on stdout; bad input exits 2 with one line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from config.settings import Settings
from station.cli_output import UsageError, print_json, read_secret_input

if TYPE_CHECKING:
    from station.store.operators import Operator

__all__ = ["add_operator_commands"]


def _read_secret() -> str:
    """The PIN from standard input: asked twice without echo at a terminal, else one line."""
    return read_secret_input(
        "PIN: ", confirm="PIN again: ", mismatch="operator add: the two PINs differ"
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


def _cmd_operator(args: argparse.Namespace, settings: Callable[[], Settings]) -> int:
    from station.operators import OperatorError  # noqa: PLC0415
    from station.store.operators import OperatorStore, OperatorStoreError  # noqa: PLC0415
    from station.wiring import open_store, os_actor  # noqa: PLC0415

    if args.operator_command is None:
        raise UsageError("operator: say add, list or disable")
    secret = _read_secret() if args.operator_command == "add" else ""
    store = open_store(settings())
    # The command line serves whoever holds the database (the clinic's IT person): every
    # change is audited under the OS account that ran it.
    actor, station_id = os_actor(), settings().station.id
    try:
        operators = OperatorStore(store.database)
        if args.operator_command == "list":
            print_json([_json(o) for o in operators.list()])
        elif args.operator_command == "disable":
            print_json(
                _json(
                    operators.disable(
                        args.name, actor=actor, station_id=station_id, now=datetime.now(UTC)
                    )
                )
            )
        else:
            added = operators.add(
                args.name,
                args.role,
                args.practitioner_nik,
                secret,
                datetime.now(UTC),
                actor=actor,
                station_id=station_id,
            )
            print_json(_json(added))
        return 0
    except (OperatorError, OperatorStoreError) as exc:
        raise UsageError(f"operator {args.operator_command}: {exc}") from exc
    finally:
        store.database.close()


def add_operator_commands(sub: Any) -> None:
    """Register ``operator add|list|disable`` on the command line's subparsers."""
    operator = sub.add_parser("operator", help="add, list or disable desk operators")
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
