"""0x2A49, 0x2A60, RACP 0x2A52 and Current Time 0x2A2B (docs/reference/device-protocols.md 1.2, 1.4,
1.5)."""

from __future__ import annotations

import contextlib
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs.current_time import decode_current_time, encode_current_time
from devices.codecs.errors import DecodeError
from devices.codecs.features import decode_bp_feature, decode_plx_features
from devices.codecs.racp import (
    RacpRecordCount,
    RacpResponse,
    RacpResponseCode,
    decode_racp,
    report_all_records,
    report_last_record,
    report_number_of_records,
    report_records_from_sequence,
)
from devices.measurements import PlxDeviceStatus, PlxMeasurementStatus


def test_bp_feature_vectors():
    only_body_movement = decode_bp_feature(bytes.fromhex("0100"))
    assert only_body_movement.body_movement_detection
    assert not only_body_movement.cuff_fit_detection
    everything = decode_bp_feature(bytes.fromhex("ff01"))
    assert all(getattr(everything, f) for f in everything.__dataclass_fields__)


def test_spezi_plx_features_vector():
    features = decode_plx_features(bytes.fromhex("A300401080 0100".replace(" ", "")))
    assert features.measurement_status_support
    assert features.device_status_support
    assert features.spo2pr_slow
    assert features.multiple_bonds
    assert not features.spot_check_storage
    assert features.supported_measurement_status == PlxMeasurementStatus(
        early_estimated_data=True, calibration_ongoing=True
    )
    assert features.supported_device_status == PlxDeviceStatus(
        nonpulsatile_signal_detected=True, questionable_pulse_detected=True
    )


@pytest.mark.parametrize("bad", ["", "01", "0100 40", "0300 4010 8001"])
def test_features_truncated(bad):
    with pytest.raises(DecodeError):
        decode_plx_features(bytes.fromhex(bad.replace(" ", "")))


def test_racp_requests():
    assert report_all_records().hex() == "0101"
    assert report_last_record().hex() == "0106"
    assert report_number_of_records().hex() == "0401"
    assert report_records_from_sequence(10).hex() == "0103010a00"


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("050001", RacpRecordCount(1)),
        ("05000201", RacpRecordCount(258)),
        ("050004030201", RacpRecordCount(16909060)),
        ("06000101", RacpResponse(1, RacpResponseCode.SUCCESS)),
        ("06000106", RacpResponse(1, RacpResponseCode.NO_RECORDS_FOUND)),
        ("06000c02", RacpResponse(12, RacpResponseCode.OP_CODE_NOT_SUPPORTED)),
    ],
)
def test_racp_responses(wire, expected):
    assert decode_racp(bytes.fromhex(wire)) == expected


@pytest.mark.parametrize("bad", ["060101", "06", "0600010a", "0100", "0500010203"])
def test_racp_invalid(bad):
    with pytest.raises(DecodeError):
        decode_racp(bytes.fromhex(bad))


def test_no_delete_request_exists():
    from devices.codecs import racp

    assert not [name for name in racp.__all__ if "delete" in name.lower()]


def test_current_time_round_trip():
    now = datetime(2026, 11, 22, 9, 30, 15, 500000)  # a Sunday
    wire = encode_current_time(now)
    assert wire.hex() == "ea070b16091e0f078002"
    assert decode_current_time(wire) == now


def test_current_time_rejects_inconsistent_day_of_week():
    wire = bytearray(encode_current_time(datetime(2026, 11, 22, 9, 0)))
    wire[7] = 3
    with pytest.raises(DecodeError, match="day of week"):
        decode_current_time(bytes(wire))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=16))
def test_fuzz(data):
    for decoder in (decode_bp_feature, decode_plx_features, decode_racp, decode_current_time):
        with contextlib.suppress(DecodeError):
            decoder(data)
