"""The SATUSEHAT validation rules the imitation server enforces, written independently of
``fhir_export`` (so a test proves what the station sends, not that code agrees with itself).

Rule numbers are [KAMUS] ("Kamus Validasi" as transcribed in
``ivanwilliammd/satusehat-integration`` ``src/SSResponse/SSValidationError.php``) unless
marked otherwise:

* identifier systems ``http://sys-ids.kemkes.go.id/{kind}/{org}``: Encounter 10117 (also the
  ``asik`` and ``sitb`` kinds), Observation 10441, Procedure 10442, AllergyIntolerance 10443,
  Condition 10444, MedicationStatement 10445, Organization 10446, Location 10447,
  EpisodeOfCare 10458, Composition 10464; the org must be the token's (the 10117 text from
  issue #18: "Wrong organization ID provided by system URL: ...");
* mandatory references: Observation.subject 10129, Observation.encounter 10130,
  Encounter.subject 10118, Encounter.participant.individual 10119, Condition 10125/10126,
  Procedure 10127/10128; Observation.performer must be a Practitioner reference, 10383
  (docs/reference/satusehat.md 2.1);
* a referenced Patient, Practitioner, Encounter or Observation must exist: 20007 "Resource
  not found {Resource Type}/{Resource ID}";
* a value sent as a JSON string where a number belongs: 20008 "Failed to unmarshal request
  payload" (its Kamus description names exactly this case);
* date-times ``YYYY-MM-DDThh:mm:ss+00:00``, not in the future, not before 2022-08-31
  (docs/reference/satusehat.md 1.6): the Kamus lists "Invalid date time format" and "Invalid date
  time value" without a number, so **19001** (format) and **19002** (value) are this server's own
  choice, outside the Kamus ranges on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SYS_IDS = "http://sys-ids.kemkes.go.id/"
WRONG_ORG = "Wrong organization ID provided by system URL"

# resourceType -> (rule number, identifier kinds accepted after sys-ids/)
IDENTIFIER_RULES: dict[str, tuple[int, frozenset[str]]] = {
    "Encounter": (10117, frozenset({"encounter", "asik", "sitb"})),
    "Observation": (10441, frozenset({"observation"})),
    "Procedure": (10442, frozenset({"procedure"})),
    "AllergyIntolerance": (10443, frozenset({"allergy"})),
    "Condition": (10444, frozenset({"condition"})),
    "MedicationStatement": (10445, frozenset({"medicationstatement"})),
    "Organization": (10446, frozenset({"organization"})),
    "Location": (10447, frozenset({"location"})),
    "EpisodeOfCare": (10458, frozenset({"episode-of-care"})),
    "Composition": (10464, frozenset({"composition"})),
}
# resourceType -> [(element, rule, accepted target types)]
REQUIRED_REFERENCES: dict[str, tuple[tuple[str, int, tuple[str, ...]], ...]] = {
    "Observation": (("subject", 10129, ("Patient",)), ("encounter", 10130, ("Encounter",))),
    "Encounter": (("subject", 10118, ("Patient",)),),
    "Condition": (("subject", 10125, ("Patient",)), ("encounter", 10126, ("Encounter",))),
    "Procedure": (("subject", 10127, ("Patient",)), ("encounter", 10128, ("Encounter",))),
}
CHECKED_TARGETS = frozenset({"Patient", "Practitioner", "Encounter", "Observation"})
NOT_FOUND_RULE = 20007
UNMARSHAL_RULE = 20008
TIME_FORMAT_RULE = 19001  # our choice: the Kamus gives no number
TIME_VALUE_RULE = 19002  # our choice: the Kamus gives no number
EARLIEST = datetime(2022, 8, 31, tzinfo=UTC)  # [KAMUS], docs/reference/satusehat.md 1.6

# Elements holding a dateTime/instant that SATUSEHAT wants in UTC +00:00.
DATETIME_KEYS = frozenset(
    {
        "effectiveDateTime",
        "effectiveInstant",
        "issued",
        "start",
        "end",
        "recordedDate",
        "authoredOn",
        "occurrenceDateTime",
        "onsetDateTime",
        "abatementDateTime",
        "performedDateTime",
        "valueDateTime",
    }
)
_UTC_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?\+00:00")
_REFERENCE = re.compile(r"([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})")
_QUANTITY_KEYS = ("valueQuantity", "low", "high")
_NUMBER_KEYS = ("valueInteger", "valueDecimal")


@dataclass(frozen=True)
class Issue:
    """One OperationOutcome issue the server answers with."""

    code: str
    text: str
    expression: tuple[str, ...] = ()
    severity: str = "error"

    def to_json(self) -> dict[str, Any]:
        issue: dict[str, Any] = {
            "severity": self.severity,
            "code": self.code,
            "details": {"text": self.text},
        }
        if self.expression:
            issue["expression"] = list(self.expression)
        return issue

    def prefixed(self, where: str, path_prefix: str, resource_type: str) -> Issue:
        """The same issue for an entry of a transaction Bundle."""
        expression = tuple(
            path_prefix + e.removeprefix(resource_type).lstrip(".") if e else path_prefix
            for e in self.expression
        )
        return Issue(self.code, f"{where}: {self.text}", expression, self.severity)


def rule(text: str, number: int) -> str:
    return f"{text} (RuleNumber: {number})"


def outcome(issues: list[Issue]) -> dict[str, Any]:
    return {
        "resourceType": "OperationOutcome",
        "text": {"status": "generated"},
        "issue": [issue.to_json() for issue in issues],
    }


def walk(node: Any, path: str) -> Iterator[tuple[str, str, Any, Any]]:
    """(FHIRPath, key, value, parent) for every member of every object below ``node``."""
    if isinstance(node, Mapping):
        for key, value in node.items():
            child = f"{path}.{key}"
            yield child, key, value, node
            yield from walk(value, child)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from walk(item, f"{path}[{index}]")


def number_problems(resource: Mapping[str, Any], resource_type: str) -> list[Issue]:
    """Numbers sent as strings (checked on the raw JSON: the models would coerce them)."""
    issues: list[Issue] = []
    for path, key, value, _parent in walk(resource, resource_type):
        if key in _QUANTITY_KEYS and isinstance(value, Mapping) and "value" in value:
            number = value["value"]
            if isinstance(number, bool) or not isinstance(number, int | float):
                issues.append(
                    Issue(
                        "structure",
                        rule(
                            f"Failed to unmarshal request payload: {path}.value must be a "
                            f"JSON number, got {type(number).__name__} {number!r}",
                            UNMARSHAL_RULE,
                        ),
                        (f"{path}.value",),
                    )
                )
        elif key in _NUMBER_KEYS and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            issues.append(
                Issue(
                    "structure",
                    rule(
                        f"Failed to unmarshal request payload: {path} must be a JSON number",
                        UNMARSHAL_RULE,
                    ),
                    (path,),
                )
            )
    return issues


def _identifier_issues(
    resource: Mapping[str, Any], resource_type: str, organization_id: str
) -> list[Issue]:
    issues: list[Issue] = []
    known = IDENTIFIER_RULES.get(resource_type)
    identifiers = resource.get("identifier")
    identifiers = identifiers if isinstance(identifiers, list) else []
    if known is not None and resource_type == "Encounter" and not identifiers:
        issues.append(
            Issue(
                "required",
                rule("Encounter.identifier must not be empty", known[0]),
                ("Encounter.identifier",),
            )
        )
    for index, identifier in enumerate(identifiers):
        if not isinstance(identifier, Mapping):
            continue
        system = identifier.get("system")
        where = f"{resource_type}.identifier[{index}].system"
        if not isinstance(system, str):
            continue
        if system.startswith(SYS_IDS):
            kind, _, org = system.removeprefix(SYS_IDS).partition("/")
            if known is not None and kind not in known[1]:
                issues.append(
                    Issue("value", rule(f"Invalid identifier System: {system}", known[0]), (where,))
                )
            elif org != organization_id:
                text = f"{WRONG_ORG}: {system}"
                issues.append(Issue("value", rule(text, known[0]) if known else text, (where,)))
        elif known is not None:
            expected = f"{SYS_IDS}{sorted(known[1])[0]}/{{org-id}}"
            issues.append(
                Issue(
                    "value",
                    rule(f"Invalid identifier System: {system} (expected {expected})", known[0]),
                    (where,),
                )
            )
    return issues


def _reference_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        reference = value.get("reference")
        if isinstance(reference, str) and reference:
            return reference
    return None


def _mandatory_reference_issues(resource: Mapping[str, Any], resource_type: str) -> list[Issue]:
    issues: list[Issue] = []
    for element, number, targets in REQUIRED_REFERENCES.get(resource_type, ()):
        reference = _reference_of(resource.get(element))
        match = _REFERENCE.fullmatch(reference) if reference else None
        if reference is not None and reference.startswith("urn:uuid:"):
            continue  # resolved (or reported) by the transaction
        if match is None or match.group(1) not in targets:
            shown = "missing" if reference is None else repr(reference)
            issues.append(
                Issue(
                    "required",
                    rule(
                        f"Reference is mandatory: {resource_type}.{element} must be "
                        f"{'|'.join(targets)}/{{id}}, got {shown}",
                        number,
                    ),
                    (f"{resource_type}.{element}",),
                )
            )
    if resource_type == "Observation":
        performers = resource.get("performer")
        for index, performer in enumerate(performers if isinstance(performers, list) else []):
            reference = _reference_of(performer)
            if reference is None or not reference.startswith("Practitioner/"):
                issues.append(
                    Issue(
                        "value",
                        rule(
                            "Observation.performer must reference Practitioner/{IHS number}",
                            10383,
                        ),
                        (f"Observation.performer[{index}]",),
                    )
                )
    if resource_type == "Encounter":
        participants = resource.get("participant")
        for index, participant in enumerate(participants if isinstance(participants, list) else []):
            individual = participant.get("individual") if isinstance(participant, Mapping) else None
            if _reference_of(individual) is None:
                issues.append(
                    Issue(
                        "required",
                        rule(
                            "Reference is mandatory: Encounter.participant.individual must be "
                            "Practitioner/{IHS number}",
                            10119,
                        ),
                        (f"Encounter.participant[{index}].individual",),
                    )
                )
    return issues


def _existence_issues(
    resource: Mapping[str, Any], resource_type: str, exists: Callable[[str, str], bool]
) -> list[Issue]:
    issues: list[Issue] = []
    for path, key, value, _parent in walk(resource, resource_type):
        if key != "reference" or not isinstance(value, str):
            continue
        element = path.removesuffix(".reference")
        if value.startswith("urn:"):
            issues.append(
                Issue(
                    "not-found",
                    rule(f"Resource not found {value}", NOT_FOUND_RULE),
                    (element,),
                )
            )
            continue
        match = _REFERENCE.fullmatch(value)
        if match is None or match.group(1) not in CHECKED_TARGETS:
            continue
        if not exists(match.group(1), match.group(2)):
            issues.append(
                Issue(
                    "not-found",
                    rule(f"Resource not found {value}", NOT_FOUND_RULE),
                    (element,),
                )
            )
    return issues


def _time_issues(resource: Mapping[str, Any], resource_type: str, now: datetime) -> list[Issue]:
    issues: list[Issue] = []
    for path, key, value, _parent in walk(resource, resource_type):
        if key not in DATETIME_KEYS or not isinstance(value, str):
            continue
        if not _UTC_DATETIME.fullmatch(value):
            issues.append(
                Issue(
                    "value",
                    rule(
                        f"Invalid date time format: {path} must be YYYY-MM-DDThh:mm:ss+00:00, "
                        f"got {value!r}",
                        TIME_FORMAT_RULE,
                    ),
                    (path,),
                )
            )
            continue
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            issues.append(
                Issue(
                    "value",
                    rule(f"Invalid date time format: {path} {value!r}", TIME_FORMAT_RULE),
                    (path,),
                )
            )
            continue
        if moment > now:
            issues.append(
                Issue(
                    "value",
                    rule(
                        f"Invalid date time value: {path} {value} is in the future", TIME_VALUE_RULE
                    ),
                    (path,),
                )
            )
        elif moment < EARLIEST:
            issues.append(
                Issue(
                    "value",
                    rule(
                        f"Invalid date time value: {path} {value} is older than 31st August 2022",
                        TIME_VALUE_RULE,
                    ),
                    (path,),
                )
            )
    return issues


def satusehat_issues(
    resource: Mapping[str, Any],
    *,
    organization_id: str,
    now: datetime,
    exists: Callable[[str, str], bool],
) -> list[Issue]:
    """Every rule above that ``resource`` (already structurally valid) breaks."""
    resource_type = str(resource.get("resourceType"))
    return [
        *_identifier_issues(resource, resource_type, organization_id),
        *_mandatory_reference_issues(resource, resource_type),
        *_existence_issues(resource, resource_type, exists),
        *_time_issues(resource, resource_type, now),
    ]


def identifiers_of(resource: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(system, value) of each identifier that has both."""
    found: list[tuple[str, str]] = []
    identifiers = resource.get("identifier")
    for identifier in identifiers if isinstance(identifiers, list) else []:
        if isinstance(identifier, Mapping):
            system, value = identifier.get("system"), identifier.get("value")
            if isinstance(system, str) and isinstance(value, str):
                found.append((system, value))
    return found
