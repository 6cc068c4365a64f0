"""An in-process fake of the BleClient protocol that replays a script of GATT traffic."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class FakeBleClient:
    """Scripted peripheral. ``script`` is a list of steps run after subscription:
    ``("notify", uuid, bytes)``, ``("sleep", seconds)`` or ``("drop",)``."""

    def __init__(self, on_disconnect, *, fail_connects=0, script=(), characteristics=()):
        self._on_disconnect = on_disconnect
        self.fail_connects = fail_connects
        self.script = list(script)
        self.characteristics = set(characteristics)
        self.handlers: dict[str, Callable[[bytes], None]] = {}
        self.writes: list[tuple[str, bytes]] = []
        self.is_connected = False
        self.connect_calls = 0
        self._player: asyncio.Task | None = None

    async def connect(self):
        self.connect_calls += 1
        if self.fail_connects > 0:
            self.fail_connects -= 1
            raise OSError("org.bluez.Error.Failed: le-connection-abort-by-local")
        self.is_connected = True

    async def disconnect(self):
        self.is_connected = False

    async def start_notify(self, uuid, handler):
        self.handlers[uuid] = handler
        if self._player is None and uuid.startswith("00002a35"):
            self._player = asyncio.get_running_loop().create_task(self._play())

    async def write_gatt_char(self, uuid, data, response):
        self.writes.append((uuid, bytes(data)))

    def has_characteristic(self, uuid):
        return uuid in self.characteristics

    async def _play(self):
        for step in self.script:
            if step[0] == "sleep":
                await asyncio.sleep(step[1])
            elif step[0] == "notify":
                self.handlers[step[1]](step[2])
            elif step[0] == "drop":
                self.is_connected = False
                self._on_disconnect()
                return


class FakeFactory:
    """Hands out one FakeBleClient per connect attempt, sharing the settings."""

    def __init__(self, **settings):
        self.settings = settings
        self.clients: list[FakeBleClient] = []

    def __call__(self, address, on_disconnect):
        failures = self.settings.get("fail_connects", 0) - len(self.clients)
        client = FakeBleClient(
            on_disconnect,
            fail_connects=1 if failures > 0 else 0,
            script=self.settings.get("script", ()),
            characteristics=self.settings.get("characteristics", ()),
        )
        self.clients.append(client)
        return client
