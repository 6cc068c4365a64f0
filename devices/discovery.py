"""What is plugged in or advertising: serial ports and Bluetooth health devices."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from serial.tools import list_ports

from devices.ble import uuids
from devices.device import DeviceError, DeviceFault

__all__ = ["SerialPortInfo", "list_serial_ports", "resolve_serial_port", "scan_bluetooth"]


@dataclass(frozen=True, slots=True)
class SerialPortInfo:
    device: str
    vid: int | None
    pid: int | None
    serial_number: str | None = None


def resolve_serial_port(address: str, ports: Sequence[SerialPortInfo]) -> str:
    """The port path for ``address``: a path as is, or ``usb:VID:PID[:SERIAL]`` (hex) looked
    up among the connected ports, so a cable that comes back as ttyUSB1 after a replug is
    still found."""
    if not address.startswith("usb:"):
        return address
    parts = address.split(":")
    try:
        vid, pid = int(parts[1], 16), int(parts[2], 16)
    except (IndexError, ValueError) as exc:
        raise DeviceError(
            f"USB address must be usb:VID:PID in hex, e.g. usb:1a86:7523, got {address!r}",
            DeviceFault.MISCONFIGURED,
        ) from exc
    serial_number = parts[3] if len(parts) > 3 else None
    matches = [
        p.device
        for p in ports
        if p.vid == vid
        and p.pid == pid
        and (serial_number is None or p.serial_number == serial_number)
    ]
    if not matches:
        raise DeviceError(
            f"no USB serial device {vid:04x}:{pid:04x} is plugged in", DeviceFault.NOT_FOUND
        )
    if len(matches) > 1:
        raise DeviceError(
            f"{len(matches)} USB serial devices {vid:04x}:{pid:04x} are plugged in "
            f"({', '.join(sorted(matches))}): add the serial number, usb:VID:PID:SERIAL",
            DeviceFault.MISCONFIGURED,
        )
    return matches[0]


def connected_serial_ports() -> list[SerialPortInfo]:
    return [
        SerialPortInfo(info.device, info.vid, info.pid, info.serial_number)
        for info in list_ports.comports()
    ]


# bleak's scan runs this long; the outer timeout guards a BlueZ that never answers.
SCAN_SECONDS = 5.0
SCAN_SAFETY_MARGIN_S = 5.0


def list_serial_ports() -> list[dict[str, Any]]:
    return [
        {
            "port": info.device,
            "description": info.description,
            "usb_vendor_id": f"{info.vid:04x}" if info.vid is not None else None,
            "usb_product_id": f"{info.pid:04x}" if info.pid is not None else None,
        }
        for info in sorted(list_ports.comports(), key=lambda i: i.device)
    ]


async def scan_bluetooth(seconds: float = SCAN_SECONDS) -> list[dict[str, Any]]:
    """Devices advertising a health service; raises DeviceError when there is no adapter."""
    try:
        from bleak import BleakScanner  # noqa: PLC0415 - only when a scan is asked for

        async with asyncio.timeout(seconds + SCAN_SAFETY_MARGIN_S):
            found = await BleakScanner.discover(
                timeout=seconds, service_uuids=list(uuids.HEALTH_SERVICES), return_adv=True
            )
    except TimeoutError as exc:
        raise DeviceError(
            "Bluetooth scan did not finish: is the adapter stuck?", DeviceFault.ADAPTER_MISSING
        ) from exc
    except OSError as exc:
        raise DeviceError(
            "no Bluetooth adapter available: this machine has no adapter, or the Bluetooth "
            f"service (BlueZ on the D-Bus system bus) is not running ({exc.strerror or exc})",
            DeviceFault.ADAPTER_MISSING,
        ) from exc
    except Exception as exc:
        raise DeviceError(
            f"no Bluetooth adapter available ({type(exc).__name__}: {exc})",
            DeviceFault.ADAPTER_MISSING,
        ) from exc
    return [
        {
            "address": device.address,
            "name": advertisement.local_name or device.name,
            "rssi": advertisement.rssi,
            "services": sorted(advertisement.service_uuids),
        }
        for device, advertisement in found.values()
    ]
