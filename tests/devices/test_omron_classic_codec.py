"""Omron classic EEPROM protocol: frame vectors, channel split/reassembly, record layouts."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs import omron_classic as oc
from devices.codecs.errors import DecodeError
from devices.measurements import PressureUnit

H7155, H7322, H7361 = (oc.LAYOUTS[m] for m in ("HEM-7155T", "HEM-7322T", "HEM-7361T"))


def hx(text):
    return bytes.fromhex(text.replace(" ", ""))


def omblepy_bits(record, byte_order, first, last):
    """omblepy sharedDriver._bytearrayBitsToInt, restated: bit 0 is the MSB of the record
    read as one integer in the device's byte order."""
    big = int.from_bytes(record, byte_order)
    return (big >> (len(record) * 8 - (last + 1))) & ((1 << (last - first + 1)) - 1)


# --- frames -------------------------------------------------------------------------------


def test_documented_request_vectors():
    # docs/reference/device-protocols.md 2.1 (omblepy README, checksum recomputed)
    assert oc.read_eeprom(0x0260, 0x26) == hx("08 01 00 02 60 26 00 4D")
    assert hx("08 00 00 00 00 10 00 18") == oc.START_TRANSMISSION
    assert hx("08 0F 00 00 00 00 00 07") == oc.END_TRANSMISSION
    for frame in (oc.START_TRANSMISSION, oc.END_TRANSMISSION, oc.read_eeprom(0x98, 0x10)):
        assert oc.xor_of(frame) == 0


@pytest.mark.parametrize(("address", "size"), [(-1, 1), (0x10000, 1), (0, 0), (0, 57)])
def test_read_request_limits(address, size):
    with pytest.raises(ValueError, match=r"address|size"):
        oc.read_eeprom(address, size)


def test_no_write_encoder_exists():
    names = {name.lower() for name in dir(oc)}
    assert not [n for n in names if "write" in n and n != "write_eeprom_type"]
    with pytest.raises(ValueError, match="not an answer"):
        oc.encode_response(oc.PacketType.READ_EEPROM, 0, b"")


def test_read_answer_round_trip_and_checks():
    data = bytes(range(16))
    frame = oc.encode_response(oc.PacketType.READ_RESPONSE, 0x0098, data)
    assert frame[:6] == hx("18 81 00 00 98 10")
    assert frame[-2] == 0
    assert oc.xor_of(frame) == 0
    assert oc.parse_read_response(frame, address=0x0098, size=16) == data
    with pytest.raises(DecodeError, match=r"asked for 16 at 0x00a8"):
        oc.parse_read_response(frame, address=0x00A8, size=16)


def test_end_answer_carries_the_error_code_in_byte_6():
    assert oc.parse_end_response(hx("08 8F 00 00 00 00 00 87")) == 0
    assert oc.parse_end_response(hx("08 8F 00 00 00 00 03 84")) == 3


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        ("08 81 00 00", "is 4 bytes, needs at least 8"),
        ("", "is 0 bytes"),
        ("09 81 00 00 98 00 00 11", "length byte says 9 bytes, frame has 8"),
        ("08 81 00 00 98 00 00 10", "XOR of all bytes is 0x01"),
        ("08 01 00 02 60 26 00 4D", "type 0100 is not an answer"),
        ("08 81 C0 00 10 00 00 59", "type 81C0 is not an answer"),
    ],
)
def test_bad_frames_are_refused_clearly(frame, message):
    with pytest.raises(DecodeError, match=message):
        oc.parse_response(hx(frame))


def test_wrong_answer_type_and_inconsistent_size():
    start_answer = oc.encode_response(oc.PacketType.START_RESPONSE, 0, b"HEM-7155T".ljust(16))
    with pytest.raises(DecodeError, match="expected answer type 8100, got 8000"):
        oc.parse_read_response(start_answer, address=0, size=16)
    # declares 0x10 bytes, carries 2 (omblepy would invent FF bytes; we refuse)
    short = bytearray(hx("0A 81 00 00 98 10 AA BB 00 00"))
    short[-1] = oc.xor_of(short)
    with pytest.raises(DecodeError, match="declares 16 data bytes but carries 2"):
        oc.parse_read_response(bytes(short), address=0x98, size=16)


# --- channels -----------------------------------------------------------------------------


def test_split_and_reassemble_in_any_order():
    frame = oc.encode_response(oc.PacketType.READ_RESPONSE, 0x02AC, bytes(range(0x38)))
    chunks = oc.split_for_tx(frame)
    assert [channel for channel, _ in chunks] == [0, 1, 2, 3]
    assert all(len(chunk) == 16 for _, chunk in chunks)
    assembler = oc.ChannelAssembler()
    assert [assembler.receive(c, b) for c, b in reversed(chunks[1:])] == [None] * 3
    assert assembler.receive(*chunks[0]) == frame
    # a short packet fits one channel and completes at once
    assert assembler.receive(0, oc.END_TRANSMISSION) == oc.END_TRANSMISSION
    assert oc.split_for_tx(oc.START_TRANSMISSION) == [(0, oc.START_TRANSMISSION)]


def test_reassembly_cuts_padding_and_counts_lost_chunks():
    frame = oc.encode_response(oc.PacketType.READ_RESPONSE, 0x98, bytes(10))  # 18 bytes
    (c0, b0), (c1, b1) = oc.split_for_tx(frame)
    assembler = oc.ChannelAssembler()
    assert assembler.receive(c0, b0) is None
    assert assembler.receive(c0, b0) is None  # channel 0 again: the first was lost
    assert assembler.overwritten_chunks == 1
    assert assembler.receive(c1, b1 + b"\x00" * 14) == frame
    with pytest.raises(ValueError, match="channel 4"):
        assembler.receive(4, b"")
    with pytest.raises(ValueError, match=r"1\.\.64"):
        oc.split_for_tx(bytes(65))


# --- unlock channel -----------------------------------------------------------------------


def test_unlock_packets_and_answers():
    assert oc.unlock_request(oc.DEFAULT_KEY) == hx("01 deadbeaf12341234deadbeaf12341234")
    assert oc.enter_key_programming_request() == b"\x02" + bytes(16)
    assert oc.program_key_request(oc.DEFAULT_KEY)[0] == 0x00
    assert oc.decode_unlock_answer(hx("81 00")).accepts(oc.UnlockOp.UNLOCK)
    assert not oc.decode_unlock_answer(hx("81 01")).accepts(oc.UnlockOp.UNLOCK)
    assert not oc.decode_unlock_answer(hx("82 00")).accepts(oc.UnlockOp.UNLOCK)
    assert oc.decode_unlock_answer(hx("80 00 00")).accepts(oc.UnlockOp.PROGRAM_KEY)
    with pytest.raises(DecodeError, match="needs at least 2"):
        oc.decode_unlock_answer(b"\x81")
    with pytest.raises(ValueError, match="16 bytes"):
        oc.unlock_request(b"short")


# --- layouts and records ------------------------------------------------------------------


def test_layout_table_matches_omblepy():
    assert (H7155.user_start_addresses, H7155.records_per_user) == ((0x0098, 0x0458), (60, 60))
    assert (H7155.record_size, H7155.block_size, H7155.byte_order) == (16, 16, "little")
    assert (H7322.user_start_addresses, H7322.records_per_user) == ((0x02AC, 0x0824), (100, 100))
    assert (H7322.record_size, H7322.block_size, H7322.byte_order) == (14, 0x38, "big")
    assert (H7361.user_start_addresses, H7361.records_per_user) == ((0x0098, 0x06D8), (100, 100))
    assert oc.layout_for("omron-hem-7155t") is H7155
    assert oc.layout_for("hem-7322t") is H7322
    with pytest.raises(ValueError, match="known: HEM-7155T"):
        oc.layout_for("HEM-9999T")


def test_read_requests_cover_exactly_one_user():
    requests = H7155.read_requests(1)
    assert requests[0] == (0x0098, 16)
    assert len(requests) == 60
    assert requests[-1][0] + requests[-1][1] == 0x0458  # user 2 starts right after
    assert sum(size for _, size in H7322.read_requests(2)) == 1400
    assert H7322.read_requests(2)[0] == (0x0824, 0x38)
    with pytest.raises(ValueError, match=r"users 1\.\.2"):
        H7155.read_requests(3)


# Built by hand from the bit layout (see the comments), not by the encoder.
# LE16: sys 128, dia 84, pulse 72, 2026-11-22 09:31:05, ihb, no movement:
#   b0 sys-25=0x67, b1 dia=0x54, b2 pulse=0x48, b3 year 26 (bits 98-103)=0x1A,
#   b4 day bits 88-90 (110) + hour 9 (01001)=0xC9, b5 mov 0, ihb 1, month 1011, day 10=0x6E,
#   b6 minute bits 72-73 (11) + second 000101=0xC5, b7 minute bits 68-71 (0111)=0x07.
LE16_VECTOR = "67 54 48 1A C9 6E C5 07 00 00 00 00 00 00 00 00"
# BE14: dia 91, sys 142, 2026, pulse 66, mov 1, ihb 0, March 5th 17:45:30:
#   b4 1 0 0011 00=0x8C, b5 day 101 + hour 10001=0xB1, b6 0000 + minute 1011=0x0B,
#   b7 minute 01 + second 011110=0x5E.
BE14_VECTOR = "5B 75 1A 42 8C B1 0B 5E 00 00 00 00 00 00"


@pytest.mark.parametrize("layout", [H7155, H7361])
def test_le16_record_vector(layout):
    record = hx(LE16_VECTOR)
    reading = oc.decode_record(layout, record, user_id=1)
    assert reading is not None
    assert (reading.systolic, reading.diastolic, reading.pulse_rate) == (128.0, 84.0, 72.0)
    assert reading.mean_arterial is None
    assert reading.unit is PressureUnit.MMHG
    assert reading.timestamp == datetime(2026, 11, 22, 9, 31, 5)
    assert reading.status.irregular_pulse
    assert not reading.status.body_movement
    assert (reading.user_id, reading.raw) == (1, record)
    # omblepy hem-7361t.py's field numbers on the same bytes
    assert omblepy_bits(record, "little", 120, 127) + 25 == 128
    assert omblepy_bits(record, "little", 112, 119) == 84
    assert omblepy_bits(record, "little", 104, 111) == 72
    assert omblepy_bits(record, "little", 98, 103) + 2000 == 2026
    assert omblepy_bits(record, "little", 82, 85) == 11
    assert omblepy_bits(record, "little", 86, 90) == 22
    assert omblepy_bits(record, "little", 91, 95) == 9
    assert omblepy_bits(record, "little", 68, 73) == 31
    assert omblepy_bits(record, "little", 74, 79) == 5
    assert (omblepy_bits(record, "little", 80, 80), omblepy_bits(record, "little", 81, 81)) == (
        0,
        1,
    )
    when = datetime(2026, 11, 22, 9, 31, 5)
    encoded = oc.encode_record(
        layout, systolic=128, diastolic=84, pulse=72, when=when, irregular_pulse=True
    )
    assert encoded == record


def test_be14_record_vector():
    record = hx(BE14_VECTOR)
    reading = oc.decode_record(H7322, record, user_id=2)
    assert reading is not None
    assert (reading.systolic, reading.diastolic, reading.pulse_rate) == (142.0, 91.0, 66.0)
    assert reading.timestamp == datetime(2026, 3, 5, 17, 45, 30)
    assert reading.status.body_movement
    assert not reading.status.irregular_pulse
    # omblepy hem-7322t.py's field numbers on the same bytes
    assert omblepy_bits(record, "big", 0, 7) == 91
    assert omblepy_bits(record, "big", 8, 15) + 25 == 142
    assert omblepy_bits(record, "big", 16, 23) + 2000 == 2026
    assert omblepy_bits(record, "big", 24, 31) == 66
    assert omblepy_bits(record, "big", 34, 37) == 3
    assert omblepy_bits(record, "big", 38, 42) == 5
    assert omblepy_bits(record, "big", 43, 47) == 17
    assert omblepy_bits(record, "big", 52, 57) == 45
    assert omblepy_bits(record, "big", 58, 63) == 30
    encoded = oc.encode_record(
        H7322,
        systolic=142,
        diastolic=91,
        pulse=66,
        when=datetime(2026, 3, 5, 17, 45, 30),
        body_movement=True,
    )
    assert encoded == record


def test_empty_slot_is_none():
    assert oc.decode_record(H7155, b"\xff" * 16) is None
    assert oc.decode_record(H7322, b"\xff" * 14) is None


def test_seconds_60_to_63_are_kept_as_59():
    record = bytearray(hx(LE16_VECTOR))
    record[6] |= 0x3F  # second field = 63
    reading = oc.decode_record(H7155, bytes(record))
    assert reading is not None
    assert reading.timestamp == datetime(2026, 11, 22, 9, 31, 59)
    assert reading.raw == bytes(record)


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        (lambda r: r.__setitem__(5, r[5] & ~0x3C), "2026-00-22"),  # month 0
        (lambda r: r.__setitem__(5, r[5] | 0x3C), "2026-15-22"),  # month 15
        (lambda r: r.__setitem__(4, r[4] | 0x1F), "31:"),  # hour 31
        (lambda r: r.__setitem__(6, r[6] | 0xC0) or r.__setitem__(7, 0x0F), ":63"),  # minute 63
        (lambda r: r.__setitem__(5, r[5] & ~0x03) or r.__setitem__(4, r[4] & 0x1F), "-00 "),
    ],
)
def test_impossible_dates_are_decode_errors(patch, message):
    record = bytearray(hx(LE16_VECTOR))
    patch(record)
    with pytest.raises(DecodeError, match=f"HEM-7155T record: stored time .*{message}"):
        oc.decode_record(H7155, bytes(record))


def test_february_30th_and_all_zero_records_are_refused():
    record = oc.encode_record(
        H7155, systolic=120, diastolic=80, pulse=70, when=datetime(2024, 2, 1)
    )
    value = bytearray(record)
    value[4] = (value[4] & 0x1F) | (0b110 << 5)  # day 1 -> 30 (bits 86-87 hold 0b11)
    value[5] |= 0x03
    with pytest.raises(DecodeError, match="2024-02-30"):
        oc.decode_record(H7155, bytes(value))
    with pytest.raises(DecodeError, match="not a real date"):
        oc.decode_record(H7155, bytes(16))
    with pytest.raises(DecodeError, match="is 15 bytes, needs 16"):
        oc.decode_record(H7155, bytes(15))


def test_split_records():
    area = b"\xff" * 16 + hx(LE16_VECTOR) + b"\x00" * 5
    assert oc.split_records(H7155, area) == [b"\xff" * 16, hx(LE16_VECTOR)]


# --- fuzzing ------------------------------------------------------------------------------


def _finite(reading):
    return all(
        isinstance(v, float) and math.isfinite(v)
        for v in (reading.systolic, reading.diastolic, reading.pulse_rate)
    )


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([H7155, H7322, H7361]), st.binary(min_size=14, max_size=16))
def test_random_records_decode_or_refuse(layout, payload):
    try:
        reading = oc.decode_record(layout, payload)
    except DecodeError:
        return
    if reading is not None:
        assert reading.raw == payload
        assert _finite(reading)
        assert 25 <= reading.systolic <= 25 + 255
        assert reading.timestamp is not None


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from([(H7155, LE16_VECTOR), (H7322, BE14_VECTOR)]),
    st.lists(st.tuples(st.integers(0, 15), st.integers(0, 255)), max_size=4),
)
def test_mutated_records_decode_or_refuse(case, flips):
    layout, vector = case
    record = bytearray(hx(vector))
    for index, value in flips:
        if index < len(record):
            record[index] = value
    try:
        reading = oc.decode_record(layout, bytes(record))
    except DecodeError:
        return
    assert reading is None or _finite(reading)


SEED_FRAMES = [
    oc.encode_response(oc.PacketType.READ_RESPONSE, 0x98, hx(LE16_VECTOR)),
    oc.encode_response(oc.PacketType.START_RESPONSE, 0, b"HEM-7155T".ljust(16)),
    hx("08 8F 00 00 00 00 00 87"),
]


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=70))
def test_random_frames_parse_or_refuse(frame):
    try:
        response = oc.parse_response(frame)
    except DecodeError:
        return
    assert oc.xor_of(frame) == 0
    assert response.raw == frame


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(SEED_FRAMES),
    st.lists(st.tuples(st.integers(0, 63), st.integers(0, 255)), max_size=3),
    st.integers(0, 64),
)
def test_mutated_frames_through_the_assembler(seed, flips, cut):
    frame = bytearray(seed)
    for index, value in flips:
        if index < len(frame):
            frame[index] = value
    frame = bytes(frame[:cut]) or b"\x00"
    assembler = oc.ChannelAssembler()
    for channel, chunk in oc.split_for_tx(frame):
        packet = assembler.receive(channel, chunk)
        if packet is None:
            continue
        try:
            data = oc.parse_read_response(packet, address=0x98, size=16)
            # A damaged record that still passes the frame checksum (two flips can cancel
            # in an XOR) must end in a DecodeError naming the field, never a crash.
            reading = oc.decode_record(H7155, data) if len(data) == 16 else None
        except DecodeError:
            continue
        assert reading is None or _finite(reading)
