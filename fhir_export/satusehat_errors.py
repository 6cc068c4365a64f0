"""The errors the SATUSEHAT client raises; ``str()`` is one line and never holds a secret.

How the outbox is meant to read them:

* ``TransientError``: try again later (network down, timeouts, 408, 429, 5xx after the
  client's own attempts); ``retry_after_s`` is the server's last ``Retry-After``, if any;
  ``maybe_processed`` says a create/transaction may have been stored although no answer came.
* ``AuthenticationError``: the credentials or the token are refused; a person must fix the
  settings. Retrying the same entry will not help.
* ``DuplicateResourceError``: the resource already exists (rule 20002); look it up by its
  identifier and count the entry as sent (satusehat.md 2.3).
* ``RejectedError``: the server refused the content (any other 4xx); show ``issues`` to a
  person (dead letter).
* ``ProtocolError``: the server answered 2xx with something that is not what SATUSEHAT sends;
  worth retrying later, and worth a log line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fhir_export.operation_outcome import (
    OutcomeIssue,
    is_duplicate,
    one_line,
    parse_operation_outcome,
    rule_numbers,
    summarize,
)

__all__ = [
    "AuthenticationError",
    "DuplicateResourceError",
    "ProtocolError",
    "RejectedError",
    "SatusehatError",
    "TransientError",
    "rejection",
]


class SatusehatError(Exception):
    """Base class: anything that went wrong talking to SATUSEHAT."""

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message, 1000))

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __str__(self) -> str:
        return self.message


class TransientError(SatusehatError):
    """The attempts ran out on timeouts, connection errors, 408, 429 or 5xx.

    ``maybe_processed`` is True when a create or transaction was sent and no answer came
    back (connection closed, read timeout): SATUSEHAT may have stored it, so look the
    resources up by identifier before sending them again.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retry_after_s: float | None = None,
        maybe_processed: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after_s = retry_after_s
        self.maybe_processed = maybe_processed


class AuthenticationError(SatusehatError):
    """The token endpoint refused the credentials, or the API refused a fresh token."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        issues: Sequence[OutcomeIssue] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.issues = list(issues)


class RejectedError(SatusehatError):
    """A 4xx other than the retried ones: the server refused what was sent."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 400,
        outcome: dict[str, Any] | None = None,
        issues: Sequence[OutcomeIssue] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.outcome = outcome
        self.issues = list(issues)

    @property
    def rule_numbers(self) -> list[int]:
        """SATUSEHAT rule numbers found in the issues, in order, each once."""
        return rule_numbers(self.issues)


class DuplicateResourceError(RejectedError):
    """A rejection whose issues carry rule 20002 (or say "duplicate")."""


class ProtocolError(SatusehatError):
    """A reply that is not what SATUSEHAT sends (bad JSON on a 2xx, missing fields)."""


def rejection(status: int, body: Any, what: str, snippet: str = "") -> RejectedError:
    """The error for a non-retried 4xx: ``DuplicateResourceError`` when it is one.

    ``body`` is the decoded JSON (anything) or None when the body was not JSON; ``snippet``
    is a short text of the raw body to show when there is no OperationOutcome.
    """
    issues = parse_operation_outcome(body)
    outcome = body if issues and isinstance(body, dict) else None
    if issues:
        detail = summarize(issues)
    elif snippet:
        detail = f"non-FHIR body: {one_line(snippet, 200)}"
    else:
        detail = "no OperationOutcome in the reply"
    cls = DuplicateResourceError if is_duplicate(issues) else RejectedError
    return cls(
        f"SATUSEHAT rejected {what} (HTTP {status}): {detail}",
        status=status,
        outcome=outcome,
        issues=issues,
    )
