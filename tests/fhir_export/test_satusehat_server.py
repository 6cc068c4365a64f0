"""The imitation SATUSEHAT (tests/satusehat_server) behaves as the research notes describe
(docs/reference/satusehat.md 1.2-1.4, 2.3, 5): Apigee token strings, the 401 shape, RuleNumber
outcomes, 20002 duplicates or a generic server's second copy, atomic transactions with urn:uuid
resolution, faults, and the process mode."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from fhir_export.mapping import encounter_for, observation_for, to_dict, visit_bundle
from fhir_export.model import ExportContext, VisitExport, VitalKind, VitalSign
from fhir_export.satusehat_rules import validate_bundle
from tests.satusehat_server import (
    FHIR,
    SANDBOX_PATIENTS,
    SANDBOX_PRACTITIONERS,
    SatusehatServer,
    faults,
)

ROOT = Path(__file__).resolve().parents[2]
SECRET = "secret"
WIB = timezone(timedelta(hours=7))
ORG = "10000004"
NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik"
PATIENT_NIK, PATIENT_IHS = "9271060312000001", "P02478375538"
PRACTITIONER_NIK, PRACTITIONER_IHS = "7209061211900001", "10009880728"
CTX = ExportContext(
    organization_id=ORG,
    location_id="b017aa54-f1df-4ec2-9d84-8823815d7228",
    practitioner_nik=PRACTITIONER_NIK,
    practitioner_ihs=PRACTITIONER_IHS,
)
START = datetime(2025, 3, 1, 9, 0, tzinfo=WIB)
ENCOUNTER_SYSTEM = f"http://sys-ids.kemkes.go.id/encounter/{ORG}"
OBSERVATION_SYSTEM = f"http://sys-ids.kemkes.go.id/observation/{ORG}"
_VITALS = (
    (VitalKind.SYSTOLIC, 128.0, "N"),
    (VitalKind.DIASTOLIC, 82.0, "N"),
    (VitalKind.HEART_RATE, 112.0, "H"),
    (VitalKind.SPO2, 97.5, None),
)


# --- payloads built by the station's own mapping (shared with test_satusehat_client) --------


def make_visit(number: int = 1, *, patient_ihs: str | None = PATIENT_IHS) -> VisitExport:
    """A confirmed visit with four vital signs, as the station exports it."""
    return VisitExport(
        visit_id=f"v{number}",
        encounter_identifier=f"desk-1-v{number}",
        nik=PATIENT_NIK,
        name="Siti Rahayu",
        birth_date=None,
        started=START,
        finished=START + timedelta(minutes=20),
        vitals=tuple(
            VitalSign(
                identifier=f"desk-1-v{number}-{kind.value}",
                kind=kind,
                value=value,
                effective=START + timedelta(minutes=15),
                device_label="Omron HEM-7142T1",
                simulated=False,
                interpretation=interpretation,
            )
            for kind, value, interpretation in _VITALS
        ),
        patient_ihs=patient_ihs,
    )


def transaction_json(visit: VisitExport, ctx: ExportContext = CTX) -> dict:
    return to_dict(visit_bundle(visit, ctx))


def encounter_json(visit: VisitExport, ctx: ExportContext = CTX) -> dict:
    return to_dict(encounter_for(visit, ctx))


def observation_json(
    visit: VisitExport, encounter_ref: str, index: int = 0, ctx: ExportContext = CTX
) -> dict:
    return to_dict(observation_for(visit.vitals[index], visit, ctx, encounter_ref))


# --- fixtures and helpers --------------------------------------------------------------------


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret=SECRET) as s:
        yield s


@pytest.fixture(scope="module")
def http():
    # One client for the module: creating one costs ~30 ms (its TLS context).
    with httpx.Client(timeout=10) as client:
        yield client


def get_token(http: httpx.Client, server: SatusehatServer) -> str:
    reply = http.post(
        f"{server.auth_url}/accesstoken",
        params={"grant_type": "client_credentials"},
        data={"client_id": "cid", "client_secret": "secret"},
    )
    assert reply.status_code == 200
    return reply.json()["access_token"]


@pytest.fixture
def auth(http, server) -> dict[str, str]:
    return {"Authorization": f"Bearer {get_token(http, server)}"}


def texts(reply: httpx.Response) -> list[str]:
    body = reply.json()
    assert body["resourceType"] == "OperationOutcome"
    return [issue["details"]["text"] for issue in body["issue"]]


def rule_numbers(reply: httpx.Response) -> list[int]:
    return [int(n) for t in texts(reply) for n in re.findall(r"RuleNumber: (\d+)", t)]


def post_encounter(http, server, auth, visit: VisitExport | None = None) -> dict:
    reply = http.post(
        f"{server.base_url}/Encounter", json=encounter_json(visit or make_visit()), headers=auth
    )
    assert reply.status_code == 201, reply.text
    return reply.json()


@pytest.fixture(autouse=True)
def _no_leaked_server_threads():
    yield
    leaked = [t.name for t in threading.enumerate() if t.name.startswith("satusehat-fake")]
    assert leaked == [], "a test left imitation-server threads running"


# --- token endpoint ---------------------------------------------------------------------------


def test_token_reply_is_apigee_style_with_numbers_as_strings(http, server):
    reply = http.post(
        f"{server.auth_url}/accesstoken",
        params={"grant_type": "client_credentials"},
        data={"client_id": "cid", "client_secret": "secret"},
    )
    assert reply.status_code == 200
    body = reply.json()
    assert body["expires_in"] == "3599"
    assert body["token_type"] == "BearerToken"
    assert body["status"] == "approved"
    assert body["refresh_token_expires_in"] == "0"
    assert body["client_id"] == "cid"
    assert re.fullmatch(r"\d{13}", body["issued_at"])  # epoch milliseconds, as text
    for key in ("expires_in", "issued_at", "refresh_count", "refresh_token_expires_in"):
        assert isinstance(body[key], str)
    assert body["access_token"]
    assert (server.token_requests, server.tokens_issued) == (1, 1)


@pytest.mark.parametrize(
    ("params", "form"),
    [
        ({"grant_type": "client_credentials"}, {"client_id": "cid", "client_secret": "wrong"}),
        ({"grant_type": "client_credentials"}, {"client_id": "nobody", "client_secret": "secret"}),
        ({"grant_type": "password"}, {"client_id": "cid", "client_secret": "secret"}),
        ({}, {"client_id": "cid", "client_secret": "secret"}),
    ],
    ids=["wrong-secret", "unknown-client", "wrong-grant", "no-grant"],
)
def test_token_refusal_is_the_documented_outcome(http, server, params, form):
    reply = http.post(f"{server.auth_url}/accesstoken", params=params, data=form)
    assert reply.status_code == 401
    (issue,) = reply.json()["issue"]
    assert issue["severity"] == "invalid"
    assert issue["code"] == "value"
    assert "client_id or client_secret combination is unacceptable" in issue["details"]["text"]
    assert (server.token_requests, server.tokens_issued) == (1, 0)


# --- 401 on the FHIR API ------------------------------------------------------------------------


def assert_invalid_token(reply: httpx.Response) -> None:
    assert reply.status_code == 401
    assert reply.json() == {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": "invalid-access-token",
                "details": {"text": "Invalid Access Token."},
            }
        ],
    }


def test_fhir_api_needs_a_live_bearer_token(http, server, auth):
    url = f"{server.base_url}/Patient"
    params = {"identifier": f"{NIK_SYSTEM}|{PATIENT_NIK}"}
    assert_invalid_token(http.get(url, params=params))
    assert_invalid_token(http.get(url, params=params, headers={"Authorization": "Bearer nope"}))
    assert http.get(url, params=params, headers=auth).status_code == 200
    server.advance_clock(3500)  # still inside the 3599 s
    assert http.get(url, params=params, headers=auth).status_code == 200
    server.advance_clock(100)
    assert_invalid_token(http.get(url, params=params, headers=auth))


def test_expire_tokens_ends_every_issued_token(http, server, auth):
    url = f"{server.base_url}/Encounter/anything"
    assert http.get(url, headers=auth).status_code == 404
    assert server.expire_tokens() == 1
    assert_invalid_token(http.get(url, headers=auth))
    fresh = {"Authorization": f"Bearer {get_token(http, server)}"}
    assert http.get(url, headers=fresh).status_code == 404


# --- lookups ------------------------------------------------------------------------------------


def search(http, server, auth, kind: str, *, system: str, value: str) -> dict:
    reply = http.get(
        f"{server.base_url}/{kind}", params={"identifier": f"{system}|{value}"}, headers=auth
    )
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["resourceType"], body["type"]) == ("Bundle", "searchset")
    return body


def test_sandbox_people_are_preloaded_and_found_by_nik(http, server, auth):
    assert len(SANDBOX_PATIENTS) == len(SANDBOX_PRACTITIONERS) == 10
    for nik, ihs in SANDBOX_PATIENTS.items():
        body = search(http, server, auth, "Patient", system=NIK_SYSTEM, value=nik)
        assert body["total"] == 1
        assert body["entry"][0]["resource"]["id"] == ihs
    for nik, ihs in SANDBOX_PRACTITIONERS.items():
        body = search(http, server, auth, "Practitioner", system=NIK_SYSTEM, value=nik)
        assert [e["resource"]["id"] for e in body["entry"]] == [ihs]


def test_unknown_nik_is_a_200_operation_outcome_and_registered_ones_are_found(http, server, auth):
    """SATUSEHAT flavour: nobody found is a 200 OperationOutcome, not an empty searchset
    (ivanwilliammd/satusehat-integration src/OAuth2Client.php get_by_nik handles both)."""
    for kind, nik in (("Patient", "3174015507850002"), ("Practitioner", "3174010101800001")):
        reply = http.get(
            f"{server.base_url}/{kind}",
            params={"identifier": f"{NIK_SYSTEM}|{nik}"},
            headers=auth,
        )
        assert reply.status_code == 200
        body = reply.json()
        assert body["resourceType"] == "OperationOutcome"
        assert body["issue"][0]["code"] == "not-found"
    server.register_patient("3174015507850002", "P09999999999")
    server.register_practitioner("3174010101800001", "10000000001")
    body = search(http, server, auth, "Patient", system=NIK_SYSTEM, value="3174015507850002")
    assert body["entry"][0]["resource"]["id"] == "P09999999999"
    body = search(http, server, auth, "Practitioner", system=NIK_SYSTEM, value="3174010101800001")
    assert body["entry"][0]["resource"]["id"] == "10000000001"


def test_fhir_flavour_answers_an_unknown_nik_with_an_empty_searchset(http):
    with SatusehatServer(organization_id=ORG, flavour=FHIR) as server:
        auth = {"Authorization": f"Bearer {get_token(http, server)}"}
        body = search(http, server, auth, "Patient", system=NIK_SYSTEM, value="3174015507850002")
        assert body["total"] == 0
        assert "entry" not in body


def _search_ids(http, server, auth, kind, **params) -> tuple[list[str], dict]:
    reply = http.get(f"{server.base_url}/{kind}", params=params, headers=auth)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["resourceType"], body["type"]) == ("Bundle", "searchset")
    return [e["resource"]["id"] for e in body.get("entry", [])], body


def _two_people_with_visits(http, server, auth) -> tuple[dict, dict]:
    """Patient A's visit 1 and patient B's visit 2, each an Encounter with 4 Observations."""
    other_ihs = "P00805884304"  # another sandbox patient (docs/reference/satusehat.md 1.4)
    encounters = {}
    for number, ihs in ((1, PATIENT_IHS), (2, other_ihs)):
        reply = http.post(
            server.base_url,
            json=transaction_json(make_visit(number, patient_ihs=ihs)),
            headers=auth,
        )
        assert reply.status_code == 200, reply.text
        location = reply.json()["entry"][0]["response"]["location"]
        encounters[ihs] = location.split("/")[-3]  # .../Encounter/{id}/_history/1
    return encounters, {"mine": PATIENT_IHS, "other": other_ihs}


def test_satusehat_flavour_ignores_undocumented_search_parameters(http, server, auth):
    """Encounter and Observation search by identifier are not documented: ignored, so the
    answer holds other people's resources; subject and encounter are honoured."""
    encounters, people = _two_people_with_visits(http, server, auth)
    ids, _ = _search_ids(
        http, server, auth, "Encounter", identifier=f"{ENCOUNTER_SYSTEM}|desk-1-v1"
    )
    assert sorted(ids) == sorted(encounters.values())  # both people's, newest first
    assert ids[0] == encounters[people["other"]]
    ids, _ = _search_ids(
        http, server, auth, "Observation", identifier=f"{OBSERVATION_SYSTEM}|desk-1-v1-spo2"
    )
    assert len(ids) == 8
    ids, _ = _search_ids(http, server, auth, "Encounter", subject=f"Patient/{people['mine']}")
    assert ids == [encounters[people["mine"]]]
    mine = encounters[people["mine"]]
    ids, body = _search_ids(http, server, auth, "Observation", encounter=f"Encounter/{mine}")
    assert len(ids) == 4
    assert {e["resource"]["encounter"]["reference"] for e in body["entry"]} == {f"Encounter/{mine}"}
    ids, _ = _search_ids(http, server, auth, "Observation", subject=f"Patient/{people['other']}")
    assert len(ids) == 4


def test_fhir_flavour_honours_identifier_and_refuses_unknown_parameters(http):
    with SatusehatServer(organization_id=ORG, flavour=FHIR) as server:
        auth = {"Authorization": f"Bearer {get_token(http, server)}"}
        _two_people_with_visits(http, server, auth)
        ids, _ = _search_ids(
            http, server, auth, "Encounter", identifier=f"{ENCOUNTER_SYSTEM}|desk-1-v1"
        )
        assert len(ids) == 1
        reply = http.get(f"{server.base_url}/Encounter", params={"colour": "red"}, headers=auth)
        assert reply.status_code == 400


def test_search_answers_in_pages_with_next_links(http, server, auth):
    for number in range(1, 13):  # 12 Encounters of one person, 48 Observations
        reply = http.post(server.base_url, json=transaction_json(make_visit(number)), headers=auth)
        assert reply.status_code == 200, reply.text
    ids, body = _search_ids(http, server, auth, "Encounter", subject=f"Patient/{PATIENT_IHS}")
    assert (len(ids), body["total"]) == (10, 12)
    (next_link,) = [link["url"] for link in body["link"] if link["relation"] == "next"]
    assert next_link.startswith(f"{server.base_url}/Encounter?")
    reply = http.get(next_link, headers=auth)
    rest = [e["resource"]["id"] for e in reply.json()["entry"]]
    assert len(rest) == 2
    assert not [link for link in reply.json()["link"] if link["relation"] == "next"]
    assert set(ids) | set(rest) == {e["id"] for e in server.resources("Encounter")}
    ids, _ = _search_ids(
        http, server, auth, "Encounter", subject=f"Patient/{PATIENT_IHS}", _count="5"
    )
    assert len(ids) == 5


# --- create, read, search ------------------------------------------------------------------------


def test_create_stores_with_server_id_meta_and_location(http, server, auth):
    visit = make_visit()
    encounter = post_encounter(http, server, auth, visit)
    assert uuid.UUID(encounter["id"])
    assert encounter["meta"]["versionId"] == "1"
    assert encounter["meta"]["lastUpdated"].endswith("+00:00")
    assert encounter["identifier"] == [{"system": ENCOUNTER_SYSTEM, "value": "desk-1-v1"}]

    observation = observation_json(visit, f"Encounter/{encounter['id']}")
    reply = http.post(f"{server.base_url}/Observation", json=observation, headers=auth)
    assert reply.status_code == 201, reply.text
    created = reply.json()
    assert reply.headers["Location"] == (
        f"{server.base_url}/Observation/{created['id']}/_history/1"
    )
    assert created["encounter"] == {"reference": f"Encounter/{encounter['id']}"}

    read = http.get(f"{server.base_url}/Observation/{created['id']}", headers=auth)
    assert read.status_code == 200
    assert read.json() == created
    ids, _ = _search_ids(
        http, server, auth, "Observation", encounter=f"Encounter/{encounter['id']}"
    )
    assert ids == [created["id"]]
    assert server.count_by_identifier(OBSERVATION_SYSTEM, "desk-1-v1-systolic") == 1


def test_read_of_an_unknown_id_is_a_404_outcome(http, server, auth):
    reply = http.get(f"{server.base_url}/Observation/{uuid.uuid4()}", headers=auth)
    assert reply.status_code == 404
    assert rule_numbers(reply) == [20007]


# --- SATUSEHAT rules ------------------------------------------------------------------------


def _with(resource: dict, **changes) -> dict:
    result = json.loads(json.dumps(resource))
    for key, value in changes.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def test_wrong_organization_in_the_identifier_system_is_rule_10117(http, server, auth):
    other = replace(CTX, organization_id="100025753")
    reply = http.post(
        f"{server.base_url}/Encounter", json=encounter_json(make_visit(), other), headers=auth
    )
    assert reply.status_code == 400
    (issue,) = reply.json()["issue"]
    assert issue["details"]["text"] == (
        "Wrong organization ID provided by system URL: "
        "http://sys-ids.kemkes.go.id/encounter/100025753 (RuleNumber: 10117)"
    )
    assert issue["expression"] == ["Encounter.identifier[0].system"]
    assert server.resources("Encounter") == []


def test_a_token_is_bound_to_its_organization(http, server):
    server.add_client("cid-2", "secret-2", "100025753")
    reply = http.post(
        f"{server.auth_url}/accesstoken",
        params={"grant_type": "client_credentials"},
        data={"client_id": "cid-2", "client_secret": "secret-2"},
    )
    other_auth = {"Authorization": f"Bearer {reply.json()['access_token']}"}
    reply = http.post(
        f"{server.base_url}/Encounter", json=encounter_json(make_visit()), headers=other_auth
    )
    assert rule_numbers(reply) == [10117]
    other = replace(CTX, organization_id="100025753")
    reply = http.post(
        f"{server.base_url}/Encounter", json=encounter_json(make_visit(), other), headers=other_auth
    )
    assert reply.status_code == 201


@pytest.mark.parametrize(
    ("change", "rules"),
    [
        ({"subject": None}, [10129]),
        ({"encounter": None}, [10130]),
        ({"subject": {"reference": "Patient/P00000000000"}}, [20007]),
        ({"encounter": {"reference": "Encounter/no-such-encounter"}}, [20007]),
        ({"performer": [{"reference": "Practitioner/99999999999"}]}, [20007]),
        ({"performer": [{"identifier": {"system": NIK_SYSTEM, "value": "1"}}]}, [10383]),
        ({"effectiveDateTime": "2025-03-01T02:15:00Z"}, [19001]),
        ({"effectiveDateTime": "2025-03-01T09:15:00+07:00"}, [19001]),
        ({"effectiveDateTime": "2099-01-01T00:00:00+00:00"}, [19002]),
        ({"effectiveDateTime": "2021-01-01T00:00:00+00:00"}, [19002]),
        (
            {
                "valueQuantity": {
                    "value": "128",
                    "unit": "mm[Hg]",
                    "system": "http://unitsofmeasure.org",
                    "code": "mm[Hg]",
                }
            },
            [20008],
        ),
        ({"status": None}, [20008]),
        ({"identifier": [{"system": "urn:vitals-station:observation", "value": "x"}]}, [10441]),
    ],
    ids=[
        "no-subject",
        "no-encounter",
        "unknown-patient",
        "unknown-encounter",
        "unknown-practitioner",
        "performer-by-nik",
        "time-with-Z",
        "time-in-WIB",
        "time-in-future",
        "time-before-2022-08-31",
        "value-as-string",
        "structure-no-status",
        "local-identifier-system",
    ],
)
def test_observation_rules(http, server, auth, change, rules):
    encounter = post_encounter(http, server, auth)
    observation = _with(observation_json(make_visit(), f"Encounter/{encounter['id']}"), **change)
    reply = http.post(f"{server.base_url}/Observation", json=observation, headers=auth)
    assert reply.status_code == 400, reply.text
    assert rule_numbers(reply) == rules
    assert server.resources("Observation") == []


def test_encounter_subject_by_nik_is_refused(http, server, auth):
    reply = http.post(
        f"{server.base_url}/Encounter",
        json=encounter_json(make_visit(patient_ihs=None)),
        headers=auth,
    )
    assert reply.status_code == 400
    assert rule_numbers(reply) == [10118]


@pytest.mark.parametrize(
    ("body", "rule"),
    [(b"{not json", 20006), (b"", 20005), (b"[1, 2]", 20005)],
    ids=["invalid-json", "empty", "not-an-object"],
)
def test_unreadable_payloads(http, server, auth, body, rule):
    reply = http.post(
        f"{server.base_url}/Observation",
        content=body,
        headers={**auth, "Content-Type": "application/json"},
    )
    assert reply.status_code == 400
    assert rule_numbers(reply) == [rule]


def test_payloads_the_local_rules_accept_are_accepted_by_the_server(http, server, auth):
    bundle = transaction_json(make_visit())
    now = datetime.now(UTC)
    assert validate_bundle(bundle, organization_id=ORG, now=now) == []
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert reply.status_code == 200, reply.text


# --- duplicates ----------------------------------------------------------------------------------


def test_duplicate_identifier_is_rule_20002(http, server, auth):
    post_encounter(http, server, auth)
    reply = http.post(
        f"{server.base_url}/Encounter", json=encounter_json(make_visit()), headers=auth
    )
    assert reply.status_code == 400
    (issue,) = reply.json()["issue"]
    assert issue["code"] == "duplicate"
    assert issue["details"]["text"] == "Found duplicate resource: Encounter (RuleNumber: 20002)"
    assert server.count_by_identifier(ENCOUNTER_SYSTEM, "desk-1-v1") == 1


def test_generic_server_stores_a_second_copy(http):
    with SatusehatServer(organization_id=ORG, reject_duplicates=False, flavour=FHIR) as server:
        auth = {"Authorization": f"Bearer {get_token(http, server)}"}
        first = post_encounter(http, server, auth)
        second = post_encounter(http, server, auth)
        assert first["id"] != second["id"]
        assert server.count_by_identifier(ENCOUNTER_SYSTEM, "desk-1-v1") == 2
        body = search(http, server, auth, "Encounter", system=ENCOUNTER_SYSTEM, value="desk-1-v1")
        assert body["total"] == 2
        bundle = transaction_json(make_visit(2))
        assert http.post(server.base_url, json=bundle, headers=auth).status_code == 200
        assert http.post(server.base_url, json=bundle, headers=auth).status_code == 200
        assert server.count_by_identifier(OBSERVATION_SYSTEM, "desk-1-v2-spo2") == 2


# --- transactions ---------------------------------------------------------------------------


def test_transaction_resolves_urn_uuid_references(http, server, auth):
    """SATUSEHAT flavour: absolute locations with _history, plus resourceID and resourceType
    (irawanteguh/satusehat Allergyintolerance.php, vernandaspw/bridging-satusehat
    EncounterBundleRajalPage.php)."""
    bundle = transaction_json(make_visit())
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["resourceType"], body["type"]) == ("Bundle", "transaction-response")
    answers = [e["response"] for e in body["entry"]]
    assert [a["status"] for a in answers] == ["201 Created"] * 5
    assert [a["resourceType"] for a in answers] == ["Encounter"] + ["Observation"] * 4
    for answer in answers:
        assert answer["location"] == (
            f"{server.base_url}/{answer['resourceType']}/{answer['resourceID']}/_history/1"
        )
    encounter_ref = f"Encounter/{answers[0]['resourceID']}"
    observations = server.resources("Observation")
    assert len(observations) == 4
    assert {o["encounter"]["reference"] for o in observations} == {encounter_ref}
    assert "urn:uuid" not in json.dumps(server.resources())
    assert [o["id"] for o in observations] == [a["resourceID"] for a in answers[1:]]


def test_fhir_flavour_answers_transactions_with_relative_locations(http):
    with SatusehatServer(organization_id=ORG, flavour=FHIR) as server:
        auth = {"Authorization": f"Bearer {get_token(http, server)}"}
        reply = http.post(server.base_url, json=transaction_json(make_visit()), headers=auth)
        answers = [e["response"] for e in reply.json()["entry"]]
        assert re.fullmatch(r"Encounter/[0-9a-f-]{36}/_history/1", answers[0]["location"])
        assert all(
            re.fullmatch(r"Observation/[0-9a-f-]{36}/_history/1", a["location"])
            for a in answers[1:]
        )
        assert not any("resourceID" in a for a in answers)


def test_transaction_is_atomic(http, server, auth):
    bundle = transaction_json(make_visit())
    bundle["entry"][4]["resource"]["valueQuantity"]["value"] = "97"
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert reply.status_code == 400
    (text,) = texts(reply)
    assert text.startswith("Bundle.entry[4] (Observation): ")
    assert rule_numbers(reply) == [20008]
    assert reply.json()["issue"][0]["expression"] == [
        "Bundle.entry[4].resource.valueQuantity.value"
    ]
    assert server.resources("Encounter") == []
    assert server.resources("Observation") == []


def test_transaction_failure_in_a_rule_names_the_entry_and_stores_nothing(http, server, auth):
    bundle = transaction_json(make_visit())
    bundle["entry"][2]["resource"]["identifier"][0]["system"] = (
        "http://sys-ids.kemkes.go.id/observation/100025753"
    )
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert reply.status_code == 400
    assert rule_numbers(reply) == [10441]
    assert texts(reply)[0].startswith("Bundle.entry[2] (Observation): Wrong organization ID")
    assert server.resources("Encounter") == []


def test_failed_encounter_fails_its_observations_with_20012(http, server, auth):
    bundle = transaction_json(make_visit())
    bundle["entry"][0]["resource"]["subject"] = {"reference": "Patient/P00000000000"}
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert reply.status_code == 400
    assert rule_numbers(reply) == [20007, 20012, 20012, 20012, 20012]
    assert len(reply.json()["issue"]) == 5


def test_transaction_duplicates_per_entry(http, server, auth):
    assert (
        http.post(server.base_url, json=transaction_json(make_visit()), headers=auth).status_code
        == 200
    )
    reply = http.post(server.base_url, json=transaction_json(make_visit()), headers=auth)
    assert reply.status_code == 400
    assert rule_numbers(reply)[0] == 20002
    assert server.count_by_identifier(ENCOUNTER_SYSTEM, "desk-1-v1") == 1
    # An identifier repeated inside one Bundle is a duplicate too.
    bundle = transaction_json(make_visit(2))
    twin = json.loads(json.dumps(bundle["entry"][1]))
    twin["fullUrl"] = f"urn:uuid:{uuid.uuid4()}"
    bundle["entry"].append(twin)
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert rule_numbers(reply) == [20002]
    assert len(server.resources("Encounter")) == 1


@pytest.mark.parametrize(
    ("full_url", "rule"),
    [(None, 20021), ("Encounter/123", 20018), ("urn:uuid:not-a-uuid", 20019), ("dup", 20020)],
)
def test_transaction_full_url_rules(http, server, auth, full_url, rule):
    bundle = transaction_json(make_visit())
    if full_url is None:
        del bundle["entry"][1]["fullUrl"]
    elif full_url == "dup":
        bundle["entry"][1]["fullUrl"] = bundle["entry"][0]["fullUrl"]
    else:
        bundle["entry"][1]["fullUrl"] = full_url
    reply = http.post(server.base_url, json=bundle, headers=auth)
    assert reply.status_code == 400
    assert rule in rule_numbers(reply)
    assert server.resources("Encounter") == []


# --- faults ---------------------------------------------------------------------------------------


def test_status_faults_answer_plain_text_once(http, server, auth):
    url = f"{server.base_url}/Patient"
    params = {"identifier": f"{NIK_SYSTEM}|{PATIENT_NIK}"}
    server.add_fault(faults.status(500))
    server.add_fault(faults.status(504))
    server.add_fault(faults.status(429, retry_after=7))
    first = http.get(url, params=params, headers=auth)
    assert (first.status_code, first.text) == (500, "Internal Server Error")
    assert first.headers["Content-Type"].startswith("text/plain")
    second = http.get(url, params=params, headers=auth)
    assert (second.status_code, second.text) == (504, "Gateway Timeout")
    third = http.get(url, params=params, headers=auth)
    assert (third.status_code, third.headers["Retry-After"]) == (429, "7")
    assert http.get(url, params=params, headers=auth).status_code == 200
    assert [r.status for r in server.requests[-4:]] == [500, 504, 429, 200]
    assert [r.fault for r in server.requests[-4:]] == ["status", "status", "status", None]


def test_faults_match_method_and_path(http, server, auth):
    server.add_fault(faults.status(503, method="POST", path="/Observation"))
    patient = http.get(
        f"{server.base_url}/Patient",
        params={"identifier": f"{NIK_SYSTEM}|{PATIENT_NIK}"},
        headers=auth,
    )
    assert patient.status_code == 200
    encounter = post_encounter(http, server, auth)
    observation = observation_json(make_visit(), f"Encounter/{encounter['id']}")
    url = f"{server.base_url}/Observation"
    assert http.post(url, json=observation, headers=auth).status_code == 503
    assert http.post(url, json=observation, headers=auth).status_code == 201
    assert server.pending_faults() == []


def test_delay_fault_and_latency_slow_the_answer(http, server, auth):
    url = f"{server.base_url}/Patient"
    server.add_fault(faults.delay(0.3))
    started = time.monotonic()
    assert http.get(url, headers=auth).status_code == 200
    assert time.monotonic() - started >= 0.3
    server.latency_s = 0.05
    started = time.monotonic()
    assert http.get(url, headers=auth).status_code == 200
    assert time.monotonic() - started >= 0.05


def test_drop_before_store_closes_without_storing(http, server, auth):
    server.add_fault(faults.drop_before_store(path="/Encounter"))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(f"{server.base_url}/Encounter", json=encounter_json(make_visit()), headers=auth)
    assert server.resources("Encounter") == []
    assert server.requests[-1].status is None


def test_drop_after_store_closes_after_storing(http, server, auth):
    server.add_fault(faults.drop_after_store(path="/Encounter"))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(f"{server.base_url}/Encounter", json=encounter_json(make_visit()), headers=auth)
    assert server.count_by_identifier(ENCOUNTER_SYSTEM, "desk-1-v1") == 1
    (record,) = [r for r in server.requests if r.path.endswith("/Encounter")]
    assert (record.status, record.fault) == (None, "drop_after_store")


def test_expire_token_fault_answers_401_and_ends_the_token(http, server, auth):
    server.add_fault(faults.expire_token())
    url = f"{server.base_url}/Patient"
    assert_invalid_token(http.get(url, headers=auth))
    assert_invalid_token(http.get(url, headers=auth))  # expired for good, not one answer


# --- admin endpoints, lifecycle, process mode -----------------------------------------------------


def test_admin_endpoints(http, server, auth):
    admin = server.admin_url
    queued = http.post(f"{admin}/faults", json={"kind": "status", "status": 503, "times": 2})
    assert queued.json() == {"queued": 2}
    assert http.get(f"{server.base_url}/Patient", headers=auth).status_code == 503
    assert len(http.get(f"{admin}/faults").json()["faults"]) == 1
    assert http.delete(f"{admin}/faults").json() == {"cleared": 1}
    assert (
        http.post(server.base_url, json=transaction_json(make_visit()), headers=auth).status_code
        == 200
    )
    stats = http.get(f"{admin}/stats").json()
    assert stats["resources"]["Observation"] == 4
    assert stats["token_requests"] == 1
    found = http.get(
        f"{admin}/resources",
        params={"type": "Observation", "identifier": f"{OBSERVATION_SYSTEM}|desk-1-v1-spo2"},
    ).json()["resources"]
    assert len(found) == 1
    requests = http.get(f"{admin}/requests").json()["requests"]
    assert [(r["path"], r["status"]) for r in requests] == [
        ("/oauth2/v1/accesstoken", 200),
        ("/fhir-r4/v1/Patient", 503),
        ("/fhir-r4/v1", 200),
    ]
    assert http.post(f"{admin}/expire-tokens").json() == {"expired": 1}
    assert http.post(f"{admin}/patients", json={"nik": "1", "ihs": "P1"}).status_code == 200
    assert http.post(f"{admin}/faults", json={"kind": "bogus"}).status_code == 400
    assert http.post(f"{admin}/reset").status_code == 200
    assert server.resources("Observation") == []


def _server_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("satusehat-fake")]


def test_stop_closes_idle_keep_alive_connections_and_threads():
    with httpx.Client(timeout=5) as http:
        server = SatusehatServer().start()
        try:
            get_token(http, server)
            get_token(http, server)  # the same keep-alive connection
            assert _server_threads()
        finally:
            server.stop()
        assert _server_threads() == []


def test_process_mode_prints_its_urls_and_serves_until_terminated():
    with subprocess.Popen(
        [sys.executable, "-m", "tests.satusehat_server", "--port", "0", "--latency-ms", "5"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            line = json.loads(process.stdout.readline())
            assert line["auth_url"].endswith("/oauth2/v1")
            assert line["base_url"].endswith("/fhir-r4/v1")
            assert line["latency_ms"] == 5
            with httpx.Client(timeout=10) as http:
                token = http.post(
                    f"{line['auth_url']}/accesstoken",
                    params={"grant_type": "client_credentials"},
                    data={"client_id": "cid", "client_secret": "secret"},
                ).json()["access_token"]
                reply = http.post(
                    line["base_url"],
                    json=transaction_json(make_visit()),
                    headers={"Authorization": f"Bearer {token}"},
                )
                assert reply.status_code == 200, reply.text
                stats = http.get(f"{line['admin_url']}/stats").json()
                assert stats["resources"]["Observation"] == 4
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=20)
        assert process.returncode == 0, stderr
