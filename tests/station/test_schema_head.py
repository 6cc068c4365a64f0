"""The constant the fast start trusts is the migrations' real head."""

from __future__ import annotations

import subprocess
import sys

from station.store.database import head_revision, open_database
from station.store.schema_head import HEAD_REVISION


def test_the_constant_is_the_newest_migration():
    assert head_revision() == HEAD_REVISION


def test_a_start_on_a_current_database_does_not_import_alembic(tmp_path, db_url):
    open_database(db_url).close()  # created and migrated (alembic runs here)
    probe = (
        "import sys\n"
        "from station.store.database import open_database\n"
        f"open_database({db_url!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.strip() == "False"


def test_a_database_from_a_newer_program_is_still_refused(db_url):
    """Not at head: the full way through alembic, which refuses a revision it does not know."""
    import pytest
    from sqlalchemy import text

    from station.store.database import DatabaseError

    database = open_database(db_url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    database.close()
    with pytest.raises(DatabaseError, match="'0099', newer than this program knows"):
        open_database(db_url)
