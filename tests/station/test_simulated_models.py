"""``"simulator:<model>"``: each catalogue model's real driver against a simulator of its
byte protocol, through the station's workflow to the stored record."""

from __future__ import annotations

import asyncio
import sys

import pytest

from config.catalog import load_catalog
from devices.device import DeviceState
from devices.measurements import BloodPressure, SpO2
from devices.simulators.models import BLE_SIMULATED_PROTOCOLS, SERIAL_SIMULATED_PROTOCOLS
from station.service import DeviceRole, Station, StationConfig
from station.store.database import open_database
from station.store.repository import Store
from station.wiring import bluetooth_addresses, build_devices, system_clock
from tests.station.actors import TEST_ACTOR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

SIMULATED = sorted(
    model_id
    for model_id, model in load_catalog().items()
    if model.protocol in (*BLE_SIMULATED_PROTOCOLS, *SERIAL_SIMULATED_PROTOCOLS)
)


def test_every_catalogue_model_has_a_simulator():
    assert set(SIMULATED) == set(load_catalog())


@pytest.mark.parametrize("model_id", SIMULATED)
def test_simulated_model_reading_goes_through_its_real_driver_and_is_labelled(
    make_settings, model_id
):
    model = load_catalog()[model_id]
    role = DeviceRole.BLOOD_PRESSURE if model.kind == "blood_pressure" else DeviceRole.OXIMETER
    settings = make_settings(f'[devices]\n{model.kind} = "simulator:{model_id}"\n')
    assert bluetooth_addresses(settings) == []  # no pairing agent for a simulator
    device = build_devices(settings, simulate=False, seed=7, pace_s=0.01)[role]
    assert device.simulated
    assert device.label.startswith("SIMULATOR ")
    assert type(device._driver).__name__ != type(device).__name__  # the real driver inside
    events = []
    database = open_database(settings.database.url)
    try:
        station = Station(
            store=Store(database),
            devices={role: device},
            config=StationConfig(station_id="desk-1"),
            clock=system_clock,
            on_event=events.append,
            actor=TEST_ACTOR,
        )

        async def visit():
            await station.call_next()
            await station.start_visit("3174015708900001", "Siti Aminah", None)
            return await asyncio.wait_for(station.measure(role), 30)

        (stored,) = asyncio.run(visit())
    finally:
        device.close()
        database.close()
    assert stored.source.simulated
    expected = BloodPressure if model.kind == "blood_pressure" else SpO2
    assert isinstance(stored.measurement, expected)
    states = [e.event.state for e in events if hasattr(e, "event")]
    assert DeviceState.READING_RECEIVED in states
    if model.protocol == "ble-bls":
        ignored = [e.event.ignored for e in events if hasattr(e, "event")]
        assert any("stored reading from" in d for d in ignored)  # yesterday's replay shown
