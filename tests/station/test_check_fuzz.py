"""No ``check`` input, however malformed, crashes the checks or yields a made-up number
(issue 14: fuzzing of ``check`` with a seed corpus of the real vectors).

Seeds: readings decoded from the byte vectors of the codec tests (Bluetooth specification
and device captures), as ``vitals-station decode`` prints them. Mutations: any field
replaced by a long digit run, an extreme exponent (1e308, 1e400: Python's JSON reads it as
infinity), a huge integer, NaN, a wrong type or nothing; whole inputs of random JSON too.
Every input either is refused with ``CheckRequestError`` (the command's clear error) or
gives a result whose JSON holds finite numbers only and whose severities are the five known.
"""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.codecs.registry import decode_hex
from station.checks.request import CheckRequestError, parse_check_request

SEED_VECTORS = [
    ("ble:blood-pressure", "1e 78 00 50 00 5d 00 e8 07 03 0f 0e 1e 2d 48 00 01 00 00"),
    ("ble:blood-pressure", "1e8a0058007800000004111429 3b3c00012700".replace(" ", "")),
    ("ble:plx-spot-check", "00 ff 07 48 00"),
    ("ble:heart-rate", "00 48"),
    ("ble:cuff-pressure", "15bdf00b009ff03c001200"),
]
SEEDS = [decode_hex(profile, payload).to_json() for profile, payload in SEED_VECTORS]
SEVERITIES = {"invalid", "critical", "abnormal", "notice", "normal"}

EXTREMES = st.one_of(
    st.sampled_from(
        [
            1e308,
            -1e308,
            float("inf"),
            float("-inf"),
            float("nan"),
            -0.0,
            10**400,
            -(10**400),
            2**63,
            "9" * 400,
            "1e400",
            "",
            None,
            True,
            [],
            {},
        ]
    ),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet="0123456789.eE+-", max_size=500),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def finite_numbers_only(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_numbers_only(v) for v in value.values())
    if isinstance(value, list):
        return all(finite_numbers_only(v) for v in value)
    return True


def severities(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        if "severity" in value and "code" in value:
            found.add(value["severity"])
        for item in value.values():
            found |= severities(item)
    elif isinstance(value, list):
        for item in value:
            found |= severities(item)
    return found


def check_or_refuse(data: Any) -> None:
    try:
        request = parse_check_request(data, default_rule_set="esh-2023")
    except CheckRequestError as error:
        refused = str(error)
    else:
        refused = None
    if refused is not None:
        assert refused  # the command prints it: never an empty message
        return
    result = request.evaluate().to_json()
    assert finite_numbers_only(result), result
    json.dumps(result, allow_nan=False)  # what the command prints is strict JSON
    assert severities(result) <= SEVERITIES


def test_the_seeds_themselves_are_checked():
    result = parse_check_request(
        {"age_years": 45, "sex": "female", "readings": SEEDS}, default_rule_set="esh-2023"
    )
    assert result.evaluate().to_json()["result"]["blood_pressure"] is not None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(range(len(SEEDS))), min_size=1, max_size=5),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 12), EXTREMES), max_size=4),
    st.one_of(st.floats(0, 130), EXTREMES),
)
def test_mutated_real_readings(chosen, mutations, age):
    readings = [dict(SEEDS[index]) for index in chosen]
    for which, field, value in mutations:
        reading = readings[which % len(readings)]
        keys = sorted(reading)
        reading[keys[field % len(keys)]] = value
    check_or_refuse({"age_years": age, "sex": "male", "readings": readings})


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_random_json(data):
    check_or_refuse(data)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(SEEDS),
    st.sampled_from(["systolic", "diastolic", "spo2", "pulse_rate"]),
    st.sampled_from(["1e308", "1e400", "-1e400", "9" * 400, "1" + "0" * 330, "NaN"]),
)
def test_extreme_numbers_in_the_json_text(seed, field, number):
    """As the command reads them: the number written into the JSON text itself."""
    reading = dict(seed)
    reading[field] = "@@"
    text = json.dumps({"age_years": 60, "readings": [reading]}).replace('"@@"', number)
    check_or_refuse(json.loads(text))
