"""Plausible random vital signs for the simulators, reproducible with a seed."""

from __future__ import annotations

import random

__all__ = ["SimulatedValues"]


class SimulatedValues:
    def __init__(self, seed: int | None = None) -> None:
        self._random = random.Random(seed)  # noqa: S311 - simulated values, not secrets

    def blood_pressure(self) -> tuple[int, int, int]:
        """(systolic, diastolic, pulse): systolic 100-165, at least 25 above diastolic."""
        systolic = self._random.randint(100, 165)
        diastolic = self._random.randint(60, min(100, systolic - 25))
        return systolic, diastolic, self._random.randint(55, 100)

    def oximetry(self) -> tuple[int, int]:
        """(SpO2, pulse)."""
        return self._random.randint(94, 99), self._random.randint(55, 100)
