"""What each role may do at the desk (issue 12), the rule only: pure, table-tested.

A health worker runs visits (call, recall, skip, identify, measure, enter by hand, discard,
confirm, cancel, resume) and sees today's people. A supervisor may also correct visits,
handle dead letters, see other days' history and the follow-up list, and export. An admin may
also manage operators, settings and devices.

The admin holds the supervisor's powers too. A village clinic often has one or two people at
the desk and the first operator, created at first start, is an admin: an admin who could not
correct a visit or see the follow-ups would need a second account for the same person, and
the audit trail names each operator either way. Roles are therefore nested: health worker <
supervisor < admin.
"""

from __future__ import annotations

from enum import StrEnum

from station.checks.messages import texts
from station.operators import Role

__all__ = ["Permission", "permits", "reason_en", "reason_id", "reason_key", "role_name"]


class Permission(StrEnum):
    RUN_VISITS = "run_visits"
    TODAY = "today"  # today's people at the desk
    CORRECTIONS = "corrections"
    DEAD_LETTERS = "dead_letters"
    HISTORY = "history"  # other days' visits
    FOLLOWUPS = "followups"
    EXPORTS = "exports"
    OPERATORS = "operators"
    SETTINGS = "settings"
    DEVICES = "devices"


_HEALTH_WORKER = frozenset({Permission.RUN_VISITS, Permission.TODAY})
_SUPERVISOR = _HEALTH_WORKER | {
    Permission.CORRECTIONS,
    Permission.DEAD_LETTERS,
    Permission.HISTORY,
    Permission.FOLLOWUPS,
    Permission.EXPORTS,
}
_ADMIN = _SUPERVISOR | {Permission.OPERATORS, Permission.SETTINGS, Permission.DEVICES}

_GRANTED: dict[Role, frozenset[Permission]] = {
    Role.HEALTH_WORKER: _HEALTH_WORKER,
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: _ADMIN,
}


def permits(role: Role, permission: Permission) -> bool:
    """Whether an operator of ``role`` may do what ``permission`` names."""
    return permission in _GRANTED[role]


def _least_role(permission: Permission) -> Role:
    for role in (Role.HEALTH_WORKER, Role.SUPERVISOR, Role.ADMIN):
        if permits(role, permission):
            return role
    raise AssertionError(permission)  # every permission is granted to the admin


# The roles' names are the catalogue's labels ``role.<role>`` (station/checks/messages.py).
_ROLE_ID = {role: texts(f"role.{role}")[0] for role in Role}
_ROLE_EN = {role: texts(f"role.{role}")[1] for role in Role}


def role_name(role: Role, lang: str) -> str:
    """The role in words, in Bahasa Indonesia (``id``) or English."""
    return (_ROLE_ID if lang == "id" else _ROLE_EN)[role]


def reason_key(permission: Permission) -> tuple[str, dict[str, str]]:
    """Why an action is out of reach, as a catalogue key and its parameters."""
    return "access.only_for", {"role": f"role.{_least_role(permission)}"}


def reason_id(permission: Permission) -> str:
    """Why an action is out of reach, in Bahasa Indonesia (shown beside the hidden button)."""
    return texts(*reason_key(permission))[0]


def reason_en(permission: Permission) -> str:
    return texts(*reason_key(permission))[1]
