"""Feature characteristics: what a cuff (0x2A49) or an oximeter (0x2A60) says it supports.

Blood Pressure Feature 0x2A49 (uint16, Spezi ``BloodPressureFeature.swift``,
docs/reference/device-protocols.md 1.2) and PLX Features 0x2A60 (uint16 supported features, then the
Measurement Status support uint16 if bit 0, then the Device and Sensor Status support uint24
if bit 1; Spezi PLX vector ``A3 00 40 10 80 01 00``, docs/reference/device-protocols.md 1.4).
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.codecs.errors import DecodeError
from devices.codecs.plx import device_status_from_bits, measurement_status_from_bits
from devices.measurements import PlxDeviceStatus, PlxMeasurementStatus

__all__ = ["BloodPressureFeature", "PlxFeatures", "decode_bp_feature", "decode_plx_features"]


@dataclass(frozen=True, slots=True)
class BloodPressureFeature:
    body_movement_detection: bool
    cuff_fit_detection: bool
    irregular_pulse_detection: bool
    pulse_rate_range_detection: bool
    measurement_position_detection: bool
    multiple_bonds: bool
    e2e_crc: bool
    user_data_service: bool
    user_facing_time: bool


@dataclass(frozen=True, slots=True)
class PlxFeatures:
    measurement_status_support: bool
    device_status_support: bool
    spot_check_storage: bool
    spot_check_timestamp: bool
    spo2pr_fast: bool
    spo2pr_slow: bool
    pulse_amplitude_index: bool
    multiple_bonds: bool
    # Which status bits the device can ever set (None when it does not say).
    supported_measurement_status: PlxMeasurementStatus | None
    supported_device_status: PlxDeviceStatus | None


def _bits(value: int, count: int) -> list[bool]:
    return [bool(value >> i & 1) for i in range(count)]


def decode_bp_feature(payload: bytes) -> BloodPressureFeature:
    if len(payload) < 2:
        raise DecodeError(
            f"0x2A49 blood pressure feature: payload is {len(payload)} bytes, needs 2"
        )
    return BloodPressureFeature(*_bits(int.from_bytes(payload[:2], "little"), 9))


def decode_plx_features(payload: bytes) -> PlxFeatures:
    name = "0x2A60 PLX features"
    if len(payload) < 2:
        raise DecodeError(f"{name}: payload is {len(payload)} bytes, needs at least 2")
    flags = int.from_bytes(payload[:2], "little")
    offset = 2
    measurement = None
    if flags & 0x01:
        if offset + 2 > len(payload):
            raise DecodeError(f"{name}: measurement status support announced but missing")
        measurement = measurement_status_from_bits(
            int.from_bytes(payload[offset : offset + 2], "little")
        )
        offset += 2
    device = None
    if flags & 0x02:
        if offset + 3 > len(payload):
            raise DecodeError(f"{name}: device and sensor status support announced but missing")
        device = device_status_from_bits(int.from_bytes(payload[offset : offset + 3], "little"))
    bits = _bits(flags, 8)
    return PlxFeatures(
        measurement_status_support=bits[0],
        device_status_support=bits[1],
        spot_check_storage=bits[2],
        spot_check_timestamp=bits[3],
        spo2pr_fast=bits[4],
        spo2pr_slow=bits[5],
        pulse_amplitude_index=bits[6],
        multiple_bonds=bits[7],
        supported_measurement_status=measurement,
        supported_device_status=device,
    )
