"""A proxy or a broken gateway in front of SATUSEHAT (issue 14's hostile-server list): each
answer ends ``vitals-station sync --once`` bounded in time, with the visit in the right
state, and the next sync sends every resource exactly once.

Run as the real console script against the imitation server on loopback (the trickle, gzip
bomb and 50 MB body are in test_upload_bounds.py; the codec of each answer's parsing in
tests/fhir_export/test_satusehat_client.py). What a real proxy sends is taken from what
nginx and cloud load balancers do: an HTML error page for 502, a login page or redirect
where an API answer was expected.
"""

from __future__ import annotations

import os

import pytest

from tests.satusehat_server import faults
from tests.station.test_upload import assert_each_resource_once, drain, record_visits
from tests.station.test_upload_bounds import TRANSACTION, _outbox, _sync_once

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 (POSIX)")

TOKEN = {"method": "POST", "path": "/accesstoken"}
_HTML_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
_LOGIN_PAGE = "<!DOCTYPE html><html><body><form action='/login'>Masuk</form></body></html>"

# (fault, the outbox's state after the faulted sync, words the reason must hold)
CASES = {
    "html-502-from-a-proxy": (
        faults.raw(502, _HTML_502, "text/html", **TRANSACTION),
        "sent",  # a 502 is transient: retried within the same sync, after a backoff
        "",
    ),
    "malformed-json": (
        faults.raw(200, '{"resourceType": "Bundle", "entry": [', "application/json", **TRANSACTION),
        "failed",
        "",
    ),
    "200-with-the-wrong-content-type": (
        faults.raw(200, _LOGIN_PAGE, "text/html; charset=utf-8", **TRANSACTION),
        "failed",
        "",
    ),
    "401-without-an-operation-outcome": (
        faults.raw(401, "Unauthorized", "text/plain", **TRANSACTION),
        "failed",  # not SATUSEHAT's stale-token answer: kept for the next round, not dropped
        "401",
    ),
    "403-without-an-operation-outcome": (
        faults.raw(403, "Forbidden", "text/plain", **TRANSACTION),
        "failed",
        "403",
    ),
    "404-without-an-operation-outcome": (
        faults.raw(404, "Not Found", "text/plain", **TRANSACTION),
        "failed",
        "404",
    ),
    "redirect-to-another-host": (
        faults.raw(302, "", "text/html", location="https://login.example.net/sso", **TRANSACTION),
        "failed",
        "302",
    ),
    "token-without-expires-in": (
        faults.raw(
            200,
            '{"access_token": "abc", "token_type": "BearerToken", "status": "approved"}',
            "application/json",
            **TOKEN,
        ),
        "failed",
        "expires_in",
    ),
}


@pytest.fixture
def upload_settings(make_settings, server):
    from tests.station.test_upload import satusehat_environ

    return make_settings("[upload]\nrequest_deadline_seconds = 2\n", **satusehat_environ(server))


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_answer_ends_bounded_and_nothing_is_lost_or_sent_twice(
    upload_settings, server, case
):
    fault, state, reason_words = CASES[case]
    _ids, stored = record_visits(upload_settings, server, visits=1)
    server.add_fault(fault)
    summary, seconds, _rss = _sync_once(upload_settings, server)
    assert seconds < 20, seconds
    assert summary["dead"] == 0, summary  # a proxy's answer never gives a visit up
    status = _outbox(upload_settings)
    assert status["outbox"].get(state, 0) == 3, (case, status)
    if state == "failed":
        assert reason_words in status["last_error"], status["last_error"]
    _again, outbox, _store = drain(upload_settings, include_failed=True)
    assert outbox["sent"] == 3, outbox
    assert_each_resource_once(server, stored, upload_settings)
