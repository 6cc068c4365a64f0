"""Blood Pressure Measurement (0x2A35) and Intermediate Cuff Pressure (0x2A36).

Layout (Bluetooth Blood Pressure Service 1.0; docs/reference/device-protocols.md 1.2, Nordic and
Spezi vectors agree)::

    flags u8 | systolic SFLOAT | diastolic SFLOAT | MAP SFLOAT
    | time stamp 7 (flag bit 1) | pulse rate SFLOAT (bit 2) | user id u8 (bit 3)
    | measurement status u16 (bit 4)

Flag bit 0 is the unit (0 mmHg, 1 kPa); bits 5-7 are reserved and ignored. Bytes after the
last field the flags declare are ignored too: some devices pad their packets, and the fields
the flags announce are all there. Intermediate Cuff Pressure has the same layout; only the
first SFLOAT (the current cuff pressure) means anything.

Vendor deviations are options of the decoder (``BloodPressureQuirks``), named per device in
the catalogue (``config/device_catalog.toml``), never guessed from the bytes:

* ``BEURER_BM``: Beurer's BM cuffs (tested on a BM85) send the pulse rate and the measurement
  status big-endian, always send a user id byte although flag bit 3 is clear, set the reserved
  flag bit 6, and send 0x0000 as the mean arterial pressure they do not measure. Source: real
  BM85 captures in derdilla/blood-pressure-monitor-fl
  ``app/test/features/bluetooth/logic/characteristics/ble_measurement_data_test.dart``
  ("decodes beurer sample data", PR #735 "Add quirks for some Beurer devices", PR #737 for the
  status bytes), which follows Beurer's own app in keeping a list of such devices. Decoded by
  the specification, ``56 6A00 4700 0000 EA07080B121F00 003F 00 0000`` gives a pulse of
  -256000 (SFLOAT 0x3F00: exponent 3, mantissa -256).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from devices.codecs.date_time import DATE_TIME_LENGTH, encode_date_time, read_date_time
from devices.codecs.errors import DecodeError
from devices.codecs.sfloat import decode_sfloat, encode_sfloat, read_sfloat
from devices.measurements import BloodPressure, BloodPressureStatus, CuffPressure, PressureUnit

__all__ = [
    "BEURER_BM",
    "NO_QUIRKS",
    "BloodPressureQuirks",
    "decode_beurer_blood_pressure",
    "decode_blood_pressure",
    "decode_cuff_pressure",
    "encode_blood_pressure",
    "encode_cuff_pressure",
]

FLAG_KPA = 0x01
FLAG_TIME_STAMP = 0x02
FLAG_PULSE_RATE = 0x04
FLAG_USER_ID = 0x08
FLAG_STATUS = 0x10
_FLAG_RESERVED_6 = 0x40
MIN_LENGTH = 7
USER_ID_UNKNOWN = 0xFF  # Nordic BloodPressureMeasurementCallback Javadoc

STATUS_BODY_MOVEMENT = 0x0001
STATUS_CUFF_LOOSE = 0x0002
STATUS_IRREGULAR_PULSE = 0x0004
STATUS_PULSE_RANGE_MASK = 0x0018  # bits 3-4: 00 within, 01 above, 10 below, 11 reserved
STATUS_IMPROPER_POSITION = 0x0020


@dataclass(frozen=True, slots=True)
class BloodPressureQuirks:
    """How a device departs from the Blood Pressure Measurement layout (module docstring)."""

    big_endian_pulse_and_status: bool = False
    user_id_always_present: bool = False
    zero_mean_arterial_is_absent: bool = False


NO_QUIRKS = BloodPressureQuirks()
BEURER_BM = BloodPressureQuirks(
    big_endian_pulse_and_status=True,
    user_id_always_present=True,
    zero_mean_arterial_is_absent=True,
)


@dataclass(frozen=True, slots=True)
class _Fields:
    unit: PressureUnit
    first: float | None
    second: float | None
    third: float | None
    timestamp: datetime | None
    pulse_rate: float | None
    user_id: int | None
    status: BloodPressureStatus


def _status(raw: int) -> BloodPressureStatus:
    return BloodPressureStatus(
        body_movement=bool(raw & STATUS_BODY_MOVEMENT),
        cuff_loose=bool(raw & STATUS_CUFF_LOOSE),
        irregular_pulse=bool(raw & STATUS_IRREGULAR_PULSE),
        # 01 above the upper limit, 10 below the lower limit; 11 is reserved and not
        # claimed as either.
        pulse_rate_out_of_range=(raw & STATUS_PULSE_RANGE_MASK) in (0x0008, 0x0010),
        improper_position=bool(raw & STATUS_IMPROPER_POSITION),
    )


def _decode(payload: bytes, name: str, quirks: BloodPressureQuirks = NO_QUIRKS) -> _Fields:
    if len(payload) < MIN_LENGTH:
        raise DecodeError(f"{name}: payload is {len(payload)} bytes, needs at least {MIN_LENGTH}")
    order: Literal["big", "little"] = "big" if quirks.big_endian_pulse_and_status else "little"
    flags = payload[0]
    first = read_sfloat(payload, 1, name)
    second = read_sfloat(payload, 3, name)
    third = read_sfloat(payload, 5, name)
    if quirks.zero_mean_arterial_is_absent and payload[5:7] == b"\x00\x00":
        third = None
    offset = MIN_LENGTH
    timestamp = None
    if flags & FLAG_TIME_STAMP:
        timestamp = read_date_time(payload, offset, name)
        offset += DATE_TIME_LENGTH
    pulse_rate = None
    if flags & FLAG_PULSE_RATE:
        if offset + 2 > len(payload):
            raise DecodeError(
                f"{name} pulse rate: needs 2 bytes at offset {offset}, "
                f"payload has {len(payload)} bytes"
            )
        pulse_rate = decode_sfloat(int.from_bytes(payload[offset : offset + 2], order))
        offset += 2
    user_id = None
    if flags & FLAG_USER_ID or quirks.user_id_always_present:
        if offset >= len(payload):
            raise DecodeError(f"{name}: flags say user id present but the payload ends")
        user_id = payload[offset] if payload[offset] != USER_ID_UNKNOWN else None
        offset += 1
    status = BloodPressureStatus()
    if flags & FLAG_STATUS:
        if offset + 2 > len(payload):
            raise DecodeError(f"{name}: flags say measurement status present but the payload ends")
        status = _status(int.from_bytes(payload[offset : offset + 2], order))
    unit = PressureUnit.KPA if flags & FLAG_KPA else PressureUnit.MMHG
    return _Fields(unit, first, second, third, timestamp, pulse_rate, user_id, status)


def decode_blood_pressure(payload: bytes, quirks: BloodPressureQuirks = NO_QUIRKS) -> BloodPressure:
    """Decode 0x2A35; ``quirks`` names a device's known deviations (default: none)."""
    f = _decode(bytes(payload), "0x2A35 blood pressure", quirks)
    return BloodPressure(
        systolic=f.first,
        diastolic=f.second,
        mean_arterial=f.third,
        unit=f.unit,
        raw=bytes(payload),
        pulse_rate=f.pulse_rate,
        timestamp=f.timestamp,
        user_id=f.user_id,
        status=f.status,
    )


def decode_beurer_blood_pressure(payload: bytes) -> BloodPressure:
    """0x2A35 from a Beurer BM cuff (``BEURER_BM``)."""
    return decode_blood_pressure(payload, BEURER_BM)


def decode_cuff_pressure(payload: bytes) -> CuffPressure:
    f = _decode(bytes(payload), "0x2A36 cuff pressure")
    return CuffPressure(cuff_pressure=f.first, unit=f.unit, raw=bytes(payload))


def _status_bits(status: BloodPressureStatus, pulse_range: int) -> int:
    bits = pulse_range << 3
    bits |= STATUS_BODY_MOVEMENT if status.body_movement else 0
    bits |= STATUS_CUFF_LOOSE if status.cuff_loose else 0
    bits |= STATUS_IRREGULAR_PULSE if status.irregular_pulse else 0
    bits |= STATUS_IMPROPER_POSITION if status.improper_position else 0
    return bits


def encode_blood_pressure(
    systolic: float | None,
    diastolic: float | None,
    mean_arterial: float | None,
    *,
    unit: PressureUnit = PressureUnit.MMHG,
    decimals: int = 0,
    timestamp: datetime | None = None,
    include_timestamp: bool = False,
    pulse_rate: float | None = None,
    include_pulse_rate: bool = False,
    user_id: int | None = None,
    status: BloodPressureStatus | None = None,
    pulse_range: int = 0,
    quirks: BloodPressureQuirks = NO_QUIRKS,
) -> bytes:
    """The 0x2A35 bytes a cuff would send (used by simulators and tests).

    ``pulse_range`` is the raw 2-bit pulse-rate range (0 within, 1 above, 2 below).
    ``quirks=BEURER_BM`` writes what a Beurer BM85 sends (module docstring): flag bit 6 set,
    MAP 0x0000, pulse and status big-endian, a user id byte without flag bit 3.
    """
    order: Literal["big", "little"] = "big" if quirks.big_endian_pulse_and_status else "little"
    flags = FLAG_KPA if unit is PressureUnit.KPA else 0
    if quirks.big_endian_pulse_and_status:
        flags |= _FLAG_RESERVED_6  # as the BM85 captures show
    mean = (
        b"\x00\x00"
        if quirks.zero_mean_arterial_is_absent
        else encode_sfloat(mean_arterial, decimals)
    )
    body = encode_sfloat(systolic, decimals) + encode_sfloat(diastolic, decimals) + mean
    if include_timestamp or timestamp is not None:
        flags |= FLAG_TIME_STAMP
        body += encode_date_time(timestamp)
    if include_pulse_rate or pulse_rate is not None:
        flags |= FLAG_PULSE_RATE
        body += int.from_bytes(encode_sfloat(pulse_rate), "little").to_bytes(2, order)
    if quirks.user_id_always_present:
        body += bytes((USER_ID_UNKNOWN if user_id is None else user_id,))
    elif user_id is not None:
        flags |= FLAG_USER_ID
        body += bytes((user_id,))
    if status is not None:
        flags |= FLAG_STATUS
        body += _status_bits(status, pulse_range).to_bytes(2, order)
    return bytes((flags,)) + body


def encode_cuff_pressure(
    cuff_pressure: float | None, *, unit: PressureUnit = PressureUnit.MMHG, decimals: int = 0
) -> bytes:
    """The 0x2A36 bytes a cuff sends while inflating (unused fields NaN)."""
    flags = FLAG_KPA if unit is PressureUnit.KPA else 0
    return bytes((flags,)) + encode_sfloat(cuff_pressure, decimals) + encode_sfloat(None) * 2
