"""The blood-pressure protocol: how many readings, and which ones make the result.

Station rule of ``docs/reference/clinical-rules.md`` 3.4 (after ESH 2018/2021 and the
ASH/ISH practice of readings 1-2 minutes apart):

1. Rest 5 minutes, take reading 1.
2. Wait about a minute, take reading 2.
3. Take reading 3 when the first two differ by more than 10 mmHg systolic or 5 mmHg
   diastolic, or reading 1 is at or above the rule set's threshold (140/90 by default).
4. The result is the mean of the last two readings (of the only one while there is one);
   every raw reading is kept.

Means are rounded half up to whole mmHg, as clinicians round (Python's round() would round
halves to even). Pure: times are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from station.checks.rulesets import RuleSet

__all__ = [
    "BloodPressureProtocol",
    "NextStep",
    "ProtocolReading",
    "StepCode",
    "blood_pressure_protocol",
    "half_up",
]

REST_BEFORE_FIRST = timedelta(minutes=5)
BETWEEN_READINGS = timedelta(minutes=1)
SYSTOLIC_SPREAD = 10.0  # "differ by more than 10 mmHg systolic"
DIASTOLIC_SPREAD = 5.0  # "or 5 mmHg diastolic"
READINGS_FOR_A_THIRD = 3


class StepCode(StrEnum):
    FIRST_READING = "first_reading"
    SECOND_READING = "second_reading"
    THIRD_READING = "third_reading"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class ProtocolReading:
    systolic: float
    diastolic: float
    taken_at: datetime | None = None  # the station's time of arrival


@dataclass(frozen=True, slots=True)
class NextStep:
    code: StepCode
    message_id: str
    message_en: str
    not_before: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": str(self.code),
            "message": {"id": self.message_id, "en": self.message_en},
            "not_before": self.not_before.isoformat() if self.not_before else None,
        }


@dataclass(frozen=True, slots=True)
class BloodPressureProtocol:
    systolic: float | None
    diastolic: float | None
    readings_used: int
    readings_taken: int
    next_step: NextStep


def half_up(value: float) -> float:
    return float(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _not_before(last: ProtocolReading) -> datetime | None:
    return last.taken_at + BETWEEN_READINGS if last.taken_at is not None else None


def _third_reason(
    first: ProtocolReading, second: ProtocolReading, rules: RuleSet
) -> tuple[str, str] | None:
    """Why a third reading is needed, (Bahasa Indonesia, English), or None."""
    systolic_spread = abs(first.systolic - second.systolic)
    diastolic_spread = abs(first.diastolic - second.diastolic)
    if systolic_spread > SYSTOLIC_SPREAD:
        return (
            f"sistolik berbeda lebih dari {SYSTOLIC_SPREAD:g} mmHg.",
            f"systolic readings differ by {systolic_spread:g} mmHg (more than {SYSTOLIC_SPREAD:g})",
        )
    if diastolic_spread > DIASTOLIC_SPREAD:
        return (
            f"diastolik berbeda lebih dari {DIASTOLIC_SPREAD:g} mmHg.",
            f"diastolic readings differ by {diastolic_spread:g} mmHg "
            f"(more than {DIASTOLIC_SPREAD:g})",
        )
    if first.systolic >= rules.protocol_systolic or first.diastolic >= rules.protocol_diastolic:
        threshold = f"{rules.protocol_systolic:g}/{rules.protocol_diastolic:g} mmHg"
        return (
            f"pengukuran pertama {threshold} atau lebih.",
            f"the first reading is at or above {threshold}",
        )
    return None


def blood_pressure_protocol(
    readings: list[ProtocolReading], rules: RuleSet
) -> BloodPressureProtocol:
    """Where the protocol stands after the valid readings so far, oldest first."""
    taken = len(readings)
    if taken == 0:
        return BloodPressureProtocol(
            None,
            None,
            0,
            0,
            NextStep(
                StepCode.FIRST_READING,
                "Minta orang duduk tenang 5 menit, lengan setinggi jantung, lalu ukur.",
                "Have the person sit quietly for 5 minutes, arm at heart level, then measure.",
            ),
        )
    used = readings[-2:]
    systolic = half_up(sum(r.systolic for r in used) / len(used))
    diastolic = half_up(sum(r.diastolic for r in used) / len(used))
    reason = _third_reason(readings[0], readings[1], rules) if taken >= 2 else None
    if taken == 1:
        step = NextStep(
            StepCode.SECOND_READING,
            "Tunggu sekitar 1 menit, lalu ukur sekali lagi.",
            "Wait about 1 minute, then measure again.",
            _not_before(readings[-1]),
        )
    elif taken == 2 and reason is not None:
        step = NextStep(
            StepCode.THIRD_READING,
            f"Tunggu sekitar 1 menit, lalu ukur ketiga kalinya: {reason[0]}",
            f"Wait about 1 minute, then measure a third time: {reason[1]}.",
            _not_before(readings[-1]),
        )
    else:
        step = NextStep(
            StepCode.COMPLETE,
            "Pengukuran tekanan darah selesai: hasil adalah rata-rata dua pengukuran terakhir.",
            "Blood-pressure readings complete: the result is the mean of the last two.",
        )
    return BloodPressureProtocol(systolic, diastolic, len(used), taken, step)
