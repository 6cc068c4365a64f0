"""Which readings belong to this measurement (devices/binding.py), as a table."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from devices.binding import bind_readings
from devices.measurements import BloodPressure, PressureUnit

START = datetime(2026, 11, 22, 9, 0)
NOW = START + timedelta(minutes=2)


def bp(systolic, stamp):
    return BloodPressure(float(systolic), 80.0, None, PressureUnit.MMHG, b"", timestamp=stamp)


@pytest.mark.parametrize(
    ("stamps", "bound_index", "ignored", "clock_wrong"),
    [
        ([START + timedelta(seconds=40)], 0, 0, False),  # a fresh reading
        ([START - timedelta(days=1), START + timedelta(seconds=40)], 1, 1, False),  # replay + new
        ([START - timedelta(minutes=1)], 0, 0, False),  # within the 2-minute clock tolerance
        ([START - timedelta(minutes=3)], None, 1, False),  # before the measurement
        ([None, None, None], 2, 2, False),  # undated burst: the newest only
        ([datetime(2017, 1, 1), datetime(2017, 1, 1, 0, 1)], 1, 1, True),  # stuck clock
        ([NOW + timedelta(days=2)], 0, 0, True),  # clock in the future
        ([START - timedelta(days=1), None], 1, 1, False),  # dated stored + undated new
    ],
)
def test_binding(stamps, bound_index, ignored, clock_wrong):
    readings = [bp(120 + i, stamp) for i, stamp in enumerate(stamps)]
    decision = bind_readings(readings, started_local=START, now_local=NOW)
    expected = None if bound_index is None else readings[bound_index]
    assert decision.bound is expected
    assert len(decision.ignored) == ignored
    assert decision.clock_wrong is clock_wrong


def test_nothing_sent():
    decision = bind_readings([], started_local=START, now_local=NOW)
    assert decision.bound is None
    assert decision.ignored == ()


def test_a_dated_reading_already_delivered_is_ignored_even_inside_the_tolerance():
    replay = BloodPressure(140.0, 90.0, None, PressureUnit.MMHG, b"first", timestamp=START)
    decision = bind_readings(
        [replay], started_local=START, now_local=NOW, already_delivered={b"first"}
    )
    assert decision.bound is None
    assert "already recorded" in decision.ignored[0].reason


def test_the_same_bytes_twice_in_one_session_count_once():
    stamp = START + timedelta(seconds=30)
    first = BloodPressure(128.0, 84.0, None, PressureUnit.MMHG, b"same", timestamp=stamp)
    again = BloodPressure(128.0, 84.0, None, PressureUnit.MMHG, b"same", timestamp=stamp)
    decision = bind_readings([first, again], started_local=START, now_local=NOW)
    assert decision.bound is first
    assert decision.ignored == ()
