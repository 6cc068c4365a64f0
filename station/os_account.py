"""The OS account running this process: whom the audit trail names for what the command
line, ``sync`` and the desk do with no operator signed in (issue 12)."""

from __future__ import annotations

import getpass

from station.audit import Actor

__all__ = ["os_actor", "os_user"]


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name and no passwd entry (a bare container)
        return "unknown"


def os_actor() -> Actor:
    return Actor.os_account(os_user())
