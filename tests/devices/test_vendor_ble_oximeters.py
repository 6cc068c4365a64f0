"""Berry BM1000 and Jumper vendor protocols: codec vectors and the BLE stream session."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.ble.stream_oximeter import (
    BerryParser,
    BleStreamOximeter,
    BleStreamOximeterConfig,
    JumperParser,
)
from devices.codecs.berry import (
    BERRY_NOTIFY_UUID,
    BerryStream,
    decode_berry_frame,
    encode_berry_frame,
)
from devices.codecs.errors import DecodeError
from devices.codecs.jumper import JUMPER_NOTIFY_UUID, decode_jumper_packet
from devices.device import DeviceError, DeviceFault, DeviceState
from tests.devices.fake_ble import FakeBleClient


# docs/reference/device-protocols.md 2.6 computed vectors from the BCI Protocol V1.2 layout
@pytest.mark.parametrize(
    ("wire", "spo2", "pulse"),
    [
        ("85 32 06 48 62", 98.0, 72.0),
        ("C5 32 4A 02 62", 98.0, 130.0),
        ("80 00 50 7F 7F", None, None),
    ],
)
def test_berry_vectors(wire, spo2, pulse):
    decoded = decode_berry_frame(bytes.fromhex(wire.replace(" ", "")))
    assert (decoded.spo2, decoded.pulse_rate) == (spo2, pulse)


def test_berry_zero_saturation_is_no_reading():
    # Found by the property test below: a frame with SpO2 byte 0 must not become "0 %".
    assert decode_berry_frame(bytes.fromhex("8000000000")).spo2 is None


def test_berry_finger_out_and_encode():
    assert decode_berry_frame(encode_berry_frame(97, 66)).spo2 == 97.0
    finger_out = decode_berry_frame(encode_berry_frame(97, 66, no_finger=True))
    assert finger_out.spo2 is None
    assert finger_out.device_status.sensor_unconnected_to_user


def test_berry_stream_resyncs():
    stream = BerryStream()
    frames = [encode_berry_frame(96, 70 + i, pleth=10 * i) for i in range(4)]
    stream.receive_data(b"\x12\xff\x01" + b"".join(frames))
    got = []
    while (frame := stream.next_frame()) is not None:
        got.append((frame.measurement.pulse_rate, frame.pleth))
    assert got == [(70.0, 0), (71.0, 10), (72.0, 20), (73.0, 30)]


@pytest.mark.parametrize(
    ("wire", "spo2", "pulse"),
    [("81 48 62 1e", 98.0, 72.0), ("2d2d2d2d2d", None, None), ("81 ff 7f 00", None, None)],
)
def test_jumper_packets(wire, spo2, pulse):
    decoded = decode_jumper_packet(bytes.fromhex(wire.replace(" ", "")))
    assert (decoded.spo2, decoded.pulse_rate) == (spo2, pulse)


@pytest.mark.parametrize("bad", ["", "81 48", "90 48 62 1e"])
def test_jumper_refuses(bad):
    with pytest.raises(DecodeError):
        decode_jumper_packet(bytes.fromhex(bad.replace(" ", "")))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_vendor_streams_never_invent_numbers(data):
    for parser in (BerryParser(), JumperParser()):
        for sample, _wave in parser.feed(data):
            assert sample.spo2 is None or 0 < sample.spo2 <= 100
            assert sample.pulse_rate is None or 0 < sample.pulse_rate < 255


def session(parser_factory, script, settle=20, timeout=1.0):
    clients = []

    def factory(address, on_disconnect):
        client = FakeBleClient(on_disconnect, script=script, start_on=parser_factory().notify_uuid)
        clients.append(client)
        return client

    config = BleStreamOximeterConfig(
        address="00:A0:50:11:22:33",
        label="Berry BM1000",
        parser_factory=parser_factory,
        settle_samples=settle,
        measurement_timeout_s=timeout,
        backoff_s=(0.0,),
    )
    return BleStreamOximeter(config, factory), clients


def test_berry_session_settles_and_streams_the_pleth():
    frames = b"".join(encode_berry_frame(97, 68, pleth=(7 * i) % 120) for i in range(40))
    # notifications split frames at arbitrary points, as BLE MTUs do
    script = [("notify", BERRY_NOTIFY_UUID, frames[i : i + 17]) for i in range(0, len(frames), 17)]
    device, clients = session(BerryParser, script)
    events = []
    (reading,) = asyncio.run(device.measure(events.append))
    assert (reading.spo2, reading.pulse_rate) == (97.0, 68.0)
    assert events[-1].state is DeviceState.READING_RECEIVED
    waves = [e.waveform for e in events if e.waveform is not None]
    assert waves
    assert np.concatenate(waves).tolist()[:5] == [0, 7, 14, 21, 28]
    assert not clients[0].is_connected


def test_jumper_session_with_idle_then_finger_out_fails_cleanly():
    script = [("notify", JUMPER_NOTIFY_UUID, b"-----")] * 5
    device, _ = session(JumperParser, script, timeout=0.3)
    with pytest.raises(DeviceError, match="check the finger") as caught:
        asyncio.run(device.measure(lambda e: None))
    assert caught.value.cause is DeviceFault.NO_READING


def test_stream_oximeter_disconnect_is_a_lost_link():
    frames = b"".join(encode_berry_frame(97, 68, pleth=0) for _ in range(3))
    script = [("notify", BERRY_NOTIFY_UUID, frames), ("drop",)]
    device, _ = session(BerryParser, script)
    with pytest.raises(DeviceError, match="disconnected during measurement") as caught:
        asyncio.run(device.measure(lambda e: None))
    assert caught.value.cause is DeviceFault.LINK_LOST


def test_jumper_session_reading():
    script = [("notify", JUMPER_NOTIFY_UUID, bytes.fromhex("8148621e"))] * 5
    device, _ = session(JumperParser, script, settle=5)
    (reading,) = asyncio.run(device.measure(lambda e: None))
    assert reading.spo2 == 98.0
