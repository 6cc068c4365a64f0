"""Why a serial port could not be used reaches the operator as a cause: not there, not
allowed (the station's setup), or gone during the measurement."""

from __future__ import annotations

import asyncio
import errno

import pytest
import serial

from devices.device import DeviceFault
from devices.discovery import SerialPortInfo
from devices.transports import serial_link
from devices.transports.serial_link import SerialLink, SerialLinkError, SerialSettings

SETTINGS = SerialSettings(baudrate=19200)


def open_error(link: SerialLink) -> SerialLinkError:
    with pytest.raises(SerialLinkError) as caught:
        asyncio.run(link.open())
    return caught.value


def refusing(error: Exception):
    def open_port(*args, **kwargs):
        raise error

    return open_port


def test_a_missing_port_is_not_found(tmp_path):
    error = open_error(SerialLink(str(tmp_path / "ttyUSB9"), SETTINGS))
    assert error.cause is DeviceFault.NOT_FOUND
    assert "ttyUSB9" in str(error)  # the technical detail stays for the log


@pytest.mark.parametrize(
    "refusal",
    [
        serial.SerialException(errno.EACCES, "could not open port: [Errno 13] Permission denied"),
        PermissionError(errno.EPERM, "Operation not permitted"),
    ],
)
def test_a_port_the_station_may_not_open_is_a_setup_problem(monkeypatch, refusal):
    monkeypatch.setattr(serial, "Serial", refusing(refusal))
    error = open_error(SerialLink("/dev/ttyUSB0", SETTINGS))
    assert error.cause is DeviceFault.MISCONFIGURED


def test_a_vanished_port_is_not_found(monkeypatch):
    monkeypatch.setattr(
        serial, "Serial", refusing(serial.SerialException(errno.ENOENT, "no such file"))
    )
    assert open_error(SerialLink("/dev/ttyUSB0", SETTINGS)).cause is DeviceFault.NOT_FOUND


@pytest.mark.parametrize(
    ("address", "cause"),
    [("usb:0403:6001", DeviceFault.NOT_FOUND), ("usb:zz", DeviceFault.MISCONFIGURED)],
)
def test_a_usb_address_keeps_the_resolution_cause(monkeypatch, address, cause):
    ports = [SerialPortInfo("/dev/ttyUSB1", 0x1A86, 0x7523, "A1")]
    monkeypatch.setattr(serial_link, "connected_serial_ports", lambda: ports)
    assert open_error(SerialLink(address, SETTINGS)).cause is cause


def test_using_a_port_that_is_not_open_is_a_lost_link():
    link = SerialLink("/dev/ttyUSB0", SETTINGS)
    with pytest.raises(SerialLinkError) as caught:
        asyncio.run(link.read())
    assert caught.value.cause is DeviceFault.LINK_LOST
