"""Masimo Rad-8 (and Radical-7) serial ASCII 1 output: one line a second, 9600 8N1.

Example (yahnatan/pulseox capture, docs/reference/device-protocols.md 2.11)::

    02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-%
    DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800

Fields are read by ``NAME=value``, not by position, so firmware that adds fields (Radical-7:
SPHB, PVI, EXC1) still parses. Dashes mean no value. The EXC exception bits are honoured: a
line whose exceptions say the sensor is absent, off, defective, unrecognised or still searching
carries no SpO2 or pulse value, whatever digits it shows. The device's clock is kept (naive,
as printed) but never used as the effective time.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from devices.codecs.errors import DecodeError
from devices.measurements import PlxDeviceStatus, SpO2

__all__ = ["MasimoLineStream", "decode_masimo_line", "encode_masimo_line"]

EXC_NO_SENSOR = 0x001
EXC_DEFECTIVE_SENSOR = 0x002
EXC_LOW_PERFUSION = 0x004
EXC_PULSE_SEARCH = 0x008
EXC_INTERFERENCE = 0x010
EXC_SENSOR_OFF = 0x020
EXC_AMBIENT_LIGHT = 0x040
EXC_UNRECOGNIZED_SENSOR = 0x080
EXC_LOW_SIGNAL_IQ = 0x400
# Exceptions under which the displayed numbers are not a measurement of this person.
EXC_VOIDS_VALUES = (
    EXC_NO_SENSOR
    | EXC_DEFECTIVE_SENSOR
    | EXC_PULSE_SEARCH
    | EXC_SENSOR_OFF
    | EXC_UNRECOGNIZED_SENSOR
)
MAX_LINE_BYTES = 512

_FIELD = re.compile(r"([A-Z0-9]+)=(\S+)")
_STAMP = re.compile(r"^(\d{2})/(\d{2})/(\d{2}) (\d{2}):(\d{2}):(\d{2})")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?")


def _value(text: str | None, name: str) -> float | None:
    if text is None or "--" in text:
        return None  # dashes: the device shows no value
    match = _NUMBER.fullmatch(text)
    if not match:
        return None
    number = float(match.group(0))
    if not math.isfinite(number):
        # 309 or more digits fit in a 512-byte line and overflow to inf (issue 10): a
        # garbled line, never a measurement.
        raise DecodeError(f"Masimo {name} field is not a number the device can show")
    return number


def decode_masimo_line(payload: bytes) -> SpO2:
    """Decode one ASCII 1 line (with or without its CR/LF)."""
    try:
        line = bytes(payload).decode("ascii").strip()
    except UnicodeDecodeError as exc:
        raise DecodeError("Masimo line is not ASCII") from exc
    fields = dict(_FIELD.findall(line))
    if "SPO2" not in fields or "BPM" not in fields:
        raise DecodeError("Masimo line has no SPO2= and BPM= fields")
    try:
        exceptions = int(fields.get("EXC", "0"), 16)
    except ValueError as exc:
        raise DecodeError(f"Masimo EXC field is not hex: {fields['EXC']!r}") from exc
    stamp = None
    match = _STAMP.match(line)
    if match:
        month, day, year, hour, minute, second = (int(g) for g in match.groups())
        try:
            stamp = datetime(2000 + year, month, day, hour, minute, second)  # noqa: DTZ001 - device clock, no zone
        except ValueError as exc:
            raise DecodeError(f"Masimo time stamp is not a real date: {match.group(0)}") from exc
    void = bool(exceptions & EXC_VOIDS_VALUES)
    spo2 = None if void else _value(fields["SPO2"].rstrip("%"), "SPO2")
    pulse = None if void else _value(fields["BPM"], "BPM")
    pi = None if void else _value(fields.get("PI", "--").rstrip("%"), "PI")
    return SpO2(
        spo2=spo2,
        pulse_rate=pulse,
        raw=bytes(payload),
        timestamp=stamp,
        pulse_amplitude_index=pi,
        device_status=PlxDeviceStatus(
            sensor_disconnected=bool(exceptions & EXC_NO_SENSOR),
            sensor_malfunctioning=bool(exceptions & EXC_DEFECTIVE_SENSOR),
            low_perfusion_detected=bool(exceptions & EXC_LOW_PERFUSION),
            signal_analysis_ongoing=bool(exceptions & EXC_PULSE_SEARCH),
            sensor_interference_detected=bool(exceptions & (EXC_INTERFERENCE | EXC_AMBIENT_LIGHT)),
            sensor_unconnected_to_user=bool(exceptions & EXC_SENSOR_OFF),
            unknown_sensor_connected=bool(exceptions & EXC_UNRECOGNIZED_SENSOR),
            poor_signal_detected=bool(exceptions & EXC_LOW_SIGNAL_IQ),
        ),
    )


class MasimoLineStream:
    """Lines out of a byte stream; an over-long line (noise, wrong baud) is dropped."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.dropped_lines = 0

    def receive_data(self, data: bytes) -> None:
        self._buffer += data

    def next_line(self) -> bytes | None:
        end = self._buffer.find(b"\n")
        if end < 0:
            if len(self._buffer) > MAX_LINE_BYTES:
                self._buffer.clear()
                self.dropped_lines += 1
            return None
        line = bytes(self._buffer[:end]).rstrip(b"\r")
        del self._buffer[: end + 1]
        if len(line) > MAX_LINE_BYTES:
            self.dropped_lines += 1
            return self.next_line()
        return line


def encode_masimo_line(
    when: datetime, spo2: int | None, pulse: int | None, *, exceptions: int = 0x800
) -> bytes:
    """An ASCII 1 line like the Rad-8 prints (for simulators and tests)."""
    spo2_text = "---" if spo2 is None else f"{spo2:03d}"
    pulse_text = "---" if pulse is None else f"{pulse:03d}"
    return (
        f"{when:%m/%d/%y %H:%M:%S} SN=0000056661 SPO2={spo2_text}% BPM={pulse_text} "
        f"PI=03.60% SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 "
        f"EXC={exceptions:06X}\r\n"
    ).encode("ascii")
