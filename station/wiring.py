"""Building a working station from settings: database, devices, clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from config.settings import Settings
from devices.device import MeasuringDevice
from devices.simulators import SimulatedBloodPressureCuff, SimulatedPulseOximeter
from station.service import DeviceRole, EventSink, Station, StationConfig
from station.store.database import Database, open_database
from station.store.repository import Store

__all__ = ["build_devices", "build_station", "open_store", "system_clock"]


def system_clock() -> datetime:
    """The station's clock: timezone-aware local time (stored as UTC)."""
    return datetime.now(UTC).astimezone()


def open_store(settings: Settings) -> Store:
    database: Database = open_database(settings.database.url or None)
    return Store(database)


def build_devices(
    settings: Settings, *, simulate: bool, seed: int | None = None, pace_s: float | None = None
) -> dict[DeviceRole, MeasuringDevice]:
    """The devices for each role. Until real transports land (issue 3) every configured
    device is a simulator, and ``simulate`` only makes that explicit."""
    del simulate  # every role is "simulator" in the settings schema today
    pace = settings.devices.simulator_pace_seconds if pace_s is None else pace_s
    return {
        DeviceRole.BLOOD_PRESSURE: SimulatedBloodPressureCuff(seed=seed, pace_s=pace),
        DeviceRole.OXIMETER: SimulatedPulseOximeter(
            seed=None if seed is None else seed + 1, pace_s=pace
        ),
    }


def build_station(
    settings: Settings,
    store: Store,
    devices: dict[DeviceRole, MeasuringDevice],
    on_event: EventSink,
    clock: Callable[[], datetime] = system_clock,
) -> Station:
    return Station(
        store=store,
        devices=devices,
        config=StationConfig(station_id=settings.station.id),
        clock=clock,
        on_event=on_event,
    )
