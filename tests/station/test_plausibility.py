"""Plausibility ("invalid") rules, boundaries included, each with its source.

Limits: docs/reference/clinical-rules.md 3.1 station defaults (block column); systolic > diastolic:
docs/reference/clinical-rules.md 3.2 (ottehr PR #8283); special SFLOAT values:
docs/reference/clinical-rules.md 3.1 last bullet and docs/reference/device-protocols.md 1.1.
"""

from __future__ import annotations

import pytest

from devices.measurements import (
    BloodPressure,
    BloodPressureStatus,
    CuffPressure,
    HeartRate,
    PlxDeviceStatus,
    PlxMeasurementStatus,
    PressureUnit,
    SensorContact,
    SpO2,
)
from station.checks import Severity, blocks, check_measurement


def bp(systolic, diastolic, unit=PressureUnit.MMHG, **kw):
    return BloodPressure(systolic, diastolic, None, unit, b"", **kw)


def codes(findings, severity=Severity.INVALID):
    return [f.code for f in findings if f.severity is severity]


@pytest.mark.parametrize(
    ("systolic", "diastolic", "blocked"),
    [
        (120.0, 80.0, False),
        (50.0, 30.0, False),  # lowest systolic allowed
        (49.0, 30.0, True),
        (300.0, 120.0, False),  # highest systolic allowed
        (301.0, 120.0, True),
        (120.0, 20.0, False),  # lowest diastolic allowed
        (120.0, 19.0, True),
        (250.0, 200.0, False),  # highest diastolic allowed
        (260.0, 201.0, True),
        (2047.0, 2047.0, True),  # a cuff error sent as a number (derdilla #80)
    ],
)
def test_blood_pressure_limits(systolic, diastolic, blocked):
    assert blocks(check_measurement(bp(systolic, diastolic))) is blocked


@pytest.mark.parametrize(("systolic", "diastolic"), [(80.0, 80.0), (70.0, 90.0)])
def test_systolic_must_be_above_diastolic(systolic, diastolic):
    findings = check_measurement(bp(systolic, diastolic))
    assert "systolic-not-above-diastolic" in codes(findings)
    assert all(f.message_id and f.message_en for f in findings)


@pytest.mark.parametrize(("systolic", "diastolic"), [(None, 80.0), (120.0, None), (None, None)])
def test_special_values_block(systolic, diastolic):
    findings = check_measurement(bp(systolic, diastolic))
    assert "device-no-value" in codes(findings)


def test_kpa_is_checked_in_mmhg():
    # 16.0 kPa = 120 mmHg, 10.7 kPa = 80 mmHg: valid. 45 kPa = 337 mmHg: impossible.
    assert not blocks(check_measurement(bp(16.0, 10.7, PressureUnit.KPA)))
    assert blocks(check_measurement(bp(45.0, 10.7, PressureUnit.KPA)))


def test_device_status_bits_are_notices_not_blocks():
    status = BloodPressureStatus(
        body_movement=True,
        cuff_loose=True,
        irregular_pulse=True,
        pulse_rate_out_of_range=True,
        improper_position=True,
    )
    findings = check_measurement(bp(120.0, 80.0, status=status))
    assert not blocks(findings)
    assert codes(findings, Severity.NOTICE) == [
        "body-movement",
        "cuff-loose",
        "irregular-pulse",
        "pulse-out-of-device-range",
        "improper-position",
    ]


@pytest.mark.parametrize(
    ("spo2", "pulse", "blocked"),
    [
        (97.0, 72.0, False),
        (100.0, 72.0, False),
        (100.1, 72.0, True),  # above 100 % is impossible by definition
        (50.0, 72.0, False),
        (49.0, 72.0, True),
        (None, 72.0, True),  # finger out: NaN
        (97.0, None, True),
        (97.0, 19.0, True),
        (97.0, 20.0, False),
        (97.0, 300.0, False),
        (97.0, 301.0, True),
    ],
)
def test_spo2_limits(spo2, pulse, blocked):
    assert blocks(check_measurement(SpO2(spo2, pulse, b""))) is blocked


def test_oximeter_invalid_flags_block_and_low_perfusion_is_a_notice():
    invalid = SpO2(
        97.0, 70.0, b"", measurement_status=PlxMeasurementStatus(invalid_measurement_detected=True)
    )
    assert codes(check_measurement(invalid)) == ["device-marked-invalid"]
    low = SpO2(97.0, 70.0, b"", device_status=PlxDeviceStatus(low_perfusion_detected=True))
    assert codes(check_measurement(low), Severity.NOTICE) == ["low-perfusion"]


def test_heart_rate_limits():
    assert not blocks(check_measurement(HeartRate(72, SensorContact.DETECTED, b"")))
    assert blocks(check_measurement(HeartRate(301, SensorContact.DETECTED, b"")))
    assert blocks(check_measurement(HeartRate(19, SensorContact.DETECTED, b"")))


def test_live_cuff_pressure_is_never_a_result():
    assert check_measurement(CuffPressure(140.0, PressureUnit.MMHG, b"")) == []
