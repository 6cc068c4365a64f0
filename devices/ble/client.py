"""The part of bleak's ``BleakClient`` the sessions use, as a protocol.

``tests/devices/test_bleak_conformance.py`` checks the real bleak still has these names and
parameters, so a fake that satisfies this protocol cannot drift away from reality unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

__all__ = ["BleClient", "ClientFactory", "NotifyHandler"]

NotifyHandler = Callable[[bytes], None]


class BleClient(Protocol):
    @property
    def is_connected(self) -> bool: ...

    async def connect(self) -> None: ...

    async def disconnect(self) -> None: ...

    async def start_notify(self, uuid: str, handler: NotifyHandler) -> None:
        """Subscribe; bleak enables indications where the characteristic only indicates."""
        ...

    async def write_gatt_char(self, uuid: str, data: bytes, response: bool) -> None: ...

    def has_characteristic(self, uuid: str) -> bool: ...


# (address, called when the link drops) -> client
ClientFactory = Callable[[str, Callable[[], None]], BleClient]
