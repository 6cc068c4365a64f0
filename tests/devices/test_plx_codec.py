"""0x2A5E and 0x2A5F against the Spezi vectors (docs/reference/device-protocols.md 1.4)."""

from __future__ import annotations

from datetime import datetime

import pytest

from devices.codecs.errors import DecodeError
from devices.codecs.plx import (
    decode_plx_continuous,
    decode_plx_spot_check,
    encode_plx_spot_check,
)
from devices.measurements import PlxDeviceStatus, PlxMeasurementStatus, SpO2


def h(text):
    return bytes.fromhex(text.replace(" ", ""))


def test_spezi_spot_check_full():
    raw = h("0F AC F3 BE F5 E8 07 0B 1D 17 08 39 20 40 22 00 00 66 E3")
    expected = SpO2(
        spo2=94.0,
        pulse_rate=147.0,
        raw=raw,
        timestamp=datetime(2024, 11, 29, 23, 8, 57),
        pulse_amplitude_index=8.7,
        measurement_status=PlxMeasurementStatus(
            measurement_ongoing=True, questionable_measurement_detected=True
        ),
        device_status=PlxDeviceStatus(
            equipment_malfunction_detected=True, low_perfusion_detected=True
        ),
    )
    assert decode_plx_spot_check(raw) == expected
    assert (
        encode_plx_spot_check(
            94.0,
            147.0,
            decimals=1,
            timestamp=expected.timestamp,
            measurement_status=expected.measurement_status,
            device_status=expected.device_status,
            pulse_amplitude_index=8.7,
            pai_decimals=2,
        )
        == raw
    )


@pytest.mark.parametrize(
    ("wire", "spo2", "pulse", "pai", "status"),
    [
        ("00 E8 F3 84 F3", 100.0, 90.0, None, None),
        ("00 64 00 5A 00", 100.0, 90.0, None, None),
        (
            "1C 5F 00 5A 00 20 00 00 00 00 57 F0",
            95.0,
            90.0,
            8.7,
            PlxMeasurementStatus(measurement_ongoing=True),
        ),
        (
            "1F DE F3 CA F3 CA F3 5A F5 D4 F3 B2 F2 20 01 00 00 00 7A E3",
            99.0,
            97.0,
            8.9,
            PlxMeasurementStatus(measurement_ongoing=True, fully_qualified_data=True),
        ),
    ],
)
def test_spezi_continuous(wire, spo2, pulse, pai, status):
    raw = h(wire)
    decoded = decode_plx_continuous(raw)
    assert (decoded.spo2, decoded.pulse_rate, decoded.pulse_amplitude_index) == (spo2, pulse, pai)
    assert decoded.measurement_status == status
    assert decoded.raw == raw


def test_finger_out_nan_and_nres_are_none():
    assert decode_plx_spot_check(h("00 FF 07 48 00")).spo2 is None
    assert decode_plx_spot_check(h("00 00 08 48 00")).spo2 is None


def test_clock_not_set_flag():
    assert decode_plx_spot_check(
        encode_plx_spot_check(97, 70, device_clock_not_set=True)
    ).device_clock_not_set


@pytest.mark.parametrize(
    ("decoder", "wire", "message"),
    [
        (decode_plx_spot_check, "", "empty"),
        (decode_plx_spot_check, "00 61 00 48", "pulse rate"),
        (decode_plx_spot_check, "01 61 00 48 00", "time stamp"),
        (decode_plx_spot_check, "04 61 00 48 00 01 00", "device status"),
        (decode_plx_continuous, "01 61 00 48 00", "SpO2PR-Fast"),
        (decode_plx_continuous, "10 61 00 48 00", "pulse amplitude"),
    ],
)
def test_truncated(decoder, wire, message):
    with pytest.raises(DecodeError, match=message):
        decoder(h(wire))
