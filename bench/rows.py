"""One benchmark figure as ``python -m bench`` prints it (issue 14): the value measured, the
baseline measured in the same run, their ratio, the target and whether it is met."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["Row", "percentile"]


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    value: float
    unit: str
    baseline: float
    target: float
    # How the target reads: "at_most" the value, or "ratio_at_most" value / baseline,
    # or "ratio_at_least" baseline / value (a speed-up).
    kind: Literal["at_most", "ratio_at_most", "ratio_at_least"] = "at_most"
    note: str = ""

    @property
    def ratio(self) -> float:
        """value / baseline (< 1: faster or smaller than the baseline)."""
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool:
        if self.kind == "ratio_at_most":
            return self.ratio <= self.target
        if self.kind == "ratio_at_least":
            return self.value > 0 and self.baseline / self.value >= self.target
        return self.value <= self.target

    def to_json(self) -> str:
        data = {
            "name": self.name,
            "value": round(self.value, 4),
            "unit": self.unit,
            "baseline": round(self.baseline, 4),
            "ratio": round(self.ratio, 4),
            "target": self.target,
            "met": self.met,
        }
        if self.note:
            data["note"] = self.note
        return json.dumps(data)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (0.5: the median; 0.99), by linear interpolation."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=1000, method="inclusive")[round(fraction * 1000) - 1]
