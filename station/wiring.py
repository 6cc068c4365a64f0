"""Building a working station from settings: database, devices, clock."""

from __future__ import annotations

import atexit
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from config.catalog import DeviceModel, DeviceSpec
from config.settings import Settings
from devices.ble import uuids
from devices.ble.client import ClientFactory
from devices.ble.cuff import BleBloodPressureCuff, BleCuffConfig
from devices.ble.omron_classic import OmronClassicConfig, OmronClassicCuff
from devices.ble.oximeter import BleOximeterConfig, BlePulseOximeter
from devices.ble.stream_oximeter import (
    BerryParser,
    BleStreamOximeter,
    BleStreamOximeterConfig,
    JumperParser,
)
from devices.codecs.blood_pressure import BEURER_BM, NO_QUIRKS, BloodPressureQuirks
from devices.codecs.contec import ContecGeneration
from devices.contec_oximeter import ContecOximeterConfig, ContecSerialOximeter
from devices.device import MeasuringDevice
from devices.masimo_oximeter import MasimoOximeterConfig, MasimoSerialOximeter
from devices.simulators import SimulatedBloodPressureCuff, SimulatedPulseOximeter
from devices.simulators.models import (
    SimulatedModel,
    simulated_ble_factory,
    start_serial_simulator,
)
from station.audit import Actor
from station.ckg import CkgWindow
from station.command_store import audit_command, open_store
from station.os_account import os_actor
from station.service import DeviceRole, EventSink, RegistryLookup, Station, StationConfig
from station.store.repository import Store

_LOGGER = logging.getLogger(__name__)

__all__ = [
    "audit_command",
    "bluetooth_addresses",
    "build_devices",
    "build_station",
    "local_clock",
    "open_store",
    "os_actor",
    "start_pairing_agent",
    "system_clock",
]


def system_clock() -> datetime:
    """The station's clock: timezone-aware local time (stored as UTC)."""
    return datetime.now(UTC).astimezone()


def local_clock() -> datetime:
    """Naive local time, the way device clocks count."""
    return datetime.now(UTC).astimezone().replace(tzinfo=None)


def _setup_writes(model: DeviceModel) -> tuple[tuple[str, bytes], ...]:
    if "and-setup-write" in model.quirks:
        return ((uuids.AND_CUSTOM_CHARACTERISTIC, bytes((0x02, 0x00, 0xE1))),)
    return ()


def _bp_codec(model: DeviceModel) -> tuple[str, BloodPressureQuirks]:
    """The 0x2A35 decode profile and codec quirks of a catalogue cuff (config/catalog.py)."""
    if "beurer-bm-byte-order" in model.quirks:
        return "ble:beurer-bm", BEURER_BM
    return "ble:blood-pressure", NO_QUIRKS


def _real_device(spec: DeviceSpec, client_factory: ClientFactory | None = None) -> MeasuringDevice:
    """The model's driver; ``client_factory`` replaces bleak (a simulated peripheral)."""
    model = spec.model
    assert model is not None
    if model.transport == "bluetooth":
        if client_factory is None:
            # Imported here so headless commands never load bleak unless a device needs it.
            from devices.ble.bleak_client import bleak_client_factory  # noqa: PLC0415

            client_factory = bleak_client_factory

        if model.protocol in ("ble-berry", "ble-jumper"):
            parser = BerryParser if model.protocol == "ble-berry" else JumperParser
            return BleStreamOximeter(
                BleStreamOximeterConfig(
                    address=spec.address, label=model.name, parser_factory=parser
                ),
                client_factory,
            )
        if model.protocol == "ble-plx":
            return BlePulseOximeter(
                BleOximeterConfig(address=spec.address, label=model.name),
                client_factory,
                local_clock,
            )
        if model.protocol == "ble-omron-classic":
            # Catalogue id "omron-hem-7155t" names the memory layout "HEM-7155T".
            return OmronClassicCuff(
                OmronClassicConfig(address=spec.address, label=model.name, layout=model.id),
                client_factory,
                local_clock,
            )
        return BleBloodPressureCuff(
            BleCuffConfig(
                address=spec.address,
                label=model.name,
                setup_writes=_setup_writes(model),
                measurement_profile=_bp_codec(model)[0],
            ),
            client_factory,
            local_clock,
        )
    if model.protocol == "masimo-ascii":
        return MasimoSerialOximeter(MasimoOximeterConfig(port=spec.address))
    generation = ContecGeneration.V7 if model.protocol == "contec-v7" else ContecGeneration.LEGACY
    return ContecSerialOximeter(ContecOximeterConfig(port=spec.address, generation=generation))


def build_devices(
    settings: Settings, *, simulate: bool, seed: int | None = None, pace_s: float | None = None
) -> dict[DeviceRole, MeasuringDevice]:
    """The device for each role: the configured one, or a simulator when the settings say
    "simulator" or ``simulate`` is set (``--simulate`` overrides real devices)."""
    pace = settings.devices.simulator_pace_seconds if pace_s is None else pace_s
    cuff_spec = settings.devices.spec("blood_pressure")
    oximeter_spec = settings.devices.spec("oximeter")
    cuff: MeasuringDevice = (
        SimulatedBloodPressureCuff(seed=seed, pace_s=pace)
        if simulate or cuff_spec.model is None
        else _configured_device(cuff_spec, pace, seed)
    )
    oximeter_seed = None if seed is None else seed + 1
    oximeter: MeasuringDevice = (
        SimulatedPulseOximeter(seed=oximeter_seed, pace_s=pace)
        if simulate or oximeter_spec.model is None
        else _configured_device(oximeter_spec, pace, oximeter_seed)
    )
    return {DeviceRole.BLOOD_PRESSURE: cuff, DeviceRole.OXIMETER: oximeter}


def _configured_device(spec: DeviceSpec, pace_s: float, seed: int | None) -> MeasuringDevice:
    """The model's driver, connected to the real device or, for "simulator:<model>", to a
    simulator of the model's byte protocol."""
    if not spec.simulator:
        return _real_device(spec)
    model = spec.model
    assert model is not None
    if model.transport == "bluetooth":
        factory = simulated_ble_factory(
            model.protocol,
            local_clock,
            pace_s=pace_s,
            seed=seed,
            model_id=model.id,
            bp_quirks=_bp_codec(model)[1],
        )
        return SimulatedModel(_real_device(DeviceSpec(model, "simulated"), factory))
    port, simulator = start_serial_simulator(model.protocol, seed=seed)
    driver = _real_device(DeviceSpec(model=model, address=str(port)))
    device = SimulatedModel(driver, simulator)
    atexit.register(device.close)
    return device


def build_station(
    settings: Settings,
    store: Store,
    devices: dict[DeviceRole, MeasuringDevice],
    on_event: EventSink,
    clock: Callable[[], datetime] = system_clock,
    *,
    registry: RegistryLookup | None = None,
    actor: Actor | None = None,
    sign_in_required: bool = False,
) -> Station:
    """``actor``: whom the audit names while no operator is signed in; by default the OS
    account running the station. ``sign_in_required``: the desk app (issue 12)."""
    return Station(
        store=store,
        devices=devices,
        config=StationConfig(
            station_id=settings.station.id,
            rule_set=settings.checks.rule_set,
            ckg_window=CkgWindow.from_setting(settings.ckg.birthday_window_days),
        ),
        clock=clock,
        on_event=on_event,
        registry=registry,
        actor=actor or os_actor(),
        sign_in_required=sign_in_required,
    )


def bluetooth_addresses(settings: Settings) -> list[str]:
    """Addresses of the configured Bluetooth devices (empty when none)."""
    specs = (settings.devices.spec("blood_pressure"), settings.devices.spec("oximeter"))
    return [
        spec.address
        for spec in specs
        if spec.model is not None and spec.model.transport == "bluetooth" and not spec.simulator
    ]


async def start_pairing_agent(settings: Settings) -> object | None:
    """On Linux with Bluetooth devices configured, register the BlueZ pairing agent that
    confirms pairing for those devices only. Returns the bus to keep open, or None.
    Failure (no BlueZ, no adapter) is logged, not fatal: devices paired by hand still work."""
    addresses = bluetooth_addresses(settings)
    if not addresses or sys.platform != "linux":
        return None
    from devices.ble.bluez_agent import register_agent  # noqa: PLC0415 - Linux + Bluetooth only

    try:
        bus, _agent = await register_agent(addresses)
    except Exception as exc:  # noqa: BLE001 - D-Bus and OS errors alike; pairing by hand remains
        _LOGGER.warning("Bluetooth pairing agent not registered: %s", exc)
        return None
    return bus
