"""Reading SATUSEHAT's error bodies: FHIR OperationOutcome with ``RuleNumber: NNNNN``.

Pure functions over already-decoded JSON (any value: a server may send anything). Sources:
``docs/reference/satusehat.md`` section 1.3 (issue shape, ``RuleNumber: (\\d+)`` in
``details.text`` as [KAMUS] ``getParsedIssues()`` parses it, ``expression`` for the path, some
clients reading ``diagnostics`` instead), section 1.2 (401 ``invalid-access-token``) and
section 2.3 (20002 duplicate, also detected by the text "duplicate" as [KAMUS] ``isDuplicate()``
does).

Nothing here raises on odd input: a body that is not an OperationOutcome gives no issues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DUPLICATE_RULE",
    "INVALID_ACCESS_TOKEN",
    "OutcomeIssue",
    "has_invalid_access_token",
    "is_duplicate",
    "one_line",
    "parse_operation_outcome",
    "parse_rule_number",
    "rule_numbers",
    "summarize",
]

DUPLICATE_RULE = 20002  # [KAMUS] "Found duplicate resource: {Nama Resource}"
INVALID_ACCESS_TOKEN = "invalid-access-token"  # noqa: S105 - an issue code (docs/reference/satusehat.md 1.2)
# At most 9 digits, not followed by another digit: a rule number, never a 5000-digit string
# that int() would refuse.
_RULE_NUMBER = re.compile(r"RuleNumber:\s*(\d{1,9})(?!\d)")
_SPACES = re.compile(r"\s+")
_TEXT_LIMIT = 300


@dataclass(frozen=True)
class OutcomeIssue:
    """One ``OperationOutcome.issue``, flattened.

    ``text`` is ``details.text``, else ``diagnostics``, else the first ``details.coding``
    display (both texts, joined, when they differ). ``rule_number`` is the SATUSEHAT rule
    number found in either text, or None.
    """

    severity: str
    code: str
    text: str
    rule_number: int | None
    expression: tuple[str, ...]


def one_line(text: str, limit: int = _TEXT_LIMIT) -> str:
    """Whitespace collapsed to single spaces, cut to ``limit`` characters with an ellipsis."""
    flat = _SPACES.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def parse_rule_number(text: str) -> int | None:
    """The number in ``RuleNumber: NNNNN``, or None."""
    match = _RULE_NUMBER.search(text)
    return int(match.group(1)) if match else None


def _string(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _issue(raw: Mapping[str, Any]) -> OutcomeIssue:
    details = raw.get("details")
    details_text = ""
    coding_display = ""
    if isinstance(details, Mapping):
        details_text = _string(details.get("text"))
        coding = details.get("coding")
        if isinstance(coding, list):
            for item in coding:
                if isinstance(item, Mapping) and _string(item.get("display")):
                    coding_display = _string(item.get("display"))
                    break
    diagnostics = _string(raw.get("diagnostics"))
    texts = [t for t in (details_text, diagnostics) if t.strip()]
    if len(texts) == 2 and texts[0].strip() == texts[1].strip():
        texts = texts[:1]
    text = " | ".join(texts) if texts else coding_display
    rule = None
    for candidate in (details_text, diagnostics):
        rule = parse_rule_number(candidate)
        if rule is not None:
            break
    paths: list[str] = []
    for key in ("expression", "location"):  # ``location`` is the deprecated R4 name
        value = raw.get(key)
        if isinstance(value, list):
            paths.extend(item for item in value if isinstance(item, str))
    return OutcomeIssue(
        severity=_string(raw.get("severity")),
        code=_string(raw.get("code")),
        text=text,
        rule_number=rule,
        expression=tuple(paths),
    )


def parse_operation_outcome(body: Any) -> list[OutcomeIssue]:
    """The issues of an OperationOutcome body; ``[]`` for anything else.

    Accepts any decoded JSON value. A dict counts when it says ``resourceType:
    OperationOutcome`` or has no ``resourceType`` but an ``issue`` list (some gateways drop
    the type). Issues that are not objects are skipped.
    """
    if not isinstance(body, Mapping):
        return []
    kind = body.get("resourceType")
    if kind is not None and kind != "OperationOutcome":
        return []
    issues = body.get("issue")
    if not isinstance(issues, list):
        return []
    return [_issue(item) for item in issues if isinstance(item, Mapping)]


def rule_numbers(issues: Iterable[OutcomeIssue]) -> list[int]:
    """The rule numbers in issue order, each once."""
    seen: list[int] = []
    for issue in issues:
        if issue.rule_number is not None and issue.rule_number not in seen:
            seen.append(issue.rule_number)
    return seen


def is_duplicate(issues: Iterable[OutcomeIssue]) -> bool:
    """True when an issue carries rule 20002, code ``duplicate`` or the word "duplicate"."""
    return any(
        issue.rule_number == DUPLICATE_RULE
        or issue.code == "duplicate"
        or "duplicate" in issue.text.lower()
        for issue in issues
    )


def has_invalid_access_token(issues: Iterable[OutcomeIssue]) -> bool:
    """True when an issue has code ``invalid-access-token`` (docs/reference/satusehat.md 1.2)."""
    return any(issue.code == INVALID_ACCESS_TOKEN for issue in issues)


def summarize(issues: Sequence[OutcomeIssue], limit: int = 3) -> str:
    """The first issues' texts (with their paths) on one line, for an error message."""
    parts: list[str] = []
    for issue in issues[:limit]:
        text = one_line(issue.text or issue.code or "no details")
        if issue.expression:
            text = f"{text} [{', '.join(one_line(e, 120) for e in issue.expression[:3])}]"
        parts.append(text)
    if len(issues) > limit:
        parts.append(f"and {len(issues) - limit} more")
    return "; ".join(parts)
