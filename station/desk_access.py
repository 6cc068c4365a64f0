"""Who may act at a desk now (issue 12), the rule only: pure, table-tested.

At a desk built for sign-in every action needs a signed-in operator whose role permits it
(``station.roles``); the desk is locked otherwise. The refusals are ``StationError`` values
in both languages, like every other refusal the desk shows. A sign-in refused for a wrong
PIN and for a name no operator has gives the same message, so that guessing tells no one
which names exist (the audit trail keeps which it was).
"""

from __future__ import annotations

from datetime import datetime

from station.errors import ErrorCode, StationError
from station.operators import Role
from station.roles import Permission, permits, reason_key

__all__ = ["not_permitted", "require", "sign_in_refused"]


def require(role: Role | None, permission: Permission, *, sign_in_required: bool) -> None:
    """Nothing, or the ``StationError`` that refuses ``permission`` to ``role`` (None: no one
    is signed in). Without ``sign_in_required`` (the station driven headless or by a test of
    the workflow) no one signed in may do everything, as the command line may."""
    if role is None:
        if sign_in_required:
            raise StationError.of(ErrorCode.NOT_SIGNED_IN, "access.locked")
        return
    if not permits(role, permission):
        raise not_permitted(permission)


def not_permitted(permission: Permission) -> StationError:
    """The error that refuses ``permission``, naming the least role that has it."""
    return StationError.of(ErrorCode.NOT_PERMITTED, *reason_key(permission))


def sign_in_refused(refusal: str, retry_at: datetime | None, now: datetime) -> StationError:
    """What the desk says for a refused sign-in (``refusal`` as ``OperatorStore.sign_in``
    gives it: ``wrong``, ``unknown``, ``locked`` or ``disabled``)."""
    if refusal == "locked" and retry_at is not None:
        minutes = max(1, -(-int((retry_at - now).total_seconds()) // 60))
        if minutes == 1:
            return StationError.of(
                ErrorCode.SIGN_IN_REFUSED, "sign_in.locked_one_minute", field="pin"
            )
        return StationError.of(
            ErrorCode.SIGN_IN_REFUSED, "sign_in.locked", {"minutes": minutes}, field="pin"
        )
    if refusal == "disabled":
        return StationError.of(ErrorCode.SIGN_IN_REFUSED, "sign_in.disabled", field="name")
    return StationError.of(ErrorCode.SIGN_IN_REFUSED, "sign_in.wrong", field="pin")
