"""When to retry a SATUSEHAT request and how long to wait: pure functions, no I/O.

Sources: ``docs/reference/satusehat.md`` section 1.2 (no published rate limits;
community clients retry 408/429/5xx with exponential backoff, honour ``Retry-After``, sleep at
most 60 s, 5 attempts) and section 7 (retry 408, 429 and 5xx; other 4xx go to a person).

Backoff is exponential with "full jitter": a uniform draw between 0 and
``min(cap, base * 2 ** (attempt - 1))``, so many stations coming back online after an outage
do not retry in step.
"""

from __future__ import annotations

import math
import random
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = [
    "MAX_RETRY_AFTER_S",
    "backoff_delay",
    "is_transient_status",
    "parse_retry_after",
    "retry_delay",
]

# A Retry-After further away than this is read as this (a year): a finite number always.
MAX_RETRY_AFTER_S = 366 * 24 * 3600.0
_SECONDS = re.compile(r"\s*(\d{1,20})(?:\.\d{1,9})?\s*")
_MAX_EXPONENT = 62


def is_transient_status(status: int) -> bool:
    """408 Request Timeout, 429 Too Many Requests and every 5xx are worth retrying."""
    return status in (408, 429) or 500 <= status <= 599


def backoff_delay(attempt: int, *, base_s: float, cap_s: float, rng: random.Random) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1 for the first failure).

    Full jitter: uniform in ``[0, min(cap_s, base_s * 2 ** (attempt - 1))]``.
    """
    if attempt < 1:
        raise ValueError(f"attempt counts from 1, got {attempt}")
    if base_s < 0 or cap_s < 0:
        raise ValueError("backoff base and cap must not be negative")
    ceiling = min(cap_s, base_s * 2.0 ** min(attempt - 1, _MAX_EXPONENT))
    return rng.uniform(0.0, ceiling)


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (RFC 9110 10.2.3), or None.

    Either delay-seconds (``"120"``; a decimal fraction is tolerated) or an HTTP-date, taken
    relative to ``now`` (timezone-aware; a date in the past means 0). Anything unreadable is
    None, so the caller falls back to its own backoff. The result is finite and at most
    ``MAX_RETRY_AFTER_S``.
    """
    if value is None:
        return None
    match = _SECONDS.fullmatch(value)
    if match:
        return min(float(match.group(0).strip()), MAX_RETRY_AFTER_S)
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000" means UTC with no zone information (RFC 5322)
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        seconds = (when - now).total_seconds()
    except OverflowError:
        return None
    if not math.isfinite(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def retry_delay(
    attempt: int,
    retry_after_s: float | None,
    *,
    base_s: float,
    cap_s: float,
    retry_after_cap_s: float,
    rng: random.Random,
) -> float:
    """The wait before the next attempt: the server's ``Retry-After`` capped at
    ``retry_after_cap_s`` when it gave one, else the jittered backoff."""
    if retry_after_s is not None:
        return min(max(retry_after_s, 0.0), retry_after_cap_s)
    return backoff_delay(attempt, base_s=base_s, cap_s=cap_s, rng=rng)
