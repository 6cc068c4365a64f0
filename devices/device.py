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

__all__ = ["DeviceError", "DeviceEvent", "DeviceState", "EventSink", "MeasuringDevice"]


class DeviceState(StrEnum):
    SEARCHING = "searching"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    MEASURING = "measuring"
    READING_RECEIVED = "reading_received"
    DISCONNECTED = "disconnected"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class DeviceEvent:
    """One change of a device's state, as shown on the operator's screen.

    ``detail`` is a short human reason (always set for ``ERROR``); ``cuff_pressure`` carries
    the live pressure in mmHg while a cuff inflates; ``waveform`` carries the newest
    plethysmogram samples (device units, at the device's rate) from continuous oximeters.
    """

    device_id: str
    state: DeviceState
    detail: str = ""
    cuff_pressure: float | None = None
    waveform: npt.NDArray[np.int16] | None = field(default=None, compare=False)


EventSink = Callable[[DeviceEvent], None]


class DeviceError(Exception):
    """A device could not deliver a measurement; the message is shown to the operator."""


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

        Raises ``DeviceError`` with a human reason when the device fails; publishes
        ``DeviceEvent``s through ``on_event`` as it goes.
        """
        ...
