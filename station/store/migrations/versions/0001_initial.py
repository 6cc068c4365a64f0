"""Initial schema: queue counters, visits, readings, findings, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.store.models import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_counters",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("last_number", sa.Integer(), nullable=False),
    )
    op.create_table(
        "visits",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("station_id", sa.String(40), nullable=False),
        sa.Column("queue_number", sa.Integer(), nullable=False),
        sa.Column("nik", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=True),
        sa.Column("rule_set", sa.String(80), nullable=False),
        sa.Column("rule_set_version", sa.String(20), nullable=False),
    )
    op.create_index("ix_visits_status", "visits", ["status"])
    op.create_table(
        "readings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("visits.id"), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("device_id", sa.String(80), nullable=False),
        sa.Column("device_label", sa.String(120), nullable=False),
        sa.Column("simulated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("decoded_json", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("valid", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("visit_id", "sequence", name="uq_readings_visit_sequence"),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("reading_id", sa.String(36), sa.ForeignKey("readings.id"), nullable=False),
        sa.Column("parameter", sa.String(40), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("message_id", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "reading_id", sa.String(36), sa.ForeignKey("readings.id"), nullable=False, unique=True
        ),
        sa.Column("visit_id", sa.String(36), sa.ForeignKey("visits.id"), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
    )
    op.create_index("ix_outbox_status_next", "outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_status_next", table_name="outbox")
    op.drop_table("outbox")
    op.drop_table("findings")
    op.drop_table("readings")
    op.drop_index("ix_visits_status", table_name="visits")
    op.drop_table("visits")
    op.drop_table("queue_counters")
