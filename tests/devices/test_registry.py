from __future__ import annotations

import pytest

from devices.codecs.errors import DecodeError
from devices.codecs.registry import PROFILES, UnknownProfileError, decode_hex, resolve_profile


@pytest.mark.parametrize(
    ("name", "profile"),
    [
        ("2a35", "ble:blood-pressure"),
        ("0x2A36", "ble:cuff-pressure"),
        ("00002a37-0000-1000-8000-00805f9b34fb", "ble:heart-rate"),
        ("2A5E", "ble:plx-spot-check"),
        ("ble:plx-continuous", "ble:plx-continuous"),
    ],
)
def test_names_and_uuids(name, profile):
    assert resolve_profile(name) is PROFILES[profile]


def test_unknown_profile_lists_the_known_ones():
    with pytest.raises(UnknownProfileError, match="ble:blood-pressure"):
        resolve_profile("2a99")


@pytest.mark.parametrize("text", ["00:64:00:5a:00", "0x00 0x64 0x00 0x5a 0x00", "006400 5A00"])
def test_hex_forms(text):
    assert decode_hex("2a5f", text).spo2 == 100.0


@pytest.mark.parametrize(
    ("text", "message"), [("", "no payload"), ("abc", "odd"), ("zz", "not hex")]
)
def test_bad_hex(text, message):
    with pytest.raises(DecodeError, match=message):
        decode_hex("2a35", text)


def test_omron_classic_record_profiles_decode_a_stored_record():
    record = "67 54 48 1A C9 6E C5 07 00 00 00 00 00 00 00 00"  # test_omron_classic_codec
    reading = decode_hex("ble:omron-hem-7155t", record)
    assert (reading.systolic, reading.diastolic, reading.pulse_rate) == (128.0, 84.0, 72.0)
    with pytest.raises(DecodeError, match="empty memory slot"):
        decode_hex("ble:omron-hem-7155t", "FF" * 16)
