"""0x2A37 against the Nordic vectors (docs/reference/device-protocols.md 1.3).

RR intervals are in 1/1024 s (Bluetooth Heart Rate Service 1.0, section 3.1.1.5): every raw
value divided by 1024 is exact in binary floating point, so the decoder reports it unrounded.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from devices.codecs.errors import DecodeError
from devices.codecs.heart_rate import decode_heart_rate, encode_heart_rate
from devices.measurements import HeartRate, SensorContact
from tests.console import SCRIPT

CASES = [
    ("0055", HeartRate(85, SensorContact.UNSUPPORTED, b"")),
    ("04ff", HeartRate(255, SensorContact.NOT_DETECTED, b"")),
    ("1e55320021 00", HeartRate(85, SensorContact.DETECTED, b"", 50, (33 / 1024,))),
    (
        "1f0101320101000201ffff",
        HeartRate(
            257,
            SensorContact.DETECTED,
            b"",
            306,
            (1 / 1024, 258 / 1024, 65535 / 1024),
        ),
    ),
    ("1648550366 03", HeartRate(72, SensorContact.DETECTED, b"", None, (853 / 1024, 870 / 1024))),
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


def test_rr_intervals_are_exact_not_rounded():
    # flags 0x10 (RR present), heart rate 60, RR raw 1000 (E8 03) and 1 (01 00).
    decoded = decode_heart_rate(bytes.fromhex("103ce8030100"))
    assert decoded.rr_intervals == (0.9765625, 0.0009765625)
    # The JSON the `decode` command prints keeps every digit.
    assert json.loads(json.dumps(decoded.to_json()))["rr_intervals"] == [0.9765625, 0.0009765625]


def test_decode_command_prints_exact_rr_intervals():
    result = subprocess.run(
        [str(SCRIPT), "decode", "ble:heart-rate", "103ce803"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rr_intervals"] == [0.9765625]


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
