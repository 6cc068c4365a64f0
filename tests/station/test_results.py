"""The values that count for a visit (placeholder protocol until issue 4)."""

from __future__ import annotations

from datetime import UTC, datetime

from devices.measurements import BloodPressure, PressureUnit, SpO2
from station.person import Person
from station.results import summarise
from station.store.models import VisitStatus
from station.store.repository import ReadingSource, StoredReading, StoredVisit

T0 = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
REAL = ReadingSource("cuff", "Omron", simulated=False)
SIM = ReadingSource("sim", "SIMULATOR", simulated=True)


def reading(measurement, sequence, valid=True, source=REAL):
    return StoredReading(f"r{sequence}", "v", sequence, measurement, source, T0, valid, ())


def visit(*readings):
    return StoredVisit(
        "v",
        "desk-1",
        1,
        Person("3174015507850002", "S", None),
        VisitStatus.OPEN,
        T0,
        None,
        "station-plausibility",
        "1",
        tuple(readings),
    )


def bp(systolic, diastolic, pulse=None, unit=PressureUnit.MMHG):
    return BloodPressure(systolic, diastolic, None, unit, b"", pulse_rate=pulse)


def test_mean_of_the_last_two_valid_readings_rounded_half_up():
    results = summarise(
        visit(
            reading(bp(150.0, 95.0), 1),
            reading(bp(141.0, 88.0), 2),
            reading(bp(None, None), 3, valid=False),  # blocked readings never count
            reading(bp(136.0, 85.0), 4),
        )
    )
    assert results.blood_pressure is not None
    assert (results.blood_pressure.systolic, results.blood_pressure.diastolic) == (139.0, 87.0)
    assert results.blood_pressure.readings_used == 2


def test_single_reading_and_kpa_conversion():
    results = summarise(visit(reading(bp(16.0, 10.7, unit=PressureUnit.KPA), 1)))
    assert results.blood_pressure is not None
    assert (results.blood_pressure.systolic, results.blood_pressure.diastolic) == (120.0, 80.0)


def test_heart_rate_comes_from_the_oximeter_else_the_cuff():
    cuff_only = summarise(visit(reading(bp(120.0, 80.0, pulse=66.0), 1)))
    assert cuff_only.heart_rate is not None
    assert cuff_only.heart_rate.value == 66.0
    both = summarise(
        visit(
            reading(bp(120.0, 80.0, pulse=66.0), 1), reading(SpO2(98.0, 71.0, b""), 2, source=SIM)
        )
    )
    assert both.heart_rate is not None
    assert both.heart_rate.value == 71.0
    assert both.any_simulated


def test_nothing_measured_yet():
    empty = summarise(visit())
    assert empty.to_json() == {"blood_pressure": None, "spo2": None, "heart_rate": None}
    assert not empty.any_simulated
