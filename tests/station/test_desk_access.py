"""Who may act at a desk (issue 12), the pure rules: ``station.desk_access`` (signed in, and
the role permits it), its sign-in messages, and ``station.idle_lock``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from station.desk_access import require, sign_in_refused
from station.errors import ErrorCode, StationError
from station.idle_lock import lock_due
from station.operators import Role
from station.roles import Permission

P = Permission
HW, SUP, ADMIN = Role.HEALTH_WORKER, Role.SUPERVISOR, Role.ADMIN
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("role", "permission", "refusal"),
    [
        (None, P.RUN_VISITS, ErrorCode.NOT_SIGNED_IN),
        (None, P.TODAY, ErrorCode.NOT_SIGNED_IN),
        (HW, P.RUN_VISITS, None),
        (HW, P.TODAY, None),
        (HW, P.CORRECTIONS, ErrorCode.NOT_PERMITTED),
        (HW, P.DEAD_LETTERS, ErrorCode.NOT_PERMITTED),
        (HW, P.FOLLOWUPS, ErrorCode.NOT_PERMITTED),
        (HW, P.OPERATORS, ErrorCode.NOT_PERMITTED),
        (SUP, P.CORRECTIONS, None),
        (SUP, P.FOLLOWUPS, None),
        (SUP, P.OPERATORS, ErrorCode.NOT_PERMITTED),
        (SUP, P.SETTINGS, ErrorCode.NOT_PERMITTED),
        (ADMIN, P.OPERATORS, None),
        (ADMIN, P.CORRECTIONS, None),
        (ADMIN, P.RUN_VISITS, None),
    ],
)
def test_a_desk_that_needs_sign_in_refuses_by_role(role, permission, refusal):
    if refusal is None:
        require(role, permission, sign_in_required=True)
        return
    with pytest.raises(StationError) as info:
        require(role, permission, sign_in_required=True)
    assert info.value.code is refusal
    assert info.value.message_id
    assert info.value.message_en


def test_without_sign_in_no_one_signed_in_may_act_but_a_role_still_limits():
    require(None, P.CORRECTIONS, sign_in_required=False)
    with pytest.raises(StationError) as info:
        require(HW, P.CORRECTIONS, sign_in_required=False)
    assert info.value.code is ErrorCode.NOT_PERMITTED
    assert "supervisor" in info.value.message_en


@pytest.mark.parametrize(
    ("refusal", "retry_in", "field", "fragment_en", "fragment_id"),
    [
        ("wrong", None, "pin", "Wrong name or PIN", "Nama atau PIN salah"),
        ("unknown", None, "pin", "Wrong name or PIN", "Nama atau PIN salah"),
        ("locked", timedelta(minutes=5), "pin", "in 5 minutes", "dalam 5 menit"),
        ("locked", timedelta(seconds=61), "pin", "in 2 minutes", "dalam 2 menit"),
        ("locked", timedelta(seconds=20), "pin", "in 1 minute.", "dalam 1 menit"),
        ("disabled", None, "name", "disabled", "dinonaktifkan"),
    ],
)
def test_sign_in_refusals_say_what_to_do_and_never_which_of_name_or_pin(
    refusal, retry_in, field, fragment_en, fragment_id
):
    error = sign_in_refused(refusal, NOW + retry_in if retry_in else None, NOW)
    assert error.code is ErrorCode.SIGN_IN_REFUSED
    assert error.field == field
    assert fragment_en in error.message_en
    assert fragment_id in error.message_id


@pytest.mark.parametrize(
    ("idle_seconds", "minutes", "due"),
    [
        (0, 5, False),
        (299.9, 5, False),
        (300, 5, True),
        (3 * 3600, 5, True),
        (59, 1, False),
        (60, 1, True),
        (14399, 240, False),
        (14400, 240, True),
    ],
)
def test_the_desk_locks_after_the_idle_minutes(idle_seconds, minutes, due):
    assert lock_due(idle_seconds, minutes) is due


def test_an_idle_time_below_a_minute_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        lock_due(0, 0)
