"""SATUSEHAT's known validation rules, checked locally before anything is sent.

fhir.resources checks FHIR structure only (docs/reference/satusehat.md section 6, pitfall 7); these
checks cover the SATUSEHAT rules the research notes name, each message citing its rule number from
[KAMUS] or the section of ``docs/reference/satusehat.md`` it comes from. Pure
functions over JSON dicts (what ``mapping.to_dict`` returns): no I/O, no clock (pass ``now``
to check for future times). Each returns a list of problems; empty means none found.

Choices:

* References must be the server form SATUSEHAT accepts: ``Patient/{ihs}`` and
  ``Practitioner/{ihs}``. A logical reference by NIK (what the mapping writes before the IHS
  lookup) is reported: the uploader resolves IHS numbers first (section 1.4).
* Times must be ``YYYY-MM-DDThh:mm:ss+00:00`` (section 1.6) and not before 2022-08-31, the
  stricter of the two documented lower limits.
* The draft IDCore cardinalities (interpretation and bodySite 1..1 for blood pressure) are
  not enforced: no SATUSEHAT rule number for them is known (section 2.1).
* Rule 10008 binds ``Observation.status`` to ``http://hl7.org/fhir/observation-status``
  ([KAMUS] lists its path and terminology, no single code): what the station creates is
  ``final`` (section 2.1); a later version of it (``validate_update``) is ``amended`` or
  ``entered-in-error`` (FHIR R4 valueset-observation-status).
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from fhir_export.mapping import NIK_SYSTEM, UPDATE_STATUSES

__all__ = [
    "validate_bundle",
    "validate_encounter",
    "validate_observation",
    "validate_update",
]

_SYS_IDS = "http://sys-ids.kemkes.go.id/"
_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
_PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
_OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
_UCUM = "http://unitsofmeasure.org"
_SNOMED = "http://snomed.info/sct"
_LOINC = "http://loinc.org"
# Rule 10010: LOINC, SNOMED or the Kemkes examination code system.
_CODE_SYSTEMS = frozenset(
    {_LOINC, _SNOMED, "http://terminology.kemkes.go.id/CodeSystem/examination"}
)
# Rule 10398: interpretation code systems.
_INTERPRETATION_SYSTEMS = frozenset(
    {
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
        "http://terminology.kemkes.go.id/CodeSystem/clinical-term",
        _SNOMED,
    }
)
# Rule 10416: Observation.method codes come from the Kemkes clinical terms ("Manual entry").
_METHOD_SYSTEMS = frozenset({"http://terminology.kemkes.go.id/CodeSystem/clinical-term"})
# The UCUM code each LOINC vital sign takes (section 2.2).
_LOINC_UNITS = {
    "8480-6": "mm[Hg]",
    "8462-4": "mm[Hg]",
    "8867-4": "/min",
    "9279-1": "/min",
    "8310-5": "Cel",
    "2708-6": "%",
    "59408-5": "%",
    "29463-7": "kg",
    "8302-2": "cm",
    "8280-0": "cm",
}
_ENCOUNTER_CLASSES = frozenset({"AMB", "EMER", "IMP", "HH", "TELE"})  # section 1.6
_UTC_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00")
_EARLIEST = datetime(2022, 8, 31, tzinfo=UTC)  # [KAMUS], the stricter limit (section 1.6)


def _dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _codings(concept: Any) -> list[Mapping[str, Any]]:
    return [_dict(c) for c in _list(_dict(concept).get("coding"))]


def _time(
    problems: list[str],
    where: str,
    value: Any,
    now: datetime | None,
    *,
    required: bool = True,
    missing: str = "",
) -> datetime | None:
    if value is None:
        if required:
            problems.append(f"{where} is missing{missing}")
        return None
    if not isinstance(value, str) or not _UTC_TIME.fullmatch(value):
        problems.append(f"{where} must be written YYYY-MM-DDThh:mm:ss+00:00 (UTC), got {value!r}")
        return None
    moment = datetime.fromisoformat(value)
    if moment < _EARLIEST:
        problems.append(f"{where} {value} is before 2022-08-31, the earliest date accepted")
    if now is not None and moment > now:
        problems.append(f"{where} {value} is in the future")
    return moment


def _identifier(
    problems: list[str],
    resource: Mapping[str, Any],
    kind: str,
    organization_id: str | None,
    rule: str,
) -> None:
    prefix = f"{_SYS_IDS}{kind}/"
    identifiers = [_dict(i) for i in _list(resource.get("identifier"))]
    if not identifiers:
        problems.append(f"identifier is missing (rule {rule})")
        return
    for index, identifier in enumerate(identifiers):
        system, value = identifier.get("system"), identifier.get("value")
        where = f"identifier[{index}]"
        if not isinstance(system, str) or not system.startswith(prefix) or system == prefix:
            problems.append(f"{where}.system must be {prefix}{{organization id}} (rule {rule})")
        elif organization_id is not None and system != prefix + organization_id:
            problems.append(
                f"{where}.system {system} is not for organization {organization_id} (rule {rule})"
            )
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}.value is missing")


def _server_reference(
    problems: list[str], where: str, reference: Any, resource_type: str, rule: str
) -> None:
    ref = _dict(reference)
    text = ref.get("reference")
    if (
        isinstance(text, str)
        and text.startswith(f"{resource_type}/")
        and len(text) > len(resource_type) + 1
    ):
        return
    if _dict(ref.get("identifier")).get("system") == NIK_SYSTEM:
        problems.append(
            f"{where} refers by NIK; SATUSEHAT needs {resource_type}/{{IHS number}} (rule {rule}, "
            "docs/reference/satusehat.md 1.4)"
        )
        return
    problems.append(f"{where} must reference {resource_type}/{{id}} (rule {rule})")


def _quantity(problems: list[str], where: str, quantity: Any, expected_code: str | None) -> None:
    q = _dict(quantity)
    value = q.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(f"{where}.value must be a JSON number, got {value!r} (rule 20008)")
    elif not math.isfinite(value):
        problems.append(f"{where}.value must be finite, got {value!r}")
    if q.get("system") != _UCUM:
        problems.append(f"{where}.system must be {_UCUM} (rule 10012)")
    code = q.get("code")
    if not isinstance(code, str) or not code:
        problems.append(f"{where}.code (UCUM) is missing (rule 10012)")
    elif expected_code is not None and code != expected_code:
        problems.append(f"{where}.code must be {expected_code!r} here, got {code!r} (rule 10012)")


def validate_observation(
    resource: Mapping[str, Any],
    *,
    organization_id: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Problems SATUSEHAT would reject in a vital-sign Observation (docs/reference/satusehat.md 1.7,
    2.1, 2.2).

    ``organization_id``, when given, must be the one in the identifier system.
    """
    return _observation_problems(resource, organization_id, now, ("final",))


def _observation_problems(
    resource: Mapping[str, Any],
    organization_id: str | None,
    now: datetime | None,
    statuses: tuple[str, ...],
) -> list[str]:
    problems: list[str] = []
    if resource.get("resourceType") != "Observation":
        return [f"resourceType must be Observation, got {resource.get('resourceType')!r}"]
    _identifier(problems, resource, "observation", organization_id, "10441")
    if resource.get("status") not in statuses:
        wanted = " or ".join(repr(s) for s in statuses)
        problems.append(f"status must be {wanted}, got {resource.get('status')!r} (rule 10008)")
    categories = [c for concept in _list(resource.get("category")) for c in _codings(concept)]
    if not any(
        c.get("system") == _OBSERVATION_CATEGORY and c.get("code") == "vital-signs"
        for c in categories
    ):
        problems.append("category must include vital-signs (rule 10009)")
    codings = _codings(resource.get("code"))
    if not codings:
        problems.append("code.coding is missing (rule 10010)")
    for index, coding in enumerate(codings):
        if coding.get("system") not in _CODE_SYSTEMS or not coding.get("code"):
            problems.append(f"code.coding[{index}] must be LOINC, SNOMED or Kemkes (rule 10010)")
    if resource.get("subject") is None:
        problems.append("subject is missing (rule 10129)")
    else:
        _server_reference(problems, "subject", resource.get("subject"), "Patient", "10129")
    performers = _list(resource.get("performer"))
    if not performers:
        problems.append("performer is missing: Practitioner/{IHS number} (rule 10383)")
    for index, performer in enumerate(performers):
        _server_reference(problems, f"performer[{index}]", performer, "Practitioner", "10383")
    encounter = _dict(resource.get("encounter")).get("reference")
    if not isinstance(encounter, str) or not (
        encounter.startswith("Encounter/") or encounter.startswith("urn:uuid:")
    ):
        problems.append("encounter.reference (Encounter/{id} or urn:uuid) is missing (rule 10130)")
    _time(problems, "effectiveDateTime", resource.get("effectiveDateTime"), now)
    _time(problems, "issued", resource.get("issued"), now, required=False)
    if "valueQuantity" not in resource:
        problems.append("valueQuantity is missing")
    else:
        loinc = {c.get("code") for c in codings if c.get("system") == _LOINC}
        expected = {_LOINC_UNITS[c] for c in loinc if c in _LOINC_UNITS}
        _quantity(
            problems,
            "valueQuantity",
            resource["valueQuantity"],
            expected.pop() if len(expected) == 1 else None,
        )
    for index, reference_range in enumerate(_list(resource.get("referenceRange"))):
        for bound, rule in (("low", "10368"), ("high", "10369")):
            value = _dict(_dict(reference_range).get(bound)).get("value", 0)
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(
                    f"referenceRange[{index}].{bound}.value must be a number, got {value!r} "
                    f"(rule {rule})"
                )
    for index, concept in enumerate(_list(resource.get("interpretation"))):
        if not all(c.get("system") in _INTERPRETATION_SYSTEMS for c in _codings(concept)):
            problems.append(f"interpretation[{index}] uses an unknown code system (rule 10398)")
    body_site = resource.get("bodySite")
    if body_site is not None and not all(c.get("system") == _SNOMED for c in _codings(body_site)):
        problems.append("bodySite must be SNOMED CT (rule 10011)")
    method = resource.get("method")
    if method is not None and not all(c.get("system") in _METHOD_SYSTEMS for c in _codings(method)):
        problems.append("method must use the Kemkes clinical-term code system (rule 10416)")
    return problems


def validate_update(
    resource: Mapping[str, Any],
    server_id: str,
    *,
    organization_id: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Problems in a new version of the vital-sign Observation the server holds as
    ``Observation/{server_id}``, for ``PUT Observation/{server_id}``
    (docs/reference/satusehat.md 2.3, "Updates": the id in the body).

    Everything ``validate_observation`` checks, except that the status is ``amended`` or
    ``entered-in-error``; and the body's id must be ``server_id`` (FHIR R4 http.html#update:
    an id that disagrees with the URL is a 400), the encounter a server reference."""
    problems = _observation_problems(resource, organization_id, now, UPDATE_STATUSES)
    if resource.get("resourceType") != "Observation":
        return problems
    if resource.get("id") != server_id:
        problems.append(f"id must be the server's {server_id!r}, got {resource.get('id')!r}")
    encounter = _dict(resource.get("encounter")).get("reference")
    if isinstance(encounter, str) and not encounter.startswith("Encounter/"):
        problems.append("encounter.reference must be Encounter/{id} in an update (rule 10130)")
    return problems


def validate_encounter(
    resource: Mapping[str, Any],
    *,
    organization_id: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Problems SATUSEHAT would reject in an Encounter (docs/reference/satusehat.md 1.6)."""
    problems: list[str] = []
    if resource.get("resourceType") != "Encounter":
        return [f"resourceType must be Encounter, got {resource.get('resourceType')!r}"]
    _identifier(problems, resource, "encounter", organization_id, "10117")
    status = resource.get("status")
    if not isinstance(status, str) or not status:
        problems.append("status is missing")
    klass = _dict(resource.get("class"))
    if klass.get("system") != _ACT_CODE or klass.get("code") not in _ENCOUNTER_CLASSES:
        problems.append(f"class must be a v3-ActCode ({', '.join(sorted(_ENCOUNTER_CLASSES))})")
    history = _list(resource.get("statusHistory"))
    if not history:
        problems.append("statusHistory must not be empty (rule 10122)")
    for index, item in enumerate(history):
        entry = _dict(item)
        where = f"statusHistory[{index}]"
        if not entry.get("status"):
            problems.append(f"{where}.status is missing")
        period = _dict(entry.get("period"))
        _time(problems, f"{where}.period.start", period.get("start"), now)
        _time(problems, f"{where}.period.end", period.get("end"), now, required=False)
    if resource.get("subject") is None:
        problems.append("subject is missing (rule 10118)")
    else:
        _server_reference(problems, "subject", resource.get("subject"), "Patient", "10118")
    participants = [_dict(p) for p in _list(resource.get("participant"))]
    if not participants:
        problems.append("participant (ATND Practitioner/{IHS number}) is missing (rule 10119)")
    for index, participant in enumerate(participants):
        where = f"participant[{index}]"
        types = [c for concept in _list(participant.get("type")) for c in _codings(concept)]
        if not any(
            c.get("system") == _PARTICIPATION_TYPE and c.get("code") == "ATND" for c in types
        ):
            problems.append(f"{where}.type must be v3-ParticipationType ATND (rule 10119)")
        _server_reference(
            problems, f"{where}.individual", participant.get("individual"), "Practitioner", "10119"
        )
    period = _dict(resource.get("period"))
    start = _time(problems, "period.start", period.get("start"), now, missing=" (rule 10123)")
    end = _time(
        problems,
        "period.end",
        period.get("end"),
        now,
        required=status == "finished",
        missing=" (rule 10121: a finished Encounter needs period.end)",
    )
    if start is not None and end is not None and end <= start:
        problems.append("period.end must be later than period.start (rule 10121)")
    locations = [_dict(item).get("location") for item in _list(resource.get("location"))]
    if not locations:
        problems.append("location (Location/{id}) is missing (rule 10120)")
    for index, location in enumerate(locations):
        _server_reference(problems, f"location[{index}].location", location, "Location", "10120")
    provider = _dict(resource.get("serviceProvider")).get("reference")
    if not isinstance(provider, str) or not provider.startswith("Organization/"):
        problems.append("serviceProvider (Organization/{id}) is missing (rule 10124)")
    elif organization_id is not None and provider != f"Organization/{organization_id}":
        problems.append(f"serviceProvider {provider} is not Organization/{organization_id}")
    return problems


def _is_urn_uuid(value: Any) -> bool:
    if not isinstance(value, str) or not value.startswith("urn:uuid:"):
        return False
    try:
        uuid.UUID(value.removeprefix("urn:uuid:"))
    except ValueError:
        return False
    return True


def validate_bundle(
    bundle: Mapping[str, Any],
    *,
    organization_id: str | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Problems in a transaction Bundle (docs/reference/satusehat.md 2.3) and in every resource
    it holds.

    Each resource's problems are prefixed with its entry index and type.
    """
    problems: list[str] = []
    if bundle.get("resourceType") != "Bundle":
        return [f"resourceType must be Bundle, got {bundle.get('resourceType')!r}"]
    if bundle.get("type") != "transaction":
        problems.append(f"type must be 'transaction', got {bundle.get('type')!r}")
    entries = [_dict(e) for e in _list(bundle.get("entry"))]
    if not entries:
        problems.append("the Bundle has no entries")
    full_urls: set[str] = set()
    for index, entry in enumerate(entries):
        full_url = entry.get("fullUrl")
        if full_url is None:
            problems.append(f"entry[{index}].fullUrl is missing (rule 20021)")
        elif not _is_urn_uuid(full_url):
            problems.append(
                f"entry[{index}].fullUrl must be urn:uuid:<uuid>, got {full_url!r} "
                "(rules 20017-20019)"
            )
        elif full_url in full_urls:
            problems.append(f"entry[{index}].fullUrl {full_url} is a duplicate (rule 20020)")
        else:
            full_urls.add(full_url)
    validators = {"Encounter": validate_encounter, "Observation": validate_observation}
    for index, entry in enumerate(entries):
        resource = _dict(entry.get("resource"))
        kind = resource.get("resourceType")
        where = f"entry[{index}]"
        request = _dict(entry.get("request"))
        if request.get("method") != "POST" or request.get("url") != kind:
            problems.append(f"{where}.request must be POST {kind}")
        if kind == "Bundle":
            problems.append(f"{where} is a nested Bundle (rule 20011)")
            continue
        validator = validators.get(str(kind))
        if validator is None:
            problems.append(f"{where} holds {kind!r}, which this station never sends")
            continue
        problems.extend(
            f"{where} {kind}: {problem}"
            for problem in validator(resource, organization_id=organization_id, now=now)
        )
        encounter = _dict(resource.get("encounter")).get("reference")
        if (
            isinstance(encounter, str)
            and encounter.startswith("urn:")
            and (encounter not in full_urls)
        ):
            problems.append(f"{where} {kind}: encounter {encounter} is not in this Bundle")
    return problems
