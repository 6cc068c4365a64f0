"""A visit's outcome: referral level, and the acknowledgement of a critical result.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station.store.models import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot ALTER TABLE ADD COLUMN with every constraint; Alembic copies.
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("referral", sa.String(16), nullable=True))
        batch.add_column(sa.Column("acknowledged_action", sa.String(20), nullable=True))
        batch.add_column(sa.Column("acknowledged_note", sa.String(500), nullable=True))
        batch.add_column(sa.Column("acknowledged_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("acknowledged_at")
        batch.drop_column("acknowledged_note")
        batch.drop_column("acknowledged_action")
        batch.drop_column("referral")
