"""Bluetooth Date Time (0x2A08), the 7-byte time stamp inside BPM, ICP and PLX packets.

year uint16 LE (0 = unknown), month (0 = unknown), day (0 = unknown), hours, minutes,
seconds (docs/reference/device-protocols.md 1.1; A&D example ``DD 07 08 1A 09 0A 14`` = 2013-08-26
09:10:20). The device sends no time zone, so the result is naive; the station never uses it as the
effective time of a reading (docs/design.md section 5).
"""

from __future__ import annotations

from datetime import datetime

from devices.codecs.errors import DecodeError

__all__ = ["DATE_TIME_LENGTH", "encode_date_time", "read_date_time"]

DATE_TIME_LENGTH = 7


def read_date_time(payload: bytes, offset: int, what: str) -> datetime | None:
    """The time stamp at ``offset``; None when the device says the date is unknown."""
    if offset + DATE_TIME_LENGTH > len(payload):
        raise DecodeError(
            f"{what}: time stamp needs {DATE_TIME_LENGTH} bytes at offset {offset}, "
            f"payload has {len(payload)} bytes"
        )
    year = int.from_bytes(payload[offset : offset + 2], "little")
    month, day, hours, minutes, seconds = payload[offset + 2 : offset + 7]
    if year == 0 or month == 0 or day == 0:
        return None
    try:
        return datetime(year, month, day, hours, minutes, seconds)  # noqa: DTZ001 - device clock has no zone
    except ValueError as exc:
        raise DecodeError(
            f"{what}: time stamp {year:04d}-{month:02d}-{day:02d} "
            f"{hours:02d}:{minutes:02d}:{seconds:02d} is not a real date and time"
        ) from exc


def encode_date_time(value: datetime | None) -> bytes:
    if value is None:
        return bytes(DATE_TIME_LENGTH)
    return value.year.to_bytes(2, "little") + bytes(
        (value.month, value.day, value.hour, value.minute, value.second)
    )
