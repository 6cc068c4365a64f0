"""The input of ``vitals-station check`` (docs/design.md section 4), validated with clear messages.

``{"age_years": 45, "sex": "female", "readings": [ {decoded measurement}, ... ]}``, where each
reading is what ``vitals-station decode`` prints. Optional: ``"rule_set"`` (otherwise the
settings' one) and, per reading, ``"received_at"`` (the station's local time, ISO 8601), which
the blood-pressure protocol and the device-clock notice use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from devices.measurements import MeasurementJsonError, measurement_from_json
from station.checks.engine import CheckReading, Evaluation, evaluate
from station.checks.rulesets import RuleSet, UnknownRuleSetError, rule_set

__all__ = ["CheckRequest", "CheckRequestError", "parse_check_request"]

MAX_AGE_YEARS = 130
# ``received_at`` is the station's own clock, which is trusted (docs/design.md section 5); a year
# outside this range is no station's clock, and at year 1 or 9999 the protocol's time
# arithmetic overflowed (issue 16). Device timestamps may be anything and are only compared.
RECEIVED_YEARS = (2000, 2999)
SEXES = ("female", "male")


class CheckRequestError(ValueError):
    """The check input is malformed; the message names the key."""


@dataclass(frozen=True, slots=True)
class CheckRequest:
    age_years: float
    sex: str | None
    readings: tuple[CheckReading, ...]
    rules: RuleSet

    def evaluate(self) -> Evaluation:
        return evaluate(self.readings, self.age_years, self.rules)


def _received_at(item: dict[str, Any], where: str) -> datetime | None:
    value = item.get("received_at")
    if value is None:
        return None
    if not isinstance(value, str):
        raise CheckRequestError(f"{where}: 'received_at' must be an ISO 8601 string")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CheckRequestError(f"{where}: 'received_at' is not ISO 8601: {value!r}") from exc
    first, last = RECEIVED_YEARS
    if not first <= parsed.year <= last:
        raise CheckRequestError(
            f"{where}: 'received_at' must be a station time between the years {first} and "
            f"{last}, got {value!r}"
        )
    # Device clocks are naive local time; compare like with like.
    return parsed.replace(tzinfo=None)


def parse_check_request(data: Any, *, default_rule_set: str) -> CheckRequest:
    if not isinstance(data, dict):
        raise CheckRequestError("check input must be a JSON object")
    age = data.get("age_years")
    if isinstance(age, bool) or not isinstance(age, int | float):
        raise CheckRequestError("'age_years' is required and must be a number")
    if not 0 <= age <= MAX_AGE_YEARS:
        raise CheckRequestError(f"'age_years' must be between 0 and {MAX_AGE_YEARS}, got {age}")
    sex = data.get("sex")
    if sex is not None and sex not in SEXES:
        raise CheckRequestError(f"'sex' must be 'female', 'male' or null, got {sex!r}")
    items = data.get("readings")
    if not isinstance(items, list):
        raise CheckRequestError("'readings' is required and must be a list of decoded readings")
    readings = []
    for index, item in enumerate(items):
        where = f"readings[{index}]"
        try:
            measurement = measurement_from_json(item)
        except MeasurementJsonError as exc:
            raise CheckRequestError(f"{where}: {exc}") from exc
        readings.append(CheckReading(measurement, _received_at(item, where)))
    name = data.get("rule_set", default_rule_set)
    if not isinstance(name, str):
        raise CheckRequestError("'rule_set' must be a string")
    try:
        rules = rule_set(name)
    except UnknownRuleSetError as exc:
        raise CheckRequestError(str(exc)) from exc
    return CheckRequest(float(age), sex, tuple(readings), rules)
