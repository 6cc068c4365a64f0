"""0x2A35 and 0x2A36 against the Nordic vectors and computed ones
(docs/reference/device-protocols.md 1.2),
and real Beurer BM85 captures for the catalogue's Beurer quirk."""

from __future__ import annotations

from datetime import datetime

import pytest

from devices.codecs.blood_pressure import (
    BEURER_BM,
    decode_blood_pressure,
    decode_cuff_pressure,
    encode_blood_pressure,
    encode_cuff_pressure,
)
from devices.codecs.errors import DecodeError
from devices.codecs.registry import decode_hex
from devices.measurements import BloodPressure, BloodPressureStatus, CuffPressure, PressureUnit

ALL_STATUS = BloodPressureStatus(
    body_movement=True, cuff_loose=True, irregular_pulse=True, improper_position=True
)


def h(text):
    return bytes.fromhex(text.replace(" ", ""))


def test_nordic_full():
    # Nordic BloodPressureMeasurementDataCallbackTest, "full": year 0 means unknown date.
    raw = h("1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00")
    assert decode_blood_pressure(raw) == BloodPressure(
        systolic=138.0,
        diastolic=88.0,
        mean_arterial=120.0,
        unit=PressureUnit.MMHG,
        raw=raw,
        pulse_rate=60.0,
        timestamp=None,
        user_id=1,
        status=ALL_STATUS,
    )


def test_nordic_kpa_with_pulse_below_range():
    # Nordic "kPa": status 0x0012 = cuff loose + pulse rate below the lower limit (bits 3-4 = 10)
    raw = h("15 BD F0 0B 00 9F F0 3C 00 12 00")
    assert decode_blood_pressure(raw) == BloodPressure(
        systolic=18.9,
        diastolic=11.0,
        mean_arterial=15.9,
        unit=PressureUnit.KPA,
        raw=raw,
        pulse_rate=60.0,
        status=BloodPressureStatus(cuff_loose=True, pulse_rate_out_of_range=True),
    )


def test_nordic_minimal():
    raw = h("00 BD F0 0B 00 9F F0")
    assert decode_blood_pressure(raw) == BloodPressure(18.9, 11.0, 15.9, PressureUnit.MMHG, raw)


def test_realistic_vector_round_trips():
    raw = h("1E 78 00 50 00 5D 00 E8 07 03 0F 0E 1E 2D 48 00 01 00 00")
    expected = BloodPressure(
        120.0,
        80.0,
        93.0,
        PressureUnit.MMHG,
        raw,
        pulse_rate=72.0,
        timestamp=datetime(2024, 3, 15, 14, 30, 45),
        user_id=1,
        status=BloodPressureStatus(),
    )
    assert decode_blood_pressure(raw) == expected
    assert (
        encode_blood_pressure(
            120.0,
            80.0,
            93.0,
            timestamp=expected.timestamp,
            pulse_rate=72.0,
            user_id=1,
            status=BloodPressureStatus(),
        )
        == raw
    )


def test_unknown_user_and_reserved_pulse_range():
    raw = encode_blood_pressure(
        120.0, 80.0, 93.0, user_id=0xFF, status=BloodPressureStatus(), pulse_range=3
    )
    decoded = decode_blood_pressure(raw)
    assert decoded.user_id is None
    assert decoded.status.pulse_rate_out_of_range is False  # 11 is reserved, claims nothing


def test_nan_values_are_none():
    raw = encode_blood_pressure(None, None, None, include_pulse_rate=True)
    decoded = decode_blood_pressure(raw)
    assert (decoded.systolic, decoded.diastolic, decoded.mean_arterial, decoded.pulse_rate) == (
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("wire", "message"),
    [
        ("01 02 03 04 05 06", "payload is 6 bytes, needs at least 7"),  # Nordic invalid
        ("03 02 03 04 05 06 07", "time stamp needs 7 bytes"),  # Nordic: ts flag, no ts
        ("04 78 00 50 00 5D 00", "pulse rate"),
        ("08 78 00 50 00 5D 00", "user id present"),
        ("10 78 00 50 00 5D 00 01", "measurement status present"),
    ],
)
def test_truncated_packets_are_refused_with_a_reason(wire, message):
    with pytest.raises(DecodeError, match=message):
        decode_blood_pressure(h(wire))


@pytest.mark.parametrize(
    ("wire", "pressure", "unit"),
    [
        ("1E 04 00 00 00 00 00 00 00 04 11 14 29 3B 3C 00 01 27 00", 4.0, PressureUnit.MMHG),
        ("15 6F F0 00 00 00 00 3C 00 12 00", 11.1, PressureUnit.KPA),
        ("00 D7 F0 00 00 00 00", 21.5, PressureUnit.MMHG),
    ],
)
def test_nordic_intermediate_cuff_pressure(wire, pressure, unit):
    raw = h(wire)
    assert decode_cuff_pressure(raw) == CuffPressure(pressure, unit, raw)


def test_cuff_pressure_round_trip():
    assert decode_cuff_pressure(encode_cuff_pressure(142)).cuff_pressure == 142.0


# Real Beurer BM85 captures (derdilla/blood-pressure-monitor-fl,
# app/test/features/bluetooth/logic/characteristics/ble_measurement_data_test.dart):
# flags 0x56 (time stamp, pulse, status and the reserved bit 6), MAP 0x0000, the pulse and the
# status big-endian, a user id byte although flag bit 3 is clear.
BEURER_CAPTURES = [
    pytest.param(
        [86, 106, 0, 71, 0, 0, 0, 234, 7, 8, 11, 18, 31, 0, 0, 63, 0, 0, 0],
        (106.0, 71.0, 63.0, 0, datetime(2026, 8, 11, 18, 31), False),
        id="BM85 user 1",
    ),
    pytest.param(
        [86, 113, 0, 73, 0, 0, 0, 234, 7, 8, 11, 20, 56, 0, 0, 65, 1, 0, 0],
        (113.0, 73.0, 65.0, 1, datetime(2026, 8, 11, 20, 56), False),
        id="BM85 user 2",
    ),
    pytest.param(
        [86, 119, 0, 70, 0, 0, 0, 234, 7, 8, 11, 20, 57, 0, 0, 87, 1, 0, 64],
        (119.0, 70.0, 87.0, 1, datetime(2026, 8, 11, 20, 57), False),
        id="BM85 user 2, status 0x0040 (reserved bit)",
    ),
    pytest.param(
        [86, 118, 0, 80, 0, 0, 0, 234, 7, 8, 11, 20, 27, 0, 0, 60, 0, 0, 4],
        (118.0, 80.0, 60.0, 0, datetime(2026, 8, 11, 20, 27), True),
        id="BM85 irregular pulse, status big-endian 0x0004",
    ),
]


@pytest.mark.parametrize(("capture", "expected"), BEURER_CAPTURES)
def test_beurer_bm_quirk_decodes_the_real_captures(capture, expected):
    raw = bytes(capture)
    decoded = decode_blood_pressure(raw, BEURER_BM)
    systolic, diastolic, pulse, user, timestamp, irregular = expected
    assert (decoded.systolic, decoded.diastolic, decoded.pulse_rate) == (systolic, diastolic, pulse)
    assert decoded.mean_arterial is None  # 0x0000: the cuff does not measure it
    assert (decoded.user_id, decoded.timestamp) == (user, timestamp)
    assert decoded.status.irregular_pulse is irregular
    assert decoded.unit is PressureUnit.MMHG
    assert decoded.raw == raw


def test_beurer_capture_decoded_by_the_specification_gives_an_impossible_pulse():
    """The issue 10 item 14 reading: SFLOAT 0x3F00 (little-endian 00 3F) = -256 x 10^3."""
    decoded = decode_blood_pressure(
        bytes([86, 106, 0, 71, 0, 0, 0, 234, 7, 8, 11, 18, 31, 0, 0, 63, 0, 0, 0])
    )
    assert decoded.pulse_rate == -256000.0
    assert decoded.mean_arterial == 0.0
    assert (decoded.systolic, decoded.diastolic) == (106.0, 71.0)


def test_beurer_profile_for_the_decode_command():
    decoded = decode_hex("ble:beurer-bm", "56 6a00 4700 0000 ea07080b121f00 003f 00 0000")
    assert (decoded.systolic, decoded.diastolic, decoded.pulse_rate) == (106.0, 71.0, 63.0)


def test_beurer_quirk_still_refuses_a_truncated_packet():
    with pytest.raises(DecodeError, match="user id present"):
        decode_blood_pressure(
            bytes([86, 106, 0, 71, 0, 0, 0, 234, 7, 8, 11, 18, 31, 0, 0, 63]), BEURER_BM
        )


def test_beurer_encoder_writes_the_capture_byte_for_byte():
    """The simulator of the beurer-bm85 catalogue model sends exactly what the real cuff sent."""
    raw = encode_blood_pressure(
        106.0,
        71.0,
        None,
        timestamp=datetime(2026, 8, 11, 18, 31),
        pulse_rate=63.0,
        user_id=0,
        status=BloodPressureStatus(irregular_pulse=True),
        quirks=BEURER_BM,
    )
    assert raw == bytes([86, 106, 0, 71, 0, 0, 0, 234, 7, 8, 11, 18, 31, 0, 0, 63, 0, 0, 4])
