"""The values that count for a visit, from its stored readings. Pure: no I/O, no clock.

Today's rule (a placeholder until issue 4's protocol lands): blood pressure is the mean of
the last two valid readings (or the only one), SpO2 the last valid oximeter reading, heart
rate that reading's pulse (the oximeter's pulse is the heart rate of record; the cuff's pulse
is used only when no oximeter reading exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from devices.measurements import BloodPressure, SpO2
from station.store.repository import StoredReading, StoredVisit

__all__ = ["BloodPressureResult", "ValueResult", "VisitResults", "summarise"]


@dataclass(frozen=True, slots=True)
class BloodPressureResult:
    systolic: float
    diastolic: float
    readings_used: int
    simulated: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "systolic": self.systolic,
            "diastolic": self.diastolic,
            "unit": "mmHg",
            "readings_used": self.readings_used,
            "simulated": self.simulated,
        }


@dataclass(frozen=True, slots=True)
class ValueResult:
    value: float
    unit: str
    simulated: bool

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "simulated": self.simulated}


@dataclass(frozen=True, slots=True)
class VisitResults:
    blood_pressure: BloodPressureResult | None
    spo2: ValueResult | None
    heart_rate: ValueResult | None

    @property
    def any_simulated(self) -> bool:
        return any(
            r is not None and r.simulated for r in (self.blood_pressure, self.spo2, self.heart_rate)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "blood_pressure": self.blood_pressure.to_json() if self.blood_pressure else None,
            "spo2": self.spo2.to_json() if self.spo2 else None,
            "heart_rate": self.heart_rate.to_json() if self.heart_rate else None,
        }


def _half_up(value: float) -> float:
    """Whole mmHg, halves rounded up as clinicians do (Python's round() rounds to even)."""
    return float(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _valid(visit: StoredVisit, kind: type) -> list[StoredReading]:
    return [r for r in visit.readings if r.valid and isinstance(r.measurement, kind)]


def _blood_pressure(readings: list[StoredReading]) -> BloodPressureResult | None:
    used = readings[-2:]
    pairs: list[tuple[float, float]] = []
    for reading in used:
        measurement = reading.measurement
        assert isinstance(measurement, BloodPressure)
        systolic = measurement.in_mmhg(measurement.systolic)
        diastolic = measurement.in_mmhg(measurement.diastolic)
        if systolic is None or diastolic is None:  # a valid reading always has both
            return None
        pairs.append((systolic, diastolic))
    if not pairs:
        return None
    return BloodPressureResult(
        systolic=_half_up(sum(p[0] for p in pairs) / len(pairs)),
        diastolic=_half_up(sum(p[1] for p in pairs) / len(pairs)),
        readings_used=len(pairs),
        simulated=any(r.source.simulated for r in used),
    )


def summarise(visit: StoredVisit) -> VisitResults:
    bp_readings = _valid(visit, BloodPressure)
    oximeter_readings = _valid(visit, SpO2)
    spo2: ValueResult | None = None
    heart_rate: ValueResult | None = None
    if oximeter_readings:
        last = oximeter_readings[-1]
        assert isinstance(last.measurement, SpO2)
        if last.measurement.spo2 is not None:
            spo2 = ValueResult(last.measurement.spo2, "%", last.source.simulated)
        if last.measurement.pulse_rate is not None:
            heart_rate = ValueResult(last.measurement.pulse_rate, "/min", last.source.simulated)
    if heart_rate is None and bp_readings:
        last_bp = bp_readings[-1]
        assert isinstance(last_bp.measurement, BloodPressure)
        if last_bp.measurement.pulse_rate is not None:
            heart_rate = ValueResult(
                last_bp.measurement.pulse_rate, "/min", last_bp.source.simulated
            )
    return VisitResults(
        blood_pressure=_blood_pressure(bp_readings), spo2=spo2, heart_rate=heart_rate
    )
