"""The server ids in a transaction-response Bundle, checked against what was sent.

FHIR R4 (http://hl7.org/fhir/R4/bundle.html, Bundle.entry.response; and
http://hl7.org/fhir/R4/http.html#transaction): the response has one entry per request entry,
in the same order, and ``response.location`` is "the location (if the operation returns a
location)", a relative or an absolute URL, usually with the version
(``Encounter/{id}/_history/1``).

SATUSEHAT answers with an absolute location, ``https://…/fhir-r4/v1/Encounter/{id}/_history/1``,
and adds its own non-standard ``response.resourceID`` and ``response.resourceType``; public
integrations read them (irawanteguh/satusehat
``application/controllers/restapi/Allergyintolerance.php`` stores ``resourceType`` and
``resourceID`` of each entry; vernandaspw/bridging-satusehat
``app/Http/Livewire/Encounter/Bundle/EncounterBundleRajalPage.php`` prefers ``resourceID``
and falls back to the id in the location's path). ``docs/reference/satusehat.md``, section
"Added after trying the station against published behaviour".

Rules here: ``resourceID`` is preferred when present; the location (relative or absolute,
with or without ``_history``) must name the same id when both are given; the resource type
(``resourceType`` and the location's) must be the type sent at that position; the status must
be 2xx. Anything else is a ``ProtocolError``: the upload is ``failed`` and looked up before it
is sent again, never recorded as sent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from fhir_export.satusehat_errors import ProtocolError

__all__ = ["entry_server_id", "location_id", "transaction_server_ids"]

# FHIR R4 id: http://hl7.org/fhir/R4/datatypes.html#id
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]{1,63}")
_STATUS = re.compile(r"\s*(\d{3})(?:\s.*)?", re.DOTALL)


def location_id(location: str) -> tuple[str, str]:
    """``(type, id)`` from ``Type/id``, ``Type/id/_history/v`` or the same as an absolute URL.

    Raises ``ValueError`` for anything else.
    """
    parts = urlsplit(location.strip())
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {location!r}")
    if bool(parts.scheme) != bool(parts.netloc):
        raise ValueError(f"neither a relative nor an absolute URL: {location!r}")
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) >= 4 and segments[-2] == "_history":
        segments = segments[:-2]
    if len(segments) < 2:
        raise ValueError(f"no Type/id in {location!r}")
    kind, rid = segments[-2], segments[-1]
    if not _RESOURCE_TYPE.fullmatch(kind) or not _FHIR_ID.fullmatch(rid):
        raise ValueError(f"no Type/id in {location!r}")
    return kind, rid


def entry_server_id(answer: Any, expected_type: str, where: str) -> str:
    """The server id in one ``entry.response``, for a resource of ``expected_type``."""
    if not isinstance(answer, dict):
        raise ProtocolError(f"{where} has no response")
    status = answer.get("status")
    match = _STATUS.fullmatch(status) if isinstance(status, str) else None
    if match is None or not 200 <= int(match.group(1)) < 300:
        raise ProtocolError(f"{where}: status {status!r} is not a success")
    answered_type = answer.get("resourceType")
    if answered_type is not None and answered_type != expected_type:
        raise ProtocolError(
            f"{where} answers for a {answered_type!r}, but a {expected_type} was sent there"
        )
    resource_id = answer.get("resourceID")
    if resource_id is not None and (
        not isinstance(resource_id, str) or not _FHIR_ID.fullmatch(resource_id)
    ):
        raise ProtocolError(f"{where}: resourceID {resource_id!r} is not a FHIR id")
    location = answer.get("location")
    from_location: str | None = None
    if location is not None:
        if not isinstance(location, str):
            raise ProtocolError(f"{where}: location is not a URL")
        try:
            kind, from_location = location_id(location)
        except ValueError as exc:
            raise ProtocolError(f"{where}: unusable location ({exc})") from None
        if kind != expected_type:
            raise ProtocolError(
                f"{where}: the location names a {kind}, but a {expected_type} was sent there"
            )
    if resource_id is not None and from_location is not None and resource_id != from_location:
        raise ProtocolError(
            f"{where}: resourceID {resource_id!r} and location id {from_location!r} differ"
        )
    server_id = resource_id if resource_id is not None else from_location
    if server_id is None:
        raise ProtocolError(f"{where} has neither a resourceID nor a location")
    return server_id


def transaction_server_ids(response: Any, sent_types: Sequence[str]) -> list[str]:
    """The server id of each sent entry, by position (FHIR: same order as the request)."""
    entries = response.get("entry") if isinstance(response, dict) else None
    if not isinstance(entries, list) or len(entries) != len(sent_types):
        count = len(entries) if isinstance(entries, list) else "no"
        raise ProtocolError(f"transaction response has {count} entries for {len(sent_types)} sent")
    ids = [
        entry_server_id(
            entry.get("response") if isinstance(entry, dict) else None,
            kind,
            f"transaction response entry {index} ({kind})",
        )
        for index, (entry, kind) in enumerate(zip(entries, sent_types, strict=True))
    ]
    if len(set(zip(sent_types, ids, strict=True))) != len(ids):
        raise ProtocolError("transaction response gives the same id to two resources")
    return ids
