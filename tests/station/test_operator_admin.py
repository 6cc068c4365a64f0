"""The admin manages operators at the desk (issue 12), at the station level on a real
database: every action refused below an admin with nothing changed, each change audited
under the admin signed in, refusals in both languages with the field they concern."""

from __future__ import annotations

import asyncio

import pytest

from station.operator_admin import OperatorChange
from station.operators import Role
from station.roles import Permission, reason_en, reason_id
from station.service import ErrorCode, StationError
from station.store.audit_verify import verify_audit
from station.store.operators import OperatorStore
from tests.station.desk_harness import snapshot
from tests.station.test_desk_sign_in import (
    ADMIN,
    ADMIN_PIN,
    WORKER,
    WORKER_PIN,
    add,
    audit_entries,
)

NEW_NIK = "3174015507850002"
SUPERVISOR, SUPERVISOR_PIN = "Sri Wahyuni", "602817"

# Every admin action with good arguments (a refusal must not depend on a bad one).
ACTIONS = (
    ("list_operators", ()),
    ("add_operator", ("Dewi Kartika", "health_worker", NEW_NIK, "551902")),
    ("disable_operator", (WORKER,)),
    ("set_operator_nik", (WORKER, NEW_NIK)),
    ("set_operator_pin", (WORKER, "551902")),
)


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.fixture
def desk(make_desk):
    desk = make_desk(sign_in_required=True)
    add(desk, ADMIN, "admin", ADMIN_PIN)
    add(desk, WORKER, "health_worker", WORKER_PIN)
    add(desk, SUPERVISOR, "supervisor", SUPERVISOR_PIN)
    OperatorStore(desk.database).demo_operator(desk.clock())
    return desk


@pytest.mark.parametrize(
    ("who", "pin"), [(None, None), (WORKER, WORKER_PIN), (SUPERVISOR, SUPERVISOR_PIN)]
)
@pytest.mark.parametrize(("action", "args"), ACTIONS)
def test_below_an_admin_every_operator_action_is_refused(desk, who, pin, action, args):
    async def scenario():
        if who is not None:
            await desk.station.sign_in(who, pin)
        rows = snapshot(desk.database)
        with pytest.raises(StationError) as info:
            await getattr(desk.station, action)(*args)
        assert snapshot(desk.database) == rows
        return info.value

    error = run(scenario())
    if who is None:
        assert error.code is ErrorCode.NOT_SIGNED_IN
    else:
        assert error.code is ErrorCode.NOT_PERMITTED
        assert (error.message_id, error.message_en) == (
            reason_id(Permission.OPERATORS),
            reason_en(Permission.OPERATORS),
        )
        assert "admin" in error.message_id


def test_the_admin_adds_changes_and_disables_audited_under_their_name(desk):
    station = desk.station

    async def scenario():
        admin = await station.sign_in(ADMIN, ADMIN_PIN)
        listed = await station.list_operators()
        assert listed.change is OperatorChange.LISTED
        assert [o.name for o in listed.operators] == [ADMIN, WORKER, SUPERVISOR]  # no demo
        added = await station.add_operator(" Dewi  Kartika ", "supervisor", NEW_NIK, "551902")
        assert (added.change, added.changed.name, added.changed.role) == (
            OperatorChange.ADDED,
            "Dewi Kartika",
            Role.SUPERVISOR,
        )
        assert "Dewi Kartika" in [o.name for o in added.operators]
        niks = await station.set_operator_nik(WORKER, NEW_NIK)
        assert niks.changed.practitioner_nik == NEW_NIK
        pins = await station.set_operator_pin(WORKER, "830164")
        assert pins.change is OperatorChange.PIN_SET
        disabled = await station.disable_operator(SUPERVISOR)
        assert disabled.changed.disabled
        assert {o.name: o.disabled for o in disabled.operators}[SUPERVISOR]
        return admin

    admin = run(scenario())
    changes = [(a, who) for a, who, _ in audit_entries(desk.database) if a.startswith("operator_")]
    assert changes[-4:] == [
        ("operator_added", ADMIN),
        ("operator_nik_changed", ADMIN),
        ("operator_pin_set", ADMIN),
        ("operator_disabled", ADMIN),
    ]
    assert verify_audit(desk.database).ok
    store = OperatorStore(desk.database)
    now = desk.clock()
    assert store.sign_in(WORKER, "830164", now, station_id="t").operator is not None
    assert store.sign_in(SUPERVISOR, SUPERVISOR_PIN, now, station_id="t").refusal == "disabled"
    assert store.sign_in("Dewi Kartika", "551902", now, station_id="t").operator is not None
    assert admin.role is Role.ADMIN


@pytest.mark.parametrize(
    ("action", "args", "field", "fragment_id"),
    [
        ("add_operator", ("Dewi", "health_worker", "123", "551902"), "practitioner_nik", "NIK"),
        ("add_operator", ("Dewi", "health_worker", NEW_NIK, "12"), "pin", "minimal 6"),
        ("add_operator", ("Dewi", "boss", NEW_NIK, "551902"), "role", "Peran"),
        ("add_operator", (WORKER, "health_worker", NEW_NIK, "551902"), "name", "Sudah ada"),
        ("set_operator_nik", (WORKER, "31740155078500"), "practitioner_nik", "NIK"),
        ("set_operator_nik", ("Nobody", NEW_NIK), "name", "Tidak ada petugas"),
        ("set_operator_pin", (WORKER, ""), "pin", "kosong"),
        ("set_operator_pin", ("Demo (simulated, not a person)", "551902"), "name", "demo"),
        ("disable_operator", ("Nobody",), "name", "Tidak ada petugas"),
        ("disable_operator", (f" {ADMIN} ",), "name", "akun yang sedang Anda pakai"),
    ],
)
def test_a_refused_change_says_why_beside_its_field_and_stores_nothing(
    desk, action, args, field, fragment_id
):
    async def scenario():
        await desk.station.sign_in(ADMIN, ADMIN_PIN)
        rows = snapshot(desk.database)
        with pytest.raises(StationError) as info:
            await getattr(desk.station, action)(*args)
        assert snapshot(desk.database) == rows
        return info.value

    error = run(scenario())
    assert (error.code, error.field) == (ErrorCode.INVALID_OPERATOR, field)
    assert fragment_id in error.message_id
    assert error.message_en
    assert error.message_en != error.message_id


def test_a_headless_station_may_manage_operators_as_the_command_line_may(make_desk):
    desk = make_desk()  # no sign-in required: the desk actor (the OS account) acts
    add(desk, ADMIN, "admin", ADMIN_PIN)
    listed = run(desk.station.set_operator_nik(ADMIN, NEW_NIK))
    assert listed.changed.practitioner_nik == NEW_NIK
    assert audit_entries(desk.database)[-1][:2] == ("operator_nik_changed", "os:tester")
