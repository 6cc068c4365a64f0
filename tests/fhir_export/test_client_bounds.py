"""The SATUSEHAT client stays bounded in time and memory whatever the server sends (issue 10
item 7), against the loopback imitation server's hostile faults (tests/satusehat_server/
faults.py: trickle, gzip bomb, huge body); and the NIK-masking and URL rules (item 8)."""

from __future__ import annotations

import asyncio
import gzip
import logging
import time
import tracemalloc
import zlib

import pytest

from fhir_export.bounded_http import BodyTooLarge, UnsupportedEncoding, read_bounded
from fhir_export.log_privacy import NikMaskingFilter, mask_digit_runs
from fhir_export.satusehat_client import (
    ConfigurationError,
    ResponseTooLargeError,
    TransientError,
    check_satusehat_url,
)
from tests.fhir_export.test_satusehat_client import (
    PATIENT_IHS,
    PATIENT_NIK,
    Sleeps,
    client_for,
    encounter_json,
    fhir_requests,
    make_visit,
    run,
)
from tests.satusehat_server import SatusehatServer, faults

ORG = "10000004"
MB = 1024 * 1024


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret="secret") as s:
        s.register_patient(PATIENT_NIK, PATIENT_IHS)
        yield s


def _bounded(server, scenario, **overrides):
    """Run ``scenario(client)``; its outcome, the seconds it took and the peak of Python
    allocations meanwhile (the in-process server's included)."""

    async def go():
        async with client_for(server, client_secret="secret", **overrides) as client:
            return await scenario(client)

    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = run(go())
    except Exception as exc:  # noqa: BLE001 - the error is the outcome under test
        outcome = exc
    seconds = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, seconds, peak


def _search(client):
    return client.find_patient_ihs(PATIENT_NIK)


def test_a_trickling_answer_ends_at_the_deadline_and_is_retried_then_transient(server):
    # One byte every 0.5 s never trips the 5 s per-read timeout; the 1 s deadline ends each
    # attempt (before: the search took as long as the answer, about 2 minutes here).
    server.add_fault(faults.trickle(0.5, path="/Patient"), times=2)
    outcome, seconds, _peak = _bounded(
        server, _search, request_deadline_s=1.0, max_attempts=2, sleeps=Sleeps()
    )
    assert isinstance(outcome, TransientError), outcome
    assert "no complete answer within 1 s" in str(outcome)
    assert seconds < 5
    assert len(fhir_requests(server, "/Patient")) == 2  # an idempotent GET: tried again


def test_a_trickling_answer_to_a_post_is_not_repeated_and_may_have_been_processed(server):
    server.add_fault(faults.trickle(0.5, method="POST", path="/Encounter"))

    async def create(client):
        return await client.create(encounter_json(make_visit()))

    outcome, seconds, _peak = _bounded(server, create, request_deadline_s=1.0)
    assert isinstance(outcome, TransientError), outcome
    assert outcome.maybe_processed
    assert seconds < 5
    assert len(fhir_requests(server, "/Encounter")) == 1
    assert len(server.resources("Encounter")) == 1  # it was stored: the caller looks it up


def test_a_gzip_bomb_is_refused_within_the_cap(server):
    # 300 MB of zeros in about 300 KB (before: httpx inflated it all, 1.3 GB RSS in the issue)
    server.add_fault(faults.gzip_bomb(path="/Patient"))
    outcome, seconds, peak = _bounded(server, _search)
    assert isinstance(outcome, ResponseTooLargeError), outcome
    assert "larger than 2048 KiB" in str(outcome)
    assert peak < 20 * MB, peak
    assert seconds < 10
    assert len(fhir_requests(server, "/Patient")) == 1  # the same answer would come again


def test_a_huge_body_is_refused_after_the_cap_without_reading_it_all(server):
    server.add_fault(faults.huge_body(50 * 1000 * 1000, path="/Patient"))
    outcome, seconds, peak = _bounded(server, _search)
    assert isinstance(outcome, ResponseTooLargeError), outcome
    assert peak < 20 * MB, peak
    assert seconds < 10


def test_the_cap_is_a_setting_and_a_normal_answer_passes_under_it(server):
    server.add_fault(faults.huge_body(300 * 1024, path="/Patient"))
    outcome, _seconds, _peak = _bounded(server, _search, max_response_bytes=256 * 1024)
    assert isinstance(outcome, ResponseTooLargeError)
    outcome, _seconds, _peak = _bounded(server, _search, max_response_bytes=256 * 1024)
    assert outcome == PATIENT_IHS


def test_misconfiguration_answers_name_the_setting_and_are_not_rejections(server):
    server.add_fault(faults.status(403, "Forbidden by gateway", path="/Patient"))
    outcome, _seconds, _peak = _bounded(server, _search)
    assert type(outcome) is ConfigurationError
    assert outcome.status == 403
    assert "Forbidden by gateway" in str(outcome)


# --- the bounded reader, pure ------------------------------------------------------------------


async def _chunks(data: bytes, size: int = 1000):
    for i in range(0, len(data), size):
        yield data[i : i + size]


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("", lambda b: b),
        ("identity", lambda b: b),
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),  # RFC 9110: the zlib format
        ("deflate", lambda b: zlib.compress(b, wbits=-15)),  # raw deflate, seen in the wild
    ],
)
def test_read_bounded_decodes_up_to_the_limit_exactly(encoding, pack):
    body = b'{"resourceType": "Bundle"}' * 100
    assert asyncio.run(read_bounded(_chunks(pack(body)), encoding, len(body))) == body
    with pytest.raises(BodyTooLarge):
        asyncio.run(read_bounded(_chunks(pack(body)), encoding, len(body) - 1))


def test_read_bounded_refuses_unknown_or_corrupt_encodings():
    with pytest.raises(UnsupportedEncoding, match="br"):
        asyncio.run(read_bounded(_chunks(b"x"), "br", 100))
    with pytest.raises(UnsupportedEncoding, match="corrupt"):
        asyncio.run(read_bounded(_chunks(b"not gzip at all"), "gzip", 100))


# --- item 8 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/fhir-r4/v1",
        "http://127.1.2.3/x",
        "http://[::1]:9/x",
        "http://localhost/x",
    ],
)
def test_cleartext_is_accepted_only_on_loopback(url):
    check_satusehat_url("base_url", url)
    check_satusehat_url("base_url", url.replace("http://", "https://"))


@pytest.mark.parametrize(
    "url",
    [
        "http://api-satusehat.kemkes.go.id/fhir-r4/v1",
        "http://10.0.0.5/fhir-r4/v1",
        "http://127.0.0.1.example.org/x",
        "ftp://127.0.0.1/x",
        "https://",
        "api-satusehat.kemkes.go.id",
    ],
)
def test_other_urls_are_refused_with_the_reason(url):
    with pytest.raises(ValueError, match="https://"):
        check_satusehat_url("base_url", url)


def test_the_masking_filter_hides_every_nik_in_httpx_style_lines(caplog):
    logger = logging.getLogger("tests.nik-filter")
    logger.addFilter(NikMaskingFilter())
    url = f"https://x/fhir-r4/v1/Patient?identifier=https%3A%2F%2Ffhir.kemkes.go.id%2Fid%2Fnik%7C{PATIENT_NIK}"
    with caplog.at_level(logging.INFO, logger="tests.nik-filter"):
        logger.info('HTTP Request: %s %s "%s"', "GET", url, "HTTP/1.1 200 OK")
    assert PATIENT_NIK not in caplog.text
    assert f"{PATIENT_NIK[:4]}{'*' * 12}" in caplog.text
    assert mask_digit_runs("ids 12345678901234567 and 1234") == "ids 12345678901234567 and 1234"
