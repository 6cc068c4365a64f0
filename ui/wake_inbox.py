"""A thread-safe inbox that wakes the GUI thread when something is put in it (issue 14).

The station's loop thread puts events here; the GUI thread takes them out. Putting also
writes one byte to a socket pair whose other end a ``QSocketNotifier`` on the GUI thread
watches, so an event is handled as soon as the GUI thread is free, instead of at the next
tick of a polling timer (which alone cost up to 15 ms per device payload).

Nothing here is a Qt object, and the loop thread calls only ``put``: a ``SimpleQueue.put`` and
a non-blocking ``send`` on an OS socket. So no Qt object is touched, created or freed off the
GUI thread (the cross-thread crash class ``ui.bridge`` avoids: PYSIDE-3124, and
``ui.gui_gc``). Bytes coalesce: one wake may stand for many events, and a full socket buffer
means a wake is already pending, so ``put`` never blocks the loop.
"""

from __future__ import annotations

import socket
import weakref
from collections.abc import Iterator
from queue import Empty, SimpleQueue
from typing import Generic, TypeVar

__all__ = ["WakeInbox"]

_T = TypeVar("_T")
_WAKE = b"\x00"
_READ_CHUNK = 4096


class WakeInbox(Generic[_T]):
    """``put`` from any thread; ``take_all`` on the thread that watches ``fileno``."""

    def __init__(self) -> None:
        self._queue: SimpleQueue[_T] = SimpleQueue()
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        # Closed with the inbox too, should its owner never call close (a bridge in a test
        # of one window): no socket is left for the interpreter to warn about.
        self._finalizer = weakref.finalize(self, _close_both, self._reader, self._writer)

    def fileno(self) -> int:
        """The descriptor that becomes readable when something was put."""
        return self._reader.fileno()

    def put(self, item: _T) -> None:
        """Add ``item`` and wake the reader (any thread; never blocks)."""
        self._queue.put(item)
        try:
            self._writer.send(_WAKE)
        except (BlockingIOError, InterruptedError):
            pass  # the buffer is full of wakes already: the reader will come
        except OSError:
            pass  # closed: the desk is stopping and no longer reads (see close)

    def take_all(self) -> Iterator[_T]:
        """Everything put so far, in order, after clearing the wakes that announced it.

        One item at a time from the queue, not a list taken at once: a slot that runs a
        nested event loop (a modal dialog) may drain again meanwhile, and must get the items
        after the one being handled, never overtake the ones still held here."""
        while True:
            try:
                if not self._reader.recv(_READ_CHUNK):
                    break
            except (BlockingIOError, InterruptedError, OSError):
                break
        while True:
            try:
                yield self._queue.get_nowait()
            except Empty:
                return

    def close(self) -> None:
        self._finalizer()


def _close_both(reader: socket.socket, writer: socket.socket) -> None:
    writer.close()
    reader.close()
