"""Message keys (issue 13): each finding keeps its catalogue key, its parameters (JSON) and
the rule set in force when it was found, beside the words it was written in. All nullable:
a row stored before keeps only its words, and its audit hash is unchanged
(station/store/record_content.py hashes the new columns only when a key is there).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("message_key", sa.String(80), nullable=True))
        batch.add_column(sa.Column("message_params", sa.Text(), nullable=True))
        batch.add_column(sa.Column("rule_set", sa.String(80), nullable=True))
        batch.add_column(sa.Column("rule_set_version", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("rule_set_version")
        batch.drop_column("rule_set")
        batch.drop_column("message_params")
        batch.drop_column("message_key")
