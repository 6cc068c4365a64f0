"""A simulated instance of a catalogue model, run through the real driver for its protocol.

``"simulator:<model id>"`` in the settings gives the desk the model's real driver connected
to a simulator that speaks the model's bytes: Bluetooth models get a ``SimulatedPeripheral``
whose script is the protocol's traffic (a cuff that first replays yesterday's stored record,
then inflates and indicates today's reading; PLX, Berry and Jumper streams), serial models a
pseudo-terminal driven by the pty simulators. The driver cannot tell the difference, so a
clinic can rehearse with exactly the code paths a real device uses.

Every device built here reports ``simulated = True`` and a label starting with SIMULATOR, so
the station labels its readings as simulated on both screens and in the stored record.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from devices.ble import uuids
from devices.ble.client import BleClient, ClientFactory
from devices.codecs.berry import BERRY_NOTIFY_UUID, encode_berry_frame
from devices.codecs.blood_pressure import (
    NO_QUIRKS,
    BloodPressureQuirks,
    encode_blood_pressure,
    encode_cuff_pressure,
)
from devices.codecs.contec import ContecGeneration
from devices.codecs.jumper import JUMPER_NOTIFY_UUID
from devices.codecs.omron_classic import layout_for
from devices.codecs.plx import encode_plx_continuous, encode_plx_spot_check
from devices.device import EventSink, MeasuringDevice
from devices.measurements import Measurement, MeasurementKind
from devices.simulators.contec_serial import ContecPtySimulator
from devices.simulators.masimo_serial import MasimoPtySimulator
from devices.simulators.omron_classic import simulated_client_factory as omron_classic_factory
from devices.simulators.peripheral import SimulatedPeripheral, Step
from devices.simulators.values import SimulatedValues

__all__ = [
    "BLE_SIMULATED_PROTOCOLS",
    "SERIAL_SIMULATED_PROTOCOLS",
    "SimulatedModel",
    "simulated_ble_factory",
    "start_serial_simulator",
]

LocalClock = Callable[[], datetime]

BLE_SIMULATED_PROTOCOLS = ("ble-bls", "ble-plx", "ble-berry", "ble-jumper", "ble-omron-classic")
SERIAL_SIMULATED_PROTOCOLS = ("contec-v7", "contec-legacy", "masimo-ascii")


class _Stoppable(Protocol):
    def stop(self) -> None: ...


class SimulatedModel:
    """A real driver talking to a simulator, labelled SIMULATOR. Keeps the simulator (a pty
    thread) alive as long as the device exists; ``close`` stops it."""

    def __init__(self, driver: MeasuringDevice, simulator: _Stoppable | None = None) -> None:
        self._driver = driver
        self._simulator = simulator

    @property
    def device_id(self) -> str:
        return f"sim:{self._driver.device_id}"

    @property
    def label(self) -> str:
        return f"SIMULATOR {self._driver.label}"

    @property
    def simulated(self) -> bool:
        return True

    @property
    def kinds(self) -> frozenset[MeasurementKind]:
        return self._driver.kinds

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        return await self._driver.measure(on_event)

    def close(self) -> None:
        if self._simulator is not None:
            self._simulator.stop()
            self._simulator = None


def _cuff_script(
    values: SimulatedValues,
    clock: LocalClock,
    pace_s: float,
    quirks: BloodPressureQuirks = NO_QUIRKS,
) -> list[Step]:
    """Yesterday's stored record replayed first (the station must ignore it), then the live
    measurement: rising 0x2A36 cuff pressure and one indicated 0x2A35."""
    now = clock()
    old_sys, old_dia, old_pulse = values.blood_pressure()
    steps: list[Step] = [
        (
            "notify",
            uuids.BLOOD_PRESSURE_MEASUREMENT,
            encode_blood_pressure(
                old_sys,
                old_dia,
                None,
                pulse_rate=old_pulse,
                timestamp=now - timedelta(days=1),
                quirks=quirks,
            ),
        )
    ]
    systolic, diastolic, pulse = values.blood_pressure()
    top = systolic + 30
    for step in range(1, 11):
        steps.append(("sleep", pace_s))
        steps.append(
            ("notify", uuids.INTERMEDIATE_CUFF_PRESSURE, encode_cuff_pressure(top * step // 10))
        )
    steps.append(("sleep", pace_s))
    steps.append(
        (
            "notify",
            uuids.BLOOD_PRESSURE_MEASUREMENT,
            encode_blood_pressure(
                systolic,
                diastolic,
                round((systolic + 2 * diastolic) / 3),
                pulse_rate=pulse,
                timestamp=clock().replace(microsecond=0),
                quirks=quirks,
            ),
        )
    )
    return steps


def _plx_script(values: SimulatedValues, clock: LocalClock, pace_s: float) -> list[Step]:
    spo2, pulse = values.oximetry()
    steps: list[Step] = []
    for _ in range(6):
        steps.append(("notify", uuids.PLX_CONTINUOUS, encode_plx_continuous(spo2, pulse)))
        steps.append(("sleep", pace_s))
    stamp = clock().replace(microsecond=0)
    steps.append(
        ("notify", uuids.PLX_SPOT_CHECK, encode_plx_spot_check(spo2, pulse, timestamp=stamp))
    )
    return steps


def _berry_script(values: SimulatedValues, pace_s: float) -> list[Step]:
    """100 Hz frames sent ten to a notification, with a pulse-shaped plethysmogram."""
    spo2, pulse = values.oximetry()
    steps: list[Step] = []
    for chunk in range(12):
        frames = b""
        for i in range(10):
            phase = ((chunk * 10 + i) / 100 * pulse / 60) % 1.0
            pleth = int(20 + 90 * math.exp(-(((phase - 0.2) / 0.12) ** 2)))
            frames += encode_berry_frame(spo2, pulse, pleth)
        steps.append(("notify", BERRY_NOTIFY_UUID, frames))
        steps.append(("sleep", pace_s / 2))
    return steps


def _jumper_script(values: SimulatedValues, pace_s: float) -> list[Step]:
    """Idle '-' frames until the finger is in, then 0x81 live packets."""
    spo2, pulse = values.oximetry()
    steps: list[Step] = [("notify", JUMPER_NOTIFY_UUID, b"-" * 8), ("sleep", pace_s)]
    for _ in range(110):
        steps.append(("notify", JUMPER_NOTIFY_UUID, bytes((0x81, pulse, spo2, 0x1E))))
        steps.append(("sleep", pace_s / 20))
    return steps


_CHARACTERISTICS = {
    "ble-bls": (
        uuids.BLOOD_PRESSURE_MEASUREMENT,
        uuids.INTERMEDIATE_CUFF_PRESSURE,
        uuids.CURRENT_TIME,
    ),
    "ble-plx": (uuids.PLX_CONTINUOUS, uuids.PLX_SPOT_CHECK),
    "ble-berry": (BERRY_NOTIFY_UUID,),
    "ble-jumper": (JUMPER_NOTIFY_UUID,),
}
_START_ON = {
    "ble-bls": uuids.BLOOD_PRESSURE_MEASUREMENT,
    "ble-plx": uuids.PLX_CONTINUOUS,
    "ble-berry": BERRY_NOTIFY_UUID,
    "ble-jumper": JUMPER_NOTIFY_UUID,
}


def simulated_ble_factory(
    protocol: str,
    clock: LocalClock,
    *,
    pace_s: float,
    seed: int | None = None,
    model_id: str = "",
    bp_quirks: BloodPressureQuirks = NO_QUIRKS,
) -> ClientFactory:
    """A client factory whose peripherals speak ``protocol``; one new script per connection.
    Omron's classic protocol is a dialogue rather than a script: its own simulated cuff
    (``devices.simulators.omron_classic``) answers, with the memory layout of ``model_id``.
    ``bp_quirks``: a cuff that sends 0x2A35 the way a vendor does (e.g. Beurer's BM)."""
    if protocol not in BLE_SIMULATED_PROTOCOLS:
        raise ValueError(f"no Bluetooth simulator for protocol {protocol!r}")
    if protocol == "ble-omron-classic":
        return omron_classic_factory(layout_for(model_id), clock, seed=seed)
    values = SimulatedValues(seed)

    def script() -> list[Step]:
        if protocol == "ble-bls":
            return _cuff_script(values, clock, pace_s, bp_quirks)
        if protocol == "ble-plx":
            return _plx_script(values, clock, pace_s)
        if protocol == "ble-berry":
            return _berry_script(values, pace_s)
        return _jumper_script(values, pace_s)

    def factory(address: str, on_disconnect: Callable[[], None]) -> BleClient:
        return SimulatedPeripheral(
            on_disconnect,
            script=script,
            characteristics=_CHARACTERISTICS[protocol],
            start_on=_START_ON[protocol],
        )

    return factory


def start_serial_simulator(
    protocol: str, *, seed: int | None = None, folder: Path | None = None
) -> tuple[Path, _Stoppable]:
    """Start the pty simulator for a serial protocol; returns the port path to open."""
    if protocol not in SERIAL_SIMULATED_PROTOCOLS:
        raise ValueError(f"no serial simulator for protocol {protocol!r}")
    spo2, pulse = SimulatedValues(seed).oximetry()
    port = (folder or Path(tempfile.mkdtemp(prefix="vitals-sim-"))) / f"{protocol}-port"
    simulator: ContecPtySimulator | MasimoPtySimulator
    if protocol == "masimo-ascii":
        simulator = MasimoPtySimulator(port, spo2=spo2, pulse=pulse, interval_s=0.2)
    else:
        generation = ContecGeneration.V7 if protocol == "contec-v7" else ContecGeneration.LEGACY
        simulator = ContecPtySimulator(port, generation, spo2=spo2, pulse=pulse)
    simulator.start()
    return port, simulator
