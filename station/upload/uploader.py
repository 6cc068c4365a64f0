"""Uploading one claimed visit to SATUSEHAT, exactly once, never under the wrong person.

For a visit the sync process holds (``station.store.outbox``):

1. IHS numbers: the patient by NIK and the practitioner by the configured NIK, each looked up
   once per process (concurrent workers wait for the same look-up) and cached in the
   database (in the transaction of the next outbox write). A person SATUSEHAT does not know
   is a dead entry with a message saying what to do, not an endless retry.
2. If any entry was attempted before (its POST may have reached the server), what exists is
   looked up first and not sent again: the Encounter among the person's Encounters
   (``subject=Patient/{ihs}``), the Observations among the Encounter's
   (``encounter=Encounter/{id}``), the search parameters SATUSEHAT documents, each matched by
   its deterministic identifier here (``docs/reference/satusehat.md``, "Added after trying the
   station against published behaviour": search by ``identifier`` is not documented for
   either, and a server may ignore it). An answer that does not hold what was asked for is not
   believed (``fhir_export.search_match``): the entries are ``failed`` with the reason, and
   nothing is sent or marked sent. Neither conditional create (not known to be supported by
   SATUSEHAT) nor a duplicate rejection (a generic FHIR server stores duplicates) is relied on.
3. What is missing goes in one transaction Bundle (Encounter first when it is not on the
   server yet, then the Observations), checked against SATUSEHAT's known rules first. The
   attempt is counted in the database *before* the POST.
4. The answer decides the entries' state: ``sent`` only when the server id of the visit's
   Encounter and of each of the entry's Observations is known and verified (a transaction
   answer's ids by ``fhir_export.transaction_answer``: relative or absolute location, with or
   without ``_history``, SATUSEHAT's ``resourceID``, the type sent at that position);
   ``failed`` with a next attempt time for anything that may pass (network, 5xx, 429,
   credentials, an answer that cannot be trusted); ``dead`` with the server's
   OperationOutcome when SATUSEHAT refused the content, or when the visit cannot be mapped
   (``MappingError``; a person must look). A "duplicate resource" answer (rule 20002) means an
   earlier attempt arrived after all: the resources are looked up again and only what is still
   missing is sent.
5. Same-day corrections (``station.corrections``): an entry with amendment N > 0 is an update
   of what the server holds, never a second copy. Each of its Observations the server has
   (by the entry's recorded server ids, else found by the look-up above) is sent as
   ``PUT Observation/{id}`` with the id in the body, the same identifier, subject and
   encounter, status ``amended``, or ``entered-in-error`` for a discarded reading
   (``fhir_export.mapping.observation_update``, checked by
   ``satusehat_rules.validate_update``). SATUSEHAT documents updates as that plain PUT
   (docs/reference/satusehat.md 2.3, "Updates"); a PUT inside a transaction Bundle is not
   documented, so each update is its own request, after the create Bundle. What the server
   never received is created as usual (``final``, the new values only). Once every update
   is answered the entry is ``sent`` again, its amendment kept: the revision the server has.
   Failures follow the rules above (a PUT to an id the server does not hold is
   ``ResourceNotFoundError``: dead, for a person).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from fhir_export.errors import MappingError
from fhir_export.mapping import (
    encounter_identifier_system,
    observation_identifier_system,
    observation_update_data,
    upload_bundle_data,
)
from fhir_export.model import ExportContext, Practitioner, VisitExport, VitalSign
from fhir_export.satusehat_errors import (
    ConfigurationError,
    DuplicateResourceError,
    ProtocolError,
    RejectedError,
    SatusehatError,
    TransientError,
)
from fhir_export.satusehat_rules import validate_bundle, validate_update
from fhir_export.search_match import UntrustedSearchError
from fhir_export.transaction_answer import transaction_server_ids
from station.export import Practitioners, operators_of, reading_of, visit_to_export
from station.person import mask_nik
from station.store.outbox import (
    ClaimedVisit,
    FoundIhs,
    LeaseLost,
    OutboxEntry,
    UploadStore,
    claim_people,
)
from station.store.repository import StoredVisit
from station.upload.work import UploadWork, plan_upload

__all__ = ["SatusehatApi", "UploadResult", "Uploader", "next_attempt_delay"]

_LOGGER = logging.getLogger(__name__)
_T = TypeVar("_T")

# Between sync rounds a failed entry waits 30 s, 1, 2, 4 ... minutes, at most 30 minutes:
# a desk that is offline all day keeps trying without flooding the network when it returns.
RETRY_BASE_S = 30.0
RETRY_CAP_S = 30 * 60.0


class SatusehatApi(Protocol):
    """What the uploader needs from ``fhir_export.satusehat_client.SatusehatClient``."""

    async def find_patient_ihs(self, nik: str) -> str | None: ...

    async def find_practitioner_ihs(self, nik: str) -> str | None: ...

    async def find_encounter(self, patient_ihs: str, system: str, value: str) -> str | None: ...

    async def find_observations(
        self, encounter_id: str, patient_ihs: str, system: str, values: Collection[str]
    ) -> dict[str, str]: ...

    async def transaction(self, bundle: dict[str, Any]) -> dict[str, Any]: ...

    async def update(self, resource: dict[str, Any]) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class UploadResult:
    visit_id: str
    sent: int = 0
    failed: int = 0
    dead: int = 0
    lost: bool = False  # another process took the visit over
    error: str | None = None


def next_attempt_delay(attempts: int, retry_after_s: float | None, rng: random.Random) -> float:
    """Seconds until a failed entry is tried again: the server's Retry-After when longer,
    else an exponential backoff with jitter (80-100 % of the step)."""
    step: float = min(RETRY_CAP_S, RETRY_BASE_S * 2.0 ** max(0, min(attempts - 1, 20)))
    delay: float = step * (0.8 + 0.2 * rng.random())
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, RETRY_CAP_S))
    return delay


def _reading_of(vital: VitalSign) -> str:
    return reading_of(vital.identifier)


class Uploader:
    """Uploads claimed visits with one SATUSEHAT client; safe to run several concurrently."""

    def __init__(
        self,
        store: UploadStore,
        api: SatusehatApi,
        context: ExportContext,
        *,
        clock: Callable[[], datetime],
        run_db: Callable[..., Awaitable[Any]] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._store = store
        self._api = api
        self._ctx = context
        self._clock = clock
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not security
        self._run_db = run_db or asyncio.to_thread
        self._known_ihs: dict[tuple[str, str], str] = {}
        # Look-ups under way, shared by the workers that need the same person at once (at
        # the start of a sync every worker needs the practitioner).
        self._looking_up: dict[tuple[str, str], asyncio.Future[str | None]] = {}
        # IHS numbers SATUSEHAT gave, cached in the database with the next outbox write
        # (one commit fewer per new person); only touched on the event loop.
        self._found: list[FoundIhs] = []
        # People a claim just found absent from the database cache (ClaimedVisit.cached_ihs).
        self._not_cached: set[tuple[str, str]] = set()
        self._prefetching: set[asyncio.Future[str | None]] = set()
        # What ``prefetch`` mapped, by (claim token, visit id), for that upload.
        self._mapped: dict[tuple[str, str], VisitExport] = {}

    async def _db(self, function: Callable[..., _T], *args: Any) -> _T:
        result: _T = await self._run_db(function, *args)
        return result

    async def _write(self, function: Callable[..., _T], *args: Any) -> _T:
        """An outbox write that also caches the IHS numbers found since the last one (its
        ``ihs_found``); if it fails they go with the next write."""
        found, self._found = self._found, []
        try:
            result: _T = await self._run_db(lambda: function(*args, ihs_found=found))
        except BaseException:
            self._found[:0] = found
            raise
        return result

    # -- IHS numbers ---------------------------------------------------------------------

    async def _ihs(self, kind: str, nik: str) -> str | None:
        """From memory (the practitioner is the same for every visit), else one look-up per
        person at a time, shared by every worker that asks meanwhile."""
        key = (kind, nik)
        known = self._known_ihs.get(key)
        if known is not None:
            return known
        pending = self._looking_up.get(key)
        if pending is None:
            pending = asyncio.ensure_future(self._fetch_ihs(kind, nik))
            self._looking_up[key] = pending
            pending.add_done_callback(lambda done: self._lookup_done(key, done))
        # Shielded: a worker cancelled while waiting does not cancel the others' look-up.
        return await asyncio.shield(pending)

    def _lookup_done(self, key: tuple[str, str], done: asyncio.Future[str | None]) -> None:
        self._looking_up.pop(key, None)
        if not done.cancelled() and done.exception() is None:
            found = done.result()
            if found is not None:
                self._known_ihs[key] = found
        # Not found or failed: not remembered, so the next visit asks again (the person may
        # be registered meanwhile, the network may be back).

    async def _fetch_ihs(self, kind: str, nik: str) -> str | None:
        """The database cache shared by the desks (unless a claim just read it), else
        SATUSEHAT."""
        if (kind, nik) in self._not_cached:
            self._not_cached.discard((kind, nik))
        else:
            found = await self._db(self._store.cached_ihs, kind, nik)
            if found is not None:
                return found
        if kind == "patient":
            found = await self._api.find_patient_ihs(nik)
        else:
            found = await self._api.find_practitioner_ihs(nik)
        if found is not None:
            self._found.append(FoundIhs(kind, nik, found, self._clock()))
        return found

    def _remember_cached(self, claim: ClaimedVisit) -> None:
        """The database cache, read with the claim: _fetch_ihs need not read it again."""
        for person, ihs in claim.cached_ihs.items():
            if ihs is None:
                if person not in self._known_ihs and person not in self._looking_up:
                    self._not_cached.add(person)
            else:
                self._known_ihs.setdefault(person, ihs)

    def prefetch(self, claim: ClaimedVisit) -> None:
        """Start the IHS look-ups ``claim``'s upload will need (its patient, the operators
        it names) without waiting for them; its ``upload`` then finds them done or under
        way. Nothing for a visit that cannot be mapped (it is dead before any look-up)."""
        try:
            export = visit_to_export(claim.visit)
        except Exception:  # noqa: BLE001 - upload() says what is wrong with it
            return
        self._mapped[claim.token, claim.visit.id] = export  # its upload need not map it again
        self._start_lookups(claim)

    def _start_lookups(self, claim: ClaimedVisit) -> None:
        """The look-ups of ``claim``'s people at once, not one after the other: its patient,
        the operators it names, and the settings' practitioner when nobody recorded
        confirming the visit (then the Encounter's attender is always that fallback)."""
        self._remember_cached(claim)
        niks = claim.practitioner_niks
        people = claim_people(claim.visit.person.nik, niks or {})
        fallback = self._ctx.practitioner_nik
        if fallback and niks is not None and claim.visit.confirmed_by not in niks:
            people.append(("practitioner", fallback))
        for kind, nik in people:
            if (kind, nik) in self._known_ihs or (kind, nik) in self._looking_up:
                continue
            started = asyncio.ensure_future(self._ihs(kind, nik))
            self._prefetching.add(started)
            started.add_done_callback(self._prefetched)

    def _prefetched(self, done: asyncio.Future[str | None]) -> None:
        # A failure is the upload's to report when it asks again (failures are not kept).
        self._prefetching.discard(done)
        if not done.cancelled():
            done.exception()

    # -- one visit -----------------------------------------------------------------------

    async def upload(self, claim: ClaimedVisit) -> UploadResult:
        """Upload what ``claim`` holds; never raises for a server, network or data problem."""
        try:
            return await self._settle(claim)
        except LeaseLost:
            _LOGGER.warning("visit %s was taken over by another sync process", claim.visit.id)
            return UploadResult(claim.visit.id, lost=True)
        except BaseException:
            # Cancelled (the desk app closing): give the visit back for the next sync.
            await asyncio.shield(self._write(self._store.release, claim))
            raise

    async def _settle(self, claim: ClaimedVisit) -> UploadResult:
        entry_ids = [e.id for e in claim.entries]
        try:
            return await self._upload(claim)
        except RejectedError as exc:
            await self._write(self._dead, claim, entry_ids, str(exc), exc.outcome, exc.rule_numbers)
            return UploadResult(claim.visit.id, dead=len(entry_ids), error=str(exc))
        except MappingError as exc:
            # The stored visit cannot be mapped to FHIR (station.export / fhir_export.mapping
            # say why); retrying will not change that, a person must look. Only this type:
            # other ValueErrors (a PersonError, a DecodeError, ...) are not about the visit.
            message = f"cannot be sent: {exc}"
            await self._write(self._dead, claim, entry_ids, message)
            return UploadResult(claim.visit.id, dead=len(entry_ids), error=message)
        except SatusehatError as exc:  # transient, credentials, a garbled reply
            retry_after = exc.retry_after_s if isinstance(exc, TransientError) else None
            await self._write(self._failed, claim, entry_ids, str(exc), retry_after)
            return UploadResult(claim.visit.id, failed=len(entry_ids), error=str(exc))
        except Exception as exc:  # a bug must not stop the other visits, nor loop on this one
            _LOGGER.exception("visit %s: unexpected upload error", claim.visit.id)
            message = f"unexpected error ({type(exc).__name__}); see the station log"
            await self._write(self._failed, claim, entry_ids, message, None)
            return UploadResult(claim.visit.id, failed=len(entry_ids), error=message)

    def _dead(
        self,
        claim: ClaimedVisit,
        entry_ids: Sequence[int],
        error: str,
        outcome: object | None = None,
        rule_numbers: Sequence[int] = (),
        *,
        ihs_found: Sequence[FoundIhs] = (),
    ) -> None:
        _LOGGER.warning(
            "visit %s: %d entries need a person: %s", claim.visit.id, len(entry_ids), error
        )
        self._store.mark_dead(
            claim,
            entry_ids,
            self._clock(),
            error,
            outcome=outcome,
            rule_numbers=rule_numbers,
            ihs_found=ihs_found,
        )

    def _failed(
        self,
        claim: ClaimedVisit,
        entry_ids: Sequence[int],
        error: str,
        retry_after_s: float | None,
        *,
        ihs_found: Sequence[FoundIhs] = (),
    ) -> None:
        attempts = max((e.attempts for e in claim.entries), default=0) + 1
        now = self._clock()
        delay = next_attempt_delay(attempts, retry_after_s, self._rng)
        _LOGGER.info(
            "visit %s: upload failed, next try in %.0f s: %s", claim.visit.id, delay, error
        )
        self._store.mark_failed(
            claim, entry_ids, now, error, now + timedelta(seconds=delay), ihs_found=ihs_found
        )

    async def _practitioners(self, claim: ClaimedVisit) -> Practitioners:
        """Each operator the visit names (who measured, who confirmed) with their
        practitioner's IHS number. An operator's NIK SATUSEHAT does not know is a settings
        problem like the fallback's: the entries stay ``failed`` and are sent once it is
        put right, never dead-lettered."""
        visit = claim.visit
        niks = claim.practitioner_niks  # read with the claim; else one round trip
        if niks is None:
            niks = await self._db(self._store.practitioner_niks, operators_of(visit))
        found: dict[int, Practitioner] = {}
        for operator_id, nik in sorted(niks.items()):
            ihs = await self._ihs("practitioner", nik)
            if ihs is None:
                raise ConfigurationError(
                    f"Petugas dengan NIK tenaga kesehatan {mask_nik(nik)} tidak ditemukan di "
                    "SATUSEHAT; perbaiki data petugas itu. / The practitioner NIK of an "
                    "operator who measured or confirmed is not registered in SATUSEHAT: "
                    "correct the operator; the results are sent then."
                )
            found[operator_id] = Practitioner(nik, ihs)
        return found

    async def _upload(self, claim: ClaimedVisit) -> UploadResult:
        visit = claim.visit
        # One that cannot be mapped is dead before any look-up (prefetch mapped it already).
        export = self._mapped.pop((claim.token, claim.visit.id), None) or visit_to_export(visit)
        self._start_lookups(claim)

        patient_ihs = await self._ihs("patient", visit.person.nik)
        if patient_ihs is None:
            message = (
                f"Pasien dengan NIK {mask_nik(visit.person.nik)} tidak terdaftar di SATUSEHAT; "
                "daftarkan dulu (SATUSEHAT Mobile/ASIK), lalu kirim ulang. / "
                "No SATUSEHAT Patient has this NIK: register the person, then retry."
            )
            await self._write(self._dead, claim, [e.id for e in claim.entries], message)
            return UploadResult(visit.id, dead=len(claim.entries), error=message)
        practitioners = await self._practitioners(claim)
        if practitioners:
            export = visit_to_export(visit, practitioners)
        work = plan_upload(claim, export, practitioners)
        ctx = self._ctx
        everyone_known = export.attender is not None and all(
            v.performer is not None for v in (*work.current, *work.withdrawn)
        )
        if ctx.practitioner_nik and not everyone_known:
            # The fallback, for what no operator recorded (before operators existed, demo).
            practitioner_ihs = await self._ihs("practitioner", ctx.practitioner_nik)
            if practitioner_ihs is None:
                # A settings problem, not the visit's: the entries stay ``failed`` and are
                # tried again with backoff, so correcting the setting sends the backlog
                # (issue 10 item 5: a settings gap never dead-letters the backlog).
                raise ConfigurationError(
                    f"Tenaga kesehatan dengan NIK {mask_nik(ctx.practitioner_nik)} (pengaturan "
                    "SATUSEHAT_PRACTITIONER_NIK) tidak ditemukan di SATUSEHAT. / The configured "
                    "practitioner NIK is not registered in SATUSEHAT: correct the setting; "
                    "the results are sent then."
                )
            ctx = replace(ctx, practitioner_ihs=practitioner_ihs)
        export = replace(export, patient_ihs=patient_ihs, vitals=work.current)

        encounter_id = claim.encounter_server_id
        on_server: dict[str, str] = {}
        if work.needs_lookup:
            everything = replace(export, vitals=(*work.current, *work.withdrawn))
            encounter_id, on_server = await self._look_up(claim, everything, ctx, encounter_id)
        on_server.update(work.known)
        # An update goes to what the server holds, never as a second copy: the amended
        # vital signs found there are not in the create Bundle.
        resources = self._update_resources(
            visit, export, ctx, encounter_id, work.updates(on_server)
        )
        try:
            encounter_id, on_server = await self._send_missing(
                claim, export, ctx, encounter_id, on_server
            )
        except DuplicateResourceError:
            # An earlier attempt did arrive: find what is there and send only the rest (an
            # amended value found there now is updated, not created).
            encounter_id, on_server = await self._look_up(claim, export, ctx, encounter_id)
            on_server.update(work.known)
            resources = self._update_resources(
                visit, export, ctx, encounter_id, work.updates(on_server)
            )
            encounter_id, on_server = await self._send_missing(
                claim, export, ctx, encounter_id, on_server
            )
        if resources:
            await self._send_updates(claim, work, resources)
        return await self._finish(claim, work, on_server, encounter_id)

    def _update_resources(
        self,
        visit: StoredVisit,
        export: VisitExport,
        ctx: ExportContext,
        encounter_id: str | None,
        updates: Sequence[tuple[VitalSign, str, str]],
    ) -> list[tuple[str, dict[str, Any]]]:
        """The new versions to PUT, each checked against SATUSEHAT's rules before anything
        of the visit is sent (a problem holds the whole visit back, as for a create)."""
        if not updates:
            return []
        if encounter_id is None:
            # The server holds Observations of the visit, so its Encounter was recorded.
            raise ProtocolError(f"visit {visit.id}: an update without the Encounter's id")
        issued = visit.corrected_at or export.finished
        resources: list[tuple[str, dict[str, Any]]] = []
        problems: list[str] = []
        for vital, server_id, status in updates:
            resource = observation_update_data(
                vital,
                export,
                ctx,
                encounter_id=encounter_id,
                server_id=server_id,
                status=status,
                issued=issued,
            )
            problems.extend(
                f"{vital.identifier}: {problem}"
                for problem in validate_update(
                    resource,
                    server_id,
                    organization_id=ctx.organization_id or None,
                    now=self._clock(),
                )
            )
            resources.append((vital.identifier, resource))
        if problems:
            raise RejectedError(
                "held back, not sent: the update breaks SATUSEHAT rules: " + "; ".join(problems[:3])
            )
        return resources

    async def _send_updates(
        self,
        claim: ClaimedVisit,
        work: UploadWork,
        resources: Sequence[tuple[str, dict[str, Any]]],
    ) -> None:
        """``PUT Observation/{id}`` per new version: SATUSEHAT documents updates as a plain
        PUT with the id in the body (docs/reference/satusehat.md 2.3, "Updates"), not as a
        PUT inside a transaction Bundle, so each goes on its own. A PUT is idempotent: when a
        later one fails, the entries are tried again and the ones that arrived are sent
        again with the same content (a new version, never a new resource)."""
        updated = {identifier for identifier, _resource in resources}
        attempted = [
            e.id for e in claim.entries if any(v.identifier in updated for v in work.by_entry(e))
        ]
        await self._write(self._store.begin_attempt, claim, attempted, self._clock())
        for _identifier, resource in resources:
            await self._api.update(resource)

    async def _look_up(
        self,
        claim: ClaimedVisit,
        export: VisitExport,
        ctx: ExportContext,
        encounter_id: str | None,
    ) -> tuple[str | None, dict[str, str]]:
        """What of the visit is on the server: its Encounter's id and ``{Observation
        identifier: server id}``, each found by a documented search and verified."""
        patient_ihs = export.patient_ihs
        assert patient_ihs is not None  # resolved by _upload before any look-up
        found = await self._api.find_encounter(
            patient_ihs, encounter_identifier_system(ctx), export.encounter_identifier
        )
        if found is None and encounter_id is not None:
            # Recorded from a verified answer, yet not among the person's Encounters now: a
            # lagging search, or something changed on the server. Neither resend nor trust.
            raise UntrustedSearchError(
                f"Encounter search: the visit's Encounter {encounter_id} is not among the "
                "person's Encounters on the server; trying again later"
            )
        if found is not None and found != encounter_id:
            if encounter_id is not None:
                _LOGGER.warning(
                    "visit %s: recorded Encounter %s, the server's search finds %s; using it",
                    claim.visit.id,
                    encounter_id,
                    found,
                )
            encounter_id = found
            await self._db(self._store.record_encounter, claim, encounter_id)
        if encounter_id is None:
            # The Observations are only ever sent with their Encounter or after it.
            return None, {}
        on_server = await self._api.find_observations(
            encounter_id,
            patient_ihs,
            observation_identifier_system(ctx),
            [v.identifier for v in export.vitals],
        )
        return encounter_id, on_server

    async def _send_missing(
        self,
        claim: ClaimedVisit,
        export: VisitExport,
        ctx: ExportContext,
        encounter_id: str | None,
        on_server: dict[str, str],
    ) -> tuple[str | None, dict[str, str]]:
        missing = [v for v in export.vitals if v.identifier not in on_server]
        if not missing:
            return encounter_id, on_server
        # Plain data, not fhir.resources models: the same JSON (tests/fhir_export/
        # test_plain_mapping.py holds it to the validated form), a 22nd of the CPU.
        bundle = upload_bundle_data(
            export, ctx, encounter_id=encounter_id, include={v.identifier for v in missing}
        )
        problems = validate_bundle(
            bundle, organization_id=ctx.organization_id or None, now=self._clock()
        )
        if problems:
            raise RejectedError(
                "held back, not sent: the visit breaks SATUSEHAT rules: " + "; ".join(problems[:3])
            )
        attempted = [e.id for e in claim.entries if _has_any(e, missing)]
        await self._write(self._store.begin_attempt, claim, attempted, self._clock())
        response = await self._api.transaction(bundle)
        sent_types = ["Encounter"] * (encounter_id is None) + ["Observation"] * len(missing)
        # Each id checked against the type sent at its position (the answer is in the order
        # sent, FHIR R4 http.html#transaction); a doubtful answer is a ProtocolError.
        ids = transaction_server_ids(response, sent_types)
        result = dict(on_server)
        if encounter_id is None:
            encounter_id = ids.pop(0)  # recorded with the entries (mark_sent)
        for vital, server_id in zip(missing, ids, strict=True):
            result[vital.identifier] = server_id
        return encounter_id, result

    async def _finish(
        self,
        claim: ClaimedVisit,
        work: UploadWork,
        on_server: dict[str, str],
        encounter_id: str | None,
    ) -> UploadResult:
        ids: dict[int, list[str]] = {}
        for entry in claim.entries:
            vitals = work.by_entry(entry)
            if vitals and all(v in work.withdrawn for v in vitals):
                # A discarded reading: its Observations on the server are entered-in-error
                # now; one that never arrived has nothing to withdraw.
                ids[entry.id] = [
                    on_server[v.identifier] for v in vitals if v.identifier in on_server
                ]
                continue
            unknown = [v.identifier for v in vitals if v.identifier not in on_server]
            if unknown or (vitals and encounter_id is None):
                # Never "sent" without the server ids of the Encounter and every Observation.
                raise ProtocolError(
                    f"visit {claim.visit.id}: no verified server id for "
                    + (", ".join(unknown) if unknown else "its Encounter")
                )
            ids[entry.id] = [on_server[v.identifier] for v in vitals]
        await self._write(self._store.mark_sent, claim, ids, self._clock(), encounter_id)
        _LOGGER.info("visit %s: %d entries sent", claim.visit.id, len(ids))
        return UploadResult(claim.visit.id, sent=len(ids))


def _has_any(entry: OutboxEntry, vitals: Sequence[VitalSign]) -> bool:
    return any(_reading_of(v) == entry.reading_id for v in vitals)
