"""The desk day (issue 11): queue calls (recall, skip), discarded readings, a reason for
confirming before the blood-pressure protocol is complete, same-day corrections with the
versions they replaced, and outbox entries that must reach the server as an amendment.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.store.models import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_calls",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("queue_number", sa.Integer(), primary_key=True),
        sa.Column("station_id", sa.String(40), nullable=False),
        sa.Column("called_at", UTCDateTime(), nullable=False),
        sa.Column("last_called_at", UTCDateTime(), nullable=False),
        sa.Column("recalls", sa.Integer(), nullable=False, server_default="0"),
        # called | visit | skipped
        sa.Column("outcome", sa.String(16), nullable=False, server_default="called"),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_queue_calls_station", "queue_calls", ["station_id", "outcome"])
    with op.batch_alter_table("readings") as batch:
        batch.add_column(sa.Column("discarded_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("discarded_at", UTCDateTime(), nullable=True))
        batch.add_column(
            sa.Column("revision", sa.Integer(), nullable=False, server_default="1")
        )
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("early_confirm_reason", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column("revision", sa.Integer(), nullable=False, server_default="1")
        )
        batch.add_column(sa.Column("corrected_at", UTCDateTime(), nullable=True))
    op.create_table(
        "visit_corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("visits.id"), nullable=False),
        # the visit's revision this correction created (the first correction makes 2)
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("corrected_at", UTCDateTime(), nullable=False),
        # JSON: the visit as it was before (referral, readings with values, findings, state)
        sa.Column("previous_json", sa.Text(), nullable=False),
        sa.UniqueConstraint("visit_id", "revision", name="uq_visit_corrections_revision"),
    )
    with op.batch_alter_table("outbox") as batch:
        # 0: send as a new resource; N > 0: send as an amendment (update of the resource the
        # server holds, status amended) carrying visit revision N.
        batch.add_column(
            sa.Column("amendment", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("amendment")
    op.drop_table("visit_corrections")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("corrected_at")
        batch.drop_column("revision")
        batch.drop_column("early_confirm_reason")
    with op.batch_alter_table("readings") as batch:
        batch.drop_column("revision")
        batch.drop_column("discarded_at")
        batch.drop_column("discarded_reason")
    op.drop_index("ix_queue_calls_station", "queue_calls")
    op.drop_table("queue_calls")
