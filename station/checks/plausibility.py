"""Plausibility rules: values that cannot be real are blocked, never stored as results.

These are the first, "invalid" kind of check (docs/design.md section 6). The limits are the
station defaults proposed in ``docs/reference/clinical-rules.md`` section 3.1 (block
column), which sit between the loose typo guards of OpenEMR/OpenMRS forms and the devices'
measuring ranges. They need clinical sign-off; they apply under every rule set.

Every number a reading carries is checked, because any of them can reach a grade: systolic,
diastolic, mean arterial pressure, the cuff's pulse (the heart rate of record when no
oximeter or strap is used), a strap's heart rate, SpO2 and the oximeter's pulse. A value
outside its limits, or not a finite number, makes the whole reading invalid: it is blocked,
never graded, never part of a result or referral, never uploaded (issue 10 item 14). A
whole reading, not just the one value: a packet with one impossible field has been misread
(the Beurer BM85 capture sends its pulse big-endian, so a decoder that follows the
specification reads -256000 there and also takes the status bits from the wrong bytes,
docs/reference/device-protocols.md, ``config/device_catalog.toml`` beurer quirk), so its other
fields cannot be trusted either. Pure functions: no I/O, no clock.
"""

from __future__ import annotations

import math

from devices.measurements import (
    BloodPressure,
    CuffPressure,
    HeartRate,
    Measurement,
    SpO2,
)
from station.checks.findings import Finding, Severity
from station.checks.messages import texts

__all__ = [
    "DIASTOLIC_MAX_MMHG",
    "DIASTOLIC_MIN_MMHG",
    "HEART_RATE_MAX_BPM",
    "HEART_RATE_MIN_BPM",
    "MEAN_ARTERIAL_MAX_MMHG",
    "MEAN_ARTERIAL_MIN_MMHG",
    "PARAMETER_LABELS",
    "SPO2_MAX_PERCENT",
    "SPO2_MIN_PERCENT",
    "SYSTOLIC_MAX_MMHG",
    "SYSTOLIC_MIN_MMHG",
    "check_measurement",
]

# docs/reference/clinical-rules.md 3.1, "Block (invalid)" column. Below or above these a value is
# not a physiological reading but a device or entry error.
SYSTOLIC_MIN_MMHG = 50.0
SYSTOLIC_MAX_MMHG = 300.0
DIASTOLIC_MIN_MMHG = 20.0
DIASTOLIC_MAX_MMHG = 200.0
HEART_RATE_MIN_BPM = 20.0
HEART_RATE_MAX_BPM = 300.0
# SpO2 above 100 % is impossible by definition; below 50 % pulse oximeters are unspecified
# (accuracy is usually stated for 70-100 %, docs/reference/clinical-rules.md 3.1, unconfirmed).
SPO2_MIN_PERCENT = 50.0
SPO2_MAX_PERCENT = 100.0
# Mean arterial pressure: the notes give no limit of its own (3.2: "MAP can be checked against
# the device's MAP when it is sent"). Decision: the mean of a pressure wave lies between its
# lowest and highest value, so a MAP is invalid outside the same reading's diastolic-systolic
# span, and outside the widest block limits (diastolic minimum to systolic maximum).
MEAN_ARTERIAL_MIN_MMHG = DIASTOLIC_MIN_MMHG
MEAN_ARTERIAL_MAX_MMHG = SYSTOLIC_MAX_MMHG

# The parameters' names in messages (Bahasa Indonesia, English); manual entry names its boxes
# with them too, so a box and the check about its value use the same word.
# The catalogue's labels (station/checks/messages.py, keys ``parameter.<name>``).
PARAMETER_LABELS: dict[str, tuple[str, str]] = {
    name: texts(f"parameter.{name}")
    for name in ("systolic", "diastolic", "mean_arterial", "heart_rate", "pulse_rate", "spo2")
}


def _missing(parameter: str) -> Finding:
    return Finding.of(
        parameter,
        Severity.INVALID,
        "device-no-value",
        "device.no_value",
        {"parameter": f"parameter.{parameter}"},
    )


def _out_of_range(
    parameter: str, value: float, low: float, high: float, unit: str
) -> Finding | None:
    if math.isfinite(value) and low <= value <= high:
        return None
    return Finding.of(
        parameter,
        Severity.INVALID,
        "implausible-value",
        "value.implausible",
        {
            "parameter": f"parameter.{parameter}",
            "value": value,
            "low": low,
            "high": high,
            "unit": unit,
        },
    )


def _check_value(
    parameter: str, value: float | None, low: float, high: float, unit: str
) -> list[Finding]:
    if value is None:
        return [_missing(parameter)]
    finding = _out_of_range(parameter, value, low, high, unit)
    return [finding] if finding else []


def _notice(parameter: str, code: str, key: str) -> Finding:
    return Finding.of(parameter, Severity.NOTICE, code, key)


def _check_blood_pressure(reading: BloodPressure) -> list[Finding]:
    systolic = reading.in_mmhg(reading.systolic)
    diastolic = reading.in_mmhg(reading.diastolic)
    findings = _check_value("systolic", systolic, SYSTOLIC_MIN_MMHG, SYSTOLIC_MAX_MMHG, "mmHg")
    findings += _check_value("diastolic", diastolic, DIASTOLIC_MIN_MMHG, DIASTOLIC_MAX_MMHG, "mmHg")
    # Diastolic at or above systolic cannot be a real reading (ottehr PR #8283;
    # docs/reference/clinical-rules.md 3.2).
    if systolic is not None and diastolic is not None and systolic <= diastolic:
        findings.append(
            Finding.of(
                "blood_pressure",
                Severity.INVALID,
                "systolic-not-above-diastolic",
                "bp.systolic_not_above_diastolic",
                {"systolic": systolic, "diastolic": diastolic},
            )
        )
    findings += _check_mean_arterial(reading, systolic, diastolic)
    if reading.pulse_rate is not None:
        # The cuff's pulse becomes the heart rate of record when nothing else measured it,
        # so an impossible one is as invalid as any other value (issue 10 item 14: it was a
        # notice, and -256000 then graded "heart-rate extreme, refer urgently").
        pulse = _out_of_range(
            "pulse_rate", reading.pulse_rate, HEART_RATE_MIN_BPM, HEART_RATE_MAX_BPM, "/min"
        )
        if pulse is not None:
            findings.append(pulse)
    status = reading.status
    if status.body_movement:
        findings.append(_notice("blood_pressure", "body-movement", "bp.body_movement"))
    if status.cuff_loose:
        findings.append(_notice("blood_pressure", "cuff-loose", "bp.cuff_loose"))
    if status.irregular_pulse:
        findings.append(_notice("blood_pressure", "irregular-pulse", "bp.irregular_pulse"))
    if status.pulse_rate_out_of_range:
        findings.append(
            _notice("pulse_rate", "pulse-out-of-device-range", "bp.pulse_out_of_device_range")
        )
    if status.improper_position:
        findings.append(_notice("blood_pressure", "improper-position", "bp.improper_position"))
    return findings


def _check_mean_arterial(
    reading: BloodPressure, systolic: float | None, diastolic: float | None
) -> list[Finding]:
    """A MAP the cuff sent (it may send none) must be possible and lie within its own
    reading's diastolic-systolic span."""
    mean = reading.in_mmhg(reading.mean_arterial)
    if mean is None:
        return []
    found = _out_of_range(
        "mean_arterial", mean, MEAN_ARTERIAL_MIN_MMHG, MEAN_ARTERIAL_MAX_MMHG, "mmHg"
    )
    if found is not None:
        return [found]
    if systolic is None or diastolic is None or diastolic <= mean <= systolic:
        return []
    return [
        Finding.of(
            "mean_arterial",
            Severity.INVALID,
            "mean-arterial-outside-reading",
            "bp.mean_arterial_outside_reading",
            {"mean": mean, "diastolic": diastolic, "systolic": systolic},
        )
    ]


def _check_spo2(reading: SpO2) -> list[Finding]:
    findings = _check_value("spo2", reading.spo2, SPO2_MIN_PERCENT, SPO2_MAX_PERCENT, "%")
    findings += _check_value(
        "pulse_rate", reading.pulse_rate, HEART_RATE_MIN_BPM, HEART_RATE_MAX_BPM, "/min"
    )
    measurement = reading.measurement_status
    if measurement is not None and (
        measurement.invalid_measurement_detected or measurement.measurement_unavailable
    ):
        findings.append(
            Finding.of(
                "spo2", Severity.INVALID, "device-marked-invalid", "spo2.device_marked_invalid"
            )
        )
    device = reading.device_status
    if device is not None and device.low_perfusion_detected:
        findings.append(_notice("spo2", "low-perfusion", "spo2.low_perfusion"))
    if measurement is not None and measurement.questionable_measurement_detected:
        findings.append(_notice("spo2", "questionable-measurement", "spo2.questionable"))
    return findings


def check_measurement(measurement: Measurement) -> list[Finding]:
    """Plausibility findings for one decoded measurement (empty list: nothing to say)."""
    if isinstance(measurement, BloodPressure):
        return _check_blood_pressure(measurement)
    if isinstance(measurement, SpO2):
        return _check_spo2(measurement)
    if isinstance(measurement, HeartRate):
        return _check_value(
            "heart_rate",
            float(measurement.heart_rate),
            HEART_RATE_MIN_BPM,
            HEART_RATE_MAX_BPM,
            "/min",
        )
    if isinstance(measurement, CuffPressure):
        return []  # live cuff pressure is shown, never stored as a result
    raise TypeError(f"unknown measurement type {type(measurement).__name__}")
