"""A simulated Bluetooth pulse oximeter (Pulse Oximeter Service 0x1822)."""

from __future__ import annotations

import asyncio
from collections import deque
from enum import StrEnum

from devices.base import DeviceBase
from devices.codecs.plx import encode_plx_continuous, encode_plx_spot_check
from devices.device import DeviceError, DeviceEvent, DeviceFault, DeviceState, EventSink
from devices.measurements import Measurement, MeasurementKind, PlxMeasurementStatus, SpO2
from devices.profile_session import decode_notification
from devices.simulators.values import SimulatedValues

__all__ = ["OximeterFault", "SimulatedPulseOximeter"]

CONTINUOUS_PACKETS = 5


class OximeterFault(StrEnum):
    FINGER_OUT = "finger-out"  # the oximeter sends NaN SpO2 and pulse
    DROP = "drop"  # the link goes away mid-measurement
    ABSENT = "absent"  # switched off or unplugged: never found


class SimulatedPulseOximeter(DeviceBase):
    """Sends a few 0x2A5F continuous packets, then one 0x2A5E spot-check measurement."""

    def __init__(
        self,
        device_id: str = "sim-oximeter",
        *,
        seed: int | None = None,
        pace_s: float = 0.15,
        fault: OximeterFault | None = None,
    ) -> None:
        super().__init__(
            device_id, "SIMULATOR pulse oximeter", frozenset({MeasurementKind.SPO2}), simulated=True
        )
        self._values = SimulatedValues(seed)
        self._pace_s = pace_s
        self.fault = fault
        self._queued: deque[tuple[float, float]] = deque()

    def queue_values(self, spo2: float, pulse: float) -> None:
        """Make the next measurement report exactly these values (%, /min)."""
        self._queued.append((spo2, pulse))

    def _next_values(self) -> tuple[float, float]:
        if self._queued:
            return self._queued.popleft()
        spo2, pulse = self._values.oximetry()
        return float(spo2), float(pulse)

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        if self.fault is OximeterFault.ABSENT:
            on_event(DeviceEvent(self._device_id, DeviceState.SEARCHING))
            await asyncio.sleep(self._pace_s)
            raise DeviceError("simulated oximeter not found: unplugged", DeviceFault.NOT_FOUND)
        on_event(DeviceEvent(self._device_id, DeviceState.CONNECTING))
        await asyncio.sleep(self._pace_s)
        on_event(DeviceEvent(self._device_id, DeviceState.CONNECTED))
        spo2, pulse = self._next_values()
        finger_out = self.fault is OximeterFault.FINGER_OUT
        ongoing = PlxMeasurementStatus(measurement_ongoing=True)
        for packet in range(CONTINUOUS_PACKETS):
            payload = encode_plx_continuous(
                None if finger_out else spo2 - (CONTINUOUS_PACKETS - packet) % 2,
                None if finger_out else pulse,
                measurement_status=ongoing,
            )
            decode_notification("ble:plx-continuous", payload)
            on_event(DeviceEvent(self._device_id, DeviceState.MEASURING))
            await asyncio.sleep(self._pace_s)
            if self.fault is OximeterFault.DROP and packet == CONTINUOUS_PACKETS // 2:
                on_event(DeviceEvent(self._device_id, DeviceState.DISCONNECTED, "link lost"))
                raise DeviceError(
                    "oximeter disconnected during measurement; measure again", DeviceFault.LINK_LOST
                )
        payload = encode_plx_spot_check(
            None if finger_out else spo2,
            None if finger_out else pulse,
            measurement_status=PlxMeasurementStatus(validated_data=not finger_out),
        )
        reading = decode_notification("ble:plx-spot-check", payload)
        assert isinstance(reading, SpO2)
        on_event(DeviceEvent(self._device_id, DeviceState.READING_RECEIVED))
        return [reading]
