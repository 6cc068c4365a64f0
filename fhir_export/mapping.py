"""FHIR R4 resources for a visit, shaped as SATUSEHAT's playbook shows them.

Pure functions: no I/O, no clock. Built and validated with fhir.resources' R4B models (their
Observation, Encounter and Bundle match R4 4.0.1; the default R5 models silently accept wrong
shapes, satusehat.md section 6). Sources for every shape: ``../shared/reference/satusehat.md``
sections 1.6, 1.7, 2.1-2.3.

Decisions where the notes are unconfirmed:

* Blood pressure is two Observations (8480-6 systolic, 8462-4 diastolic), as the official
  samples and the IDCore profiles do; SpO2 carries 2708-6 and 59408-5 (the R4 pulse-oximetry
  pattern, section 2.2).
* Times are written ``YYYY-MM-DDThh:mm:ss+00:00``: SATUSEHAT documents ``+00:00`` and whether
  it accepts ``Z`` (what fhir.resources writes) is unconfirmed, so ``to_dict`` rewrites the
  datetime fields this module produces, and only those.
* Until SATUSEHAT lookups give IHS numbers (issue 5), the patient and practitioner are logical
  references by NIK identifier; a file export with no facility settings leaves out location,
  service provider and performer rather than inventing them.
* Encounter status history: arrived at the start instant, in-progress from start to finish,
  finished at the finish instant. A finish before the start is refused.
* bodySite is the right arm (SNOMED 368209003), the sample data's default; the arm is not yet
  recorded at the desk.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.encounter import Encounter
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.resource import Resource

from fhir_export.model import ExportContext, VisitExport, VitalKind, VitalSign

__all__ = [
    "ENCOUNTER_SYSTEM",
    "NIK_SYSTEM",
    "OBSERVATION_SYSTEM",
    "encounter_for",
    "export_bundle",
    "observation_for",
    "to_dict",
    "to_json",
    "visit_bundle",
]

NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik"
ENCOUNTER_SYSTEM = "http://sys-ids.kemkes.go.id/encounter/{organization_id}"
OBSERVATION_SYSTEM = "http://sys-ids.kemkes.go.id/observation/{organization_id}"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"
INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
SIMULATOR_NOTE = "SIMULATOR: value produced by a device simulator, not a patient measurement"
# Namespace for the deterministic urn:uuid fullUrls (uuid5 of identifier system|value).
_URN_NAMESPACE = uuid.UUID("5b0d7a52-3c55-4f0e-9a53-0d6f3c1e2a41")

_CODES: dict[VitalKind, list[tuple[str, str]]] = {
    VitalKind.SYSTOLIC: [("8480-6", "Systolic blood pressure")],
    VitalKind.DIASTOLIC: [("8462-4", "Diastolic blood pressure")],
    VitalKind.HEART_RATE: [("8867-4", "Heart rate")],
    VitalKind.SPO2: [
        ("2708-6", "Oxygen saturation in Arterial blood"),
        ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
    ],
}
# (unit shown, UCUM code)
_UNITS: dict[VitalKind, tuple[str, str]] = {
    VitalKind.SYSTOLIC: ("mm[Hg]", "mm[Hg]"),
    VitalKind.DIASTOLIC: ("mm[Hg]", "mm[Hg]"),
    VitalKind.HEART_RATE: ("beats/minute", "/min"),
    VitalKind.SPO2: ("%", "%"),
}
_INTERPRETATIONS = {
    "N": "Normal",
    "H": "High",
    "HH": "Critical high",
    "L": "Low",
    "LL": "Critical low",
    "A": "Abnormal",
}
_DATETIME_KEYS = frozenset({"effectiveDateTime", "issued", "start", "end", "timestamp"})


def _utc(value: datetime, what: str) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _urn(system: str, value: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_URN_NAMESPACE, f'{system}|{value}')}"


def _patient_reference(visit: VisitExport) -> dict[str, Any]:
    if visit.patient_ihs:
        return {"reference": f"Patient/{visit.patient_ihs}", "display": visit.name}
    return {"identifier": {"system": NIK_SYSTEM, "value": visit.nik}, "display": visit.name}


def _practitioner_reference(ctx: ExportContext) -> dict[str, Any] | None:
    if ctx.practitioner_ihs:
        return {"reference": f"Practitioner/{ctx.practitioner_ihs}"}
    if ctx.practitioner_nik:
        return {"identifier": {"system": NIK_SYSTEM, "value": ctx.practitioner_nik}}
    return None


# Without an organization id (SATUSEHAT not configured) the SATUSEHAT systems would end in a
# bare slash; a station-local URN is honest instead, and the values stay the same.
LOCAL_ENCOUNTER_SYSTEM = "urn:vitals-station:encounter"
LOCAL_OBSERVATION_SYSTEM = "urn:vitals-station:observation"


def encounter_identifier_system(ctx: ExportContext) -> str:
    if not ctx.organization_id:
        return LOCAL_ENCOUNTER_SYSTEM
    return ENCOUNTER_SYSTEM.format(organization_id=ctx.organization_id)


def observation_identifier_system(ctx: ExportContext) -> str:
    if not ctx.organization_id:
        return LOCAL_OBSERVATION_SYSTEM
    return OBSERVATION_SYSTEM.format(organization_id=ctx.organization_id)


def encounter_for(visit: VisitExport, ctx: ExportContext) -> Encounter:
    start, end = _utc(visit.started, "visit start"), _utc(visit.finished, "visit finish")
    if visit.finished < visit.started:
        raise ValueError(f"visit {visit.visit_id} finishes before it starts")
    data: dict[str, Any] = {
        "resourceType": "Encounter",
        "identifier": [
            {"system": encounter_identifier_system(ctx), "value": visit.encounter_identifier}
        ],
        "status": "finished",
        "class": {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            "code": "AMB",
            "display": "ambulatory",
        },
        "subject": _patient_reference(visit),
        "period": {"start": start, "end": end},
        "statusHistory": [
            {"status": "arrived", "period": {"start": start, "end": start}},
            {"status": "in-progress", "period": {"start": start, "end": end}},
            {"status": "finished", "period": {"start": end, "end": end}},
        ],
    }
    practitioner = _practitioner_reference(ctx)
    if practitioner is not None:
        data["participant"] = [
            {
                "type": [
                    {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                "code": "ATND",
                                "display": "attender",
                            }
                        ]
                    }
                ],
                "individual": practitioner,
            }
        ]
    if ctx.location_id:
        data["location"] = [{"location": {"reference": f"Location/{ctx.location_id}"}}]
    if ctx.organization_id:
        data["serviceProvider"] = {"reference": f"Organization/{ctx.organization_id}"}
    return Encounter.model_validate(data)


def observation_for(
    vital: VitalSign, visit: VisitExport, ctx: ExportContext, encounter_ref: str
) -> Observation:
    unit, ucum = _UNITS[vital.kind]
    device_label = vital.device_label
    if vital.simulated and not device_label.upper().startswith("SIMULATOR"):
        device_label = f"SIMULATOR {device_label}"
    data: dict[str, Any] = {
        "resourceType": "Observation",
        "identifier": [
            {
                "system": observation_identifier_system(ctx),
                "use": "official",
                "value": vital.identifier,
            }
        ],
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                        "display": "Vital Signs",
                    }
                ]
            }
        ],
        "code": {
            "coding": [{"system": LOINC, "code": c, "display": d} for c, d in _CODES[vital.kind]]
        },
        "subject": _patient_reference(visit),
        "encounter": {"reference": encounter_ref},
        "effectiveDateTime": _utc(vital.effective, "observation time"),
        "issued": _utc(visit.finished, "visit finish"),
        "valueQuantity": {
            "value": _number(vital.value),
            "unit": unit,
            "system": UCUM,
            "code": ucum,
        },
        "device": {"display": device_label},
    }
    practitioner = _practitioner_reference(ctx)
    if practitioner is not None:
        data["performer"] = [practitioner]
    if vital.kind in (VitalKind.SYSTOLIC, VitalKind.DIASTOLIC):
        data["bodySite"] = {
            "coding": [{"system": SNOMED, "code": "368209003", "display": "Right arm"}]
        }
    if vital.interpretation is not None:
        if vital.interpretation not in _INTERPRETATIONS:
            raise ValueError(f"unknown interpretation code {vital.interpretation!r}")
        interpretation: dict[str, Any] = {
            "coding": [
                {
                    "system": INTERPRETATION_SYSTEM,
                    "code": vital.interpretation,
                    "display": _INTERPRETATIONS[vital.interpretation],
                }
            ]
        }
        if vital.interpretation_text:
            interpretation["text"] = vital.interpretation_text
        data["interpretation"] = [interpretation]
    if vital.reference_low is not None or vital.reference_high is not None:
        reference: dict[str, Any] = {}
        for key, bound in (("low", vital.reference_low), ("high", vital.reference_high)):
            if bound is not None:
                reference[key] = {
                    "value": _number(bound),
                    "unit": unit,
                    "system": UCUM,
                    "code": ucum,
                }
        data["referenceRange"] = [reference]
    if vital.simulated:
        data["note"] = [{"text": SIMULATOR_NOTE}]
    return Observation.model_validate(data)


def _entries(visit: VisitExport, ctx: ExportContext, *, with_request: bool) -> list[dict[str, Any]]:
    encounter_url = _urn(encounter_identifier_system(ctx), visit.encounter_identifier)
    entries: list[dict[str, Any]] = [
        {"fullUrl": encounter_url, "resource": encounter_for(visit, ctx)}
    ]
    for vital in visit.vitals:
        entries.append(
            {
                "fullUrl": _urn(observation_identifier_system(ctx), vital.identifier),
                "resource": observation_for(vital, visit, ctx, encounter_url),
            }
        )
    if with_request:
        for entry in entries:
            entry["request"] = {"method": "POST", "url": entry["resource"].get_resource_type()}
    return entries


def visit_bundle(visit: VisitExport, ctx: ExportContext) -> Bundle:
    """One transaction Bundle for one visit: the Encounter and its Observations."""
    return Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": _entries(visit, ctx, with_request=True),
        }
    )


def export_bundle(
    visits: Iterable[VisitExport], ctx: ExportContext, *, generated: datetime | None = None
) -> Bundle:
    """All given visits in one ``collection`` Bundle, for a file export.

    A collection, not a transaction: a file of many visits is a set of records to read or to
    replay visit by visit, not one all-or-nothing server operation.
    """
    data: dict[str, Any] = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [e for v in visits for e in _entries(v, ctx, with_request=False)],
    }
    if generated is not None:
        data["timestamp"] = _utc(generated, "export time")
    return Bundle.model_validate(data)


def _plus_zero(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                value[:-1] + "+00:00"
                if key in _DATETIME_KEYS and isinstance(value, str) and value.endswith("Z")
                else _plus_zero(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_plus_zero(item) for item in node]
    return node


def to_dict(resource: Resource) -> dict[str, Any]:
    """JSON-ready dict without empty fields, datetimes written with ``+00:00``."""
    result: dict[str, Any] = _plus_zero(json.loads(resource.model_dump_json(exclude_none=True)))
    return result


def to_json(resource: Resource) -> str:
    return json.dumps(to_dict(resource), indent=2, ensure_ascii=False)
