"""The upload outbox: which readings still have to reach SATUSEHAT, who is sending them, and
what the server said.

One outbox entry per valid reading (created with the reading, see ``Store.add_reading``);
entries are uploaded visit by visit, because a visit's Observations need its Encounter.
States (``OutboxStatus``): ``pending`` → ``sending`` → ``sent``; a failure that may pass is
``failed`` with a next attempt time; a failure that needs a person is ``dead``.

Exactly once, across crashes and desks:
* A sync process *claims a visit* with a lease (``visits.upload_claimed_by`` and
  ``upload_lease_until``) by a compare-and-set UPDATE, so one process at a time uploads a visit
  on SQLite and on PostgreSQL alike; PostgreSQL also skips rows another desk has locked
  (``FOR UPDATE SKIP LOCKED``) instead of waiting for them. The claimed entries are
  ``sending``. A process that dies leaves them ``sending``; its lease runs out (30 s by
  default) and the next sync takes the visit again.
* Before a POST the entries' ``attempts`` are raised and committed (``begin_attempt``): an
  entry with attempts > 0 may be on the server already, so the uploader looks its resources
  up by identifier before sending them again; an entry never attempted needs no lookup.
* Every write after the claim checks the lease is still ours (``LeaseLost`` otherwise).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    Connection,
    CursorResult,
    Insert,
    Result,
    Select,
    Update,
    and_,
    bindparam,
    case,
    func,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningUpdate
from sqlalchemy.sql.elements import ColumnElement

from station.person import mask_nik
from station.store.database import Database
from station.store.models import (
    IhsNumberRow,
    OperatorRow,
    OutboxRow,
    OutboxStatus,
    VisitRow,
    VisitStatus,
)
from station.store.repository import StoredVisit, UnreadableVisit, load_visit, visit_operators

__all__ = [
    "ClaimBatch",
    "ClaimedVisit",
    "DeadVisit",
    "FoundIhs",
    "LeaseLost",
    "OutboxEntry",
    "ProblemEntry",
    "UnknownVisits",
    "UploadStore",
    "claim_people",
    "lease_free",
]

DEFAULT_LEASE_S = 30.0
# Outbox rows read per visit wanted: a visit has a few readings, each its own entry.
CANDIDATE_ROWS_PER_VISIT = 8


class UnknownVisits(ValueError):
    """Visit ids that are not in the database; ``ids`` lists them."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = list(ids)
        shown = ", ".join(self.ids[:5]) + (" ..." if len(self.ids) > 5 else "")
        super().__init__(f"no visit with id {shown}; nothing was changed")


class LeaseLost(Exception):
    """Another sync process took the visit over (our lease ran out); stop working on it."""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    id: int
    reading_id: str
    visit_id: str
    status: OutboxStatus
    attempts: int
    server_ids: tuple[str, ...]
    # 0: send as a new resource; N > 0: send as an update carrying visit revision N (a
    # same-day correction, ``station.corrections``).
    amendment: int = 0


@dataclass(frozen=True, slots=True)
class ClaimedVisit:
    """A visit this process holds for upload, with its claimed entries."""

    token: str
    visit: StoredVisit
    entries: tuple[OutboxEntry, ...]
    encounter_server_id: str | None
    # Read in the claim's transaction, so the uploader needs no round trip of its own:
    # the practitioner NIK of each operator the visit names (``practitioner_niks``; None:
    # not read), and the cached IHS numbers of the visit's patient and those practitioners
    # (``{(kind, nik): ihs}``, None for one not in the cache; ``cached_ihs``).
    practitioner_niks: Mapping[int, str] | None = None
    cached_ihs: Mapping[tuple[str, str], str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DeadVisit:
    """A visit ``claim_batch`` found unreadable and made dead (its entries), with why."""

    visit_id: str
    entries: int
    reason: str


@dataclass(frozen=True, slots=True)
class ClaimBatch:
    claims: list[ClaimedVisit]
    dead: list[DeadVisit]


@dataclass(frozen=True, slots=True)
class ProblemEntry:
    """A failed or dead entry as the operator sees it (the desk shows the name, the command
    line the masked NIK; never the NIK itself)."""

    id: int
    visit_id: str
    queue_number: int
    person_name: str
    nik_masked: str
    visit_started: datetime
    reading_id: str
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime | None
    error: str
    rule_numbers: tuple[int, ...]


_PROBLEM_STATES = (OutboxStatus.FAILED, OutboxStatus.DEAD)


def lease_free(now: datetime | ColumnElement[datetime]) -> ColumnElement[bool]:
    """No sync process holds the visit at ``now`` (never claimed, or its lease ran out)."""
    return or_(VisitRow.upload_lease_until.is_(None), VisitRow.upload_lease_until < now)


def _to_pending(
    session: Session,
    which: ColumnElement[bool],
    states: Sequence[OutboxStatus],
    now: datetime,
) -> int:
    """The entries matching ``which`` in one of ``states`` back to pending, due now."""
    result = session.execute(
        update(OutboxRow)
        .where(which, OutboxRow.status.in_(list(states)))
        .values(status=OutboxStatus.PENDING, next_attempt_at=None, updated_at=now)
    )
    return _rowcount(result)


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE matched (SQLAlchemy types ``execute`` as a plain ``Result``)."""
    return int(cast(CursorResult[Any], result).rowcount)


# What a claim returns of each entry (``UPDATE ... RETURNING``), for ``_entry``.
_ENTRY_COLUMNS = (
    OutboxRow.id,
    OutboxRow.reading_id,
    OutboxRow.visit_id,
    OutboxRow.status,
    OutboxRow.attempts,
    OutboxRow.server_ids,
    OutboxRow.amendment,
)


@dataclass(frozen=True, slots=True)
class _Claim:
    """A claim's statements, built once per kind of claim (``UploadStore._claim_statements``)."""

    candidates: Select[str]
    hold: ReturningUpdate[str | None]
    entries: ReturningUpdate[int, str, str, str, int, str | None, int]


@dataclass(frozen=True, slots=True)
class FoundIhs:
    """An IHS number SATUSEHAT gave for a NIK, to cache (``UploadStore.cache_ihs``)."""

    kind: str
    nik: str
    ihs_number: str
    fetched_at: datetime


# The per-visit writes' statements, built once (a statement used again keeps its compiled
# form and cache key). The lease guard: the visit still held under ``p_token``.
_HELD = (VisitRow.id == bindparam("p_visit")) & (VisitRow.upload_claimed_by == bindparam("p_token"))
_KEEP = update(VisitRow).where(_HELD).values(upload_claimed_by=bindparam("p_token_again"))
_RELEASE = update(VisitRow).where(_HELD).values(upload_claimed_by=None, upload_lease_until=None)
_RELEASE_WITH_ENCOUNTER = _RELEASE.values(encounter_server_id=bindparam("p_encounter"))
_RECORD_ENCOUNTER = (
    update(VisitRow).where(_HELD).values(encounter_server_id=bindparam("p_encounter"))
)
_COUNT_ATTEMPT = (
    update(OutboxRow)
    .where(OutboxRow.id.in_(bindparam("p_entries", expanding=True)))
    .values(attempts=OutboxRow.attempts + 1, updated_at=bindparam("p_now"))
)
_SENT = (
    update(OutboxRow)
    .where(OutboxRow.id == bindparam("p_entry"))
    .values(
        status=OutboxStatus.SENT,
        sent_at=bindparam("p_now"),
        updated_at=bindparam("p_now"),
        server_ids=bindparam("p_ids_json"),
        next_attempt_at=None,
        last_error=None,
        last_outcome=None,
        rule_numbers=None,
    )
)


_PRACTITIONER_NIKS = select(OperatorRow.id, OperatorRow.practitioner_nik).where(
    OperatorRow.id.in_(bindparam("p_operators", expanding=True)), OperatorRow.builtin.is_(False)
)
_CACHED_IHS = select(IhsNumberRow.kind, IhsNumberRow.nik, IhsNumberRow.ihs_number).where(
    IhsNumberRow.nik.in_(bindparam("p_niks", expanding=True))
)


def _has(status: OutboxStatus) -> ColumnElement[int]:
    return case((OutboxRow.status == status, 1), else_=0)


# UploadStore.visit_states, counted in the database: each confirmed visit's state by
# station.day.upload_state's rule with failed apart (dead if an entry is dead; sent if every
# entry is; failed if one is; else waiting), then the visits per state.
_PER_VISIT = (
    select(
        func.max(_has(OutboxStatus.DEAD)).label("any_dead"),
        func.min(_has(OutboxStatus.SENT)).label("all_sent"),
        func.max(_has(OutboxStatus.FAILED)).label("any_failed"),
    )
    .join(VisitRow, VisitRow.id == OutboxRow.visit_id)
    .where(VisitRow.status == VisitStatus.CONFIRMED)
    .group_by(OutboxRow.visit_id)
    .subquery()
)
_VISIT_STATE = case(
    (_PER_VISIT.c.any_dead == 1, "dead"),
    (_PER_VISIT.c.all_sent == 1, "sent"),
    (_PER_VISIT.c.any_failed == 1, "failed"),
    else_="waiting",
).label("state")
_VISITS_PER_STATE = select(_VISIT_STATE, func.count()).group_by(_VISIT_STATE)


def _give_back(connection: Connection, visit_id: str, token: str) -> None:
    """Release the visit if ``token`` still holds it (``_RELEASE``, no error if not)."""
    connection.execute(_RELEASE, {"p_visit": visit_id, "p_token": token})


def claim_people(patient_nik: str, practitioner_niks: Mapping[int, str]) -> list[tuple[str, str]]:
    """The people whose IHS numbers a visit's upload needs, as ``(kind, NIK)``: its patient,
    then the practitioner of each operator it names (``ClaimedVisit.cached_ihs``' keys)."""
    people = [("patient", patient_nik)]
    people += [("practitioner", nik) for nik in practitioner_niks.values()]
    return people


def _bury_unreadable(
    connection: Connection, token: str, visit_id: str, now: datetime, exc: UnreadableVisit
) -> DeadVisit:
    """In the claim's transaction: the visit's claimed entries ``dead``, the visit given back."""
    error = f"cannot be sent: {exc}; a person must look at this visit"
    _give_back(connection, visit_id, token)
    result = connection.execute(
        update(OutboxRow)
        .where(OutboxRow.visit_id == visit_id, OutboxRow.status == OutboxStatus.SENDING)
        .values(status=OutboxStatus.DEAD, updated_at=now, next_attempt_at=None, last_error=error)
    )
    return DeadVisit(visit_id, _rowcount(result), error)


def _practitioner_niks(connection: Connection, operator_ids: Collection[int]) -> dict[int, str]:
    """``UploadStore.practitioner_niks`` on ``connection``."""
    if not operator_ids:
        return {}
    rows = connection.execute(_PRACTITIONER_NIKS, {"p_operators": sorted(operator_ids)})
    return {int(row.id): str(row.practitioner_nik) for row in rows.all()}


def _cached_ihs(
    connection: Connection, people: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """The cached IHS numbers of ``people`` (kind, NIK) that have one, in one query."""
    wanted = set(people)
    if not wanted:
        return {}
    rows = connection.execute(_CACHED_IHS, {"p_niks": sorted({nik for _kind, nik in wanted})})
    return {
        (row.kind, row.nik): str(row.ihs_number)
        for row in rows.all()
        if (row.kind, row.nik) in wanted
    }


def _entry(row: Any) -> OutboxEntry:
    return OutboxEntry(
        id=row.id,
        reading_id=row.reading_id,
        visit_id=row.visit_id,
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        server_ids=tuple(json.loads(row.server_ids)) if row.server_ids else (),
        amendment=row.amendment,
    )


class UploadStore:
    """Outbox operations for the uploader. Each method is one short transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._postgres = database.engine.dialect.name == "postgresql"
        self._claims: dict[tuple[bool, bool, int], _Claim] = {}
        self._ihs_upsert: Insert | None = None

    # -- claiming ------------------------------------------------------------------------

    @staticmethod
    def _due(
        now: datetime | ColumnElement[datetime],
        include_failed: bool,
        failed_before: datetime | ColumnElement[datetime] | None = None,
    ) -> ColumnElement[bool]:
        failed_due = OutboxRow.status == OutboxStatus.FAILED
        if not include_failed:
            failed_due = and_(failed_due, OutboxRow.next_attempt_at <= now)
        elif failed_before is not None:
            # ``sync --all``: failed entries now, but not again the ones that failed since
            # ``failed_before`` (this drain): one try each, not a loop on a lasting failure.
            failed_due = and_(
                failed_due,
                or_(OutboxRow.next_attempt_at <= now, OutboxRow.updated_at < failed_before),
            )
        # A ``sending`` entry is due again only when its visit's lease has run out, which
        # the visit-level condition in ``claim`` checks.
        return or_(
            OutboxRow.status == OutboxStatus.PENDING,
            failed_due,
            OutboxRow.status == OutboxStatus.SENDING,
        )

    @staticmethod
    def _lease_free(now: datetime | ColumnElement[datetime]) -> ColumnElement[bool]:
        return lease_free(now)

    def _claim_statements(self, include_failed: bool, failed_before: bool, limit: int) -> _Claim:
        """The claim's statements for this kind of claim, built once: a statement object
        used again keeps its compiled form and cache key (building and keying them was a
        third of the claim's CPU). Parameters: ``p_now``, ``p_failed_before``,
        ``p_visit``, ``p_token``, ``p_lease_until``."""
        key = (include_failed, failed_before, limit)
        built = self._claims.get(key)
        if built is None:
            now: ColumnElement[datetime] = bindparam("p_now")
            due = self._due(
                now, include_failed, bindparam("p_failed_before") if failed_before else None
            )
            # Driven by the outbox's status index, oldest entry first: cheap however many
            # visits were sent before (a visit-ordered scan slowed down as the table grew).
            candidates = (
                select(OutboxRow.visit_id)
                .join(VisitRow, VisitRow.id == OutboxRow.visit_id)
                .where(due, VisitRow.status == VisitStatus.CONFIRMED, self._lease_free(now))
                .order_by(OutboxRow.id)
                .limit(limit * CANDIDATE_ROWS_PER_VISIT)
            )
            if self._postgres:
                candidates = candidates.with_for_update(skip_locked=True, of=VisitRow)
            built = _Claim(
                candidates=candidates,
                # Compare-and-set: only if nobody took the visit since we looked.
                hold=update(VisitRow)
                .where(VisitRow.id == bindparam("p_visit"), self._lease_free(now))
                .values(
                    upload_claimed_by=bindparam("p_token"),
                    upload_lease_until=bindparam("p_lease_until"),
                )
                .returning(VisitRow.encounter_server_id),
                entries=update(OutboxRow)
                .where(OutboxRow.visit_id == bindparam("p_visit"), due)
                .values(status=OutboxStatus.SENDING, updated_at=now)
                .returning(*_ENTRY_COLUMNS),
            )
            self._claims[key] = built
        return built

    def claim(
        self,
        worker: str,
        now: datetime,
        *,
        limit: int = 1,
        lease_s: float = DEFAULT_LEASE_S,
        include_failed: bool = False,
        failed_before: datetime | None = None,
    ) -> list[ClaimedVisit]:
        """Take up to ``limit`` confirmed visits with entries due, oldest first (an unreadable
        one is made dead on the way, see ``claim_batch``)."""
        return self.claim_batch(
            worker,
            now,
            limit=limit,
            lease_s=lease_s,
            include_failed=include_failed,
            failed_before=failed_before,
        ).claims

    def claim_batch(
        self,
        worker: str,
        now: datetime,
        *,
        limit: int = 1,
        lease_s: float = DEFAULT_LEASE_S,
        include_failed: bool = False,
        failed_before: datetime | None = None,
    ) -> ClaimBatch:
        """Take up to ``limit`` readable visits with entries due, oldest first
        (``include_failed``: failed ones too, except those failed since ``failed_before``).

        A claimed visit that cannot be read back (``UnreadableVisit``) cannot be mapped or
        sent, now or later: its claimed entries become ``dead`` with the reason, the visit is
        given back, and claiming goes on with the next one, so one bad visit never stops the
        others (issue 10)."""
        token = f"{worker[:40]}:{uuid.uuid4().hex[:12]}"
        claims: list[ClaimedVisit] = []
        dead: list[DeadVisit] = []
        while len(claims) < limit:
            taken = self._take(
                token,
                now,
                limit=limit - len(claims),
                lease_s=lease_s,
                include_failed=include_failed,
                failed_before=failed_before,
            )
            if not taken:
                break
            for item in taken:
                if isinstance(item, DeadVisit):
                    dead.append(item)
                else:
                    claims.append(item)
        return ClaimBatch(claims, dead)

    def _take(
        self,
        token: str,
        now: datetime,
        *,
        limit: int,
        lease_s: float,
        include_failed: bool,
        failed_before: datetime | None,
    ) -> list[ClaimedVisit | DeadVisit]:
        """One transaction: the candidates, then per visit a compare-and-set of its lease
        (returning its Encounter id), its due entries made ``sending`` (returning them) and
        the visit read back; an unreadable one is made dead in the same transaction.
        Core statements on one connection, no ORM session."""
        statements = self._claim_statements(include_failed, failed_before is not None, limit)
        parameters: dict[str, Any] = {
            "p_now": now,
            "p_token": token,
            "p_lease_until": now + timedelta(seconds=lease_s),
        }
        if failed_before is not None:
            parameters["p_failed_before"] = failed_before
        taken: list[ClaimedVisit | DeadVisit] = []
        with self._db.engine.begin() as connection:
            candidates = list(
                dict.fromkeys(connection.scalars(statements.candidates, parameters).all())
            )
            for visit_id in candidates:
                if len(taken) == limit:
                    break
                parameters["p_visit"] = visit_id
                held = connection.execute(statements.hold, parameters).one_or_none()
                if held is None:
                    continue  # another process was quicker: try the next candidate
                entries = connection.execute(statements.entries, parameters).all()
                if not entries:
                    # Another process sent it between our look and the compare-and-set
                    # (SQLite reads the candidates outside the write transaction): give the
                    # visit back rather than hold it with nothing to send.
                    _give_back(connection, visit_id, token)
                    continue
                try:
                    visit = load_visit(connection, visit_id)
                except UnreadableVisit as exc:
                    taken.append(_bury_unreadable(connection, token, visit_id, now, exc))
                    continue
                niks = _practitioner_niks(connection, visit_operators(visit))
                people = claim_people(visit.person.nik, niks)
                cached = _cached_ihs(connection, people)
                taken.append(
                    ClaimedVisit(
                        token=token,
                        visit=visit,
                        entries=tuple(sorted((_entry(e) for e in entries), key=lambda e: e.id)),
                        encounter_server_id=held.encounter_server_id,
                        practitioner_niks=niks,
                        cached_ihs={person: cached.get(person) for person in people},
                    )
                )
        return taken

    def renew(self, tokens: Sequence[str], now: datetime, lease_s: float = DEFAULT_LEASE_S) -> int:
        """Extend the leases of visits still held under ``tokens`` (a heartbeat)."""
        if not tokens:
            return 0
        with self._db.engine.begin() as connection:
            result = connection.execute(
                update(VisitRow)
                .where(VisitRow.upload_claimed_by.in_(list(tokens)))
                .values(upload_lease_until=now + timedelta(seconds=lease_s))
            )
            return _rowcount(result)

    @staticmethod
    def _hold(
        connection: Connection,
        claim: ClaimedVisit,
        guard: Update = _KEEP,
        **parameters: Any,
    ) -> None:
        """The visit is still ours, else ``LeaseLost`` (and the transaction rolls back). The
        guard is an UPDATE of the held visit (``_KEEP`` rewrites the token, ``_RELEASE``
        gives the visit back, ...): it locks the row for the rest of the transaction as
        ``SELECT ... FOR UPDATE`` did, in one statement."""
        result = connection.execute(
            guard,
            {
                "p_visit": claim.visit.id,
                "p_token": claim.token,
                "p_token_again": claim.token,
                **parameters,
            },
        )
        if _rowcount(result) != 1:
            raise LeaseLost(f"visit {claim.visit.id} is no longer held by this sync process")

    def begin_attempt(
        self,
        claim: ClaimedVisit,
        entry_ids: Sequence[int],
        now: datetime,
        ihs_found: Sequence[FoundIhs] = (),
    ) -> None:
        """Count an attempt before sending: from here on the resources may be on the server.
        ``ihs_found``: IHS numbers looked up since the last write, cached in the same
        transaction (one commit fewer per visit than caching each on its own)."""
        with self._db.engine.begin() as connection:
            self._hold(connection, claim)
            connection.execute(_COUNT_ATTEMPT, {"p_entries": list(entry_ids), "p_now": now})
            self._cache_found(connection, ihs_found)

    def record_encounter(self, claim: ClaimedVisit, server_id: str) -> None:
        with self._db.engine.begin() as connection:
            self._hold(connection, claim, _RECORD_ENCOUNTER, p_encounter=server_id)

    # -- outcomes ------------------------------------------------------------------------

    def mark_sent(
        self,
        claim: ClaimedVisit,
        server_ids: dict[int, Sequence[str]],
        now: datetime,
        encounter_server_id: str | None = None,
        *,
        ihs_found: Sequence[FoundIhs] = (),
    ) -> None:
        """The entries are on the server: one transaction records their ids, the visit's
        Encounter id, and gives the visit back (two statements, the entries' one an
        executemany; ``ihs_found`` as for ``begin_attempt``)."""
        with self._db.engine.begin() as connection:
            if encounter_server_id is None:
                self._hold(connection, claim, _RELEASE)
            else:
                self._hold(
                    connection, claim, _RELEASE_WITH_ENCOUNTER, p_encounter=encounter_server_id
                )
            if server_ids:
                connection.execute(
                    _SENT,
                    [
                        {"p_entry": entry_id, "p_now": now, "p_ids_json": json.dumps(list(ids))}
                        for entry_id, ids in server_ids.items()
                    ],
                )
            self._cache_found(connection, ihs_found)

    def _set_held(
        self,
        claim: ClaimedVisit,
        entry_ids: Sequence[int],
        *,
        release: bool = False,
        ihs_found: Sequence[FoundIhs] = (),
        **values: Any,
    ) -> None:
        """Update entries of a visit this process still holds (``LeaseLost`` otherwise), and
        with ``release`` give the visit back in the same transaction."""
        with self._db.engine.begin() as connection:
            self._hold(connection, claim, _RELEASE if release else _KEEP)
            connection.execute(
                update(OutboxRow).where(OutboxRow.id.in_(list(entry_ids))).values(**values)
            )
            self._cache_found(connection, ihs_found)

    def mark_failed(
        self,
        claim: ClaimedVisit,
        entry_ids: Sequence[int],
        now: datetime,
        error: str,
        next_attempt_at: datetime,
        *,
        ihs_found: Sequence[FoundIhs] = (),
    ) -> None:
        self._set_held(
            claim,
            entry_ids,
            release=True,
            ihs_found=ihs_found,
            status=OutboxStatus.FAILED,
            updated_at=now,
            next_attempt_at=next_attempt_at,
            last_error=error,
        )

    def fail_abandoned(
        self,
        visit_id: str,
        entry_ids: list[int],
        now: datetime,
        error: str,
        next_attempt_at: datetime,
    ) -> int:
        """``sending`` entries of a visit its sync gave up on (past the sync loop's hold
        limit, given back by the cancelled uploader) become ``failed``, unless another sync
        holds the visit now (its entries are its business); how many."""
        with self._db.sessions.begin() as session:
            visit = session.get(VisitRow, visit_id, with_for_update=True)
            if visit is None or visit.upload_claimed_by is not None:
                return 0
            result = session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(entry_ids), OutboxRow.status == OutboxStatus.SENDING)
                .values(
                    status=OutboxStatus.FAILED,
                    updated_at=now,
                    next_attempt_at=next_attempt_at,
                    last_error=error,
                )
            )
            return _rowcount(result)

    def mark_dead(
        self,
        claim: ClaimedVisit,
        entry_ids: Sequence[int],
        now: datetime,
        error: str,
        *,
        outcome: object | None = None,
        rule_numbers: Sequence[int] = (),
        ihs_found: Sequence[FoundIhs] = (),
    ) -> None:
        self._set_held(
            claim,
            entry_ids,
            release=True,
            ihs_found=ihs_found,
            status=OutboxStatus.DEAD,
            updated_at=now,
            next_attempt_at=None,
            last_error=error,
            last_outcome=json.dumps(outcome) if outcome is not None else None,
            rule_numbers=",".join(str(n) for n in rule_numbers) or None,
        )

    def release(self, claim: ClaimedVisit, *, ihs_found: Sequence[FoundIhs] = ()) -> None:
        """Give the visit back if still held (the outcomes above already did, except after an
        unexpected error); entries still ``sending`` become due again."""
        with self._db.engine.begin() as connection:
            _give_back(connection, claim.visit.id, claim.token)
            self._cache_found(connection, ihs_found)

    # -- for people ----------------------------------------------------------------------

    def problems(self, limit: int | None = 200) -> list[ProblemEntry]:
        """Dead entries first (they need a person), then failed ones, oldest visit first,
        then by entry; at most ``limit`` (None: all)."""
        with self._db.sessions() as session:
            rows = session.execute(
                select(OutboxRow, VisitRow)
                .join(VisitRow, VisitRow.id == OutboxRow.visit_id)
                .where(OutboxRow.status.in_(_PROBLEM_STATES))
                .order_by(
                    (OutboxRow.status == OutboxStatus.FAILED).asc(),
                    VisitRow.started_at,
                    OutboxRow.id,
                )
                .limit(limit)
            ).all()
        return [
            ProblemEntry(
                id=entry.id,
                visit_id=visit.id,
                queue_number=visit.queue_number,
                person_name=visit.name,
                nik_masked=mask_nik(visit.nik),
                visit_started=visit.started_at,
                reading_id=entry.reading_id,
                status=OutboxStatus(entry.status),
                attempts=entry.attempts,
                next_attempt_at=entry.next_attempt_at,
                error=entry.last_error or "",
                rule_numbers=tuple(int(n) for n in (entry.rule_numbers or "").split(",") if n),
            )
            for entry, visit in rows
        ]

    # Entries being sent (``sending``) are never touched by a retry: only the sync that holds
    # them decides their state.

    def retry(self, entry_ids: Sequence[int], now: datetime) -> int:
        """A person asks to send these failed or dead entries again now."""
        with self._db.sessions.begin() as session:
            return _to_pending(session, OutboxRow.id.in_(list(entry_ids)), _PROBLEM_STATES, now)

    def retry_dead(self, now: datetime) -> int:
        """Every dead entry back to pending (``vitals-station outbox retry --all-dead``)."""
        with self._db.sessions.begin() as session:
            return _to_pending(session, true(), (OutboxStatus.DEAD,), now)

    def retry_visits(self, visit_ids: Sequence[str], now: datetime) -> int:
        """The failed and dead entries of these visits back to pending (``vitals-station
        outbox retry VISIT_ID...``); ``UnknownVisits``, and nothing changed, when an id is not
        a visit."""
        wanted = list(dict.fromkeys(visit_ids))
        with self._db.sessions.begin() as session:
            known = set(session.scalars(select(VisitRow.id).where(VisitRow.id.in_(wanted))))
            unknown = [v for v in wanted if v not in known]
            if unknown:
                raise UnknownVisits(unknown)
            return _to_pending(session, OutboxRow.visit_id.in_(wanted), _PROBLEM_STATES, now)

    def visit_states(self) -> dict[str, int]:
        """Confirmed visits by upload state, for the desk's status bar (issue 11: the queue
        counted in visits, not entries), by the day list's rule (``station.day.upload_state``)
        with failed visits apart: ``dead``, ``failed``, ``waiting`` or ``sent``.

        Counted in the database (``_VISITS_PER_STATE``, the same rule in SQL; the tests hold
        it to ``upload_state``): four numbers come back however long the clinic's history
        or the backlog of a desk offline for a week. Reading each visit's entry states on
        every status report grew the desk's memory with every visit not yet sent (issue
        14)."""
        states = {"sent": 0, "waiting": 0, "failed": 0, "dead": 0}
        with self._db.engine.connect() as connection:
            for state, count in connection.execute(_VISITS_PER_STATE):
                states[state] = int(count)
        return states

    def next_due_at(self) -> datetime | None:
        """When the earliest failed entry may be tried again (for a sync loop's sleep)."""
        with self._db.sessions() as session:
            value: datetime | None = session.scalar(
                select(func.min(OutboxRow.next_attempt_at)).where(
                    OutboxRow.status == OutboxStatus.FAILED
                )
            )
            return value

    # -- practitioners and the IHS number cache -------------------------------------------

    def practitioner_niks(self, operator_ids: Collection[int]) -> dict[int, str]:
        """The practitioner NIK of each of ``operator_ids`` who is a person (issue 12: the
        upload names the operator who measured); the built-in demo operator is left out, so
        what it recorded falls back to ``SATUSEHAT_PRACTITIONER_NIK`` like data from before
        operators existed. Disabled operators are included: they did measure. (A claim
        reads them for its visit: ``ClaimedVisit.practitioner_niks``.)"""
        with self._db.engine.connect() as connection:
            return _practitioner_niks(connection, operator_ids)

    def cached_ihs(self, kind: str, nik: str) -> str | None:
        with self._db.engine.connect() as connection:
            return _cached_ihs(connection, [(kind, nik)]).get((kind, nik))

    def cache_ihs(self, kind: str, nik: str, ihs_number: str, now: datetime) -> None:
        with self._db.engine.begin() as connection:
            self._cache_found(connection, [FoundIhs(kind, nik, ihs_number, now)])

    def _upsert_ihs(self) -> Insert:
        """The IHS cache's INSERT ... ON CONFLICT DO UPDATE, built once per store. The
        dialect's module is imported when first needed (the PostgreSQL dialect module costs a
        desk on SQLite 50 ms at start-up for nothing)."""
        if self._ihs_upsert is None:
            statement: Any
            if self._postgres:
                from sqlalchemy.dialects.postgresql import insert as pg_insert  # noqa: PLC0415

                statement = pg_insert(IhsNumberRow)
            else:
                from sqlalchemy.dialects.sqlite import insert as sqlite_insert  # noqa: PLC0415

                statement = sqlite_insert(IhsNumberRow)
            self._ihs_upsert = statement.on_conflict_do_update(
                index_elements=[IhsNumberRow.kind, IhsNumberRow.nik],
                set_={
                    "ihs_number": statement.excluded.ihs_number,
                    "fetched_at": statement.excluded.fetched_at,
                },
            )
        return self._ihs_upsert

    def _cache_found(self, connection: Connection, found: Sequence[FoundIhs]) -> None:
        """Insert or update each (one executemany); another desk caching the same person at
        the same moment is no conflict."""
        if not found:
            return
        connection.execute(
            self._upsert_ihs(),
            [
                {
                    "kind": f.kind,
                    "nik": f.nik,
                    "ihs_number": f.ihs_number,
                    "fetched_at": f.fetched_at,
                }
                for f in found
            ],
        )
