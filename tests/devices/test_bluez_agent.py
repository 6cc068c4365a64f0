"""The pairing agent over a real D-Bus daemon (a private bus), with a stand-in for BlueZ's
AgentManager1 that registers the agent and then calls it the way bluetoothd does."""

# No "from __future__ import annotations": dbus-fast reads the annotations at class creation.

import asyncio
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("dbus-daemon") is None,
    reason="needs Linux and dbus-daemon",
)

DEVICE = "/org/bluez/hci0/dev_00_09_1F_80_12_34"
STRANGER = "/org/bluez/hci0/dev_66_66_66_66_66_66"


@pytest.fixture
def bus_address():
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield daemon.stdout.readline().strip()
    finally:
        daemon.terminate()
        daemon.wait(5)
        daemon.stdout.close()


def test_agent_registers_and_confirms_only_configured_devices(bus_address):
    from dbus_fast import DBusError
    from dbus_fast.aio import MessageBus
    from dbus_fast.annotations import DBusObjectPath, DBusStr
    from dbus_fast.service import ServiceInterface, method

    from devices.ble.bluez_agent import AGENT_PATH, register_agent

    class FakeAgentManager(ServiceInterface):
        def __init__(self):
            super().__init__("org.bluez.AgentManager1")
            self.calls = []

        @method(name="RegisterAgent")
        def register(self, agent: DBusObjectPath, capability: DBusStr) -> None:
            self.calls.append(("register", agent, capability))

        @method(name="RequestDefaultAgent")
        def default(self, agent: DBusObjectPath) -> None:
            self.calls.append(("default", agent))

    async def scenario():
        bluez = await MessageBus(bus_address=bus_address).connect()
        manager = FakeAgentManager()
        bluez.export("/org/bluez", manager)
        await bluez.request_name("org.bluez")

        station_bus = await MessageBus(bus_address=bus_address).connect()
        _bus, agent = await register_agent(["00:09:1f:80:12:34"], bus=station_bus)
        assert manager.calls == [
            ("register", AGENT_PATH, "NoInputNoOutput"),
            ("default", AGENT_PATH),
        ]
        # bluetoothd now calls the agent on the station's connection
        introspection = await bluez.introspect(station_bus.unique_name, AGENT_PATH)
        proxy = bluez.get_proxy_object(station_bus.unique_name, AGENT_PATH, introspection)
        remote = proxy.get_interface("org.bluez.Agent1")
        await remote.call_request_confirmation(DEVICE, 123456)
        await remote.call_authorize_service(DEVICE, "00001810-0000-1000-8000-00805f9b34fb")
        with pytest.raises(DBusError) as stranger:
            await remote.call_request_confirmation(STRANGER, 111111)
        with pytest.raises(DBusError) as pin:
            await remote.call_request_pin_code(DEVICE)
        station_bus.disconnect()
        bluez.disconnect()
        return agent, stranger.value, pin.value

    agent, stranger, pin = asyncio.run(asyncio.wait_for(scenario(), 20))
    assert agent.confirmed == ["00:09:1F:80:12:34", "00:09:1F:80:12:34"]
    assert stranger.type == "org.bluez.Error.Rejected"
    assert "not a device configured" in stranger.text
    assert pin.type == "org.bluez.Error.Rejected"
    assert "pair it once by hand" in pin.text
