"""A standard Bluetooth blood-pressure cuff (Blood Pressure Service 0x1810) as a device.

Theory of operation: ``measure`` connects (bounded by ``connect_timeout_s``, retried with
backoff), sends the model's vendor setup writes (A&D), sets the cuff's clock through Current
Time 0x2A2B or, where only that is offered, Date Time 0x2A08 (A&D sets its clock there,
docs/reference/device-protocols.md 2.2), subscribes to Intermediate Cuff Pressure 0x2A36 (notified;
shown live) and Blood Pressure Measurement 0x2A35 (indicated: bleak enables indications for an
indicate-only characteristic). Where the cuff has a Record Access Control Point 0x2A52 it
also asks for the last stored record (a cuff that measured before the station connected
delivers it only that way); the answer arrives as ordinary 0x2A35 indications. The session
then collects readings until the cuff has been quiet for ``settle_s`` after the last one.
``devices.binding`` decides which of them is this measurement; replayed memory, readings from
before the measurement and readings this cuff already delivered for an earlier measurement
are reported to the operator as ignored, never returned.

A link that drops before a reading arrived fails the measurement with a reason; a link that
drops after it (A&D cuffs disconnect as soon as they have sent) ends the collection early.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from devices.base import DeviceBase
from devices.binding import DeliveredMemory
from devices.ble import uuids
from devices.ble.client import BleClient, ClientFactory
from devices.ble.connection import ConnectPolicy, connect_with_retries, disconnect_quietly
from devices.codecs.current_time import encode_current_time
from devices.codecs.date_time import encode_date_time
from devices.codecs.errors import DecodeError
from devices.codecs.racp import RacpResponse, RacpResponseCode, decode_racp, report_last_record
from devices.device import DeviceError, DeviceFault, DeviceState, EventSink
from devices.measurements import (
    KPA_TO_MMHG,
    BloodPressure,
    CuffPressure,
    Measurement,
    MeasurementKind,
    PressureUnit,
)
from devices.profile_session import decode_notification

__all__ = ["BleBloodPressureCuff", "BleCuffConfig"]

_LOGGER = logging.getLogger(__name__)

LocalClock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class BleCuffConfig:
    address: str
    label: str = "Bluetooth blood-pressure cuff"
    connect_timeout_s: float = 20.0
    connect_attempts: int = 3
    backoff_s: Sequence[float] = (0.5, 2.0, 5.0)
    # A cuff measurement takes 30-60 s; the operator may also start it late.
    measurement_timeout_s: float = 180.0
    # Quiet time after the last 0x2A35 before deciding (memory replays come in bursts).
    settle_s: float = 1.5
    set_clock: bool = True
    # Ask for the last stored record through RACP 0x2A52 where the cuff offers it.
    fetch_last_record: bool = True
    # Vendor writes sent right after connecting, when the characteristic exists:
    # (characteristic UUID, bytes). From the catalogue's quirks (config/catalog.py).
    setup_writes: tuple[tuple[str, bytes], ...] = ()
    # The decode profile of 0x2A35 (devices/codecs/registry.py): "ble:beurer-bm" for a
    # catalogue model with the "beurer-bm-byte-order" quirk.
    measurement_profile: str = "ble:blood-pressure"


class BleBloodPressureCuff(DeviceBase):
    def __init__(
        self,
        config: BleCuffConfig,
        client_factory: ClientFactory,
        local_clock: LocalClock,
        device_id: str | None = None,
    ) -> None:
        super().__init__(
            device_id or f"ble:{config.address}",
            config.label,
            frozenset({MeasurementKind.BLOOD_PRESSURE}),
            simulated=False,
        )
        self._config = config
        self._factory = client_factory
        self._clock = local_clock
        # Remembers what it returned, so a replayed reading is never bound again.
        self._binding = DeliveredMemory()

    async def _connect(self, on_event: EventSink, dropped: asyncio.Event) -> BleClient:
        config = self._config
        return await connect_with_retries(
            self._factory,
            config.address,
            dropped.set,
            ConnectPolicy(config.connect_attempts, config.connect_timeout_s, config.backoff_s),
            on_attempt=lambda _n: on_event(self._event(DeviceState.CONNECTING)),
            what="cuff",
        )

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        config = self._config
        started_local = self._clock()
        dropped = asyncio.Event()
        client = await self._connect(on_event, dropped)
        on_event(self._event(DeviceState.CONNECTED))
        readings: list[Measurement] = []
        arrived = asyncio.Event()
        problems: list[str] = []

        def on_cuff_pressure(payload: bytes) -> None:
            try:
                live = decode_notification("ble:cuff-pressure", payload)
            except DeviceError as exc:
                problems.append(str(exc))
                return
            if isinstance(live, CuffPressure) and live.cuff_pressure is not None:
                mmhg = (
                    live.cuff_pressure
                    if live.unit is PressureUnit.MMHG
                    else round(live.cuff_pressure * KPA_TO_MMHG)
                )
                on_event(self._event(DeviceState.MEASURING, pressure=mmhg))

        def on_measurement(payload: bytes) -> None:
            try:
                reading = decode_notification(config.measurement_profile, payload)
            except DeviceError as exc:
                problems.append(str(exc))
                on_event(self._event(DeviceState.MEASURING, str(exc)))
                return
            readings.append(reading)
            arrived.set()

        def on_racp(payload: bytes) -> None:
            try:
                answer = decode_racp(payload)
            except DecodeError as exc:
                problems.append(f"record access: {exc}")
                return
            if isinstance(answer, RacpResponse) and answer.code not in (
                RacpResponseCode.SUCCESS,
                RacpResponseCode.NO_RECORDS_FOUND,
            ):
                _LOGGER.info("cuff answered the stored-record request with %s", answer.code.name)

        try:
            await self._setup(client)
            if client.has_characteristic(uuids.INTERMEDIATE_CUFF_PRESSURE):
                await client.start_notify(uuids.INTERMEDIATE_CUFF_PRESSURE, on_cuff_pressure)
            await client.start_notify(uuids.BLOOD_PRESSURE_MEASUREMENT, on_measurement)
            if config.fetch_last_record and client.has_characteristic(
                uuids.RECORD_ACCESS_CONTROL_POINT
            ):
                await self._request_last_record(client, on_racp)
            on_event(self._event(DeviceState.MEASURING))
            await self._collect(arrived, dropped, readings)
        finally:
            await disconnect_quietly(client)
        decision = self._binding.bind(
            readings, started_local=started_local, now_local=self._clock()
        )
        for ignored in decision.ignored:
            on_event(self._event(DeviceState.MEASURING, ignored=ignored.reason))
        if decision.bound is None:
            if dropped.is_set():
                on_event(self._event(DeviceState.DISCONNECTED, "link lost"))
                raise DeviceError(
                    "cuff disconnected during measurement; measure again", DeviceFault.LINK_LOST
                )
            if problems:
                raise DeviceError(
                    f"cuff sent no usable reading: {problems[-1]}", DeviceFault.DAMAGED_PACKET
                )
            if readings:
                raise DeviceError(
                    "cuff sent no usable reading: only stored records arrived",
                    DeviceFault.NO_READING,
                )
            raise DeviceError(
                f"no reading from the cuff within {config.measurement_timeout_s:g} s",
                DeviceFault.NO_READING,
            )
        on_event(self._received(decision.clock_wrong))
        assert isinstance(decision.bound, BloodPressure)
        return [decision.bound]

    async def _request_last_record(
        self, client: BleClient, on_racp: Callable[[bytes], None]
    ) -> None:
        """Ask for the newest stored record; a cuff that refuses still sends live readings."""
        try:
            await client.start_notify(uuids.RECORD_ACCESS_CONTROL_POINT, on_racp)
            await client.write_gatt_char(
                uuids.RECORD_ACCESS_CONTROL_POINT, report_last_record(), response=True
            )
        except Exception as exc:  # noqa: BLE001 - bleak raises several error types
            _LOGGER.info("cuff refused the stored-record request: %s", exc)

    async def _setup(self, client: BleClient) -> None:
        """Vendor setup writes, then the clock. A refusal is logged, not fatal: the station's
        clock is the effective time anyway (docs/design.md section 5)."""
        for characteristic, data in self._config.setup_writes:
            if client.has_characteristic(characteristic):
                try:
                    await client.write_gatt_char(characteristic, data, response=True)
                except Exception as exc:  # noqa: BLE001 - bleak raises several error types
                    _LOGGER.info("cuff refused the setup write: %s", exc)
        if not self._config.set_clock:
            return
        if client.has_characteristic(uuids.CURRENT_TIME):
            characteristic, data = uuids.CURRENT_TIME, encode_current_time(self._clock())
        elif client.has_characteristic(uuids.DATE_TIME):
            characteristic, data = uuids.DATE_TIME, encode_date_time(self._clock())
        else:
            return
        try:
            await client.write_gatt_char(characteristic, data, response=True)
        except Exception as exc:  # noqa: BLE001 - a refused clock write is not fatal
            _LOGGER.info("cuff refused the clock write: %s", exc)

    async def _collect(
        self, arrived: asyncio.Event, dropped: asyncio.Event, readings: list[Measurement]
    ) -> None:
        """Wait for the first reading, then until the cuff is quiet or gone."""
        config = self._config
        try:
            async with asyncio.timeout(config.measurement_timeout_s):
                while True:
                    arrived.clear()
                    waiters = [
                        asyncio.ensure_future(arrived.wait()),
                        asyncio.ensure_future(dropped.wait()),
                    ]
                    timeout = config.settle_s if readings else None
                    done, pending = await asyncio.wait(
                        waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
                    )
                    for waiter in pending:
                        waiter.cancel()
                    if dropped.is_set() or not done:
                        return  # link gone, or quiet for settle_s after a reading
        except TimeoutError:
            return  # measure() explains what was (not) received
