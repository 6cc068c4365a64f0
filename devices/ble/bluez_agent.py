"""A BlueZ pairing agent for a kiosk with no one to click "pair" (Linux only).

bleak's ``pair()`` registers no agent, and BlueZ refuses Just-Works pairing without one
(docs/reference/device-protocols.md 0.4 and 3.3). This agent registers with capability
``NoInputNoOutput`` and confirms pairing and service authorisation **only for the devices the
station is configured to use**; anything else is rejected. It never invents a PIN or passkey: a
device that asks for one (it needs a person to read or type digits) is rejected with a reason, and
the README tells the clinic to pair such a device once by hand.

Uses dbus-fast, which bleak already depends on; nothing here runs unless a Bluetooth device is
configured on Linux.
"""

# No "from __future__ import annotations": dbus-fast reads the annotations at class creation.

import logging
from collections.abc import Iterable

from dbus_fast import BusType, DBusError
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusObjectPath, DBusStr, DBusUInt16, DBusUInt32
from dbus_fast.service import ServiceInterface, method

__all__ = ["AGENT_PATH", "PairingAgent", "register_agent"]

_LOGGER = logging.getLogger(__name__)

AGENT_PATH = "/org/vitals_station/agent"
CAPABILITY = "NoInputNoOutput"
BLUEZ = "org.bluez"
REJECTED = "org.bluez.Error.Rejected"


def _address_of(device_path: str) -> str:
    """``/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF`` -> ``AA:BB:CC:DD:EE:FF``."""
    return device_path.rsplit("/", 1)[-1].removeprefix("dev_").replace("_", ":").upper()


class PairingAgent(ServiceInterface):
    """org.bluez.Agent1 that says yes only to the configured devices."""

    def __init__(self, allowed_addresses: Iterable[str]) -> None:
        super().__init__("org.bluez.Agent1")
        self.allowed = frozenset(a.upper() for a in allowed_addresses)
        self.confirmed: list[str] = []

    def _check(self, device: str, what: str) -> None:
        address = _address_of(device)
        if address not in self.allowed:
            _LOGGER.warning("rejected %s from unconfigured device %s", what, address)
            raise DBusError(REJECTED, f"{address} is not a device configured at this station")
        self.confirmed.append(address)

    @method(name="Release")
    def release(self) -> None:
        _LOGGER.info("BlueZ released the pairing agent")

    @method(name="RequestConfirmation")
    def request_confirmation(self, device: DBusObjectPath, passkey: DBusUInt32) -> None:
        del passkey  # NoInputNoOutput: nobody can compare it; Just Works for known devices
        self._check(device, "pairing")

    @method(name="RequestAuthorization")
    def request_authorization(self, device: DBusObjectPath) -> None:
        self._check(device, "pairing")

    @method(name="AuthorizeService")
    def authorize_service(self, device: DBusObjectPath, uuid: DBusStr) -> None:
        self._check(device, f"service {uuid}")

    @method(name="RequestPinCode")
    def request_pin_code(self, device: DBusObjectPath) -> DBusStr:
        raise DBusError(
            REJECTED, f"{_address_of(device)} asks for a PIN: pair it once by hand (README)"
        )

    @method(name="RequestPasskey")
    def request_passkey(self, device: DBusObjectPath) -> DBusUInt32:
        raise DBusError(
            REJECTED, f"{_address_of(device)} asks for a passkey: pair it once by hand (README)"
        )

    @method(name="DisplayPasskey")
    def display_passkey(
        self, device: DBusObjectPath, passkey: DBusUInt32, entered: DBusUInt16
    ) -> None:
        del device, passkey, entered

    @method(name="DisplayPinCode")
    def display_pin_code(self, device: DBusObjectPath, pincode: DBusStr) -> None:
        del device, pincode

    @method(name="Cancel")
    def cancel(self) -> None:
        _LOGGER.info("BlueZ cancelled a pairing request")


async def register_agent(
    allowed_addresses: Iterable[str], bus: MessageBus | None = None
) -> tuple[MessageBus, PairingAgent]:
    """Export the agent and make it BlueZ's default. Keep the returned bus open while the
    station runs; closing it unregisters the agent."""
    if bus is None:
        bus = await MessageBus(bus_type=BusType.SYSTEM).connect()
    agent = PairingAgent(allowed_addresses)
    bus.export(AGENT_PATH, agent)
    introspection = await bus.introspect(BLUEZ, "/org/bluez")
    manager = bus.get_proxy_object(BLUEZ, "/org/bluez", introspection).get_interface(
        "org.bluez.AgentManager1"
    )
    await manager.call_register_agent(AGENT_PATH, CAPABILITY)  # type: ignore[attr-defined]
    await manager.call_request_default_agent(AGENT_PATH)  # type: ignore[attr-defined]
    return bus, agent
