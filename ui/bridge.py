"""The station's events as Qt signals, and the operator's actions as station coroutines.

``Station`` calls ``dispatch`` on the loop thread; each event is re-emitted as a signal and,
because the receiving widgets live in the GUI thread, Qt delivers it queued there. Actions
return immediately: their outcome arrives later as ``actionFailed`` or ``busyChanged``.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from concurrent.futures import Future
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from station.service import (
    Acknowledgement,
    DeviceRole,
    DeviceUpdate,
    QueueCalled,
    ReadingStored,
    Station,
    StationError,
    StationEvent,
    VisitClosed,
    VisitConfirmed,
    VisitOpened,
)
from ui.async_runner import AsyncRunner

__all__ = ["StationBridge"]

_LOGGER = logging.getLogger(__name__)


class StationBridge(QObject):
    queueCalled = Signal(object)  # QueueCalled
    visitOpened = Signal(object)  # VisitOpened
    deviceUpdated = Signal(object)  # DeviceUpdate
    readingStored = Signal(object)  # ReadingStored
    visitConfirmed = Signal(object)  # VisitConfirmed
    visitClosed = Signal(object)  # VisitClosed
    actionFailed = Signal(str, str)  # message in Bahasa Indonesia, in English
    busyChanged = Signal(bool)
    # Internal: the number of a finished action, moved from the loop thread to the GUI
    # thread. A number, not the Future: a Python object crossing threads through a queued
    # Signal(object) crashed the app (none_dealloc) after several actions.
    _actionDone = Signal(int)

    def __init__(self, runner: AsyncRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._station: Station | None = None
        self._pending = 0  # touched on the GUI thread only
        self._futures: dict[int, Future[Any]] = {}
        self._next_action = 0
        self._actionDone.connect(self._finished)

    def attach(self, station: Station) -> None:
        self._station = station

    def dispatch(self, event: StationEvent) -> None:
        """The station's ``on_event`` callback (runs on the loop thread)."""
        if isinstance(event, QueueCalled):
            self.queueCalled.emit(event)
        elif isinstance(event, VisitOpened):
            self.visitOpened.emit(event)
        elif isinstance(event, DeviceUpdate):
            self.deviceUpdated.emit(event)
        elif isinstance(event, ReadingStored):
            self.readingStored.emit(event)
        elif isinstance(event, VisitConfirmed):
            self.visitConfirmed.emit(event)
        elif isinstance(event, VisitClosed):
            self.visitClosed.emit(event)

    @property
    def station(self) -> Station:
        if self._station is None:
            raise RuntimeError("bridge used before a station was attached")
        return self._station

    def _submit(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        self._pending += 1
        self.busyChanged.emit(True)
        self._next_action += 1
        number = self._next_action
        future = self._runner.submit(coroutine)
        self._futures[number] = future
        future.add_done_callback(lambda _f: self._actionDone.emit(number))

    def _finished(self, number: int) -> None:
        future = self._futures.pop(number)
        self._pending -= 1
        if future.cancelled():
            pass
        elif (error := future.exception()) is not None:
            if isinstance(error, StationError):
                self.actionFailed.emit(error.message_id, error.message_en)
            else:
                _LOGGER.error("station action failed", exc_info=error)
                self.actionFailed.emit(
                    "Terjadi galat tak terduga; tindakan tidak selesai. Coba lagi.",
                    "An unexpected error stopped the action. Try again.",
                )
        self.busyChanged.emit(self._pending > 0)

    # -- operator actions (return at once) -------------------------------------------------

    def call_next(self) -> None:
        self._submit(self.station.call_next())

    def start_visit(self, nik: str, name: str, birth_date: date | None) -> None:
        self._submit(self.station.start_visit(nik, name, birth_date))

    def measure(self, role: DeviceRole) -> None:
        self._submit(self.station.measure(role))

    def confirm(self, acknowledgement: Acknowledgement | None = None) -> None:
        self._submit(self.station.confirm(acknowledgement))

    def cancel(self) -> None:
        self._submit(self.station.cancel())
