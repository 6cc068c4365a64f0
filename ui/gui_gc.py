"""Python's cycle collector, run on the GUI thread only while the desk is up.

Why: the automatic collector runs on whichever thread allocates past its threshold. The desk
has threads of its own (the station loop, the store's and the upload's database threads), so
a garbage cycle that holds a Qt object could be collected there, and the QObject destroyed
off the GUI thread while the GUI thread is deleting widgets: undefined in Qt, and seen here as
a deadlock in ``QWidget::~QWidget`` during a test's teardown. calibre's GUI does the same for
the same reason: automatic collection off, the thresholds checked on a GUI timer.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["GuiThreadCollector"]

# How often the counts are looked at; a collection itself takes well under a millisecond
# for the desk's young generation.
CHECK_INTERVAL_MS = 1000
# Collectors alive now, and whether automatic collection was on before the first (two desks
# in one process, as in tests, hand it back only when the last one closes).
_alive = 0
_enabled_before = True


class GuiThreadCollector(QObject):
    """Turns the automatic collector off and collects from a timer on the GUI thread, by
    the same thresholds Python would use; ``close`` collects once more and turns it back on
    (as it was) when it is the last one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        global _alive, _enabled_before  # noqa: PLW0603 - one collector state per process
        if _alive == 0:
            _enabled_before = gc.isenabled()
        _alive += 1
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._closed = False

    def check(self) -> None:
        """Collect the oldest generation whose count is past its threshold (GUI thread)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def close(self) -> None:
        """Collect what the desk left behind, here, and give automatic collection back (when
        no other collector is alive)."""
        global _alive  # noqa: PLW0603 - one collector state per process
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        gc.collect()
        _alive -= 1
        if _alive == 0 and _enabled_before:
            gc.enable()
