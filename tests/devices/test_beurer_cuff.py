"""A Beurer BM85 configured from the catalogue: its cuff decodes 0x2A35 with the Beurer quirk
(pulse and status big-endian), so the real capture's pulse is 63, not -256000 (issue 10
item 14). The packets are the real BM85 capture of derdilla/blood-pressure-monitor-fl
(app/test/features/bluetooth/logic/characteristics/ble_measurement_data_test.dart), with the
time stamp set to the measurement's time so the binding rules (readings from before the
measurement are not bound) take it."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from config.catalog import load_catalog
from devices.ble import uuids
from devices.ble.cuff import BleBloodPressureCuff, BleCuffConfig
from devices.codecs.date_time import encode_date_time
from station.checks import check_measurement
from station.checks.findings import blocks
from station.service import DeviceRole
from station.wiring import build_devices
from tests.devices.fake_ble import FakeFactory

NOW = datetime(2026, 11, 22, 9, 30, 0)
CAPTURE = bytes([86, 106, 0, 71, 0, 0, 0, 234, 7, 8, 11, 18, 31, 0, 0, 63, 0, 0, 4])


def _captured_at(when: datetime) -> bytes:
    return CAPTURE[:7] + encode_date_time(when) + CAPTURE[14:]


def _measure(profile: str):
    factory = FakeFactory(
        script=[
            ("notify", uuids.BLOOD_PRESSURE_MEASUREMENT, _captured_at(NOW + timedelta(seconds=40)))
        ]
    )
    device = BleBloodPressureCuff(
        BleCuffConfig(
            address="AA:BB:CC:DD:EE:FF",
            backoff_s=(0.0,),
            settle_s=0.05,
            measurement_timeout_s=2.0,
            measurement_profile=profile,
        ),
        factory,
        lambda: NOW,
    )
    (reading,) = asyncio.run(device.measure(lambda event: None))
    return reading


def test_catalogue_names_the_quirk_with_its_source():
    model = load_catalog()["beurer-bm85"]
    assert model.kind == "blood_pressure"
    assert model.protocol == "ble-bls"
    assert "beurer-bm-byte-order" in model.quirks


def test_wiring_gives_a_beurer_cuff_the_beurer_decoder(make_settings):
    def profile(setting):
        settings = make_settings(f'[devices]\nblood_pressure = "{setting}"\n')
        cuff = build_devices(settings, simulate=False)[DeviceRole.BLOOD_PRESSURE]
        return cuff._config.measurement_profile

    assert profile("beurer-bm85@00:11:22:33:44:55") == "ble:beurer-bm"
    assert profile("generic-ble-bp@00:11:22:33:44:55") == "ble:blood-pressure"


def test_a_beurer_cuff_reading_is_decoded_as_beurer_sends_it():
    reading = _measure("ble:beurer-bm")
    assert (reading.systolic, reading.diastolic, reading.pulse_rate) == (106.0, 71.0, 63.0)
    assert reading.status.irregular_pulse  # the status byte Beurer sends big-endian
    assert not blocks(check_measurement(reading))


def test_the_same_packet_through_the_standard_decoder_is_blocked_not_graded():
    reading = _measure("ble:blood-pressure")
    assert reading.pulse_rate == -256000.0
    findings = check_measurement(reading)
    assert blocks(findings)
    assert {f.parameter for f in findings if f.severity == "invalid"} >= {"pulse_rate"}
