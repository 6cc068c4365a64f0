"""A standard Bluetooth pulse oximeter (Pulse Oximeter Service 0x1822) as a device.

Subscribes to PLX Continuous 0x2A5F (notified: live values) and, where the device has it,
PLX Spot-Check 0x2A5E (indicated: a finished measurement). The measurement is the first
spot-check taken during this measurement (binding rules of ``devices.binding``: a stored
spot-check replayed from memory is ignored), or, for continuous-only devices, the last of
``settle_readings`` valid continuous readings in a row. Readings with a special value (finger
out: NaN) or with the device's own invalid/unavailable flags break the run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from devices.base import DeviceBase
from devices.binding import bind_readings
from devices.ble import uuids
from devices.ble.client import BleClient, ClientFactory
from devices.ble.connection import (
    ConnectPolicy,
    connect_with_retries,
    disconnect_quietly,
    wait_for_result_or_drop,
)
from devices.device import DeviceError, DeviceFault, DeviceState, EventSink
from devices.measurements import Measurement, MeasurementKind, SpO2
from devices.profile_session import decode_notification

__all__ = ["BleOximeterConfig", "BlePulseOximeter"]


@dataclass(frozen=True, slots=True)
class BleOximeterConfig:
    address: str
    label: str = "Bluetooth pulse oximeter"
    connect_attempts: int = 3
    connect_timeout_s: float = 20.0
    backoff_s: Sequence[float] = (0.5, 2.0, 5.0)
    measurement_timeout_s: float = 90.0
    # Continuous-only devices send about one reading a second: 5 steady seconds.
    settle_readings: int = 5


def _usable(reading: SpO2) -> bool:
    status = reading.measurement_status
    flagged = status is not None and (
        status.invalid_measurement_detected
        or status.measurement_unavailable
        or status.data_from_measurement_storage
    )
    return reading.spo2 is not None and reading.pulse_rate is not None and not flagged


class BlePulseOximeter(DeviceBase):
    def __init__(
        self,
        config: BleOximeterConfig,
        client_factory: ClientFactory,
        local_clock: Callable[[], datetime],
        device_id: str | None = None,
    ) -> None:
        super().__init__(
            device_id or f"ble:{config.address}",
            config.label,
            frozenset({MeasurementKind.SPO2}),
            simulated=False,
        )
        self._config = config
        self._factory = client_factory
        self._clock = local_clock

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        config = self._config
        started_local = self._clock()
        dropped = asyncio.Event()
        client: BleClient = await connect_with_retries(
            self._factory,
            config.address,
            dropped.set,
            ConnectPolicy(config.connect_attempts, config.connect_timeout_s, config.backoff_s),
            on_attempt=lambda _n: on_event(self._event(DeviceState.CONNECTING)),
            what="oximeter",
        )
        on_event(self._event(DeviceState.CONNECTED))
        done = asyncio.get_running_loop().create_future()
        steady: list[SpO2] = []

        def finish(reading: SpO2) -> None:
            if not done.done():
                done.set_result(reading)

        def on_continuous(payload: bytes) -> None:
            try:
                reading = decode_notification("ble:plx-continuous", payload)
            except DeviceError as exc:
                on_event(self._event(DeviceState.MEASURING, str(exc)))
                return
            assert isinstance(reading, SpO2)
            if not _usable(reading):
                steady.clear()
                on_event(self._event(DeviceState.MEASURING, "no finger or no pulse"))
                return
            steady.append(reading)
            on_event(self._event(DeviceState.MEASURING))
            if len(steady) >= config.settle_readings:
                finish(steady[-1])

        def on_spot_check(payload: bytes) -> None:
            try:
                reading = decode_notification("ble:plx-spot-check", payload)
            except DeviceError as exc:
                on_event(self._event(DeviceState.MEASURING, str(exc)))
                return
            assert isinstance(reading, SpO2)
            decision = bind_readings(
                [reading], started_local=started_local, now_local=self._clock()
            )
            if decision.bound is None or not _usable(reading):
                reason = decision.ignored[0].reason if decision.ignored else "not a valid reading"
                on_event(self._event(DeviceState.MEASURING, ignored=reason))
                return
            finish(reading)

        try:
            if client.has_characteristic(uuids.PLX_SPOT_CHECK):
                await client.start_notify(uuids.PLX_SPOT_CHECK, on_spot_check)
            await client.start_notify(uuids.PLX_CONTINUOUS, on_continuous)
            on_event(self._event(DeviceState.MEASURING))
            await wait_for_result_or_drop(done, dropped, config.measurement_timeout_s)
        finally:
            await disconnect_quietly(client)
        if done.done():
            on_event(self._event(DeviceState.READING_RECEIVED))
            return [done.result()]
        done.cancel()
        if dropped.is_set():
            on_event(self._event(DeviceState.DISCONNECTED, "link lost"))
            raise DeviceError(
                "oximeter disconnected during measurement; measure again", DeviceFault.LINK_LOST
            )
        raise DeviceError(
            f"no steady oximeter reading within {config.measurement_timeout_s:g} s: "
            "check the finger is in the probe",
            DeviceFault.NO_READING,
        )
