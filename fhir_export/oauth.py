"""SATUSEHAT OAuth2 client credentials: the token reply and its lifetime, as pure functions.

Source: ``docs/reference/satusehat.md`` section 1.2. ``POST {auth}/accesstoken?
grant_type=client_credentials`` with ``client_id`` and ``client_secret`` in a form body; the
Apigee-style reply writes every number as a string (``"expires_in": "3599"``) and has no usable
refresh token, so the client asks again before expiry. Like ``agumil/satusehat-sdk`` and
``Mihaaq-arch/satusehat_service`` the token is reused until 60 s before ``expires_in``.

Times are readings of the caller's monotonic clock (seconds), never wall-clock dates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fhir_export.satusehat_errors import ProtocolError

__all__ = [
    "GRANT_TYPE",
    "MAX_TOKEN_LIFETIME_S",
    "REFRESH_MARGIN_S",
    "AccessToken",
    "parse_expires_in",
    "parse_token_response",
    "refresh_deadline",
    "token_url",
]

GRANT_TYPE = "client_credentials"
REFRESH_MARGIN_S = 60.0
# A client-credentials token is kept at most a day, whatever ``expires_in`` claims (SATUSEHAT
# says 3599 s): a huge claimed lifetime would keep a revoked token forever, and seconds beyond
# 2**53 lose their precision as floats, so the refresh deadline could land after the expiry.
MAX_TOKEN_LIFETIME_S = 86_400
_INTEGER = re.compile(r"\s*\+?(\d{1,12})\s*")


@dataclass(frozen=True)
class AccessToken:
    """A bearer token and when to stop using it (``refresh_at``, on the caller's clock).

    ``value`` is left out of ``repr`` so a logged or printed token object shows no secret.
    """

    value: str = field(repr=False)
    expires_in_s: float
    obtained_at: float
    refresh_at: float

    def is_fresh(self, now: float) -> bool:
        """True while the token may still be sent."""
        return now < self.refresh_at


def token_url(auth_url: str) -> str:
    """``{auth}/accesstoken`` (``auth`` is e.g. ``https://api-satusehat-stg.dto.kemkes.go.id/oauth2/v1``)."""
    return f"{auth_url.rstrip('/')}/accesstoken"


def parse_expires_in(value: Any) -> float:
    """``expires_in`` as seconds: a string of digits (what SATUSEHAT sends) or an integer.

    Anything else (missing, empty, negative, fractional text, a boolean, a float that is not
    whole) is a ``ProtocolError``: a token of unknown lifetime cannot be cached safely. A
    lifetime above ``MAX_TOKEN_LIFETIME_S`` is taken as that day.
    """
    if isinstance(value, bool):
        raise ProtocolError(f"token reply: expires_in is a boolean ({value!r}), not seconds")
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        seconds = int(value)
    elif isinstance(value, str) and _INTEGER.fullmatch(value):
        seconds = int(value.strip().lstrip("+"))
    else:
        shown = "missing" if value is None else f"{type(value).__name__} {str(value)[:40]!r}"
        raise ProtocolError(f"token reply: expires_in is not a number of seconds ({shown})")
    if seconds <= 0:
        raise ProtocolError(f"token reply: expires_in must be positive, got {seconds}")
    return float(min(seconds, MAX_TOKEN_LIFETIME_S))


def refresh_deadline(
    obtained_at: float, expires_in_s: float, margin_s: float = REFRESH_MARGIN_S
) -> float:
    """When to stop using a token obtained at ``obtained_at`` that lives ``expires_in_s``.

    ``margin_s`` before expiry (60 s for SATUSEHAT's 3599 s), but never more than half the
    lifetime, so a short-lived token is still used at least once.
    """
    return obtained_at + expires_in_s - min(margin_s, expires_in_s / 2)


def parse_token_response(body: Any, *, obtained_at: float) -> AccessToken:
    """The token from a decoded 2xx reply of the token endpoint, or ``ProtocolError``.

    ``obtained_at`` is the clock reading taken when the request was sent (so the lifetime is
    counted from before the server issued it).
    """
    if not isinstance(body, Mapping):
        raise ProtocolError(f"token reply is not a JSON object (got {type(body).__name__})")
    token = body.get("access_token")
    if not isinstance(token, str) or not token.strip():
        raise ProtocolError("token reply has no access_token")
    if not token.isascii() or any(c.isspace() or not c.isprintable() for c in token):
        raise ProtocolError("token reply: access_token is not a printable ASCII word")
    expires_in = parse_expires_in(body.get("expires_in"))
    return AccessToken(
        value=token,
        expires_in_s=expires_in,
        obtained_at=obtained_at,
        refresh_at=refresh_deadline(obtained_at, expires_in),
    )
