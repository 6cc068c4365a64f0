"""A finding to its row and back, in one place for the repository and for corrections.

Since issue 13 a row keeps the finding's message key, its parameters (JSON) and the rule set
in force beside its words; a finding without a rule set of its own (a reading's
plausibility and quality findings, which hold under every set) is stored with the visit's.
A row stored before has no key: it reads back as its words alone.
"""

from __future__ import annotations

import json

from station.checks import Finding, Severity
from station.checks.messages import Params
from station.store.models import FindingRow

__all__ = ["finding_from_row", "finding_row", "params_json"]


def params_json(params: Params) -> str:
    """Measurements are finite numbers (devices.measurements), so JSON holds every value."""
    return json.dumps(dict(params), sort_keys=True, ensure_ascii=False, allow_nan=False)


def finding_row(
    reading_id: str, finding: Finding, *, rule_set: str, rule_set_version: str
) -> FindingRow:
    """``rule_set``/``rule_set_version``: the visit's, used when the finding names none."""
    keyed = finding.key is not None
    own_set = finding.rule_set is not None
    return FindingRow(
        reading_id=reading_id,
        parameter=finding.parameter,
        severity=str(finding.severity),
        code=finding.code,
        message_id=finding.message_id,
        message_en=finding.message_en,
        message_key=finding.key,
        message_params=params_json(finding.params) if keyed else None,
        rule_set=(finding.rule_set if own_set else rule_set) if keyed else None,
        rule_set_version=(finding.rule_set_version if own_set else rule_set_version)
        if keyed
        else None,
    )


def _params(text: str | None) -> Params:
    if not text:
        return Params()
    values = json.loads(text)
    return Params({str(k): v for k, v in values.items() if isinstance(v, str | int | float)})


def finding_from_row(row: FindingRow) -> Finding:
    return Finding(
        parameter=row.parameter,
        severity=Severity(row.severity),
        code=row.code,
        message_id=row.message_id,
        message_en=row.message_en,
        key=row.message_key,
        params=_params(row.message_params),
        rule_set=row.rule_set,
        rule_set_version=row.rule_set_version,
    )
