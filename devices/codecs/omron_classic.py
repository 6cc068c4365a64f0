"""Omron's "classic" proprietary BLE protocol: reading a cuff's EEPROM record memory.

Older Omron "Intelli IT" cuffs (HEM-7155T M400/X4 Smart, HEM-7322T M700, HEM-7361T M500/M7
and relatives) keep their readings in an EEPROM and give a paired host a memory-read protocol
over four 16-byte GATT channels each way. Sources (docs/reference/device-protocols.md 2.1):

- userx14/omblepy@0dddc074ec3bc7b05cb4e9aabee03ed4322432ee/omblepy.py and
  @e14ee5ac9339468c0a98bfa9a1aaf9183a4e1ee4/omblepy.py: UUIDs, frame layout, start/read/end
  packets, the unlock/key packets, TX splitting and RX reassembly, the default key.
- userx14/omblepy@18f36bc39caac275de53ef853649f8d1d8f14c2f/sharedDriver.py and
  @91d06861ef66736085dd45adfd3144f357017eab/sharedDriver.py: user areas read in
  ``transmissionBlockSize`` chunks, the bit-field extraction (``_bytearrayBitsToInt``), an
  all-``FF`` record is an empty slot.
- userx14/omblepy@7b02a4343194e8cce7420a4a9d088c5a33d8e5dc/deviceSpecific/hem-7322t.py and
  @91d06861ef66736085dd45adfd3144f357017eab/deviceSpecific/hem-7361t.py: per-model layouts.
- userx14/omblepy@0dddc074ec3bc7b05cb4e9aabee03ed4322432ee/hardwareDoc/m700_intelli_it_and_m500/
  hem-7322t.txt: the start-transmission answer carries the 16-byte device id.

HEM-7155T: omblepy's ``deviceSpecific/hem-7155t.py`` was not in the source index this was
written from. Its numbers (users at 0x0098/0x0458, 60 records of 16 bytes, block 0x10, the
little-endian 16-byte bit layout shared with HEM-7361T) come from docs/reference/device-protocols.md
2.1 (which cites omblepy @ 708c13e) and agree with three independent ports of omblepy's table
(a UBPM-style Qt port whose HEM-7155T profile uses the same "LE16" layout as HEM-7361T, and
two hass-omron style Python/Rust ports). Treated as confirmed-by-agreement, not read first hand.

Frame (all numbers big-endian)::

    [len][type hi][type lo][addr hi][addr lo][size][data ...][00][xor]

``len`` counts every byte; the XOR of all bytes is 0. Requests: start transmission type
0x0000 (``08 00 00 00 00 10 00 18``), read EEPROM 0x0100 (``08 01 00 02 60 26 00 4D`` reads
0x26 bytes at 0x0260), end transmission 0x0F00 (``08 0F 00 00 00 00 00 07``). Answers set the
type's top bit: 0x8000, 0x8100 (with ``size`` data bytes), 0x8F00 (byte 6 is the device's
error code, 0 = fine; omblepy reads it there whatever ``size`` says).

A packet longer than 16 bytes is split over the TX channels 0..3 (16 bytes each); an answer
comes back the same way on the RX channels, and channel 0's first byte says how many channels
the answer fills. ``ChannelAssembler`` puts them back together, in any arrival order.

Unlock channel (write with response, notify): ``01`` + key answered ``81 00`` unlocks a
session; in the cuff's '-P-' pairing mode ``02`` + 16 x ``00`` answered ``82 00`` enters key
programming and ``00`` + key answered ``80 00`` stores the key. An answer is the request op
with bit 7 set, then a status byte, 0 meaning success.

READ ONLY. The protocol also has an EEPROM *write* (type 0x01C0, used by omblepy for time
sync and the unread-record counters, and which its README warns can corrupt the cuff's
calibration area). This module has no encoder for it on purpose, and ``encode_response``
refuses to build anything but the three read-side answers: a kiosk must never change a
cuff's memory. ``WRITE_EEPROM_TYPE`` is named only so a simulator can recognise and refuse
such a frame.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from types import MappingProxyType
from typing import Literal

from devices.codecs.errors import DecodeError
from devices.measurements import BloodPressure, BloodPressureStatus, PressureUnit

__all__ = [
    "CHANNEL_COUNT",
    "CHANNEL_WIDTH",
    "DEFAULT_KEY",
    "END_TRANSMISSION",
    "KEY_LENGTH",
    "LAYOUTS",
    "MAX_PACKET_LENGTH",
    "MAX_READ_SIZE",
    "RX_CHANNEL_UUIDS",
    "SERVICE_UUID",
    "START_TRANSMISSION",
    "TX_CHANNEL_UUIDS",
    "UNLOCK_UUID",
    "WRITE_EEPROM_TYPE",
    "BitField",
    "ChannelAssembler",
    "OmronClassicLayout",
    "OmronResponse",
    "PacketType",
    "RecordFields",
    "UnlockAnswer",
    "UnlockOp",
    "decode_record",
    "decode_unlock_answer",
    "encode_record",
    "encode_response",
    "enter_key_programming_request",
    "layout_for",
    "parse_end_response",
    "parse_read_response",
    "parse_response",
    "program_key_request",
    "read_eeprom",
    "split_for_tx",
    "split_records",
    "unlock_request",
    "xor_of",
]

SERVICE_UUID = "ecbe3980-c9a2-11e1-b1bd-0002a5d5c51b"
# Host -> device, channel 0..3.
TX_CHANNEL_UUIDS = (
    "db5b55e0-aee7-11e1-965e-0002a5d5c51b",
    "e0b8a060-aee7-11e1-92f4-0002a5d5c51b",
    "0ae12b00-aee8-11e1-a192-0002a5d5c51b",
    "10e1ba60-aee8-11e1-89e5-0002a5d5c51b",
)
# Device -> host (notify), channel 0..3 (omblepy maps them by handle 0x360..0x390).
RX_CHANNEL_UUIDS = (
    "49123040-aee8-11e1-a74d-0002a5d5c51b",
    "4d0bf320-aee8-11e1-a0d9-0002a5d5c51b",
    "5128ce60-aee8-11e1-b84b-0002a5d5c51b",
    "560f1420-aee8-11e1-8184-0002a5d5c51b",
)
UNLOCK_UUID = "b305b680-aee7-11e1-a730-0002a5d5c51b"

# omblepy's "arbitrary choice" of key; hass-omron and UBPM ports use the same one, so a cuff
# already paired with those tools works without reprogramming.
DEFAULT_KEY = bytes.fromhex("deadbeaf12341234deadbeaf12341234")
KEY_LENGTH = 16

CHANNEL_WIDTH = 16
CHANNEL_COUNT = 4
MAX_PACKET_LENGTH = CHANNEL_WIDTH * CHANNEL_COUNT
FRAME_OVERHEAD = 8  # 6 header bytes + padding + xor
# The largest data block one read answer can carry (64 - 8 = 0x38, HEM-7322T's block size).
MAX_READ_SIZE = MAX_PACKET_LENGTH - FRAME_OVERHEAD
EMPTY_BYTE = 0xFF


class PacketType(IntEnum):
    START_TRANSMISSION = 0x0000
    READ_EEPROM = 0x0100
    END_TRANSMISSION = 0x0F00
    START_RESPONSE = 0x8000
    READ_RESPONSE = 0x8100
    END_RESPONSE = 0x8F00


# Recognised only to be refused (simulator, tests); nothing here can build one.
WRITE_EEPROM_TYPE = 0x01C0
_RESPONSE_TYPES = frozenset(
    {PacketType.START_RESPONSE, PacketType.READ_RESPONSE, PacketType.END_RESPONSE}
)


def xor_of(data: bytes) -> int:
    result = 0
    for byte in data:
        result ^= byte
    return result


def _frame(packet_type: int, address: int, size: int, data: bytes = b"") -> bytes:
    body = (
        bytes((len(data) + FRAME_OVERHEAD,))
        + packet_type.to_bytes(2, "big")
        + address.to_bytes(2, "big")
        + bytes((size,))
        + data
        + b"\x00"
    )
    return body + bytes((xor_of(body),))


START_TRANSMISSION = _frame(PacketType.START_TRANSMISSION, 0x0000, 0x10)
END_TRANSMISSION = _frame(PacketType.END_TRANSMISSION, 0x0000, 0x00)


def read_eeprom(address: int, size: int) -> bytes:
    """The request for ``size`` bytes of EEPROM at ``address``."""
    if not 0 <= address <= 0xFFFF:
        raise ValueError(f"EEPROM address {address:#x} does not fit in 16 bits")
    if not 1 <= size <= MAX_READ_SIZE:
        raise ValueError(f"read size {size} must be 1..{MAX_READ_SIZE}")
    return _frame(PacketType.READ_EEPROM, address, size)


def encode_response(packet_type: PacketType, address: int, data: bytes) -> bytes:
    """An answer frame as the cuff sends it (for simulators and tests).

    Only the three read-side answers can be built; anything else is a ValueError.
    """
    if packet_type not in _RESPONSE_TYPES:
        raise ValueError(f"{packet_type!r} is not an answer this codec builds")
    if len(data) > MAX_READ_SIZE:
        raise ValueError(f"an answer carries at most {MAX_READ_SIZE} data bytes")
    return _frame(packet_type, address, len(data), data)


@dataclass(frozen=True, slots=True)
class OmronResponse:
    packet_type: PacketType
    address: int
    declared_size: int
    data: bytes
    raw: bytes

    @property
    def end_status(self) -> int:
        """The device's error code in an end-transmission answer (byte 6; 0 = fine)."""
        return self.raw[6]


_NAME = "Omron classic frame"


def parse_response(frame: bytes, expected: PacketType | None = None) -> OmronResponse:
    """Check and split one reassembled answer frame.

    Raises ``DecodeError`` for a short frame, a length byte that disagrees with the frame, a
    non-zero XOR, a request or unknown type, or (with ``expected``) a different answer type.
    """
    frame = bytes(frame)
    if len(frame) < FRAME_OVERHEAD:
        raise DecodeError(f"{_NAME} is {len(frame)} bytes, needs at least {FRAME_OVERHEAD}")
    if frame[0] != len(frame):
        raise DecodeError(f"{_NAME}: length byte says {frame[0]} bytes, frame has {len(frame)}")
    checksum = xor_of(frame)
    if checksum:
        raise DecodeError(f"{_NAME}: XOR of all bytes is {checksum:#04x}, must be 0 (damaged)")
    type_code = int.from_bytes(frame[1:3], "big")
    if type_code not in _RESPONSE_TYPES:
        raise DecodeError(f"{_NAME}: type {type_code:04X} is not an answer this station expects")
    packet_type = PacketType(type_code)
    if expected is not None and packet_type is not expected:
        raise DecodeError(
            f"{_NAME}: expected answer type {expected.value:04X}, got {packet_type.value:04X}"
        )
    return OmronResponse(
        packet_type=packet_type,
        address=int.from_bytes(frame[3:5], "big"),
        declared_size=frame[5],
        data=frame[6:-2],
        raw=frame,
    )


def parse_read_response(frame: bytes, *, address: int, size: int) -> bytes:
    """The data of a read answer, checked against the request it answers.

    omblepy substitutes ``FF`` bytes when an answer declares more data than it carries; this
    station refuses such an answer instead (it is retried), because made-up ``FF`` bytes would
    silently turn a stored reading into an "empty slot".
    """
    response = parse_response(frame, PacketType.READ_RESPONSE)
    if response.declared_size != len(response.data):
        raise DecodeError(
            f"{_NAME}: read answer declares {response.declared_size} data bytes "
            f"but carries {len(response.data)}"
        )
    if response.address != address or len(response.data) != size:
        raise DecodeError(
            f"{_NAME}: read answer is {len(response.data)} bytes at {response.address:#06x}, "
            f"asked for {size} at {address:#06x}"
        )
    return response.data


def parse_end_response(frame: bytes) -> int:
    """The error code of an end-transmission answer (0 = fine)."""
    return parse_response(frame, PacketType.END_RESPONSE).end_status


# --- channels -------------------------------------------------------------------------------


def split_for_tx(packet: bytes) -> list[tuple[int, bytes]]:
    """(TX channel index, chunk) pairs: 16 bytes per channel, channel 0 first."""
    if not packet or len(packet) > MAX_PACKET_LENGTH:
        raise ValueError(f"a packet is 1..{MAX_PACKET_LENGTH} bytes, got {len(packet)}")
    return [
        (index, bytes(packet[start : start + CHANNEL_WIDTH]))
        for index, start in enumerate(range(0, len(packet), CHANNEL_WIDTH))
    ]


class ChannelAssembler:
    """Puts a packet split over the four channels back together (sans-IO).

    ``receive(channel, chunk)`` keeps the newest chunk of each channel; once channel 0 has
    arrived, its first byte (the packet length) says how many channels are needed, and when
    all of them are there the packet (cut to that length) is returned and the buffers are
    cleared. Nothing is validated here: ``parse_response`` judges the packet. A chunk that
    replaces one not yet used is counted in ``overwritten_chunks`` (a lost packet).
    Works for both directions (the simulator uses it for what the host writes).
    """

    def __init__(self) -> None:
        self._chunks: list[bytes | None] = [None] * CHANNEL_COUNT
        self.overwritten_chunks = 0

    def reset(self) -> None:
        self._chunks = [None] * CHANNEL_COUNT

    def receive(self, channel: int, chunk: bytes) -> bytes | None:
        if not 0 <= channel < CHANNEL_COUNT:
            raise ValueError(f"channel {channel} is not 0..{CHANNEL_COUNT - 1}")
        if self._chunks[channel] is not None:
            self.overwritten_chunks += 1
        self._chunks[channel] = bytes(chunk)
        first = self._chunks[0]
        if not first:
            return None
        length = first[0]
        needed = min(CHANNEL_COUNT, max(1, -(-length // CHANNEL_WIDTH)))
        parts = self._chunks[:needed]
        if any(part is None for part in parts):
            return None
        packet = b"".join(part for part in parts if part is not None)
        self.reset()
        # A length byte the chunks cannot satisfy is left for the parser to report.
        return packet[:length] if FRAME_OVERHEAD <= length <= len(packet) else packet


# --- unlock channel -------------------------------------------------------------------------


class UnlockOp(IntEnum):
    PROGRAM_KEY = 0x00
    UNLOCK = 0x01
    ENTER_KEY_PROGRAMMING = 0x02


def _check_key(key: bytes) -> bytes:
    if len(key) != KEY_LENGTH:
        raise ValueError(f"an Omron key is {KEY_LENGTH} bytes, got {len(key)}")
    return bytes(key)


def unlock_request(key: bytes) -> bytes:
    return bytes((UnlockOp.UNLOCK,)) + _check_key(key)


def enter_key_programming_request() -> bytes:
    return bytes((UnlockOp.ENTER_KEY_PROGRAMMING,)) + bytes(KEY_LENGTH)


def program_key_request(key: bytes) -> bytes:
    return bytes((UnlockOp.PROGRAM_KEY,)) + _check_key(key)


@dataclass(frozen=True, slots=True)
class UnlockAnswer:
    op: int
    status: int
    raw: bytes

    def accepts(self, request: UnlockOp) -> bool:
        """True when this is the success answer (``8x 00``) to ``request``."""
        return self.op == (0x80 | request) and self.status == 0


def decode_unlock_answer(payload: bytes) -> UnlockAnswer:
    payload = bytes(payload)
    if len(payload) < 2:
        raise DecodeError(f"Omron unlock answer is {len(payload)} bytes, needs at least 2")
    return UnlockAnswer(op=payload[0], status=payload[1], raw=payload)


# --- record layouts -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BitField:
    """Bits ``first..last`` (inclusive) of a record in omblepy's numbering: the record is read
    as one integer in the layout's byte order and bit 0 is its most significant bit."""

    first: int
    last: int

    @property
    def width(self) -> int:
        return self.last - self.first + 1

    def read(self, value: int, total_bits: int) -> int:
        return (value >> (total_bits - self.last - 1)) & ((1 << self.width) - 1)

    def insert(self, value: int, field_value: int, total_bits: int) -> int:
        if not 0 <= field_value < 1 << self.width:
            raise ValueError(f"{field_value} does not fit in {self.width} bits")
        shift = total_bits - self.last - 1
        mask = ((1 << self.width) - 1) << shift
        return (value & ~mask) | (field_value << shift)


@dataclass(frozen=True, slots=True)
class RecordFields:
    systolic: BitField  # stored as systolic - 25 mmHg
    diastolic: BitField
    pulse: BitField
    year: BitField  # stored as year - 2000
    month: BitField
    day: BitField
    hour: BitField
    minute: BitField
    second: BitField
    body_movement: BitField
    irregular_pulse: BitField


@dataclass(frozen=True, slots=True)
class OmronClassicLayout:
    """Where one model keeps its records and how a record is packed."""

    model: str
    user_start_addresses: tuple[int, ...]
    records_per_user: tuple[int, ...]
    record_size: int
    block_size: int  # omblepy's transmissionBlockSize: bytes per read request
    byte_order: Literal["little", "big"]
    fields: RecordFields
    systolic_offset: int = 25
    year_offset: int = 2000

    @property
    def users(self) -> int:
        return len(self.user_start_addresses)

    def user_area(self, user: int) -> tuple[int, int]:
        """(start address, length in bytes) of user ``user``'s records (users count from 1)."""
        if not 1 <= user <= self.users:
            raise ValueError(f"{self.model} has users 1..{self.users}, not {user}")
        return (
            self.user_start_addresses[user - 1],
            self.records_per_user[user - 1] * self.record_size,
        )

    def read_requests(self, user: int) -> list[tuple[int, int]]:
        """(address, size) of each read that together cover one user's records, in order."""
        start, length = self.user_area(user)
        return [
            (address, min(self.block_size, start + length - address))
            for address in range(start, start + length, self.block_size)
        ]


# HEM-7155T / HEM-7361T family: 16-byte little-endian records (omblepy hem-7361t.py).
_LE16 = RecordFields(
    systolic=BitField(120, 127),
    diastolic=BitField(112, 119),
    pulse=BitField(104, 111),
    year=BitField(98, 103),
    month=BitField(82, 85),
    day=BitField(86, 90),
    hour=BitField(91, 95),
    minute=BitField(68, 73),
    second=BitField(74, 79),
    body_movement=BitField(80, 80),
    irregular_pulse=BitField(81, 81),
)
# HEM-7322T: 14-byte big-endian records (omblepy hem-7322t.py); bits 48-51 and 64-111 unused.
_BE14 = RecordFields(
    diastolic=BitField(0, 7),
    systolic=BitField(8, 15),
    year=BitField(16, 23),
    pulse=BitField(24, 31),
    body_movement=BitField(32, 32),
    irregular_pulse=BitField(33, 33),
    month=BitField(34, 37),
    day=BitField(38, 42),
    hour=BitField(43, 47),
    minute=BitField(52, 57),
    second=BitField(58, 63),
)

LAYOUTS: Mapping[str, OmronClassicLayout] = MappingProxyType(
    {
        "HEM-7155T": OmronClassicLayout(
            model="HEM-7155T",
            user_start_addresses=(0x0098, 0x0458),
            records_per_user=(60, 60),
            record_size=0x10,
            block_size=0x10,
            byte_order="little",
            fields=_LE16,
        ),
        "HEM-7322T": OmronClassicLayout(
            model="HEM-7322T",
            user_start_addresses=(0x02AC, 0x0824),
            records_per_user=(100, 100),
            record_size=0x0E,
            block_size=0x38,
            byte_order="big",
            fields=_BE14,
        ),
        "HEM-7361T": OmronClassicLayout(
            model="HEM-7361T",
            user_start_addresses=(0x0098, 0x06D8),
            records_per_user=(100, 100),
            record_size=0x10,
            block_size=0x10,
            byte_order="little",
            fields=_LE16,
        ),
    }
)


def layout_for(model: str) -> OmronClassicLayout:
    """The layout of ``model`` (``HEM-7155T``, ``hem-7155t`` or ``omron-hem-7155t``)."""
    key = model.strip().upper().removeprefix("OMRON-")
    try:
        return LAYOUTS[key]
    except KeyError:
        known = ", ".join(LAYOUTS)
        raise ValueError(f"no Omron classic layout for {model!r}; known: {known}") from None


# --- records --------------------------------------------------------------------------------


def split_records(layout: OmronClassicLayout, area: bytes) -> list[bytes]:
    """One user's record area cut into records (a trailing partial record is dropped)."""
    size = layout.record_size
    return [bytes(area[i : i + size]) for i in range(0, len(area) - size + 1, size)]


def decode_record(
    layout: OmronClassicLayout, record: bytes, *, user_id: int | None = None
) -> BloodPressure | None:
    """One stored record as a reading, or None for an empty slot (all ``FF``).

    Raises ``DecodeError`` for a record of the wrong size or with an impossible date or time.
    Seconds 60..63 are a known quirk of these cuffs (omblepy and the UBPM port clamp them to
    59): the reading is kept with second 59; ``raw`` keeps the stored value. Rejecting the
    reading instead would throw away a genuine measurement over its least important digit,
    and the device time is audit data only (the station clock is the effective time).
    Pressures and pulse are returned as stored; judging them is for ``station.checks``.
    """
    record = bytes(record)
    name = f"Omron {layout.model} record"
    if len(record) != layout.record_size:
        raise DecodeError(f"{name} is {len(record)} bytes, needs {layout.record_size}")
    if record == bytes((EMPTY_BYTE,)) * layout.record_size:
        return None
    value = int.from_bytes(record, layout.byte_order)
    bits = layout.record_size * 8
    f = layout.fields

    def get(field: BitField) -> int:
        return field.read(value, bits)

    year = get(f.year) + layout.year_offset
    month, day = get(f.month), get(f.day)
    hour, minute, second = get(f.hour), get(f.minute), min(get(f.second), 59)
    try:
        # omblepy clamps seconds: "for some reason the second value can range up to 63".
        stamp = datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - device clock has no zone
    except ValueError as exc:
        raise DecodeError(
            f"{name}: stored time {year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d} "
            "is not a real date and time"
        ) from exc
    return BloodPressure(
        systolic=float(get(f.systolic) + layout.systolic_offset),
        diastolic=float(get(f.diastolic)),
        mean_arterial=None,
        unit=PressureUnit.MMHG,
        raw=record,
        pulse_rate=float(get(f.pulse)),
        timestamp=stamp,
        user_id=user_id,
        status=BloodPressureStatus(
            body_movement=bool(get(f.body_movement)),
            irregular_pulse=bool(get(f.irregular_pulse)),
        ),
    )


def encode_record(
    layout: OmronClassicLayout,
    *,
    systolic: int,
    diastolic: int,
    pulse: int,
    when: datetime,
    body_movement: bool = False,
    irregular_pulse: bool = False,
    fill: int = 0x00,
) -> bytes:
    """The bytes a cuff stores for one reading (for simulators and tests; never sent).

    Bits outside the layout's fields are ``fill`` (their meaning is unknown).
    """
    f = layout.fields
    bits = layout.record_size * 8
    value = int.from_bytes(bytes((fill,)) * layout.record_size, layout.byte_order)
    for field, field_value in (
        (f.systolic, systolic - layout.systolic_offset),
        (f.diastolic, diastolic),
        (f.pulse, pulse),
        (f.year, when.year - layout.year_offset),
        (f.month, when.month),
        (f.day, when.day),
        (f.hour, when.hour),
        (f.minute, when.minute),
        (f.second, when.second),
        (f.body_movement, int(body_movement)),
        (f.irregular_pulse, int(irregular_pulse)),
    ):
        value = field.insert(value, field_value, bits)
    return value.to_bytes(layout.record_size, layout.byte_order)
