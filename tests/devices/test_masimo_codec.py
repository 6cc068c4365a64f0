"""Masimo Rad-8 ASCII 1 lines (docs/reference/device-protocols.md 2.11)."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs.errors import DecodeError
from devices.codecs.masimo import MasimoLineStream, decode_masimo_line, encode_masimo_line
from devices.measurements import PlxDeviceStatus, SpO2

# yahnatan/pulseox README capture
CAPTURE = (
    b"02/22/16 22:47:45 SN=0000056661 SPO2=098% BPM=097 PI=03.60% SPCO=--.-% SPMET=--.-% "
    b"DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800"
)


def test_capture():
    assert decode_masimo_line(CAPTURE) == SpO2(
        spo2=98.0,
        pulse_rate=97.0,
        raw=CAPTURE,
        timestamp=datetime(2016, 2, 22, 22, 47, 45),
        pulse_amplitude_index=3.6,
        device_status=PlxDeviceStatus(),
    )


@pytest.mark.parametrize(
    ("exc", "voided", "flag"),
    [
        (0x001, True, "sensor_disconnected"),
        (0x002, True, "sensor_malfunctioning"),
        (0x004, False, "low_perfusion_detected"),
        (0x008, True, "signal_analysis_ongoing"),
        (0x020, True, "sensor_unconnected_to_user"),
        (0x080, True, "unknown_sensor_connected"),
        (0x400, False, "poor_signal_detected"),
    ],
)
def test_exception_bits_are_honoured(exc, voided, flag):
    line = CAPTURE.replace(b"EXC=000800", f"EXC={0x800 | exc:06X}".encode())
    decoded = decode_masimo_line(line)
    assert (decoded.spo2 is None) is voided
    assert getattr(decoded.device_status, flag)


def test_dashes_are_no_value_and_round_trip():
    when = datetime(2026, 11, 22, 9, 30, 0)
    assert decode_masimo_line(encode_masimo_line(when, None, None)).spo2 is None
    decoded = decode_masimo_line(encode_masimo_line(when, 97, 72))
    assert (decoded.spo2, decoded.pulse_rate, decoded.timestamp) == (97.0, 72.0, when)


def test_extra_fields_of_other_firmware_do_not_matter():
    line = CAPTURE.replace(b"SN=0000056661 ", b"SN=0000056661 SPHB=--.- PVI=--- EXC1=000000 ")
    assert decode_masimo_line(line).spo2 == 98.0


@pytest.mark.parametrize(
    "bad",
    [
        b"",
        b"\xff\xfe",
        b"hello world",
        CAPTURE.replace(b"EXC=000800", b"EXC=zz"),
        CAPTURE.replace(b"02/22/16", b"13/45/16"),
    ],
)
def test_bad_lines(bad):
    with pytest.raises(DecodeError):
        decode_masimo_line(bad)


def test_line_stream():
    stream = MasimoLineStream()
    for byte in CAPTURE + b"\r\n" + b"x" * 600 + b"\n" + CAPTURE[:10]:
        stream.receive_data(bytes([byte]))
    assert stream.next_line() == CAPTURE
    assert stream.next_line() is None
    assert stream.dropped_lines == 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=120))
def test_random_lines_decode_or_refuse(data):
    try:
        decoded = decode_masimo_line(data)
    except DecodeError:
        return
    assert decoded.spo2 is None or decoded.spo2 >= 0
