"""Checks on readings: pure functions of their input (no I/O, no clock, no globals).

``plausibility`` blocks values that cannot be real; ``quality`` adds notices about how a
reading was taken; ``rulesets`` holds the guideline tables as versioned data; ``classify``
grades the values that count; ``protocol`` is the blood-pressure protocol; ``engine`` puts
them together for a visit; ``request`` reads ``vitals-station check`` input.
"""

from station.checks.findings import Finding, Severity, blocks
from station.checks.plausibility import check_measurement

__all__ = ["Finding", "Severity", "blocks", "check_measurement"]
