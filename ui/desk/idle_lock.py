"""The desk's idle lock (issue 12): any key press, click or wheel turn in the application
counts as activity; once a second the rule (``station.idle_lock``) decides whether the desk
has been idle long enough to lock. Idle time is taken on a monotonic clock (seconds), never
the wall clock or the station's clock."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from station.idle_lock import lock_due

__all__ = ["IdleLock"]

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_INTERVAL_MS = 1000


class IdleLock(QObject):
    idle = Signal()  # the desk has been idle for ``lock_after_minutes``

    def __init__(
        self,
        lock_after_minutes: int,
        parent: QObject | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._minutes = lock_after_minutes
        self._last = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def lock_after_minutes(self) -> int:
        return self._minutes

    def start(self) -> None:
        """Count from now (an operator has just signed in)."""
        self._last = self._clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def close(self) -> None:
        """For good: stopped, and no longer watching the application's events."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False

    def _check(self) -> None:
        if lock_due(self._clock() - self._last, self._minutes):
            self.timer.stop()
            self.idle.emit()
