"""Berry BM1000 (B/C/E) oximeters: "BCI Protocol V1.2" over BLE transparent UART.

Source: zh2x/BCI_Protocol, docs/reference/device-protocols.md 2.6. 5-byte frames at 100 Hz, byte 0
with bit 7 set (sync), the others clear::

    0: 0-3 signal strength, 4 no signal, 5 probe unplugged, 6 pulse beep, 7 sync
    1: 0-6 pleth (0 = invalid)   2: 0-3 bar graph, 4 no finger, 5 searching, 6 PR bit 7
    3: PR bits 0-6 (PR 255 = invalid)   4: SpO2 0-100 (127 = invalid)

Any of "no signal", "probe unplugged", "no finger", "searching" voids the values.
"""

from __future__ import annotations

from dataclasses import dataclass

from devices.codecs.errors import DecodeError
from devices.codecs.framing import FrameBuffer
from devices.measurements import PlxDeviceStatus, SpO2

__all__ = [
    "BERRY_NOTIFY_UUID",
    "BERRY_SERVICE_UUID",
    "BerryFrame",
    "BerryStream",
    "decode_berry_frame",
    "encode_berry_frame",
]

BERRY_SERVICE_UUID = "49535343-fe7d-4ae5-8fa9-9fafd205e455"
BERRY_NOTIFY_UUID = "49535343-1e4d-4bd9-ba61-23c647249616"
FRAME_LENGTH = 5
PULSE_INVALID = 0xFF
SPO2_INVALID = 0x7F
SPO2_MAX = 100


@dataclass(frozen=True, slots=True)
class BerryFrame:
    measurement: SpO2
    pleth: int


def decode_berry_frame(frame: bytes) -> SpO2:
    return _decode(bytes(frame)).measurement


def _decode(frame: bytes) -> BerryFrame:
    if len(frame) != FRAME_LENGTH:
        raise DecodeError(f"Berry frame is {len(frame)} bytes, needs {FRAME_LENGTH}")
    if not frame[0] & 0x80 or any(b & 0x80 for b in frame[1:]):
        raise DecodeError("Berry frame: sync bit must be set on byte 0 only")
    no_signal, unplugged = bool(frame[0] & 0x10), bool(frame[0] & 0x20)
    no_finger, searching = bool(frame[2] & 0x10), bool(frame[2] & 0x20)
    pulse = (frame[3] & 0x7F) | ((frame[2] & 0x40) << 1)
    spo2 = frame[4]
    void = no_signal or unplugged or no_finger or searching
    measurement = SpO2(
        # 0 is no reading (the pulse field's 0 means the same), never a saturation of 0 %.
        spo2=None if void or spo2 in (0, SPO2_INVALID) or spo2 > SPO2_MAX else float(spo2),
        pulse_rate=None if void or pulse in (0, PULSE_INVALID) else float(pulse),
        raw=frame,
        device_status=PlxDeviceStatus(
            inadequate_signal_detected=no_signal,
            sensor_disconnected=unplugged,
            sensor_unconnected_to_user=no_finger,
            signal_analysis_ongoing=searching,
        ),
    )
    return BerryFrame(measurement, frame[1])


class BerryStream(FrameBuffer):
    def next_frame(self) -> BerryFrame | None:
        return self.next_sync_bit_frame(FRAME_LENGTH, _decode)


def encode_berry_frame(spo2: int, pulse: int, pleth: int = 50, *, no_finger: bool = False) -> bytes:
    return bytes(
        (
            0x80 | 0x05,
            pleth & 0x7F,
            ((pulse & 0x80) >> 1) | (0x10 if no_finger else 0) | 0x06,
            pulse & 0x7F,
            spo2 & 0x7F,
        )
    )
