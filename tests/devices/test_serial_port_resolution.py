"""Opening a serial device by USB vendor/product id instead of a path."""

from __future__ import annotations

import pytest

from devices.device import DeviceError, DeviceFault
from devices.discovery import SerialPortInfo, resolve_serial_port

# 1a86:7523 is the CH340 converter common in Contec cables (unconfirmed per model).
PORTS = [
    SerialPortInfo("/dev/ttyS0", None, None),
    SerialPortInfo("/dev/ttyUSB1", 0x1A86, 0x7523, "A1"),
    SerialPortInfo("/dev/ttyUSB2", 0x10C4, 0xEA60, "B7"),
]


def test_paths_pass_through():
    assert resolve_serial_port("/dev/ttyUSB0", PORTS) == "/dev/ttyUSB0"
    assert resolve_serial_port("COM3", PORTS) == "COM3"


def test_usb_ids_find_the_port_wherever_it_came_back():
    assert resolve_serial_port("usb:1a86:7523", PORTS) == "/dev/ttyUSB1"
    assert resolve_serial_port("usb:10C4:EA60:B7", PORTS) == "/dev/ttyUSB2"


@pytest.mark.parametrize(
    ("address", "ports", "message", "cause"),
    [
        ("usb:1a86", PORTS, "must be usb:VID:PID", DeviceFault.MISCONFIGURED),
        ("usb:zz:7523", PORTS, "must be usb:VID:PID", DeviceFault.MISCONFIGURED),
        (
            "usb:0403:6001",
            PORTS,
            "no USB serial device 0403:6001 is plugged in",
            DeviceFault.NOT_FOUND,
        ),
        (
            "usb:1a86:7523",
            [*PORTS, SerialPortInfo("/dev/ttyUSB5", 0x1A86, 0x7523, "C9")],
            "add the serial number",
            DeviceFault.MISCONFIGURED,
        ),
    ],
)
def test_problems_are_explained(address, ports, message, cause):
    with pytest.raises(DeviceError, match=message) as caught:
        resolve_serial_port(address, ports)
    assert caught.value.cause is cause
