"""The Omron classic BLE session against the simulated cuff, through an in-process fake of
bleak's client that forwards writes to the simulator and delivers its answers as
notifications split over the four RX channels."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from devices.ble.omron_classic import OmronClassicConfig, OmronClassicCuff
from devices.codecs.omron_classic import (
    LAYOUTS,
    RX_CHANNEL_UUIDS,
    TX_CHANNEL_UUIDS,
    UNLOCK_UUID,
    WRITE_EEPROM_TYPE,
    ChannelAssembler,
)
from devices.device import DeviceError, DeviceFault, DeviceState
from devices.simulators.omron_classic import (
    EepromWriteAttempted,
    SimulatedOmronClassicCuff,
    simulated_client_factory,
)

NOW = datetime(2026, 11, 22, 9, 30, 0)
LAYOUT = LAYOUTS["HEM-7155T"]
OTHER_KEY = bytes.fromhex("00112233445566778899aabbccddeeff")


class SimulatorClient:
    """BleClient protocol over a SimulatedOmronClassicCuff.

    Answers arrive asynchronously (``call_soon``), RX chunks in reverse channel order when
    ``reverse_rx`` is set; ``drop_after_reads`` takes the link down when the host sends that
    many read requests; ``silent`` never answers on the TX/RX channels.
    """

    def __init__(
        self, simulator, on_disconnect, *, drop_after_reads=None, reverse_rx=False, silent=False
    ):
        self.simulator = simulator
        self.silent = silent
        self._on_disconnect = on_disconnect
        self.drop_after_reads = drop_after_reads
        self.reverse_rx = reverse_rx
        self.handlers = {}
        self.writes = []
        self.is_connected = False

    async def connect(self):
        self.is_connected = True

    async def disconnect(self):
        self.is_connected = False

    def has_characteristic(self, uuid):
        return uuid in (UNLOCK_UUID, *TX_CHANNEL_UUIDS, *RX_CHANNEL_UUIDS)

    async def start_notify(self, uuid, handler):
        if not self.is_connected:
            raise OSError("Not connected")
        self.handlers[uuid] = handler

    async def write_gatt_char(self, uuid, data, response):
        if not self.is_connected:
            raise OSError("org.bluez.Error.NotConnected")
        self.writes.append((uuid, bytes(data), response))
        notifications = self.simulator.write(uuid, data)
        reads = len(self.simulator.read_requests)
        if self.drop_after_reads is not None and reads >= self.drop_after_reads:
            self.is_connected = False
            self._on_disconnect()
            return
        if self.silent and uuid in TX_CHANNEL_UUIDS:
            return
        if self.reverse_rx:
            notifications = list(reversed(notifications))
        loop = asyncio.get_running_loop()
        for target, chunk in notifications:
            loop.call_soon(self.handlers[target], chunk)


class Factory:
    def __init__(self, simulator, **options):
        self.simulator = simulator
        self.options = options
        self.clients = []

    def __call__(self, address, on_disconnect):
        client = SimulatorClient(self.simulator, on_disconnect, **self.options)
        self.clients.append(client)
        return client


def stocked_simulator(**options):
    """User 1: yesterday's reading (slot 0), today's (slot 1), an empty slot 2;
    user 2: a reading taken a minute after the measurement started (never to be read)."""
    simulator = SimulatedOmronClassicCuff(LAYOUT, **options)
    simulator.store_record(1, 0, systolic=150, diastolic=95, pulse=80, when=NOW - timedelta(days=1))
    simulator.store_record(
        1,
        1,
        systolic=128,
        diastolic=84,
        pulse=72,
        when=NOW + timedelta(seconds=50),
        irregular_pulse=True,
    )
    simulator.store_record(
        2, 0, systolic=171, diastolic=101, pulse=90, when=NOW + timedelta(minutes=1)
    )
    return simulator


def cuff(factory, clock=lambda: NOW, **config):
    options = {"backoff_s": (0.0,), "response_timeout_s": 0.2, **config}
    return OmronClassicCuff(
        OmronClassicConfig(address="00:5F:BF:1B:AF:01", **options), factory, clock
    )


def run(device, method="measure"):
    events = []
    result = asyncio.run(getattr(device, method)(events.append))
    return result, events


def frames_sent(client):
    """Every TX packet the station sent, reassembled the way the cuff does."""
    assembler, frames = ChannelAssembler(), []
    for uuid, data, _ in client.writes:
        if uuid in TX_CHANNEL_UUIDS:
            frame = assembler.receive(TX_CHANNEL_UUIDS.index(uuid), data)
            if frame is not None:
                frames.append(frame)
    return frames


def assert_never_wrote_memory(simulator, client):
    assert simulator.write_attempts == []
    types = {int.from_bytes(frame[1:3], "big") for frame in frames_sent(client)}
    assert WRITE_EEPROM_TYPE not in types
    assert types <= {0x0000, 0x0100, 0x0F00}


@pytest.mark.parametrize("reverse_rx", [False, True])
def test_reads_only_user_1_binds_today_and_reports_yesterday(reverse_rx):
    simulator = stocked_simulator()
    factory = Factory(simulator, reverse_rx=reverse_rx)
    (reading,), events = run(cuff(factory))
    assert (reading.systolic, reading.diastolic, reading.pulse_rate) == (128.0, 84.0, 72.0)
    assert reading.timestamp == NOW + timedelta(seconds=50)
    assert reading.status.irregular_pulse
    assert reading.user_id == 1
    ignored = [e.ignored for e in events if e.ignored]
    assert ignored == ["stored reading from 2026-11-21 09:30, before this measurement"]
    assert events[-1].state is DeviceState.READING_RECEIVED
    # only user 1's area, in 16-byte blocks, nothing else
    start, length = LAYOUT.user_area(1)
    assert simulator.read_requests == [(start + i * 16, 16) for i in range(length // 16)]
    client = factory.clients[0]
    assert_never_wrote_memory(simulator, client)
    frames = frames_sent(client)
    assert frames[0] == bytes.fromhex("0800000000100018")
    assert frames[-1] == bytes.fromhex("080f000000000007")
    assert (UNLOCK_UUID, bytes.fromhex("01deadbeaf12341234deadbeaf12341234"), True) in (
        client.writes
    )
    assert not client.is_connected


def test_user_2_reads_only_user_2():
    simulator = stocked_simulator()
    clock = lambda: NOW + timedelta(seconds=30)  # noqa: E731
    (reading,), _ = run(cuff(Factory(simulator), clock=clock, user=2))
    assert reading.systolic == 171.0
    start, length = LAYOUT.user_area(2)
    assert {address for address, _ in simulator.read_requests} == set(
        range(start, start + length, 16)
    )


def test_the_same_record_is_not_bound_for_the_next_person():
    simulator = stocked_simulator()
    device = cuff(Factory(simulator))
    run(device)
    with pytest.raises(
        DeviceError, match="holds no reading taken during this measurement"
    ) as caught:
        run(device)
    assert caught.value.cause is DeviceFault.NO_READING


def test_only_old_records_is_not_a_reading():
    simulator = SimulatedOmronClassicCuff(LAYOUT)
    simulator.store_record(
        1, 5, systolic=140, diastolic=90, pulse=70, when=NOW - timedelta(hours=3)
    )
    with pytest.raises(DeviceError, match="no reading taken during this measurement") as caught:
        run(cuff(Factory(simulator)))
    assert caught.value.cause is DeviceFault.NO_READING


def test_empty_memory_says_so():
    with pytest.raises(DeviceError, match="memory for user 1 is empty") as caught:
        run(cuff(Factory(SimulatedOmronClassicCuff(LAYOUT))))
    assert caught.value.cause is DeviceFault.NO_READING


def test_wrong_key_asks_for_pairing_mode():
    simulator = stocked_simulator(key=OTHER_KEY)
    factory = Factory(simulator)
    with pytest.raises(
        DeviceError, match=r"refused the station's key \(answer 81 01\).*'-P-'"
    ) as caught:
        run(cuff(factory))
    assert caught.value.cause is DeviceFault.NOT_PAIRED
    assert simulator.read_requests == []
    assert frames_sent(factory.clients[0]) == []  # nothing after the refused unlock
    assert not factory.clients[0].is_connected


def test_link_drop_mid_read():
    simulator = stocked_simulator()
    factory = Factory(simulator, drop_after_reads=7)
    with pytest.raises(DeviceError, match="disconnected while sending its memory") as caught:
        run(cuff(factory))
    assert caught.value.cause is DeviceFault.LINK_LOST
    assert_never_wrote_memory(simulator, factory.clients[0])


def test_link_drop_is_shown_as_disconnected():
    factory = Factory(stocked_simulator(), drop_after_reads=1)
    events = []
    with pytest.raises(DeviceError) as caught:
        asyncio.run(cuff(factory).measure(events.append))
    assert events[-1].state is DeviceState.DISCONNECTED
    assert caught.value.cause is DeviceFault.LINK_LOST


def test_damaged_answers_are_retried():
    simulator = stocked_simulator()
    simulator.corrupt_answers = 2
    (reading,), _ = run(cuff(Factory(simulator)))
    assert reading.systolic == 128.0


def test_a_cuff_that_stops_answering_fails_within_bounds():
    simulator = stocked_simulator()
    simulator.corrupt_answers = 10_000
    with pytest.raises(
        DeviceError, match=r"did not answer the start of the transfer after 2 tries"
    ) as caught:
        run(cuff(Factory(simulator), command_attempts=2, response_timeout_s=0.05))
    assert caught.value.cause is DeviceFault.DAMAGED_PACKET  # it answered, but damaged


def test_whole_transfer_is_bounded():
    factory = Factory(stocked_simulator(), silent=True)
    with pytest.raises(
        DeviceError, match=r"did not finish sending its memory within 0\.3 s"
    ) as caught:
        run(cuff(factory, transfer_timeout_s=0.3, response_timeout_s=0.2))
    assert caught.value.cause is DeviceFault.NO_READING
    assert not factory.clients[0].is_connected


def test_damaged_record_is_reported_and_skipped():
    simulator = stocked_simulator()
    simulator.store_raw(1, 2, bytes(16))  # all zero: month 0
    (reading,), events = run(cuff(Factory(simulator)))
    assert reading.systolic == 128.0
    assert any(e.ignored.startswith("memory slot 3") for e in events)


def test_not_an_omron_classic_device():
    class Bare(SimulatorClient):
        def has_characteristic(self, uuid):
            return False

    def factory(address, on_disconnect):
        return Bare(stocked_simulator(), on_disconnect)

    with pytest.raises(DeviceError, match="does not offer Omron's classic data service") as caught:
        run(cuff(factory))
    assert caught.value.cause is DeviceFault.MISCONFIGURED


def test_refused_subscription_asks_for_pairing():
    class Unbonded(SimulatorClient):
        async def start_notify(self, uuid, handler):
            raise OSError("org.bluez.Error.NotPermitted: Insufficient authentication")

    def factory(address, on_disconnect):
        return Unbonded(stocked_simulator(), on_disconnect)

    with pytest.raises(DeviceError, match="refused the data subscription") as caught:
        run(cuff(factory))
    assert caught.value.cause is DeviceFault.NOT_PAIRED


def test_unanswered_unlock_asks_for_pairing():
    class Mute(SimulatorClient):
        async def write_gatt_char(self, uuid, data, response):
            self.writes.append((uuid, bytes(data), response))

    def factory(address, on_disconnect):
        return Mute(stocked_simulator(), on_disconnect)

    with pytest.raises(DeviceError, match="did not answer the unlock request") as caught:
        run(cuff(factory, response_timeout_s=0.05))
    assert caught.value.cause is DeviceFault.NOT_PAIRED


def test_only_damaged_records_is_a_damaged_packet():
    simulator = SimulatedOmronClassicCuff(LAYOUT)
    simulator.store_raw(1, 0, bytes(16))  # all zero: month 0
    with pytest.raises(DeviceError, match="no usable reading") as caught:
        run(cuff(Factory(simulator)))
    assert caught.value.cause is DeviceFault.DAMAGED_PACKET


def test_simulator_refuses_any_eeprom_write():
    simulator = stocked_simulator()
    simulator.write(UNLOCK_UUID, bytes.fromhex("01deadbeaf12341234deadbeaf12341234"))
    simulator.write(TX_CHANNEL_UUIDS[0], bytes.fromhex("0800000000100018"))
    # a time-sync style write (omblepy: len, 01 C0, address, size, data, 00, xor)
    frame = bytearray(bytes.fromhex("0a01c000540201020000"))
    frame[-1] = 0
    for byte in frame[:-1]:
        frame[-1] ^= byte
    with pytest.raises(EepromWriteAttempted, match="write 2 bytes of EEPROM at 0x0054"):
        simulator.write(TX_CHANNEL_UUIDS[0], bytes(frame))
    assert simulator.write_attempts == [bytes(frame)]


def test_program_key_in_pairing_mode_then_measure():
    simulator = stocked_simulator(key=None, pairing_mode=True)
    device = cuff(Factory(simulator), key=OTHER_KEY)
    _, events = run(device, "program_key")
    assert simulator.key == OTHER_KEY
    assert events[-1].detail == "paired: the cuff stored the key"
    assert simulator.read_requests == []
    (reading,), _ = run(device)
    assert reading.systolic == 128.0


def test_program_key_outside_pairing_mode_explains():
    with pytest.raises(DeviceError, match=r"not in pairing mode.*'-P-'") as caught:
        run(cuff(Factory(stocked_simulator())), "program_key")
    assert caught.value.cause is DeviceFault.NOT_PAIRED


def test_measure_never_programs_a_key():
    simulator = stocked_simulator(key=None, pairing_mode=True)
    factory = Factory(simulator)
    with pytest.raises(DeviceError, match="refused the station's key") as caught:
        run(cuff(factory))
    assert caught.value.cause is DeviceFault.NOT_PAIRED
    unlock_ops = {data[0] for uuid, data, _ in factory.clients[0].writes if uuid == UNLOCK_UUID}
    assert unlock_ops == {0x01}
    assert simulator.key is None


def test_config_is_checked():
    with pytest.raises(ValueError, match=r"users 1\.\.2, not 3"):
        OmronClassicConfig(address="x", user=3)
    with pytest.raises(ValueError, match="no Omron classic layout"):
        OmronClassicConfig(address="x", layout="HEM-1234")
    with pytest.raises(ValueError, match="16 bytes"):
        OmronClassicConfig(address="x", key=b"abc")


def test_catalogue_model_builds_this_driver(tmp_path):
    from config.settings import load_settings
    from station.service import DeviceRole
    from station.wiring import build_devices

    path = tmp_path / "settings.toml"
    path.write_text('[devices]\nblood_pressure = "omron-hem-7361t@00:5F:BF:1B:AF:01"\n')
    devices = build_devices(load_settings(path, environ={}), simulate=False)
    device = devices[DeviceRole.BLOOD_PRESSURE]
    assert isinstance(device, OmronClassicCuff)
    assert not device.simulated
    assert device.label.startswith("Omron HEM-7361T")


def test_simulated_peripheral_for_a_simulator_desk():
    clock_now = [NOW]
    factory = simulated_client_factory(LAYOUTS["HEM-7322T"], lambda: clock_now[0], seed=3)
    device = OmronClassicCuff(
        OmronClassicConfig(address="simulated", layout="HEM-7322T", response_timeout_s=0.5),
        factory,
        lambda: clock_now[0],
    )
    (first,), events = run(device)
    assert first.timestamp == NOW
    assert sum(e.ignored.startswith("stored reading") for e in events) == 2
    clock_now[0] = NOW + timedelta(minutes=5)
    (second,), _ = run(device)
    assert second.timestamp == NOW + timedelta(minutes=5)
    assert second.raw != first.raw
