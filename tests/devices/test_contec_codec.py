"""Contec CMS50D+/E, both generations (docs/reference/device-protocols.md 2.5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs.contec import (
    KEEP_ALIVE,
    START_REALTIME,
    ContecGeneration,
    ContecStream,
    decode_contec_packet,
    encode_legacy_frame,
    encode_v7_realtime,
)
from devices.codecs.errors import DecodeError
from devices.measurements import PlxDeviceStatus, SpO2

# Captured V7 realtime packet (docs/reference/device-protocols.md 2.5b): pleth 51, PR 65, SpO2
# 97, no PI.
CAPTURE = bytes.fromhex("01E085B396C1E1FFFF")


def test_v7_capture_decodes_and_encodes_byte_for_byte():
    assert decode_contec_packet(CAPTURE) == SpO2(
        97.0, 65.0, CAPTURE, device_status=PlxDeviceStatus()
    )
    assert encode_v7_realtime(97, 65, 51) == CAPTURE


def test_v7_finger_out_voids_the_values():
    packet = encode_v7_realtime(97, 65, finger_out=True)
    assert packet[1] == 0xE1  # headrotor's observed "no valid pulse/SpO2" marker
    decoded = decode_contec_packet(packet)
    assert (decoded.spo2, decoded.pulse_rate) == (None, None)
    assert decoded.device_status.sensor_unconnected_to_user


@pytest.mark.parametrize(("spo2", "pulse"), [(0, 65), (0x7F, 65), (97, 0), (97, 0xFF)])
def test_invalid_markers_are_no_value(spo2, pulse):
    for packet in (encode_v7_realtime(spo2, pulse), encode_legacy_frame(spo2, pulse)):
        decoded = decode_contec_packet(packet)
        assert decoded.spo2 is None or decoded.pulse_rate is None


def test_legacy_frame_with_pulse_bit_7():
    frame = encode_legacy_frame(98, 130, pleth=60)
    assert frame[0] & 0x80
    assert all(not b & 0x80 for b in frame[1:])
    decoded = decode_contec_packet(frame)
    assert (decoded.spo2, decoded.pulse_rate) == (98.0, 130.0)
    assert decode_contec_packet(encode_legacy_frame(98, 70, finger_out=True)).spo2 is None
    assert decode_contec_packet(encode_legacy_frame(98, 70, searching=True)).spo2 is None


def test_commands():
    assert START_REALTIME.hex() == "7d81a1808080808080"
    assert KEEP_ALIVE.hex() == "7d81af808080808080"


@pytest.mark.parametrize(
    ("generation", "frames"),
    [
        (ContecGeneration.V7, [encode_v7_realtime(96 + i % 3, 60 + i) for i in range(5)]),
        (ContecGeneration.LEGACY, [encode_legacy_frame(96 + i % 3, 60 + i) for i in range(5)]),
    ],
)
def test_stream_whole_byte_by_byte_and_after_garbage(generation, frames):
    expected = [decode_contec_packet(f) for f in frames]

    def collect(chunks):
        stream = ContecStream(generation)
        out = []
        for chunk in chunks:
            stream.receive_data(chunk)
            while (frame := stream.next_frame()) is not None:
                out.append(frame.measurement)
        return out, stream

    data = b"".join(frames)
    assert collect([data])[0] == expected
    assert collect([bytes([b]) for b in data])[0] == expected
    garbage = bytes([0xFF, 0x12, 0x85, 0x00]) + frames[0][3:]  # noise and a torn frame
    got, stream = collect([garbage + data])
    assert got == expected
    assert stream.skipped_bytes > 0


def test_legacy_has_no_checksum_so_a_torn_frame_can_look_whole():
    """Documented limit of the legacy protocol: only sync bits delimit frames. A torn frame
    that happens to line up decodes as a frame; here the flags it carries void its values."""
    stream = ContecStream(ContecGeneration.LEGACY)
    stream.receive_data(bytes([0x85, 0x00, 0x7F, 0x03, 0x3C]))
    assert stream.next_frame().measurement.spo2 is None


def test_other_v7_packet_types_are_skipped():
    other = bytes([0x05, 0x80, 0x81, 0x82])  # a type this station does not read
    stream = ContecStream(ContecGeneration.V7)
    stream.receive_data(other + CAPTURE)
    assert stream.next_frame().measurement.spo2 == 97.0


@pytest.mark.parametrize(
    "bad", [b"", b"\x01\xe0\x85", b"\x85\x01\x02\x03\x84", b"\x01\x60" + b"\x85" * 7]
)
def test_bad_packets(bad):
    with pytest.raises(DecodeError):
        decode_contec_packet(bad)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(list(ContecGeneration)))
def test_stream_never_crashes_and_never_invents_numbers(data, generation):
    stream = ContecStream(generation)
    stream.receive_data(data)
    while (frame := stream.next_frame()) is not None:
        m = frame.measurement
        assert m.spo2 is None or 1 <= m.spo2 <= 126
        assert m.pulse_rate is None or 1 <= m.pulse_rate <= 254
