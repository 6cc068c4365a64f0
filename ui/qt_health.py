"""Refuse to start on a Qt for Python build that corrupts reference counts.

PySide6-Essentials 6.12.0 on Python 3.11 decrements the reference count of ``None`` (or of
``True``/``False``) on every wrapped call that returns one. Python 3.11 frees nothing on the
way down, so the process aborts later at a random place ("Fatal Python error: none_dealloc")
after a few thousand widget updates: during the first or second visit of a busy desk. The
dependency pin excludes that release; this probe catches any other build with the same fault
(a pip override, a distribution package) before a health worker starts measuring.
"""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal

__all__ = ["QtBuildFault", "check_qt_build", "refcount_drift"]

PROBE_CALLS = 64


class QtBuildFault(RuntimeError):
    """The installed PySide6 cannot run the desk app safely."""


class _Probe(QObject):
    ping = Signal(int)


def refcount_drift(calls: int = PROBE_CALLS) -> dict[str, int]:
    """How far the reference counts of None, True and False move over ``calls`` wrapped calls
    that return them; 0 for each on a sound build. Run it before other threads start."""
    probe = _Probe()
    probe.ping.connect(lambda _n: None)
    before = {name: sys.getrefcount(value) for name, value in _SINGLETONS.items()}
    for number in range(calls):
        probe.setObjectName("probe")  # returns None
        probe.signalsBlocked()  # returns False
        probe.ping.emit(number)  # returns True (delivered)
    after = {name: sys.getrefcount(value) for name, value in _SINGLETONS.items()}
    probe.deleteLater()
    return {name: after[name] - before[name] for name in _SINGLETONS}


_SINGLETONS = {"None": None, "True": True, "False": False}


def check_qt_build() -> None:
    """Raise ``QtBuildFault`` with what to do when the probe sees reference counts drop."""
    drift = refcount_drift()
    # A sound build may keep a reference or two (caches); a faulty one loses one per call.
    lost = [name for name, delta in drift.items() if delta <= -PROBE_CALLS // 2]
    if lost:
        raise QtBuildFault(
            f"PySide6 {pyside_version} on Python {sys.version.split()[0]} loses references to "
            f"{', '.join(lost)} on every call and would crash the desk app within minutes; "
            "install PySide6-Essentials<6.12 (python3 dev.py run does) or use Python 3.12+."
        )
