"""A configured Contec oximeter on a real pseudo-terminal, through the station's workflow:
settings -> wiring -> serial transport -> codec -> checks -> store."""

from __future__ import annotations

import asyncio
import sys

import pytest

from station.service import DeviceRole, Station, StationConfig
from station.store.database import open_database
from station.store.repository import Store
from station.wiring import build_devices, system_clock
from tests.station.actors import TEST_ACTOR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def test_configured_contec_oximeter_reading_is_stored(tmp_path, make_settings):
    from devices.simulators.contec_serial import ContecPtySimulator

    simulator = ContecPtySimulator(tmp_path / "ttyUSB-oximeter", spo2=95, pulse=81)
    simulator.start()
    try:
        settings = make_settings(
            f'[devices]\noximeter = "contec-cms50d-plus@{simulator.port_path}"\n'
        )
        devices = build_devices(settings, simulate=False)
        oximeter = devices[DeviceRole.OXIMETER]
        assert not oximeter.simulated
        assert devices[DeviceRole.BLOOD_PRESSURE].simulated  # still "simulator" in settings
        database = open_database(settings.database.url)
        station = Station(
            store=Store(database),
            devices=devices,
            config=StationConfig(station_id="desk-1"),
            clock=system_clock,
            on_event=lambda event: None,
            actor=TEST_ACTOR,
        )

        async def visit():
            await station.call_next()
            await station.start_visit("3174015507850002", "Siti", None)
            return await asyncio.wait_for(station.measure(DeviceRole.OXIMETER), 30)

        (reading,) = asyncio.run(visit())
        assert (reading.measurement.spo2, reading.measurement.pulse_rate) == (95.0, 81.0)
        assert reading.valid
        assert not reading.source.simulated
        assert reading.measurement.raw[0] == 0x01  # a V7 realtime packet, as received
        station.close()
        database.close()
    finally:
        simulator.stop()


def test_simulate_flag_overrides_configured_devices(make_settings):
    settings = make_settings('[devices]\noximeter = "contec-cms50d-plus@/dev/ttyUSB9"\n')
    assert build_devices(settings, simulate=True)[DeviceRole.OXIMETER].simulated


@pytest.mark.parametrize(
    ("setting", "kind", "device_class"),
    [
        ("and-ua-651ble@00:09:1F:80:12:34", "blood_pressure", "BleBloodPressureCuff"),
        ("generic-ble-plx@11:22:33:44:55:66", "oximeter", "BlePulseOximeter"),
        ("contec-cms50d-plus-legacy@/dev/ttyUSB0", "oximeter", "ContecSerialOximeter"),
        ("masimo-rad8@/dev/ttyS1", "oximeter", "MasimoSerialOximeter"),
        ("berry-bm1000@00:A0:50:11:22:33", "oximeter", "BleStreamOximeter"),
        ("jumper-oximeter@C0:11:22:33:44:55", "oximeter", "BleStreamOximeter"),
    ],
)
def test_catalogue_models_build_their_drivers(make_settings, setting, kind, device_class):
    settings = make_settings(f'[devices]\n{kind} = "{setting}"\n')
    role = DeviceRole.BLOOD_PRESSURE if kind == "blood_pressure" else DeviceRole.OXIMETER
    device = build_devices(settings, simulate=False)[role]
    assert type(device).__name__ == device_class
    assert not device.simulated


def test_pairing_agent_is_only_started_for_bluetooth_devices(make_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-bluez-here")
    from station.wiring import bluetooth_addresses, start_pairing_agent

    assert bluetooth_addresses(make_settings()) == []
    assert asyncio.run(start_pairing_agent(make_settings())) is None
    with_cuff = make_settings('[devices]\nblood_pressure = "and-ua-651ble@00:09:1F:80:12:34"\n')
    assert bluetooth_addresses(with_cuff) == ["00:09:1F:80:12:34"]
    # No BlueZ on the (redirected) system bus: logged and carried on, never raised.
    assert asyncio.run(start_pairing_agent(with_cuff)) is None


def test_the_and_cuff_gets_its_vendor_setup_write_and_others_do_not(make_settings):
    from devices.ble import uuids

    def setup_writes(setting):
        settings = make_settings(f'[devices]\nblood_pressure = "{setting}"\n')
        return build_devices(settings, simulate=False)[
            DeviceRole.BLOOD_PRESSURE
        ]._config.setup_writes

    assert setup_writes("and-ua-651ble@00:09:1F:80:12:34") == (
        (uuids.AND_CUSTOM_CHARACTERISTIC, bytes((0x02, 0x00, 0xE1))),
    )
    assert setup_writes("generic-ble-bp@00:09:1F:80:12:34") == ()
