"""Device payload -> the value painted on both screens (issue 14: p99 <= 16 ms, p50 <= 5 ms).

The real desk app (both windows, offscreen, simulated devices, a temporary SQLite file) gets
live cuff pressures as the station's loop thread delivers them (``StationBridge.deliver``,
what ``Station`` calls for every device event). The clock starts on the loop thread just
before the delivery and stops when both the operator's device status and the patient
screen's text have been painted with that pressure. The baseline, in the same run and the
same process, is the earlier design: no wake, the inbox drained by a 15 ms timer.
"""

from __future__ import annotations

import os
import random
import tempfile
import threading
import time
from pathlib import Path

from bench.rows import Row, percentile

__all__ = ["measure"]

_SPACING_S = (0.02, 0.04)  # between payloads: a cuff sends its pressure 5-50 times a second


def measure(quick: bool) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    samples = 150 if quick else 600
    with tempfile.TemporaryDirectory(prefix="vitals-bench-paint-") as folder:
        desk = _desk(Path(folder))
        try:
            woken = _latencies(app, desk, samples, poll=False)
            polled = _latencies(app, desk, samples, poll=True)
        finally:
            desk.close()
    p50, p99 = percentile(woken, 0.5), percentile(woken, 0.99)
    b50, b99 = percentile(polled, 0.5), percentile(polled, 0.99)
    note = f"{samples} payloads; baseline: the inbox drained by a 15 ms timer, same run"
    return [
        Row("payload_to_painted_p50", p50, "ms", b50, 5.0, note=note),
        Row("payload_to_painted_p99", p99, "ms", b99, 16.0, note=note),
    ]


def _desk(folder: Path):
    from config.settings import load_settings
    from station.store.database import open_database
    from station.store.repository import Store
    from ui.app import build_desk_app

    path = folder / "station.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{folder / "db.sqlite3"}"\n', encoding="utf-8")
    settings = load_settings(path, environ={})
    store = Store(open_database(settings.database.url))
    desk = build_desk_app(settings, store, simulate=True, seed=1, pace_s=0.0)
    desk.show()
    desk.patient.show()
    # The desk as during a visit: once the station has announced itself (no operator yet:
    # the sign-in page), its page in sight and the patient screen's live hints on (they show
    # during a visit only).
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + 10
    while not desk.operator.announced and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    desk.operator.pages.setCurrentWidget(desk.operator.tabs)
    desk.patient._visit_open = True
    return desk


def _latencies(app, desk, samples: int, *, poll: bool) -> list[float]:
    """Payloads at a cuff's pace while the GUI thread runs its event loop as the desk does."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    from devices.device import DeviceEvent, DeviceState
    from station.service import DeviceRole, DeviceUpdate

    bridge = desk.bridge
    bridge._wake.setEnabled(not poll)
    bridge._drain_timer.setInterval(15 if poll else 250)
    labels = {
        "desk": desk.operator.bp_panel.state_label,
        "patient": desk.patient._body,
    }
    # Pressures of 3 digits (written the same in both languages), unique while in flight.
    pending: dict[str, tuple[float, set[str]]] = {}
    latencies: list[float] = []

    class PaintWatch(QObject):
        def __init__(self, which: str) -> None:
            super().__init__()
            self.which = which

        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                text = labels[self.which].text()
                for pressure, (started, seen) in list(pending.items()):
                    if pressure in text:
                        seen.add(self.which)
                        if len(seen) == len(labels):
                            latencies.append((time.perf_counter() - started) * 1000)
                            del pending[pressure]
            return False

    watches = {which: PaintWatch(which) for which in labels}
    for which, label in labels.items():
        label.installEventFilter(watches[which])
    loop = desk.runner.loop
    rng = random.Random(7)
    waiting = QEventLoop()
    sent = 0

    def deliver(pressure: int) -> None:  # on the station's loop thread
        pending[str(pressure)] = (time.perf_counter(), set())
        event = DeviceEvent("bench", DeviceState.MEASURING, cuff_pressure=pressure)
        bridge.deliver(DeviceUpdate(DeviceRole.BLOOD_PRESSURE, "bench cuff", True, event))

    def next_payload() -> None:
        nonlocal sent
        if sent == samples:
            QTimer.singleShot(300, waiting.quit)
            return
        loop.call_soon_threadsafe(deliver, 100 + sent % 800)
        sent += 1
        QTimer.singleShot(round(rng.uniform(*_SPACING_S) * 1000), next_payload)

    try:
        QTimer.singleShot(0, next_payload)
        waiting.exec()
    finally:
        for which, label in labels.items():
            label.removeEventFilter(watches[which])
    if len(latencies) != samples:
        raise RuntimeError(f"{samples - len(latencies)} of {samples} payloads never painted")
    assert threading.current_thread() is threading.main_thread()
    del app
    return latencies
