"""Roles (issue 12): what each role may do, as a table."""

from __future__ import annotations

import pytest

from station.operators import Role
from station.roles import Permission, permits, reason_en, reason_id, role_name

P = Permission
H, S, A = Role.HEALTH_WORKER, Role.SUPERVISOR, Role.ADMIN

TABLE = {
    P.RUN_VISITS: {H, S, A},
    P.TODAY: {H, S, A},
    P.CORRECTIONS: {S, A},
    P.DEAD_LETTERS: {S, A},
    P.HISTORY: {S, A},
    P.FOLLOWUPS: {S, A},
    P.EXPORTS: {S, A},
    P.OPERATORS: {A},
    P.SETTINGS: {A},
    P.DEVICES: {A},
}


def test_the_table_names_every_permission():
    assert set(TABLE) == set(Permission)


@pytest.mark.parametrize("permission", list(Permission))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_its_part(role, permission):
    assert permits(role, permission) is (role in TABLE[permission])


@pytest.mark.parametrize(
    ("permission", "words_id", "words_en"),
    [
        (P.CORRECTIONS, "supervisor", "supervisor"),
        (P.OPERATORS, "admin", "admin"),
        (P.RUN_VISITS, "petugas kesehatan", "health worker"),
    ],
)
def test_a_refusal_says_who_may(permission, words_id, words_en):
    assert words_id in reason_id(permission)
    assert words_en in reason_en(permission)


def test_role_names_in_both_languages():
    assert role_name(H, "id") == "petugas kesehatan"
    assert role_name(A, "en") == "admin"
