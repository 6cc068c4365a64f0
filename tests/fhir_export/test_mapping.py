"""FHIR R4 mapping: SATUSEHAT shapes (docs/reference/satusehat.md 1.6, 1.7, 2.1-2.3), parsed back
by the fhir.resources R4B models, and the local SATUSEHAT rule checks."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.observation import Observation

from fhir_export.mapping import (
    MANUAL_NOTE,
    SIMULATOR_NOTE,
    encounter_for,
    export_bundle,
    observation_for,
    to_dict,
    to_json,
    visit_bundle,
)
from fhir_export.model import ExportContext, VisitExport, VitalKind, VitalSign
from fhir_export.satusehat_rules import (
    validate_bundle,
    validate_encounter,
    validate_observation,
)

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
NIK = "https://fhir.kemkes.go.id/id/nik"
CTX = ExportContext(
    organization_id="10000004",
    location_id="b017aa54-f1df-4ec2-9d84-8823815d7228",
    practitioner_nik="3174010101800001",
    bp_arm="right",
)
CTX_IHS = replace(CTX, practitioner_ihs="10009880728")
EMPTY_CTX = ExportContext("", "", "")
START = datetime(2025, 3, 1, 9, 0, tzinfo=WIB)


def vital(kind, value, minutes, simulated=False, **kw):
    return VitalSign(
        identifier=f"desk-1-v1-{kind.value}-{minutes}",
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
        vital(
            VitalKind.SYSTOLIC,
            128.0,
            15,
            interpretation="N",
            interpretation_text="Dalam nilai referensi",
            reference_low=90,
            reference_high=139,
        ),
        vital(VitalKind.DIASTOLIC, 82.0, 15, interpretation="N"),
        vital(VitalKind.SPO2, 97.5, 16, simulated=True),
        vital(
            VitalKind.HEART_RATE,
            112.0,
            16,
            interpretation="H",
            interpretation_text="Di atas nilai referensi",
            reference_low=60,
            reference_high=100,
        ),
    ),
)
VISIT_IHS = replace(VISIT, patient_ihs="P02478375538")


def resources(bundle_dict, kind):
    return [e["resource"] for e in bundle_dict["entry"] if e["resource"]["resourceType"] == kind]


def observations_by_code(bundle_dict):
    return {o["code"]["coding"][0]["code"]: o for o in resources(bundle_dict, "Observation")}


# --- Encounter ------------------------------------------------------------------------------


def test_transaction_bundle_encounter_shape():
    data = to_dict(visit_bundle(VISIT, CTX))
    assert data["type"] == "transaction"
    assert "timestamp" not in data
    (encounter,) = resources(data, "Encounter")
    assert data["entry"][0]["resource"] == encounter  # the Encounter comes first
    assert encounter["identifier"] == [
        {"system": "http://sys-ids.kemkes.go.id/encounter/10000004", "value": "desk-1-v1"}
    ]
    assert encounter["status"] == "finished"
    assert encounter["class"] == {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        "code": "AMB",
        "display": "ambulatory",
    }
    assert encounter["statusHistory"] == [
        {
            "status": "arrived",
            "period": {"start": "2025-03-01T02:00:00+00:00", "end": "2025-03-01T02:00:00+00:00"},
        },
        {
            "status": "in-progress",
            "period": {"start": "2025-03-01T02:00:00+00:00", "end": "2025-03-01T02:20:00+00:00"},
        },
        {
            "status": "finished",
            "period": {"start": "2025-03-01T02:20:00+00:00", "end": "2025-03-01T02:20:00+00:00"},
        },
    ]
    assert encounter["period"] == {
        "start": "2025-03-01T02:00:00+00:00",
        "end": "2025-03-01T02:20:00+00:00",
    }
    (participant,) = encounter["participant"]
    assert participant["type"][0]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
        "code": "ATND",
        "display": "attender",
    }
    assert participant["individual"] == {"identifier": {"system": NIK, "value": "3174010101800001"}}
    assert encounter["location"] == [{"location": {"reference": f"Location/{CTX.location_id}"}}]
    assert encounter["serviceProvider"] == {"reference": "Organization/10000004"}
    assert encounter["subject"] == {
        "identifier": {"system": NIK, "value": "3174015507850002"},
        "display": "Siti Rahayu",
    }
    assert [e["request"] for e in data["entry"]] == [
        {"method": "POST", "url": "Encounter"},
        *[{"method": "POST", "url": "Observation"}] * 4,
    ]


def test_ihs_numbers_give_server_references():
    data = to_dict(visit_bundle(VISIT_IHS, CTX_IHS))
    (encounter,) = resources(data, "Encounter")
    assert encounter["subject"] == {"reference": "Patient/P02478375538", "display": "Siti Rahayu"}
    assert encounter["participant"][0]["individual"] == {"reference": "Practitioner/10009880728"}
    for observation in resources(data, "Observation"):
        assert observation["subject"]["reference"] == "Patient/P02478375538"
        assert observation["performer"] == [{"reference": "Practitioner/10009880728"}]


def test_wib_and_wita_inputs_are_written_in_utc():
    wita = replace(
        VISIT,
        started=datetime(2025, 3, 1, 10, 0, tzinfo=WITA),
        finished=datetime(2025, 3, 1, 10, 30, 59, 999999, tzinfo=WITA),
        vitals=(replace(VISIT.vitals[0], effective=datetime(2025, 3, 1, 9, 15, tzinfo=WIB)),),
    )
    data = to_dict(visit_bundle(wita, CTX))
    (encounter,) = resources(data, "Encounter")
    assert encounter["period"] == {
        "start": "2025-03-01T02:00:00+00:00",
        "end": "2025-03-01T02:30:59+00:00",  # whole seconds
    }
    (observation,) = resources(data, "Observation")
    assert observation["effectiveDateTime"] == "2025-03-01T02:15:00+00:00"
    assert observation["issued"] == "2025-03-01T02:30:59+00:00"


def test_visit_crossing_utc_midnight():
    late = replace(
        VISIT,
        started=datetime(2025, 3, 1, 6, 50, tzinfo=WIB),
        finished=datetime(2025, 3, 1, 7, 5, tzinfo=WIB),
        vitals=(),
    )
    encounter = to_dict(encounter_for(late, CTX))
    assert encounter["period"] == {
        "start": "2025-02-28T23:50:00+00:00",
        "end": "2025-03-01T00:05:00+00:00",
    }


def test_naive_datetimes_are_refused():
    naive = datetime(2025, 3, 1, 9, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        encounter_for(replace(VISIT, started=naive), CTX)
    with pytest.raises(ValueError, match="timezone-aware"):
        encounter_for(replace(VISIT, finished=naive), CTX)
    bad_vital = replace(VISIT.vitals[0], effective=naive)
    with pytest.raises(ValueError, match="desk-1-v1-systolic-15 effective time"):
        visit_bundle(replace(VISIT, vitals=(bad_vital,)), CTX)
    with pytest.raises(ValueError, match="bundle timestamp must be timezone-aware"):
        export_bundle([VISIT], CTX, generated=naive)


def test_finish_before_start_is_refused_and_equal_is_allowed():
    with pytest.raises(ValueError, match="finishes before it starts"):
        encounter_for(replace(VISIT, finished=START - timedelta(seconds=1)), CTX)
    instant = to_dict(encounter_for(replace(VISIT, finished=START, vitals=()), CTX))
    assert instant["period"]["start"] == instant["period"]["end"]
    # ...but SATUSEHAT wants end > start (rule 10121): the rule check holds it back.
    assert any("10121" in p for p in validate_encounter(instant))


def test_patient_without_nik_or_ihs_is_refused_and_empty_name_is_left_out():
    with pytest.raises(ValueError, match="neither a patient IHS number nor a NIK"):
        encounter_for(replace(VISIT, nik=""), CTX)
    anonymous = to_dict(encounter_for(replace(VISIT, name="  "), CTX))
    assert anonymous["subject"] == {"identifier": {"system": NIK, "value": "3174015507850002"}}


# --- Observations ---------------------------------------------------------------------------


def test_observation_codes_units_and_values():
    observations = observations_by_code(to_dict(visit_bundle(VISIT, CTX)))
    assert set(observations) == {"8480-6", "8462-4", "2708-6", "8867-4"}
    assert observations["8480-6"]["code"]["coding"] == [
        {"system": "http://loinc.org", "code": "8480-6", "display": "Systolic blood pressure"}
    ]
    assert observations["8462-4"]["code"]["coding"][0]["display"] == "Diastolic blood pressure"
    assert observations["8867-4"]["code"]["coding"][0]["display"] == "Heart rate"
    assert observations["2708-6"]["code"]["coding"] == [
        {
            "system": "http://loinc.org",
            "code": "2708-6",
            "display": "Oxygen saturation in Arterial blood",
        },
        {
            "system": "http://loinc.org",
            "code": "59408-5",
            "display": "Oxygen saturation in Arterial blood by Pulse oximetry",
        },
    ]
    quantities = {code: o["valueQuantity"] for code, o in observations.items()}
    ucum = "http://unitsofmeasure.org"
    assert quantities == {
        "8480-6": {"value": 128, "unit": "mm[Hg]", "system": ucum, "code": "mm[Hg]"},
        "8462-4": {"value": 82, "unit": "mm[Hg]", "system": ucum, "code": "mm[Hg]"},
        "2708-6": {"value": 97.5, "unit": "%", "system": ucum, "code": "%"},
        "8867-4": {"value": 112, "unit": "beats/minute", "system": ucum, "code": "/min"},
    }
    # JSON numbers, integral ones without ".0"; never strings.
    assert type(quantities["8480-6"]["value"]) is int
    assert type(quantities["2708-6"]["value"]) is float
    text = to_json(visit_bundle(VISIT, CTX))
    assert '"value": 128,' in text
    assert '"value": 97.5,' in text
    assert '"128"' not in text


def test_observation_common_elements():
    observations = observations_by_code(to_dict(visit_bundle(VISIT, CTX)))
    systolic = observations["8480-6"]
    assert systolic["identifier"] == [
        {
            "use": "official",
            "system": "http://sys-ids.kemkes.go.id/observation/10000004",
            "value": "desk-1-v1-systolic-15",
        }
    ]
    assert systolic["status"] == "final"
    assert systolic["category"] == [
        {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                    "code": "vital-signs",
                    "display": "Vital Signs",
                }
            ]
        }
    ]
    assert systolic["effectiveDateTime"] == "2025-03-01T02:15:00+00:00"  # 09:15 WIB
    assert systolic["issued"] == "2025-03-01T02:20:00+00:00"  # the visit's finish
    assert systolic["subject"] == {
        "identifier": {"system": NIK, "value": "3174015507850002"},
        "display": "Siti Rahayu",
    }
    assert systolic["performer"] == [{"identifier": {"system": NIK, "value": "3174010101800001"}}]
    assert systolic["device"] == {"display": "Omron HEM-7142T1"}


@pytest.mark.parametrize(
    ("arm", "body_site"),
    [
        ("", None),  # not recorded: no body site, never an invented one (issue 10 item 4)
        ("left", ("368208006", "Left upper arm structure")),
        ("right", ("368209003", "Right upper arm structure")),
    ],
)
def test_body_site_is_the_desk_setting(arm, body_site):
    bundle = visit_bundle(VISIT, replace(CTX, bp_arm=arm))
    observations = observations_by_code(to_dict(bundle))
    for code in ("8480-6", "8462-4"):
        resource = observations[code]
        Observation.model_validate(resource)  # valid R4 (fhir.resources R4B) either way
        if body_site is None:
            assert "bodySite" not in resource
        else:
            code_, display = body_site
            snomed = "http://snomed.info/sct"
            assert resource["bodySite"] == {
                "coding": [{"system": snomed, "code": code_, "display": display}]
            }
        assert not any("rule 10011" in p for p in validate_observation(resource))
    for code in ("8867-4", "2708-6"):
        assert "bodySite" not in observations[code]
    Bundle.model_validate(to_dict(bundle))


def test_unknown_arm_is_refused_when_the_context_is_built():
    with pytest.raises(ValueError, match="bp_arm must be 'left', 'right' or ''"):
        replace(CTX, bp_arm="both")


def test_body_site_interpretation_and_reference_range():
    observations = observations_by_code(to_dict(visit_bundle(VISIT, CTX)))
    right_arm = {
        "coding": [
            {
                "system": "http://snomed.info/sct",
                "code": "368209003",
                "display": "Right upper arm structure",
            }
        ]
    }
    assert observations["8480-6"]["bodySite"] == right_arm
    assert observations["8462-4"]["bodySite"] == right_arm
    assert "bodySite" not in observations["8867-4"]
    assert "bodySite" not in observations["2708-6"]
    interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
    assert observations["8867-4"]["interpretation"] == [
        {
            "coding": [{"system": interpretation, "code": "H", "display": "High"}],
            "text": "Di atas nilai referensi",
        }
    ]
    assert observations["8462-4"]["interpretation"] == [
        {"coding": [{"system": interpretation, "code": "N", "display": "Normal"}]}
    ]
    assert "interpretation" not in observations["2708-6"]  # None: left out
    assert observations["8867-4"]["referenceRange"] == [
        {
            "low": {
                "value": 60,
                "unit": "beats/minute",
                "system": "http://unitsofmeasure.org",
                "code": "/min",
            },
            "high": {
                "value": 100,
                "unit": "beats/minute",
                "system": "http://unitsofmeasure.org",
                "code": "/min",
            },
        }
    ]
    assert observations["8480-6"]["referenceRange"][0]["high"]["code"] == "mm[Hg]"
    assert "referenceRange" not in observations["2708-6"]


@pytest.mark.parametrize(
    ("code", "display"),
    [
        ("N", "Normal"),
        ("H", "High"),
        ("HH", "Critical high"),
        ("L", "Low"),
        ("LL", "Critical low"),
        ("A", "Abnormal"),
    ],
)
def test_every_interpretation_code(code, display):
    reading = replace(VISIT.vitals[0], interpretation=code, interpretation_text=None)
    observation = to_dict(observation_for(reading, VISIT, CTX, "Encounter/abc"))
    assert observation["interpretation"] == [
        {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                    "code": code,
                    "display": display,
                }
            ]
        }
    ]
    assert observation["encounter"] == {"reference": "Encounter/abc"}


def test_one_sided_reference_range():
    reading = replace(VISIT.vitals[2], reference_low=95, reference_high=None)
    observation = to_dict(observation_for(reading, VISIT, CTX, "Encounter/abc"))
    assert observation["referenceRange"] == [
        {"low": {"value": 95, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}
    ]


def test_simulated_reading_is_marked():
    observations = observations_by_code(to_dict(visit_bundle(VISIT, CTX)))
    spo2 = observations["2708-6"]
    assert spo2["note"] == [{"text": SIMULATOR_NOTE}]
    assert spo2["note"][0]["text"].startswith("SIMULATOR")
    assert spo2["device"] == {"display": "SIMULATOR Omron HEM-7142T1"}
    assert "note" not in observations["8480-6"]
    labelled = replace(VISIT.vitals[2], device_label="SIMULATOR oximeter")
    again = to_dict(observation_for(labelled, VISIT, CTX, "Encounter/abc"))
    assert again["device"] == {"display": "SIMULATOR oximeter"}  # no double prefix


def test_manual_reading_names_no_device_and_carries_the_manual_note():
    typed = replace(VISIT_IHS.vitals[0], manual=True)
    observation = to_dict(observation_for(typed, VISIT_IHS, CTX_IHS, "Encounter/abc"))
    Observation.model_validate(observation)
    assert "device" not in observation
    assert "method" not in observation  # rule 10416 wants a Kemkes clinical-term code
    assert observation["note"] == [{"text": MANUAL_NOTE}]
    assert "diinput manual" in MANUAL_NOTE
    assert "entered by hand" in MANUAL_NOTE
    # Everything else is what a device reading gets.
    device = to_dict(observation_for(VISIT_IHS.vitals[0], VISIT_IHS, CTX_IHS, "Encounter/abc"))
    for key in ("device", "note"):
        device.pop(key, None)
        observation.pop(key, None)
    assert observation == device
    now = datetime(2025, 3, 1, 3, 0, tzinfo=UTC)
    manual_visit = replace(VISIT_IHS, vitals=tuple(replace(v, manual=True) for v in VISIT.vitals))
    data = to_dict(visit_bundle(manual_visit, CTX_IHS))
    assert validate_bundle(data, organization_id="10000004", now=now) == []
    assert all("device" not in o for o in resources(data, "Observation"))


def test_simulated_and_manual_keep_both_notes():
    both = replace(VISIT.vitals[2], manual=True)  # the SpO2 vital is simulated
    observation = to_dict(observation_for(both, VISIT, CTX, "Encounter/abc"))
    assert observation["note"] == [{"text": SIMULATOR_NOTE}, {"text": MANUAL_NOTE}]
    assert "device" not in observation


@pytest.mark.parametrize(
    ("method", "flagged"),
    [
        ({"text": "Diinput manual"}, False),
        (
            {
                "coding": [
                    {
                        "system": "http://terminology.kemkes.go.id/CodeSystem/clinical-term",
                        "code": "X",
                    }
                ]
            },
            False,
        ),
        ({"coding": [{"system": "http://snomed.info/sct", "code": "37931006"}]}, True),
    ],
)
def test_rule_checks_want_kemkes_method_codes(method, flagged):
    good = observations_by_code(to_dict(visit_bundle(VISIT_IHS, CTX_IHS)))["8480-6"]
    with_method = {**good, "method": method}
    problems = validate_observation(with_method)
    assert any("rule 10416" in p for p in problems) is flagged
    assert validate_observation(good) == []


def test_bad_values_are_refused():
    with pytest.raises(ValueError, match="unknown interpretation code 'X'"):
        observation_for(replace(VISIT.vitals[0], interpretation="X"), VISIT, CTX, "Encounter/a")
    with pytest.raises(ValueError, match="finite number"):
        observation_for(replace(VISIT.vitals[0], value=float("nan")), VISIT, CTX, "Encounter/a")
    with pytest.raises(ValueError, match="encounter reference"):
        observation_for(VISIT.vitals[0], VISIT, CTX, "")


# --- Bundles --------------------------------------------------------------------------------


def test_references_resolve_inside_the_bundle():
    data = to_dict(visit_bundle(VISIT, CTX))
    full_urls = [e["fullUrl"] for e in data["entry"]]
    assert len(set(full_urls)) == len(full_urls) == 5
    assert all(url.startswith("urn:uuid:") for url in full_urls)
    encounter_url = data["entry"][0]["fullUrl"]
    assert data["entry"][0]["resource"]["resourceType"] == "Encounter"
    for observation in resources(data, "Observation"):
        assert observation["encounter"] == {"reference": encounter_url}
        assert observation["encounter"]["reference"] in full_urls


def test_deterministic_bytes_and_parseable_by_r4b():
    first = to_json(visit_bundle(VISIT, CTX))
    assert first == to_json(visit_bundle(VISIT, CTX))
    parsed = Bundle.model_validate_json(first)
    assert len(parsed.entry) == 5
    assert parsed.type == "transaction"
    data = json.loads(first)
    Encounter.model_validate(resources(data, "Encounter")[0])
    for observation in resources(data, "Observation"):
        Observation.model_validate(observation)
    # A different visit gets different fullUrls.
    other = to_dict(visit_bundle(replace(VISIT, encounter_identifier="desk-1-v2"), CTX))
    assert other["entry"][0]["fullUrl"] != data["entry"][0]["fullUrl"]


def test_collection_form_and_file_export():
    as_collection = to_dict(visit_bundle(VISIT, CTX, transaction=False))
    assert as_collection["type"] == "collection"
    assert all("request" not in e for e in as_collection["entry"])
    second = replace(
        VISIT,
        visit_id="v2",
        encounter_identifier="desk-1-v2",
        vitals=tuple(replace(v, identifier=v.identifier.replace("v1", "v2")) for v in VISIT.vitals),
    )
    exported = to_dict(export_bundle([VISIT, second], CTX))
    assert exported["type"] == "collection"
    assert "timestamp" not in exported
    assert len(exported["entry"]) == 10
    assert all("request" not in e for e in exported["entry"])
    # The file uses the same deterministic fullUrls as the upload.
    transaction_urls = [e["fullUrl"] for e in to_dict(visit_bundle(VISIT, CTX))["entry"]]
    assert [e["fullUrl"] for e in exported["entry"][:5]] == transaction_urls
    Bundle.model_validate_json(to_json(export_bundle([VISIT, second], CTX)))
    stamped = to_dict(export_bundle([VISIT], CTX, generated=datetime(2025, 3, 2, 8, 0, tzinfo=WIB)))
    assert stamped["timestamp"] == "2025-03-02T01:00:00+00:00"


def test_the_same_visit_twice_in_one_file_is_refused():
    with pytest.raises(ValueError, match="appears twice"):
        export_bundle([VISIT, VISIT], CTX)


def test_export_without_satusehat_settings_still_parses():
    text = to_json(export_bundle([VISIT], EMPTY_CTX, generated=datetime(2025, 3, 2, tzinfo=UTC)))
    data = json.loads(text)
    assert data["timestamp"] == "2025-03-02T00:00:00+00:00"
    (encounter,) = resources(data, "Encounter")
    for absent in ("participant", "location", "serviceProvider"):
        assert absent not in encounter
    assert encounter["identifier"][0]["system"] == "urn:vitals-station:encounter"
    for observation in resources(data, "Observation"):
        assert "performer" not in observation
        assert observation["identifier"][0]["system"] == "urn:vitals-station:observation"
    Bundle.model_validate_json(text)
    Bundle.model_validate_json(to_json(visit_bundle(VISIT, EMPTY_CTX)))


def test_no_z_times_anywhere_and_free_text_untouched():
    odd = replace(VISIT, name="Budi 2025-03-01T02:00:00Z")
    text = to_json(visit_bundle(odd, CTX, generated=datetime(2025, 3, 2, tzinfo=UTC)))
    data = json.loads(text)
    assert resources(data, "Encounter")[0]["subject"]["display"] == "Budi 2025-03-01T02:00:00Z"
    # The only "Z" left is the name, once per subject (the Encounter and 4 Observations).
    assert text.count('Z"') == text.count("Budi 2025-03-01T02:00:00Z") == 5
    times = [data["timestamp"]]
    for resource in (e["resource"] for e in data["entry"]):
        if resource["resourceType"] == "Observation":
            times += [resource["effectiveDateTime"], resource["issued"]]
        else:
            times += [resource["period"]["start"], resource["period"]["end"]]
            times += [t for h in resource["statusHistory"] for t in h["period"].values()]
    assert times
    assert all(t.endswith("+00:00") and len(t) == 25 for t in times)


# --- SATUSEHAT rule checks ------------------------------------------------------------------


def test_rule_checks_accept_every_resource_of_a_complete_bundle():
    data = to_dict(visit_bundle(VISIT_IHS, CTX_IHS))
    now = datetime(2025, 3, 1, 3, 0, tzinfo=UTC)
    assert validate_bundle(data, organization_id="10000004", now=now) == []
    for resource in (e["resource"] for e in data["entry"]):
        is_encounter = resource["resourceType"] == "Encounter"
        check = validate_encounter if is_encounter else validate_observation
        assert check(resource, organization_id="10000004", now=now) == []


def test_rule_checks_want_ihs_numbers_and_facility_settings():
    nik_only = to_dict(visit_bundle(VISIT, CTX))
    problems = validate_bundle(nik_only)
    assert any("subject refers by NIK" in p and "10118" in p for p in problems)
    assert any("performer[0] refers by NIK" in p and "10383" in p for p in problems)
    unconfigured = to_dict(visit_bundle(VISIT_IHS, EMPTY_CTX))
    problems = validate_bundle(unconfigured)
    for rule in ("10117", "10119", "10120", "10124", "10441", "10383"):
        assert any(f"rule {rule}" in p for p in problems), rule


def test_rule_checks_catch_a_broken_observation():
    data = to_dict(visit_bundle(VISIT_IHS, CTX_IHS))
    good = observations_by_code(data)["8480-6"]
    broken = copy.deepcopy(good)
    broken["status"] = "preliminary"
    broken["category"] = []
    broken["identifier"][0]["system"] = "http://sys-ids.kemkes.go.id/organization/10000004"
    broken["valueQuantity"]["value"] = "128"
    broken["valueQuantity"]["code"] = "mmHg"
    broken["effectiveDateTime"] = "2025-03-01T02:15:00Z"
    broken["referenceRange"][0]["low"]["value"] = "-"
    broken["bodySite"]["coding"][0]["system"] = "http://example.org/arms"
    del broken["encounter"]
    problems = validate_observation(broken)
    for expected in (
        "rule 10008",
        "rule 10009",
        "rule 10441",
        "rule 20008",
        "must be 'mm[Hg]' here",
        "effectiveDateTime must be written YYYY-MM-DDThh:mm:ss+00:00",
        "rule 10368",
        "rule 10011",
        "rule 10130",
    ):
        assert any(expected in p for p in problems), (expected, problems)
    assert validate_observation(good, organization_id="10000099") == [
        "identifier[0].system http://sys-ids.kemkes.go.id/observation/10000004 is not for "
        "organization 10000099 (rule 10441)"
    ]
    future = validate_observation(good, now=datetime(2025, 3, 1, 2, 16, tzinfo=UTC))
    assert any("issued" in p and "in the future" in p for p in future)


def test_rule_checks_catch_a_broken_encounter_and_bundle():
    data = to_dict(visit_bundle(VISIT_IHS, CTX_IHS))
    encounter = copy.deepcopy(data["entry"][0]["resource"])
    encounter["statusHistory"] = []
    encounter["period"]["end"] = "2025-03-01T01:59:00+00:00"
    encounter["class"]["code"] = "XYZ"
    problems = validate_encounter(encounter)
    assert any("rule 10122" in p for p in problems)
    assert "period.end must be later than period.start (rule 10121)" in problems
    assert any(p.startswith("class must be") for p in problems)
    del encounter["period"]["end"]
    assert any("needs period.end" in p for p in validate_encounter(encounter))

    broken = copy.deepcopy(data)
    broken["type"] = "batch"
    broken["entry"][2]["fullUrl"] = broken["entry"][1]["fullUrl"]
    broken["entry"][3]["fullUrl"] = "urn:uuid:not-a-uuid"
    del broken["entry"][4]["request"]
    broken["entry"][0]["fullUrl"] = "urn:uuid:00000000-0000-0000-0000-000000000000"
    problems = validate_bundle(broken)
    assert "type must be 'transaction', got 'batch'" in problems
    assert any("rule 20020" in p for p in problems)
    assert any("rules 20017-20019" in p for p in problems)
    assert "entry[4].request must be POST Observation" in problems
    assert any("is not in this Bundle" in p for p in problems)
    assert validate_observation({"resourceType": "Patient"}) == [
        "resourceType must be Observation, got 'Patient'"
    ]
