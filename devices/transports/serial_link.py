"""A serial port as async byte reads and writes (pyserial underneath).

pyserial is blocking, so every call runs in a worker thread with a short read timeout; the
event loop never blocks. Opening and I/O failures become ``SerialLinkError`` with a message an
operator can act on ("port /dev/ttyUSB0 is gone: is the cable unplugged?").
"""

from __future__ import annotations

import asyncio
import errno
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import serial

from devices.device import DeviceError, DeviceFault
from devices.discovery import connected_serial_ports, resolve_serial_port

__all__ = ["SerialLink", "SerialLinkError", "SerialSettings"]

_LOGGER = logging.getLogger(__name__)
# Each blocking read returns after this long even with no data, so cancellation is prompt.
READ_TIMEOUT_S = 0.05
# An open refused for these reasons needs the station's setup fixed, not the cable.
_NOT_ALLOWED = frozenset({errno.EACCES, errno.EPERM})


class SerialLinkError(DeviceError):
    """The port could not be opened, or went away."""


@dataclass(frozen=True, slots=True)
class SerialSettings:
    baudrate: int
    parity: str = serial.PARITY_NONE
    bytesize: int = serial.EIGHTBITS
    stopbits: float = serial.STOPBITS_ONE
    xonxoff: bool = False


class SerialLink:
    """``address`` is a port path or ``usb:VID:PID[:SERIAL]``, resolved at every open so a
    cable that comes back under another name after a replug is still found."""

    def __init__(self, address: str, settings: SerialSettings) -> None:
        self.address = address
        self.port = address
        self.settings = settings
        self._serial: Any = None

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    def _open_blocking(self) -> Any:
        return serial.Serial(
            self.port,
            baudrate=self.settings.baudrate,
            parity=self.settings.parity,
            bytesize=self.settings.bytesize,
            stopbits=self.settings.stopbits,
            xonxoff=self.settings.xonxoff,
            timeout=READ_TIMEOUT_S,
            write_timeout=1.0,
        )

    async def open(self) -> None:
        if self.address.startswith("usb:"):
            ports = await asyncio.to_thread(connected_serial_ports)
            try:
                self.port = resolve_serial_port(self.address, ports)
            except DeviceError as exc:
                raise SerialLinkError(str(exc), exc.cause) from exc
        try:
            self._serial = await asyncio.to_thread(self._open_blocking)
        except (serial.SerialException, OSError, ValueError) as exc:
            raise SerialLinkError(
                f"cannot open serial port {self.port}: is the device plugged in? ({exc})",
                _open_fault(exc),
            ) from exc

    async def open_with_backoff(self, *, within_s: float, backoff_s: Sequence[float]) -> None:
        """Keep trying to open for ``within_s`` seconds (a cable being plugged back in)."""
        deadline = time.monotonic() + within_s
        attempt = 0
        while True:
            try:
                await self.open()
                return
            except SerialLinkError:
                if time.monotonic() >= deadline:
                    raise
                await asyncio.sleep(backoff_s[min(attempt, len(backoff_s) - 1)])
                attempt += 1

    async def read(self, size: int = 256) -> bytes:
        port = self._require_open()
        try:
            data: bytes = await asyncio.to_thread(port.read, size)
        except (serial.SerialException, OSError) as exc:
            await self.close()
            raise SerialLinkError(
                f"serial port {self.port} is gone: is the cable unplugged?", DeviceFault.LINK_LOST
            ) from exc
        return data

    async def write(self, data: bytes) -> None:
        port = self._require_open()
        try:
            await asyncio.to_thread(port.write, data)
        except (serial.SerialException, OSError) as exc:
            await self.close()
            raise SerialLinkError(
                f"cannot write to serial port {self.port}: {exc}", DeviceFault.LINK_LOST
            ) from exc

    async def close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            try:
                await asyncio.to_thread(port.close)
            except (serial.SerialException, OSError):
                _LOGGER.debug("closing %s failed; it was already gone", self.port)

    def _require_open(self) -> Any:
        if self._serial is None:
            raise SerialLinkError(f"serial port {self.port} is not open", DeviceFault.LINK_LOST)
        return self._serial


def _open_fault(exc: Exception) -> DeviceFault:
    """Permission refused is a setup problem (the station's user may not open serial ports);
    anything else means the port is not there."""
    if isinstance(exc, PermissionError) or getattr(exc, "errno", None) in _NOT_ALLOWED:
        return DeviceFault.MISCONFIGURED
    return DeviceFault.NOT_FOUND
