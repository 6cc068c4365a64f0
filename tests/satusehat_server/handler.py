"""HTTP/1.1 plumbing of the imitation server: a threading server that tracks its
connections (so it can close them all when it stops) and the request handler that applies
latency and faults around ``ServerState.handle``."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.satusehat_server.faults import (
    BOMB_SIZE,
    HUGE_SIZE,
    Fault,
    gzip_bomb_body,
    huge_body_chunks,
)
from tests.satusehat_server.state import (
    ADMIN_PREFIX,
    INVALID_TOKEN_BODY,
    Reply,
    RequestRecord,
    ServerState,
)

IDLE_TIMEOUT_S = 60.0  # a keep-alive connection left idle this long is closed
MAX_BODY = 32 * 1024 * 1024


class TrackingHTTPServer(ThreadingHTTPServer):
    """One daemon thread per connection; ``close_connections`` ends them all."""

    daemon_threads = True
    # socketserver's default backlog is 5: a benchmark opening dozens of connections at once
    # would see SYN retries (1 s stalls) that SATUSEHAT would not cause.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        self.state = state
        self.closing = threading.Event()
        self._tracked_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._connection_threads: set[threading.Thread] = set()
        super().__init__(address, Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if self.closing.is_set():
            self.shutdown_request(request)
            return
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name="satusehat-fake-connection",
            daemon=True,
        )
        with self._tracked_lock:
            self._connections.add(request)
            self._connection_threads.add(thread)
        thread.start()

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._tracked_lock:
                self._connections.discard(request)
                self._connection_threads.discard(threading.current_thread())

    def close_connections(self, timeout_s: float = 5.0) -> None:
        """Shut every open connection down and wait for their threads."""
        with self._tracked_lock:
            connections = list(self._connections)
            threads = list(self._connection_threads)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout_s)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away: normal for timeouts and drops
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "satusehat-imitation/1.0"
    timeout = IDLE_TIMEOUT_S
    disable_nagle_algorithm = True  # headers and body leave in two writes: no 40 ms stalls
    server: TrackingHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the state keeps a request log

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    # --- plumbing ---------------------------------------------------------------------------

    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._write(Reply.text(411, "Length Required"))
            self.close_connection = True
            return None
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0 or length > MAX_BODY:
            self._write(Reply.text(413, "Payload Too Large"))
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _write(self, reply: Reply) -> None:
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
            self.wfile.flush()
        except OSError:  # the client gave up (read timeout) meanwhile
            self.close_connection = True

    def _stream(
        self, status: int, headers: list[tuple[str, str]], chunks: Any, every_s: float
    ) -> None:
        """Send ``chunks`` (bytes pieces), waiting ``every_s`` before each; stop quietly
        when the client goes away or the server stops."""
        try:
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.flush()
            for chunk in chunks:
                if not self._wait(every_s):
                    break
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            pass
        self.close_connection = True

    def _hostile(self, fault: Fault, reply: Reply | None) -> None:
        """The answers of the ``trickle``, ``gzip_bomb`` and ``huge_body`` faults."""
        if fault.kind == "trickle" and reply is not None:
            headers = [
                ("Content-Type", reply.content_type),
                ("Content-Length", str(len(reply.body))),
            ]
            pieces = (reply.body[i : i + 1] for i in range(len(reply.body)))
            self._stream(reply.status, [*headers, *reply.headers], pieces, fault.delay_s)
        elif fault.kind == "gzip_bomb":
            body = gzip_bomb_body(fault.size or BOMB_SIZE)
            headers = [
                ("Content-Type", "application/fhir+json"),
                ("Content-Encoding", "gzip"),
                ("Content-Length", str(len(body))),
            ]
            self._stream(200, headers, (body[i : i + 65536] for i in range(0, len(body), 65536)), 0)
        else:
            size = fault.size or HUGE_SIZE
            headers = [("Content-Type", "application/fhir+json"), ("Content-Length", str(size))]
            self._stream(200, headers, huge_body_chunks(size), 0)

    def _drop(self) -> None:
        """Close the connection without an answer."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _wait(self, seconds: float) -> bool:
        """Sleep unless the server is stopping; False when it is."""
        if seconds <= 0:
            return not self.server.closing.is_set()
        return not self.server.closing.wait(seconds)

    def _dispatch(self) -> None:
        state = self.server.state
        method = self.command
        path, _, query = self.path.partition("?")
        body = self._read_body()
        if body is None:
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        if path == ADMIN_PREFIX or path.startswith(f"{ADMIN_PREFIX}/"):
            self._write(state.admin(method, path, query, body))
            return
        fault = state.faults.take(method, path)
        fault_kind = fault.kind if fault else None
        if not self._wait(state.latency_s):
            state.log(RequestRecord(method, path, query, None, fault_kind))
            self._drop()
            return
        if fault is not None and fault.kind in ("trickle", "gzip_bomb", "huge_body"):
            reply = (
                state.handle(method, path, query, headers, body)
                if fault.kind == "trickle"
                else None
            )
            state.log(
                RequestRecord(method, path, query, reply.status if reply else 200, fault_kind)
            )
            self._hostile(fault, reply)
            return
        reply = self._faulted(
            fault, method=method, path=path, query=query, headers=headers, body=body
        )
        if reply is None or (fault is not None and fault.kind == "drop_after_store"):
            state.log(RequestRecord(method, path, query, None, fault_kind))
            self._drop()
            return
        # Logged before the answer goes out, so a client that has its answer sees the record.
        state.log(RequestRecord(method, path, query, reply.status, fault_kind))
        self._write(reply)

    def _faulted(
        self,
        fault: Fault | None,
        *,
        method: str,
        path: str,
        query: str,
        headers: dict[str, str],
        body: bytes,
    ) -> Reply | None:
        """The reply with ``fault`` applied; None to close without processing."""
        state = self.server.state
        if fault is None:
            return state.handle(method, path, query, headers, body)
        if fault.kind == "raw":
            extra = (("Location", fault.location),) if fault.location else ()
            raw_body = (fault.body or "").encode("utf-8")
            return Reply(fault.status or 500, raw_body, fault.content_type or "text/plain", extra)
        if fault.kind == "status":
            extra = (("Retry-After", fault.retry_after),) if fault.retry_after is not None else ()
            return Reply.text(fault.status or 500, fault.body or "", extra)
        if fault.kind == "delay":
            if not self._wait(fault.delay_s):
                return None
            return state.handle(method, path, query, headers, body)
        if fault.kind == "drop_before_store":
            return None
        if fault.kind == "expire_token":
            state.expire_presented_token(headers)
            return Reply.json(401, INVALID_TOKEN_BODY)
        # drop_after_store: process (and store) now; the caller drops the connection.
        return state.handle(method, path, query, headers, body)
