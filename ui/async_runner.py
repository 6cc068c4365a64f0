"""One asyncio event loop in its own thread, for everything that talks to devices and disks.

Why a thread and not qasync or QtAsyncio: QtAsyncio (PySide6 6.12) lacks
``add_reader``/``add_writer``, which bleak's BlueZ backend and httpx need; qasync works, but
puts device I/O and uploads on the Qt event loop, so a long repaint or a modal dialog delays a
Bluetooth indication. A plain loop thread keeps ``station/`` ordinary asyncio code (the command
line runs it with ``asyncio.run``), and the UI thread never waits on it: work is submitted
with ``run_coroutine_threadsafe`` and results come back as queued Qt signals.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

__all__ = ["AsyncRunner"]

_LOGGER = logging.getLogger(__name__)
_T = TypeVar("_T")
STOP_TIMEOUT_S = 10.0


class AsyncRunner:
    """Owns the station's event loop thread."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="station-loop", daemon=True)
        self._started = threading.Event()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.call_soon(self._started.set)
        self._loop.run_forever()
        pending = asyncio.all_tasks(self._loop)
        for task in pending:
            task.cancel()
        if pending:
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        return self._loop

    def start(self) -> None:
        self._thread.start()
        self._started.wait(STOP_TIMEOUT_S)

    def submit(self, coroutine: Coroutine[Any, Any, _T]) -> Future[_T]:
        """Schedule ``coroutine`` on the loop; returns at once."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    def stop(self) -> None:
        """Cancel what is still running and end the thread."""
        if not self._thread.is_alive():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(STOP_TIMEOUT_S)
        if self._thread.is_alive():
            _LOGGER.warning("station loop did not stop within %s s", STOP_TIMEOUT_S)
