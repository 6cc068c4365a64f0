"""``audit verify`` (issue 12): walk the chain and compare every reading and visit with the
last entry that changed it.

The chain is intact when the entries are numbered 1..N without a gap, each entry's
``previous_hash`` is the entry before's ``entry_hash`` (``GENESIS_HASH`` for the first), each
``entry_hash`` is what ``station.audit.entry_hash`` gives for its fields, and the head row
names entry N (so deleting the last entries is found too). The records are intact when each
visit's and reading's content hash (``station.store.record_content``) equals the
``record_hash`` of the last entry about it; a record with no entry was inserted behind the
station's back, an entry whose record is gone means it was deleted.

What this proves, and what not: anyone who can write the database can also rewrite the whole
chain from the start (the hashes need no secret), so the chain shows a change made without
the station, not one made by someone rebuilding every entry after it. Encryption at rest and
the database's own access control keep those people out.

The first problem found is reported: chain problems (in sequence order) before record
problems, records in a stable order (visits, then readings, by id).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from station.audit import GENESIS_HASH, entry_hash
from station.store.audit import entry_fields
from station.store.database import Database
from station.store.models import AuditEntryRow, AuditHeadRow, ReadingRow, VisitRow
from station.store.record_content import READING, VISIT, reading_hash, visit_hash

__all__ = ["AuditProblem", "AuditReport", "verify_audit"]

_BATCH = 1000


@dataclass(frozen=True, slots=True)
class AuditProblem:
    """Where the chain or a record stops matching: the entry's sequence (None when no entry
    covers the record) and the record, with a reason in words."""

    sequence: int | None
    record_kind: str | None
    record_id: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "sequence": self.sequence,
            "record_kind": self.record_kind,
            "record_id": self.record_id,
        }


@dataclass(frozen=True, slots=True)
class AuditReport:
    entries: int
    problem: AuditProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "first_bad": self.problem.to_json() if self.problem else None,
            "reason": self.problem.reason if self.problem else None,
        }


def _entries(session: Session) -> Iterator[AuditEntryRow]:
    last = 0
    while True:
        rows = session.scalars(
            select(AuditEntryRow)
            .where(AuditEntryRow.sequence > last)
            .order_by(AuditEntryRow.sequence)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].sequence
        session.expunge_all()


def _chain(
    session: Session, latest: dict[tuple[str, str], tuple[int, str | None]]
) -> tuple[int, AuditProblem | None]:
    """Walk the entries; fill ``latest`` with each record's last (sequence, record hash)."""
    previous = GENESIS_HASH
    expected = 1
    count = 0
    for row in _entries(session):
        count += 1
        where = (row.sequence, row.record_kind, row.record_id)
        if row.sequence != expected:
            return count, AuditProblem(
                *where, f"entries {expected} to {row.sequence - 1} are missing (deleted)"
            )
        if row.previous_hash != previous:
            return count, AuditProblem(
                *where, f"entry {row.sequence} does not follow entry {row.sequence - 1}"
            )
        if entry_hash(previous, entry_fields(row)) != row.entry_hash:
            return count, AuditProblem(*where, f"entry {row.sequence} was changed")
        if row.record_kind is not None and row.record_id is not None:
            latest[(row.record_kind, row.record_id)] = (row.sequence, row.record_hash)
        previous = row.entry_hash
        expected += 1
    head = session.get(AuditHeadRow, 1)
    if head is None:
        return count, AuditProblem(None, None, None, "the chain's head row is missing")
    if head.sequence != count or head.entry_hash != previous:
        return count, AuditProblem(
            head.sequence,
            None,
            None,
            f"the head names entry {head.sequence} but the chain ends at entry {count} "
            "(entries at its end were deleted, or the head was changed)",
        )
    return count, None


def _record_problem(
    kind: str, record_id: str, current: str, latest: dict[tuple[str, str], tuple[int, str | None]]
) -> AuditProblem | None:
    last = latest.pop((kind, record_id), None)
    if last is None:
        return AuditProblem(
            None, kind, record_id, f"{kind} {record_id} has no audit entry (inserted directly)"
        )
    sequence, recorded = last
    if recorded != current:
        return AuditProblem(
            sequence,
            kind,
            record_id,
            f"{kind} {record_id} differs from what entry {sequence} recorded (changed directly)",
        )
    return None


_RECORD_BATCH = 1000


def _records(
    session: Session, latest: dict[tuple[str, str], tuple[int, str | None]]
) -> AuditProblem | None:
    # Streamed in batches (yield_per): the session's identity map holds its objects weakly,
    # so memory stays that of one batch, not of every visit, reading and finding at once.
    # Each result is closed even when a problem ends the loop early (a server-side cursor
    # on PostgreSQL).
    visits = session.scalars(
        select(VisitRow).order_by(VisitRow.id).execution_options(yield_per=_RECORD_BATCH)
    )
    try:
        for visit in visits:
            problem = _record_problem(VISIT, visit.id, visit_hash(visit), latest)
            if problem is not None:
                return problem
    finally:
        visits.close()
    readings = session.scalars(
        select(ReadingRow)
        .options(selectinload(ReadingRow.findings))
        .order_by(ReadingRow.id)
        .execution_options(yield_per=_RECORD_BATCH)
    )
    try:
        for reading in readings:
            current = reading_hash(reading, reading.findings)
            problem = _record_problem(READING, reading.id, current, latest)
            if problem is not None:
                return problem
    finally:
        readings.close()
    for (kind, record_id), (sequence, _hash) in sorted(latest.items(), key=lambda i: i[1][0]):
        if kind in (VISIT, READING):
            return AuditProblem(
                sequence, kind, record_id, f"{kind} {record_id} is gone (deleted directly)"
            )
    return None


def verify_audit(database: Database) -> AuditReport:
    """Check the whole chain and every reading and visit (read only; one snapshot where the
    database gives one)."""
    latest: dict[tuple[str, str], tuple[int, str | None]] = {}
    with database.sessions() as session:
        if session.bind is not None and session.bind.dialect.name == "postgresql":
            # One snapshot for the chain and the records: a desk writing meanwhile is not
            # mistaken for an insertion behind the station's back.
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        count, problem = _chain(session, latest)
        if problem is None:
            problem = _records(session, latest)
    return AuditReport(count, problem)
