"""What every device driver has: an id, a label for the operator, the kinds it measures."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from devices.device import DeviceEvent, DeviceState
from devices.measurements import MeasurementKind

__all__ = ["DeviceBase"]


class DeviceBase:
    """Identity and event construction shared by drivers and simulators."""

    def __init__(
        self, device_id: str, label: str, kinds: frozenset[MeasurementKind], *, simulated: bool
    ) -> None:
        self._device_id = device_id
        self._label = label
        self._kinds = kinds
        self._simulated = simulated

    @property
    def device_id(self) -> str:
        return self._device_id

    @property
    def label(self) -> str:
        return self._label

    @property
    def simulated(self) -> bool:
        return self._simulated

    @property
    def kinds(self) -> frozenset[MeasurementKind]:
        return self._kinds

    def _event(
        self,
        state: DeviceState,
        detail: str = "",
        pressure: float | None = None,
        waveform: npt.NDArray[np.int16] | None = None,
        *,
        ignored: str = "",
    ) -> DeviceEvent:
        return DeviceEvent(self._device_id, state, detail, pressure, waveform, ignored=ignored)

    def _received(self, clock_wrong: bool) -> DeviceEvent:
        """READING_RECEIVED, saying so when the device clock was not trusted."""
        detail = "device clock is wrong; station time used" if clock_wrong else ""
        return self._event(DeviceState.READING_RECEIVED, detail)
