"""station.file_in_use: shared holds while a database is open, one holder alone for rekey;
real flock on a real file, across threads of this process (flock locks belong to the open
file, so two descriptors conflict as two processes would)."""

from __future__ import annotations

import gc
import threading

import pytest

from station.file_in_use import FileInUse, alone_with, hold_in_use
from station.store.database import open_database


def test_holders_share_and_keep_rekey_out_until_the_last_is_released(tmp_path):
    path = tmp_path / "station.sqlite3"
    first, second = hold_in_use(path), hold_in_use(path)
    with pytest.raises(FileInUse), alone_with(path):
        pass
    first.release()
    first.release()  # twice is harmless
    with pytest.raises(FileInUse), alone_with(path):
        pass
    second.release()
    with alone_with(path):
        pass
    assert oct(path.with_name("station.sqlite3.in-use").stat().st_mode & 0o777) == "0o600"


def test_a_hold_that_is_dropped_unreleased_frees_the_file(tmp_path):
    path = tmp_path / "station.sqlite3"
    hold = hold_in_use(path)
    del hold
    gc.collect()
    with alone_with(path):
        pass


def test_an_open_database_holds_its_file_and_close_lets_go(tmp_path):
    path = tmp_path / "station.sqlite3"
    database = open_database(f"sqlite:///{path}")
    with pytest.raises(FileInUse), alone_with(path):
        pass
    database.close()
    with alone_with(path):
        pass


def test_opening_waits_while_the_file_is_held_alone(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(f"sqlite:///{path}").close()
    opened = threading.Event()

    def desk_starts():
        open_database(f"sqlite:///{path}").close()
        opened.set()

    with alone_with(path):
        starter = threading.Thread(target=desk_starts)
        starter.start()
        assert not opened.wait(0.5)  # a rekey under way is waited for
    assert opened.wait(10)
    starter.join()
