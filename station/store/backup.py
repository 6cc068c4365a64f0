"""Every table of the station's database as plain data, and back (issue 12, ``backup`` and
``restore``), on SQLite and PostgreSQL alike.

``snapshot`` reads all tables in one read transaction, so a desk writing meanwhile gives a
backup of one moment: on SQLite an explicit ``BEGIN`` holds one WAL read snapshot across
the SELECTs (the driver opens none for reads by itself); on PostgreSQL REPEATABLE READ.
Values are tagged where JSON has no type for them (times, dates, bytes), so they come back
exactly as stored. ``replace_all`` empties every table and inserts the snapshot in one
transaction, children after parents; on PostgreSQL each serial column's sequence is set
past the restored ids, so the next visit or operator added does not collide.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Integer, func, insert, select, text

from station.store.database import Database
from station.store.models import Base

__all__ = ["SnapshotError", "replace_all", "snapshot"]


class SnapshotError(Exception):
    """The snapshot does not fit this database; the message says why, nothing was changed."""


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, content),) = value.items()
        if tag == "$datetime":
            return datetime.fromisoformat(content)
        if tag == "$date":
            return date.fromisoformat(content)
        if tag == "$bytes":
            return base64.b64decode(content, validate=True)
    return value


def _read_snapshot(connection: Connection) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns)
        rows = connection.execute(select(table).order_by(*order)).mappings()
        tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
    return tables


def snapshot(database: Database) -> dict[str, Any]:
    """``{"schema": revision, "tables": {name: [row, ...]}}`` of one moment."""
    revision = database.schema_revision()
    with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            reading = connection.execution_options(isolation_level="REPEATABLE READ")
        else:
            reading = connection
            reading.exec_driver_sql("BEGIN")
        tables = _read_snapshot(reading)
        reading.rollback()
    return {"schema": revision, "tables": tables}


def _reset_sequences(connection: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
                sequence = connection.execute(
                    text("SELECT pg_get_serial_sequence(:table, :column)"),
                    {"table": table.name, "column": column.name},
                ).scalar()
                if sequence is None:
                    continue
                highest = connection.execute(select(func.max(column))).scalar()
                connection.execute(
                    text("SELECT setval(:sequence, :value, :called)"),
                    {"sequence": sequence, "value": highest or 1, "called": highest is not None},
                )


def replace_all(database: Database, data: dict[str, Any]) -> dict[str, int]:
    """Replace every row of every table with ``data`` (a ``snapshot``) in one transaction;
    the rows per table. Refuses a snapshot of another schema or with unknown tables."""
    revision = database.schema_revision()
    if data.get("schema") != revision:
        raise SnapshotError(
            f"the backup is of database schema {data.get('schema')!r}, this station's is "
            f"{revision!r}: restore it with the version of the station that made it"
        )
    tables = data.get("tables")
    known = {table.name for table in Base.metadata.sorted_tables}
    if not isinstance(tables, dict) or set(tables) != known:
        raise SnapshotError("the backup does not hold this station's tables")
    counts: dict[str, int] = {}
    with database.engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
        for table in Base.metadata.sorted_tables:
            rows = [{k: _decode(v) for k, v in row.items()} for row in tables[table.name]]
            if rows:
                connection.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)
    return counts
