"""Which of the readings a device sent belong to the measurement the operator just started.

Many cuffs replay their memory right after connecting, oldest first, so yesterday's reading
can arrive seconds before today's. Pure rules (no clock: times are passed in):

1. A reading whose device time stamp is earlier than the start of this measurement (minus
   ``DEVICE_CLOCK_TOLERANCE``) is a stored record: ignored, with the reason shown.
2. A time stamp more than ``IMPLAUSIBLE_CLOCK_AGE`` in the past or ``FUTURE_TOLERANCE`` in the
   future means the device clock is wrong (a clock stuck in 2017): the time stamp is not used.
3. Of the readings left without a usable time stamp, only the newest of the burst can be
   this measurement; the earlier ones are ignored as replayed memory.
4. A dated reading whose exact bytes this device already delivered for an earlier
   measurement (``already_delivered``) is ignored even inside the clock tolerance: the
   previous person's reading, replayed a minute later, must never be filed under the next
   person. The same bytes arriving twice in one session (a live indication and the same
   record fetched through RACP) count once.

Device clocks have no zone, so ``started_local`` is the station's local time, naive.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from devices.measurements import BloodPressure, Measurement, SpO2

__all__ = ["BindingDecision", "DeliveredMemory", "IgnoredReading", "bind_readings"]

DEVICE_CLOCK_TOLERANCE = timedelta(minutes=2)
IMPLAUSIBLE_CLOCK_AGE = timedelta(days=365)
FUTURE_TOLERANCE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class IgnoredReading:
    measurement: Measurement
    reason: str


@dataclass(frozen=True, slots=True)
class BindingDecision:
    bound: Measurement | None
    ignored: tuple[IgnoredReading, ...]
    clock_wrong: bool


def _timestamp(measurement: Measurement) -> datetime | None:
    if isinstance(measurement, BloodPressure | SpO2):
        return measurement.timestamp
    return None


def bind_readings(
    readings: Sequence[Measurement],
    *,
    started_local: datetime,
    now_local: datetime,
    already_delivered: Collection[bytes] = (),
) -> BindingDecision:
    """Pick the reading of this measurement out of everything the device sent, in order."""
    ignored: list[IgnoredReading] = []
    undated: list[Measurement] = []
    dated: list[Measurement] = []
    clock_wrong = False
    seen: set[bytes] = set()
    for reading in readings:
        if reading.raw and reading.raw in seen:
            continue  # the same record twice in one session (indication + RACP)
        seen.add(reading.raw)
        stamp = _timestamp(reading)
        if stamp is not None and reading.raw in already_delivered:
            ignored.append(
                IgnoredReading(
                    reading,
                    f"reading from {stamp:%Y-%m-%d %H:%M} was already recorded "
                    "for an earlier measurement",
                )
            )
            continue
        if stamp is not None and (
            stamp < now_local - IMPLAUSIBLE_CLOCK_AGE or stamp > now_local + FUTURE_TOLERANCE
        ):
            clock_wrong = True
            stamp = None
        if stamp is None:
            undated.append(reading)
        elif stamp < started_local - DEVICE_CLOCK_TOLERANCE:
            ignored.append(
                IgnoredReading(
                    reading, f"stored reading from {stamp:%Y-%m-%d %H:%M}, before this measurement"
                )
            )
        else:
            dated.append(reading)
    candidates = dated or undated
    bound = candidates[-1] if candidates else None
    for reading in (*dated, *undated):
        if reading is not bound:
            ignored.append(
                IgnoredReading(reading, "earlier reading replayed from the device memory")
            )
    return BindingDecision(bound=bound, ignored=tuple(ignored), clock_wrong=clock_wrong)


class DeliveredMemory:
    """One device's binding: ``bind_readings`` with rule 4 fed by the readings this device
    already returned (the newest ``size``; a clinic day is far fewer measurements)."""

    def __init__(self, size: int = 512) -> None:
        self._delivered: deque[bytes] = deque(maxlen=size)

    def bind(
        self, readings: Sequence[Measurement], *, started_local: datetime, now_local: datetime
    ) -> BindingDecision:
        decision = bind_readings(
            readings,
            started_local=started_local,
            now_local=now_local,
            already_delivered=self._delivered,
        )
        if decision.bound is not None:
            self._delivered.append(decision.bound.raw)
        return decision
