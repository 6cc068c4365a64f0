"""SATUSEHAT FHIR R4 client over httpx: token, lookups, create, update and transaction.

Sources: ``docs/reference/satusehat.md`` sections 1.2 (token, 401
``invalid-access-token``, 5xx as text/plain, retries on 408/429/5xx honouring
``Retry-After``), 1.3 (OperationOutcome with ``RuleNumber``), 1.4 (Patient and Practitioner by
NIK; the IHS number is the resource id), 2.3 (transaction Bundle posted to the base URL, 20002
duplicates) and 7 (re-authenticate once on a 401, other 4xx to a person).

Behaviour:

* One token, cached until 60 s before ``expires_in`` on the injected clock
  (``fhir_export.oauth``); callers running at the same time share one fetch.
* A 401 whose OperationOutcome has code ``invalid-access-token`` drops the token,
  re-authenticates once and repeats the request once; a second such 401 in the same call is an
  ``AuthenticationError`` (the base URL and the token endpoint are probably different
  environments), never a loop.
* Timeouts, connection errors (a connection closed with no reply too), 408, 429 and 5xx are
  retried up to ``max_attempts`` with full-jitter exponential backoff, or after the server's
  ``Retry-After`` (capped); then ``TransientError``.
* Except one case: a create or transaction that was sent and got no answer at all (read
  timeout, connection closed without a reply) is not repeated, because the server may have
  stored it. It ends at once as ``TransientError`` with ``maybe_processed=True``, and the
  caller looks the resources up (``find_encounter``, ``find_observations``) before sending again.
  SATUSEHAT would turn a blind repeat into a 20002 duplicate, but a server without that rule
  would keep a second copy, and whether every SATUSEHAT resource deduplicates is not
  documented. ``ClientConfig.retry_ambiguous_posts=True`` repeats them anyway (then a
  repeat ends as ``DuplicateResourceError`` on SATUSEHAT). Failures before the request left
  (connection refused, connect or pool timeout) and 5xx answers are always retried: a 5xx
  is the server saying it did not do it.
* 401 (after the one re-authentication), 403 (SATUSEHAT or its API gateway refusing access)
  and 404 (no such endpoint at the configured base URL): ``ConfigurationError``
  (``AuthenticationError`` for 401) naming the settings to check. The station is
  misconfigured, the data is not at fault: the outbox keeps such entries ``failed`` with
  backoff, never dead.
* Other 4xx: ``RejectedError`` (``DuplicateResourceError`` for 20002) with the parsed issues;
  never retried.
* Bounded: every attempt (connect, send, and reading the whole body) ends within
  ``request_deadline_s`` whatever the server does (a server trickling one byte every few
  seconds never trips httpx's per-read timeout); a deadline is handled like a read timeout.
  The body is read as a stream and refused past ``max_response_bytes`` after decompression
  (``fhir_export.bounded_http``): ``ResponseTooLargeError``.
* Only ``https://`` URLs, except on a loopback host (tests, a local proxy): credentials and
  NIKs never cross a network in clear text.
* Logs name the operation, status and attempt, never the URL query (it holds NIKs), the
  token, the secret or a name. httpx logs every request URL at INFO (a Patient search URL
  carries the NIK): its loggers are set to WARNING and mask any 16-digit run
  (``fhir_export.log_privacy``).
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self
from urllib.parse import urljoin

import httpx

from fhir_export.bounded_http import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    UnsupportedEncoding,
    read_bounded,
)
from fhir_export.log_privacy import quiet_http_libraries
from fhir_export.mapping import NIK_SYSTEM
from fhir_export.masking import mask_nik
from fhir_export.oauth import GRANT_TYPE, AccessToken, parse_token_response, token_url
from fhir_export.operation_outcome import (
    OutcomeIssue,
    has_invalid_access_token,
    one_line,
    parse_operation_outcome,
    summarize,
)
from fhir_export.retry_policy import is_transient_status, parse_retry_after, retry_delay
from fhir_export.satusehat_errors import (
    AuthenticationError,
    ConfigurationError,
    DuplicateResourceError,
    ProtocolError,
    RejectedError,
    ResourceNotFoundError,
    ResponseTooLargeError,
    SatusehatError,
    TransientError,
    is_misconfiguration,
    misconfiguration,
    rejection,
)
from fhir_export.search_match import (
    UntrustedSearchError,
    check_all_carry_identifier,
    check_all_refer_to,
    refers_to,
    single_match,
)
from fhir_export.sniffio_probe import remember_missing_sniffio

__all__ = [
    "IHS_NUMBER_SYSTEM",
    "NAKES_IHS_SYSTEM",
    "NIK_SYSTEM",
    "AuthenticationError",
    "ClientConfig",
    "ConfigurationError",
    "DuplicateResourceError",
    "OutcomeIssue",
    "ProtocolError",
    "RejectedError",
    "ResourceNotFoundError",
    "ResponseTooLargeError",
    "SatusehatClient",
    "SatusehatError",
    "TransientError",
    "UntrustedSearchError",
    "mask_nik",
]

logger = logging.getLogger(__name__)
remember_missing_sniffio()  # httpcore's per-request probe, without a sys.path search

# Identifier systems of the IHS numbers (docs/reference/satusehat.md 1.4).
IHS_NUMBER_SYSTEM = "https://fhir.kemkes.go.id/id/ihs-number"  # Patient
NAKES_IHS_SYSTEM = "https://fhir.kemkes.go.id/id/nakes-his-number"  # Practitioner
_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]{1,63}")
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")  # http://hl7.org/fhir/R4/datatypes.html#id
# The largest answer accepted, after decompression. SATUSEHAT's answers to this client are a
# search page or a visit's transaction-response: tens of kilobytes. 2 MiB leaves room and
# keeps a hostile answer (a 50 MB body, a gzip bomb) from taking the station's memory.
DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024
DEFAULT_REQUEST_DEADLINE_S = 60.0
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})
_HOP_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})

quiet_http_libraries()


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``: traffic that never leaves the machine."""
    name = host.strip("[]").lower().rstrip(".")
    if name in _LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_satusehat_url(name: str, url: str) -> None:
    """``ValueError`` unless ``url`` is https://, or http:// to a loopback host."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise ValueError(f"{name} is not a URL ({exc})") from None
    if parsed.scheme == "https" and parsed.host:
        return
    if parsed.scheme == "http" and parsed.host:
        if is_loopback_host(parsed.host):
            return
        raise ValueError(
            f"{name} must use https:// ({url!r} would send the credentials and NIKs in clear "
            "text; http:// is accepted only for a loopback host such as 127.0.0.1)"
        )
    raise ValueError(f"{name} must be an https:// URL, got {url!r}")


# Pages of one search followed at most: the person's Encounters from every facility, or one
# Encounter's Observations, fit well within this at any usual page size.
MAX_SEARCH_PAGES = 20
# OperationOutcome issue codes (http://hl7.org/fhir/R4/valueset-issue-type.html) that mean a
# search was not done, as opposed to "nothing found".
_SEARCH_FAILED_CODES = frozenset(
    {
        "exception",
        "transient",
        "timeout",
        "throttled",
        "lock-error",
        "security",
        "login",
        "expired",
        "forbidden",
        "suppressed",
        "too-costly",
        "incomplete",
        "invalid-access-token",
    }
)


@dataclass(frozen=True)
class ClientConfig:
    """Where SATUSEHAT is and how patient to be with it.

    ``auth_url`` ends before ``/accesstoken`` (``.../oauth2/v1``); ``base_url`` is the FHIR
    base (``.../fhir-r4/v1``). ``max_attempts`` counts every try of one request (1 = no
    retry). The secret is kept out of ``repr``.
    """

    auth_url: str
    base_url: str
    client_id: str
    client_secret: str = field(repr=False)
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0
    max_attempts: int = 5
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 60.0
    retry_after_cap_s: float = 300.0
    retry_ambiguous_posts: bool = False
    request_deadline_s: float = DEFAULT_REQUEST_DEADLINE_S
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        for name in ("auth_url", "base_url"):
            check_satusehat_url(name, getattr(self, name))
        if not self.client_id or not self.client_secret:
            raise ValueError("client_id and client_secret must not be empty")
        if self.connect_timeout_s <= 0 or self.read_timeout_s <= 0 or self.request_deadline_s <= 0:
            raise ValueError("timeouts must be positive")
        if self.max_response_bytes < 1024:
            raise ValueError(
                f"max_response_bytes must be at least 1024, got {self.max_response_bytes}"
            )
        if self.max_attempts < 1:
            raise ValueError(f"max_attempts must be at least 1, got {self.max_attempts}")
        if min(self.backoff_base_s, self.backoff_cap_s, self.retry_after_cap_s) < 0:
            raise ValueError("backoff and Retry-After limits must not be negative")


@dataclass(frozen=True)
class _Reply:
    response: httpx.Response
    token: str | None
    sent_at: float


def _snippet(response: httpx.Response, limit: int = 120) -> str:
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError):
        return ""
    return one_line(text, limit)


def _decode(response: httpx.Response) -> Any:
    """The JSON body, or raise ValueError/RecursionError."""
    return json.loads(response.content)


def _maybe_json(response: httpx.Response) -> Any:
    try:
        return _decode(response)
    except (ValueError, RecursionError):
        return None


def _describe(exc: Exception) -> str:
    detail = one_line(str(exc), 160)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _never_sent(exc: httpx.TransportError) -> bool:
    """True when the request cannot have reached the server."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def _check_resource_type(resource_type: Any) -> str:
    if not isinstance(resource_type, str) or not _RESOURCE_TYPE.fullmatch(resource_type):
        raise ValueError(f"not a FHIR resource type: {resource_type!r}")
    return resource_type


class SatusehatClient:
    """An async SATUSEHAT client; use ``async with`` or call ``aclose()``.

    ``transport``, ``sleep``, ``clock`` and ``rng`` are there for tests: an httpx transport,
    the coroutine used to wait between attempts, a monotonic clock in seconds (token expiry)
    and the random source of the backoff jitter.
    """

    def __init__(
        self,
        config: ClientConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ) -> None:
        self._config = config
        self._sleep = sleep
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()  # noqa: S311 - jitter, not a secret
        self._base = config.base_url.rstrip("/")
        self._token_url = token_url(config.auth_url)
        self._token: AccessToken | None = None
        self._token_lock = asyncio.Lock()
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(config.read_timeout_s, connect=config.connect_timeout_s),
            headers={"Accept": "application/json", "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections; the client cannot be used afterwards."""
        await self._http.aclose()

    # --- public API -------------------------------------------------------------------------

    async def find_patient_ihs(self, nik: str) -> str | None:
        """The Patient IHS number (``Patient.id``) for a NIK, or None when SATUSEHAT has none
        (an empty searchset, or a 200 OperationOutcome: ``_search_page``)."""
        patients = await self.search_by_identifier("Patient", NIK_SYSTEM, nik)
        return self._ihs_number(patients, IHS_NUMBER_SYSTEM, "Patient", nik)

    async def find_practitioner_ihs(self, nik: str) -> str | None:
        """The Practitioner IHS number for a health worker's NIK, or None."""
        practitioners = await self.search_by_identifier("Practitioner", NIK_SYSTEM, nik)
        return self._ihs_number(practitioners, NAKES_IHS_SYSTEM, "Practitioner", nik)

    async def search_by_identifier(
        self, resource_type: str, system: str, value: str
    ) -> list[dict[str, Any]]:
        """``GET /{type}?identifier=system|value``: the matching resources (maybe none).

        Every resource in the answer must carry exactly ``system|value``; one that does not
        means the server ignored the parameter (SATUSEHAT documents ``identifier`` search for
        Patient and Practitioner only), and the answer is an ``UntrustedSearchError``.
        """
        kind = _check_resource_type(resource_type)
        found = await self.search(kind, {"identifier": f"{system}|{value}"})
        check_all_carry_identifier(found, system, value, f"{kind} search")
        return found

    async def search(
        self,
        resource_type: str,
        params: Mapping[str, str],
        *,
        max_pages: int = MAX_SEARCH_PAGES,
    ) -> list[dict[str, Any]]:
        """``GET /{type}?params`` and its ``next`` pages (at most ``max_pages``): every resource
        of that type in the answer, as the server sent it (check it before believing it,
        ``fhir_export.search_match``).

        A ``next`` link is followed only on this client's base URL (the token goes with it);
        more pages than ``max_pages`` is an ``UntrustedSearchError``: an answer not read to its
        end cannot tell that something is absent.
        """
        kind = _check_resource_type(resource_type)
        what = f"{kind} search"
        url: str = f"{self._base}/{kind}"
        query: Mapping[str, str] | None = params
        found: list[dict[str, Any]] = []
        seen: set[str] = set()
        for _page in range(max_pages):
            body = await self._fhir("GET", url, what=what, params=query)
            resources, next_url = _search_page(body, kind)
            found.extend(resources)
            if next_url is None:
                return found
            url, query = self._own_page(next_url, what), None
            if url in seen:
                raise ProtocolError(f"{what}: the next link goes back to a page already read")
            seen.add(url)
        raise UntrustedSearchError(
            f"{what}: the answer has more than {max_pages} pages; not read to its end, it "
            "cannot show that a resource is absent"
        )

    async def find_encounter(self, patient_ihs: str, system: str, value: str) -> str | None:
        """The server id of the person's Encounter carrying ``system|value``, or None.

        Searched by ``subject=Patient/{ihs}`` (what SATUSEHAT documents for Encounter) and
        matched by identifier here; every Encounter in the answer must be the person's, and
        at most one may carry the identifier (``UntrustedSearchError`` otherwise).
        """
        what = "Encounter search"
        found = await self.search("Encounter", {"subject": f"Patient/{patient_ihs}"})
        check_all_refer_to(found, "subject", "Patient", patient_ihs, what)
        match = single_match(found, system, value, what)
        return str(match["id"]) if match is not None else None

    async def find_observations(
        self, encounter_id: str, patient_ihs: str, system: str, values: Collection[str]
    ) -> dict[str, str]:
        """``{identifier value: server id}`` of the Encounter's Observations that carry one of
        ``values`` (under ``system``); the ones not there are left out.

        Searched by ``encounter=Encounter/{id}`` (documented for Observation) and matched by
        identifier here; every Observation in the answer must be in that Encounter, and a
        match must also be the person's (``subject``), else ``UntrustedSearchError``.
        """
        what = "Observation search"
        found = await self.search("Observation", {"encounter": f"Encounter/{encounter_id}"})
        check_all_refer_to(found, "encounter", "Encounter", encounter_id, what)
        result: dict[str, str] = {}
        for value in values:
            match = single_match(found, system, value, what)
            if match is None:
                continue
            if not refers_to(match, "subject", "Patient", patient_ihs):
                raise UntrustedSearchError(
                    f"{what}: Observation {match['id']} carries this reading's identifier but "
                    "another subject; a person must look"
                )
            result[value] = str(match["id"])
        return result

    async def create(self, resource: dict[str, Any]) -> dict[str, Any]:
        """``POST /{resourceType}``; the created resource as stored (with its ``id``)."""
        kind = _check_resource_type(resource.get("resourceType"))
        body = await self._fhir(
            "POST",
            f"{self._base}/{kind}",
            what=f"POST {kind}",
            json_body=resource,
            idempotent=False,
        )
        if not isinstance(body, dict) or body.get("resourceType") != kind:
            raise ProtocolError(f"POST {kind}: the reply is not a {kind} resource")
        created_id = body.get("id")
        if not isinstance(created_id, str) or not created_id:
            raise ProtocolError(f"POST {kind}: the created {kind} has no id")
        return body

    async def update(self, resource: dict[str, Any]) -> dict[str, Any]:
        """``PUT /{resourceType}/{id}`` with the id in the body (docs/reference/satusehat.md
        2.3, "Updates"); the new version as stored (the same ``id``).

        A PUT is idempotent (the same body twice leaves the same content, RFC 9110 9.2.2), so
        an attempt with no answer is repeated like a read. A 404 with an OperationOutcome
        ``not-found`` means the server holds no such resource: ``ResourceNotFoundError``; a
        404 without one is the base URL's fault, as for every other call.
        """
        kind = _check_resource_type(resource.get("resourceType"))
        rid = resource.get("id")
        if not isinstance(rid, str) or not _FHIR_ID.fullmatch(rid):
            raise ValueError(f"update() needs the resource's server id, got {rid!r}")
        what = f"PUT {kind}/{rid}"
        body = await self._fhir(
            "PUT", f"{self._base}/{kind}/{rid}", what=what, json_body=resource, updating=True
        )
        if not isinstance(body, dict) or body.get("resourceType") != kind:
            raise ProtocolError(f"{what}: the reply is not a {kind} resource")
        if body.get("id") != rid:
            raise ProtocolError(f"{what}: the reply is {kind} {body.get('id')!r}, not {rid}")
        return body

    async def transaction(self, bundle: dict[str, Any]) -> dict[str, Any]:
        """``POST /`` (the base URL) with a transaction Bundle; the transaction-response."""
        if bundle.get("resourceType") != "Bundle" or bundle.get("type") != "transaction":
            raise ValueError("transaction() needs a Bundle of type 'transaction'")
        body = await self._fhir(
            "POST", self._base, what="transaction", json_body=bundle, idempotent=False
        )
        if (
            not isinstance(body, dict)
            or body.get("resourceType") != "Bundle"
            or body.get("type") != "transaction-response"
        ):
            raise ProtocolError("transaction: the reply is not a transaction-response Bundle")
        entries = body.get("entry", [])
        if not isinstance(entries, list) or not all(
            isinstance(entry, dict)
            and isinstance(entry.get("response"), dict)
            and isinstance(entry["response"].get("status"), str)
            for entry in entries
        ):
            raise ProtocolError("transaction: a response entry has no response.status")
        return body

    # --- token ------------------------------------------------------------------------------

    async def _access_token(self) -> str:
        token = self._token
        if token is not None and token.is_fresh(self._clock()):
            return token.value
        async with self._token_lock:
            token = self._token  # another caller may have fetched one while we waited
            if token is not None and token.is_fresh(self._clock()):
                return token.value
            self._token = None
            token = await self._fetch_token()
            self._token = token
            return token.value

    def _forget_token(self, value: str) -> None:
        if self._token is not None and self._token.value == value:
            self._token = None

    async def _fetch_token(self) -> AccessToken:
        reply = await self._send(
            "POST",
            self._token_url,
            what="access token",
            params={"grant_type": GRANT_TYPE},
            form={"client_id": self._config.client_id, "client_secret": self._config.client_secret},
            authenticate=False,
        )
        response = reply.response
        status = response.status_code
        if 200 <= status < 300:
            try:
                body = _decode(response)
            except (ValueError, RecursionError):
                raise ProtocolError("token reply is not JSON") from None
            token = parse_token_response(body, obtained_at=reply.sent_at)
            logger.info("SATUSEHAT access token obtained, valid %.0f s", token.expires_in_s)
            return token
        if status in (403, 404):
            raise misconfiguration(
                status, _maybe_json(response), "the access token", _snippet(response)
            )
        if 400 <= status < 500:
            issues = parse_operation_outcome(_maybe_json(response))
            detail = summarize(issues) if issues else _snippet(response) or "no details"
            raise AuthenticationError(
                f"SATUSEHAT token endpoint refused the credentials (HTTP {status}): {detail}; "
                "check SATUSEHAT_CLIENT_ID and SATUSEHAT_CLIENT_SECRET",
                status=status,
                issues=issues,
            )
        raise ProtocolError(f"access token: unexpected HTTP {status}")

    # --- requests ---------------------------------------------------------------------------

    async def _fhir(
        self,
        method: str,
        url: str,
        *,
        what: str,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        idempotent: bool = True,
        updating: bool = False,
    ) -> Any:
        """One FHIR call with the token, one re-authentication and transient retries; the
        decoded JSON of a 2xx reply. ``updating``: a 404 ``not-found`` OperationOutcome is
        about the resource named (``ResourceNotFoundError``), not the base URL."""
        reauthenticated = False
        while True:
            reply = await self._send(
                method,
                url,
                what=what,
                params=params,
                json_body=json_body,
                idempotent=idempotent,
            )
            response = reply.response
            status = response.status_code
            if 200 <= status < 300:
                try:
                    return _decode(response)
                except (ValueError, RecursionError):
                    raise ProtocolError(
                        f"{what}: HTTP {status} reply is not JSON ({_snippet(response, 60)!r})"
                    ) from None
            body = _maybe_json(response)
            issues = parse_operation_outcome(body)
            if status == 401 and has_invalid_access_token(issues):
                if reply.token is not None:
                    self._forget_token(reply.token)
                if reauthenticated:
                    raise AuthenticationError(
                        f"SATUSEHAT refused a freshly issued access token for {what} (HTTP 401 "
                        "invalid-access-token twice): check that the token URL and the FHIR "
                        "base URL are the same environment",
                        status=status,
                        issues=issues,
                    )
                reauthenticated = True
                logger.info("SATUSEHAT %s: access token refused; re-authenticating once", what)
                continue
            if updating and status == 404 and any(i.code == "not-found" for i in issues):
                raise ResourceNotFoundError(
                    f"SATUSEHAT has no {what.partition(' ')[2]} to update (HTTP 404): "
                    f"{summarize(issues)}; the id recorded for it is wrong, a person must look",
                    status=status,
                    outcome=body if isinstance(body, dict) else None,
                    issues=issues,
                )
            if is_misconfiguration(status):
                raise misconfiguration(status, body, what, _snippet(response, 200))
            if 400 <= status < 500:
                raise rejection(status, body, what, _snippet(response, 200))
            raise ProtocolError(f"{what}: unexpected HTTP {status}")

    async def _send(
        self,
        method: str,
        url: str,
        *,
        what: str,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        form: Mapping[str, str] | None = None,
        authenticate: bool = True,
        idempotent: bool = True,
    ) -> _Reply:
        """Send until a reply that is not worth retrying arrives (returned, whatever its
        status) or the attempts run out (``TransientError``).

        ``idempotent=False`` (creates): a failure after the request may have reached the
        server is not repeated unless ``retry_ambiguous_posts`` (see the module docstring).
        """
        config = self._config
        attempt = 0
        while True:
            attempt += 1
            token = await self._access_token() if authenticate else None
            headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
            sent_at = self._clock()
            status: int | None = None
            retry_after: float | None = None
            try:
                async with asyncio.timeout(config.request_deadline_s):
                    response = await self._exchange(
                        what,
                        method,
                        url,
                        params=params,
                        json_body=json_body,
                        data=form,
                        headers=headers,
                    )
            except TimeoutError as exc:  # the attempt's overall deadline (see module docstring)
                reason = f"no complete answer within {config.request_deadline_s:g} s"
                if not (idempotent or config.retry_ambiguous_posts):
                    raise TransientError(
                        f"SATUSEHAT {what}: {reason}; the request may have been processed: "
                        "look it up by identifier before sending it again",
                        maybe_processed=True,
                    ) from exc
            except (httpx.UnsupportedProtocol, httpx.LocalProtocolError) as exc:
                raise SatusehatError(f"{what}: cannot send the request ({_describe(exc)})") from exc
            except httpx.TransportError as exc:  # timeouts, refused, reset, closed without reply
                reason = _describe(exc)
                if not (idempotent or config.retry_ambiguous_posts or _never_sent(exc)):
                    raise TransientError(
                        f"SATUSEHAT {what}: {reason}; no answer, and the request may have been "
                        "processed: look it up by identifier before sending it again",
                        maybe_processed=True,
                    ) from exc
            except httpx.DecodingError as exc:
                raise ProtocolError(f"{what}: undecodable reply ({_describe(exc)})") from exc
            else:
                if not is_transient_status(response.status_code):
                    return _Reply(response, token, sent_at)
                status = response.status_code
                retry_after = parse_retry_after(
                    response.headers.get("Retry-After"), now=datetime.now(UTC)
                )
                body = _snippet(response, 80)
                reason = f"HTTP {status}" + (f" {body!r}" if body else "")
            if attempt >= config.max_attempts:
                raise TransientError(
                    f"SATUSEHAT {what} failed after {attempt} attempt(s): {reason}",
                    status=status,
                    retry_after_s=retry_after,
                )
            delay = retry_delay(
                attempt,
                retry_after,
                base_s=config.backoff_base_s,
                cap_s=config.backoff_cap_s,
                retry_after_cap_s=config.retry_after_cap_s,
                rng=self._rng,
            )
            logger.warning(
                "SATUSEHAT %s: %s (attempt %d of %d); retrying in %.2f s",
                what,
                reason,
                attempt,
                config.max_attempts,
                delay,
            )
            await self._sleep(delay)

    async def _exchange(
        self,
        what: str,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None,
        json_body: Any,
        data: Mapping[str, str] | None,
        headers: Mapping[str, str],
    ) -> httpx.Response:
        """One request; the answer with its whole body read (at most ``max_response_bytes``
        after decompression) and the connection given back."""
        request = self._http.build_request(
            method, url, params=params, json=json_body, data=data, headers=headers
        )
        response = await self._http.send(request, stream=True)
        limit = self._config.max_response_bytes
        try:
            if response.is_stream_consumed:  # a test transport that answered from memory
                body = response.content
                if len(body) > limit:
                    raise BodyTooLarge(limit)
            else:
                body = await read_bounded(
                    response.aiter_raw(), response.headers.get("Content-Encoding", ""), limit
                )
        except BodyTooLarge:
            raise ResponseTooLargeError(
                f"SATUSEHAT {what}: HTTP {response.status_code} answer larger than "
                f"{limit // 1024} KiB (after decompression); stopped reading and not accepted"
            ) from None
        except UnsupportedEncoding as exc:
            raise ProtocolError(f"SATUSEHAT {what}: undecodable answer ({exc})") from None
        finally:
            await response.aclose()
        kept = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _HOP_HEADERS]
        return httpx.Response(response.status_code, headers=kept, content=body, request=request)

    def _own_page(self, link: str, what: str) -> str:
        """A ``next`` link as an absolute URL on this client's base URL, or ProtocolError."""
        url = urljoin(f"{self._base}/", link)
        if not (url.startswith(f"{self._base}/") or url.startswith(f"{self._base}?")):
            raise ProtocolError(f"{what}: the next page link leaves the SATUSEHAT base URL")
        return url

    @staticmethod
    def _ihs_number(
        resources: list[dict[str, Any]], system: str, kind: str, nik: str
    ) -> str | None:
        resource = single_match(resources, NIK_SYSTEM, nik, f"{kind} search")
        if resource is None:
            return None
        ihs = resource.get("id")
        if isinstance(ihs, str) and ihs:
            return ihs
        for identifier in resource.get("identifier") or []:
            if isinstance(identifier, dict) and identifier.get("system") == system:
                value = identifier.get("value")
                if isinstance(value, str) and value:
                    return value
        raise ProtocolError(f"{kind} search: the {kind} found has neither an id nor an IHS number")


def _search_page(body: Any, kind: str) -> tuple[list[dict[str, Any]], str | None]:
    """The resources of ``kind`` in one searchset page and its ``next`` link, if any.

    A 200 OperationOutcome instead of a Bundle means nothing was found: SATUSEHAT may answer
    a Patient search for an unregistered NIK that way (ivanwilliammd/satusehat-integration
    ``src/OAuth2Client.php`` ``get_by_nik`` treats an OperationOutcome and ``total == 0``
    alike; ``docs/reference/satusehat.md``, "Unknown person"), unless an issue says the
    server could not do the search, which is no answer at all.
    """
    if isinstance(body, dict) and body.get("resourceType") == "OperationOutcome":
        issues = parse_operation_outcome(body)
        failed = [i for i in issues if i.code in _SEARCH_FAILED_CODES]
        if failed:
            raise ProtocolError(f"{kind} search: the server could not search: {summarize(failed)}")
        return [], None
    if not isinstance(body, dict) or body.get("resourceType") != "Bundle":
        raise ProtocolError(f"{kind} search: the reply is not a Bundle")
    if body.get("type", "searchset") != "searchset":
        raise ProtocolError(f"{kind} search: the reply is a {body.get('type')!r} Bundle")
    entries = body.get("entry", [])
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise ProtocolError(f"{kind} search: Bundle.entry is not a list")
    found: list[dict[str, Any]] = []
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            raise ProtocolError(f"{kind} search: a Bundle entry has no resource")
        # Servers may add an OperationOutcome entry (search.mode "outcome"): not a match.
        if resource.get("resourceType") == kind:
            found.append(resource)
    links = body.get("link") or []
    if not isinstance(links, list):
        raise ProtocolError(f"{kind} search: Bundle.link is not a list")
    for link in links:
        if isinstance(link, dict) and link.get("relation") == "next":
            url = link.get("url")
            if not isinstance(url, str) or not url:
                raise ProtocolError(f"{kind} search: the next link has no URL")
            return found, url
    return found, None
