"""Upload bookkeeping: per-visit upload lease and Encounter id, per-entry server ids and the
server's answer, cached IHS numbers, and an index for a person's earlier visits.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.store.models import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("encounter_server_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("upload_claimed_by", sa.String(80), nullable=True))
        batch.add_column(sa.Column("upload_lease_until", UTCDateTime(), nullable=True))
    op.create_index("ix_visits_nik", "visits", ["nik"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("server_ids", sa.Text(), nullable=True))
        batch.add_column(sa.Column("last_outcome", sa.Text(), nullable=True))
        batch.add_column(sa.Column("rule_numbers", sa.String(200), nullable=True))
    op.create_index("ix_outbox_visit", "outbox", ["visit_id"])
    op.create_table(
        "ihs_numbers",
        sa.Column("kind", sa.String(16), primary_key=True),  # patient | practitioner
        sa.Column("nik", sa.String(16), primary_key=True),
        sa.Column("ihs_number", sa.String(40), nullable=False),
        sa.Column("fetched_at", UTCDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("ihs_numbers")
    op.drop_index("ix_outbox_visit", "outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("rule_numbers")
        batch.drop_column("last_outcome")
        batch.drop_column("server_ids")
    op.drop_index("ix_visits_nik", "visits")
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("upload_lease_until")
        batch.drop_column("upload_claimed_by")
        batch.drop_column("encounter_server_id")
