"""Opening the station database: engine, durability settings, migrations.

SQLite is the default (one file in the platform's user data folder). It runs in WAL mode with
``synchronous=FULL`` so that a committed reading survives a power cut, not just a crash of
the process (with WAL, ``NORMAL`` may lose the last transactions on power loss; see
https://www.sqlite.org/pragma.html#pragma_synchronous). PostgreSQL works with the same code.
The schema is always brought to the latest migration when the database is opened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Database", "DatabaseError", "default_database_url", "open_database"]

_LOGGER = logging.getLogger(__name__)

APP_NAME = "vitals-station"
SQLITE_FILE_NAME = "station.sqlite3"
# Wait this long for another desk or process holding the SQLite write lock.
SQLITE_BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message says which and why."""


def default_database_url() -> str:
    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / SQLITE_FILE_NAME}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("station.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


@dataclass(frozen=True)
class Database:
    """An open, migrated database."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"database URL is not a valid SQLAlchemy URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"cannot create the folder for the database file {path}: {exc.strerror}"
                ) from exc
        engine = create_engine(
            parsed, connect_args={"check_same_thread": False}, pool_pre_ping=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ImportError, ArgumentError) as exc:
        raise DatabaseError(
            f"database driver for {parsed.drivername!r} is not installed or not supported: {exc}"
        ) from exc


def open_database(url: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``url`` (default: SQLite file)."""
    url = url or default_database_url()
    engine = _create_engine(url)
    try:
        with engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseError(
            f"cannot open the database {make_url(url).render_as_string(hide_password=True)}: "
            f"{exc.orig}"
        ) from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot migrate the database: {type(exc).__name__}") from exc
    _LOGGER.debug("database ready at %s", make_url(url).render_as_string(hide_password=True))
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        url=url,
    )
