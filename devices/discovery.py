"""What is plugged in or advertising: serial ports and Bluetooth health devices."""

from __future__ import annotations

import asyncio
from typing import Any

from serial.tools import list_ports

from devices.ble import uuids
from devices.device import DeviceError

__all__ = ["list_serial_ports", "scan_bluetooth"]

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
        raise DeviceError("Bluetooth scan did not finish: is the adapter stuck?") from exc
    except OSError as exc:
        raise DeviceError(
            "no Bluetooth adapter available: this machine has no adapter, or the Bluetooth "
            f"service (BlueZ on the D-Bus system bus) is not running ({exc.strerror or exc})"
        ) from exc
    except Exception as exc:
        raise DeviceError(f"no Bluetooth adapter available ({type(exc).__name__}: {exc})") from exc
    return [
        {
            "address": device.address,
            "name": advertisement.local_name or device.name,
            "rssi": advertisement.rssi,
            "services": sorted(advertisement.service_uuids),
        }
        for device, advertisement in found.values()
    ]
