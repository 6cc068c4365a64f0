"""The uploader against a server that ignores search parameters (issue 10, item 2): a reading
is never recorded as sent under another person's resource, nor with its Encounter missing.

SATUSEHAT documents Encounter search by ``subject`` and Observation search by ``subject``,
``encounter`` and ``subject`` + ``based-on``, not by ``identifier``
(``docs/reference/satusehat.md``, "Added after trying the station against published
behaviour"); the imitation server's SATUSEHAT flavour ignores the rest, and keeps duplicates
here (a generic FHIR server), so only the station's own checks keep the record right.
"""

from __future__ import annotations

import pytest

from station.store.models import OutboxStatus
from tests.satusehat_server import FHIR, SATUSEHAT, Fault
from tests.satusehat_server.state import SEARCH_PARAMETERS
from tests.station.test_upload import (
    assert_each_resource_once,
    assert_server_ids_verified,
    drain,
    record_visits,
)

ALL_SENT = {"pending": 0, "sending": 0, "sent": 9, "failed": 0, "dead": 0}


def _transactions(server):
    return [r for r in server.requests if r.method == "POST" and r.path.endswith("/fhir-r4/v1")]


@pytest.mark.parametrize("answers", [SATUSEHAT, FHIR], ids=["absolute-answers", "relative"])
def test_a_server_ignoring_identifier_never_leads_to_a_misfiled_sent(
    upload_settings, server, answers
):
    """One visit's first POST is lost before the server stores it; the retry looks the visit
    up. Asked ``Encounter?identifier=…`` and ``Observation?identifier=…``, this server answers
    with the other visits' resources: taken at their word, the visit would be ``sent`` with no
    Encounter on the server and its readings filed as another person's Observations."""
    server.state.answer_shape = answers  # relative answers: the shape the old code could read
    _ids, stored = record_visits(upload_settings, server, visits=3)
    server.add_fault(Fault.drop_before_store(method="POST", path="/fhir-r4/v1"))
    summary, outbox, _store = drain(upload_settings)
    assert (summary.sent, summary.failed) == (6, 3)
    summary, outbox, _store = drain(upload_settings, include_failed=True)
    assert outbox == ALL_SENT
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)
    assert len(_transactions(server)) == 4  # the lost one, sent again once


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("Encounter", "subject is not the Patient"),
        ("Observation", "encounter is not the Encounter"),
    ],
)
def test_an_answer_that_cannot_be_trusted_fails_the_visit_and_sends_nothing(
    upload_settings, server, kind, reason
):
    """The visit's Bundle was stored but its answer lost; the server now ignores even the
    documented parameter. The answer is not believed: the entries are ``failed`` with the
    reason, nothing is sent again and nothing is marked sent, until the server answers
    properly; then the visit is found, not sent a second time."""
    _ids, stored = record_visits(upload_settings, server, visits=3)
    server.add_fault(Fault.drop_after_store(method="POST", path="/fhir-r4/v1"))
    summary, outbox, _store = drain(upload_settings)
    assert (summary.sent, summary.failed) == (6, 3)
    server.state.search_parameters[kind] = frozenset()
    summary, outbox, store = drain(upload_settings, include_failed=True)
    assert (outbox["sent"], outbox["failed"], outbox["dead"]) == (6, 3, 0)
    problems = store.problems()
    assert {p.status for p in problems} == {OutboxStatus.FAILED}
    assert all(reason in p.error and "not used" in p.error for p in problems)
    assert len(_transactions(server)) == 3  # nothing sent on an untrusted answer
    server.state.search_parameters = dict(SEARCH_PARAMETERS)
    summary, outbox, _store = drain(upload_settings, include_failed=True)
    assert outbox == ALL_SENT
    assert len(_transactions(server)) == 3  # found, not sent again
    assert_each_resource_once(server, stored, upload_settings)
    assert_server_ids_verified(server, stored, upload_settings)


def test_two_copies_on_the_server_fail_the_visit_with_a_reason(upload_settings, server):
    """The visit's Bundle arrived (answer lost) and something else stored a second copy of
    its Encounter: which one would the readings belong to? Neither is chosen; a person must
    look, and nothing is sent or marked sent."""
    record_visits(upload_settings, server, visits=1)
    server.add_fault(Fault.drop_after_store(method="POST", path="/fhir-r4/v1"))
    drain(upload_settings)
    (encounter,) = server.resources("Encounter")
    server.add_resource({**encounter, "id": "copy-of-the-encounter"})
    _summary, outbox, store = drain(upload_settings, include_failed=True)
    assert (outbox["sent"], outbox["failed"]) == (0, 3)
    assert "2 resources carry the identifier" in store.problems()[0].error
    assert len(_transactions(server)) == 1
