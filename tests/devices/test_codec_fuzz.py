"""No packet, however malformed, crashes a codec or yields a made-up number."""

from __future__ import annotations

import math
from dataclasses import fields, is_dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs.errors import DecodeError
from devices.codecs.registry import PROFILES
from devices.measurements import (
    BloodPressure,
    CuffPressure,
    HeartRate,
    MeasurementJsonError,
    NonFiniteValueError,
    PressureUnit,
    SensorContact,
    SpO2,
    measurement_from_json,
)

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


# -- long digit runs and extreme exponents (issue 10) -------------------------------------
# A Masimo Rad-8 field of 309 or more digits fits in the driver's 512-byte line limit
# (devices/codecs/masimo.py MAX_LINE_BYTES) and used to decode to inf.

NUMBER_TEXT = st.one_of(
    st.integers(300, 480).map(lambda n: "9" * n),
    st.integers(300, 400).map(lambda n: "1" + "0" * n),
    st.tuples(st.integers(1, 200), st.integers(1, 200)).map(
        lambda t: "9" * t[0] + "." + "9" * t[1]
    ),
    st.sampled_from(["1e999", "-1e999", "1E400", "inf", "Infinity", "NaN", "-nan", "1e-999"]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers().map(str),
)


def masimo_line(spo2: str, bpm: str, pi: str) -> bytes:
    return (
        f"02/22/16 22:47:45 SN=0000056661 SPO2={spo2}% BPM={bpm} PI={pi}% "
        "SPCO=--.-% SPMET=--.-% DESAT=-- PIDELTA=+-- ALARM=0000 EXC=000800"
    ).encode("ascii")


def test_a_309_digit_masimo_field_is_refused_not_infinite():
    line = masimo_line("9" * 309, "097", "03.60")
    assert len(line) <= 512
    decode_or_refuse(line)
    with pytest.raises(DecodeError, match="SPO2"):
        PROFILES["serial:masimo-rad8"](line)


@settings(max_examples=300, deadline=None)
@given(NUMBER_TEXT, NUMBER_TEXT, NUMBER_TEXT, st.integers(0, 2))
def test_masimo_long_digit_runs_and_exponents(a, b, c, slot):
    fields = ["098", "097", "03.60"]
    fields[slot] = a
    decode_or_refuse(masimo_line(*fields))
    decode_or_refuse(masimo_line(a, b, c))


# The measurement types refuse a non-finite number themselves (belt and braces): whatever a
# future codec computes, an inf or NaN never becomes a measurement.
NON_FINITE = st.sampled_from([math.inf, -math.inf, math.nan, float("1e999")])


@settings(max_examples=100, deadline=None)
@given(NON_FINITE, st.sampled_from(["systolic", "diastolic", "mean_arterial", "pulse_rate"]))
def test_blood_pressure_refuses_non_finite(value, name):
    values = {"systolic": 120.0, "diastolic": 80.0, "mean_arterial": 93.0, "pulse_rate": 70.0}
    values[name] = value
    with pytest.raises(NonFiniteValueError, match=name):
        BloodPressure(unit=PressureUnit.MMHG, raw=b"", **values)


@settings(max_examples=100, deadline=None)
@given(NON_FINITE, st.sampled_from(["spo2", "pulse_rate", "pulse_amplitude_index"]))
def test_spo2_refuses_non_finite(value, name):
    values = {"spo2": 97.0, "pulse_rate": 70.0, "pulse_amplitude_index": 3.6}
    values[name] = value
    with pytest.raises(NonFiniteValueError, match=name):
        SpO2(raw=b"", **values)


@settings(max_examples=50, deadline=None)
@given(NON_FINITE)
def test_cuff_and_heart_rate_refuse_non_finite(value):
    with pytest.raises(NonFiniteValueError):
        CuffPressure(cuff_pressure=value, unit=PressureUnit.MMHG, raw=b"")
    with pytest.raises(NonFiniteValueError):
        HeartRate(
            heart_rate=70, sensor_contact=SensorContact.DETECTED, raw=b"", rr_intervals=(value,)
        )


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["systolic", "diastolic", "pulse_rate"]),
    st.one_of(
        st.integers(309, 500).map(lambda n: 10**n),
        st.integers(309, 500).map(lambda n: -(10**n)),
        NON_FINITE,
    ),
)
def test_measurement_json_with_huge_or_non_finite_numbers_is_refused(name, value):
    data = {"kind": "blood_pressure", "systolic": 120, "diastolic": 80, "raw": ""}
    data[name] = value
    with pytest.raises(MeasurementJsonError, match=name):
        measurement_from_json(data)
    for key in ("rr_intervals",):
        with pytest.raises(MeasurementJsonError, match=key):
            measurement_from_json({"kind": "heart_rate", "heart_rate": 70, key: [value]})
