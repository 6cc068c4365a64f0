"""Findings: what the checks say about a reading, in both languages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from station.checks.messages import Params, ParamValue, check_params, texts

__all__ = ["Finding", "Severity", "blocks"]


class Severity(StrEnum):
    """Kinds of finding, kept apart as FHIR does (docs/design.md section 6).

    ``INVALID``: cannot be real, the value is blocked and never stored as a result.
    ``CRITICAL``: real and urgent, escalate. ``ABNORMAL``: outside normal, flag.
    ``NOTICE``: something about how it was measured. ``NORMAL``: nothing to report.
    """

    INVALID = "invalid"
    CRITICAL = "critical"
    ABNORMAL = "abnormal"
    NOTICE = "notice"
    NORMAL = "normal"


@dataclass(frozen=True, slots=True)
class Finding:
    """``message_id``/``message_en`` are the words as the station wrote them (kept, so a
    stored finding reads without the code); ``key`` and ``params`` say the same as data, for
    the screens to render in their language (``station/checks/messages.py``). A finding
    read from a row stored before issue 13 has no key. ``rule_set``/``rule_set_version``:
    the table that graded it, where one did (not compared: where a finding was graded is not
    what it says)."""

    parameter: str
    severity: Severity
    code: str
    message_id: str
    message_en: str
    key: str | None = None
    params: Params = field(default_factory=Params)
    rule_set: str | None = field(default=None, compare=False)
    rule_set_version: str | None = field(default=None, compare=False)

    @classmethod
    def of(
        cls,
        parameter: str,
        severity: Severity,
        code: str,
        key: str,
        params: Mapping[str, ParamValue] | None = None,
        *,
        rule_set: tuple[str, str] | None = None,
    ) -> Finding:
        """A finding whose words come from the catalogue (``MessageError`` when ``params``
        do not fit ``key``); ``rule_set``: (id, version)."""
        kept = check_params(key, params or {})
        message_id, message_en = texts(key, kept)
        set_id, version = rule_set if rule_set is not None else (None, None)
        return cls(parameter, severity, code, message_id, message_en, key, kept, set_id, version)

    def to_json(self) -> dict[str, Any]:
        return {
            "parameter": self.parameter,
            "severity": str(self.severity),
            "code": self.code,
            "message": {"id": self.message_id, "en": self.message_en},
        }


def blocks(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    """True when any finding makes the reading unusable as a result."""
    return any(f.severity is Severity.INVALID for f in findings)
