"""Alembic environment: always run programmatically by ``station.store.database``.

The connection is handed in through ``config.attributes["connection"]`` so migrations run on
the same engine (and the same SQLite pragmas) as the station itself.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from station.store.models import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from the alembic command line
    raise RuntimeError("run migrations through station.store.database.open_database()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
