"""What every ``vitals-station`` subcommand module shares: the bad-input error (printed as
``error: ...`` with exit status 2 by ``station.cli.main``) and JSON on stdout."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

__all__ = ["UsageError", "print_json"]


class UsageError(Exception):
    """Bad input from the command line; printed as ``error: ...`` with exit status 2."""


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
