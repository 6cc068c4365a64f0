"""A finding to its row and back, in one place for the repository and for corrections.

Since issue 13 a row keeps the finding's message key, its parameters (JSON) and the rule set
in force beside its words; a finding without a rule set of its own (a reading's
plausibility and quality findings, which hold under every set) is stored with the visit's.
A row stored before has no key: it reads back as its words alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from station.checks import Finding, Severity
from station.checks.messages import Params
from station.store.models import FindingRow

__all__ = [
    "FINDING_COLUMNS",
    "finding_from_row",
    "finding_from_values",
    "finding_row",
    "finding_values",
    "params_json",
]


def params_json(params: Params) -> str:
    """Measurements are finite numbers (devices.measurements), so JSON holds every value."""
    return json.dumps(dict(params), sort_keys=True, ensure_ascii=False, allow_nan=False)


def finding_values(
    reading_id: str, finding: Finding, *, rule_set: str, rule_set_version: str
) -> dict[str, Any]:
    """The columns of a finding's row (all but its id). ``rule_set``/``rule_set_version``:
    the visit's, used when the finding names none."""
    keyed = finding.key is not None
    own_set = finding.rule_set is not None
    return {
        "reading_id": reading_id,
        "parameter": finding.parameter,
        "severity": str(finding.severity),
        "code": finding.code,
        "message_id": finding.message_id,
        "message_en": finding.message_en,
        "message_key": finding.key,
        "message_params": params_json(finding.params) if keyed else None,
        "rule_set": (finding.rule_set if own_set else rule_set) if keyed else None,
        "rule_set_version": (finding.rule_set_version if own_set else rule_set_version)
        if keyed
        else None,
    }


def finding_row(
    reading_id: str, finding: Finding, *, rule_set: str, rule_set_version: str
) -> FindingRow:
    """``rule_set``/``rule_set_version``: the visit's, used when the finding names none."""
    return FindingRow(
        **finding_values(reading_id, finding, rule_set=rule_set, rule_set_version=rule_set_version)
    )


def _params(text: str | None) -> Params:
    if not text:
        return Params()
    values = json.loads(text)
    return Params({str(k): v for k, v in values.items() if isinstance(v, str | int | float)})


def finding_from_values(values: Mapping[str, Any]) -> Finding:
    """The finding a row's column values say (``finding_values``' output, or a row read)."""
    return Finding(
        parameter=values["parameter"],
        severity=Severity(values["severity"]),
        code=values["code"],
        message_id=values["message_id"],
        message_en=values["message_en"],
        key=values["message_key"],
        params=_params(values["message_params"]),
        rule_set=values["rule_set"],
        rule_set_version=values["rule_set_version"],
    )


# The columns a finding's row holds besides its ids: what a finding is read back from and
# what its reading's audit hash covers (station.store.record_content).
FINDING_COLUMNS = (
    "parameter",
    "severity",
    "code",
    "message_id",
    "message_en",
    "message_key",
    "message_params",
    "rule_set",
    "rule_set_version",
)


def finding_from_row(row: FindingRow) -> Finding:
    return finding_from_values({name: getattr(row, name) for name in FINDING_COLUMNS})
