"""What the imitation SATUSEHAT holds and how it answers, without the HTTP plumbing.

``ServerState.handle`` turns one request (method, path, query, headers, body) into a
``Reply``. Everything is in memory behind one lock, so tests in the same process can inspect it
directly and a test in another process through the ``/_admin`` endpoints.

Sources: ``docs/reference/satusehat.md`` 1.2 (token endpoint and its string numbers,
the 401 texts), 1.3 (OperationOutcome with RuleNumber), 1.4 (Patient/Practitioner by NIK and
the sandbox dummies), 2.3 (transaction Bundles, urn:uuid fullUrls, 20002 duplicates, rules
20011-20021) and 5 (what a local stub should reproduce).

Two flavours (``ServerState.flavour``):

* ``"satusehat"`` (the default): answers as SATUSEHAT's documentation and public integrations
  show it answering (``docs/reference/satusehat.md``, "Added after trying the station against
  published behaviour"). Transaction answers carry an absolute ``response.location`` with
  ``_history`` plus SATUSEHAT's non-standard ``resourceID`` and ``resourceType``
  (irawanteguh/satusehat ``application/controllers/restapi/Allergyintolerance.php``;
  vernandaspw/bridging-satusehat
  ``app/Http/Livewire/Encounter/Bundle/EncounterBundleRajalPage.php``). Search honours only
  the documented parameters (``SEARCH_PARAMETERS``: Encounter by ``subject``, Observation by
  ``subject``, ``encounter``, ``based-on``; Patient and Practitioner by ``identifier``) and
  silently ignores the rest, so ``Encounter?identifier=...`` answers with the newest
  Encounters of anyone. A Patient or Practitioner search that finds nobody answers 200 with an
  OperationOutcome (handled beside the empty searchset by ivanwilliammd/satusehat-integration
  ``src/OAuth2Client.php`` ``get_by_nik``). Stricter than the real thing: pages of
  ``PAGE_SIZE`` (10) resources with ``next`` links, newest first, so a client that does not
  follow them or takes the first result is caught.
* ``"fhir"``: a strict generic FHIR R4 server: relative ``Type/id/_history/1`` locations
  (http://hl7.org/fhir/R4/bundle.html, entry.response), every search parameter the imitation
  knows honoured (``identifier`` too), an unknown one refused with 400, an empty searchset for
  nobody found.
"""

from __future__ import annotations

import copy
import json
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError

from tests.satusehat_server.faults import Fault, FaultQueue
from tests.satusehat_server.rules import (
    NOT_FOUND_RULE,
    UNMARSHAL_RULE,
    Issue,
    identifiers_of,
    number_problems,
    outcome,
    rule,
    satusehat_issues,
    walk,
)

AUTH_PREFIX = "/oauth2/v1"
FHIR_PREFIX = "/fhir-r4/v1"
ADMIN_PREFIX = "/_admin"
NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik"
IHS_NUMBER_SYSTEM = "https://fhir.kemkes.go.id/id/ihs-number"
NAKES_IHS_SYSTEM = "https://fhir.kemkes.go.id/id/nakes-his-number"
PATIENT_PROFILE = "https://fhir.kemkes.go.id/r4/StructureDefinition/Patient"

# docs/reference/satusehat.md 1.4: the sandbox's dummy people (NIK -> IHS number).
SANDBOX_PATIENTS: dict[str, str] = {
    "9271060312000001": "P02478375538",
    "9204014804000002": "P03647103112",
    "9104224509000003": "P00805884304",
    "9104223107000004": "P00912894463",
    "9104224606000005": "P01654557057",
    "9104025209000006": "P02280547535",
    "9201076001000007": "P01836748436",
    "9201394901000008": "P00883356749",
    "9201076407000009": "P01058967035",
    "9210060207000010": "P02428473601",
}
SANDBOX_PRACTITIONERS: dict[str, str] = {
    "7209061211900001": "10009880728",
    "3322071302900002": "10006926841",
    "3171071609900003": "10001354453",
    "3207192310600004": "10010910332",
    "6408130207800005": "10018180913",
    "3217040109800006": "10002074224",
    "3519111703800007": "10012572188",
    "5271002009700008": "10018452434",
    "3313096403900009": "10014058550",
    "3578083008700010": "10001915884",
}

# docs/reference/satusehat.md 1.2: the token endpoint's refusal, verbatim (severity "invalid"
# included).
AUTH_FAILED_TEXT = (
    "The user or system was not able to be authenticated "
    "(either client_id or client_secret combination is unacceptable)"
)
INVALID_TOKEN_BODY: dict[str, Any] = {
    "resourceType": "OperationOutcome",
    "issue": [
        {
            "severity": "error",
            "code": "invalid-access-token",
            "details": {"text": "Invalid Access Token."},
        }
    ],
}
_SEARCH_REFERENCE_PARAMS = ("subject", "encounter", "patient")

SATUSEHAT = "satusehat"
FHIR = "fhir"
FLAVOURS = (SATUSEHAT, FHIR)
# The search parameters SATUSEHAT documents per resource type (docs/reference/satusehat.md 1.4
# for Patient and Practitioner; its section "Added after trying the station against published
# behaviour" for Observation and Encounter, from the API catalogue's integrations/apis pages).
# In the SATUSEHAT flavour every other parameter is ignored, as a FHIR server may do
# (https://hl7.org/fhir/R4/search.html, "Handling Errors"): Encounter?identifier=... answers
# with the first page of all Encounters.
SEARCH_PARAMETERS: dict[str, frozenset[str]] = {
    "Patient": frozenset({"identifier", "name", "birthdate", "gender"}),
    "Practitioner": frozenset({"identifier", "name", "birthdate", "gender"}),
    "Encounter": frozenset({"subject"}),
    "Observation": frozenset({"subject", "encounter", "based-on"}),
}
_DEFAULT_SEARCH = frozenset({"identifier", "_id"})
# Small pages, so that a client must follow ``next`` links (stricter than a server whose page
# would hold a person's few Encounters).
PAGE_SIZE = 10
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def json(cls, status: int, data: Any, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
        return cls(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), headers=headers)

    @classmethod
    def text(cls, status: int, text: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
        return cls(status, text.encode("utf-8"), "text/plain; charset=utf-8", headers)

    @classmethod
    def problem(cls, status: int, issues: list[Issue]) -> Reply:
        return cls.json(status, outcome(issues))


@dataclass(frozen=True)
class RequestRecord:
    """One request as the server saw it (admin requests are not recorded)."""

    method: str
    path: str
    query: str
    status: int | None  # None: the connection was closed without an answer
    fault: str | None = None


@dataclass
class Client:
    client_id: str
    client_secret: str = field(repr=False)
    organization_id: str


@dataclass
class Token:
    value: str = field(repr=False)
    client_id: str
    organization_id: str
    expires_at: float  # on ServerState.monotonic()
    revoked: bool = False


class BadRequestError(Exception):
    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _model_class(resource_type: str) -> Any:
    try:
        return get_fhir_model_class(resource_type)
    except (ValueError, KeyError, AttributeError, ImportError):
        return None


def _fhirpath(root: str, loc: tuple[int | str, ...]) -> str:
    path = root
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def structure_issues(data: Mapping[str, Any], resource_type: str) -> list[Issue]:
    """fhir.resources R4B's verdict on the JSON (docs/reference/satusehat.md 6: always R4B, never
    R5)."""
    model = _model_class(resource_type)
    if model is None:
        return [Issue("not-supported", f"Unknown resource type {resource_type}")]
    try:
        model.model_validate(dict(data))
    except ValidationError as exc:
        return [
            Issue(
                "structure",
                rule(
                    "Failed to unmarshal request payload: "
                    f"{_fhirpath(resource_type, error['loc'])}: {error['msg']}",
                    UNMARSHAL_RULE,
                ),
                (_fhirpath(resource_type, error["loc"]),),
            )
            for error in exc.errors()[:5]
        ]
    except (ValueError, TypeError) as exc:
        return [
            Issue("structure", rule(f"Failed to unmarshal request payload: {exc}", UNMARSHAL_RULE))
        ]
    return []


def _parse_json_body(body: bytes) -> Any:
    if not body.strip():
        raise BadRequestError(
            Reply.problem(400, [Issue("structure", rule("Failed to read request payload", 20005))])
        )
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequestError(
            Reply.problem(400, [Issue("structure", rule("Invalid JSON Payload Format", 20006))])
        ) from None


class ServerState:
    """Tokens, resources, faults and the request log of one imitation server."""

    def __init__(
        self,
        *,
        organization_id: str,
        client_id: str,
        client_secret: str,
        token_lifetime_s: float = 3599,
        reject_duplicates: bool = True,
        latency_s: float = 0.0,
        flavour: str = SATUSEHAT,
    ) -> None:
        if flavour not in FLAVOURS:
            raise ValueError(f"flavour must be one of {', '.join(FLAVOURS)}, got {flavour!r}")
        self.flavour = flavour
        # Per resource type, the parameters the SATUSEHAT flavour honours; a test may take
        # some away to imitate a server that ignores even those.
        self.search_parameters: dict[str, frozenset[str]] = dict(SEARCH_PARAMETERS)
        # The shape of transaction answers, the flavour's unless a test mixes them.
        self.answer_shape = flavour
        self.lock = threading.RLock()
        self.organization_id = organization_id
        self.token_lifetime_s = token_lifetime_s
        self.reject_duplicates = reject_duplicates
        self.latency_s = latency_s
        self.base_url = FHIR_PREFIX  # the server sets the absolute URL once bound
        self.faults = FaultQueue()
        self._clients: dict[str, Client] = {}
        self._tokens: dict[str, Token] = {}
        self._offset_s = 0.0
        self._resources: dict[str, dict[str, dict[str, Any]]] = {}
        self._index: dict[tuple[str, str, str], list[str]] = {}
        self._history: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.requests: list[RequestRecord] = []
        self.token_requests = 0
        self.tokens_issued = 0
        self.add_client(client_id, client_secret, organization_id)
        self._preload()

    # --- clock ------------------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC) + timedelta(seconds=self._offset_s)

    def monotonic(self) -> float:
        return time.monotonic() + self._offset_s

    def advance_clock(self, seconds: float) -> None:
        """Move the server's clock (token expiry and "future" checks) forward."""
        with self.lock:
            self._offset_s += seconds

    # --- setup and inspection ---------------------------------------------------------------

    def add_client(self, client_id: str, client_secret: str, organization_id: str) -> None:
        """Credentials bound to one organization (docs/reference/satusehat.md 1.2)."""
        with self.lock:
            self._clients[client_id] = Client(client_id, client_secret, organization_id)

    def _preload(self) -> None:
        for nik, ihs in SANDBOX_PATIENTS.items():
            self.register_patient(nik, ihs)
        for nik, ihs in SANDBOX_PRACTITIONERS.items():
            self.register_practitioner(nik, ihs)

    def register_patient(self, nik: str, ihs: str) -> dict[str, Any]:
        return self._put(
            {
                "resourceType": "Patient",
                "id": ihs,
                "meta": {"profile": [PATIENT_PROFILE]},
                "identifier": [
                    {"use": "official", "system": IHS_NUMBER_SYSTEM, "value": ihs},
                    {"use": "official", "system": NIK_SYSTEM, "value": nik},
                ],
                "active": True,
            }
        )

    def register_practitioner(self, nik: str, ihs: str) -> dict[str, Any]:
        return self._put(
            {
                "resourceType": "Practitioner",
                "id": ihs,
                "identifier": [
                    {"system": NAKES_IHS_SYSTEM, "value": ihs},
                    {"system": NIK_SYSTEM, "value": nik},
                ],
                "active": True,
            }
        )

    def resources(self, resource_type: str | None = None) -> list[dict[str, Any]]:
        """Deep copies of the stored resources (of one type, or all)."""
        with self.lock:
            types = [resource_type] if resource_type else list(self._resources)
            return [
                copy.deepcopy(r) for kind in types for r in self._resources.get(kind, {}).values()
            ]

    def find(
        self, resource_type: str, system: str | None, value: str | None
    ) -> list[dict[str, Any]]:
        with self.lock:
            if system is not None and value is not None:
                ids = self._index.get((resource_type, system, value), [])
                stored = self._resources.get(resource_type, {})
                return [copy.deepcopy(stored[i]) for i in ids]
            return [
                copy.deepcopy(r)
                for r in self._resources.get(resource_type, {}).values()
                if any(
                    (system is None or s == system) and (value is None or v == value)
                    for s, v in identifiers_of(r)
                )
            ]

    def count_by_identifier(self, system: str, value: str) -> int:
        """How many stored resources (of any type) carry ``system|value``."""
        with self.lock:
            return sum(
                len(ids) for (_, s, v), ids in self._index.items() if s == system and v == value
            )

    def expire_tokens(self) -> int:
        """Expire every token issued so far; the number expired."""
        with self.lock:
            live = [t for t in self._tokens.values() if not t.revoked]
            for token in live:
                token.revoked = True
            return len(live)

    def log(self, record: RequestRecord) -> None:
        with self.lock:
            self.requests.append(record)

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {
                "organization_id": self.organization_id,
                "reject_duplicates": self.reject_duplicates,
                "flavour": self.flavour,
                "latency_s": self.latency_s,
                "token_requests": self.token_requests,
                "tokens_issued": self.tokens_issued,
                "requests": len(self.requests),
                "resources": {k: len(v) for k, v in self._resources.items()},
                "faults_pending": len(self.faults.pending()),
            }

    def reset(self) -> None:
        """Forget stored resources (except the sandbox people), tokens, faults and logs."""
        with self.lock:
            self._resources.clear()
            self._index.clear()
            self._history.clear()
            self._tokens.clear()
            self.requests.clear()
            self.token_requests = 0
            self.tokens_issued = 0
            self.faults.clear()
            self._preload()

    # --- storage ----------------------------------------------------------------------------

    def _put(self, resource: dict[str, Any]) -> dict[str, Any]:
        """Store a resource as it is (setup data; keeps its id)."""
        with self.lock:
            kind, rid = resource["resourceType"], resource["id"]
            resource.setdefault("meta", {}).update(
                {"versionId": "1", "lastUpdated": _utc_text(self.now())}
            )
            self._resources.setdefault(kind, {})[rid] = resource
            for system, value in identifiers_of(resource):
                ids = self._index.setdefault((kind, system, value), [])
                if rid not in ids:  # stored again under its own id: still one resource
                    ids.append(rid)
            return copy.deepcopy(resource)

    def _store(self, resource: dict[str, Any], rid: str) -> dict[str, Any]:
        stored = copy.deepcopy(resource)
        stored["id"] = rid
        meta = stored.get("meta")
        stored["meta"] = {
            **(meta if isinstance(meta, dict) else {}),
            "versionId": "1",
            "lastUpdated": _utc_text(self.now()),
        }
        return self._put(stored)

    def _exists(self, resource_type: str, rid: str) -> bool:
        return rid in self._resources.get(resource_type, {})

    def _duplicate_issues(
        self, resource: Mapping[str, Any], pending: set[tuple[str, str, str]]
    ) -> list[Issue]:
        kind = str(resource.get("resourceType"))
        for index, (system, value) in enumerate(identifiers_of(resource)):
            key = (kind, system, value)
            if self._index.get(key) or key in pending:
                return [
                    Issue(
                        "duplicate",
                        rule(f"Found duplicate resource: {kind}", 20002),
                        (f"{kind}.identifier[{index}]",),
                    )
                ]
        return []

    # --- HTTP-level entry point -------------------------------------------------------------

    def handle(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Reply:
        """The answer to one (non-admin) request."""
        try:
            if path == f"{AUTH_PREFIX}/accesstoken":
                if method != "POST":
                    return Reply.text(405, "Method Not Allowed")
                return self._token_endpoint(query, body)
            if path == FHIR_PREFIX or path.startswith(f"{FHIR_PREFIX}/"):
                return self._fhir(
                    method, path.removeprefix(FHIR_PREFIX).strip("/"), query, headers, body
                )
            return Reply.text(404, "Not Found")
        except BadRequestError as exc:
            return exc.reply

    # --- token ------------------------------------------------------------------------------

    def _token_endpoint(self, query: str, body: bytes) -> Reply:
        with self.lock:
            self.token_requests += 1
        grant = parse_qs(query).get("grant_type", [""])[0]
        form = parse_qs(body.decode("utf-8", "replace"))
        client_id = form.get("client_id", [""])[0]
        secret = form.get("client_secret", [""])[0]
        with self.lock:
            client = self._clients.get(client_id)
            if (
                grant != "client_credentials"
                or client is None
                or not secrets.compare_digest(client.client_secret, secret)
            ):
                return Reply.json(
                    401,
                    {
                        "resourceType": "OperationOutcome",
                        "issue": [
                            {
                                "severity": "invalid",
                                "code": "value",
                                "details": {"text": AUTH_FAILED_TEXT},
                            }
                        ],
                    },
                )
            value = secrets.token_urlsafe(21)
            self._tokens[value] = Token(
                value, client_id, client.organization_id, self.monotonic() + self.token_lifetime_s
            )
            self.tokens_issued += 1
            issued_at = int(self.now().timestamp() * 1000)
        # Apigee style: every number is a string (docs/reference/satusehat.md 1.2).
        return Reply.json(
            200,
            {
                "refresh_token_expires_in": "0",
                "api_product_list": "[api-sandbox]",
                "api_product_list_json": ["api-sandbox"],
                "organization_name": "ihs-prod-1",
                "developer.email": "sandbox@example.invalid",
                "token_type": "BearerToken",
                "issued_at": str(issued_at),
                "client_id": client_id,
                "access_token": value,
                "application_name": "vitals-station-test",
                "scope": "",
                "expires_in": str(int(self.token_lifetime_s)),
                "refresh_count": "0",
                "status": "approved",
            },
        )

    def token_for(self, headers: Mapping[str, str]) -> Token | None:
        """The live token the request carries, or None."""
        authorization = headers.get("authorization", "")
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return None
        with self.lock:
            token = self._tokens.get(value.strip())
            if token is None or token.revoked or self.monotonic() >= token.expires_at:
                return None
            return token

    def expire_presented_token(self, headers: Mapping[str, str]) -> None:
        _, _, value = headers.get("authorization", "").partition(" ")
        with self.lock:
            token = self._tokens.get(value.strip())
            if token is not None:
                token.revoked = True

    # --- FHIR -------------------------------------------------------------------------------

    def _fhir(
        self, method: str, route: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> Reply:
        token = self.token_for(headers)
        if token is None:
            return Reply.json(401, INVALID_TOKEN_BODY)
        parts = route.split("/") if route else []
        if not parts:
            if method == "POST":
                return self._transaction(body, token)
            return Reply.problem(405, [Issue("not-supported", f"{method} on the base URL")])
        kind = parts[0]
        if _model_class(kind) is None or kind in ("Bundle", "OperationOutcome"):
            return Reply.problem(404, [Issue("not-supported", f"Unknown resource type {kind}")])
        if len(parts) == 1 and method == "GET":
            return self._search(kind, query)
        if len(parts) == 1 and method == "POST":
            return self._create(kind, body, token)
        if len(parts) == 2 and method == "GET":
            return self._read(kind, parts[1])
        if len(parts) == 2 and method == "PUT":
            return self._update(kind, parts[1], body, token)
        return Reply.problem(405, [Issue("not-supported", f"{method} /{route} is not supported")])

    def _read(self, kind: str, rid: str) -> Reply:
        with self.lock:
            resource = self._resources.get(kind, {}).get(rid)
            found = copy.deepcopy(resource) if resource is not None else None
        if found is None:
            return Reply.problem(
                404,
                [Issue("not-found", rule(f"Resource not found {kind}/{rid}", NOT_FOUND_RULE))],
            )
        return Reply.json(200, found)

    def _search(self, kind: str, query: str) -> Reply:
        """A searchset page; see ``SEARCH_PARAMETERS`` for what each flavour honours."""
        params = parse_qsl(query, keep_blank_values=True)
        satusehat = self.flavour == SATUSEHAT
        supported = self.search_parameters.get(kind, _DEFAULT_SEARCH) if satusehat else None
        filters: list[tuple[str, str]] = []
        count, page = PAGE_SIZE, 1
        for name, value in params:
            if name == "_count":
                count = _positive_int(value, "_count", MAX_PAGE_SIZE)
            elif name == "_page":
                page = _positive_int(value, "_page", 10**6)
            elif name == "_format":
                continue
            elif supported is not None and name not in supported:
                continue  # SATUSEHAT: an unsupported parameter is ignored (see the docstring)
            elif name in ("identifier", "_id", "based-on", *_SEARCH_REFERENCE_PARAMS):
                filters.append((name, value))
            else:
                return Reply.problem(
                    400, [Issue("not-supported", f"Search parameter {name} is not supported")]
                )
        matches = self._matching(kind, filters)
        if satusehat and kind in ("Patient", "Practitioner") and not matches:
            # An unknown person: 200 with an OperationOutcome, not an empty searchset.
            return Reply.json(200, outcome([Issue("not-found", f"{kind} not found")]))
        start = (page - 1) * count
        shown = matches[start : start + count]
        base_query = [(n, v) for n, v in params if n != "_page"]
        link = [{"relation": "self", "url": f"{self.base_url}/{kind}?{query}"}]
        if start + count < len(matches):
            next_query = urlencode([*base_query, ("_page", str(page + 1))])
            link.append({"relation": "next", "url": f"{self.base_url}/{kind}?{next_query}"})
        bundle: dict[str, Any] = {
            "resourceType": "Bundle",
            "type": "searchset",
            "total": len(matches),
            "link": link,
        }
        if shown:
            bundle["entry"] = [
                {
                    "fullUrl": f"{self.base_url}/{kind}/{r['id']}",
                    "resource": r,
                    "search": {"mode": "match"},
                }
                for r in shown
            ]
        return Reply.json(200, bundle)

    def _matching(self, kind: str, filters: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """The stored resources of ``kind`` that pass every filter, newest first."""
        first = next((value for name, value in filters if name == "identifier"), "")
        system, bar, code = first.partition("|")
        # The identifier index answers the usual system|value search without a scan.
        matches = self.find(kind, system, code) if bar and system and code else self.resources(kind)
        for name, value in filters:
            if name == "identifier":
                system, bar, code = value.partition("|")
                want_system = system if bar else None
                want_value = (code or None) if bar else value
                matches = [
                    r
                    for r in matches
                    if any(
                        (want_system is None or s == want_system)
                        and (want_value is None or v == want_value)
                        for s, v in identifiers_of(r)
                    )
                ]
            elif name == "_id":
                matches = [r for r in matches if r.get("id") == value]
            elif name == "based-on":
                matches = [
                    r for r in matches if any(_refers(ref, value) for ref in r.get("basedOn") or [])
                ]
            else:
                matches = [r for r in matches if _refers(r.get(name), value)]
        matches.reverse()  # the last stored first: an ignored filter shows other people's
        return matches

    def _check_payload(self, data: Any, kind: str) -> list[Issue]:
        """JSON-level and structure problems of one resource (no store access)."""
        if not isinstance(data, dict):
            return [Issue("structure", rule("Failed to read request payload", 20005))]
        if data.get("resourceType") != kind:
            return [
                Issue(
                    "invalid",
                    f"resourceType {data.get('resourceType')!r} does not match the URL ({kind})",
                )
            ]
        return number_problems(data, kind) or structure_issues(data, kind)

    def _create(self, kind: str, body: bytes, token: Token) -> Reply:
        data = _parse_json_body(body)
        issues = self._check_payload(data, kind)
        if issues:
            return Reply.problem(400, issues)
        with self.lock:
            issues = satusehat_issues(
                data, organization_id=token.organization_id, now=self.now(), exists=self._exists
            )
            if not issues and self.reject_duplicates:
                issues = self._duplicate_issues(data, set())
            if issues:
                return Reply.problem(400, issues)
            stored = self._store(data, str(uuid.uuid4()))
        location = f"{self.base_url}/{kind}/{stored['id']}/_history/1"
        return Reply.json(201, stored, (("Location", location), ("ETag", 'W/"1"')))

    def _update(self, kind: str, rid: str, body: bytes, token: Token) -> Reply:
        """``PUT /{kind}/{id}``: a new version of a stored resource (docs/reference/satusehat.md
        2.3, "Updates": ``PUT /Observation/{id}`` with the id in the body).

        As FHIR R4 requires (http://hl7.org/fhir/R4/http.html#update): the body's ``id``
        must be the URL's, else 400. Stricter by choice than FHIR and than anything SATUSEHAT
        documents, so that a client that updates the wrong resource is caught:

        * an id the server does not hold is 404 with rule 20007 "Resource not found" (FHIR
          lets a server create on PUT; whether SATUSEHAT does is not documented);
        * an update may not change the resource's identifiers or its subject: 400 (FHIR
          allows both; a vital sign moved to another person or given another business
          identifier is exactly what the station must never do);
        * a ``final`` Observation's next version must be ``amended``, ``corrected`` or
          ``entered-in-error``, and an ``entered-in-error`` one stays so: 400 (FHIR R4
          Observation.status: those codes are what follows a final release).

        The new version gets ``meta.versionId`` one higher; every version is kept
        (``versions``), the latest is what reads and searches see.
        """
        data = _parse_json_body(body)
        issues = self._check_payload(data, kind)
        if issues:
            return Reply.problem(400, issues)
        if data.get("id") != rid:
            return Reply.problem(
                400,
                [
                    Issue(
                        "invalid",
                        f"Resource id {data.get('id')!r} in the body does not match the URL "
                        f"({kind}/{rid})",
                        (f"{kind}.id",),
                    )
                ],
            )
        with self.lock:
            current = self._resources.get(kind, {}).get(rid)
            if current is None:
                return Reply.problem(
                    404,
                    [Issue("not-found", rule(f"Resource not found {kind}/{rid}", NOT_FOUND_RULE))],
                )
            issues = satusehat_issues(
                data, organization_id=token.organization_id, now=self.now(), exists=self._exists
            )
            issues.extend(_changed_identity(current, data, kind))
            if issues:
                return Reply.problem(400, issues)
            version = int(current.get("meta", {}).get("versionId", "1")) + 1
            stored = copy.deepcopy(data)
            meta = stored.get("meta")
            stored["meta"] = {
                **(meta if isinstance(meta, dict) else {}),
                "versionId": str(version),
                "lastUpdated": _utc_text(self.now()),
            }
            self._history.setdefault((kind, rid), [copy.deepcopy(current)]).append(
                copy.deepcopy(stored)
            )
            self._resources[kind][rid] = stored
            answer = copy.deepcopy(stored)
        location = f"{self.base_url}/{kind}/{rid}/_history/{version}"
        return Reply.json(200, answer, (("Location", location), ("ETag", f'W/"{version}"')))

    def versions(self, resource_type: str, rid: str) -> list[dict[str, Any]]:
        """Every version of a stored resource, oldest first (one for a never-updated one)."""
        with self.lock:
            history = self._history.get((resource_type, rid))
            if history is not None:
                return copy.deepcopy(history)
            current = self._resources.get(resource_type, {}).get(rid)
            return [copy.deepcopy(current)] if current is not None else []

    def _transaction(self, body: bytes, token: Token) -> Reply:
        data = _parse_json_body(body)
        if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
            return Reply.problem(400, [Issue("invalid", "POST on the base URL needs a Bundle")])
        if data.get("type") != "transaction":
            return Reply.problem(
                400,
                [Issue("not-supported", f"Bundle.type {data.get('type')!r}: only transaction")],
            )
        entries = data.get("entry")
        if not isinstance(entries, list) or not entries:
            return Reply.problem(400, [Issue("required", "Bundle.entry is empty")])
        issues: list[Issue] = []
        full_urls: dict[str, str] = {}
        planned: list[tuple[str, str, dict[str, Any]]] = []  # (type, id, resource)
        for index, entry in enumerate(entries):
            where = f"Bundle.entry[{index}]"
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict):
                issues.append(Issue("required", f"{where}: resource is missing", (where,)))
                continue
            kind = str(resource.get("resourceType"))
            if kind == "Bundle":
                issues.append(
                    Issue("invalid", rule(f"{where}: Forbidden nested bundle", 20011), (where,))
                )
                continue
            request = entry.get("request")
            if (
                not isinstance(request, dict)
                or request.get("method") != "POST"
                or request.get("url") != kind
            ):
                # This imitation supports creates only (what the station sends).
                issues.append(
                    Issue(
                        "not-supported",
                        f"{where}: request must be POST {kind}",
                        (f"{where}.request",),
                    )
                )
            full_url = entry.get("fullUrl")
            if full_url is None:
                issues.append(
                    Issue(
                        "required",
                        rule(
                            f"{where}: Invalid resource {kind} due to missing fullUrl element",
                            20021,
                        ),
                        (f"{where}.fullUrl",),
                    )
                )
            elif not isinstance(full_url, str) or not full_url.startswith("urn:uuid"):
                issues.append(
                    Issue(
                        "invalid",
                        rule(
                            f"{where}: Invalid element {kind}.fullUrl due to invalid fullUrl "
                            "format. It must begin with 'urn:uuid'",
                            20018,
                        ),
                        (f"{where}.fullUrl",),
                    )
                )
            elif not _valid_urn_uuid(full_url):
                issues.append(
                    Issue(
                        "invalid",
                        rule(
                            f"{where}: Invalid element {kind}.fullUrl due to invalid UUID format",
                            20019,
                        ),
                        (f"{where}.fullUrl",),
                    )
                )
            elif full_url in full_urls:
                issues.append(
                    Issue(
                        "invalid",
                        rule(
                            f"{where}: Invalid element {kind}.fullUrl due to duplicate fullUrl: "
                            f"{full_url}",
                            20020,
                        ),
                        (f"{where}.fullUrl",),
                    )
                )
            rid = str(uuid.uuid4())
            if isinstance(full_url, str) and full_url not in full_urls:
                full_urls[full_url] = f"{kind}/{rid}"
            issues.extend(
                issue.prefixed(f"{where} ({kind})", f"{where}.resource.", kind)
                for issue in self._check_payload(resource, kind)
            )
            planned.append((kind, rid, resource))
        if issues:
            return Reply.problem(400, issues)
        resolved = [(kind, rid, _resolve(resource, full_urls)) for kind, rid, resource in planned]
        with self.lock:
            pending_ids = {(kind, rid) for kind, rid, _ in resolved}
            pending_identifiers: set[tuple[str, str, str]] = set()
            failed: set[str] = set()

            def exists(resource_type: str, rid: str) -> bool:
                return (resource_type, rid) in pending_ids or self._exists(resource_type, rid)

            for index, (kind, rid, resource) in enumerate(resolved):
                where = f"Bundle.entry[{index}] ({kind})"
                prefix = f"Bundle.entry[{index}].resource."
                refs = {v for _, key, v, _ in walk(resource, kind) if key == "reference"}
                if refs & failed:
                    issues.append(
                        Issue(
                            "processing",
                            rule(
                                f"{where}: Forbidden resource {kind} due to previous error", 20012
                            ),
                            (f"Bundle.entry[{index}]",),
                        )
                    )
                    failed.add(f"{kind}/{rid}")
                    continue
                entry_issues = satusehat_issues(
                    resource, organization_id=token.organization_id, now=self.now(), exists=exists
                )
                if not entry_issues and self.reject_duplicates:
                    entry_issues = self._duplicate_issues(resource, pending_identifiers)
                if entry_issues:
                    issues.extend(issue.prefixed(where, prefix, kind) for issue in entry_issues)
                    failed.add(f"{kind}/{rid}")
                    continue
                pending_identifiers.update((kind, s, v) for s, v in identifiers_of(resource))
            if issues:
                return Reply.problem(400, issues)
            stored = [self._store(resource, rid) for _, rid, resource in resolved]
        response_entries = [{"response": self._entry_response(r)} for r in stored]
        return Reply.json(
            200,
            {
                "resourceType": "Bundle",
                "id": str(uuid.uuid4()),
                "type": "transaction-response",
                "entry": response_entries,
            },
        )

    def _entry_response(self, stored: dict[str, Any]) -> dict[str, Any]:
        """One ``Bundle.entry.response`` of a transaction-response.

        SATUSEHAT: an absolute location with ``_history`` plus its own ``resourceID`` and
        ``resourceType`` (irawanteguh/satusehat
        ``application/controllers/restapi/Allergyintolerance.php``; vernandaspw/bridging-
        satusehat ``app/Http/Livewire/Encounter/Bundle/EncounterBundleRajalPage.php``).
        FHIR: a relative location (http://hl7.org/fhir/R4/bundle.html, entry.response).
        """
        kind, rid = stored["resourceType"], stored["id"]
        answer: dict[str, Any] = {"status": "201 Created"}
        if self.answer_shape == SATUSEHAT:
            answer["location"] = f"{self.base_url}/{kind}/{rid}/_history/1"
            answer["resourceID"] = rid
            answer["resourceType"] = kind
        else:
            answer["location"] = f"{kind}/{rid}/_history/1"
        answer["etag"] = 'W/"1"'
        answer["lastModified"] = stored["meta"]["lastUpdated"]
        return answer

    # --- admin ------------------------------------------------------------------------------

    def admin(self, method: str, path: str, query: str, body: bytes) -> Reply:
        """``/_admin/...``: inspection and setup for tests in another process."""
        route = path.removeprefix(ADMIN_PREFIX).strip("/")
        params = dict(parse_qsl(query, keep_blank_values=True))
        try:
            data = json.loads(body) if body.strip() else {}
        except ValueError:
            return Reply.json(400, {"error": "body is not JSON"})
        try:
            return self._admin(method, route, params, data)
        except (ValueError, KeyError, TypeError) as exc:
            return Reply.json(400, {"error": f"{type(exc).__name__}: {exc}"})

    def _admin(self, method: str, route: str, params: dict[str, str], data: Any) -> Reply:
        handlers: dict[tuple[str, str], Callable[[], Any]] = {
            ("GET", "stats"): self.stats,
            ("GET", "resources"): lambda: {"resources": self._admin_resources(params)},
            ("GET", "requests"): lambda: {"requests": [asdict(r) for r in self.requests_copy()]},
            ("GET", "faults"): lambda: {"faults": [f.to_json() for f in self.faults.pending()]},
            ("POST", "faults"): lambda: {"queued": self._admin_faults(data)},
            ("DELETE", "faults"): lambda: {"cleared": self._clear_faults()},
            ("POST", "expire-tokens"): lambda: {"expired": self.expire_tokens()},
            ("POST", "patients"): lambda: self.register_patient(data["nik"], data["ihs"]),
            ("POST", "practitioners"): lambda: self.register_practitioner(data["nik"], data["ihs"]),
            ("POST", "clock"): lambda: self._admin_clock(data),
            ("POST", "reset"): self._admin_reset,
        }
        handler = handlers.get((method, route))
        if handler is None:
            return Reply.json(404, {"error": f"no admin endpoint {method} /_admin/{route}"})
        return Reply.json(200, handler())

    def requests_copy(self) -> list[RequestRecord]:
        with self.lock:
            return list(self.requests)

    def _admin_resources(self, params: dict[str, str]) -> list[dict[str, Any]]:
        kind = params.get("type")
        identifier = params.get("identifier")
        if identifier is None:
            return self.resources(kind)
        system, _, value = identifier.partition("|")
        kinds = [kind] if kind else list(self._resources)
        return [r for k in kinds for r in self.find(k, system, value)]

    def _admin_faults(self, data: Any) -> int:
        times = 1
        if isinstance(data, dict) and "faults" in data:
            times = int(data.get("times", 1))
            data = data["faults"]
        elif isinstance(data, dict):
            times = int(data.pop("times", 1))
        items = data if isinstance(data, list) else [data]
        faults = [Fault.from_json(item) for item in items]
        for fault in faults:
            self.faults.add(fault, times)
        return len(faults) * times

    def _clear_faults(self) -> int:
        count = len(self.faults.pending())
        self.faults.clear()
        return count

    def _admin_reset(self) -> dict[str, Any]:
        self.reset()
        return {"reset": True}

    def _admin_clock(self, data: Any) -> dict[str, Any]:
        self.advance_clock(float(data["advance_s"]))
        return {"now": _utc_text(self.now())}


# What may follow a final Observation (FHIR R4 valueset-observation-status), and what an
# entered-in-error one may become (only itself again: a repeated PUT).
_AFTER_FINAL = frozenset({"amended", "corrected", "entered-in-error"})


def _changed_identity(
    current: Mapping[str, Any], update: Mapping[str, Any], kind: str
) -> list[Issue]:
    """What an update may not change here (see ``ServerState._update``)."""
    issues: list[Issue] = []
    if sorted(identifiers_of(current)) != sorted(identifiers_of(update)):
        issues.append(
            Issue(
                "business-rule",
                f"An update may not change {kind}.identifier",
                (f"{kind}.identifier",),
            )
        )
    if current.get("subject") != update.get("subject"):
        issues.append(
            Issue("business-rule", f"An update may not change {kind}.subject", (f"{kind}.subject",))
        )
    if kind == "Observation":
        before, after = current.get("status"), update.get("status")
        if before == "final" and after not in _AFTER_FINAL:
            issues.append(
                Issue(
                    "business-rule",
                    f"Observation.status {after!r} cannot follow 'final' (amended, "
                    "corrected or entered-in-error)",
                    ("Observation.status",),
                )
            )
        elif before == "entered-in-error" and after != "entered-in-error":
            issues.append(
                Issue(
                    "business-rule",
                    "An entered-in-error Observation stays entered-in-error",
                    ("Observation.status",),
                )
            )
    return issues


def _positive_int(text: str, name: str, limit: int) -> int:
    try:
        number = int(text)
    except ValueError:
        raise BadRequestError(
            Reply.problem(400, [Issue("invalid", f"{name} must be a number, got {text!r}")])
        ) from None
    if number < 1:
        raise BadRequestError(
            Reply.problem(400, [Issue("invalid", f"{name} must be at least 1, got {number}")])
        )
    return min(number, limit)


def _refers(node: Any, value: str) -> bool:
    """A reference search (``subject=Patient/P1`` or ``subject=P1``) against one Reference."""
    reference = node.get("reference") if isinstance(node, dict) else None
    if not isinstance(reference, str) or not value:
        return False
    return reference == value or ("/" not in value and reference.rsplit("/", 1)[-1] == value)


def _valid_urn_uuid(full_url: str) -> bool:
    try:
        uuid.UUID(full_url.removeprefix("urn:uuid:"))
    except ValueError:
        return False
    return full_url.startswith("urn:uuid:")


def _resolve(resource: dict[str, Any], full_urls: Mapping[str, str]) -> dict[str, Any]:
    """A copy of ``resource`` with every ``reference`` to a fullUrl of the Bundle rewritten
    to ``Type/id``."""

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    full_urls.get(value, value)
                    if key == "reference" and isinstance(value, str)
                    else rewrite(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    result: dict[str, Any] = rewrite(resource)
    return result
