"""Jumper (JPD-500F etc.) and "My Oximeter" PLS-01BT live packets over BLE.

Source: docs/reference/device-protocols.md 2.8 (ESP32 example, Thai kiosk driver). Service
``CDEACB80-…``, notify ``CDEACB81-…``. A packet of type 0x81 carries ``81 PR SpO2 PI …``; the
PI scale (x10) is unconfirmed, so PI is not reported. Idle frames filled with 0x2D ('-') come
until a measurement starts: they decode to "no value", never to a number. PR 255 / SpO2 127
are treated as invalid markers like the other fingertip oximeters (unconfirmed for Jumper:
the safe direction).
"""

from __future__ import annotations

from devices.codecs.errors import DecodeError
from devices.measurements import SpO2

__all__ = ["JUMPER_NOTIFY_UUID", "JUMPER_SERVICE_UUID", "decode_jumper_packet"]

JUMPER_SERVICE_UUID = "cdeacb80-5235-4c07-8846-93a37ee6b86d"
JUMPER_NOTIFY_UUID = "cdeacb81-5235-4c07-8846-93a37ee6b86d"
LIVE_PACKET = 0x81
IDLE_BYTE = 0x2D
SPO2_MAX = 100
PULSE_INVALID = 0xFF


def decode_jumper_packet(payload: bytes) -> SpO2:
    payload = bytes(payload)
    if payload and all(b == IDLE_BYTE for b in payload):
        return SpO2(spo2=None, pulse_rate=None, raw=payload)  # idle: no measurement yet
    if len(payload) < 4:
        raise DecodeError(f"Jumper packet is {len(payload)} bytes, needs at least 4")
    if payload[0] != LIVE_PACKET:
        raise DecodeError(f"Jumper packet type 0x{payload[0]:02X} is not a live reading (0x81)")
    pulse, spo2 = payload[1], payload[2]
    return SpO2(
        spo2=float(spo2) if 0 < spo2 <= SPO2_MAX else None,
        pulse_rate=float(pulse) if 0 < pulse < PULSE_INVALID else None,
        raw=payload,
    )
