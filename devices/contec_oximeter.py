"""A Contec CMS50D+/E oximeter on a USB-serial cable, as a ``MeasuringDevice``.

One ``measure`` call: open the port with the generation's framing, start the realtime stream
(V7 only; the legacy stream flows by itself), send the keep-alive the V7 firmware needs,
decode frames, and return once the oximeter has given ``settle_frames`` valid frames in a row
(the reading has settled). Live samples go out as MEASURING events. If the cable is pulled the
device reports DISCONNECTED and reopens the same port with backoff, so a replug continues the
measurement without restarting anything; if it stays away past ``reconnect_timeout_s`` the
measurement fails with a reason. Nothing here blocks the event loop.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np
import serial

from devices.base import DeviceBase
from devices.codecs.contec import (
    KEEP_ALIVE,
    START_REALTIME,
    STOP_REALTIME,
    ContecGeneration,
    ContecStream,
    OximeterFrame,
)
from devices.device import DeviceError, DeviceEvent, DeviceFault, DeviceState, EventSink
from devices.measurements import Measurement, MeasurementKind
from devices.transports.serial_link import SerialLink, SerialLinkError, SerialSettings

__all__ = ["ContecOximeterConfig", "ContecSerialOximeter", "serial_settings_for"]

# Pleth samples per waveform event: 6 at 60 Hz is a 10 Hz screen update, cheap for the UI.
WAVEFORM_CHUNK = 6

_LOGGER = logging.getLogger(__name__)

# docs/reference/device-protocols.md 2.5: legacy 19200 8O1 with XON/XOFF; V7 115200 8N1.
_SETTINGS = {
    ContecGeneration.LEGACY: SerialSettings(baudrate=19200, parity=serial.PARITY_ODD, xonxoff=True),
    ContecGeneration.V7: SerialSettings(baudrate=115200),
}


def serial_settings_for(generation: ContecGeneration) -> SerialSettings:
    return _SETTINGS[generation]


@dataclass(frozen=True, slots=True)
class ContecOximeterConfig:
    port: str
    generation: ContecGeneration = ContecGeneration.V7
    # 60 frames = one second of valid samples at the device's 60 Hz.
    settle_frames: int = 60
    keep_alive_interval_s: float = 4.0
    # The whole measurement gives up after this long (finger never inserted, say).
    measurement_timeout_s: float = 60.0
    reconnect_timeout_s: float = 20.0
    reconnect_backoff_s: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0)


class ContecSerialOximeter(DeviceBase):
    def __init__(self, config: ContecOximeterConfig, device_id: str = "contec-cms50") -> None:
        super().__init__(
            device_id,
            f"Contec CMS50 on {config.port}",
            frozenset({MeasurementKind.SPO2}),
            simulated=False,
        )
        self._config = config
        self.frames_seen = 0

    async def _connect(self, link: SerialLink, on_event: EventSink, *, lost: bool = False) -> None:
        """Open the port; ``lost``: it was open during this measurement and went away."""
        try:
            await link.open_with_backoff(
                within_s=self._config.reconnect_timeout_s,
                backoff_s=self._config.reconnect_backoff_s,
            )
        except SerialLinkError as exc:
            raise DeviceError(
                f"oximeter not reachable on {self._config.port}: is it plugged in? ({exc})",
                DeviceFault.LINK_LOST if lost else exc.cause,
            ) from exc
        on_event(self._event(DeviceState.CONNECTED))
        if self._config.generation is ContecGeneration.V7:
            await link.write(START_REALTIME)

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        config = self._config
        link = SerialLink(config.port, serial_settings_for(config.generation))
        stream = ContecStream(config.generation)
        started = time.monotonic()
        give_up = started + config.measurement_timeout_s
        on_event(self._event(DeviceState.CONNECTING))
        await self._connect(link, on_event)
        last_keep_alive = time.monotonic()
        valid_run: list[OximeterFrame] = []
        pleth: list[int] = []
        try:
            while time.monotonic() < give_up:
                try:
                    data = await link.read()
                    if (
                        config.generation is ContecGeneration.V7
                        and time.monotonic() - last_keep_alive >= config.keep_alive_interval_s
                    ):
                        await link.write(KEEP_ALIVE)
                        last_keep_alive = time.monotonic()
                except SerialLinkError:
                    on_event(self._event(DeviceState.DISCONNECTED, "cable unplugged? reconnecting"))
                    stream = ContecStream(config.generation)
                    valid_run.clear()
                    await self._connect(link, on_event, lost=True)
                    continue
                stream.receive_data(data)
                while (frame := stream.next_frame()) is not None:
                    self.frames_seen += 1
                    pleth.append(frame.pleth)
                    if len(pleth) >= WAVEFORM_CHUNK:
                        on_event(
                            DeviceEvent(
                                self._device_id,
                                DeviceState.MEASURING,
                                waveform=np.array(pleth, dtype=np.int16),
                            )
                        )
                        pleth.clear()
                    if frame.measurement.spo2 is None or frame.measurement.pulse_rate is None:
                        if valid_run or self.frames_seen == 1:
                            on_event(self._event(DeviceState.MEASURING, "no finger or no pulse"))
                        valid_run.clear()
                        continue
                    valid_run.append(frame)
                    if len(valid_run) % 15 == 1:
                        on_event(self._event(DeviceState.MEASURING))
                    if len(valid_run) >= config.settle_frames:
                        on_event(self._event(DeviceState.READING_RECEIVED))
                        return [valid_run[-1].measurement]
            raise DeviceError(
                "no steady oximeter reading within "
                f"{config.measurement_timeout_s:g} s: check the finger is in the probe",
                DeviceFault.NO_READING,
            )
        finally:
            if link.is_open and config.generation is ContecGeneration.V7:
                try:
                    await link.write(STOP_REALTIME)
                except SerialLinkError:
                    _LOGGER.debug("could not stop the realtime stream; port already gone")
            await link.close()
