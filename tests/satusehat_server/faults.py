"""One-shot faults a test queues on the imitation server.

Each fault applies to the next request that matches its optional ``method`` and ``path``
filters (``path`` is a substring of the request path, query excluded, e.g. ``"/Observation"``
or ``"/accesstoken"``), then it is used up. Faults are taken in the order queued; admin
requests (``/_admin/...``) never take one. The queue is thread-safe.

Kinds:

* ``status``: answer ``status`` with a ``text/plain`` body (SATUSEHAT's 5xx are plain text,
  docs/reference/satusehat.md 1.2), optionally with ``Retry-After``; nothing is processed.
* ``delay``: wait ``delay_s`` seconds, then process and answer normally (a slow answer).
* ``drop_before_store``: close the connection without processing or answering.
* ``drop_after_store``: process (and store) the request, then close the connection without
  answering: the client cannot know whether it worked.
* ``expire_token``: expire the token the request carries and answer 401
  ``invalid-access-token``.

Hostile answers (issue 10 item 7: a client must stay bounded in time and memory):

* ``trickle``: process (and store) the request, then send the real answer one byte every
  ``delay_s`` seconds: never idle long enough for a per-read timeout, endless in practice.
* ``gzip_bomb``: answer 200 ``Content-Encoding: gzip`` whose body inflates to ``size`` bytes
  of zeros (default 300 MB from about 300 KB); nothing is processed.
* ``huge_body``: answer 200 ``application/fhir+json`` with a ``size``-byte body (default
  50 MB: blanks, then ``{}``), streamed in 1 MiB writes; nothing is processed.
* ``raw``: answer exactly ``status`` with ``content_type``, ``body`` and, when given, a
  ``Location`` header, nothing processed: what a proxy or a misbehaving gateway in front of
  SATUSEHAT may send (an HTML 502 page, a 200 that is not JSON, a 401/403/404 without an
  OperationOutcome, a redirect to another host, a token answer without ``expires_in``;
  issue 14's hostile-server list). These imitate what sits in front of SATUSEHAT, not
  SATUSEHAT itself: the HTML 502 is nginx's own error page (``ngx_http_error_502_page`` in
  nginx's src/http/ngx_http_special_response.c); SATUSEHAT's own 5xx are plain text
  (docs/reference/satusehat.md 1.2, the ``status`` kind above).
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

KINDS = frozenset(
    {
        "status",
        "delay",
        "drop_before_store",
        "drop_after_store",
        "expire_token",
        "trickle",
        "gzip_bomb",
        "huge_body",
        "raw",
    }
)
BOMB_SIZE = 300 * 1000 * 1000
HUGE_SIZE = 50 * 1000 * 1000
_CHUNK = 1 << 20
_bombs: dict[int, bytes] = {}
_bombs_lock = threading.Lock()


def gzip_bomb_body(size: int) -> bytes:
    """gzip of ``size`` zero bytes, built 1 MiB at a time and kept for the next test."""
    with _bombs_lock:
        if size not in _bombs:
            packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
            zeros = bytes(_CHUNK)
            parts = [packer.compress(zeros) for _ in range(size // _CHUNK)]
            parts.append(packer.compress(bytes(size % _CHUNK)))
            parts.append(packer.flush())
            _bombs[size] = b"".join(parts)
        return _bombs[size]


def huge_body_chunks(size: int) -> Iterator[bytes]:
    """``size`` bytes of valid JSON (blanks, then ``{}``) in 1 MiB pieces."""
    blanks = size - 2
    while blanks > 0:
        step = min(blanks, _CHUNK)
        yield b" " * step
        blanks -= step
    yield b"{}"


@dataclass(frozen=True)
class Fault:
    kind: str
    status: int | None = None
    body: str | None = None
    retry_after: str | None = None
    delay_s: float = 0.0
    method: str | None = None
    path: str | None = None
    size: int | None = None
    content_type: str | None = None
    location: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {sorted(KINDS)}")
        if self.kind in ("status", "raw") and (
            self.status is None or not 100 <= self.status <= 599
        ):
            raise ValueError(f"a {self.kind} fault needs an HTTP status")
        if self.delay_s < 0:
            raise ValueError("delay_s must not be negative")
        if self.size is not None and self.size < 2:
            raise ValueError("size must be at least 2 bytes")

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

    @classmethod
    def trickle(
        cls, every_s: float = 2.0, *, method: str | None = None, path: str | None = None
    ) -> Fault:
        return cls("trickle", delay_s=every_s, method=method, path=path)

    @classmethod
    def gzip_bomb(
        cls, size: int = BOMB_SIZE, *, method: str | None = None, path: str | None = None
    ) -> Fault:
        return cls("gzip_bomb", size=size, method=method, path=path)

    @classmethod
    def huge_body(
        cls, size: int = HUGE_SIZE, *, method: str | None = None, path: str | None = None
    ) -> Fault:
        return cls("huge_body", size=size, method=method, path=path)

    @classmethod
    def raw(
        cls,
        status: int,
        body: str,
        content_type: str,
        *,
        location: str | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> Fault:
        return cls(
            "raw",
            status=status,
            body=body,
            content_type=content_type,
            location=location,
            method=method,
            path=path,
        )

    # --- JSON (admin endpoint) --------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_json(cls, data: Any) -> Fault:
        if not isinstance(data, dict):
            raise ValueError("a fault is a JSON object")
        known = {
            "kind",
            "status",
            "body",
            "retry_after",
            "delay_s",
            "method",
            "path",
            "size",
            "content_type",
            "location",
        }
        unknown = set(data) - known
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
        if data.get("kind") == "raw":
            return cls.raw(
                int(data["status"]),
                str(data.get("body", "")),
                str(data.get("content_type", "text/plain")),
                location=data.get("location"),
                method=data.get("method"),
                path=data.get("path"),
            )
        size = data.get("size")
        return cls(
            str(data.get("kind")),
            delay_s=float(data.get("delay_s", 0.0)),
            method=data.get("method"),
            path=data.get("path"),
            size=None if size is None else int(size),
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


def trickle(every_s: float = 2.0, *, method: str | None = None, path: str | None = None) -> Fault:
    """Process the request, then send the answer one byte every ``every_s`` seconds."""
    return Fault.trickle(every_s, method=method, path=path)


def gzip_bomb(
    size: int = BOMB_SIZE, *, method: str | None = None, path: str | None = None
) -> Fault:
    """Answer with a gzip body that inflates to ``size`` zero bytes."""
    return Fault.gzip_bomb(size, method=method, path=path)


def huge_body(
    size: int = HUGE_SIZE, *, method: str | None = None, path: str | None = None
) -> Fault:
    """Answer with a ``size``-byte JSON body."""
    return Fault.huge_body(size, method=method, path=path)


def raw(
    status: int,
    body: str,
    content_type: str,
    *,
    location: str | None = None,
    method: str | None = None,
    path: str | None = None,
) -> Fault:
    return Fault.raw(status, body, content_type, location=location, method=method, path=path)
