"""What of a claimed visit goes to the server, and how: created, updated, or withdrawn.

Pure: from the claim (the visit as stored and its claimed outbox entries) to the vital signs
to send. An entry with amendment 0 is sent as new resources; one with amendment N > 0 carries
a same-day correction (``station.corrections``) and is sent as an update of the resources the
server holds: ``amended`` for a reading that still counts, ``entered-in-error`` for one that
was discarded. Which server resource each vital sign is comes from the entry's recorded
server ids (in ``station.export.vital_kinds`` order, recorded by ``mark_sent``), or, when none
are recorded, from a look-up (an attempt may have reached the server).
"""

from __future__ import annotations

from dataclasses import dataclass

from fhir_export.mapping import AMENDED, ENTERED_IN_ERROR
from fhir_export.model import VisitExport, VitalSign
from station.export import NO_PRACTITIONERS, Practitioners, reading_of, reading_vitals
from station.store.outbox import ClaimedVisit, OutboxEntry

__all__ = ["UploadWork", "plan_upload"]


@dataclass(frozen=True, slots=True)
class UploadWork:
    """The claimed readings' vital signs and what the station knows of them on the server."""

    # Vital signs of claimed readings that count: created, or updated (``amending``).
    current: tuple[VitalSign, ...]
    # Vital signs of claimed readings that were discarded: withdrawn where on the server.
    withdrawn: tuple[VitalSign, ...]
    # Identifiers (of ``current``) whose entry is an amendment.
    amending: frozenset[str]
    # Identifier -> server id, from the entries' recorded server ids.
    known: dict[str, str]
    # Something may be on the server that the station has no id for: look it up first.
    needs_lookup: bool

    def by_entry(self, entry: OutboxEntry) -> tuple[VitalSign, ...]:
        return _of_reading(entry.reading_id, (*self.current, *self.withdrawn))

    def updates(self, on_server: dict[str, str]) -> list[tuple[VitalSign, str, str]]:
        """``(vital sign, server id, status)`` of every update to send, given what is on the
        server: amended values, withdrawn readings."""
        found = [
            (v, on_server[v.identifier], AMENDED)
            for v in self.current
            if v.identifier in self.amending and v.identifier in on_server
        ]
        found.extend(
            (v, on_server[v.identifier], ENTERED_IN_ERROR)
            for v in self.withdrawn
            if v.identifier in on_server
        )
        return found


def _of_reading(reading_id: str, vitals: tuple[VitalSign, ...]) -> tuple[VitalSign, ...]:
    return tuple(v for v in vitals if reading_of(v.identifier) == reading_id)


def _known(entry: OutboxEntry, vitals: tuple[VitalSign, ...]) -> dict[str, str]:
    """The recorded server ids by identifier; none when they do not line up with the
    reading's vital signs (then they are looked up)."""
    if len(entry.server_ids) != len(vitals):
        return {}
    return {v.identifier: server_id for v, server_id in zip(vitals, entry.server_ids, strict=True)}


def plan_upload(
    claim: ClaimedVisit, export: VisitExport, practitioners: Practitioners = NO_PRACTITIONERS
) -> UploadWork:
    """Split what ``claim`` holds into vital signs to create, update and withdraw
    (``practitioners``: who did what, as for ``visit_to_export``)."""
    claimed = {e.reading_id: e for e in claim.entries}
    current = tuple(v for v in export.vitals if reading_of(v.identifier) in claimed)
    withdrawn = tuple(
        v
        for r in claim.visit.readings
        if r.id in claimed and r.discarded_reason is not None
        for v in reading_vitals(claim.visit, r, practitioners)
    )
    amending: set[str] = set()
    known: dict[str, str] = {}
    needs_lookup = False
    for entry in claim.entries:
        vitals = _of_reading(entry.reading_id, (*current, *withdrawn))
        is_current = any(v in current for v in vitals)
        if entry.amendment > 0 or not is_current:
            ids = _known(entry, vitals)
            known.update(ids)
            if is_current:
                amending.update(v.identifier for v in vitals)
            if len(ids) != len(vitals) and (entry.attempts > 0 or entry.server_ids):
                needs_lookup = True
        elif entry.attempts > 0:
            needs_lookup = True  # a create that may have arrived (the usual retry)
    return UploadWork(current, withdrawn, frozenset(amending), known, needs_lookup)
