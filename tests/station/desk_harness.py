"""A ``Station`` on a real database with scripted devices and a clock the test drives.

The fixtures built on this (``make_desk``, ``harness``) live in ``tests/station/conftest.py``;
``snapshot`` reads every table so a test can prove that a refused action changed no row.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from devices.device import DeviceEvent, DeviceState
from devices.measurements import BloodPressure, MeasurementKind, PressureUnit, SpO2
from station.service import DeskChanged, DeviceRole, Station, StationConfig, StationEvent
from station.store.database import Database, open_database
from station.store.models import Base
from station.store.repository import Store
from tests.station.actors import TEST_ACTOR

T0 = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


class ScriptedDevice:
    """A MeasuringDevice that returns scripted measurements or raises scripted errors.
    ``release``, when set, holds the measurement until the test sets it."""

    def __init__(self, device_id, kinds, script, simulated=False):
        self.device_id = device_id
        self.label = f"scripted {device_id}"
        self.simulated = simulated
        self.kinds = frozenset(kinds)
        self.script = list(script)
        self.started = asyncio.Event()
        self.release: asyncio.Event | None = None

    async def measure(self, on_event):
        on_event(DeviceEvent(self.device_id, DeviceState.CONNECTING))
        self.started.set()
        if self.release is not None:
            await self.release.wait()
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        on_event(DeviceEvent(self.device_id, DeviceState.READING_RECEIVED))
        return [step]


class Clock:
    """The station's clock: each reading of it moves ``step`` seconds on (30 by default, so
    successive actions happen at distinct times); ``advance`` lets time pass."""

    def __init__(self, start: datetime = T0, step: float = 30.0):
        self.now = start
        self.step = timedelta(seconds=step)

    def __call__(self):
        self.now += self.step
        return self.now

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


def bp(systolic, diastolic, pulse=70.0):
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, b"\x00", pulse_rate=pulse)


def spo2(value=97.0, pulse=71.0):
    return SpO2(value, pulse, b"\x01")


@dataclass
class Desk:
    """One desk: its station, devices, the events it sent, and a store on its database."""

    station: Station
    cuff: ScriptedDevice
    oximeter: ScriptedDevice
    events: list[StationEvent]
    store: Store
    clock: Clock
    url: str

    def close(self) -> None:
        self.station.close()
        self.database.close()

    @property
    def database(self) -> Database:
        return self.store.database

    def of_type(self, kind):
        return [e for e in self.events if isinstance(e, kind)]

    def last_change(self) -> DeskChanged:
        return self.of_type(DeskChanged)[-1]


def new_devices() -> tuple[ScriptedDevice, ScriptedDevice]:
    cuff = ScriptedDevice("cuff", {MeasurementKind.BLOOD_PRESSURE}, [])
    oximeter = ScriptedDevice("ox", {MeasurementKind.SPO2}, [], simulated=True)
    return cuff, oximeter


def build_desk(
    url, *, station_id="desk-1", clock=None, registry=None, config=None, sign_in_required=False
) -> Desk:
    """A desk on ``url`` (several desks, or a desk restarted, may share one database)."""
    database = open_database(url)
    events: list[StationEvent] = []
    cuff, oximeter = new_devices()
    clock = clock or Clock()
    station = Station(
        store=Store(database),
        devices={DeviceRole.BLOOD_PRESSURE: cuff, DeviceRole.OXIMETER: oximeter},
        config=config or StationConfig(station_id=station_id),
        clock=clock,
        on_event=events.append,
        registry=registry,
        actor=TEST_ACTOR,
        sign_in_required=sign_in_required,
    )
    return Desk(station, cuff, oximeter, events, Store(database), clock, url)


def snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order (for before/after comparisons)."""
    with database.engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }
