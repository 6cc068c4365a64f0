"""The SATUSEHAT client against the real loopback imitation server (tests/satusehat_server),
with payloads from fhir_export.mapping; pure parts (Retry-After, backoff, OperationOutcome,
token expiry) unit- and property-tested without I/O."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fhir_export.oauth import (
    MAX_TOKEN_LIFETIME_S,
    REFRESH_MARGIN_S,
    AccessToken,
    parse_expires_in,
    parse_token_response,
    refresh_deadline,
)
from fhir_export.operation_outcome import (
    OutcomeIssue,
    is_duplicate,
    parse_operation_outcome,
    rule_numbers,
)
from fhir_export.retry_policy import (
    MAX_RETRY_AFTER_S,
    backoff_delay,
    is_transient_status,
    parse_retry_after,
    retry_delay,
)
from fhir_export.satusehat_client import (
    AuthenticationError,
    ClientConfig,
    DuplicateResourceError,
    ProtocolError,
    RejectedError,
    SatusehatClient,
    SatusehatError,
    TransientError,
    mask_nik,
)
from fhir_export.satusehat_errors import rejection
from tests.fhir_export.test_satusehat_server import (
    CTX,
    ENCOUNTER_SYSTEM,
    NIK_SYSTEM,
    OBSERVATION_SYSTEM,
    ORG,
    PATIENT_IHS,
    PATIENT_NIK,
    PRACTITIONER_IHS,
    PRACTITIONER_NIK,
    SECRET,
    encounter_json,
    make_visit,
    observation_json,
    transaction_json,
)
from tests.satusehat_server import SatusehatServer, faults

# --- harness -----------------------------------------------------------------------------------


class Sleeps:
    """An injected sleep that records the requested waits and returns at once."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


class Clock:
    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret=SECRET) as s:
        yield s


def config_for(server: SatusehatServer, **overrides) -> ClientConfig:
    values = {
        "auth_url": server.auth_url,
        "base_url": server.base_url,
        "client_id": "cid",
        "client_secret": SECRET,
        "connect_timeout_s": 2.0,
        "read_timeout_s": 5.0,
    }
    values.update(overrides)
    return ClientConfig(**values)


def client_for(server, sleeps=None, clock=None, transport=None, **overrides) -> SatusehatClient:
    return SatusehatClient(
        config_for(server, **overrides),
        sleep=sleeps if sleeps is not None else Sleeps(),
        clock=clock if clock is not None else time.monotonic,
        rng=seeded(7),
        transport=transport,
    )


def seeded(seed: int) -> random.Random:
    return random.Random(seed)


def run(coroutine):
    return asyncio.run(coroutine)


def fhir_requests(server, suffix: str = "") -> list:
    return [
        r for r in server.requests if r.path.startswith("/fhir-r4/v1") and r.path.endswith(suffix)
    ]


@pytest.fixture(autouse=True)
def _no_leaked_server_threads():
    yield
    leaked = [t.name for t in threading.enumerate() if t.name.startswith("satusehat-fake")]
    assert leaked == [], "a test left imitation-server threads running"


# --- token ----------------------------------------------------------------------------------------


def test_token_is_fetched_once_and_reused(server):
    async def scenario():
        async with client_for(server) as client:
            for _ in range(3):
                assert await client.find_patient_ihs(PATIENT_NIK) == PATIENT_IHS

    run(scenario())
    assert server.token_requests == 1
    token_request = server.requests[0]
    assert (token_request.method, token_request.path) == ("POST", "/oauth2/v1/accesstoken")
    assert token_request.query == "grant_type=client_credentials"


def test_concurrent_callers_share_one_token_fetch(server):
    server.latency_s = 0.02  # so the callers really overlap the token request

    async def scenario():
        async with client_for(server) as client:
            return await asyncio.gather(*(client.find_patient_ihs(PATIENT_NIK) for _ in range(6)))

    assert run(scenario()) == [PATIENT_IHS] * 6
    assert server.token_requests == 1


def test_token_is_refreshed_60_s_before_expires_in(server):
    clock = Clock()

    async def scenario():
        async with client_for(server, clock=clock) as client:
            await client.find_patient_ihs(PATIENT_NIK)
            clock.now += 3599 - 60 - 1  # one second before the refresh point
            await client.find_patient_ihs(PATIENT_NIK)
            assert server.token_requests == 1
            clock.now += 1
            await client.find_patient_ihs(PATIENT_NIK)
            assert server.token_requests == 2

    run(scenario())


def test_401_invalid_access_token_reauthenticates_once_and_retries(server):
    async def scenario():
        async with client_for(server) as client:
            await client.find_patient_ihs(PATIENT_NIK)
            server.expire_tokens()  # SATUSEHAT ended the token before our clock did
            return await client.find_patient_ihs(PATIENT_NIK)

    assert run(scenario()) == PATIENT_IHS
    assert server.token_requests == 2
    assert [r.status for r in fhir_requests(server)] == [200, 401, 200]


def test_a_second_401_in_a_row_is_an_error_not_a_loop(server):
    server.add_fault(faults.expire_token(path="/Patient"), times=5)
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(AuthenticationError, match="invalid-access-token twice") as caught:
        run(scenario())
    assert caught.value.status == 401
    assert server.token_requests == 2
    assert [r.status for r in fhir_requests(server)] == [401, 401]
    assert sleeps.calls == []


def test_wrong_credentials_are_an_authentication_error_not_retried(server):
    secret = "Sup3r-S3cret-Value"
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps, client_secret=secret) as client:
            await client.create(encounter_json(make_visit()))

    with pytest.raises(AuthenticationError) as caught:
        run(scenario())
    message = str(caught.value)
    assert "HTTP 401" in message
    assert "client_id or client_secret combination is unacceptable" in message
    assert secret not in message
    assert secret not in repr(config_for(server, client_secret=secret))
    assert server.token_requests == 1
    assert sleeps.calls == []
    assert fhir_requests(server) == []


# --- lookups -------------------------------------------------------------------------------------


def test_patient_and_practitioner_lookup_by_nik(server):
    async def scenario():
        async with client_for(server) as client:
            return (
                await client.find_patient_ihs(PATIENT_NIK),
                await client.find_patient_ihs("3174015507850002"),
                await client.find_practitioner_ihs(PRACTITIONER_NIK),
                await client.find_practitioner_ihs("3174010101800001"),
            )

    assert run(scenario()) == (PATIENT_IHS, None, PRACTITIONER_IHS, None)


# --- create and transaction --------------------------------------------------------------------


def test_create_encounter_then_observation_with_the_server_id(server):
    visit = make_visit()

    async def scenario():
        async with client_for(server) as client:
            encounter = await client.create(encounter_json(visit))
            observation = await client.create(
                observation_json(visit, f"Encounter/{encounter['id']}", index=3)
            )
            return encounter, observation

    encounter, observation = run(scenario())
    assert encounter["meta"]["versionId"] == "1"
    assert observation["encounter"]["reference"] == f"Encounter/{encounter['id']}"
    assert server.resources("Observation") == [observation]


def test_transaction_returns_the_transaction_response(server):
    async def scenario():
        async with client_for(server) as client:
            return await client.transaction(transaction_json(make_visit()))

    body = run(scenario())
    assert body["type"] == "transaction-response"
    assert [e["response"]["status"] for e in body["entry"]] == ["201 Created"] * 5
    assert len(server.resources("Observation")) == 4


def test_rule_10117_is_rejected_with_its_rule_number_and_not_retried(server):
    from dataclasses import replace

    sleeps = Sleeps()
    wrong_org = replace(CTX, organization_id="100025753")

    async def scenario():
        async with client_for(server, sleeps) as client:
            await client.create(encounter_json(make_visit(), wrong_org))

    with pytest.raises(RejectedError) as caught:
        run(scenario())
    error = caught.value
    assert not isinstance(error, DuplicateResourceError)
    assert error.status == 400
    assert error.rule_numbers == [10117]
    (issue,) = error.issues
    assert issue.expression == ("Encounter.identifier[0].system",)
    assert issue.code == "value"
    assert error.outcome is not None
    assert error.outcome["resourceType"] == "OperationOutcome"
    assert "RuleNumber: 10117" in str(error)
    assert "\n" not in str(error)
    assert sleeps.calls == []
    assert len(fhir_requests(server, "/Encounter")) == 1


def test_a_duplicate_is_a_duplicate_resource_error(server):
    async def scenario():
        async with client_for(server) as client:
            await client.transaction(transaction_json(make_visit()))
            await client.transaction(transaction_json(make_visit()))

    with pytest.raises(DuplicateResourceError) as caught:
        run(scenario())
    assert isinstance(caught.value, RejectedError)
    assert caught.value.rule_numbers[0] == 20002
    assert server.count_by_identifier(ENCOUNTER_SYSTEM, "desk-1-v1") == 1


# --- retries --------------------------------------------------------------------------------------


def test_plain_text_500_and_503_are_retried_with_jittered_backoff(server):
    server.add_fault(faults.status(500, method="POST", path="/Encounter"))
    server.add_fault(faults.status(503, method="POST", path="/Encounter"))
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps, backoff_base_s=2.0) as client:
            return await client.create(encounter_json(make_visit()))

    created = run(scenario())
    assert created["resourceType"] == "Encounter"
    assert [r.status for r in fhir_requests(server, "/Encounter")] == [500, 503, 201]
    assert len(sleeps.calls) == 2
    assert 0 <= sleeps.calls[0] <= 2.0  # full jitter under base * 2**0
    assert 0 <= sleeps.calls[1] <= 4.0  # and under base * 2**1
    expected_rng = seeded(7)
    assert sleeps.calls == [expected_rng.uniform(0, 2.0), expected_rng.uniform(0, 4.0)]


def test_429_retry_after_is_honoured_and_capped(server):
    server.add_fault(faults.status(429, retry_after=7, path="/Patient"))
    server.add_fault(faults.status(503, retry_after=1000, path="/Patient"))
    when = datetime.now(UTC) + timedelta(seconds=120)
    server.add_fault(
        faults.status(429, retry_after=format_datetime(when, usegmt=True), path="/Patient")
    )
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps, retry_after_cap_s=300.0) as client:
            return await client.find_patient_ihs(PATIENT_NIK)

    assert run(scenario()) == PATIENT_IHS
    assert sleeps.calls[:2] == [7.0, 300.0]
    assert 100 <= sleeps.calls[2] <= 120


def test_attempts_run_out_as_a_transient_error(server):
    server.add_fault(faults.status(503, retry_after=2, path="/Patient"), times=3)
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps, max_attempts=3) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(TransientError) as caught:
        run(scenario())
    assert caught.value.status == 503
    assert caught.value.retry_after_s == 2.0
    assert "Service Unavailable" in str(caught.value)
    assert sleeps.calls == [2.0, 2.0]
    assert len(fhir_requests(server, "/Patient")) == 3


def test_a_slow_answer_past_the_read_timeout_is_retried(server):
    server.add_fault(faults.delay(2.0, path="/Patient"))
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps, read_timeout_s=0.2) as client:
            return await client.find_patient_ihs(PATIENT_NIK)

    started = time.monotonic()
    assert run(scenario()) == PATIENT_IHS
    assert time.monotonic() - started < 1.8  # the slow answer (2 s) was not awaited
    assert len(sleeps.calls) == 1


def test_drop_after_store_is_not_repeated_blindly_and_is_found_by_identifier(server):
    """The server stored the Observation but the answer never came: the client does not
    send it again (a server without rule 20002 would keep two), it says the request may
    have been processed, and the lookup by identifier finds exactly one."""
    server.add_fault(faults.drop_after_store(path="/Observation"))
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps) as client:
            encounter = await client.create(encounter_json(make_visit()))
            observation = observation_json(make_visit(), f"Encounter/{encounter['id']}")
            with pytest.raises(TransientError) as caught:
                await client.create(observation)
            assert caught.value.maybe_processed
            assert caught.value.status is None
            assert "RemoteProtocolError" in str(caught.value)
            found = await client.find_observations(
                encounter["id"], PATIENT_IHS, OBSERVATION_SYSTEM, ["desk-1-v1-systolic"]
            )
            return found, encounter["id"]

    found, encounter_id = run(scenario())
    (observation,) = server.find("Observation", OBSERVATION_SYSTEM, "desk-1-v1-systolic")
    assert found == {"desk-1-v1-systolic": observation["id"]}
    assert observation["encounter"] == {"reference": f"Encounter/{encounter_id}"}
    assert server.count_by_identifier(OBSERVATION_SYSTEM, "desk-1-v1-systolic") == 1
    posts = [r for r in fhir_requests(server, "/Observation") if r.method == "POST"]
    assert len(posts) == 1
    assert sleeps.calls == []


def test_a_slow_create_past_the_read_timeout_is_not_repeated_blindly():
    with SatusehatServer(
        organization_id=ORG, client_secret=SECRET, reject_duplicates=False
    ) as server:
        server.add_fault(faults.delay(0.5, method="POST", path="/fhir-r4/v1"))

        async def send():
            async with client_for(server, read_timeout_s=0.2) as client:
                await client.transaction(transaction_json(make_visit()))

        with pytest.raises(TransientError) as caught:
            run(send())
        assert caught.value.maybe_processed
        deadline = time.monotonic() + 5
        while not server.resources("Encounter") and time.monotonic() < deadline:
            time.sleep(0.05)  # the slow answer is still being processed

        async def look():
            async with client_for(server) as client:
                return await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1")

        assert run(look()) == server.resources("Encounter")[0]["id"]
        assert server.count_by_identifier(ENCOUNTER_SYSTEM, "desk-1-v1") == 1
        assert [r.method for r in fhir_requests(server, "/fhir-r4/v1")] == ["POST"]  # once


def test_retry_ambiguous_posts_repeats_and_satusehat_answers_20002(server):
    server.add_fault(faults.drop_after_store(method="POST", path="/fhir-r4/v1"))
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps, retry_ambiguous_posts=True) as client:
            with pytest.raises(DuplicateResourceError):
                await client.transaction(transaction_json(make_visit()))
            return await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1")

    found = run(scenario())
    (encounter,) = server.resources("Encounter")
    assert found == encounter["id"]
    assert len(sleeps.calls) == 1
    assert [r.status for r in fhir_requests(server, "/fhir-r4/v1")] == [None, 400]
    assert len(server.resources("Observation")) == 4


def test_a_dropped_search_is_retried(server):
    server.add_fault(faults.drop_before_store(path="/Patient"))
    server.add_fault(faults.drop_after_store(path="/Patient"))
    sleeps = Sleeps()

    async def scenario():
        async with client_for(server, sleeps) as client:
            return await client.find_patient_ihs(PATIENT_NIK)

    assert run(scenario()) == PATIENT_IHS
    assert [r.status for r in fhir_requests(server, "/Patient")] == [None, None, 200]
    assert len(sleeps.calls) == 2


def test_connection_refused_is_transient(server):
    port = server.port
    server.stop()
    sleeps = Sleeps()
    config = ClientConfig(
        auth_url=f"http://127.0.0.1:{port}/oauth2/v1",
        base_url=f"http://127.0.0.1:{port}/fhir-r4/v1",
        client_id="cid",
        client_secret=SECRET,
        max_attempts=2,
    )

    async def scenario():
        async with SatusehatClient(config, sleep=sleeps, rng=seeded(1)) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(TransientError, match="access token"):
        run(scenario())
    assert len(sleeps.calls) == 1


def test_logs_carry_no_nik_token_or_secret(server, caplog):
    server.add_fault(faults.status(503, path="/Patient"))
    server.expire_tokens()

    async def scenario():
        async with client_for(server) as client:
            await client.find_patient_ihs(PATIENT_NIK)
            server.expire_tokens()
            await client.find_patient_ihs(PATIENT_NIK)

    with caplog.at_level(logging.DEBUG, logger="fhir_export"):
        run(scenario())
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "retrying" in text
    assert "re-authenticating" in text
    for secret in (PATIENT_NIK, SECRET, *(t for t in _issued_tokens(server))):
        assert secret not in text
    assert mask_nik(PATIENT_NIK) == "9271************"


def _issued_tokens(server) -> list[str]:
    return [t.value for t in server.state._tokens.values()]


# --- replies that are not what SATUSEHAT sends (MockTransport) ---------------------------------


def mock_client(handler, **overrides) -> SatusehatClient:
    config = ClientConfig(
        auth_url="https://satusehat.test/oauth2/v1",
        base_url="https://satusehat.test/fhir-r4/v1",
        client_id="cid",
        client_secret=SECRET,
        **overrides,
    )
    return SatusehatClient(config, transport=httpx.MockTransport(handler), sleep=Sleeps())


def token_reply(**changes) -> httpx.Response:
    body = {"access_token": "tok", "expires_in": "3599", "token_type": "BearerToken"}
    body.update(changes)
    return httpx.Response(200, json={k: v for k, v in body.items() if v is not None})


@pytest.mark.parametrize(
    ("fhir_reply", "match"),
    [
        (httpx.Response(200, text="<html>gateway</html>"), "not JSON"),
        (httpx.Response(201, json=["not", "a", "resource"]), "not a Encounter"),
        (httpx.Response(201, json={"resourceType": "Encounter"}), "has no id"),
        (httpx.Response(302, headers={"Location": "https://elsewhere"}), "unexpected HTTP 302"),
    ],
    ids=["html", "list", "no-id", "redirect"],
)
def test_garbled_2xx_is_a_protocol_error(fhir_reply, match):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        return fhir_reply

    async def scenario():
        async with mock_client(handler) as client:
            await client.create(encounter_json(make_visit()))

    with pytest.raises(ProtocolError, match=match):
        run(scenario())


@pytest.mark.parametrize(
    "reply",
    [
        token_reply(expires_in=None),
        token_reply(expires_in="soon"),
        token_reply(expires_in="-5"),
        token_reply(access_token=None),
        httpx.Response(200, text="approved"),
    ],
    ids=["no-expires-in", "garbled-expires-in", "negative", "no-token", "not-json"],
)
def test_garbled_token_reply_is_a_protocol_error(reply):
    async def scenario():
        async with mock_client(lambda request: reply) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(ProtocolError, match="token reply"):
        run(scenario())


def test_token_request_has_grant_type_in_query_and_credentials_in_form():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        return httpx.Response(200, json={"resourceType": "Bundle", "type": "searchset", "total": 0})

    async def scenario():
        async with mock_client(handler) as client:
            return await client.find_patient_ihs(PATIENT_NIK)

    assert run(scenario()) is None
    token_request, search = seen
    assert token_request.url.params["grant_type"] == "client_credentials"
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert token_request.content == f"client_id=cid&client_secret={SECRET}".encode()
    assert search.headers["Authorization"] == "Bearer tok"
    assert search.url.params["identifier"] == f"{NIK_SYSTEM}|{PATIENT_NIK}"


def test_non_json_4xx_is_rejected_with_a_snippet():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        return httpx.Response(400, text="Bad request, says the gateway")

    async def scenario():
        async with mock_client(handler) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(RejectedError, match="Bad request, says the gateway") as caught:
        run(scenario())
    assert (caught.value.status, caught.value.outcome, caught.value.issues) == (400, None, [])


def test_config_is_validated():
    with pytest.raises(ValueError, match="max_attempts"):
        ClientConfig("https://a", "https://b", "cid", SECRET, max_attempts=0)
    with pytest.raises(ValueError, match="URL"):
        ClientConfig("a", "https://b", "cid", SECRET)
    with pytest.raises(ValueError, match="resource type"):
        run(_create_without_type())


async def _create_without_type():
    async with SatusehatClient(ClientConfig("https://a", "https://b", "cid", SECRET)) as client:
        await client.create({"status": "final"})


# --- pure parts -------------------------------------------------------------------------------


NOW = datetime(2025, 3, 1, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("Sat, 01 Mar 2025 02:01:30 GMT", 90.0),
        ("Sat, 01 Mar 2025 01:00:00 GMT", 0.0),  # in the past
        ("soon", None),
        ("", None),
        ("-3", None),
        (None, None),
    ],
)
def test_parse_retry_after(header, seconds):
    assert parse_retry_after(header, now=NOW) == seconds


http_dates = st.datetimes(timezones=st.just(UTC)).map(lambda d: format_datetime(d, usegmt=True))


@given(st.text(max_size=60) | http_dates | http_dates.map(lambda d: d[:-4]))
def test_parse_retry_after_never_raises(header):
    seconds = parse_retry_after(header, now=NOW)
    assert seconds is None or 0.0 <= seconds <= MAX_RETRY_AFTER_S


def test_backoff_is_full_jitter_under_an_exponential_cap():
    rng = seeded(3)
    for attempt in range(1, 12):
        delay = backoff_delay(attempt, base_s=1.0, cap_s=60.0, rng=rng)
        assert 0.0 <= delay <= min(60.0, 2.0 ** (attempt - 1))
    assert backoff_delay(10_000, base_s=1.0, cap_s=60.0, rng=rng) <= 60.0
    with pytest.raises(ValueError, match="attempt"):
        backoff_delay(0, base_s=1.0, cap_s=60.0, rng=rng)
    kwargs = {"base_s": 1.0, "cap_s": 60.0, "retry_after_cap_s": 300.0, "rng": rng}
    assert retry_delay(1, 999.0, **kwargs) == 300.0
    assert retry_delay(1, 4.0, **kwargs) == 4.0
    assert 0.0 <= retry_delay(1, None, **kwargs) <= 1.0


def test_transient_statuses():
    assert [s for s in (400, 401, 403, 404, 408, 409, 422, 429) if is_transient_status(s)] == [
        408,
        429,
    ]
    assert all(is_transient_status(s) for s in (500, 502, 503, 504, 599))


def test_operation_outcome_from_the_notes():
    body = {
        "resourceType": "OperationOutcome",
        "text": {"status": "generated"},
        "issue": [
            {
                "severity": "error",
                "code": "value",
                "details": {
                    "text": "Wrong organization ID provided by system URL: "
                    "http://sys-ids.kemkes.go.id/encounter/100025753 (RuleNumber: 10117)"
                },
                "expression": ["Encounter.identifier[0].system"],
            },
            {"severity": "error", "code": "duplicate", "diagnostics": "Found duplicate resource"},
        ],
    }
    first, second = parse_operation_outcome(body)
    assert first == OutcomeIssue(
        severity="error",
        code="value",
        text=body["issue"][0]["details"]["text"],
        rule_number=10117,
        expression=("Encounter.identifier[0].system",),
    )
    assert (second.text, second.rule_number) == ("Found duplicate resource", None)
    assert rule_numbers([first, second]) == [10117]
    assert is_duplicate([second])
    assert not is_duplicate([first])
    diagnostics = parse_operation_outcome(
        {"resourceType": "OperationOutcome", "issue": [{"diagnostics": "x (RuleNumber: 20002)"}]}
    )
    assert diagnostics[0].rule_number == 20002
    assert parse_operation_outcome({"resourceType": "Patient", "issue": []}) == []
    assert parse_operation_outcome("Gateway Timeout") == []


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=15,
)
rule_texts = st.builds(
    lambda head, digits, tail: f"{head}RuleNumber: {digits}{tail}",
    st.text(max_size=20),
    st.text("0123456789", min_size=1, max_size=12),
    st.text(max_size=10),
)
issues = st.fixed_dictionaries(
    {},
    optional={
        "severity": json_values,
        "code": st.sampled_from(["value", "duplicate", "invalid-access-token"]) | json_values,
        "details": st.fixed_dictionaries(
            {}, optional={"text": rule_texts | json_values, "coding": json_values}
        )
        | json_values,
        "diagnostics": rule_texts | json_values,
        "expression": st.lists(st.text(max_size=20) | json_values, max_size=3) | json_values,
    },
)
outcomes = st.fixed_dictionaries(
    {"resourceType": st.just("OperationOutcome")},
    optional={"issue": st.lists(issues | json_values, max_size=4) | json_values},
)


@given(outcomes | json_values, st.integers(400, 499))
def test_operation_outcome_parsing_never_raises(body, status):
    parsed = parse_operation_outcome(body)
    assert all(isinstance(issue, OutcomeIssue) for issue in parsed)
    assert all(isinstance(number, int) and number >= 0 for number in rule_numbers(parsed))
    error = rejection(status, body, "POST Observation", "snippet")
    assert isinstance(error, RejectedError)
    assert "\n" not in str(error)
    assert isinstance(error, DuplicateResourceError) == is_duplicate(parsed)


@given(
    json_values
    | st.fixed_dictionaries(
        {"access_token": st.text(max_size=20)},
        optional={"expires_in": json_values | st.text("0123456789 +-", max_size=8)},
    )
)
def test_token_reply_parsing_raises_only_protocol_error(body):
    try:
        token = parse_token_response(body, obtained_at=100.0)
    except ProtocolError:  # a SatusehatError: the only exception allowed
        return
    assert isinstance(token, AccessToken)
    assert 100.0 < token.refresh_at < 100.0 + token.expires_in_s


def test_token_expiry_arithmetic():
    assert parse_expires_in("3599") == 3599.0
    assert parse_expires_in(3599) == 3599.0
    assert refresh_deadline(1000.0, 3599.0) == 1000.0 + 3539.0
    assert refresh_deadline(0.0, 10.0) == 5.0  # short lifetimes: half of it, never negative
    token = parse_token_response({"access_token": "abc", "expires_in": "3599"}, obtained_at=0.0)
    assert token.is_fresh(3538.9)
    assert not token.is_fresh(3539.0)
    assert "abc" not in repr(token)
    for bad in (None, "", "soon", "1e3", True, 3.5, "0", []):
        with pytest.raises(ProtocolError):
            parse_expires_in(bad)


@pytest.mark.parametrize("claimed", [86_401, "999999999999", 5.764607523034235e17, 2**80])
def test_a_claimed_lifetime_beyond_a_day_is_kept_one_day(claimed):
    # Hypothesis found 5.76e17 s: as a float the refresh deadline rounded past the expiry.
    token = parse_token_response({"access_token": "abc", "expires_in": claimed}, obtained_at=100.0)
    assert token.expires_in_s == MAX_TOKEN_LIFETIME_S
    assert token.refresh_at == 100.0 + MAX_TOKEN_LIFETIME_S - REFRESH_MARGIN_S


def test_error_messages_are_one_line():
    error = TransientError("line one\nline two", status=503)
    assert str(error) == "line one line two"
    for cls in (TransientError, AuthenticationError, RejectedError, ProtocolError):
        assert issubclass(cls, SatusehatError)
    assert issubclass(DuplicateResourceError, RejectedError)
    assert json.dumps(str(error))
