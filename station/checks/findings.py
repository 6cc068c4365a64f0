"""Findings: what the checks say about a reading, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

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
    parameter: str
    severity: Severity
    code: str
    message_id: str
    message_en: str

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
