"""Checks on readings: pure functions of their input (no I/O, no clock, no globals).

Today: the plausibility ("invalid") rules. The full rule engine of issue 4 (rule sets with
id and version, the blood-pressure protocol, referral levels) lands beside them here.
"""

from station.checks.findings import Finding, Severity, blocks
from station.checks.plausibility import RULE_SET_ID, RULE_SET_VERSION, check_measurement

__all__ = ["RULE_SET_ID", "RULE_SET_VERSION", "Finding", "Severity", "blocks", "check_measurement"]
