"""Contec CMS50D+/CMS50E USB-serial pulse oximeters, both protocol generations.

Sans-IO, in the h11 manner: ``ContecStream.receive_data(bytes)`` buffers, ``next_frame()``
returns the next decoded ``OximeterFrame`` or ``None`` when more bytes are needed. Garbage
between frames is skipped and counted, so a stream that starts mid-frame or picks up line
noise resynchronises on the next frame start. Sources: docs/reference/device-protocols.md 2.5.

Legacy stream (firmware <= 4.5; 19200 baud 8O1; atbrask/CMS50Dplus): 5-byte frames at 60 Hz,
byte 0 has bit 7 set (sync), bytes 1-4 have it clear::

    0: 0-3 signal strength, 4 finger out, 5 SpO2 dropping, 6 beep, 7 sync
    1: 0-6 pleth   2: 0-3 bar graph, 4 probe error, 5 searching, 6 pulse-rate bit 7
    3: 0-6 pulse-rate bits 0-6   4: 0-6 SpO2 %

"Communication protocol of pulse oximeter V7.0" (firmware 4.6+; 115200 8N1): a packet is
``type`` (bit 7 clear), a high-bits byte ``0x80 | MSB(data[i]) << i``, then the data bytes
with bit 7 set. Realtime data is type 0x01 with 7 data bytes: [0] status, [1] pleth, [2]
bar/flags, [3] pulse rate, [4] SpO2, [5..6] perfusion index (0xFFFF = none). The host starts
the stream with ``START_REALTIME`` and must send ``KEEP_ALIVE`` every few seconds.

The legacy stream has no checksum: frames are delimited by sync bits only, so a torn frame
followed by noise can line up as a whole one. Frames are checked for the sync pattern and the
invalid markers below; the clinical checks and the repeat protocol catch what is left.

Invalid markers (Brad Martin's driver, quoted in the notes): SpO2 0 or 127, pulse rate 0 or
255. Both mean "no value"; in the legacy stream a finger-out, probe-error or searching bit
also voids the values.

The V7 meaning of the data[0]/data[2] status bits is unconfirmed, and the legacy reading does
not fit: the captured valid sample ``01 E0 85 B3 96 C1 E1 FF FF`` (PR 65, SpO2 97) has bit 4
of data[2] set, which would be "probe error". So for V7 we rely on what was observed
(headrotor/contec_data): a high-bits byte of E1 or E2 instead of E0 — data[0] or data[1]
carrying bit 7 — marks "no valid pulse/SpO2" (finger out), plus the invalid markers above.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from devices.codecs.errors import DecodeError
from devices.codecs.framing import FrameBuffer
from devices.measurements import PlxDeviceStatus, SpO2

__all__ = [
    "KEEP_ALIVE",
    "LEGACY_FRAME_LENGTH",
    "START_REALTIME",
    "STOP_REALTIME",
    "ContecGeneration",
    "ContecStream",
    "OximeterFrame",
    "decode_contec_packet",
    "encode_legacy_frame",
    "encode_v7_packet",
    "encode_v7_realtime",
]

LEGACY_FRAME_LENGTH = 5
V7_REALTIME_TYPE = 0x01
V7_COMMAND_TYPE = 0x7D
V7_REALTIME_DATA_LENGTH = 7
V7_REALTIME_PACKET_LENGTH = 2 + V7_REALTIME_DATA_LENGTH
# Data lengths of the V7 packet types this station reads; other types are skipped whole.
V7_DATA_LENGTHS = {V7_REALTIME_TYPE: V7_REALTIME_DATA_LENGTH}

SPO2_INVALID = frozenset({0, 0x7F})
PULSE_INVALID = frozenset({0, 0xFF})
PI_NOT_AVAILABLE = 0xFFFF
# High-bits byte E1/E2 (data[0] or data[1] with bit 7 set): no valid pulse/SpO2 (headrotor).
V7_NO_VALID_READING_BITS = 0x03


def _command(code: int) -> bytes:
    return bytes((V7_COMMAND_TYPE, 0x81, code, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80))


START_REALTIME = _command(0xA1)
STOP_REALTIME = _command(0xA2)
KEEP_ALIVE = _command(0xAF)


class ContecGeneration(StrEnum):
    LEGACY = "legacy-5-byte"
    V7 = "v7"


@dataclass(frozen=True, slots=True)
class OximeterFrame:
    """One realtime sample: the measurement (values None when not valid) and the pleth."""

    measurement: SpO2
    pleth: int
    generation: ContecGeneration


def _measurement(
    raw: bytes, spo2: int, pulse: int, *, finger_out: bool, probe_error: bool, searching: bool
) -> SpO2:
    void = finger_out or probe_error or searching
    return SpO2(
        spo2=None if void or spo2 in SPO2_INVALID else float(spo2),
        pulse_rate=None if void or pulse in PULSE_INVALID else float(pulse),
        raw=raw,
        device_status=PlxDeviceStatus(
            sensor_unconnected_to_user=finger_out,
            sensor_malfunctioning=probe_error,
            signal_analysis_ongoing=searching,
        ),
    )


def _decode_legacy(frame: bytes) -> OximeterFrame:
    if len(frame) != LEGACY_FRAME_LENGTH:
        raise DecodeError(f"Contec legacy frame is {len(frame)} bytes, needs {LEGACY_FRAME_LENGTH}")
    if not frame[0] & 0x80 or any(b & 0x80 for b in frame[1:]):
        raise DecodeError("Contec legacy frame: sync bit must be set on byte 0 only")
    pulse = (frame[3] & 0x7F) | ((frame[2] & 0x40) << 1)
    measurement = _measurement(
        frame,
        frame[4] & 0x7F,
        pulse,
        finger_out=bool(frame[0] & 0x10),
        probe_error=bool(frame[2] & 0x10),
        searching=bool(frame[2] & 0x20),
    )
    return OximeterFrame(measurement, frame[1] & 0x7F, ContecGeneration.LEGACY)


def _unpack_v7(packet: bytes) -> bytes:
    high = packet[1]
    if not high & 0x80 or any(not b & 0x80 for b in packet[2:]):
        raise DecodeError("Contec V7 packet: high-bits and data bytes must have bit 7 set")
    return bytes((b & 0x7F) | (0x80 if high >> i & 1 else 0) for i, b in enumerate(packet[2:]))


def _decode_v7(packet: bytes) -> OximeterFrame:
    if len(packet) != V7_REALTIME_PACKET_LENGTH or packet[0] != V7_REALTIME_TYPE:
        raise DecodeError(
            f"Contec V7 realtime packet must be {V7_REALTIME_PACKET_LENGTH} bytes of type 0x01"
        )
    data = _unpack_v7(packet)
    no_valid_reading = bool(packet[1] & V7_NO_VALID_READING_BITS)
    measurement = _measurement(
        packet,
        data[4],
        data[3],
        finger_out=no_valid_reading,
        probe_error=False,
        searching=False,
    )
    pi_raw = int.from_bytes(data[5:7], "little")
    if pi_raw != PI_NOT_AVAILABLE and measurement.spo2 is not None:
        # PI in hundredths of a percent (Brad Martin's driver); only with a valid reading.
        measurement = SpO2(
            spo2=measurement.spo2,
            pulse_rate=measurement.pulse_rate,
            raw=packet,
            pulse_amplitude_index=round(pi_raw / 100, 2),
            device_status=measurement.device_status,
        )
    return OximeterFrame(measurement, data[1] & 0x7F, ContecGeneration.V7)


def decode_contec_packet(payload: bytes) -> SpO2:
    """Decode one whole frame of either generation (for ``vitals-station decode``)."""
    payload = bytes(payload)
    if not payload:
        raise DecodeError("Contec: payload is empty")
    if payload[0] & 0x80:
        return _decode_legacy(payload).measurement
    return _decode_v7(payload).measurement


class ContecStream(FrameBuffer):
    """Frames out of a byte stream of one generation, resynchronising after garbage."""

    def __init__(self, generation: ContecGeneration) -> None:
        super().__init__()
        self.generation = generation

    def next_frame(self) -> OximeterFrame | None:
        """The next valid frame, or None until more bytes arrive."""
        if self.generation is ContecGeneration.LEGACY:
            return self.next_sync_bit_frame(LEGACY_FRAME_LENGTH, _decode_legacy)
        return self._next_v7()

    def _next_v7(self) -> OximeterFrame | None:
        while self._buffer:
            kind = self._buffer[0]
            if kind & 0x80:
                self._skip(1)  # a data byte without its header: not a packet start
                continue
            length = V7_DATA_LENGTHS.get(kind)
            if length is None:
                # A type we do not read: skip the header and let its data bytes (bit 7 set)
                # be skipped as garbage above.
                self._skip(1)
                continue
            if len(self._buffer) < 2 + length:
                return None
            candidate = bytes(self._buffer[: 2 + length])
            try:
                frame = _decode_v7(candidate)
            except DecodeError:
                self._skip(1)
                continue
            del self._buffer[: 2 + length]
            return frame
        return None


def encode_legacy_frame(
    spo2: int, pulse: int, pleth: int = 50, *, finger_out: bool = False, searching: bool = False
) -> bytes:
    """A legacy 5-byte frame (for simulators and tests)."""
    return bytes(
        (
            0x80 | (0x10 if finger_out else 0) | 0x05,
            pleth & 0x7F,
            ((pulse & 0x80) >> 1) | (0x20 if searching else 0) | 0x03,
            pulse & 0x7F,
            spo2 & 0x7F,
        )
    )


def encode_v7_packet(kind: int, data: bytes) -> bytes:
    high = 0x80
    for i, byte in enumerate(data):
        if byte & 0x80:
            high |= 1 << i
    return bytes((kind, high)) + bytes(b | 0x80 for b in data)


def encode_v7_realtime(
    spo2: int,
    pulse: int,
    pleth: int = 50,
    *,
    finger_out: bool = False,
    pi_hundredths: int | None = None,
) -> bytes:
    """A V7 realtime packet (for simulators and tests)."""
    pi = PI_NOT_AVAILABLE if pi_hundredths is None else pi_hundredths
    status = 0x85 if finger_out else 0x05  # bit 7 of data[0] is what the device sets
    data = bytes((status, pleth, 0x16, pulse, spo2)) + pi.to_bytes(2, "little")
    return encode_v7_packet(V7_REALTIME_TYPE, data)
