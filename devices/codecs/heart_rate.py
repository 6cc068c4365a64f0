"""Heart Rate Measurement (0x2A37), Bluetooth Heart Rate Service 1.0
(docs/reference/device-protocols.md 1.3).

flags u8 | heart rate u8 or u16 (bit 0) | energy expended u16 kJ (bit 3)
| RR intervals u16 each, 1/1024 s, to the end of the packet (bit 4), reported in seconds
as ``raw / 1024`` exactly.
Sensor contact: bit 2 = feature supported, bit 1 = contact detected.
"""

from __future__ import annotations

from devices.codecs.errors import DecodeError
from devices.measurements import HeartRate, SensorContact

__all__ = ["decode_heart_rate", "encode_heart_rate"]

FLAG_UINT16 = 0x01
FLAG_CONTACT_DETECTED = 0x02
FLAG_CONTACT_SUPPORTED = 0x04
FLAG_ENERGY = 0x08
FLAG_RR = 0x10
RR_UNITS_PER_SECOND = 1024
_NAME = "0x2A37 heart rate"


def _need(payload: bytes, offset: int, size: int, what: str) -> None:
    if offset + size > len(payload):
        raise DecodeError(
            f"{_NAME}: {what} needs {size} bytes at offset {offset}, "
            f"payload has {len(payload)} bytes"
        )


def decode_heart_rate(payload: bytes) -> HeartRate:
    payload = bytes(payload)
    _need(payload, 0, 1, "flags")
    flags = payload[0]
    size = 2 if flags & FLAG_UINT16 else 1
    _need(payload, 1, size, "heart rate")
    rate = int.from_bytes(payload[1 : 1 + size], "little")
    offset = 1 + size
    energy = None
    if flags & FLAG_ENERGY:
        _need(payload, offset, 2, "energy expended")
        energy = int.from_bytes(payload[offset : offset + 2], "little")
        offset += 2
    intervals: list[float] = []
    if flags & FLAG_RR:
        rest = payload[offset:]
        if not rest:
            # Nordic's HeartRateMeasurementDataCallbackTest rejects "17 01 01": the flag
            # announces one or more RR intervals and none follow.
            raise DecodeError(f"{_NAME}: flags say RR intervals present but none follow")
        if len(rest) % 2:
            raise DecodeError(f"{_NAME}: RR intervals end with an odd byte")
        # raw / 1024 is exact in a double (a 16-bit integer over a power of two): no
        # rounding, so HRV tools get what the strap measured.
        intervals = [
            int.from_bytes(rest[i : i + 2], "little") / RR_UNITS_PER_SECOND
            for i in range(0, len(rest), 2)
        ]
    if flags & FLAG_CONTACT_SUPPORTED:
        contact = (
            SensorContact.DETECTED if flags & FLAG_CONTACT_DETECTED else SensorContact.NOT_DETECTED
        )
    else:
        contact = SensorContact.UNSUPPORTED
    return HeartRate(
        heart_rate=rate,
        sensor_contact=contact,
        raw=payload,
        energy_expended=energy,
        rr_intervals=tuple(intervals),
    )


def encode_heart_rate(
    heart_rate: int,
    *,
    contact: SensorContact = SensorContact.UNSUPPORTED,
    energy_expended: int | None = None,
    rr_intervals_1024: tuple[int, ...] = (),
) -> bytes:
    """The 0x2A37 bytes a strap would send (RR intervals in raw 1/1024 s units)."""
    flags = 0
    body = b""
    if heart_rate > 0xFF:
        flags |= FLAG_UINT16
        body += heart_rate.to_bytes(2, "little")
    else:
        body += bytes((heart_rate,))
    if contact is not SensorContact.UNSUPPORTED:
        flags |= FLAG_CONTACT_SUPPORTED
        flags |= FLAG_CONTACT_DETECTED if contact is SensorContact.DETECTED else 0
    if energy_expended is not None:
        flags |= FLAG_ENERGY
        body += energy_expended.to_bytes(2, "little")
    if rr_intervals_1024:
        flags |= FLAG_RR
        body += b"".join(rr.to_bytes(2, "little") for rr in rr_intervals_1024)
    return bytes((flags,)) + body
