"""Bluetooth SIG UUIDs of the health profiles (Assigned Numbers), as full 128-bit strings."""

from __future__ import annotations

__all__ = ["sig_uuid"]


def sig_uuid(short: int) -> str:
    return f"0000{short:04x}-0000-1000-8000-00805f9b34fb"


BLOOD_PRESSURE_SERVICE = sig_uuid(0x1810)
HEART_RATE_SERVICE = sig_uuid(0x180D)
PULSE_OXIMETER_SERVICE = sig_uuid(0x1822)
BLOOD_PRESSURE_MEASUREMENT = sig_uuid(0x2A35)  # indicate
INTERMEDIATE_CUFF_PRESSURE = sig_uuid(0x2A36)  # notify
BLOOD_PRESSURE_FEATURE = sig_uuid(0x2A49)  # read
HEART_RATE_MEASUREMENT = sig_uuid(0x2A37)  # notify
PLX_SPOT_CHECK = sig_uuid(0x2A5E)  # indicate
PLX_CONTINUOUS = sig_uuid(0x2A5F)  # notify
PLX_FEATURES = sig_uuid(0x2A60)  # read
RECORD_ACCESS_CONTROL_POINT = sig_uuid(0x2A52)  # write + indicate
DATE_TIME = sig_uuid(0x2A08)  # written by A&D cuffs' hosts to set the clock (0x1810)
CURRENT_TIME = sig_uuid(0x2A2B)  # read/write on the Current Time Service 0x1805
HEALTH_SERVICES = (BLOOD_PRESSURE_SERVICE, HEART_RATE_SERVICE, PULSE_OXIMETER_SERVICE)

# A&D custom service and characteristic (obniz UA651BLE, docs/reference/device-protocols.md 2.2).
AND_CUSTOM_SERVICE = "233bf000-5a34-1b6d-975c-000d5690abe4"
AND_CUSTOM_CHARACTERISTIC = "233bf001-5a34-1b6d-975c-000d5690abe4"
