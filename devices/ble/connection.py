"""Connecting to a Bluetooth device: bounded attempts with backoff, and a quiet disconnect.

The retry policy is plain data (attempts, per-attempt timeout, backoff list); only this loop
sleeps. Each attempt is bounded by ``timeout_s`` on top of bleak's own timeout, so a BlueZ
that never answers cannot hang a measurement. When every attempt fails, the cause is the
last attempt's when the client named one (device not found, no adapter), else
``CONNECT_FAILED``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from devices.ble.client import BleClient, ClientFactory
from devices.device import DeviceError, DeviceFault

__all__ = [
    "ConnectPolicy",
    "connect_with_retries",
    "disconnect_quietly",
    "wait_for_result_or_drop",
]

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ConnectPolicy:
    attempts: int = 3
    timeout_s: float = 20.0
    backoff_s: Sequence[float] = (0.5, 2.0, 5.0)


async def connect_with_retries(
    factory: ClientFactory,
    address: str,
    on_disconnect: Callable[[], None],
    policy: ConnectPolicy,
    *,
    on_attempt: Callable[[int], None],
    what: str,
) -> BleClient:
    last_error: Exception | None = None
    for attempt in range(policy.attempts):
        on_attempt(attempt)
        client = factory(address, on_disconnect)
        try:
            async with asyncio.timeout(policy.timeout_s):
                await client.connect()
            return client
        except Exception as exc:  # noqa: BLE001 - BleakError, TimeoutError and platform errors alike
            last_error = exc
            _LOGGER.info("connect attempt %d to %s failed: %s", attempt + 1, address, exc)
            if attempt + 1 < policy.attempts:
                await asyncio.sleep(policy.backoff_s[min(attempt, len(policy.backoff_s) - 1)])
    cause = last_error.cause if isinstance(last_error, DeviceError) else DeviceFault.CONNECT_FAILED
    raise DeviceError(
        f"could not connect to the {what} after {policy.attempts} attempts: "
        f"is it switched on, near, and paired? (last: {last_error})",
        cause,
    ) from last_error


async def disconnect_quietly(client: BleClient) -> None:
    if client.is_connected:
        try:
            await client.disconnect()
        except Exception:  # noqa: BLE001 - the link is going away anyway
            _LOGGER.debug("disconnect failed; link already gone")


async def wait_for_result_or_drop(
    done: asyncio.Future[Any], dropped: asyncio.Event, timeout_s: float
) -> None:
    """Return when ``done`` has a result, the link dropped, or ``timeout_s`` passed."""
    dropped_wait: asyncio.Future[Any] = asyncio.ensure_future(dropped.wait())
    try:
        async with asyncio.timeout(timeout_s):
            await asyncio.wait({done, dropped_wait}, return_when=asyncio.FIRST_COMPLETED)
    except TimeoutError:
        pass
    finally:
        dropped_wait.cancel()
