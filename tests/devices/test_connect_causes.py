"""Why a Bluetooth connect failed reaches the operator as a cause: not found, no adapter, or
found but refused (and the bleak adapter names the first two)."""

from __future__ import annotations

import asyncio
import copy

import pytest
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakDeviceNotFoundError,
    BleakError,
)

from devices.ble.bleak_client import BleakClientAdapter
from devices.ble.connection import ConnectPolicy, connect_with_retries
from devices.device import DeviceError, DeviceFault

ADDRESS = "AA:BB:CC:DD:EE:FF"


class FailingClient:
    is_connected = False

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def connect(self) -> None:
        raise self.error


def failure_of(errors: list[Exception]) -> DeviceError:
    remaining = list(errors)

    def factory(address, on_disconnect):
        return FailingClient(remaining.pop(0))

    policy = ConnectPolicy(attempts=len(errors), timeout_s=1.0, backoff_s=(0.0,))
    with pytest.raises(
        DeviceError, match=f"could not connect to the cuff after {len(errors)}"
    ) as e:
        asyncio.run(
            connect_with_retries(
                factory, ADDRESS, lambda: None, policy, on_attempt=lambda n: None, what="cuff"
            )
        )
    return e.value


@pytest.mark.parametrize(
    ("last", "cause"),
    [
        (DeviceError("not advertising", DeviceFault.NOT_FOUND), DeviceFault.NOT_FOUND),
        (DeviceError("no adapter", DeviceFault.ADAPTER_MISSING), DeviceFault.ADAPTER_MISSING),
        (
            OSError("org.bluez.Error.Failed: le-connection-abort-by-local"),
            DeviceFault.CONNECT_FAILED,
        ),
        (TimeoutError(), DeviceFault.CONNECT_FAILED),
    ],
)
def test_the_last_attempt_names_the_cause(last, cause):
    error = failure_of([OSError("first try"), last])
    assert error.cause is cause
    assert "first try" not in str(error)  # the last attempt's reason, kept for the log


def test_the_technical_reason_stays_in_the_message():
    error = failure_of([OSError("org.bluez.Error.Failed: le-connection-abort-by-local")])
    assert "le-connection-abort-by-local" in str(error)


@pytest.mark.parametrize(
    ("raised", "cause"),
    [
        (
            BleakDeviceNotFoundError(ADDRESS, f"Device with address {ADDRESS} was not found."),
            DeviceFault.NOT_FOUND,
        ),
        (
            BleakBluetoothNotAvailableError(
                "No Bluetooth adapters found.", BleakBluetoothNotAvailableReason.NO_BLUETOOTH
            ),
            DeviceFault.ADAPTER_MISSING,
        ),
    ],
)
def test_the_bleak_adapter_names_not_found_and_no_adapter(raised, cause):
    adapter = BleakClientAdapter(ADDRESS, lambda: None)

    async def refuse() -> None:
        raise raised

    adapter._client.connect = refuse  # type: ignore[method-assign]
    with pytest.raises(DeviceError) as caught:
        asyncio.run(adapter.connect())
    assert caught.value.cause is cause
    assert caught.value.__cause__ is raised


def test_other_bleak_errors_pass_through_for_the_retry_loop():
    adapter = BleakClientAdapter(ADDRESS, lambda: None)

    async def refuse() -> None:
        raise BleakError("le-connection-abort-by-local")

    adapter._client.connect = refuse  # type: ignore[method-assign]
    with pytest.raises(BleakError):
        asyncio.run(adapter.connect())


def test_a_device_error_copies_with_its_cause():
    # copy (and pickle) rebuild an exception from its reduce tuple, which must carry the cause
    error = copy.deepcopy(DeviceError("port gone", DeviceFault.LINK_LOST))
    assert (str(error), error.cause) == ("port gone", DeviceFault.LINK_LOST)


@pytest.mark.parametrize(
    "raised",
    [
        TimeoutError(),
        OSError(2, "No such file or directory"),
        BleakBluetoothNotAvailableError(
            "No Bluetooth adapters found.", BleakBluetoothNotAvailableReason.NO_BLUETOOTH
        ),
    ],
)
def test_a_scan_without_a_usable_adapter_says_so(monkeypatch, raised):
    import bleak

    from devices.discovery import scan_bluetooth

    async def discover(**kwargs):
        raise raised

    monkeypatch.setattr(bleak.BleakScanner, "discover", discover)
    with pytest.raises(DeviceError, match="Bluetooth") as caught:
        asyncio.run(scan_bluetooth(0.1))
    assert caught.value.cause is DeviceFault.ADAPTER_MISSING


def test_a_fault_belongs_to_an_error_event_only():
    from devices.device import DeviceEvent, DeviceState

    assert DeviceEvent("cuff", DeviceState.ERROR, "gone", fault=DeviceFault.LINK_LOST).fault
    with pytest.raises(ValueError, match="ERROR"):
        DeviceEvent("cuff", DeviceState.MEASURING, fault=DeviceFault.LINK_LOST)
