"""``SatusehatServer``: the imitation SATUSEHAT on a loopback port, in a background thread."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any, Self

from tests.satusehat_server.faults import Fault
from tests.satusehat_server.handler import TrackingHTTPServer
from tests.satusehat_server.state import (
    ADMIN_PREFIX,
    AUTH_PREFIX,
    FHIR_PREFIX,
    SATUSEHAT,
    RequestRecord,
    ServerState,
)


class SatusehatServer:
    """A real HTTP/1.1 server imitating SATUSEHAT's token endpoint and FHIR API.

    ``with SatusehatServer(...) as server:`` starts it on ``host``:``port`` (0: any free
    port); ``server.auth_url`` and ``server.base_url`` are what a client is configured with.
    State is in memory; see ``state.ServerState`` for the behaviour and ``faults`` for the
    fault kinds. ``flavour="satusehat"`` (default) answers as SATUSEHAT's sources describe
    (absolute locations with ``resourceID``, undocumented search parameters ignored, an
    unknown person as a 200 OperationOutcome); ``flavour="fhir"`` is a strict generic FHIR
    server (``state`` module docstring).
    """

    def __init__(
        self,
        *,
        organization_id: str = "10000004",
        client_id: str = "cid",
        client_secret: str = "secret",  # noqa: S107 - a test server's default
        token_lifetime_s: float = 3599,
        latency_s: float = 0.0,
        reject_duplicates: bool = True,
        flavour: str = SATUSEHAT,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.state = ServerState(
            flavour=flavour,
            organization_id=organization_id,
            client_id=client_id,
            client_secret=client_secret,
            token_lifetime_s=token_lifetime_s,
            reject_duplicates=reject_duplicates,
            latency_s=latency_s,
        )
        self._host = host
        self._port = port
        self._httpd: TrackingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> Self:
        if self._httpd is not None:
            raise RuntimeError("the server is already running")
        httpd = TrackingHTTPServer((self._host, self._port), self.state)
        self._httpd = httpd
        self.state.base_url = f"{self.url}{FHIR_PREFIX}"
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.01},  # stop() waits up to this long,
            name="satusehat-fake-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close every connection and join every thread."""
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        httpd.closing.set()
        httpd.shutdown()
        httpd.close_connections()
        httpd.server_close()
        if thread is not None:
            thread.join(5.0)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- addresses --------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the server is not running")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    @property
    def auth_url(self) -> str:
        """``http://127.0.0.1:PORT/oauth2/v1`` (the token is at ``/accesstoken`` below it)."""
        return f"{self.url}{AUTH_PREFIX}"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/fhir-r4/v1``."""
        return f"{self.url}{FHIR_PREFIX}"

    @property
    def admin_url(self) -> str:
        return f"{self.url}{ADMIN_PREFIX}"

    # --- settings ---------------------------------------------------------------------------

    @property
    def latency_s(self) -> float:
        return self.state.latency_s

    @latency_s.setter
    def latency_s(self, value: float) -> None:
        self.state.latency_s = value

    @property
    def flavour(self) -> str:
        return self.state.flavour

    @flavour.setter
    def flavour(self, value: str) -> None:
        self.state.flavour = self.state.answer_shape = value

    @property
    def reject_duplicates(self) -> bool:
        return self.state.reject_duplicates

    @reject_duplicates.setter
    def reject_duplicates(self, value: bool) -> None:
        self.state.reject_duplicates = value

    # --- setup ------------------------------------------------------------------------------

    def add_client(self, client_id: str, client_secret: str, organization_id: str) -> None:
        self.state.add_client(client_id, client_secret, organization_id)

    def register_patient(self, nik: str, ihs: str) -> dict[str, Any]:
        return self.state.register_patient(nik, ihs)

    def register_practitioner(self, nik: str, ihs: str) -> dict[str, Any]:
        return self.state.register_practitioner(nik, ihs)

    def add_resource(self, resource: dict[str, Any]) -> dict[str, Any]:
        """Store ``resource`` as it is, with its own id (what another system wrote)."""
        return self.state._put(resource)

    def add_fault(self, fault: Fault, times: int = 1) -> None:
        """Queue ``fault`` for the next ``times`` matching requests."""
        self.state.faults.add(fault, times)

    def clear_faults(self) -> None:
        self.state.faults.clear()

    def pending_faults(self) -> list[Fault]:
        return self.state.faults.pending()

    def expire_tokens(self) -> int:
        """Expire every token issued so far (the next FHIR call gets a 401)."""
        return self.state.expire_tokens()

    def advance_clock(self, seconds: float) -> None:
        """Move the server's clock forward (token expiry, "future" checks)."""
        self.state.advance_clock(seconds)

    def reset(self) -> None:
        self.state.reset()

    # --- inspection -------------------------------------------------------------------------

    def resources(self, resource_type: str | None = None) -> list[dict[str, Any]]:
        return self.state.resources(resource_type)

    def find(self, resource_type: str, system: str, value: str) -> list[dict[str, Any]]:
        return self.state.find(resource_type, system, value)

    def count_by_identifier(self, system: str, value: str) -> int:
        return self.state.count_by_identifier(system, value)

    def versions(self, resource_type: str, rid: str) -> list[dict[str, Any]]:
        """Every version of one resource, oldest first (PUT keeps the earlier ones)."""
        return self.state.versions(resource_type, rid)

    @property
    def requests(self) -> list[RequestRecord]:
        """Every non-admin request: method, path, query, status (None = dropped), fault."""
        return self.state.requests_copy()

    @property
    def token_requests(self) -> int:
        """Calls to the token endpoint (accepted or not)."""
        return self.state.token_requests

    @property
    def tokens_issued(self) -> int:
        return self.state.tokens_issued

    def stats(self) -> dict[str, Any]:
        return self.state.stats()
