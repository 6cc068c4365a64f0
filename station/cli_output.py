"""What every ``vitals-station`` subcommand module shares: the bad-input error (printed as
``error: ...`` with exit status 2 by ``station.cli.main``), JSON on stdout, and secrets read
from standard input (never an argument: arguments show in ``ps`` and shell history)."""

from __future__ import annotations

import getpass
import json
import sys
from datetime import datetime
from typing import Any

__all__ = ["UsageError", "print_json", "read_secret_input"]


class UsageError(Exception):
    """Bad input from the command line; printed as ``error: ...`` with exit status 2."""


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def read_secret_input(prompt: str, *, confirm: str | None, mismatch: str) -> str:
    """A secret from standard input: at a terminal asked without echo (and, with
    ``confirm``, asked again and refused with ``mismatch`` when the two differ); from a pipe
    the first line, without its line ending."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm is not None and getpass.getpass(confirm) != first:
            raise UsageError(mismatch)
        return first
    return sys.stdin.readline().rstrip("\r\n")
