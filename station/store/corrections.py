"""Storing same-day corrections (issue 11; the rules are ``station.corrections``).

``CorrectionStore.apply`` is one transaction: the visit as it was goes into
``visit_corrections.previous_json``, the changed readings get their new values (the manual
source, ``station.manual_entry.MANUAL_SOURCE``; the device's reading stays in the previous
version), findings, discard and revision, the visit its new revision, correction time and the
referral of the corrected results, and each changed reading's outbox entry what
``outbox_change`` says. If anything fails, nothing of it was written.

A sync process uploading the visit (holding its lease, ``visits.upload_lease_until``) is not
raced: the correction is refused with ``CorrectionBusy`` (try again in a moment) rather than
changing what that process is sending. The visit row is taken by a compare-and-set UPDATE
that also checks the revision the correction was planned on, so two corrections, or a
correction and a claim, never interleave (on SQLite the UPDATE takes the write lock; on
PostgreSQL it locks the row, and ``UploadStore`` claims skip locked rows). The correction also
clears a lease that ran out: a sync process that outlived its lease then gets ``LeaseLost``
instead of recording the old values as sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.orm import Session

from station.audit import Actor, AuditAction
from station.corrections import (
    Correction,
    CorrectionBusy,
    CorrectionPlan,
    CorrectionRefused,
    EntryState,
    OutboxChange,
    PreviousVersion,
    outbox_change,
    plan_correction,
)
from station.results import local_naive
from station.store import audit
from station.store.database import Database
from station.store.finding_rows import finding_row
from station.store.models import (
    FindingRow,
    OutboxRow,
    OutboxStatus,
    ReadingRow,
    VisitCorrectionRow,
    VisitRow,
    VisitStatus,
)
from station.store.outbox import lease_free
from station.store.repository import Store, StoredReading, StoredVisit, StoreError

__all__ = ["CorrectionStore", "VisitCorrection"]


@dataclass(frozen=True, slots=True)
class VisitCorrection:
    """One correction of a visit: the revision it made, why, when, and the visit before."""

    revision: int
    reason: str
    corrected_at: datetime
    previous: PreviousVersion


def _busy() -> CorrectionBusy:
    return CorrectionBusy.of("correction.uploading")


class CorrectionStore:
    """Corrections over an open ``Database`` (thread-compatible, like ``Store``)."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._store = Store(database)

    def apply(
        self, visit_id: str, correction: Correction, now: datetime, *, actor: Actor
    ) -> StoredVisit:
        """Correct a confirmed visit of today (``now``'s local date); the visit as corrected.
        ``CorrectionRefused`` (nothing changed) when the rules refuse it, ``CorrectionBusy``
        when a sync is uploading the visit, ``StoreError`` when there is no such visit."""
        visit = self._store.visit(visit_id)
        plan = plan_correction(visit, correction, today=local_naive(now).date(), now=now)
        with self._db.sessions.begin() as session:
            self._take(session, visit, plan, now)
            session.add(
                VisitCorrectionRow(
                    visit_id=visit_id,
                    revision=plan.revision,
                    reason=plan.reason,
                    corrected_at=now,
                    previous_json=json.dumps(plan.previous, sort_keys=True, allow_nan=False),
                )
            )
            for reading in plan.changed:
                self._store_reading(session, reading, now, actor)
            self._outbox(session, plan, now)
            self._audit(session, visit, plan, now, actor)
        return self._store.visit(visit_id)

    def corrections(self, visit_id: str) -> list[VisitCorrection]:
        """The visit's corrections, oldest first (for the desk: reason, time, the version
        each one replaced)."""
        with self._db.sessions() as session:
            if session.get(VisitRow, visit_id) is None:
                raise StoreError(f"visit {visit_id} does not exist")
            rows = session.scalars(
                select(VisitCorrectionRow)
                .where(VisitCorrectionRow.visit_id == visit_id)
                .order_by(VisitCorrectionRow.revision)
            ).all()
        return [
            VisitCorrection(
                revision=row.revision,
                reason=row.reason,
                corrected_at=row.corrected_at,
                previous=PreviousVersion.from_json(json.loads(row.previous_json)),
            )
            for row in rows
        ]

    # -- one transaction's parts ----------------------------------------------------------

    @staticmethod
    def _take(session: Session, visit: StoredVisit, plan: CorrectionPlan, now: datetime) -> None:
        """Compare-and-set on the visit row: still confirmed, still the revision planned on,
        no live upload lease. Sets the new revision, time and outcome."""
        outcome = plan.corrected.outcome
        assert outcome is not None
        taken = session.execute(
            update(VisitRow)
            .where(
                VisitRow.id == visit.id,
                VisitRow.status == VisitStatus.CONFIRMED,
                VisitRow.revision == visit.revision,
                lease_free(now),
            )
            .values(
                revision=plan.revision,
                corrected_at=now,
                referral=outcome.referral,
                acknowledged_action=outcome.acknowledged_action,
                acknowledged_note=outcome.acknowledged_note or None,
                acknowledged_at=outcome.acknowledged_at,
                # A lease that ran out: its process must not record the old values as sent.
                upload_claimed_by=None,
                upload_lease_until=None,
            )
            .execution_options(synchronize_session=False)
        )
        if cast(CursorResult[Any], taken).rowcount == 1:
            return
        row = session.get(VisitRow, visit.id)
        if (
            row is not None
            and row.upload_lease_until is not None
            and (row.upload_lease_until >= now)
        ):
            raise _busy()
        raise CorrectionRefused.of("correction.changed_meanwhile")

    @staticmethod
    def _store_reading(
        session: Session, reading: StoredReading, now: datetime, actor: Actor
    ) -> None:
        row = session.get(ReadingRow, reading.id)
        assert row is not None  # readings are never deleted
        if reading.discarded_reason is not None:
            row.discarded_reason = reading.discarded_reason
            row.discarded_at = now
            row.discarded_by = actor.operator_id
        else:
            measurement = reading.measurement
            row.decoded_json = json.dumps(measurement.to_json(), sort_keys=True, allow_nan=False)
            row.raw = measurement.raw
            row.source = reading.source.source
            row.device_id = reading.source.device_id
            row.device_label = reading.source.device_label
            row.simulated = reading.source.simulated
            row.valid = reading.valid
            row.operator_id = actor.operator_id  # who entered the corrected values
            session.execute(delete(FindingRow).where(FindingRow.reading_id == reading.id))
            visit = row.visit
            session.add_all(
                finding_row(
                    reading.id,
                    f,
                    rule_set=visit.rule_set,
                    rule_set_version=visit.rule_set_version,
                )
                for f in reading.findings
            )
        row.revision = reading.revision

    @staticmethod
    def _audit(
        session: Session, visit: StoredVisit, plan: CorrectionPlan, now: datetime, actor: Actor
    ) -> None:
        """One entry for the visit and one for each changed reading, each with the record's
        hash as corrected (the visit row is reloaded: ``_take`` changed it by UPDATE)."""
        row = session.get(VisitRow, visit.id, populate_existing=True)
        assert row is not None
        audit.append_visit(
            session,
            row,
            actor=actor,
            action=AuditAction.CORRECTED,
            at=now,
            detail={"revision": plan.revision, "readings": len(plan.changed)},
        )
        for reading in plan.changed:
            reading_row = session.get(ReadingRow, reading.id)
            assert reading_row is not None
            audit.append_reading(
                session,
                reading_row,
                station_id=row.station_id,
                actor=actor,
                action=(
                    AuditAction.DISCARDED_READING
                    if reading.discarded_reason is not None
                    else AuditAction.CORRECTED
                ),
                at=now,
                detail={"revision": plan.revision},
            )

    @staticmethod
    def _outbox(session: Session, plan: CorrectionPlan, now: datetime) -> None:
        """Each changed reading's entry as ``outbox_change`` says. Read inside the
        transaction, after the visit row is ours: no sync can change them meanwhile."""
        ids = [r.id for r in plan.changed]
        entries = {
            e.reading_id: e
            for e in session.scalars(select(OutboxRow).where(OutboxRow.reading_id.in_(ids)))
        }
        for reading in plan.changed:
            entry = entries.get(reading.id)
            state = (
                EntryState(
                    tuple(json.loads(entry.server_ids)) if entry.server_ids else (),
                    entry.attempts,
                )
                if entry is not None
                else None
            )
            change = outbox_change(state, reading.counts)
            if change is OutboxChange.CREATE:
                session.add(
                    OutboxRow(
                        reading_id=reading.id,
                        visit_id=plan.visit_id,
                        status=OutboxStatus.PENDING,
                        attempts=0,
                        created_at=now,
                        updated_at=now,
                        amendment=0,
                    )
                )
            elif change is OutboxChange.DROP:
                session.execute(delete(OutboxRow).where(OutboxRow.reading_id == reading.id))
            elif change in (OutboxChange.REPLACE, OutboxChange.AMEND):
                assert entry is not None
                entry.status = OutboxStatus.PENDING
                entry.amendment = plan.revision if change is OutboxChange.AMEND else 0
                entry.next_attempt_at = None
                entry.updated_at = now
                entry.last_error = None
                entry.last_outcome = None
                entry.rule_numbers = None
