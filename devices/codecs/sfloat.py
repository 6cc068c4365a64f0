"""IEEE 11073-20601 16-bit SFLOAT, as used by the Bluetooth health profiles.

A little-endian uint16: bits 0-11 a signed 12-bit mantissa, bits 12-15 a signed 4-bit
exponent (two's complement, NOT biased; see docs/reference/device-protocols.md section 0.1 for a
library that gets this wrong). value = mantissa * 10**exponent. Five raw values with exponent 0 are
special and never numbers: NaN 0x07FF, NRes 0x0800, +INF 0x07FE, -INF 0x0802, reserved 0x0801
(Nordic Android-BLE-Common-Library constants, docs/reference/device-protocols.md 1.1).
"""

from __future__ import annotations

from devices.codecs.errors import DecodeError

__all__ = ["SFLOAT_NAN", "SPECIAL_SFLOATS", "decode_sfloat", "encode_sfloat", "read_sfloat"]

SFLOAT_NAN = 0x07FF
SFLOAT_NRES = 0x0800
SFLOAT_POSITIVE_INFINITY = 0x07FE
SFLOAT_NEGATIVE_INFINITY = 0x0802
SFLOAT_RESERVED = 0x0801
SPECIAL_SFLOATS = frozenset(
    {SFLOAT_NAN, SFLOAT_NRES, SFLOAT_POSITIVE_INFINITY, SFLOAT_NEGATIVE_INFINITY, SFLOAT_RESERVED}
)
_MANTISSA_MAX = 0x07FD  # 2045: larger magnitudes collide with the special values
_MANTISSA_MIN = -0x07FD


def decode_sfloat(raw: int) -> float | None:
    """The value of a raw 16-bit SFLOAT, or None for a special value."""
    if raw in SPECIAL_SFLOATS:
        return None
    mantissa = raw & 0x0FFF
    if mantissa >= 0x0800:
        mantissa -= 0x1000
    exponent = (raw >> 12) & 0x0F
    if exponent >= 0x08:
        exponent -= 0x10
    # round() removes binary noise such as 17.599999999999998 for mantissa 176, exponent -1
    return float(round(mantissa * 10.0**exponent, max(0, -exponent)))


def read_sfloat(payload: bytes, offset: int, what: str) -> float | None:
    """Decode the SFLOAT at ``offset``; ``what`` names the field in the error message."""
    if offset + 2 > len(payload):
        raise DecodeError(
            f"{what}: needs 2 bytes at offset {offset}, payload has {len(payload)} bytes"
        )
    return decode_sfloat(int.from_bytes(payload[offset : offset + 2], "little"))


def encode_sfloat(value: float | None, decimals: int = 0) -> bytes:
    """Encode ``value`` with ``decimals`` digits after the point; None encodes NaN."""
    if value is None:
        return SFLOAT_NAN.to_bytes(2, "little")
    if not 0 <= decimals <= 8:
        raise ValueError(f"decimals must be 0-8, got {decimals}")
    mantissa: int = round(value * 10.0**decimals)
    if not _MANTISSA_MIN <= mantissa <= _MANTISSA_MAX:
        raise ValueError(f"{value} with {decimals} decimals does not fit a 12-bit mantissa")
    exponent = -decimals
    raw = ((exponent & 0x0F) << 12) | (mantissa & 0x0FFF)
    return raw.to_bytes(2, "little")
