"""FHIR R4 mapping: SATUSEHAT shapes (satusehat.md 1.6, 2.1-2.3), parsed back by fhir.resources."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle

from fhir_export.mapping import export_bundle, to_dict, to_json, visit_bundle
from fhir_export.model import ExportContext, VisitExport, VitalKind, VitalSign

WIB = timezone(timedelta(hours=7))
CTX = ExportContext(
    organization_id="10000004",
    location_id="b017aa54-f1df-4ec2-9d84-8823815d7228",
    practitioner_nik="3174010101800001",
)
START = datetime(2025, 3, 1, 9, 0, tzinfo=WIB)


def vital(kind, value, minutes, simulated=False, **kw):
    return VitalSign(
        identifier=f"reading-{kind.value}-{minutes}",
        kind=kind,
        value=value,
        effective=START + timedelta(minutes=minutes),
        device_label="Omron HEM-7142T1",
        simulated=simulated,
        **kw,
    )


VISIT = VisitExport(
    visit_id="v1",
    encounter_identifier="desk-1-v1",
    nik="3174015507850002",
    name="Siti Rahayu",
    birth_date=date(1985, 7, 15),
    started=START,
    finished=START + timedelta(minutes=20),
    vitals=(
        vital(VitalKind.SYSTOLIC, 128.0, 15, interpretation="N"),
        vital(VitalKind.DIASTOLIC, 82.0, 15),
        vital(VitalKind.SPO2, 97.5, 16, simulated=True),
        vital(VitalKind.HEART_RATE, 72.0, 16, reference_low=60, reference_high=100),
    ),
)


def resources(bundle_dict, kind):
    return [e["resource"] for e in bundle_dict["entry"] if e["resource"]["resourceType"] == kind]


def test_transaction_bundle_shapes():
    data = to_dict(visit_bundle(VISIT, CTX))
    assert data["type"] == "transaction"
    (encounter,) = resources(data, "Encounter")
    assert encounter["identifier"] == [
        {"system": "http://sys-ids.kemkes.go.id/encounter/10000004", "value": "desk-1-v1"}
    ]
    assert encounter["class"]["code"] == "AMB"
    assert [h["status"] for h in encounter["statusHistory"]] == [
        "arrived",
        "in-progress",
        "finished",
    ]
    assert encounter["period"] == {
        "start": "2025-03-01T02:00:00+00:00",
        "end": "2025-03-01T02:20:00+00:00",
    }
    assert encounter["participant"][0]["type"][0]["coding"][0]["code"] == "ATND"
    assert encounter["location"][0]["location"]["reference"] == f"Location/{CTX.location_id}"
    assert encounter["serviceProvider"] == {"reference": "Organization/10000004"}
    assert encounter["subject"]["identifier"] == {
        "system": "https://fhir.kemkes.go.id/id/nik",
        "value": "3174015507850002",
    }
    assert all(
        e["request"] == {"method": "POST", "url": e["resource"]["resourceType"]}
        for e in data["entry"]
    )


def test_observation_codes_units_and_times():
    data = to_dict(visit_bundle(VISIT, CTX))
    observations = {o["code"]["coding"][0]["code"]: o for o in resources(data, "Observation")}
    assert set(observations) == {"8480-6", "8462-4", "2708-6", "8867-4"}
    assert [c["code"] for c in observations["2708-6"]["code"]["coding"]] == ["2708-6", "59408-5"]
    units = {
        code: (o["valueQuantity"]["code"], o["valueQuantity"]["system"])
        for code, o in observations.items()
    }
    assert units == {
        "8480-6": ("mm[Hg]", "http://unitsofmeasure.org"),
        "8462-4": ("mm[Hg]", "http://unitsofmeasure.org"),
        "2708-6": ("%", "http://unitsofmeasure.org"),
        "8867-4": ("/min", "http://unitsofmeasure.org"),
    }
    systolic = observations["8480-6"]
    assert systolic["valueQuantity"]["value"] == 128
    assert isinstance(observations["2708-6"]["valueQuantity"]["value"], float)
    assert systolic["effectiveDateTime"] == "2025-03-01T02:15:00+00:00"  # 09:15 WIB
    assert systolic["issued"] == "2025-03-01T02:20:00+00:00"
    assert systolic["status"] == "final"
    assert systolic["category"][0]["coding"][0]["code"] == "vital-signs"
    assert systolic["identifier"][0]["system"] == "http://sys-ids.kemkes.go.id/observation/10000004"
    assert systolic["bodySite"]["coding"][0]["code"] == "368209003"
    assert systolic["interpretation"][0]["coding"][0]["code"] == "N"
    assert systolic["performer"] == [
        {"identifier": {"system": "https://fhir.kemkes.go.id/id/nik", "value": "3174010101800001"}}
    ]
    assert observations["8867-4"]["referenceRange"][0]["low"]["value"] == 60
    assert "note" not in systolic
    spo2 = observations["2708-6"]
    assert spo2["note"][0]["text"].startswith("SIMULATOR")
    assert spo2["device"]["display"].startswith("SIMULATOR")


def test_references_resolve_inside_the_bundle():
    data = to_dict(visit_bundle(VISIT, CTX))
    full_urls = [e["fullUrl"] for e in data["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    assert all(url.startswith("urn:uuid:") for url in full_urls)
    encounter_url = data["entry"][0]["fullUrl"]
    assert all(o["encounter"]["reference"] == encounter_url for o in resources(data, "Observation"))


def test_deterministic_and_parseable():
    first, second = to_json(visit_bundle(VISIT, CTX)), to_json(visit_bundle(VISIT, CTX))
    assert first == second
    parsed = Bundle.model_validate_json(first)
    assert len(parsed.entry) == 5


def test_no_z_times_anywhere_and_names_untouched():
    odd_name = replace(VISIT, name="Budi 2025-03-01T02:00:00Z")
    text = to_json(visit_bundle(odd_name, CTX))
    data = json.loads(text)
    assert resources(data, "Encounter")[0]["subject"]["display"] == "Budi 2025-03-01T02:00:00Z"
    for observation in resources(data, "Observation"):
        assert observation["effectiveDateTime"].endswith("+00:00")


def test_export_without_satusehat_settings_still_parses():
    data = to_dict(
        export_bundle(
            [VISIT], ExportContext("", "", ""), generated=datetime(2025, 3, 2, tzinfo=UTC)
        )
    )
    assert data["type"] == "collection"
    assert data["timestamp"] == "2025-03-02T00:00:00+00:00"
    (encounter,) = resources(data, "Encounter")
    assert "participant" not in encounter
    assert "serviceProvider" not in encounter
    assert encounter["identifier"][0]["system"] == "urn:vitals-station:encounter"
    Bundle.model_validate(data)


def test_bad_input_is_refused():
    naive = replace(VISIT, started=datetime(2025, 3, 1, 9, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        visit_bundle(naive, CTX)
    backwards = replace(VISIT, finished=START - timedelta(minutes=1))
    with pytest.raises(ValueError, match="finishes before it starts"):
        visit_bundle(backwards, CTX)
