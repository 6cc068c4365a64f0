"""IEEE 11073 SFLOAT and Bluetooth Date Time (docs/reference/device-protocols.md 1.1)."""

from __future__ import annotations

from datetime import datetime

import pytest

from devices.codecs.date_time import encode_date_time, read_date_time
from devices.codecs.errors import DecodeError
from devices.codecs.sfloat import decode_sfloat, encode_sfloat, read_sfloat

# (wire bytes, value, decimals used to encode it, source)
CASES = [
    ("7800", 120.0, 0, "standard encoding"),
    ("8000", 128.0, 0, "A&D UA-651BLE doc example via obniz"),
    ("b0f0", 17.6, 1, "A&D UA-651BLE doc example, kPa"),
    ("bdf0", 18.9, 1, "Nordic BPM test"),
    ("e8f3", 100.0, 1, "Spezi PLX test"),
    ("66e3", 8.70, 2, "Spezi PLX test (PAI)"),
    ("fe0f", -2.0, 0, "negative mantissa, computed"),
]


@pytest.mark.parametrize(("wire", "value", "decimals", "source"), CASES)
def test_decode(wire, value, decimals, source):
    assert read_sfloat(bytes.fromhex(wire), 0, "x") == value, source


@pytest.mark.parametrize(("wire", "value", "decimals", "source"), CASES)
def test_encode(wire, value, decimals, source):
    assert encode_sfloat(value, decimals).hex() == wire, source


def test_biased_exponent_reading_is_not_used():
    # bluetooth-sig-python's "120 mmHg" vector 78 80 really is 120e-8
    # (docs/reference/device-protocols.md 0.1)
    assert read_sfloat(bytes.fromhex("7880"), 0, "x") == pytest.approx(1.2e-6)


@pytest.mark.parametrize("raw", [0x07FF, 0x0800, 0x07FE, 0x0802, 0x0801])
def test_special_values_are_none(raw):
    assert decode_sfloat(raw) is None


def test_none_encodes_nan_and_unrepresentable_values_refuse():
    assert encode_sfloat(None).hex() == "ff07"
    with pytest.raises(ValueError, match="12-bit"):
        encode_sfloat(3000.0)


def test_short_read_is_a_decode_error():
    with pytest.raises(DecodeError, match="needs 2 bytes at offset 1"):
        read_sfloat(b"\x00\x01", 1, "systolic")


def test_date_time_vectors():
    # A&D doc example via obniz: DD 07 08 1A 09 0A 14 = 2013-08-26 09:10:20
    wire = bytes.fromhex("dd07081a090a14")
    assert read_date_time(wire, 0, "x") == datetime(2013, 8, 26, 9, 10, 20)
    assert encode_date_time(datetime(2013, 8, 26, 9, 10, 20)) == wire
    assert read_date_time(bytes.fromhex("00000411142930"), 0, "x") is None  # year 0 = unknown
    with pytest.raises(DecodeError, match="not a real date"):
        read_date_time(bytes.fromhex("e8070d01000000"), 0, "x")  # month 13
