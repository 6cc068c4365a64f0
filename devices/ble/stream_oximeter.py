"""Vendor "UART over BLE" fingertip oximeters (Berry BM1000, Jumper): one notify stream.

These devices stream live samples on a vendor characteristic instead of the standard PLX
service. A ``SampleParser`` turns notification bytes into samples (a measurement, and a pleth
value where the protocol has one); the reading is the last of ``settle_samples`` valid samples
in a row. Pleth values reach the UI as numpy chunks, as for the serial Contec.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from devices.base import DeviceBase
from devices.ble.client import BleClient, ClientFactory
from devices.ble.connection import (
    ConnectPolicy,
    connect_with_retries,
    disconnect_quietly,
    wait_for_result_or_drop,
)
from devices.codecs.berry import BERRY_NOTIFY_UUID, BerryStream
from devices.codecs.errors import DecodeError
from devices.codecs.jumper import JUMPER_NOTIFY_UUID, decode_jumper_packet
from devices.device import DeviceError, DeviceFault, DeviceState, EventSink
from devices.measurements import Measurement, MeasurementKind, SpO2

__all__ = [
    "BerryParser",
    "BleStreamOximeter",
    "BleStreamOximeterConfig",
    "JumperParser",
    "SampleParser",
]

WAVEFORM_CHUNK = 10  # 10 Hz UI updates at Berry's 100 Hz


class SampleParser(Protocol):
    notify_uuid: str

    def feed(self, payload: bytes) -> list[tuple[SpO2, int | None]]: ...


class BerryParser:
    notify_uuid = BERRY_NOTIFY_UUID

    def __init__(self) -> None:
        self._stream = BerryStream()

    def feed(self, payload: bytes) -> list[tuple[SpO2, int | None]]:
        self._stream.receive_data(payload)
        samples: list[tuple[SpO2, int | None]] = []
        while (frame := self._stream.next_frame()) is not None:
            samples.append((frame.measurement, frame.pleth))
        return samples


class JumperParser:
    notify_uuid = JUMPER_NOTIFY_UUID

    def feed(self, payload: bytes) -> list[tuple[SpO2, int | None]]:
        try:
            return [(decode_jumper_packet(payload), None)]
        except DecodeError:
            return []  # another packet type (battery, status): not a sample


@dataclass(frozen=True, slots=True)
class BleStreamOximeterConfig:
    address: str
    label: str
    parser_factory: Callable[[], SampleParser]
    settle_samples: int = 100
    connect_attempts: int = 3
    connect_timeout_s: float = 20.0
    backoff_s: Sequence[float] = (0.5, 2.0, 5.0)
    measurement_timeout_s: float = 60.0


class BleStreamOximeter(DeviceBase):
    def __init__(
        self,
        config: BleStreamOximeterConfig,
        client_factory: ClientFactory,
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

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        config = self._config
        parser = config.parser_factory()
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
        done: asyncio.Future[SpO2] = asyncio.get_running_loop().create_future()
        steady: list[SpO2] = []
        pleth: list[int] = []

        def on_notify(payload: bytes) -> None:
            for sample, wave in parser.feed(payload):
                if wave is not None:
                    pleth.append(wave)
                    if len(pleth) >= WAVEFORM_CHUNK:
                        on_event(
                            self._event(
                                DeviceState.MEASURING, waveform=np.array(pleth, dtype=np.int16)
                            )
                        )
                        pleth.clear()
                if sample.spo2 is None or sample.pulse_rate is None:
                    if steady:
                        on_event(self._event(DeviceState.MEASURING, "no finger or no pulse"))
                    steady.clear()
                    continue
                steady.append(sample)
                if len(steady) >= config.settle_samples and not done.done():
                    done.set_result(sample)

        try:
            await client.start_notify(parser.notify_uuid, on_notify)
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
