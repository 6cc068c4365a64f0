"""A simulated Omron cuff speaking the classic EEPROM memory-read protocol.

The device side of ``devices.codecs.omron_classic``, synchronous and transport-free: a test's
fake BLE client hands it every GATT write (``write(uuid, data)``) and delivers the
notifications it returns. It behaves as omblepy describes the real cuffs
(userx14/omblepy@0dddc074ec3bc7b05cb4e9aabee03ed4322432ee/omblepy.py):

- unlock channel: ``01`` + key answers ``81 00`` when the key matches the stored one; in
  pairing mode ('-P-' on the display) ``02`` + 16 x ``00`` answers ``82 00`` and then
  ``00`` + key stores the key and answers ``80 00``;
- TX channels: a packet is reassembled from its 16-byte chunks; start transmission answers
  ``80 00`` with the 16-byte device id (hardwareDoc/m700_intelli_it_and_m500/hem-7322t.txt:
  "bt device id read 0x10 bytes"), a read answers ``81 00`` with the bytes, end answers
  ``8F 00`` with error code 0. Answers go out split over the four RX channels.

Unconfirmed details, decided here: a wrong key or a refused programming step answers the
request op with status ``01`` (omblepy only checks for ``x1 00``); frames before a successful
unlock, or reads outside a start/end pair, get no answer (a real cuff's reaction is
undocumented; silence makes the host time out, the safe failure); reads past the end of the
simulated 8 KiB EEPROM return ``FF``.

Any EEPROM *write* frame (type 0x01C0) is refused with ``EepromWriteAttempted`` and
recorded in ``write_attempts``, so a test proves the station never writes cuff memory.

``OmronClassicPeripheral`` puts the simulated cuff behind the ``BleClient`` protocol and
``simulated_client_factory`` makes one for a "simulator:<model>" desk: its memory holds
yesterday's readings, and every connection finds one new reading taken "just now".
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta

from devices.ble.client import BleClient, ClientFactory, NotifyHandler
from devices.codecs.omron_classic import (
    DEFAULT_KEY,
    MAX_READ_SIZE,
    RX_CHANNEL_UUIDS,
    TX_CHANNEL_UUIDS,
    UNLOCK_UUID,
    WRITE_EEPROM_TYPE,
    ChannelAssembler,
    OmronClassicLayout,
    PacketType,
    UnlockOp,
    encode_record,
    encode_response,
    split_for_tx,
    xor_of,
)
from devices.simulators.values import SimulatedValues

__all__ = [
    "EepromWriteAttempted",
    "OmronClassicPeripheral",
    "SimulatedOmronClassicCuff",
    "simulated_client_factory",
]

EEPROM_SIZE = 0x2000  # HEM-7322T: 64 Kbit I2C EEPROM (omblepy hardwareDoc)
STATUS_REFUSED = 0x01


class EepromWriteAttempted(AssertionError):
    """The host sent an EEPROM write frame: the station must never do that."""


class SimulatedOmronClassicCuff:
    def __init__(
        self,
        layout: OmronClassicLayout,
        *,
        key: bytes | None = DEFAULT_KEY,
        pairing_mode: bool = False,
        device_id: bytes = b"HEM-SIMULATOR\x00\x00\x00",
    ) -> None:
        self.layout = layout
        self.eeprom = bytearray(b"\xff" * EEPROM_SIZE)
        self.key = key
        self.pairing_mode = pairing_mode
        self.device_id = device_id[:16].ljust(16, b"\x00")
        self.unlocked = False
        self.transmitting = False
        self._key_programming = False
        self._tx = ChannelAssembler()
        # What the host did, for tests to inspect.
        self.frames: list[bytes] = []
        self.read_requests: list[tuple[int, int]] = []
        self.write_attempts: list[bytes] = []
        self.unanswered: list[bytes] = []
        # Fault injection: damage the checksum of the next N answers.
        self.corrupt_answers = 0

    # --- memory -------------------------------------------------------------------------

    def store_record(
        self,
        user: int,
        slot: int,
        *,
        systolic: int,
        diastolic: int,
        pulse: int,
        when: datetime,
        body_movement: bool = False,
        irregular_pulse: bool = False,
    ) -> bytes:
        """Put a reading into ``slot`` (0-based) of ``user``'s ring buffer; returns its bytes."""
        record = encode_record(
            self.layout,
            systolic=systolic,
            diastolic=diastolic,
            pulse=pulse,
            when=when,
            body_movement=body_movement,
            irregular_pulse=irregular_pulse,
        )
        self.store_raw(user, slot, record)
        return record

    def store_raw(self, user: int, slot: int, record: bytes) -> None:
        start, length = self.layout.user_area(user)
        offset = slot * self.layout.record_size
        if not 0 <= offset < length or len(record) != self.layout.record_size:
            raise ValueError(f"slot {slot} or record size does not fit user {user}'s area")
        self.eeprom[start + offset : start + offset + len(record)] = record

    # --- GATT side ----------------------------------------------------------------------

    def write(self, uuid: str, data: bytes) -> list[tuple[str, bytes]]:
        """Handle one GATT write; returns the notifications (characteristic, bytes) to send."""
        data = bytes(data)
        if uuid == UNLOCK_UUID:
            return [(UNLOCK_UUID, self._unlock(data))]
        if uuid in TX_CHANNEL_UUIDS:
            frame = self._tx.receive(TX_CHANNEL_UUIDS.index(uuid), data)
            if frame is None:
                return []
            answer = self.handle_frame(frame)
            if answer is None:
                return []
            if self.corrupt_answers > 0:
                self.corrupt_answers -= 1
                answer = answer[:-1] + bytes((answer[-1] ^ 0x5A,))
            return [(RX_CHANNEL_UUIDS[channel], chunk) for channel, chunk in split_for_tx(answer)]
        raise ValueError(f"the simulated cuff has no writable characteristic {uuid}")

    def _unlock(self, data: bytes) -> bytes:
        op, argument = (data[0], data[1:]) if data else (-1, b"")
        if op == UnlockOp.UNLOCK:
            self.unlocked = self.key is not None and argument == self.key
            return bytes((0x80 | op, 0 if self.unlocked else STATUS_REFUSED))
        if op == UnlockOp.ENTER_KEY_PROGRAMMING:
            self._key_programming = self.pairing_mode and argument == bytes(16)
            return bytes((0x80 | op, 0 if self._key_programming else STATUS_REFUSED))
        if op == UnlockOp.PROGRAM_KEY and self._key_programming and len(argument) == 16:
            self.key = argument
            self._key_programming = False
            self.pairing_mode = False
            self.unlocked = True
            return bytes((0x80, 0))
        return bytes(((0x80 | op) & 0xFF, STATUS_REFUSED))

    def handle_frame(self, frame: bytes) -> bytes | None:
        """The answer to one reassembled request frame, or None for silence."""
        self.frames.append(frame)
        if len(frame) < 8 or frame[0] != len(frame) or xor_of(frame):
            self.unanswered.append(frame)
            return None
        packet_type = int.from_bytes(frame[1:3], "big")
        address = int.from_bytes(frame[3:5], "big")
        size = frame[5]
        if packet_type == WRITE_EEPROM_TYPE:
            self.write_attempts.append(frame)
            raise EepromWriteAttempted(
                f"the host tried to write {size} bytes of EEPROM at {address:#06x}: {frame.hex()}"
            )
        if not self.unlocked:
            self.unanswered.append(frame)
            return None
        if packet_type == PacketType.START_TRANSMISSION:
            self.transmitting = True
            return encode_response(PacketType.START_RESPONSE, 0x0000, self.device_id)
        if packet_type == PacketType.END_TRANSMISSION:
            self.transmitting = False
            return encode_response(PacketType.END_RESPONSE, 0x0000, b"")
        if packet_type == PacketType.READ_EEPROM and self.transmitting and size <= MAX_READ_SIZE:
            self.read_requests.append((address, size))
            data = bytes(self.eeprom[address : address + size]).ljust(size, b"\xff")
            return encode_response(PacketType.READ_RESPONSE, address, data)
        self.unanswered.append(frame)
        return None


class OmronClassicPeripheral:
    """A ``SimulatedOmronClassicCuff`` behind the ``BleClient`` protocol: writes go to the
    cuff, its answers come back as notifications on the next loop iterations."""

    def __init__(
        self,
        cuff: SimulatedOmronClassicCuff,
        on_disconnect: Callable[[], None],
        on_connect: Callable[[SimulatedOmronClassicCuff], None] | None = None,
    ) -> None:
        self.cuff = cuff
        self._on_disconnect = on_disconnect
        self._on_connect = on_connect
        self._connected = False
        self.handlers: dict[str, NotifyHandler] = {}

    @property
    def is_connected(self) -> bool:
        return self._connected

    async def connect(self) -> None:
        self._connected = True
        if self._on_connect is not None:
            self._on_connect(self.cuff)

    async def disconnect(self) -> None:
        self._connected = False

    async def start_notify(self, uuid: str, handler: NotifyHandler) -> None:
        if not self._connected:
            raise OSError("not connected")
        self.handlers[uuid] = handler

    async def write_gatt_char(self, uuid: str, data: bytes, response: bool) -> None:
        if not self._connected:
            raise OSError("not connected")
        loop = asyncio.get_running_loop()
        for target, chunk in self.cuff.write(uuid, data):
            handler = self.handlers.get(target)
            if handler is not None:
                loop.call_soon(handler, chunk)

    def has_characteristic(self, uuid: str) -> bool:
        return uuid in (UNLOCK_UUID, *TX_CHANNEL_UUIDS, *RX_CHANNEL_UUIDS)


def simulated_client_factory(
    layout: OmronClassicLayout,
    clock: Callable[[], datetime],
    *,
    seed: int | None = None,
    user: int = 1,
) -> ClientFactory:
    """Peripherals sharing one simulated cuff (default key) whose ``user`` area holds two
    readings from yesterday and gains a fresh reading, stamped ``clock()``, per connection."""
    values = SimulatedValues(seed)
    cuff = SimulatedOmronClassicCuff(layout)
    slots = layout.records_per_user[user - 1]
    next_slot = [0]

    def store(when: datetime) -> None:
        systolic, diastolic, pulse = values.blood_pressure()
        cuff.store_record(
            user,
            next_slot[0] % slots,
            systolic=systolic,
            diastolic=diastolic,
            pulse=pulse,
            when=when.replace(microsecond=0),
        )
        next_slot[0] += 1

    yesterday = clock() - timedelta(days=1)
    store(yesterday)
    store(yesterday + timedelta(minutes=3))

    def factory(address: str, on_disconnect: Callable[[], None]) -> BleClient:
        return OmronClassicPeripheral(cuff, on_disconnect, lambda _cuff: store(clock()))

    return factory
