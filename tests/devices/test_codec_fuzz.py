"""No packet, however malformed, crashes a codec or yields a made-up number."""

from __future__ import annotations

import math
from dataclasses import fields, is_dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs.errors import DecodeError
from devices.codecs.registry import PROFILES

VALID = [
    "1e8a0058007800000004111429 3b3c00012700",
    "15bdf00b009ff03c001200",
    "1e55320021 00",
    "0facf3bef5e8070b1d170839204022000066e3",
    "1fdef3caf3caf35af5d4f3b2f220010000007ae3",
]
SEEDS = [bytes.fromhex(v.replace(" ", "")) for v in VALID]


def numbers(value):
    if isinstance(value, float | int) and not isinstance(value, bool):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from numbers(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from numbers(getattr(value, f.name))


def decode_or_refuse(payload: bytes) -> None:
    for decoder in PROFILES.values():
        try:
            measurement = decoder(payload)
        except DecodeError:
            continue
        assert measurement.raw == payload
        assert all(math.isfinite(n) for n in numbers(measurement))


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=40))
def test_random_bytes(payload):
    decode_or_refuse(payload)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.integers(0, 39), st.integers(0, 255)), max_size=4),
    st.integers(0, 40),
    st.binary(max_size=6),
)
def test_mutated_valid_packets(seed, flips, cut, tail):
    payload = bytearray(seed)
    for index, value in flips:
        if index < len(payload):
            payload[index] = value
    decode_or_refuse(bytes(payload[:cut]) + tail)
