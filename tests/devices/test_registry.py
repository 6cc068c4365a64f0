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


def test_the_omron_models_named_for_decode_are_the_layouts_known():
    from devices.codecs.omron_classic import LAYOUTS
    from devices.codecs.registry import OMRON_CLASSIC_MODELS

    assert tuple(LAYOUTS) == OMRON_CLASSIC_MODELS


def test_every_profile_loads_its_decoder_and_decode_loads_one_codec_only():
    import subprocess
    import sys

    from devices.codecs.registry import PROFILES

    assert all(callable(PROFILES[name]) for name in PROFILES)
    probe = (
        "import sys\n"
        "from devices.codecs.registry import decode_hex\n"
        "decode_hex('ble:heart-rate', '00 48')\n"
        "print(sorted(m for m in sys.modules if m.startswith('devices.codecs.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "devices.codecs.heart_rate" in out.stdout
    for other in ("blood_pressure", "omron_classic", "contec", "berry", "masimo", "plx"):
        assert f"devices.codecs.{other}'" not in out.stdout, other
