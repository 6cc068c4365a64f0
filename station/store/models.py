"""SQLAlchemy table models. The schema itself is created and changed only by migrations
(``station/store/migrations``); these classes must match the latest migration, which
``tests/station/test_store.py`` checks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Base",
    "FindingRow",
    "IhsNumberRow",
    "OperatorRow",
    "OutboxRow",
    "OutboxStatus",
    "QueueCallOutcome",
    "QueueCallRow",
    "QueueCounterRow",
    "ReadingRow",
    "UTCDateTime",
    "VisitCorrectionRow",
    "VisitRow",
    "VisitStatus",
]


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC.

    SQLite keeps no zone, so values are normalised to UTC on the way in and come back tagged
    UTC; a naive datetime is refused rather than guessed.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store timezone-aware times only")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class VisitStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    DEAD = "dead"


class QueueCallOutcome(StrEnum):
    CALLED = "called"  # called, nobody identified yet
    VISIT = "visit"  # a visit was started for it
    SKIPPED = "skipped"  # no-show, recorded


class Base(DeclarativeBase):
    pass


class QueueCounterRow(Base):
    """Last queue number handed out per day (shared by all desks on one database)."""

    __tablename__ = "queue_counters"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False)


class QueueCallRow(Base):
    """One called queue number (migration 0004): when, how often it was called again, and
    what became of it, so that no number is ever lost and skips are counted."""

    __tablename__ = "queue_calls"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    queue_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_id: Mapped[str] = mapped_column(String(40), nullable=False)
    called_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    last_called_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    recalls: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    outcome: Mapped[str] = mapped_column(
        String(16), nullable=False, server_default=QueueCallOutcome.CALLED
    )
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    __table_args__ = (Index("ix_queue_calls_station", "station_id", "outcome"),)


class VisitRow(Base):
    __tablename__ = "visits"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(40), nullable=False)
    queue_number: Mapped[int] = mapped_column(Integer, nullable=False)
    nik: Mapped[str] = mapped_column(String(16), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=VisitStatus.OPEN)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    rule_set: Mapped[str] = mapped_column(String(80), nullable=False)
    rule_set_version: Mapped[str] = mapped_column(String(20), nullable=False)
    # Set at confirmation (migration 0002): the referral level, and for a critical result
    # what the health worker did about it.
    referral: Mapped[str | None] = mapped_column(String(16), nullable=True)
    acknowledged_action: Mapped[str | None] = mapped_column(String(20), nullable=True)
    acknowledged_note: Mapped[str | None] = mapped_column(String(500), nullable=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Upload (migration 0003): the Encounter's id on SATUSEHAT once known, and which sync
    # process holds the visit until when (one uploader per visit, across desks).
    encounter_server_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    upload_claimed_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    upload_lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Migration 0004: why the operator confirmed before the blood-pressure protocol was
    # complete; the visit's revision (1, then one more per same-day correction).
    early_confirm_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    corrected_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Migration 0006: the operator (operators.id) who started, confirmed, acknowledged a
    # critical result or cancelled; None before operators existed. ``purged_at``: when the
    # person's NIK, name and birth date were removed after upload (keep_days_after_upload).
    started_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    confirmed_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    acknowledged_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cancelled_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    readings: Mapped[list[ReadingRow]] = relationship(
        back_populates="visit", order_by="ReadingRow.sequence"
    )

    __table_args__ = (Index("ix_visits_status", "status"), Index("ix_visits_nik", "nik"))


class ReadingRow(Base):
    """One decoded measurement exactly as the device sent it (``raw``), with its decode."""

    __tablename__ = "readings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    device_id: Mapped[str] = mapped_column(String(80), nullable=False)
    device_label: Mapped[str] = mapped_column(String(120), nullable=False)
    simulated: Mapped[bool] = mapped_column(Boolean, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # device | manual
    raw: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    decoded_json: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # True when no finding blocked it: only valid readings count as results and get uploaded.
    valid: Mapped[bool] = mapped_column(Boolean, nullable=False)
    # Migration 0004: a discarded reading is kept with its reason but never counts as a
    # result nor is uploaded; ``revision`` grows when a correction changes the reading.
    discarded_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    discarded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    # Migration 0006: the operator who measured or typed it, and who discarded it.
    operator_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    discarded_by: Mapped[int | None] = mapped_column(Integer, nullable=True)

    visit: Mapped[VisitRow] = relationship(back_populates="readings")
    findings: Mapped[list[FindingRow]] = relationship(back_populates="reading")

    __table_args__ = (UniqueConstraint("visit_id", "sequence", name="uq_readings_visit_sequence"),)


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reading_id: Mapped[str] = mapped_column(ForeignKey("readings.id"), nullable=False)
    parameter: Mapped[str] = mapped_column(String(40), nullable=False)
    severity: Mapped[str] = mapped_column(String(16), nullable=False)
    code: Mapped[str] = mapped_column(String(60), nullable=False)
    message_id: Mapped[str] = mapped_column(Text, nullable=False)
    message_en: Mapped[str] = mapped_column(Text, nullable=False)
    # Migration 0007 (issue 13): the words above as data, the catalogue key
    # (station/checks/messages.py) with its parameters as JSON, and the rule set in force;
    # None on rows stored before.
    message_key: Mapped[str | None] = mapped_column(String(80), nullable=True)
    message_params: Mapped[str | None] = mapped_column(Text, nullable=True)
    rule_set: Mapped[str | None] = mapped_column(String(80), nullable=True)
    rule_set_version: Mapped[str | None] = mapped_column(String(20), nullable=True)

    reading: Mapped[ReadingRow] = relationship(back_populates="findings")


class OutboxRow(Base):
    """One reading waiting to reach SATUSEHAT. States are in ``OutboxStatus``."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reading_id: Mapped[str] = mapped_column(ForeignKey("readings.id"), nullable=False, unique=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Migration 0003: the server ids of this reading's resources once sent (JSON list), and
    # for a rejected entry the server's OperationOutcome (JSON) and its RuleNumbers.
    server_ids: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_outcome: Mapped[str | None] = mapped_column(Text, nullable=True)
    rule_numbers: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Migration 0004: 0 sends a new resource; N > 0 sends an amendment (an update of the
    # resource the server already holds, status amended) carrying visit revision N.
    amendment: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")

    __table_args__ = (
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_outbox_visit", "visit_id"),
    )


class VisitCorrectionRow(Base):
    """A same-day correction (migration 0004): why, when, and the visit as it was before, so
    the record keeps both versions."""

    __tablename__ = "visit_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    visit_id: Mapped[str] = mapped_column(ForeignKey("visits.id"), nullable=False)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    corrected_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    previous_json: Mapped[str] = mapped_column(Text, nullable=False)

    __table_args__ = (
        UniqueConstraint("visit_id", "revision", name="uq_visit_corrections_revision"),
    )


class OperatorRow(Base):
    """Someone who signs in at a desk (migration 0005): role, practitioner NIK, the argon2id
    hash of their PIN (never the PIN), and the lockout after wrong PINs."""

    __tablename__ = "operators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    practitioner_nik: Mapped[str] = mapped_column(String(16), nullable=False)
    pin_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    disabled: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    failed_attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # Migration 0006: the built-in demo operator (``demo``), who can never sign in.
    builtin: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())


class AuditEntryRow(Base):
    """One entry of the append-only audit log (migration 0006); see ``station.audit``."""

    __tablename__ = "audit_log"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    station_id: Mapped[str] = mapped_column(String(40), nullable=False)
    operator_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str] = mapped_column(String(120), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    record_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    record_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    record_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    detail_json: Mapped[str] = mapped_column(Text, nullable=False, server_default="{}")
    previous_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    entry_hash: Mapped[str] = mapped_column(String(64), nullable=False)

    __table_args__ = (
        Index("ix_audit_log_record", "record_kind", "record_id"),
        Index("ix_audit_log_at", "at"),
    )


class AuditHeadRow(Base):
    """The chain's last entry (one row, id 1): an append updates it first, which takes the
    row lock on PostgreSQL and the write lock on SQLite, so two desks never fork the chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    entry_hash: Mapped[str] = mapped_column(String(64), nullable=False)


class IhsNumberRow(Base):
    """SATUSEHAT IHS numbers found by NIK, so each person is looked up once."""

    __tablename__ = "ihs_numbers"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # patient | practitioner
    nik: Mapped[str] = mapped_column(String(16), primary_key=True)
    ihs_number: Mapped[str] = mapped_column(String(40), nullable=False)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


def row_dict(row: Any) -> dict[str, Any]:
    """Column values of a row (for tests and debugging)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}
