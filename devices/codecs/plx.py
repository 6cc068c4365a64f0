"""PLX Spot-Check (0x2A5E) and PLX Continuous (0x2A5F) measurements.

Bluetooth Pulse Oximeter Service 1.0 (docs/reference/device-protocols.md 1.4; Spezi and
bluetooth-sig-python agree bit for bit).

Spot-check: flags u8 | SpO2 SFLOAT | PR SFLOAT | time stamp 7 (bit 0)
| measurement status u16 (bit 1) | device and sensor status u24 (bit 2) | PAI SFLOAT (bit 3);
flag bit 4 = device clock not set.

Continuous: flags u8 | SpO2PR-Normal (SpO2, PR) | SpO2PR-Fast (bit 0) | SpO2PR-Slow (bit 1)
| measurement status u16 (bit 2) | device and sensor status u24 (bit 3) | PAI (bit 4).
The Normal pair is the reading; Fast and Slow are parsed for length and not kept.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from devices.codecs.date_time import DATE_TIME_LENGTH, encode_date_time, read_date_time
from devices.codecs.errors import DecodeError
from devices.codecs.sfloat import encode_sfloat, read_sfloat
from devices.measurements import PlxDeviceStatus, PlxMeasurementStatus, SpO2

__all__ = [
    "decode_plx_continuous",
    "decode_plx_spot_check",
    "device_status_bits",
    "device_status_from_bits",
    "encode_plx_continuous",
    "encode_plx_spot_check",
    "measurement_status_bits",
    "measurement_status_from_bits",
]

SPOT_TIME_STAMP = 0x01
SPOT_MEASUREMENT_STATUS = 0x02
SPOT_DEVICE_STATUS = 0x04
SPOT_PAI = 0x08
SPOT_CLOCK_NOT_SET = 0x10

CONT_FAST = 0x01
CONT_SLOW = 0x02
CONT_MEASUREMENT_STATUS = 0x04
CONT_DEVICE_STATUS = 0x08
CONT_PAI = 0x10

# Measurement Status bits 5-15 in the order of PlxMeasurementStatus's fields.
MEASUREMENT_STATUS_FIRST_BIT = 5
# Device and Sensor Status bits 0-15 in the order of PlxDeviceStatus's fields.
_MEASUREMENT_FIELDS = [f.name for f in fields(PlxMeasurementStatus)]
_DEVICE_FIELDS = [f.name for f in fields(PlxDeviceStatus)]


def measurement_status_from_bits(raw: int) -> PlxMeasurementStatus:
    values = {
        name: bool(raw >> (MEASUREMENT_STATUS_FIRST_BIT + i) & 1)
        for i, name in enumerate(_MEASUREMENT_FIELDS)
    }
    return PlxMeasurementStatus(**values)


def device_status_from_bits(raw: int) -> PlxDeviceStatus:
    return PlxDeviceStatus(**{name: bool(raw >> i & 1) for i, name in enumerate(_DEVICE_FIELDS)})


def measurement_status_bits(status: PlxMeasurementStatus) -> int:
    return sum(
        1 << (MEASUREMENT_STATUS_FIRST_BIT + i)
        for i, name in enumerate(_MEASUREMENT_FIELDS)
        if getattr(status, name)
    )


def device_status_bits(status: PlxDeviceStatus) -> int:
    return sum(1 << i for i, name in enumerate(_DEVICE_FIELDS) if getattr(status, name))


def _read_uint(payload: bytes, offset: int, size: int, what: str) -> int:
    if offset + size > len(payload):
        raise DecodeError(f"{what}: flags say it is present but the payload ends")
    return int.from_bytes(payload[offset : offset + size], "little")


def _need_flags(payload: bytes, name: str) -> int:
    if not payload:
        raise DecodeError(f"{name}: payload is empty")
    return payload[0]


@dataclass(frozen=True, slots=True)
class _StatusTail:
    measurement: PlxMeasurementStatus | None
    device: PlxDeviceStatus | None
    pai: float | None


def _read_status_tail(
    payload: bytes,
    offset: int,
    name: str,
    *,
    has_measurement: bool,
    has_device: bool,
    has_pai: bool,
) -> _StatusTail:
    """The optional fields both PLX measurements end with, in the same order."""
    measurement = None
    if has_measurement:
        raw = _read_uint(payload, offset, 2, f"{name} measurement status")
        measurement = measurement_status_from_bits(raw)
        offset += 2
    device = None
    if has_device:
        device = device_status_from_bits(_read_uint(payload, offset, 3, f"{name} device status"))
        offset += 3
    pai = read_sfloat(payload, offset, f"{name} pulse amplitude index") if has_pai else None
    return _StatusTail(measurement, device, pai)


def decode_plx_spot_check(payload: bytes) -> SpO2:
    name = "0x2A5E PLX spot-check"
    payload = bytes(payload)
    flags = _need_flags(payload, name)
    spo2 = read_sfloat(payload, 1, f"{name} SpO2")
    pulse = read_sfloat(payload, 3, f"{name} pulse rate")
    offset = 5
    timestamp: datetime | None = None
    if flags & SPOT_TIME_STAMP:
        timestamp = read_date_time(payload, offset, name)
        offset += DATE_TIME_LENGTH
    tail = _read_status_tail(
        payload,
        offset,
        name,
        has_measurement=bool(flags & SPOT_MEASUREMENT_STATUS),
        has_device=bool(flags & SPOT_DEVICE_STATUS),
        has_pai=bool(flags & SPOT_PAI),
    )
    return SpO2(
        spo2=spo2,
        pulse_rate=pulse,
        raw=payload,
        timestamp=timestamp,
        pulse_amplitude_index=tail.pai,
        measurement_status=tail.measurement,
        device_status=tail.device,
        device_clock_not_set=bool(flags & SPOT_CLOCK_NOT_SET),
    )


def decode_plx_continuous(payload: bytes) -> SpO2:
    name = "0x2A5F PLX continuous"
    payload = bytes(payload)
    flags = _need_flags(payload, name)
    spo2 = read_sfloat(payload, 1, f"{name} SpO2")
    pulse = read_sfloat(payload, 3, f"{name} pulse rate")
    offset = 5
    for flag, label in ((CONT_FAST, "SpO2PR-Fast"), (CONT_SLOW, "SpO2PR-Slow")):
        if flags & flag:
            read_sfloat(payload, offset, f"{name} {label}")
            read_sfloat(payload, offset + 2, f"{name} {label}")
            offset += 4
    tail = _read_status_tail(
        payload,
        offset,
        name,
        has_measurement=bool(flags & CONT_MEASUREMENT_STATUS),
        has_device=bool(flags & CONT_DEVICE_STATUS),
        has_pai=bool(flags & CONT_PAI),
    )
    return SpO2(
        spo2=spo2,
        pulse_rate=pulse,
        raw=payload,
        pulse_amplitude_index=tail.pai,
        measurement_status=tail.measurement,
        device_status=tail.device,
    )


def encode_plx_spot_check(
    spo2: float | None,
    pulse_rate: float | None,
    *,
    decimals: int = 0,
    timestamp: datetime | None = None,
    measurement_status: PlxMeasurementStatus | None = None,
    device_status: PlxDeviceStatus | None = None,
    pulse_amplitude_index: float | None = None,
    pai_decimals: int = 1,
    device_clock_not_set: bool = False,
) -> bytes:
    """The 0x2A5E bytes an oximeter would send (used by simulators and tests)."""
    flags = SPOT_CLOCK_NOT_SET if device_clock_not_set else 0
    body = encode_sfloat(spo2, decimals) + encode_sfloat(pulse_rate, decimals)
    if timestamp is not None:
        flags |= SPOT_TIME_STAMP
        body += encode_date_time(timestamp)
    if measurement_status is not None:
        flags |= SPOT_MEASUREMENT_STATUS
        body += measurement_status_bits(measurement_status).to_bytes(2, "little")
    if device_status is not None:
        flags |= SPOT_DEVICE_STATUS
        body += device_status_bits(device_status).to_bytes(3, "little")
    if pulse_amplitude_index is not None:
        flags |= SPOT_PAI
        body += encode_sfloat(pulse_amplitude_index, pai_decimals)
    return bytes((flags,)) + body


def encode_plx_continuous(
    spo2: float | None,
    pulse_rate: float | None,
    *,
    measurement_status: PlxMeasurementStatus | None = None,
) -> bytes:
    """A minimal 0x2A5F packet (Normal pair, optional measurement status)."""
    flags = 0
    body = encode_sfloat(spo2) + encode_sfloat(pulse_rate)
    if measurement_status is not None:
        flags |= CONT_MEASUREMENT_STATUS
        body += measurement_status_bits(measurement_status).to_bytes(2, "little")
    return bytes((flags,)) + body
