"""Updates on the imitation SATUSEHAT: ``PUT /Observation/{id}`` with the id in the body
(docs/reference/satusehat.md 2.3, "Updates"), as strict as ``ServerState._update`` says, and
the client's ``update`` against it."""

from __future__ import annotations

import asyncio
import random

import pytest

from fhir_export.errors import MappingError
from fhir_export.mapping import observation_update, to_dict
from fhir_export.satusehat_client import ClientConfig, SatusehatClient
from fhir_export.satusehat_errors import ResourceNotFoundError
from fhir_export.satusehat_rules import validate_update
from tests.fhir_export import test_satusehat_server as base
from tests.fhir_export.test_satusehat_server import (
    CTX,
    START,
    make_visit,
    observation_json,
    post_encounter,
    texts,
)

# The imitation server, an HTTP client and a token, as the server's own tests have them.
server, http, auth = base.server, base.http, base.auth


def stored_observation(http, server, auth):
    """An Observation created on the server, and its Encounter's id."""
    encounter = post_encounter(http, server, auth)
    reply = http.post(
        f"{server.base_url}/Observation",
        json=observation_json(make_visit(), f"Encounter/{encounter['id']}"),
        headers=auth,
    )
    assert reply.status_code == 201, reply.text
    return reply.json(), encounter["id"]


def amended(observation, **changes):
    body = {k: v for k, v in observation.items() if k != "meta"}
    body["status"] = "amended"
    body["valueQuantity"] = {**body["valueQuantity"], "value": 131}
    body.update(changes)
    return body


def test_an_update_is_a_new_version_of_the_same_resource(http, server, auth):
    observation, _encounter = stored_observation(http, server, auth)
    rid = observation["id"]
    url = f"{server.base_url}/Observation/{rid}"
    reply = http.put(url, json=amended(observation), headers=auth)
    assert reply.status_code == 200, reply.text
    assert reply.headers["ETag"] == 'W/"2"'
    assert reply.headers["Location"].endswith(f"/Observation/{rid}/_history/2")
    body = reply.json()
    assert (body["id"], body["meta"]["versionId"], body["status"]) == (rid, "2", "amended")
    read = http.get(f"{server.base_url}/Observation/{rid}", headers=auth).json()
    assert read["valueQuantity"]["value"] == 131
    assert len(server.resources("Observation")) == 1  # never a second copy
    first, second = server.versions("Observation", rid)
    assert (first["status"], first["valueQuantity"]["value"]) == ("final", 128)
    assert second == read


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("unknown id", (404, "Resource not found Observation/")),
        ("body id differs", (400, "does not match the URL")),
        ("no id in body", (400, "does not match the URL")),
        ("identifier changed", (400, "may not change Observation.identifier")),
        ("subject changed", (400, "may not change Observation.subject")),
        ("final again", (400, "cannot follow 'final'")),
        ("wrong type", (400, "does not match the URL")),
    ],
)
def test_an_update_of_the_wrong_resource_is_refused(http, server, auth, case, expected):
    status, text = expected
    observation, _encounter = stored_observation(http, server, auth)
    rid = observation["id"]
    url = f"{server.base_url}/Observation/{rid}"
    body = amended(observation)
    if case == "unknown id":
        url = f"{server.base_url}/Observation/00000000-0000-0000-0000-000000000000"
        body["id"] = "00000000-0000-0000-0000-000000000000"
    elif case == "body id differs":
        body["id"] = "someone-else"
    elif case == "no id in body":
        del body["id"]
    elif case == "identifier changed":
        body["identifier"] = [{**body["identifier"][0], "value": "another-reading"}]
    elif case == "subject changed":
        body["subject"] = {"reference": "Patient/P03647103112"}  # another sandbox patient
    elif case == "final again":
        body["status"] = "final"
    elif case == "wrong type":
        body["resourceType"] = "Encounter"
    reply = http.put(url, json=body, headers=auth)
    assert reply.status_code == status, reply.text
    assert any(text in t for t in texts(reply)), texts(reply)
    (unchanged,) = server.versions("Observation", rid)
    assert unchanged == observation


def test_an_entered_in_error_observation_stays_so(http, server, auth):
    observation, _encounter = stored_observation(http, server, auth)
    rid = observation["id"]
    url = f"{server.base_url}/Observation/{rid}"
    withdrawn = amended(observation, status="entered-in-error")
    assert http.put(url, json=withdrawn, headers=auth).status_code == 200
    assert http.put(url, json=withdrawn, headers=auth).status_code == 200  # a repeat is fine
    reply = http.put(url, json=amended(observation), headers=auth)
    assert reply.status_code == 400
    assert any("stays entered-in-error" in t for t in texts(reply))


def test_the_station_builds_an_update_the_server_takes_and_the_client_sends_it(http, server, auth):
    observation, encounter_id = stored_observation(http, server, auth)
    visit = make_visit()
    resource = to_dict(
        observation_update(
            visit.vitals[0],
            visit,
            CTX,
            encounter_id=encounter_id,
            server_id=observation["id"],
            status="amended",
            issued=START.replace(hour=10),
        )
    )
    assert validate_update(resource, observation["id"], organization_id=CTX.organization_id) == []
    assert validate_update(resource, "another-id") == [
        f"id must be the server's 'another-id', got {observation['id']!r}"
    ]
    final = {**resource, "status": "final"}
    assert any("rule 10008" in p for p in validate_update(final, observation["id"]))

    async def send():
        config = ClientConfig(
            auth_url=server.auth_url,
            base_url=server.base_url,
            client_id="cid",
            client_secret="secret",
            max_attempts=1,
        )
        async with SatusehatClient(config, rng=random.Random(1)) as client:
            stored = await client.update(resource)
            missing = {**resource, "id": "00000000-0000-0000-0000-00000000dead"}
            with pytest.raises(ResourceNotFoundError) as caught:
                await client.update(missing)
            return stored, caught.value

    stored, not_found = asyncio.run(send())
    assert (stored["id"], stored["meta"]["versionId"]) == (observation["id"], "2")
    assert stored["issued"] == "2025-03-01T03:00:00+00:00"  # the correction's time, UTC
    assert not_found.status == 404
    assert "20007" in str(not_found)
    assert [r.method for r in server.requests if r.method == "PUT"] == ["PUT", "PUT"]


@pytest.mark.parametrize(("status", "server_id"), [("final", "obs-1"), ("amended", "")])
def test_an_update_is_never_built_as_a_create(status, server_id):
    visit = make_visit()
    with pytest.raises(MappingError):
        observation_update(
            visit.vitals[0],
            visit,
            CTX,
            encounter_id="enc-1",
            server_id=server_id,
            status=status,
            issued=START,
        )
