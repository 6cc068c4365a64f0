"""Look-ups that never trust a search to have honoured its parameters, and transaction answers
read as SATUSEHAT writes them; against the loopback imitation server
(tests/satusehat_server, SATUSEHAT flavour unless said otherwise) and, for answers no honest
server gives, httpx.MockTransport.

Sources: docs/reference/satusehat.md 1.4 and "Added after trying the station against
published behaviour" (documented search parameters; absolute locations with resourceID and
resourceType: irawanteguh/satusehat application/controllers/restapi/Allergyintolerance.php,
vernandaspw/bridging-satusehat app/Http/Livewire/Encounter/Bundle/EncounterBundleRajalPage.php;
an unknown person as a 200 OperationOutcome: ivanwilliammd/satusehat-integration
src/OAuth2Client.php); FHIR R4 bundle.html (Bundle.entry.response.location) and
http.html#transaction.
"""

from __future__ import annotations

import httpx
import pytest

from fhir_export.satusehat_client import ProtocolError, SatusehatClient, UntrustedSearchError
from fhir_export.transaction_answer import (
    entry_server_id,
    location_id,
    transaction_server_ids,
)
from tests.fhir_export.test_satusehat_client import (
    client_for,
    mock_client,
    run,
    token_reply,
)
from tests.fhir_export.test_satusehat_server import (
    ENCOUNTER_SYSTEM,
    NIK_SYSTEM,
    OBSERVATION_SYSTEM,
    ORG,
    PATIENT_IHS,
    PATIENT_NIK,
    PRACTITIONER_IHS,
    PRACTITIONER_NIK,
    SECRET,
    make_visit,
    transaction_json,
)
from tests.satusehat_server import FHIR, SatusehatServer

OTHER_IHS = "P00805884304"  # another sandbox patient (docs/reference/satusehat.md 1.4)


@pytest.fixture(params=["satusehat", FHIR])
def any_server(request):
    with SatusehatServer(
        organization_id=ORG, client_secret=SECRET, flavour=request.param
    ) as running:
        yield running


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_secret=SECRET) as running:
        yield running


def _send(server, *visits) -> list[dict]:
    async def scenario():
        async with client_for(server) as client:
            return [await client.transaction(transaction_json(v)) for v in visits]

    return run(scenario())


def _lookup(server, call):
    async def scenario():
        async with client_for(server) as client:
            return await call(client)

    return run(scenario())


# --- item 3: an unknown person -----------------------------------------------------------------


def test_an_unknown_person_is_none_whether_an_outcome_or_an_empty_searchset(any_server):
    """SATUSEHAT flavour answers 200 OperationOutcome, FHIR flavour an empty searchset: both
    are "not registered", never a protocol error retried forever."""

    async def people(client: SatusehatClient):
        return (
            await client.find_patient_ihs("3174015507850002"),
            await client.find_practitioner_ihs("3174010101800001"),
            await client.find_patient_ihs(PATIENT_NIK),
            await client.find_practitioner_ihs(PRACTITIONER_NIK),
        )

    assert _lookup(any_server, people) == (None, None, PATIENT_IHS, PRACTITIONER_IHS)


def test_an_outcome_saying_the_search_failed_is_not_taken_for_nobody():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        outcome = {
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": "exception", "details": {"text": "db down"}}],
        }
        return httpx.Response(200, json=outcome)

    async def scenario():
        async with mock_client(handler) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(ProtocolError, match="could not search"):
        run(scenario())


def test_a_patient_without_the_nik_sought_is_not_believed():
    """A Patient search answering with someone who does not carry the NIK: never that IHS."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        stranger = {
            "resourceType": "Patient",
            "id": OTHER_IHS,
            "identifier": [{"system": NIK_SYSTEM, "value": "9104224509000003"}],
        }
        return httpx.Response(
            200,
            json={"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": stranger}]},
        )

    async def scenario():
        async with mock_client(handler) as client:
            await client.find_patient_ihs(PATIENT_NIK)

    with pytest.raises(UntrustedSearchError, match="without the identifier"):
        run(scenario())


# --- item 2: searches that ignore their parameters ---------------------------------------------


def test_identifier_search_on_encounter_is_ignored_by_satusehat_and_not_believed(server):
    """Encounter?identifier= is not documented: the server answers with other visits, and
    the client refuses the answer instead of taking its first resource."""
    _send(server, make_visit(2, patient_ihs=OTHER_IHS))

    async def search(client: SatusehatClient):
        return await client.search_by_identifier("Encounter", ENCOUNTER_SYSTEM, "desk-1-v1")

    with pytest.raises(UntrustedSearchError, match="ignored the search parameter"):
        _lookup(server, search)


def test_encounter_and_observations_are_found_by_documented_searches(server):
    _send(server, make_visit(1), make_visit(2, patient_ihs=OTHER_IHS), make_visit(3))
    (mine,) = server.find("Encounter", ENCOUNTER_SYSTEM, "desk-1-v1")

    async def look(client: SatusehatClient):
        return (
            await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1"),
            await client.find_encounter(OTHER_IHS, ENCOUNTER_SYSTEM, "desk-1-v1"),
            await client.find_observations(
                mine["id"],
                PATIENT_IHS,
                OBSERVATION_SYSTEM,
                ["desk-1-v1-systolic", "desk-1-v1-spo2", "desk-1-v3-spo2"],
            ),
        )

    encounter_id, of_other_person, observations = _lookup(server, look)
    assert encounter_id == mine["id"]
    assert of_other_person is None  # visit 1 is not the other person's
    assert set(observations) == {"desk-1-v1-systolic", "desk-1-v1-spo2"}  # v3: another visit
    for value, server_id in observations.items():
        (stored,) = server.find("Observation", OBSERVATION_SYSTEM, value)
        assert stored["id"] == server_id


def test_an_encounter_search_that_ignores_subject_is_not_believed(server):
    _send(server, make_visit(1), make_visit(2, patient_ihs=OTHER_IHS))
    server.state.search_parameters["Encounter"] = frozenset()  # now even subject is ignored

    async def look(client: SatusehatClient):
        return await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1")

    with pytest.raises(UntrustedSearchError, match="subject is not the Patient"):
        _lookup(server, look)


def test_an_observation_search_that_ignores_encounter_is_not_believed(server):
    _send(server, make_visit(1), make_visit(2, patient_ihs=OTHER_IHS))
    (mine,) = server.find("Encounter", ENCOUNTER_SYSTEM, "desk-1-v1")
    server.state.search_parameters["Observation"] = frozenset()

    async def look(client: SatusehatClient):
        return await client.find_observations(
            mine["id"], PATIENT_IHS, OBSERVATION_SYSTEM, ["desk-1-v1-spo2"]
        )

    with pytest.raises(UntrustedSearchError, match="encounter is not the Encounter"):
        _lookup(server, look)


def test_two_copies_of_an_encounter_are_not_guessed_between():
    with SatusehatServer(
        organization_id=ORG, client_secret=SECRET, reject_duplicates=False
    ) as server:
        _send(server, make_visit(1), make_visit(1))

        async def look(client: SatusehatClient):
            return await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1")

        with pytest.raises(UntrustedSearchError, match="2 resources carry the identifier"):
            _lookup(server, look)


def test_an_observation_of_another_subject_with_the_identifier_is_not_believed():
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        stray = {
            "resourceType": "Observation",
            "id": "obs-1",
            "identifier": [{"system": OBSERVATION_SYSTEM, "value": "desk-1-v1-spo2"}],
            "subject": {"reference": f"Patient/{OTHER_IHS}"},
            "encounter": {"reference": "Encounter/enc-1"},
        }
        return httpx.Response(
            200,
            json={"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": stray}]},
        )

    async def scenario():
        async with mock_client(handler) as client:
            await client.find_observations(
                "enc-1", PATIENT_IHS, OBSERVATION_SYSTEM, ["desk-1-v1-spo2"]
            )

    with pytest.raises(UntrustedSearchError, match="another subject"):
        run(scenario())


def test_the_search_follows_next_pages_to_find_an_old_visit(server):
    """Twelve visits of one person: the first is on the second page (10 a page, newest
    first); a bound of one page cannot tell, and says so."""
    _send(server, *(make_visit(n) for n in range(1, 13)))
    (first,) = server.find("Encounter", ENCOUNTER_SYSTEM, "desk-1-v1")

    async def look(client: SatusehatClient):
        return await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1")

    assert _lookup(server, look) == first["id"]
    pages = [r for r in server.requests if r.path.endswith("/Encounter")]
    assert len(pages) == 2
    assert "_page=2" in pages[1].query

    async def one_page(client: SatusehatClient):
        return await client.search("Encounter", {"subject": f"Patient/{PATIENT_IHS}"}, max_pages=1)

    with pytest.raises(UntrustedSearchError, match="more than 1 pages"):
        _lookup(server, one_page)


@pytest.mark.parametrize(
    "next_url",
    ["https://elsewhere.test/fhir-r4/v1/Encounter?_page=2", "https://satusehat.test/other"],
)
def test_a_next_link_off_the_base_url_is_not_followed(next_url):
    """The token goes with every request: a next page elsewhere is refused, not fetched."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path.endswith("/accesstoken"):
            return token_reply()
        return httpx.Response(
            200,
            json={
                "resourceType": "Bundle",
                "type": "searchset",
                "link": [{"relation": "next", "url": next_url}],
            },
        )

    async def scenario():
        async with mock_client(handler) as client:
            await client.find_encounter(PATIENT_IHS, ENCOUNTER_SYSTEM, "desk-1-v1")

    with pytest.raises(ProtocolError, match="leaves the SATUSEHAT base URL"):
        run(scenario())
    assert not any(url.startswith(next_url) for url in seen)


# --- item 1: transaction answers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("Encounter/abc", ("Encounter", "abc")),
        ("Encounter/abc/_history/1", ("Encounter", "abc")),
        ("/Encounter/abc/_history/2", ("Encounter", "abc")),
        (
            "https://api-satusehat-stg.dto.kemkes.go.id/fhir-r4/v1/Encounter/"
            "0f3c0c2e-1d7a-4bbc-9f1e-6e0f4d2b1c11/_history/1",
            ("Encounter", "0f3c0c2e-1d7a-4bbc-9f1e-6e0f4d2b1c11"),
        ),
        ("http://127.0.0.1:8080/fhir-r4/v1/Observation/o-1", ("Observation", "o-1")),
    ],
)
def test_locations_relative_and_absolute_with_and_without_history(location, expected):
    assert location_id(location) == expected


@pytest.mark.parametrize(
    "location",
    [
        "",
        "abc",
        "Encounter",
        "_history/1",
        "ftp://host/Encounter/a",
        "//host/Encounter/a",
        "Encounter/a b",
        "encounter/abc",
    ],
)
def test_unusable_locations_are_refused(location):
    with pytest.raises(ValueError, match=r"Type/id|URL"):
        location_id(location)


def test_satusehat_resource_id_is_preferred_and_must_agree_with_the_location():
    base = "https://host/fhir-r4/v1"
    assert entry_server_id({"status": "201 Created", "resourceID": "e1"}, "Encounter", "e") == "e1"
    answer = {
        "status": "201 Created",
        "location": f"{base}/Encounter/e1/_history/1",
        "resourceID": "e1",
        "resourceType": "Encounter",
    }
    assert entry_server_id(answer, "Encounter", "e") == "e1"
    with pytest.raises(ProtocolError, match="differ"):
        entry_server_id({**answer, "resourceID": "e2"}, "Encounter", "e")
    with pytest.raises(ProtocolError, match="a Observation was sent"):
        entry_server_id(answer, "Observation", "e")
    with pytest.raises(ProtocolError, match="the location names a Encounter"):
        entry_server_id({**answer, "resourceType": "Observation"}, "Observation", "e")
    with pytest.raises(ProtocolError, match="not a success"):
        entry_server_id({**answer, "status": "400 Bad Request"}, "Encounter", "e")
    with pytest.raises(ProtocolError, match="neither a resourceID nor a location"):
        entry_server_id({"status": "201 Created"}, "Encounter", "e")
    with pytest.raises(ProtocolError, match="not a FHIR id"):
        entry_server_id({"status": "201", "resourceID": "a/b"}, "Encounter", "e")


def test_the_server_answers_in_both_flavours_map_back_by_type_and_position(any_server):
    (response,) = _send(any_server, make_visit(1))
    ids = transaction_server_ids(response, ["Encounter"] + ["Observation"] * 4)
    (encounter,) = any_server.resources("Encounter")
    assert ids[0] == encounter["id"]
    assert ids[1:] == [o["id"] for o in any_server.resources("Observation")]
    with pytest.raises(ProtocolError, match="entries for 4 sent"):
        transaction_server_ids(response, ["Observation"] * 4)
    with pytest.raises(ProtocolError):
        transaction_server_ids(response, ["Observation"] * 5)  # the Encounter is first
