"""A simulated Bluetooth blood-pressure cuff (Blood Pressure Service 0x1810)."""

from __future__ import annotations

import asyncio
from collections import deque
from enum import StrEnum

from devices.base import DeviceBase
from devices.codecs.blood_pressure import encode_blood_pressure, encode_cuff_pressure
from devices.device import DeviceError, DeviceEvent, DeviceFault, DeviceState, EventSink
from devices.measurements import (
    BloodPressure,
    BloodPressureStatus,
    CuffPressure,
    Measurement,
    MeasurementKind,
)
from devices.profile_session import decode_notification
from devices.simulators.values import SimulatedValues

__all__ = ["CuffFault", "SimulatedBloodPressureCuff"]

INFLATION_STEPS = 10
INFLATION_MARGIN_MMHG = 30  # cuffs inflate to about 30 mmHg above the expected systolic


class CuffFault(StrEnum):
    """Ways the simulated cuff can fail, for tests and demonstrations."""

    DROP_MID_MEASUREMENT = "drop"  # the link goes away while inflating
    ERROR_VALUES = "error-values"  # the cuff reports NaN (its error code) for every value
    GARBAGE = "garbage"  # a damaged packet instead of the measurement
    ABSENT = "absent"  # switched off or out of range: never found


class SimulatedBloodPressureCuff(DeviceBase):
    """Sends 0x2A36 packets while inflating, then one 0x2A35 measurement."""

    def __init__(
        self,
        device_id: str = "sim-cuff",
        *,
        seed: int | None = None,
        pace_s: float = 0.15,
        fault: CuffFault | None = None,
    ) -> None:
        super().__init__(
            device_id,
            "SIMULATOR blood-pressure cuff",
            frozenset({MeasurementKind.BLOOD_PRESSURE}),
            simulated=True,
        )
        self._values = SimulatedValues(seed)
        self._pace_s = pace_s
        self.fault = fault
        self._queued: deque[tuple[float, float, float]] = deque()

    def queue_values(self, systolic: float, diastolic: float, pulse: float) -> None:
        """Make the next measurement report exactly these values (mmHg, /min)."""
        self._queued.append((systolic, diastolic, pulse))

    def _next_values(self) -> tuple[float, float, float]:
        if self._queued:
            return self._queued.popleft()
        systolic, diastolic, pulse = self._values.blood_pressure()
        return float(systolic), float(diastolic), float(pulse)

    async def _pause(self) -> None:
        await asyncio.sleep(self._pace_s)

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        emit = on_event
        if self.fault is CuffFault.ABSENT:
            emit(DeviceEvent(self._device_id, DeviceState.SEARCHING))
            await self._pause()
            raise DeviceError("simulated cuff not found: switched off", DeviceFault.NOT_FOUND)
        emit(DeviceEvent(self._device_id, DeviceState.CONNECTING))
        await self._pause()
        emit(DeviceEvent(self._device_id, DeviceState.CONNECTED))
        systolic, diastolic, pulse = self._next_values()
        top = systolic + INFLATION_MARGIN_MMHG
        for step in range(1, INFLATION_STEPS + 1):
            pressure = round(top * step / INFLATION_STEPS)
            live = decode_notification("ble:cuff-pressure", encode_cuff_pressure(pressure))
            assert isinstance(live, CuffPressure)
            emit(
                DeviceEvent(
                    self._device_id, DeviceState.MEASURING, cuff_pressure=live.cuff_pressure
                )
            )
            await self._pause()
            if self.fault is CuffFault.DROP_MID_MEASUREMENT and step == INFLATION_STEPS // 2:
                emit(DeviceEvent(self._device_id, DeviceState.DISCONNECTED, "link lost"))
                raise DeviceError(
                    "cuff disconnected during measurement; measure again", DeviceFault.LINK_LOST
                )
        if self.fault is CuffFault.GARBAGE:
            payload = encode_blood_pressure(systolic, diastolic, None)[:5]
        elif self.fault is CuffFault.ERROR_VALUES:
            payload = encode_blood_pressure(None, None, None, include_pulse_rate=True)
        else:
            payload = encode_blood_pressure(
                systolic,
                diastolic,
                round((systolic + 2 * diastolic) / 3),
                pulse_rate=pulse,
                status=BloodPressureStatus(),
            )
        reading = decode_notification("ble:blood-pressure", payload)
        assert isinstance(reading, BloodPressure)
        emit(DeviceEvent(self._device_id, DeviceState.READING_RECEIVED))
        return [reading]
