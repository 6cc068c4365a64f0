"""Bytes from a transport to measurements, the same way for real devices and simulators.

A transport (bleak notification, serial frame, simulator) hands a characteristic payload to
``decode_notification``; a payload the codec refuses becomes a ``DeviceError`` (cause
``DAMAGED_PACKET``), never an exception from deep inside a codec and never a number.
"""

from __future__ import annotations

import logging

from devices.codecs.errors import DecodeError
from devices.codecs.registry import resolve_profile
from devices.device import DeviceError, DeviceFault
from devices.measurements import Measurement

__all__ = ["decode_notification"]

_LOGGER = logging.getLogger(__name__)


def decode_notification(profile: str, payload: bytes) -> Measurement:
    try:
        return resolve_profile(profile)(payload)
    except DecodeError as exc:
        _LOGGER.debug("refused %s payload %s: %s", profile, payload.hex(), exc)
        raise DeviceError(
            f"the device sent a damaged packet ({exc}); measure again", DeviceFault.DAMAGED_PACKET
        ) from exc
