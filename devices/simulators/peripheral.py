"""A simulated Bluetooth peripheral behind the same ``BleClient`` protocol bleak satisfies.

The real session classes (``devices.ble.cuff``, ``oximeter``, ``stream_oximeter``) talk to it
exactly as to a ``BleakClient``, so a desk running ``"simulator:<model>"`` exercises the real
connect, subscribe, decode and binding code with the model's real byte protocol. Tests use
the same class with hand-written scripts (``tests/devices/fake_ble.py``).

A script is a list of steps, played once the ``start_on`` characteristic is subscribed:
``("notify", uuid, bytes)``, ``("sleep", seconds)`` or ``("drop",)`` (the link goes down).
``on_write`` maps a characteristic to the steps played when the host writes to it (a RACP
request answered with records); ``refuse_writes`` lists characteristics whose writes fail
the way BlueZ refuses them; ``fail_connects`` makes the first connection attempts fail.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from devices.ble import uuids
from devices.ble.client import NotifyHandler

__all__ = ["ScriptSource", "SimulatedPeripheral", "Step"]

Step = tuple[Any, ...]
# A fixed script, or a function that writes it when playback starts (so time stamps are
# taken from the clock at that moment).
ScriptSource = Sequence[Step] | Callable[[], Sequence[Step]]


class SimulatedPeripheral:
    def __init__(
        self,
        on_disconnect: Callable[[], None],
        *,
        script: ScriptSource = (),
        characteristics: Iterable[str] = (),
        start_on: str = uuids.BLOOD_PRESSURE_MEASUREMENT,
        fail_connects: int = 0,
        on_write: Mapping[str, Sequence[Step]] | None = None,
        refuse_writes: Iterable[str] = (),
    ) -> None:
        self._on_disconnect = on_disconnect
        self.script = script
        self.characteristics = set(characteristics)
        self.start_on = start_on
        self.fail_connects = fail_connects
        self.on_write = dict(on_write or {})
        self.refuse_writes = set(refuse_writes)
        self.handlers: dict[str, NotifyHandler] = {}
        self.writes: list[tuple[str, bytes]] = []
        self.connect_calls = 0
        self._connected = False
        self._player: asyncio.Task[None] | None = None

    @property
    def is_connected(self) -> bool:
        return self._connected

    async def connect(self) -> None:
        self.connect_calls += 1
        if self.fail_connects > 0:
            self.fail_connects -= 1
            raise OSError("org.bluez.Error.Failed: le-connection-abort-by-local")
        self._connected = True

    async def disconnect(self) -> None:
        self._connected = False
        if self._player is not None and not self._player.done():
            self._player.cancel()

    async def start_notify(self, uuid: str, handler: NotifyHandler) -> None:
        self.handlers[uuid] = handler
        if self._player is None and uuid == self.start_on:
            self._player = asyncio.get_running_loop().create_task(self._play())

    async def write_gatt_char(self, uuid: str, data: bytes, response: bool) -> None:
        self.writes.append((uuid, bytes(data)))
        if uuid in self.refuse_writes:
            raise OSError("org.bluez.Error.NotPermitted: Write not permitted")
        if uuid in self.on_write:
            await self._run(self.on_write[uuid])

    def has_characteristic(self, uuid: str) -> bool:
        return uuid in self.characteristics

    async def _play(self) -> None:
        steps = self.script() if callable(self.script) else self.script
        await self._run(steps)

    async def _run(self, steps: Sequence[Step]) -> None:
        for step in steps:
            if not self._connected:
                return
            if step[0] == "sleep":
                await asyncio.sleep(step[1])
            elif step[0] == "notify":
                handler = self.handlers.get(step[1])
                if handler is not None:
                    handler(step[2])
            elif step[0] == "drop":
                self._connected = False
                self._on_disconnect()
                return
