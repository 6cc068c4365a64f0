"""One-shot faults a test queues on the imitation server.

Each fault applies to the next request that matches its optional ``method`` and ``path``
filters (``path`` is a substring of the request path, query excluded, e.g. ``"/Observation"``
or ``"/accesstoken"``), then it is used up. Faults are taken in the order queued; admin
requests (``/_admin/...``) never take one. The queue is thread-safe.

Kinds:

* ``status``: answer ``status`` with a ``text/plain`` body (SATUSEHAT's 5xx are plain text,
  satusehat.md 1.2), optionally with ``Retry-After``; nothing is processed.
* ``delay``: wait ``delay_s`` seconds, then process and answer normally (a slow answer).
* ``drop_before_store``: close the connection without processing or answering.
* ``drop_after_store``: process (and store) the request, then close the connection without
  answering: the client cannot know whether it worked.
* ``expire_token``: expire the token the request carries and answer 401
  ``invalid-access-token``.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

KINDS = frozenset({"status", "delay", "drop_before_store", "drop_after_store", "expire_token"})


@dataclass(frozen=True)
class Fault:
    kind: str
    status: int | None = None
    body: str | None = None
    retry_after: str | None = None
    delay_s: float = 0.0
    method: str | None = None
    path: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {sorted(KINDS)}")
        if self.kind == "status" and (self.status is None or not 100 <= self.status <= 599):
            raise ValueError("a status fault needs an HTTP status")
        if self.delay_s < 0:
            raise ValueError("delay_s must not be negative")

    # --- builders ---------------------------------------------------------------------------

    @classmethod
    def http_status(
        cls,
        status: int,
        body: str | None = None,
        *,
        retry_after: float | str | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> Fault:
        """Answer ``status`` (body defaults to the reason phrase, e.g. "Gateway Timeout")."""
        if body is None:
            try:
                body = HTTPStatus(status).phrase
            except ValueError:
                body = "Error"
        if isinstance(retry_after, float) and retry_after.is_integer():
            retry_after = int(retry_after)
        return cls(
            "status",
            status=status,
            body=body,
            retry_after=None if retry_after is None else str(retry_after),
            method=method,
            path=path,
        )

    @classmethod
    def delay(cls, seconds: float, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("delay", delay_s=seconds, method=method, path=path)

    @classmethod
    def drop_before_store(cls, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("drop_before_store", method=method, path=path)

    @classmethod
    def drop_after_store(cls, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("drop_after_store", method=method, path=path)

    @classmethod
    def expire_token(cls, *, method: str | None = None, path: str | None = None) -> Fault:
        return cls("expire_token", method=method, path=path)

    # --- JSON (admin endpoint) --------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_json(cls, data: Any) -> Fault:
        if not isinstance(data, dict):
            raise ValueError("a fault is a JSON object")
        unknown = set(data) - {"kind", "status", "body", "retry_after", "delay_s", "method", "path"}
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        if data.get("kind") == "status":
            return cls.http_status(
                int(data["status"]),
                data.get("body"),
                retry_after=data.get("retry_after"),
                method=data.get("method"),
                path=data.get("path"),
            )
        return cls(
            str(data.get("kind")),
            delay_s=float(data.get("delay_s", 0.0)),
            method=data.get("method"),
            path=data.get("path"),
        )

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path is None or self.path in path


class FaultQueue:
    """Thread-safe FIFO of one-shot faults."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(self, fault: Fault, times: int = 1) -> None:
        with self._lock:
            self._faults.extend([fault] * times)

    def take(self, method: str, path: str) -> Fault | None:
        """The first queued fault matching the request, removed from the queue."""
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.matches(method, path):
                    return self._faults.pop(index)
        return None

    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()


# Module-level builders: ``faults.status(503)``, ``faults.delay(2.0, path="/Patient")``...


def status(
    code: int,
    body: str | None = None,
    *,
    retry_after: float | str | None = None,
    method: str | None = None,
    path: str | None = None,
) -> Fault:
    """Answer ``code`` with a text/plain body (default: its reason phrase)."""
    return Fault.http_status(code, body, retry_after=retry_after, method=method, path=path)


def delay(seconds: float, *, method: str | None = None, path: str | None = None) -> Fault:
    """Wait ``seconds``, then process and answer normally."""
    return Fault.delay(seconds, method=method, path=path)


def drop_before_store(*, method: str | None = None, path: str | None = None) -> Fault:
    """Close the connection without processing or answering."""
    return Fault.drop_before_store(method=method, path=path)


def drop_after_store(*, method: str | None = None, path: str | None = None) -> Fault:
    """Process (store) the request, then close the connection without answering."""
    return Fault.drop_after_store(method=method, path=path)


def expire_token(*, method: str | None = None, path: str | None = None) -> Fault:
    """Expire the request's token and answer 401 invalid-access-token."""
    return Fault.expire_token(method=method, path=path)
