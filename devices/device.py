"""What the rest of the station sees of a measuring device: states, events, one interface.

A transport (bleak, pyserial, or a simulator speaking the same bytes) sits behind a
``MeasuringDevice``. The station asks it to ``measure`` and receives state events while it
works; the decoded measurements come back keeping their raw bytes. Nothing here blocks: every
device runs on the station's asyncio loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import numpy as np
import numpy.typing as npt

from devices.measurements import Measurement, MeasurementKind

__all__ = [
    "DeviceError",
    "DeviceEvent",
    "DeviceFault",
    "DeviceState",
    "EventSink",
    "MeasuringDevice",
]


class DeviceState(StrEnum):
    SEARCHING = "searching"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    MEASURING = "measuring"
    READING_RECEIVED = "reading_received"
    DISCONNECTED = "disconnected"
    ERROR = "error"


class DeviceFault(StrEnum):
    """Why a device failed, by what the operator can do about it (the desk turns each into
    advice in its language; the technical message stays in the log)."""

    # No device answers: the cuff is off or away, the cable or USB adapter is unplugged.
    NOT_FOUND = "not_found"
    # This computer has no usable Bluetooth: no adapter, switched off, BlueZ not running.
    ADAPTER_MISSING = "adapter_missing"
    # The device is there but connecting was refused or timed out.
    CONNECT_FAILED = "connect_failed"
    # The device needs pairing (bonding, an Omron key) with this station before it talks.
    NOT_PAIRED = "not_paired"
    # The link went away during the measurement.
    LINK_LOST = "link_lost"
    # Bytes arrived that do not decode.
    DAMAGED_PACKET = "damaged_packet"
    # Connected, but no usable reading in time (only stored records, no steady value, ...).
    NO_READING = "no_reading"
    # The settings do not fit the device: wrong model, malformed or ambiguous address, a
    # port this station may not open.
    MISCONFIGURED = "misconfigured"


@dataclass(frozen=True, slots=True)
class DeviceEvent:
    """One change of a device's state, as shown on the operator's screen.

    ``detail`` is the technical reason (always set for ``ERROR``; English, for the log and a
    "details" view, not for the operator's first glance); ``cuff_pressure`` carries the live
    pressure in mmHg while a cuff inflates; ``waveform`` carries the newest plethysmogram
    samples (device units, at the device's rate) from continuous oximeters; ``fault`` says
    why an ``ERROR`` happened (None when the failure has no device cause); ``ignored`` is set
    when the device sent a reading that is not used (a stored record from before the visit,
    a damaged memory slot): the reason, listed for the operator, never a measurement.
    """

    device_id: str
    state: DeviceState
    detail: str = ""
    cuff_pressure: float | None = None
    waveform: npt.NDArray[np.int16] | None = field(default=None, compare=False)
    fault: DeviceFault | None = None
    ignored: str = ""

    def __post_init__(self) -> None:
        if self.fault is not None and self.state is not DeviceState.ERROR:
            raise ValueError(f"a fault belongs to an ERROR event, not to {self.state}")


EventSink = Callable[[DeviceEvent], None]


class DeviceError(Exception):
    """A device could not deliver a measurement.

    ``str(error)`` is the technical message (English, may quote the OS or the device: for
    the log and a "details" view); ``cause`` is what the operator is told, as advice.
    """

    def __init__(self, message: str, cause: DeviceFault) -> None:
        super().__init__(message)
        self.message = message
        self.cause = cause

    def __reduce__(self) -> tuple[type[DeviceError], tuple[str, DeviceFault]]:
        return type(self), (self.message, self.cause)


class MeasuringDevice(Protocol):
    """A cuff or oximeter the station can ask for a measurement."""

    @property
    def device_id(self) -> str: ...

    @property
    def label(self) -> str:
        """Name shown to the operator, e.g. 'Omron HEM-7142T1' or 'SIMULATOR cuff'."""
        ...

    @property
    def simulated(self) -> bool: ...

    @property
    def kinds(self) -> frozenset[MeasurementKind]: ...

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        """Take one measurement and return what the device sent (final readings only).

        Raises ``DeviceError`` with its cause when the device fails; publishes
        ``DeviceEvent``s through ``on_event`` as it goes.
        """
        ...
