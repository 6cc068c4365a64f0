"""FHIR R4 resources for a visit, shaped as SATUSEHAT's playbook shows them.

Pure functions: no I/O, no clock. Built and validated with fhir.resources' R4B models (their
Observation, Encounter and Bundle match R4 4.0.1; the default R5 models silently accept wrong
shapes, docs/reference/satusehat.md section 6). Sources for every shape:
``docs/reference/satusehat.md`` sections 1.6, 1.7 and 2.1-2.3; ``fhir_export.satusehat_rules``
checks the result.

Decisions where the notes are unconfirmed or the brief left a choice:

* Blood pressure is two Observations (8480-6 systolic, 8462-4 diastolic), as the official
  samples and the IDCore profiles do; SpO2 carries 2708-6 and 59408-5 (the R4 pulse-oximetry
  pattern, section 2.2).
* Times are written ``YYYY-MM-DDThh:mm:ss+00:00`` in UTC, whole seconds: SATUSEHAT documents
  ``+00:00`` and whether it accepts ``Z`` (what fhir.resources writes) is unconfirmed, so
  ``to_dict`` rewrites the datetime fields this module produces, and only those (section 6,
  pitfall 2). A naive datetime is a ``ValueError``: a kiosk in WIB, WITA or WIT must say so.
* Encounter period and status history: ``arrived`` is the start instant (start..start),
  ``in-progress`` runs start..finish, ``finished`` is the finish instant (finish..finish).
  A finish before the start is a ``ValueError``. A finish equal to the start (after
  truncation to whole seconds) is still valid FHIR, so the mapping accepts it (a file export
  must not fail on it), but SATUSEHAT rule 10121 wants the end later than the start:
  ``satusehat_rules.validate_encounter`` reports it so the uploader holds such a visit back.
* Patient and practitioner: ``Patient/{ihs}`` and ``Practitioner/{ihs}`` when the IHS numbers
  are known; otherwise logical references by NIK identifier (``https://fhir.kemkes.go.id/id/nik``),
  which a file export can carry but SATUSEHAT will not take (the uploader resolves IHS numbers
  first, section 1.4). The patient's name is the reference's display.
* Empty facility settings (no SATUSEHAT configured): no participant/performer without a
  practitioner NIK or IHS, no ``location`` without a location id, no ``serviceProvider`` and
  station-local identifier systems (``urn:vitals-station:encounter`` / ``...:observation``)
  without an organization id, rather than a SATUSEHAT system ending in a bare slash. The
  identifier values are unchanged.
* bodySite (systolic and diastolic only) is the arm the desk's settings name
  (``[station] bp_arm``): SNOMED CT 368208006 "Left upper arm structure" or 368209003 "Right
  upper arm structure" (the code of SATUSEHAT's sample BP Observation, docs/reference/satusehat.md
  2.1; IDCore binds bodySite to SNOMED CT body structures, yy-dto/IDCore
  ``input/fsh/ValueSet-ObservationBodySite.fsh``; rule 10011 requires SNOMED). With no arm
  set, no bodySite is sent: which arm was used is clinical data, not a constant, and the draft
  IDCore 1..1 is not a SATUSEHAT rule (docs/reference/satusehat.md 2.1 and "Added after trying the
  station").
* Interpretation: written when the checks gave one; left out when ``None``, for blood pressure
  too, although the draft IDCore profiles make it 1..1 (section 2.1): inventing a clinical
  judgement is worse than a missing optional-in-R4 element, and no SATUSEHAT rule number for
  it is known. Each Observation carries its own judgement, of its own value against its own
  reference range (``station.checks.interpretation``): the systolic and the diastolic of one
  reading can differ.
* Values are JSON numbers: integral values are written as integers (120, not 120.0);
  NaN and infinities are a ``ValueError``.
* Simulated readings carry a note and a device display starting with ``SIMULATOR``.
* A reading the health worker typed in (``VitalSign.manual``) names no device and carries
  ``MANUAL_NOTE``; it has no ``method``. SATUSEHAT binds Observation.method to its own
  terminology (rule 10416: ``http://terminology.kemkes.go.id/CodeSystem/clinical-term``,
  [KAMUS] in docs/reference/satusehat.md) and no clinical-term code for "entered by hand" is
  public; a SNOMED or HL7 code would break rule 10416, and whether a method with text only
  passes it is unconfirmed, so one manual reading could hold back its visit's upload. No
  SATUSEHAT rule constrains Observation.note (none in [KAMUS]), so the note carries it,
  in both languages (docs/reference/satusehat.md, "Manual entry").
* ``urn:uuid`` fullUrls are uuid5 over ``identifier system|value``: the same visit always gives
  the same bytes, and one resource the same fullUrl in a transaction and in a file export.
* A file export of several visits is a ``collection`` Bundle: a file is a set of records to
  read or replay visit by visit, not one all-or-nothing server operation.
* A same-day correction (``station.corrections``) reaches the server as a new version of the
  same Observation (``observation_update``: its server id in the body, the same identifier,
  status ``amended`` or ``entered-in-error``), sent as ``PUT Observation/{id}``, never as a
  second resource. SATUSEHAT documents updates as that plain PUT
  (docs/reference/satusehat.md 2.3, "Updates"); a PUT inside a transaction Bundle is not
  documented, so the upload Bundles stay POST-only.
* Two forms of the same resources: ``encounter_for``, ``observation_for``, ``visit_bundle``,
  ``export_bundle``, ``upload_bundle`` and ``observation_update`` give fhir.resources models
  (validated: the file export, and the oracle the tests hold the plain form to);
  ``upload_bundle_data`` and ``observation_update_data`` give the same JSON-ready dict
  ``to_dict`` of the model gives, built as plain data with the same ``MappingError`` checks
  (the upload's hot path: validating and dumping the models cost the upload 22 times the
  plain dicts, issue 14). fhir.resources is imported only when a model is built, so the
  upload never loads it.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from fhir_export.errors import MappingError
from fhir_export.model import ExportContext, Practitioner, VisitExport, VitalKind, VitalSign

if TYPE_CHECKING:  # imported when a model is built (_validated), never by the upload
    from fhir.resources.R4B.bundle import Bundle
    from fhir.resources.R4B.encounter import Encounter
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.resource import Resource

__all__ = [
    "AMENDED",
    "ENCOUNTER_SYSTEM",
    "ENTERED_IN_ERROR",
    "LOCAL_ENCOUNTER_SYSTEM",
    "LOCAL_OBSERVATION_SYSTEM",
    "MANUAL_NOTE",
    "NIK_SYSTEM",
    "OBSERVATION_SYSTEM",
    "SIMULATOR_NOTE",
    "UPDATE_STATUSES",
    "MappingError",
    "encounter_for",
    "encounter_identifier_system",
    "export_bundle",
    "observation_for",
    "observation_identifier_system",
    "observation_update",
    "observation_update_data",
    "once_each",
    "plain_identifier",
    "to_dict",
    "to_json",
    "upload_bundle",
    "upload_bundle_data",
    "visit_bundle",
]

NIK_SYSTEM = "https://fhir.kemkes.go.id/id/nik"
ENCOUNTER_SYSTEM = "http://sys-ids.kemkes.go.id/encounter/{organization_id}"
OBSERVATION_SYSTEM = "http://sys-ids.kemkes.go.id/observation/{organization_id}"
# Without an organization id (SATUSEHAT not configured) the SATUSEHAT systems would end in a
# bare slash; a station-local URN is honest instead, and the values stay the same.
LOCAL_ENCOUNTER_SYSTEM = "urn:vitals-station:encounter"
LOCAL_OBSERVATION_SYSTEM = "urn:vitals-station:observation"

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"
# FHIR R4 Observation.status of a later version of a final Observation
# (http://hl7.org/fhir/R4/valueset-observation-status.html): ``amended`` for a corrected
# value, ``entered-in-error`` for a withdrawn one.
AMENDED = "amended"
ENTERED_IN_ERROR = "entered-in-error"
UPDATE_STATUSES = (AMENDED, ENTERED_IN_ERROR)
SIMULATOR_NOTE = "SIMULATOR: value produced by a device simulator, not a patient measurement"
_SIMULATOR = "SIMULATOR"
MANUAL_NOTE = (
    "MANUAL: diinput manual oleh petugas kesehatan, bukan dari alat yang terhubung / "
    "entered by hand by the health worker, not received from a connected device"
)
# Namespace for the deterministic urn:uuid fullUrls (uuid5 of identifier system|value).
# Never change it: it would change every fullUrl ever written.
_URN_NAMESPACE = uuid.UUID("5b0d7a52-3c55-4f0e-9a53-0d6f3c1e2a41")

# docs/reference/satusehat.md 2.2
_CODES: dict[VitalKind, tuple[tuple[str, str], ...]] = {
    VitalKind.SYSTOLIC: (("8480-6", "Systolic blood pressure"),),
    VitalKind.DIASTOLIC: (("8462-4", "Diastolic blood pressure"),),
    VitalKind.HEART_RATE: (("8867-4", "Heart rate"),),
    VitalKind.SPO2: (
        ("2708-6", "Oxygen saturation in Arterial blood"),
        ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"),
    ),
}
# (unit shown, UCUM code), docs/reference/satusehat.md 2.2
_UNITS: dict[VitalKind, tuple[str, str]] = {
    VitalKind.SYSTOLIC: ("mm[Hg]", "mm[Hg]"),
    VitalKind.DIASTOLIC: ("mm[Hg]", "mm[Hg]"),
    VitalKind.HEART_RATE: ("beats/minute", "/min"),
    VitalKind.SPO2: ("%", "%"),
}
_VITAL_SIGNS_CATEGORY = {
    "system": OBSERVATION_CATEGORY,
    "code": "vital-signs",
    "display": "Vital Signs",
}
_BLOOD_PRESSURE = frozenset({VitalKind.SYSTOLIC, VitalKind.DIASTOLIC})
# SNOMED CT upper-arm body structures, for ``ExportContext.bp_arm`` (module docstring).
_ARMS: dict[str, tuple[str, str]] = {
    "left": ("368208006", "Left upper arm structure"),
    "right": ("368209003", "Right upper arm structure"),
}
_INTERPRETATIONS = {
    "N": "Normal",
    "H": "High",
    "HH": "Critical high",
    "L": "Low",
    "LL": "Critical low",
    "A": "Abnormal",
}
# The datetime elements this module writes; ``to_dict`` rewrites only these.
_DATETIME_KEYS = frozenset({"effectiveDateTime", "issued", "start", "end", "timestamp"})
_Z_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z")
# What fhir.resources checks of the values this module takes from a visit, so the plain form
# refuses what the models refuse (the oracle test holds them to it): an R4 ``string`` needs a
# character matching this (searched, as fhir_core does), an ``id`` is letters, digits, - and .
_FHIR_STRING = re.compile(r"[ \r\n\t\S]")
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]+")
_ModelName = Literal["Bundle", "Encounter", "Observation"]


def _model(name: _ModelName) -> type[Resource]:
    """The R4B model class, imported on first use (the upload path never needs it)."""
    if name == "Bundle":
        from fhir.resources.R4B.bundle import Bundle  # noqa: PLC0415 - lazy, module docstring

        return Bundle
    if name == "Encounter":
        from fhir.resources.R4B.encounter import Encounter  # noqa: PLC0415

        return Encounter
    from fhir.resources.R4B.observation import Observation  # noqa: PLC0415

    return Observation


def _validated(name: _ModelName, data: dict[str, Any], what: str) -> Any:
    """``model.model_validate(data)``; what fhir.resources refuses is a ``MappingError``."""
    from pydantic import ValidationError  # noqa: PLC0415 - with the models, lazily

    try:
        return _model(name).model_validate(data)
    except ValidationError as exc:
        errors = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()[:3]
        )
        raise MappingError(f"{what} is not valid FHIR R4: {errors}") from exc


def _utc(value: datetime, what: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise MappingError(
            f"{what} must be timezone-aware (for example +07:00 for WIB), "
            f"got naive {value.isoformat()}"
        )
    return value.astimezone(UTC).replace(microsecond=0)


def _text(value: datetime) -> str:
    return value.isoformat()  # a UTC datetime without microseconds: ...T02:15:00+00:00


def _number(value: float, what: str) -> int | float:
    number = float(value)
    if not math.isfinite(number):
        raise MappingError(f"{what} must be a finite number, got {value!r}")
    return int(number) if number.is_integer() else number


def _string(value: str, what: str) -> str:
    """``value`` as an R4 ``string`` element: fhir.resources refuses an empty one."""
    if not _FHIR_STRING.search(value):
        raise MappingError(f"{what} is not valid FHIR R4: empty string {value!r}")
    return value


def _urn(system: str, value: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_URN_NAMESPACE, f'{system}|{value}')}"


def encounter_identifier_system(ctx: ExportContext) -> str:
    """``http://sys-ids.kemkes.go.id/encounter/{org}``, or a local URN with no organization."""
    if not ctx.organization_id:
        return LOCAL_ENCOUNTER_SYSTEM
    return ENCOUNTER_SYSTEM.format(organization_id=ctx.organization_id)


def observation_identifier_system(ctx: ExportContext) -> str:
    """``http://sys-ids.kemkes.go.id/observation/{org}``, or a local URN with no organization."""
    if not ctx.organization_id:
        return LOCAL_OBSERVATION_SYSTEM
    return OBSERVATION_SYSTEM.format(organization_id=ctx.organization_id)


def _patient_reference(visit: VisitExport) -> dict[str, Any]:
    reference: dict[str, Any]
    if visit.patient_ihs:
        reference = {"reference": f"Patient/{visit.patient_ihs}"}
    elif visit.nik:
        reference = {
            "identifier": {"system": NIK_SYSTEM, "value": _string(visit.nik, "the patient NIK")}
        }
    else:
        raise MappingError(f"visit {visit.visit_id} has neither a patient IHS number nor a NIK")
    if visit.name.strip():
        reference["display"] = visit.name
    return reference


def _practitioner_reference(
    ctx: ExportContext, chosen: Practitioner | None = None
) -> dict[str, Any] | None:
    """The operator who did it (``chosen``), else the context's practitioner (the fallback
    for data recorded before operators existed)."""
    ihs, nik = (chosen.ihs, chosen.nik) if chosen else (ctx.practitioner_ihs, ctx.practitioner_nik)
    if ihs:
        return {"reference": f"Practitioner/{ihs}"}
    if nik:
        return {"identifier": {"system": NIK_SYSTEM, "value": _string(nik, "a practitioner NIK")}}
    return None


def encounter_for(visit: VisitExport, ctx: ExportContext) -> Encounter:
    """The visit's finished ambulatory Encounter (docs/reference/satusehat.md 1.6)."""
    encounter: Encounter = _validated(
        "Encounter", _encounter_data(visit, ctx), f"visit {visit.visit_id} Encounter"
    )
    return encounter


def _encounter_data(visit: VisitExport, ctx: ExportContext) -> dict[str, Any]:
    """The Encounter as JSON-ready data, keys in R4 element order (as ``to_dict`` gives)."""
    start = _utc(visit.started, f"visit {visit.visit_id} start")
    end = _utc(visit.finished, f"visit {visit.visit_id} finish")
    if visit.finished < visit.started:
        raise MappingError(
            f"visit {visit.visit_id} finishes before it starts ({_text(end)} < {_text(start)})"
        )
    data: dict[str, Any] = {
        "resourceType": "Encounter",
        "identifier": [
            {
                "system": encounter_identifier_system(ctx),
                "value": _string(visit.encounter_identifier, f"visit {visit.visit_id} identifier"),
            }
        ],
        "status": "finished",
        "statusHistory": [
            {"status": "arrived", "period": {"start": _text(start), "end": _text(start)}},
            {"status": "in-progress", "period": {"start": _text(start), "end": _text(end)}},
            {"status": "finished", "period": {"start": _text(end), "end": _text(end)}},
        ],
        "class": {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"},
        "subject": _patient_reference(visit),
    }
    practitioner = _practitioner_reference(ctx, visit.attender)
    if practitioner is not None:
        data["participant"] = [
            {
                "type": [
                    {
                        "coding": [
                            {"system": PARTICIPATION_TYPE, "code": "ATND", "display": "attender"}
                        ]
                    }
                ],
                "individual": practitioner,
            }
        ]
    data["period"] = {"start": _text(start), "end": _text(end)}
    if ctx.location_id:
        data["location"] = [{"location": {"reference": f"Location/{ctx.location_id}"}}]
    if ctx.organization_id:
        data["serviceProvider"] = {"reference": f"Organization/{ctx.organization_id}"}
    return data


def _device_display(vital: VitalSign) -> str | None:
    if vital.manual:
        return None  # no device sent it; MANUAL_NOTE says who did
    label = vital.device_label.strip()
    if not vital.simulated:
        return label or None
    if label.startswith(_SIMULATOR):
        return label
    return f"{_SIMULATOR} {label}".rstrip()


def _interpretation(vital: VitalSign) -> dict[str, Any] | None:
    if vital.interpretation is None:
        return None
    display = _INTERPRETATIONS.get(vital.interpretation)
    if display is None:
        raise MappingError(
            f"unknown interpretation code {vital.interpretation!r} for {vital.identifier}; "
            f"expected one of {', '.join(_INTERPRETATIONS)}"
        )
    interpretation: dict[str, Any] = {
        "coding": [
            {"system": INTERPRETATION_SYSTEM, "code": vital.interpretation, "display": display}
        ]
    }
    if vital.interpretation_text and vital.interpretation_text.strip():
        interpretation["text"] = vital.interpretation_text
    return interpretation


def observation_for(
    vital: VitalSign, visit: VisitExport, ctx: ExportContext, encounter_ref: str
) -> Observation:
    """One vital-sign Observation (docs/reference/satusehat.md 2.1, 2.2) in the given encounter.

    ``encounter_ref`` is the reference text: ``urn:uuid:...`` inside a Bundle, or
    ``Encounter/{server id}`` once the Encounter exists on the server.
    """
    observation: Observation = _validated(
        "Observation",
        _observation_data(vital, visit, ctx, encounter_ref),
        f"{vital.identifier} Observation",
    )
    return observation


def observation_update(
    vital: VitalSign,
    visit: VisitExport,
    ctx: ExportContext,
    *,
    encounter_id: str,
    server_id: str,
    status: str,
    issued: datetime,
) -> Observation:
    """The new version of an Observation the server holds as ``Observation/{server_id}``,
    for ``PUT Observation/{server_id}`` (docs/reference/satusehat.md 2.3, "Updates": the id
    in the body).

    The same resource as ``observation_for`` gives (same identifier, subject and encounter),
    with its ``id``, ``status`` ``amended`` (a same-day correction of the value) or
    ``entered-in-error`` (the reading was discarded: FHIR R4 Observation.status, "the
    observation has been withdrawn following previous final release",
    http://hl7.org/fhir/R4/valueset-observation-status.html), and ``issued`` the moment this
    version was made (the correction).
    """
    data = observation_update_data(
        vital,
        visit,
        ctx,
        encounter_id=encounter_id,
        server_id=server_id,
        status=status,
        issued=issued,
    )
    observation: Observation = _validated(
        "Observation", data, f"{vital.identifier} Observation update"
    )
    return observation


def observation_update_data(
    vital: VitalSign,
    visit: VisitExport,
    ctx: ExportContext,
    *,
    encounter_id: str,
    server_id: str,
    status: str,
    issued: datetime,
) -> dict[str, Any]:
    """``to_dict(observation_update(...))``, built as plain data (the upload's form)."""
    if status not in UPDATE_STATUSES:
        raise MappingError(
            f"an Observation update has status {' or '.join(UPDATE_STATUSES)}, got {status!r}"
        )
    if not server_id:
        raise MappingError(f"{vital.identifier}: an update needs the server id")
    if not _FHIR_ID.fullmatch(server_id):
        raise MappingError(
            f"{vital.identifier} Observation update is not valid FHIR R4: id {server_id!r} "
            "is not letters, digits, - and ."
        )
    data = _observation_data(vital, visit, ctx, f"Encounter/{encounter_id}")
    data["status"] = status
    data["issued"] = _text(_utc(issued, f"{vital.identifier} correction time"))
    # ``id`` right after resourceType, where R4 (and to_dict) puts it.
    return {"resourceType": data.pop("resourceType"), "id": server_id, **data}


def _observation_data(
    vital: VitalSign, visit: VisitExport, ctx: ExportContext, encounter_ref: str
) -> dict[str, Any]:
    if not encounter_ref:
        # docs/reference/satusehat.md 1.7: SATUSEHAT requires the encounter reference.
        raise MappingError("an Observation needs its encounter reference")
    unit, ucum = _UNITS[vital.kind]

    def quantity(value: float, what: str) -> dict[str, Any]:
        return {"value": _number(value, what), "unit": unit, "system": UCUM, "code": ucum}

    data: dict[str, Any] = {
        "resourceType": "Observation",
        "identifier": [
            {
                "use": "official",
                "system": observation_identifier_system(ctx),
                "value": _string(vital.identifier, "an Observation identifier"),
            }
        ],
        "status": "final",
        "category": [{"coding": [dict(_VITAL_SIGNS_CATEGORY)]}],
        "code": {
            "coding": [{"system": LOINC, "code": c, "display": d} for c, d in _CODES[vital.kind]]
        },
        "subject": _patient_reference(visit),
        "encounter": {"reference": encounter_ref},
        "effectiveDateTime": _text(_utc(vital.effective, f"{vital.identifier} effective time")),
        "issued": _text(_utc(visit.finished, f"visit {visit.visit_id} finish")),
    }
    # Keys in R4 element order, as to_dict gives them (the plain form is the same bytes).
    practitioner = _practitioner_reference(ctx, vital.performer)
    if practitioner is not None:
        data["performer"] = [practitioner]
    data["valueQuantity"] = quantity(vital.value, f"{vital.identifier} value")
    interpretation = _interpretation(vital)
    if interpretation is not None:
        data["interpretation"] = [interpretation]
    notes = [SIMULATOR_NOTE] if vital.simulated else []
    if vital.manual:
        notes.append(MANUAL_NOTE)
    if notes:
        data["note"] = [{"text": text} for text in notes]
    if vital.kind in _BLOOD_PRESSURE and ctx.bp_arm:
        code, display = _ARMS[ctx.bp_arm]
        data["bodySite"] = {"coding": [{"system": SNOMED, "code": code, "display": display}]}
    device = _device_display(vital)
    if device is not None:
        data["device"] = {"display": device}
    reference_range: dict[str, Any] = {}
    if vital.reference_low is not None:
        reference_range["low"] = quantity(vital.reference_low, f"{vital.identifier} low")
    if vital.reference_high is not None:
        reference_range["high"] = quantity(vital.reference_high, f"{vital.identifier} high")
    if reference_range:
        data["referenceRange"] = [reference_range]
    return data


def _entries(visit: VisitExport, ctx: ExportContext, *, with_request: bool) -> list[dict[str, Any]]:
    encounter_url = _urn(encounter_identifier_system(ctx), visit.encounter_identifier)
    observation_system = observation_identifier_system(ctx)
    entries: list[dict[str, Any]] = [
        {"fullUrl": encounter_url, "resource": encounter_for(visit, ctx)}
    ]
    entries.extend(
        {
            "fullUrl": _urn(observation_system, vital.identifier),
            "resource": observation_for(vital, visit, ctx, encounter_url),
        }
        for vital in visit.vitals
    )
    if with_request:
        for entry in entries:
            entry["request"] = {"method": "POST", "url": entry["resource"].get_resource_type()}
    return entries


def once_each(
    entries: list[dict[str, Any]],
    identifier: Callable[[Any], str],
    already: Collection[str] = frozenset(),
) -> None:
    """``MappingError`` when a fullUrl of ``entries`` appears twice among them, or is one of
    ``already`` (the fullUrls a Bundle written piece by piece holds so far,
    ``fhir_export.bundle_stream``). ``identifier`` reads a resource's business identifier,
    for the message."""
    seen: set[str] = set()
    for entry in entries:
        url = entry["fullUrl"]
        if url in seen or url in already:
            raise MappingError(
                f"identifier {identifier(entry['resource'])!r} appears twice in one Bundle "
                "(the same visit or reading exported twice?)"
            )
        seen.add(url)


def plain_identifier(resource: dict[str, Any]) -> str:
    """A plain-data resource's business identifier (for ``once_each``' message)."""
    return str(resource["identifier"][0]["value"])


def _bundle(kind: str, entries: list[dict[str, Any]], generated: datetime | None) -> Bundle:
    once_each(entries, lambda resource: str(resource.identifier[0].value))
    data: dict[str, Any] = {"resourceType": "Bundle", "type": kind}
    if generated is not None:
        data["timestamp"] = _text(_utc(generated, "bundle timestamp"))
    data["entry"] = entries
    bundle: Bundle = _validated("Bundle", data, "Bundle")
    return bundle


def visit_bundle(
    visit: VisitExport,
    ctx: ExportContext,
    *,
    transaction: bool = True,
    generated: datetime | None = None,
) -> Bundle:
    """One visit as a Bundle: its Encounter, then one Observation per vital sign.

    ``transaction=True`` (the upload form, docs/reference/satusehat.md 2.3) gives
    ``type: transaction`` with ``request: POST Encounter|Observation`` on each entry; ``False``
    gives a ``collection`` without requests. ``generated``, when given, becomes
    ``Bundle.timestamp``.
    """
    return _bundle(
        "transaction" if transaction else "collection",
        _entries(visit, ctx, with_request=transaction),
        generated,
    )


def upload_bundle(
    visit: VisitExport,
    ctx: ExportContext,
    *,
    encounter_id: str | None,
    include: Collection[str],
) -> Bundle:
    """A transaction Bundle with what the server still lacks for ``visit``.

    Without ``encounter_id`` the Encounter goes first (``urn:uuid`` fullUrl, the Observations
    point at it); with it, the Encounter is already on the server and the Observations point
    at ``Encounter/{encounter_id}``. Only the vital signs whose identifier is in ``include``
    are sent. Entries keep the visit's order, so the response (same order, FHIR 3.1.0.11.6)
    maps back by position.
    """
    entries = _upload_entries(
        visit, ctx, encounter_id, include, encounter=encounter_for, observation=observation_for
    )
    for entry in entries:
        entry["request"] = {"method": "POST", "url": entry["resource"].get_resource_type()}
    return _bundle("transaction", entries, None)


def upload_bundle_data(
    visit: VisitExport,
    ctx: ExportContext,
    *,
    encounter_id: str | None,
    include: Collection[str],
) -> dict[str, Any]:
    """``to_dict(upload_bundle(...))`` built as plain data, without fhir.resources: the same
    keys in the same order, the same ``MappingError`` checks (the upload's hot path; the
    oracle test holds it to the model's form)."""
    entries = _upload_entries(
        visit, ctx, encounter_id, include, encounter=_encounter_data, observation=_observation_data
    )
    for entry in entries:
        entry["request"] = {"method": "POST", "url": entry["resource"]["resourceType"]}
    once_each(entries, plain_identifier)
    bundle: dict[str, Any] = {"resourceType": "Bundle", "type": "transaction"}
    if entries:  # to_dict leaves an empty list out
        bundle["entry"] = entries
    return bundle


def _upload_entries(
    visit: VisitExport,
    ctx: ExportContext,
    encounter_id: str | None,
    include: Collection[str],
    *,
    encounter: Callable[[VisitExport, ExportContext], Any],
    observation: Callable[[VitalSign, VisitExport, ExportContext, str], Any],
) -> list[dict[str, Any]]:
    """``upload_bundle``'s entries without requests, resources built by the given form."""
    observation_system = observation_identifier_system(ctx)
    entries: list[dict[str, Any]] = []
    if encounter_id is None:
        encounter_ref = _urn(encounter_identifier_system(ctx), visit.encounter_identifier)
        entries.append({"fullUrl": encounter_ref, "resource": encounter(visit, ctx)})
    else:
        encounter_ref = f"Encounter/{encounter_id}"
    entries.extend(
        {
            "fullUrl": _urn(observation_system, vital.identifier),
            "resource": observation(vital, visit, ctx, encounter_ref),
        }
        for vital in visit.vitals
        if vital.identifier in include
    )
    return entries


def export_bundle(
    visits: Iterable[VisitExport], ctx: ExportContext, *, generated: datetime | None = None
) -> Bundle:
    """All given visits in one ``collection`` Bundle, for a file export.

    The entries and their fullUrls are the ones ``visit_bundle`` gives, without requests.
    ``generated`` (the caller's clock) becomes ``Bundle.timestamp``; without it there is none,
    so the same visits always give the same bytes.
    """
    return _bundle(
        "collection",
        [entry for visit in visits for entry in _entries(visit, ctx, with_request=False)],
        generated,
    )


def _plus_zero(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                value[:-1] + "+00:00"
                if key in _DATETIME_KEYS and isinstance(value, str) and _Z_DATETIME.fullmatch(value)
                else _plus_zero(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_plus_zero(item) for item in node]
    return node


def to_dict(resource: Resource) -> dict[str, Any]:
    """JSON-ready dict without empty elements, datetimes written ``...+00:00``.

    Only the datetime elements this module writes (``effectiveDateTime``, ``issued``,
    ``Period.start/end``, ``Bundle.timestamp``) are rewritten, and only when they hold a
    ``Z`` datetime: names, notes and identifiers are never touched.
    """
    # model_dump(mode="json") gives the same dict as a JSON round trip of model_dump_json in
    # half the time (fhir.resources serialises its primitives itself); the upload builds
    # one Bundle per visit, so this is on the hot path of draining a backlog.
    result: dict[str, Any] = _plus_zero(resource.model_dump(mode="json", exclude_none=True))
    return result


def to_json(resource: Resource) -> str:
    """``to_dict`` as UTF-8-friendly JSON text (stable for the same input)."""
    return json.dumps(to_dict(resource), indent=2, ensure_ascii=False)
