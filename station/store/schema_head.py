"""The schema revision this program writes: the newest alembic migration's id.

Kept as a constant so that a start on an up-to-date database reads ``alembic_version`` and
goes on without importing alembic (issue 14). ``tests/station/test_schema_head.py`` fails when
a new migration is added and this is not changed with it.
"""

from __future__ import annotations

__all__ = ["HEAD_REVISION"]

HEAD_REVISION = "0007"
