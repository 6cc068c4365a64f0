"""Garbage cycles holding Qt objects are collected on the GUI thread, never on the desk's
other threads (ui.gui_gc; the teardown deadlock it prevents is in its docstring)."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QObject

from station.service import Station
from station.upload.background import BackgroundUpload
from tests.ui.conftest import desk_app
from ui.gui_gc import GuiThreadCollector


class _CycleMember:
    """One half of a garbage cycle; records the thread that freed it."""

    freed_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.partner: object = None
        self.qt_object = QObject()

    def __del__(self) -> None:
        _CycleMember.freed_on.append(threading.current_thread().name)


def _allocate_on_a_worker_thread(count: int) -> None:
    def churn() -> None:
        kept = [[] for _ in range(count)]  # container objects: they count towards gc
        del kept

    worker = threading.Thread(target=churn, name="worker")
    worker.start()
    worker.join()


def test_a_cycle_with_a_qt_object_is_freed_on_the_gui_thread_not_a_worker(qtbot):
    _CycleMember.freed_on.clear()
    collector = GuiThreadCollector()
    try:
        first, second = _CycleMember(), _CycleMember()
        first.partner, second.partner = second, first
        del first, second
        # Far past the young generation's threshold, on another thread: with automatic
        # collection on, this thread would free the cycle (and destroy its QObjects).
        _allocate_on_a_worker_thread(50 * gc.get_threshold()[0])
        assert _CycleMember.freed_on == []
        # Kept young objects past the threshold: the GUI timer's next look collects.
        retained = [[] for _ in range(2 * gc.get_threshold()[0])]
        qtbot.waitUntil(lambda: len(_CycleMember.freed_on) == 2, timeout=5000)
        assert set(_CycleMember.freed_on) == {threading.main_thread().name}
        del retained
    finally:
        collector.close()


def test_closing_gives_automatic_collection_back_and_collects_what_is_left(qtbot):
    _CycleMember.freed_on.clear()
    assert gc.isenabled()
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    first, second = _CycleMember(), _CycleMember()
    first.partner, second.partner = second, first
    del first, second
    collector.close()
    assert gc.isenabled()
    assert _CycleMember.freed_on == [threading.main_thread().name] * 2


def test_automatic_collection_comes_back_only_when_the_last_collector_closes(qtbot):
    first, second = GuiThreadCollector(), GuiThreadCollector()
    first.close()
    assert not gc.isenabled()  # the second desk still runs
    second.close()
    assert gc.isenabled()


def test_the_station_and_the_upload_hold_no_reference_to_the_bridge(qtbot, settings):
    """What the loop thread owns reports through the bridge's inbox, not a bound method of
    the bridge: no cycle through a QObject that another thread's collector could free."""
    app = desk_app(settings, seed=3, pace_s=0.0)
    try:
        for owner in (app.station, _background_upload(app)):
            referents = _reachable_attributes(owner)
            assert not any(isinstance(item, QObject) for item in referents), owner
        assert not gc.isenabled()  # the desk collects on its GUI thread while it runs
    finally:
        app.close()
    assert gc.isenabled()


def _background_upload(app) -> BackgroundUpload:
    upload = app.bridge._upload  # the one the desk runs
    assert isinstance(upload, BackgroundUpload)
    return upload


def _reachable_attributes(owner: Station | BackgroundUpload) -> list[object]:
    """The objects ``owner``'s attributes refer to, with bound methods' owners."""
    found: list[object] = []
    for value in vars(owner).values():
        found.append(value)
        bound_to = getattr(value, "__self__", None)
        if bound_to is not None:
            found.append(bound_to)
    return found
