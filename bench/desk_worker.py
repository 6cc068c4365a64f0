"""``python -m bench.desk_worker CONFIG VISITS windows|alone``: the process ``bench.desk_memory``
measures. Prints one JSON line: RSS and Python-heap growth per visit, and where the heap grew.

Phases: ``WARM_UP`` visits; RSS read; ``VISITS`` visits; RSS read (tracemalloc off, so its
own bookkeeping is not in the figure); then tracemalloc on and ``TRACED`` more visits, whose
surviving allocations (top 10 by line) say where memory goes.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.desk_memory import PER_DAY, WARM_UP

TRACED = 200
_NAME = "Bench Operator"
_PIN = "482915"
_PRACTITIONER_NIK = "3171014403800001"
_BIRTH = date(1985, 7, 15)
_TIMEOUT_S = 60.0


class _Clock:
    """The station's clock: real time plus what the bench lets pass (the protocol's minute
    between blood-pressure readings, the night between two clinic days)."""

    def __init__(self) -> None:
        self._offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC).astimezone() + self._offset

    def advance(self, seconds: float) -> None:
        self._offset += timedelta(seconds=seconds)

    def next_morning(self) -> None:
        now = self()
        morning = (now + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
        self._offset += morning - now


def _rss_kb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024


class _Driver:
    """Runs visits through a ``StationBridge`` as the desk's buttons would, waiting on its
    signals (the GUI thread's event loop runs while it waits)."""

    def __init__(self, app: Any, bridge: Any, clock: _Clock) -> None:
        from station.desk_state import Action

        self._app = app
        self._bridge = bridge
        self._clock = clock
        self._action = Action
        self.counts: dict[str, int] = {}
        self.allowed: frozenset[Any] = frozenset()
        self.failed: list[Any] = []
        self.busy = False
        for name in ("queueCalled", "visitOpened", "readingStored", "visitConfirmed"):
            self.counts[name] = 0
            getattr(bridge, name).connect(self._counter(name))
        bridge.deskChanged.connect(self._desk_changed)
        bridge.actionFailed.connect(self.failed.append)
        bridge.signInFailed.connect(self.failed.append)
        bridge.busyChanged.connect(self._busy)
        self.operator: Any = None
        bridge.operatorChanged.connect(self._operator)

    def _counter(self, name: str) -> Callable[[object], None]:
        def count(_event: object) -> None:
            self.counts[name] += 1

        return count

    def _desk_changed(self, event: Any) -> None:
        self.allowed = event.allowed

    def _busy(self, busy: bool) -> None:
        self.busy = busy

    def _operator(self, event: Any) -> None:
        self.operator = event.operator

    def _until(self, done: Callable[[], bool], what: str) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + _TIMEOUT_S
        while not done():
            if self.failed:
                raise RuntimeError(f"{what}: {self.failed[-1]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what}: timed out")
            self._app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        self._app.processEvents()

    def _act(self, start: Callable[[], None], signal: str, what: str) -> None:
        before = self.counts[signal]
        start()
        self._until(lambda: self.counts[signal] > before and not self.busy, what)

    def sign_in(self) -> None:
        self._until(lambda: self.allowed or self.operator is None, "desk ready")
        self._bridge.sign_in(_NAME, _PIN)
        self._until(lambda: self.operator is not None and not self.busy, "sign in")

    def visit(self, number: int) -> None:
        from station.critical import Acknowledgement, CriticalAction
        from station.service import DeviceRole, ErrorCode

        action = self._action
        if number and number % PER_DAY == 0:
            self._clock.next_morning()
        if number and number % 100 == 0:
            sys.stderr.write(f"desk_worker: {number} visits, RSS {_rss_kb() / 1024:.1f} MB\n")
        bridge = self._bridge
        self._act(bridge.call_next, "queueCalled", "call next")
        nik = f"317401550785{number % 9_999 + 1:04d}"  # serials start at 0001
        opened = lambda: bridge.start_visit(nik, f"Bench Person {number}", _BIRTH)  # noqa: E731
        self._act(opened, "visitOpened", "start visit")
        for taken in range(3):
            if taken >= 2 and action.CONFIRM_EARLY not in self.allowed:
                break
            self._clock.advance(90)  # the protocol's minute between readings
            measure = lambda: bridge.measure(DeviceRole.BLOOD_PRESSURE)  # noqa: E731
            self._act(measure, "readingStored", "blood pressure")
            self._until(lambda: action.MEASURE_DONE not in self.allowed, "cuff done")
        oximeter = lambda: bridge.measure(DeviceRole.OXIMETER)  # noqa: E731
        self._act(oximeter, "readingStored", "oximeter")
        self._until(lambda: action.MEASURE_DONE not in self.allowed, "oximeter done")
        before = self.counts["visitConfirmed"]
        bridge.confirm()
        self._until(lambda: self.counts["visitConfirmed"] > before or self._refused(), "confirm")
        if self.failed:
            error = self.failed.pop()
            if error.code is not ErrorCode.NEEDS_ACKNOWLEDGEMENT:
                raise RuntimeError(f"confirm: {error}")
            done = lambda: bridge.confirm(Acknowledgement(CriticalAction.REFERRED))  # noqa: E731
            self._act(done, "visitConfirmed", "confirm a critical result")
        self._until(lambda: not self.busy, "confirmed")
        self._clock.advance(60)

    def _refused(self) -> bool:
        return bool(self.failed) and not self.busy


def _desk(settings: Any, store: Any, clock: _Clock) -> tuple[Any, Callable[[], None]]:
    from ui.app import build_desk_app

    desk = build_desk_app(
        settings, store, simulate=True, seed=14, pace_s=0.0, clock=clock, idle_clock=lambda: 0.0
    )
    desk.show()
    return desk.bridge, desk.close


def _alone(settings: Any, store: Any, clock: _Clock) -> tuple[Any, Callable[[], None]]:
    """The station, its devices and the bridge as ``build_desk_app`` wires them; no window."""
    from station.wiring import build_devices, build_station
    from ui.async_runner import AsyncRunner
    from ui.bridge import StationBridge
    from ui.gui_gc import GuiThreadCollector

    collector = GuiThreadCollector()
    runner = AsyncRunner()
    bridge = StationBridge(runner)
    devices = build_devices(settings, simulate=True, seed=14, pace_s=0.0)
    station = build_station(
        settings, store, devices, bridge.deliver, clock=clock, sign_in_required=True
    )
    bridge.attach(station)
    runner.start()
    bridge.announce_operator()

    def close() -> None:
        bridge.stop()
        runner.stop()
        station.close()
        store.database.close()
        collector.close()

    return bridge, close


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from config.settings import load_settings
    from station.audit import Actor
    from station.store.database import open_database
    from station.store.operators import OperatorStore
    from station.store.repository import Store

    config, visits, mode = Path(argv[0]), int(argv[1]), argv[2]
    app = QApplication([])
    settings = load_settings(config, environ={})
    store = Store(open_database(settings.database.url))
    OperatorStore(store.database).add(
        _NAME,
        "admin",
        _PRACTITIONER_NIK,
        _PIN,
        datetime.now(UTC),
        actor=Actor.os_account("bench"),
        station_id="bench",
    )
    clock = _Clock()
    bridge, close = (_desk if mode == "windows" else _alone)(settings, store, clock)
    driver = _Driver(app, bridge, clock)
    driver.sign_in()
    started = time.monotonic()
    for number in range(WARM_UP):
        driver.visit(number)
    gc.collect()
    rss_before = _rss_kb()
    for number in range(WARM_UP, WARM_UP + visits):
        driver.visit(number)
    gc.collect()
    rss_after = _rss_kb()
    seconds = time.monotonic() - started
    tracemalloc.start(8)
    heap_before = tracemalloc.take_snapshot()
    for number in range(WARM_UP + visits, WARM_UP + visits + TRACED):
        driver.visit(number)
    gc.collect()
    heap_after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    diff = heap_after.compare_to(heap_before, "lineno")
    grown = sum(stat.size_diff for stat in diff)
    top = [
        f"{stat.traceback[0].filename.rsplit('/', 2)[-1]}:{stat.traceback[0].lineno} "
        f"{stat.size_diff / 1024:+.1f} KB ({stat.count_diff:+d})"
        for stat in diff[:10]
    ]
    where = [
        " <- ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in stat.traceback)
        + f" {stat.size_diff / 1024:+.1f} KB"
        for stat in heap_after.compare_to(heap_before, "traceback")[:5]
    ]
    close()
    result = {
        "mode": mode,
        "visits": visits,
        "rss_kb_before": rss_before,
        "rss_kb_after": rss_after,
        "rss_kb_per_visit": (rss_after - rss_before) / visits,
        "heap_kb_per_visit": grown / 1024 / TRACED,
        "top": top,
        "where": where,
        "seconds": seconds,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
