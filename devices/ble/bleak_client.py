"""bleak's ``BleakClient`` behind the ``BleClient`` protocol. The only module importing bleak
for connections; it names the connect failures whose advice differs (device not found, no
usable adapter) as a ``DeviceError`` with that cause."""

from __future__ import annotations

from collections.abc import Callable

from bleak import BleakClient
from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.exc import BleakBluetoothNotAvailableError, BleakDeviceNotFoundError

from devices.ble.client import BleClient, NotifyHandler
from devices.device import DeviceError, DeviceFault

__all__ = ["BleakClientAdapter", "bleak_client_factory"]

# Bounded connect: bleak's own timeout; the session adds an outer safety timeout on top.
CONNECT_TIMEOUT_S = 20.0


class BleakClientAdapter:
    def __init__(self, address: str, on_disconnect: Callable[[], None]) -> None:
        self._client = BleakClient(
            address,
            disconnected_callback=lambda _client: on_disconnect(),
            timeout=CONNECT_TIMEOUT_S,
        )

    @property
    def is_connected(self) -> bool:
        return self._client.is_connected

    async def connect(self) -> None:
        try:
            await self._client.connect()
        except BleakDeviceNotFoundError as exc:
            raise DeviceError(f"not advertising: {exc}", DeviceFault.NOT_FOUND) from exc
        except BleakBluetoothNotAvailableError as exc:
            raise DeviceError(
                f"no usable Bluetooth adapter: {exc}", DeviceFault.ADAPTER_MISSING
            ) from exc

    async def disconnect(self) -> None:
        await self._client.disconnect()

    async def start_notify(self, uuid: str, handler: NotifyHandler) -> None:
        def forward(_char: BleakGATTCharacteristic, data: bytearray) -> None:
            handler(bytes(data))

        await self._client.start_notify(uuid, forward)

    async def write_gatt_char(self, uuid: str, data: bytes, response: bool) -> None:
        await self._client.write_gatt_char(uuid, data, response=response)

    def has_characteristic(self, uuid: str) -> bool:
        return self._client.services.get_characteristic(uuid) is not None


def bleak_client_factory(address: str, on_disconnect: Callable[[], None]) -> BleClient:
    return BleakClientAdapter(address, on_disconnect)
