"""``vitals-station secret set`` (issue 12): the SATUSEHAT client secret into the OS keyring,
read from standard input (asked twice without echo at a terminal), never an argument, never
printed. ``SATUSEHAT_CLIENT_SECRET`` in the environment or the settings file still wins
(``station.upload.wiring.client_secret``); a machine without a keyring is told to use it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from station.cli_output import UsageError, print_json, read_secret_input

if TYPE_CHECKING:
    from config.settings import Settings

__all__ = ["add_secret_commands"]


def _read_value() -> str:
    return read_secret_input(
        "SATUSEHAT client secret: ",
        confirm="Again: ",
        mismatch="secret set: the two entries differ",
    )


def _cmd_secret(args: argparse.Namespace, _settings: Callable[[], Settings]) -> int:
    from station.secret_store import (  # noqa: PLC0415
        CLIENT_SECRET_NAME,
        KeyringUnavailable,
        store_secret,
    )

    if args.secret_command is None:  # "set" is the only action
        raise UsageError("secret: say set")
    value = _read_value()
    if not value.strip():
        raise UsageError("secret set: the client secret is empty (read from standard input)")
    try:
        store_secret(CLIENT_SECRET_NAME, value)
    except KeyringUnavailable as exc:
        raise UsageError(
            f"secret set: {exc}; set SATUSEHAT_CLIENT_SECRET in the environment of the "
            "station's service instead"
        ) from exc
    print_json({"stored": CLIENT_SECRET_NAME, "where": "OS keyring"})
    return 0


def add_secret_commands(sub: Any) -> None:
    """Register ``secret set`` on the command line's subparsers."""
    secret = sub.add_parser("secret", help="keep the SATUSEHAT client secret in the OS keyring")
    secret.set_defaults(handler=_cmd_secret, secret_command=None)
    actions = secret.add_subparsers(dest="secret_command", parser_class=type(secret))
    actions.add_parser("set", help="store it, read from standard input")
