"""The inbox between the station's loop thread and the GUI (ui.wake_inbox): a put on another
thread wakes the GUI at once, in order, never blocking the loop, nothing lost."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QSocketNotifier

from ui.wake_inbox import WakeInbox


def test_a_put_on_another_thread_wakes_the_gui_thread_at_once(qtbot):
    inbox: WakeInbox[int] = WakeInbox()
    notifier = QSocketNotifier(inbox.fileno(), QSocketNotifier.Type.Read)
    received: list[tuple[int, float]] = []
    notifier.activated.connect(
        lambda: received.extend((item, time.perf_counter()) for item in inbox.take_all())
    )
    try:
        sent_at: list[float] = []

        def producer() -> None:
            for item in range(20):
                sent_at.append(time.perf_counter())
                inbox.put(item)
                time.sleep(0.01)

        worker = threading.Thread(target=producer)
        worker.start()
        qtbot.waitUntil(lambda: len(received) == 20, timeout=5000)
        worker.join()
        assert [item for item, _at in received] == list(range(20))
        delays = sorted(at - sent_at[item] for item, at in received)
        assert delays[len(delays) // 2] < 0.010  # no polling tick in the way (it was 15 ms)
    finally:
        notifier.setEnabled(False)
        inbox.close()


def test_put_never_blocks_even_when_no_one_reads():
    inbox: WakeInbox[int] = WakeInbox()
    try:
        # Far more wakes than a socket buffer holds (about 200 KB on Linux).
        for item in range(300_000):
            inbox.put(item)
        items = list(inbox.take_all())
        assert items == list(range(300_000))
        assert list(inbox.take_all()) == []
    finally:
        inbox.close()


def test_a_nested_drain_never_overtakes_the_item_being_handled():
    """A slot may open a modal dialog, whose event loop drains again: it gets the items
    after the one in hand, and the outer drain goes on with none of them twice."""
    inbox: WakeInbox[str] = WakeInbox()
    try:
        for item in ("first", "second", "third"):
            inbox.put(item)
        outer = inbox.take_all()
        assert next(outer) == "first"
        assert list(inbox.take_all()) == ["second", "third"]
        assert list(outer) == []
    finally:
        inbox.close()


def test_a_put_after_close_is_dropped_quietly():
    inbox: WakeInbox[int] = WakeInbox()
    inbox.close()
    inbox.put(1)  # the desk is stopping: the loop thread's late event raises nothing
