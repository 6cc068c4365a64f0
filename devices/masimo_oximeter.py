"""A Masimo Rad-8 (or Radical-7) on its RS-232 port in ASCII 1 mode, as a ``MeasuringDevice``.

9600 8N1, no flow control, one line a second (docs/reference/device-protocols.md 2.11). The device
streams by itself; ``measure`` reads lines until ``settle_lines`` consecutive lines carry valid
values (the EXC exception bits are honoured by the codec), and returns the last one. Unplugging the
cable shows DISCONNECTED and the port is reopened with backoff.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from devices.base import DeviceBase
from devices.codecs.errors import DecodeError
from devices.codecs.masimo import MasimoLineStream, decode_masimo_line
from devices.device import DeviceError, DeviceFault, DeviceState, EventSink
from devices.measurements import Measurement, MeasurementKind, SpO2
from devices.transports.serial_link import SerialLink, SerialLinkError, SerialSettings

__all__ = ["MasimoOximeterConfig", "MasimoSerialOximeter"]

MASIMO_SERIAL = SerialSettings(baudrate=9600)


@dataclass(frozen=True, slots=True)
class MasimoOximeterConfig:
    port: str
    settle_lines: int = 5  # five seconds of valid lines
    measurement_timeout_s: float = 60.0
    reconnect_timeout_s: float = 20.0
    reconnect_backoff_s: tuple[float, ...] = (0.2, 0.5, 1.0, 2.0)


class MasimoSerialOximeter(DeviceBase):
    def __init__(self, config: MasimoOximeterConfig, device_id: str = "masimo-rad8") -> None:
        super().__init__(
            device_id,
            f"Masimo Rad-8 on {config.port}",
            frozenset({MeasurementKind.SPO2}),
            simulated=False,
        )
        self._config = config

    async def _open(self, link: SerialLink, on_event: EventSink, *, lost: bool = False) -> None:
        """Open the port; ``lost``: it was open during this measurement and went away."""
        try:
            await link.open_with_backoff(
                within_s=self._config.reconnect_timeout_s,
                backoff_s=self._config.reconnect_backoff_s,
            )
        except SerialLinkError as exc:
            raise DeviceError(
                f"oximeter not reachable on {self._config.port}: is the cable plugged in? ({exc})",
                DeviceFault.LINK_LOST if lost else exc.cause,
            ) from exc
        on_event(self._event(DeviceState.CONNECTED))

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        config = self._config
        link = SerialLink(config.port, MASIMO_SERIAL)
        lines = MasimoLineStream()
        steady: list[SpO2] = []
        give_up = time.monotonic() + config.measurement_timeout_s
        on_event(self._event(DeviceState.CONNECTING))
        await self._open(link, on_event)
        try:
            while time.monotonic() < give_up:
                try:
                    data = await link.read()
                except SerialLinkError:
                    on_event(self._event(DeviceState.DISCONNECTED, "cable unplugged? reconnecting"))
                    lines = MasimoLineStream()
                    steady.clear()
                    await self._open(link, on_event, lost=True)
                    continue
                lines.receive_data(data)
                while (line := lines.next_line()) is not None:
                    try:
                        reading = decode_masimo_line(line)
                    except DecodeError:
                        continue  # a partial first line or noise
                    if reading.spo2 is None or reading.pulse_rate is None:
                        steady.clear()
                        on_event(self._event(DeviceState.MEASURING, "no finger or no pulse"))
                        continue
                    steady.append(reading)
                    on_event(self._event(DeviceState.MEASURING))
                    if len(steady) >= config.settle_lines:
                        on_event(self._event(DeviceState.READING_RECEIVED))
                        return [steady[-1]]
            raise DeviceError(
                f"no steady oximeter reading within {config.measurement_timeout_s:g} s: "
                "check the sensor is on the finger",
                DeviceFault.NO_READING,
            )
        finally:
            await link.close()
