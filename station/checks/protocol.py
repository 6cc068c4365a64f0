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

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from station.checks.messages import Params, check_params, render
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
    """What to do next; ``key`` and ``params`` say it as data (station/checks/messages.py),
    ``message_id``/``message_en`` are the station's words for it."""

    code: StepCode
    key: str
    params: Params = field(default_factory=Params)
    not_before: datetime | None = None

    @classmethod
    def of(
        cls,
        code: StepCode,
        key: str,
        params: dict[str, float] | None = None,
        not_before: datetime | None = None,
    ) -> NextStep:
        return cls(code, key, check_params(key, params or {}), not_before)

    @property
    def message_id(self) -> str:
        return render(self.key, self.params, "id")

    @property
    def message_en(self) -> str:
        return render(self.key, self.params, "en")

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
) -> tuple[str, dict[str, float]] | None:
    """Why a third reading is needed (the next step's message key and parameters), or None."""
    systolic_spread = abs(first.systolic - second.systolic)
    diastolic_spread = abs(first.diastolic - second.diastolic)
    if systolic_spread > SYSTOLIC_SPREAD:
        return (
            "protocol.third_reading_systolic_spread",
            {"spread": systolic_spread, "limit": SYSTOLIC_SPREAD},
        )
    if diastolic_spread > DIASTOLIC_SPREAD:
        return (
            "protocol.third_reading_diastolic_spread",
            {"spread": diastolic_spread, "limit": DIASTOLIC_SPREAD},
        )
    if first.systolic >= rules.protocol_systolic or first.diastolic >= rules.protocol_diastolic:
        return (
            "protocol.third_reading_first_high",
            {"systolic": rules.protocol_systolic, "diastolic": rules.protocol_diastolic},
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
            NextStep.of(StepCode.FIRST_READING, "protocol.first_reading"),
        )
    used = readings[-2:]
    systolic = half_up(sum(r.systolic for r in used) / len(used))
    diastolic = half_up(sum(r.diastolic for r in used) / len(used))
    reason = _third_reason(readings[0], readings[1], rules) if taken >= 2 else None
    if taken == 1:
        step = NextStep.of(
            StepCode.SECOND_READING, "protocol.second_reading", None, _not_before(readings[-1])
        )
    elif taken == 2 and reason is not None:
        step = NextStep.of(StepCode.THIRD_READING, *reason, _not_before(readings[-1]))
    else:
        step = NextStep.of(StepCode.COMPLETE, "protocol.complete")
    return BloodPressureProtocol(systolic, diastolic, len(used), taken, step)
