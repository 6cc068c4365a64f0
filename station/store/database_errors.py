"""The database's errors, apart from the engine code: the command line catches them without
importing SQLAlchemy or alembic (``decode`` starts in a fraction of a second, issue 14)."""

from __future__ import annotations

__all__ = ["DatabaseError"]


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message says which and why."""
