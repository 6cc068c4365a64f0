"""Current Time (0x2A2B), used to set a device's clock (Bluetooth Current Time Service).

Exact Time 256: Date Time (7 bytes) + day of week (1 = Monday .. 7 = Sunday, 0 = unknown) +
fractions of a second in 1/256 s; then the adjust-reason flags byte (bit 0 manual time
update, bit 1 external reference, bit 2 time zone change, bit 3 DST change). 10 bytes.
The station writes its own local time (devices keep no zone); device clocks are never trusted
for the effective time of a reading, but a correct clock makes their stored records bindable.
"""

from __future__ import annotations

from datetime import datetime

from devices.codecs.date_time import DATE_TIME_LENGTH, encode_date_time, read_date_time
from devices.codecs.errors import DecodeError

__all__ = ["ADJUST_MANUAL", "CURRENT_TIME_LENGTH", "decode_current_time", "encode_current_time"]

CURRENT_TIME_LENGTH = 10
ADJUST_MANUAL = 0x01
ADJUST_EXTERNAL_REFERENCE = 0x02
FRACTIONS_PER_SECOND = 256


def encode_current_time(local: datetime, adjust_reason: int = ADJUST_EXTERNAL_REFERENCE) -> bytes:
    """The bytes to write to 0x2A2B so the device shows ``local`` (naive or aware, as read)."""
    fractions = local.microsecond * FRACTIONS_PER_SECOND // 1_000_000
    return encode_date_time(local) + bytes((local.isoweekday(), fractions, adjust_reason))


def decode_current_time(payload: bytes) -> datetime | None:
    """The device time a 0x2A2B read returns (None when the device says it is unknown)."""
    if len(payload) < CURRENT_TIME_LENGTH:
        raise DecodeError(
            f"0x2A2B current time: payload is {len(payload)} bytes, needs {CURRENT_TIME_LENGTH}"
        )
    stamp = read_date_time(payload, 0, "0x2A2B current time")
    if stamp is None:
        return None
    day_of_week = payload[DATE_TIME_LENGTH]
    if day_of_week not in (0, stamp.isoweekday()):
        raise DecodeError(
            f"0x2A2B current time: day of week {day_of_week} does not match {stamp.date()}"
        )
    fraction = payload[DATE_TIME_LENGTH + 1]
    return stamp.replace(microsecond=fraction * 1_000_000 // FRACTIONS_PER_SECOND)
