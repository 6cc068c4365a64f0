"""Who did what (issue 12): the operator behind each reading and each step of a visit, the
built-in demo operator, the purge of personal data after upload, and the append-only,
hash-chained audit log with its single head row (appends across desks are serialised by
updating that row first, so the chain never forks).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.store.models import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_VISIT_STEPS = ("started_by", "confirmed_by", "acknowledged_by", "cancelled_by")


def upgrade() -> None:
    with op.batch_alter_table("operators") as batch:
        batch.add_column(
            sa.Column("builtin", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("readings") as batch:
        batch.add_column(sa.Column("operator_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("discarded_by", sa.Integer(), nullable=True))
    with op.batch_alter_table("visits") as batch:
        for step in _VISIT_STEPS:
            batch.add_column(sa.Column(step, sa.Integer(), nullable=True))
        batch.add_column(sa.Column("purged_at", UTCDateTime(), nullable=True))
    op.create_table(
        "audit_log",
        # 1, 2, 3 … with no gap: a deleted or inserted entry shows as a break in the numbers
        # or in the chain of hashes.
        sa.Column("sequence", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("station_id", sa.String(40), nullable=False),
        # The operator signed in at the desk, or None for the command line (then ``actor``
        # names the OS account, "os:alice").
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("record_kind", sa.String(20), nullable=True),  # visit | reading | operator …
        sa.Column("record_id", sa.String(64), nullable=True),
        # SHA-256 (hex) of the record's content after the action, for a reading or visit.
        sa.Column("record_hash", sa.String(64), nullable=True),
        sa.Column("detail_json", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_record", "audit_log", ["record_kind", "record_id"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )
    # The chain starts from 64 zeros (station.audit.GENESIS_HASH, written out here because a
    # migration must not change when that module does).
    op.bulk_insert(head, [{"id": 1, "sequence": 0, "entry_hash": "0" * 64}])


def downgrade() -> None:
    op.drop_table("audit_head")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_index("ix_audit_log_record", table_name="audit_log")
    op.drop_table("audit_log")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("purged_at")
        for step in reversed(_VISIT_STEPS):
            batch.drop_column(step)
    with op.batch_alter_table("readings") as batch:
        batch.drop_column("discarded_by")
        batch.drop_column("operator_id")
    with op.batch_alter_table("operators") as batch:
        batch.drop_column("builtin")
