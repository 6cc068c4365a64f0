"""Opening the station database: engine, durability settings, migrations.

SQLite is the default (one file in the platform's user data folder), encrypted with SQLCipher
(issue 12; the key: ``station.store.db_key``, the file's conversions:
``station.store.encryption``). It runs in WAL mode with
``synchronous=FULL`` so that a committed reading survives a power cut, not just a crash of
the process (with WAL, ``NORMAL`` may lose the last transactions on power loss; see
https://www.sqlite.org/pragma.html#pragma_synchronous). PostgreSQL works with the same code.
The schema is always brought to the latest migration when the database is opened.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from station.file_in_use import InUseHold, hold_in_use
from station.files import folder_lock
from station.store.database_errors import DatabaseError
from station.store.db_key import DatabaseKey, DatabaseKeyError, create_key, find_key
from station.store.encryption import (
    EncryptionError,
    FileState,
    encrypt_plain_file,
    file_state,
    finish_interrupted_rekey,
    wipe_leftovers,
)
from station.store.schema_head import HEAD_REVISION

__all__ = [
    "Database",
    "DatabaseBusy",
    "DatabaseError",
    "DatabaseReadOnly",
    "default_database_url",
    "open_database",
]

_LOGGER = logging.getLogger(__name__)

APP_NAME = "vitals-station"
SQLITE_FILE_NAME = "station.sqlite3"
# Wait this long for another desk or process holding the SQLite write lock.
SQLITE_BUSY_TIMEOUT_MS = 10_000
_WAL_RETRY_S = 0.02  # between tries of the journal-mode switch (_switch_to_wal)


class DatabaseBusy(DatabaseError):
    """Another process held the database's write lock for longer than we wait."""


class DatabaseReadOnly(DatabaseError):
    """The database refuses writes (a read-only file, folder or connection)."""


def default_database_url() -> str:
    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / SQLITE_FILE_NAME}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # After the key (the pysqlcipher dialect's own connect handler runs first): a wrong key
    # is our one clear error, not SQLCipher's log lines on standard error.
    cursor.execute("PRAGMA cipher_log_level = NONE")
    # First, so that the journal-mode switch of a brand-new file waits for a second process
    # opening it at the same moment instead of failing (issue 13).
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode=WAL``, retried while another process holds the lock it needs.

    The busy timeout does not always cover it: "If SQLite determines that invoking the busy
    handler could result in a deadlock, it will go ahead and return SQLITE_BUSY to the
    application instead of invoking the busy handler" (https://www.sqlite.org/c3ref/busy_handler.html),
    which is what two processes switching a brand-new file at the same moment can meet
    (seen in tests/station/test_migration_race.py). So: try again for as long as the busy
    timeout would have waited, then let the error say the database is busy."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except (sqlite3.OperationalError, _cipher_operational_error()) as exc:
            text_of = str(exc)
            busy = "database is locked" in text_of or "database is busy" in text_of
            if not busy or time.monotonic() >= deadline:
                raise
            time.sleep(_WAL_RETRY_S)


def _translate_sqlite_error(context: ExceptionContext) -> None:
    """Turn SQLite's lock and read-only errors into errors that say what to do (issue 13,
    16); raised from here they replace SQLAlchemy's own exception."""
    original = context.original_exception
    if not isinstance(original, sqlite3.OperationalError | _cipher_operational_error()):
        return
    message = str(original)
    if "database is locked" in message or "database is busy" in message:
        raise DatabaseBusy(
            "database is busy: another process held its write lock for more than "
            f"{SQLITE_BUSY_TIMEOUT_MS // 1000} s, so the last change was not made; try again "
            "when it has finished"
        ) from original
    if "readonly database" in message or "read-only" in message:
        raise DatabaseReadOnly(
            "database is read-only (the file, its folder or the connection refuses writes); "
            "nothing was changed: make it writable for this user"
        ) from original


def _cipher_operational_error() -> type[Exception]:
    import sqlcipher3  # noqa: PLC0415 - loaded with the first SQLite database anyway

    error: type[Exception] = sqlcipher3.dbapi2.OperationalError
    return error


def _sqlite_key(path: Path) -> DatabaseKey:
    """The key that opens ``path``, after turning a plain file from an earlier version into
    an encrypted one (under the folder's lock: two processes opening it at once convert it
    once). A key is made only for a database that has none yet; an encrypted file with no
    key found is an error, never a fresh empty database."""
    with folder_lock(path.parent):
        try:
            key = find_key()
        except DatabaseKeyError as exc:
            raise DatabaseError(str(exc)) from exc
        if key is not None and finish_interrupted_rekey(path, key):
            sys.stderr.write(f"note: an interrupted rekey of the database {path} was completed.\n")
            _LOGGER.warning("interrupted rekey of %s completed", path)
        wipe_leftovers(path)
        state = file_state(path)
        try:
            if state is FileState.ENCRYPTED:
                if key is None:
                    raise DatabaseError(
                        f"the database file {path} is encrypted and no key was found: set "
                        "VITALS_STATION_DB_KEY, or bring back the OS keyring entry or the key "
                        "file it was made with; nothing was changed"
                    )
                return key
            key = key or create_key()
        except DatabaseKeyError as exc:
            raise DatabaseError(str(exc)) from exc
        if state is FileState.PLAIN:
            try:
                encrypt_plain_file(path, key)
            except EncryptionError as exc:
                raise DatabaseError(f"cannot encrypt the database {path}: {exc}") from exc
            except Exception as exc:  # sqlcipher3's errors, OSError: the original is kept
                raise DatabaseError(
                    f"cannot encrypt the database {path}: {_one_line(exc)}; the original is kept"
                ) from exc
            sys.stderr.write(f"note: the database {path} was encrypted (SQLCipher).\n")
            _LOGGER.warning("plain database %s encrypted in place", path)
        return key


if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic (with mako and the migration scripts) is imported only when the schema is not at
# HEAD_REVISION already: a fifth of a second off every start (issue 14).


def _alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - see above

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
    # A SQLite file's shared in-use hold (station.file_in_use), dropped on close.
    in_use: InUseHold | None = None

    @property
    def display_url(self) -> str:
        """The URL without its password, to show or log."""
        return _display(self.url)

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()
        if self.in_use is not None:
            self.in_use.release()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


_MEMORY_NAMES = ("", ":memory:")
_PRIVATE_FILE = 0o600
_PRIVATE_FOLDER = 0o700


def _sqlite_path(parsed: URL) -> Path:
    """The file of an SQLite URL; refuses URLs that name no file or an in-memory database.

    In-memory is refused rather than made to work: every command is its own process, so an
    in-memory station database loses every reading when the command ends (``demo`` would
    report visits that no longer exist), which breaks "nothing lost" (docs/design.md section 1).
    """
    if parsed.host:
        raise DatabaseError(
            f"SQLite URL {parsed.render_as_string()!r} names a host, not a file: use "
            "sqlite:///relative/path.sqlite3 or sqlite:////absolute/path.sqlite3"
        )
    database = parsed.database or ""
    memory = (
        database in _MEMORY_NAMES
        or database.startswith("file::memory:")
        or parsed.query.get("mode") == "memory"
        or "mode=memory" in database
    )
    if memory:
        raise DatabaseError(
            "an in-memory SQLite database keeps nothing once the command ends: give a file, "
            "e.g. sqlite:////var/lib/vitals-station/station.sqlite3"
        )
    if database.startswith("file:"):
        return Path(database.removeprefix("file:").split("?", 1)[0])
    return Path(database)


def _tighten(path: Path, mode: int) -> None:
    """Take away group and other permissions (never add any: a read-only file stays so)."""
    try:
        current = path.stat().st_mode & 0o777
        if current & ~mode:
            path.chmod(current & mode)
    except OSError:
        pass  # not ours (another user's file) or gone: SQLite says what matters on open


def _prepare_sqlite_file(path: Path, *, create_folder: bool) -> None:
    """The folder must exist (the default one is created, 0700); the file is created 0600
    before SQLite sees it, so its -wal and -shm files, which SQLite creates with the
    database file's permissions, are 0600 too (issue 12)."""
    folder = path.parent
    if create_folder:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=_PRIVATE_FOLDER)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the folder for the database file {path}: {exc.strerror}"
            ) from exc
        _tighten(folder, _PRIVATE_FOLDER)
    elif not folder.is_dir():
        # A typo in VITALS_STATION_DB must not start a fresh, empty queue (issue 16).
        raise DatabaseError(
            f"the folder {folder} of the database file does not exist: create it, or "
            "correct the database URL (VITALS_STATION_DB or [database] url)"
        )
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE_FILE)
    except FileExistsError:
        pass
    except OSError as exc:
        raise DatabaseError(f"cannot create the database file {path}: {exc.strerror}") from exc
    else:
        os.close(descriptor)  # an empty file is an empty SQLite database
    for companion in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if companion.exists():
            _tighten(companion, _PRIVATE_FILE)


def _create_engine(url: str, *, create_folder: bool) -> tuple[Engine, InUseHold | None]:
    """The engine, and for a SQLite file this process's hold on it (see ``Database``)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"database URL is not a valid SQLAlchemy URL: {url!r}") from exc
    if parsed.get_backend_name() != "sqlite":
        return _server_engine(url, parsed), None
    path = _sqlite_path(parsed)
    _prepare_sqlite_file(path, create_folder=create_folder)
    # Taken first: a rekey under way (which holds the file alone) is waited for.
    hold = hold_in_use(path)
    try:
        return _sqlite_engine(url, parsed, path), hold
    except BaseException:
        hold.release()
        raise


def _sqlite_engine(url: str, parsed: URL, path: Path) -> Engine:
    key = _sqlite_key(path)
    # The pysqlcipher dialect (sqlcipher3) runs ``PRAGMA key`` on every new connection
    # before anything else; the raw-key literal needs no key derivation. Its default
    # pool keeps one connection per thread; the station's threads share a queue pool,
    # as with plain SQLite. No pre-ping: a SQLite connection is a file handle in this
    # process, with no server that could have dropped it, and the ping was a SELECT 1
    # before every transaction (issue 14: an upload runs three per visit).
    cipher = parsed.set(drivername="sqlite+pysqlcipher", password=f"x'{key.hex}'")
    try:
        engine = create_engine(
            cipher,
            connect_args={"check_same_thread": False},
            poolclass=QueuePool,
        )
    except (ImportError, ArgumentError) as exc:
        raise DatabaseError(f"database URL {url!r} is not usable: {exc}") from exc
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "handle_error", _translate_sqlite_error)
    return engine


def _server_engine(url: str, parsed: URL) -> Engine:
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ImportError, ArgumentError) as exc:
        raise DatabaseError(
            f"database driver for {parsed.drivername!r} is not installed or not supported: {exc}"
        ) from exc


# Any constant works; every station uses the same one (pg_advisory_xact_lock takes a bigint).
_PG_MIGRATION_LOCK = 0x76697461  # "vita"


def _lock_for_migration(connection: Connection) -> None:
    """One process at a time checks and upgrades the schema (issue 13: two processes opening
    a new database at once both created ``queue_counters``). SQLite: an exclusive
    transaction (the second process waits up to the busy timeout, then finds the schema
    done); PostgreSQL: a transaction-scoped advisory lock."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN EXCLUSIVE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})


def _refuse_unknown_revision(connection: Connection, script: ScriptDirectory) -> set[str]:
    """The database's schema revisions; one this program does not know (a newer version
    wrote it) is refused, leaving the database untouched."""
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
    from alembic.script.revision import ResolutionError  # noqa: PLC0415
    from alembic.util import CommandError  # noqa: PLC0415

    heads = set(MigrationContext.configure(connection).get_current_heads())
    for revision in heads:
        try:
            known = script.get_revision(revision)
        except (CommandError, ResolutionError):
            known = None
        if known is None:
            raise DatabaseError(
                f"the database has schema revision {revision!r}, newer than this program "
                f"knows (latest {script.get_current_head()!r}); nothing was changed: use the "
                "newer version of vitals-station"
            )
    return heads


def _display(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unparsable URL)"


def _one_line(error: object) -> str:
    return " ".join(str(error).split())


def open_database(url: str | None = None) -> Database:
    """Open (creating if needed) and migrate the database at ``url`` (default: SQLite file
    in the user data folder, whose folder is created; a given URL's folder must exist)."""
    create_folder = not url
    url = url or default_database_url()
    engine, in_use = _create_engine(url, create_folder=create_folder)
    try:
        _migrate(engine, url)
    except BaseException:
        if in_use is not None:
            in_use.release()
        raise
    _LOGGER.debug("database ready at %s", _display(url))
    return Database(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        url=url,
        in_use=in_use,
    )


def _at_head(engine: Engine) -> bool:
    """Whether the schema is at this program's head already (the usual start), read without
    alembic; anything else (no table yet, another revision) goes the full way."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, ProgrammingError):
        return False  # no alembic_version table: a new database
    return [row[0] for row in rows] == [HEAD_REVISION]


def _migrate(engine: Engine, url: str) -> None:
    """Bring the schema to head (or refuse); the engine is disposed when that fails."""
    try:
        if _at_head(engine):
            return
        from alembic import command  # noqa: PLC0415 - only when the schema is behind
        from alembic.script import ScriptDirectory  # noqa: PLC0415

        config = _alembic_config()
        script = ScriptDirectory.from_config(config)  # read once: start-up time
        with engine.connect() as connection:
            # Already current (the usual case): no lock, so a reader such as ``status``
            # never waits for a desk that is writing.
            current = _refuse_unknown_revision(connection, script)
        if current != {script.get_current_head()}:
            with engine.begin() as connection:
                _lock_for_migration(connection)
                _refuse_unknown_revision(connection, script)  # another process may have won
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except DatabaseError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        if "file is not a database" in str(exc.orig):
            raise DatabaseError(
                f"cannot open the database {_display(url)}: the database key does not open "
                "it (a wrong key, or the file is not a station database); nothing was changed"
            ) from exc
        raise DatabaseError(
            f"cannot open the database {_display(url)}: {_one_line(exc.orig)}"
        ) from exc
    except Exception as exc:
        if not isinstance(exc, SQLAlchemyError) and not _is_alembic_error(exc):
            raise
        engine.dispose()
        raise DatabaseError(f"cannot migrate the database: {type(exc).__name__}") from exc


def _is_alembic_error(exc: Exception) -> bool:
    """Whether ``exc`` is alembic's (imported here, not at start: see _alembic_config)."""
    if "alembic" not in sys.modules:
        return False
    from alembic.util import CommandError  # noqa: PLC0415

    return isinstance(exc, CommandError)
