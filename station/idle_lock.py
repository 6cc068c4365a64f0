"""When a desk locks itself (issue 12), the rule only: pure, table-tested.

``[station] lock_after_minutes`` without a key press or click locks the desk. The idle time
is measured on a monotonic clock (``ui.desk.idle_lock``), so setting the wall clock back or
forward (NTP, a flat CMOS battery) neither locks the desk at once nor keeps it open.
"""

from __future__ import annotations

__all__ = ["lock_due"]


def lock_due(idle_seconds: float, lock_after_minutes: int) -> bool:
    """Whether a desk idle for ``idle_seconds`` is to lock."""
    if lock_after_minutes < 1:
        raise ValueError("lock_after_minutes must be at least 1")
    return idle_seconds >= lock_after_minutes * 60
