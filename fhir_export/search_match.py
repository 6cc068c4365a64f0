"""Checking what a search answered before believing it: pure functions, no I/O.

A FHIR server may ignore a search parameter it does not support and answer as if it had not
been given (FHIR R4 https://hl7.org/fhir/R4/search.html, "Handling Errors": unknown or
unsupported parameters are ignored unless the client asks ``Prefer: handling=strict``).
SATUSEHAT documents Observation search by ``subject``, ``encounter`` and ``subject`` +
``based-on``, and Encounter search by ``subject``; search by ``identifier`` is documented for
Patient and Practitioner only (``docs/reference/satusehat.md`` 1.4 and its section "Added
after trying the station against published behaviour"). ``Observation?identifier=…`` may
therefore answer with *other* Observations; taking the first files a reading under another
person's resource.

So every resource a look-up returns is checked against what was asked: the criterion the
server was asked to apply must hold for *every* resource returned (otherwise the server
ignored it and nothing in the answer can be trusted), and a resource is a match only when it
carries the exact identifier ``system|value`` sought. Several matches are not trusted either:
the station's protocol creates one copy, so several mean something else wrote them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from fhir_export.satusehat_errors import ProtocolError
from fhir_export.transaction_answer import location_id

__all__ = [
    "UntrustedSearchError",
    "carries_identifier",
    "check_all_carry_identifier",
    "check_all_refer_to",
    "refers_to",
    "single_match",
]


class UntrustedSearchError(ProtocolError):
    """A search answer that does not hold what was asked for: not believed, nothing sent."""


def _identifiers(resource: dict[str, Any]) -> Iterable[tuple[Any, Any]]:
    identifiers = resource.get("identifier")
    if not isinstance(identifiers, list):
        return ()
    return [(i.get("system"), i.get("value")) for i in identifiers if isinstance(i, dict)]


def carries_identifier(resource: dict[str, Any], system: str, value: str) -> bool:
    """True when one of the resource's identifiers is exactly ``system|value``."""
    return any(s == system and v == value for s, v in _identifiers(resource))


def refers_to(resource: dict[str, Any], element: str, kind: str, rid: str) -> bool:
    """True when ``resource[element].reference`` names ``kind/rid`` (relative or absolute)."""
    node = resource.get(element)
    reference = node.get("reference") if isinstance(node, dict) else None
    if not isinstance(reference, str):
        return False
    try:
        return location_id(reference) == (kind, rid)
    except ValueError:
        return False


def _id(resource: dict[str, Any], what: str) -> str:
    rid = resource.get("id")
    if not isinstance(rid, str) or not rid:
        raise UntrustedSearchError(f"{what}: a resource found has no id")
    return rid


def check_all_carry_identifier(
    resources: Sequence[dict[str, Any]], system: str, value: str, what: str
) -> None:
    """For a search *by identifier*: every resource must carry it."""
    strays = sum(1 for r in resources if not carries_identifier(r, system, value))
    if strays:
        raise UntrustedSearchError(
            f"{what}: the server answered with {strays} resource(s) without the identifier "
            "searched for (it ignored the search parameter?); the answer is not used"
        )


def check_all_refer_to(
    resources: Sequence[dict[str, Any]], element: str, kind: str, rid: str, what: str
) -> None:
    """For a search by reference (``subject=``, ``encounter=``): every resource must refer
    to what was searched for."""
    strays = sum(1 for r in resources if not refers_to(r, element, kind, rid))
    if strays:
        raise UntrustedSearchError(
            f"{what}: the server answered with {strays} resource(s) whose {element} is not "
            f"the {kind} searched for (it ignored the search parameter?); the answer is not used"
        )


def single_match(
    resources: Sequence[dict[str, Any]], system: str, value: str, what: str
) -> dict[str, Any] | None:
    """The one resource carrying ``system|value``, None when there is none; several are an
    ``UntrustedSearchError`` (which one would the reading belong to?)."""
    matches = [r for r in resources if carries_identifier(r, system, value)]
    if len(matches) > 1:
        ids = sorted({_id(r, what) for r in matches})
        raise UntrustedSearchError(
            f"{what}: {len(matches)} resources carry the identifier ({', '.join(ids[:3])}); "
            "not knowing which one is this station's, none is used: a person must look"
        )
    if matches:
        _id(matches[0], what)
        return matches[0]
    return None
