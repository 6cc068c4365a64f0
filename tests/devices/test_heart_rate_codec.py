"""0x2A37 against the Nordic vectors (device-protocols.md 1.3)."""

from __future__ import annotations

import pytest

from devices.codecs.errors import DecodeError
from devices.codecs.heart_rate import decode_heart_rate, encode_heart_rate
from devices.measurements import HeartRate, SensorContact

CASES = [
    ("0055", HeartRate(85, SensorContact.UNSUPPORTED, b"")),
    ("04ff", HeartRate(255, SensorContact.NOT_DETECTED, b"")),
    ("1e55320021 00", HeartRate(85, SensorContact.DETECTED, b"", 50, (round(33 / 1024, 4),))),
    (
        "1f0101320101000201ffff",
        HeartRate(
            257,
            SensorContact.DETECTED,
            b"",
            306,
            (round(1 / 1024, 4), round(258 / 1024, 4), round(65535 / 1024, 4)),
        ),
    ),
    ("1648550366 03", HeartRate(72, SensorContact.DETECTED, b"", None, (0.833, 0.8496))),
]


@pytest.mark.parametrize(("wire", "expected"), CASES)
def test_vectors(wire, expected):
    raw = bytes.fromhex(wire.replace(" ", ""))
    decoded = decode_heart_rate(raw)
    assert decoded == HeartRate(
        expected.heart_rate,
        expected.sensor_contact,
        raw,
        expected.energy_expended,
        expected.rr_intervals,
    )


def test_round_trip():
    raw = encode_heart_rate(72, contact=SensorContact.DETECTED, rr_intervals_1024=(853, 870))
    assert raw == bytes.fromhex("1648550366 03".replace(" ", ""))


@pytest.mark.parametrize(
    ("wire", "message"),
    [
        ("1701 01", "RR intervals present"),
        ("", "flags"),
        ("10 48 55", "odd"),
        ("09 48 01", "energy"),
    ],
)
def test_invalid(wire, message):
    with pytest.raises(DecodeError, match=message):
        decode_heart_rate(bytes.fromhex(wire.replace(" ", "")))
