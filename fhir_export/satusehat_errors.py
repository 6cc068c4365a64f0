"""The errors the SATUSEHAT client raises; ``str()`` is one line and never holds a secret.

How the outbox is meant to read them:

* ``TransientError``: try again later (network down, timeouts, 408, 429, 5xx after the
  client's own attempts); ``retry_after_s`` is the server's last ``Retry-After``, if any;
  ``maybe_processed`` says a create/transaction may have been stored although no answer came.
* ``ConfigurationError``: the station is pointed at the wrong place or lacks access (403 from
  SATUSEHAT or its gateway, 404: no such endpoint at the base URL). The data is not at fault:
  the entry is ``failed`` with backoff and this message, never dead, so the backlog waits for
  the settings to be fixed.
* ``AuthenticationError`` (a ``ConfigurationError``): the credentials or the token are refused
  (any 401 the one re-authentication does not cure); a person must fix the settings.
* ``DuplicateResourceError``: the resource already exists (rule 20002); look it up by its
  identifier and count the entry as sent (docs/reference/satusehat.md 2.3).
* ``RejectedError``: the server refused the content (any other 4xx); show ``issues`` to a
  person (dead letter). ``ResourceNotFoundError`` (a ``RejectedError``): an update named a
  resource the server does not have (404 ``not-found`` to a PUT).
* ``ProtocolError``: the server answered 2xx with something that is not what SATUSEHAT sends;
  worth retrying later, and worth a log line. ``ResponseTooLargeError`` (a ``ProtocolError``):
  the answer was larger than the client accepts (``ClientConfig.max_response_bytes``, counted
  after decompression); reading stopped there.
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
    "ConfigurationError",
    "DuplicateResourceError",
    "ProtocolError",
    "RejectedError",
    "ResourceNotFoundError",
    "ResponseTooLargeError",
    "SatusehatError",
    "TransientError",
    "is_misconfiguration",
    "misconfiguration",
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


class ConfigurationError(SatusehatError):
    """The station's settings are wrong for this server: no access (401, 403) or no such
    endpoint (404). Not the data's fault; retried later, never a dead letter."""

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


class AuthenticationError(ConfigurationError):
    """The token endpoint refused the credentials, or the API refused a fresh token."""


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


class ResourceNotFoundError(RejectedError):
    """An update named a resource the server does not hold (404 with an OperationOutcome
    ``not-found``, SATUSEHAT rule 20007 "Resource not found"): the id recorded for it is
    wrong; a person must look (never re-created blindly)."""


class ProtocolError(SatusehatError):
    """A reply that is not what SATUSEHAT sends (bad JSON on a 2xx, missing fields)."""


class ResponseTooLargeError(ProtocolError):
    """The answer's body (after decompression) went past the client's limit."""


def _detail(issues: Sequence[OutcomeIssue], snippet: str) -> str:
    if issues:
        return summarize(issues)
    if snippet:
        return f"non-FHIR body: {one_line(snippet, 200)}"
    return "no OperationOutcome in the reply"


# What each misconfiguration answer means and what to check (401 after the one
# re-authentication, 403 from SATUSEHAT or the API gateway in front of it, 404 for a path that
# does not exist at the configured base URL). docs/reference/satusehat.md 1.2 and 7.
_MISCONFIGURED = {
    401: (
        "SATUSEHAT refused the station's credentials for",
        "check SATUSEHAT_CLIENT_ID, SATUSEHAT_CLIENT_SECRET and that SATUSEHAT_AUTH_URL and "
        "SATUSEHAT_BASE_URL are the same environment",
    ),
    403: (
        "SATUSEHAT (or its API gateway) refused access for",
        "check that these credentials may use this API and environment (SATUSEHAT_BASE_URL)",
    ),
    404: (
        "SATUSEHAT has no endpoint for",
        "check SATUSEHAT_BASE_URL (it ends with /fhir-r4/v1) and SATUSEHAT_AUTH_URL (it ends "
        "with /oauth2/v1)",
    ),
}


def is_misconfiguration(status: int) -> bool:
    """401, 403 and 404: the station's settings are wrong, not the data it sends."""
    return status in _MISCONFIGURED


def misconfiguration(status: int, body: Any, what: str, snippet: str = "") -> ConfigurationError:
    """The error for a 401, 403 or 404 answer: retried later with the settings to check."""
    issues = parse_operation_outcome(body)
    lead, advice = _MISCONFIGURED[status]
    cls = AuthenticationError if status == 401 else ConfigurationError
    return cls(
        f"{lead} {what} (HTTP {status}): {_detail(issues, snippet)}; {advice}",
        status=status,
        issues=issues,
    )


def rejection(status: int, body: Any, what: str, snippet: str = "") -> RejectedError:
    """The error for a non-retried 4xx: ``DuplicateResourceError`` when it is one.

    ``body`` is the decoded JSON (anything) or None when the body was not JSON; ``snippet``
    is a short text of the raw body to show when there is no OperationOutcome.
    """
    issues = parse_operation_outcome(body)
    outcome = body if issues and isinstance(body, dict) else None
    detail = _detail(issues, snippet)
    cls = DuplicateResourceError if is_duplicate(issues) else RejectedError
    return cls(
        f"SATUSEHAT rejected {what} (HTTP {status}): {detail}",
        status=status,
        outcome=outcome,
        issues=issues,
    )
