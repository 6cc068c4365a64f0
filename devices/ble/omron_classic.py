"""Omron cuffs with the classic EEPROM memory-read protocol (HEM-7155T, -7322T, -7361T).

These cuffs do not send a measurement as it happens: they store it, and a paired host reads
their memory (protocol and sources: ``devices.codecs.omron_classic``). Theory of operation of
``measure``: the operator starts the measurement at the station, the person measures with the
cuff, and the cuff offers its transfer (after the measurement or when its Bluetooth button is
pressed). Meanwhile the session connects (``connect_attempts`` x ``connect_timeout_s`` with
backoff, enough for a measurement to finish), subscribes to the four RX channels (on BlueZ
this triggers the bonding the cuff demands; the station's pairing agent confirms it), unlocks
with the configured key (``01`` + key, answer ``81 00``), starts the transmission, reads the
configured user's record area in the model's block size, ends the transmission and
disconnects. Every answer is awaited at most ``response_timeout_s`` and a request is retried
``command_attempts`` times (omblepy retries on timeout too); the whole transfer is bounded by
``transfer_timeout_s``.

Only the selected user's area is read, and nothing is ever written: the codec has no EEPROM
write encoder. Records are decoded, ordered by their device time and passed through
``devices.binding``; readings from before this measurement, and readings this cuff already
delivered for an earlier measurement, are reported to the operator as ignored, never
returned. A damaged record is reported and skipped (as omblepy does), not fatal.

Programming the key (cuff in '-P-' pairing mode: ``02`` + 16 x ``00`` -> ``82 00``, then
``00`` + key -> ``80 00``) is the separate, explicit ``program_key``; ``measure`` never does it.

Unconfirmed, decided here: the TX channels are written *with* response. omblepy (recent
versions) and hass-omron leave the choice to bleak, which picks write-with-response whenever
the characteristic declares "write"; no GATT dump of the characteristic properties was seen.
A non-zero error code in the end-transmission answer is reported but not fatal: every block
read before it arrived checksummed and address-checked (omblepy raises instead).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from devices.base import DeviceBase
from devices.binding import DeliveredMemory
from devices.ble.client import BleClient, ClientFactory
from devices.ble.connection import ConnectPolicy, connect_with_retries, disconnect_quietly
from devices.codecs.errors import DecodeError
from devices.codecs.omron_classic import (
    DEFAULT_KEY,
    END_TRANSMISSION,
    KEY_LENGTH,
    RX_CHANNEL_UUIDS,
    START_TRANSMISSION,
    TX_CHANNEL_UUIDS,
    UNLOCK_UUID,
    ChannelAssembler,
    PacketType,
    UnlockAnswer,
    UnlockOp,
    decode_record,
    decode_unlock_answer,
    enter_key_programming_request,
    layout_for,
    parse_end_response,
    parse_read_response,
    parse_response,
    program_key_request,
    read_eeprom,
    split_for_tx,
    split_records,
    unlock_request,
)
from devices.device import DeviceError, DeviceFault, DeviceState, EventSink
from devices.measurements import BloodPressure, Measurement, MeasurementKind

__all__ = ["OmronClassicConfig", "OmronClassicCuff"]

_LOGGER = logging.getLogger(__name__)
_T = TypeVar("_T")

LocalClock = Callable[[], datetime]

PAIR_HINT = (
    "pair the cuff with this station's key once, in '-P-' mode "
    "(hold the cuff's Bluetooth button until '-P-' blinks)"
)
# A full memory holds up to 100 old readings; the operator sees the newest few by name.
_SHOWN_IGNORED = 5


@dataclass(frozen=True, slots=True)
class OmronClassicConfig:
    address: str
    label: str = "Omron blood-pressure monitor"
    # A layout id of devices.codecs.omron_classic.LAYOUTS ("HEM-7155T", "hem-7155t", ...).
    layout: str = "HEM-7155T"
    # The cuff's user slot (1 or 2) whose records are read; the other user's are not.
    user: int = 1
    key: bytes = DEFAULT_KEY
    connect_timeout_s: float = 20.0
    # The cuff advertises only while it offers a transfer: enough attempts to cover a
    # measurement (about a minute) before it does.
    connect_attempts: int = 6
    backoff_s: Sequence[float] = (0.5, 2.0, 5.0)
    # Per answer; omblepy waits 1.0 s, a UBPM port 1.5 s.
    response_timeout_s: float = 1.5
    command_attempts: int = 3
    # Unlock plus the whole memory read (HEM-7361T: 100 reads).
    transfer_timeout_s: float = 120.0

    def __post_init__(self) -> None:
        layout_for(self.layout).user_area(self.user)  # ValueError names what is wrong
        if len(self.key) != KEY_LENGTH:
            raise ValueError(f"an Omron key is {KEY_LENGTH} bytes, got {len(self.key)}")
        if self.command_attempts < 1 or self.response_timeout_s <= 0:
            raise ValueError("command_attempts must be >= 1 and response_timeout_s > 0")


class _LinkLost(DeviceError):
    pass


def _drain(queue: asyncio.Queue[bytes]) -> None:
    while not queue.empty():
        queue.get_nowait()


class _OmronLink:
    """Request/answer exchanges over one connected client; every wait bounded."""

    def __init__(
        self, client: BleClient, dropped: asyncio.Event, config: OmronClassicConfig
    ) -> None:
        self._client = client
        self._dropped = dropped
        self._timeout = config.response_timeout_s
        self._attempts = config.command_attempts
        self._assembler = ChannelAssembler()
        self._frames: asyncio.Queue[bytes] = asyncio.Queue()
        self._unlock_answers: asyncio.Queue[bytes] = asyncio.Queue()

    def _lost(self) -> _LinkLost:
        return _LinkLost(
            "the cuff disconnected while sending its memory; measure again", DeviceFault.LINK_LOST
        )

    def _on_rx(self, channel: int) -> Callable[[bytes], None]:
        def handle(chunk: bytes) -> None:
            frame = self._assembler.receive(channel, chunk)
            if frame is not None:
                self._frames.put_nowait(frame)

        return handle

    async def _guard(self, operation: Awaitable[None], what: str) -> None:
        if self._dropped.is_set():
            raise self._lost()
        try:
            await operation
        except Exception as exc:  # BleakError, D-Bus and OS errors alike: all re-raised
            if self._dropped.is_set() or not self._client.is_connected:
                raise self._lost() from exc
            raise DeviceError(
                f"the cuff refused {what} ({exc}); {PAIR_HINT}", DeviceFault.NOT_PAIRED
            ) from exc

    async def _next(self, queue: asyncio.Queue[bytes]) -> bytes | None:
        """The next item, None after ``response_timeout_s``; a dropped link raises."""
        if self._dropped.is_set():
            raise self._lost()
        getter = asyncio.ensure_future(queue.get())
        drop = asyncio.ensure_future(self._dropped.wait())
        try:
            await asyncio.wait(
                {getter, drop}, timeout=self._timeout, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            getter.cancel()
            drop.cancel()
        if getter.done() and not getter.cancelled():
            return getter.result()
        if self._dropped.is_set():
            raise self._lost()
        return None

    async def subscribe(self) -> None:
        for channel, uuid in enumerate(RX_CHANNEL_UUIDS):
            await self._guard(
                self._client.start_notify(uuid, self._on_rx(channel)), "the data subscription"
            )
        await self._guard(
            self._client.start_notify(UNLOCK_UUID, self._unlock_answers.put_nowait),
            "the unlock subscription",
        )

    async def _unlock_exchange(self, request: bytes, what: str) -> UnlockAnswer | None:
        _drain(self._unlock_answers)
        await self._guard(self._client.write_gatt_char(UNLOCK_UUID, request, response=True), what)
        payload = await self._next(self._unlock_answers)
        if payload is None:
            return None
        try:
            return decode_unlock_answer(payload)
        except DecodeError as exc:
            raise DeviceError(
                f"the cuff answered {what} with a damaged packet: {exc}", DeviceFault.DAMAGED_PACKET
            ) from exc

    async def unlock(self, key: bytes) -> None:
        answer = await self._unlock_exchange(unlock_request(key), "the unlock request")
        if answer is None:
            raise DeviceError(
                f"the cuff did not answer the unlock request within {self._timeout:g} s; "
                + PAIR_HINT,
                DeviceFault.NOT_PAIRED,
            )
        if not answer.accepts(UnlockOp.UNLOCK):
            raise DeviceError(
                f"the cuff refused the station's key (answer {answer.raw[:2].hex(' ')}); "
                + PAIR_HINT,
                DeviceFault.NOT_PAIRED,
            )

    async def program_key(self, key: bytes) -> None:
        answer = await self._unlock_exchange(
            enter_key_programming_request(), "the key-programming request"
        )
        if answer is None or not answer.accepts(UnlockOp.ENTER_KEY_PROGRAMMING):
            raise DeviceError(
                "the cuff is not in pairing mode: hold its Bluetooth button until '-P-' "
                "blinks, then try again",
                DeviceFault.NOT_PAIRED,
            )
        answer = await self._unlock_exchange(program_key_request(key), "the new key")
        if answer is None or not answer.accepts(UnlockOp.PROGRAM_KEY):
            raise DeviceError(
                "the cuff did not store the key; put it in '-P-' mode and retry",
                DeviceFault.NOT_PAIRED,
            )

    async def transact(self, packet: bytes, parse: Callable[[bytes], _T], what: str) -> _T:
        problem, cause = "no answer", DeviceFault.NO_READING
        for attempt in range(1, self._attempts + 1):
            self._assembler.reset()
            _drain(self._frames)
            for channel, chunk in split_for_tx(packet):
                await self._guard(
                    self._client.write_gatt_char(TX_CHANNEL_UUIDS[channel], chunk, response=True),
                    what,
                )
            frame = await self._next(self._frames)
            if frame is None:
                problem, cause = f"no answer within {self._timeout:g} s", DeviceFault.NO_READING
            else:
                try:
                    return parse(frame)
                except DecodeError as exc:
                    problem, cause = str(exc), DeviceFault.DAMAGED_PACKET
            _LOGGER.info("Omron %s, try %d of %d: %s", what, attempt, self._attempts, problem)
        raise DeviceError(
            f"the cuff did not answer {what} after {self._attempts} tries: {problem}", cause
        )

    async def start_transmission(self) -> None:
        await self.transact(
            START_TRANSMISSION,
            lambda frame: parse_response(frame, PacketType.START_RESPONSE),
            "the start of the transfer",
        )

    async def read(self, address: int, size: int) -> bytes:
        return await self.transact(
            read_eeprom(address, size),
            lambda frame: parse_read_response(frame, address=address, size=size),
            f"the memory read at {address:#06x}",
        )

    async def end_transmission(self) -> int:
        return await self.transact(END_TRANSMISSION, parse_end_response, "the end of the transfer")


def _device_time(reading: BloodPressure) -> datetime:
    # Every decoded record has a device time; naive like the device clock.
    return reading.timestamp or datetime.min  # noqa: DTZ901


class OmronClassicCuff(DeviceBase):
    def __init__(
        self,
        config: OmronClassicConfig,
        client_factory: ClientFactory,
        local_clock: LocalClock,
        device_id: str | None = None,
    ) -> None:
        super().__init__(
            device_id or f"ble:{config.address}",
            config.label,
            frozenset({MeasurementKind.BLOOD_PRESSURE}),
            simulated=False,
        )
        self._config = config
        self._layout = layout_for(config.layout)
        self._factory = client_factory
        self._clock = local_clock
        # Remembers what it returned, so a replayed reading is never bound again.
        self._binding = DeliveredMemory()

    async def _session(
        self, on_event: EventSink, work: Callable[[_OmronLink], Awaitable[_T]]
    ) -> _T:
        """Connect, run ``work`` on the link within ``transfer_timeout_s``, disconnect."""
        config = self._config
        dropped = asyncio.Event()
        client = await connect_with_retries(
            self._factory,
            config.address,
            dropped.set,
            ConnectPolicy(config.connect_attempts, config.connect_timeout_s, config.backoff_s),
            on_attempt=lambda _n: on_event(self._event(DeviceState.CONNECTING)),
            what="Omron cuff",
        )
        on_event(self._event(DeviceState.CONNECTED))
        try:
            if not client.has_characteristic(UNLOCK_UUID):
                raise DeviceError(
                    "this Bluetooth device does not offer Omron's classic data service: "
                    "check the cuff model in the settings",
                    DeviceFault.MISCONFIGURED,
                )
            try:
                async with asyncio.timeout(config.transfer_timeout_s):
                    return await work(_OmronLink(client, dropped, config))
            except TimeoutError as exc:
                raise DeviceError(
                    f"the cuff did not finish sending its memory within "
                    f"{config.transfer_timeout_s:g} s; measure again",
                    DeviceFault.NO_READING,
                ) from exc
        except _LinkLost:
            on_event(self._event(DeviceState.DISCONNECTED, "link lost"))
            raise
        finally:
            await disconnect_quietly(client)

    async def _read_user_area(self, link: _OmronLink, on_event: EventSink) -> bytes:
        config = self._config
        await link.subscribe()
        await link.unlock(config.key)
        on_event(self._event(DeviceState.MEASURING, f"reading the memory of user {config.user}"))
        await link.start_transmission()
        area = bytearray()
        for address, size in self._layout.read_requests(config.user):
            area += await link.read(address, size)
        status = await link.end_transmission()
        if status:
            _LOGGER.warning("Omron cuff ended the transfer with error code %d", status)
            on_event(
                self._event(
                    DeviceState.MEASURING, f"cuff reported code {status} when closing the transfer"
                )
            )
        return bytes(area)

    async def measure(self, on_event: EventSink) -> list[Measurement]:
        config = self._config
        started_local = self._clock()
        area = await self._session(on_event, lambda link: self._read_user_area(link, on_event))
        readings: list[BloodPressure] = []
        damaged: list[str] = []
        for slot, record in enumerate(split_records(self._layout, area), start=1):
            try:
                reading = decode_record(self._layout, record, user_id=config.user)
            except DecodeError as exc:
                damaged.append(str(exc))
                on_event(self._event(DeviceState.MEASURING, ignored=f"memory slot {slot}: {exc}"))
                continue
            if reading is not None:
                readings.append(reading)
        readings.sort(key=_device_time)  # the memory is a ring buffer: oldest first
        decision = self._binding.bind(
            readings, started_local=started_local, now_local=self._clock()
        )
        self._report_ignored(on_event, [ignored.reason for ignored in decision.ignored])
        if decision.bound is None:
            if readings:
                raise DeviceError(
                    f"the cuff's memory for user {config.user} holds no reading taken during "
                    "this measurement: measure with the cuff, let it send, then try again",
                    DeviceFault.NO_READING,
                )
            if damaged:
                raise DeviceError(
                    f"the cuff sent no usable reading: {damaged[-1]}", DeviceFault.DAMAGED_PACKET
                )
            raise DeviceError(
                f"the cuff's memory for user {config.user} is empty: measure with the cuff "
                f"first, set to user {config.user}",
                DeviceFault.NO_READING,
            )
        on_event(self._received(decision.clock_wrong))
        assert isinstance(decision.bound, BloodPressure)
        return [decision.bound]

    def _report_ignored(self, on_event: EventSink, reasons: list[str]) -> None:
        hidden = len(reasons) - _SHOWN_IGNORED
        if hidden > 0:
            on_event(
                self._event(
                    DeviceState.MEASURING, ignored=f"{hidden} older readings from the memory"
                )
            )
        for reason in reasons[max(hidden, 0) :]:
            on_event(self._event(DeviceState.MEASURING, ignored=reason))

    async def program_key(self, on_event: EventSink) -> None:
        """Store the configured key in a cuff showing '-P-' (its pairing mode).

        An explicit operator action, once per cuff; ``measure`` never calls it. A cuff holds
        one bond at a time: remove it from the Omron Connect phone app first. As omblepy
        does after pairing, a start/end transmission pair follows (reads nothing).
        """

        async def work(link: _OmronLink) -> None:
            await link.subscribe()
            await link.program_key(self._config.key)
            await link.start_transmission()
            await link.end_transmission()

        await self._session(on_event, work)
        on_event(self._event(DeviceState.DISCONNECTED, "paired: the cuff stored the key"))
