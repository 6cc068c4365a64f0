"""The station's events as Qt signals, and the operator's actions as station coroutines.

``Station`` calls ``deliver`` on the loop thread. No Qt object is touched there: the event is
put in a thread-safe inbox (ui.wake_inbox) whose socket wakes the GUI thread, which drains
it at once and emits the signals, so every signal is emitted and received on the GUI thread.
Actions return immediately; their outcome arrives the same way, as ``actionFailed`` or
``busyChanged``.

Why not a queued cross-thread signal: PySide6 6.8-6.12 corrupts reference counts when a signal
is emitted from a thread Qt did not create (PYSIDE-3124; here "Fatal Python error:
none_dealloc" within one or two visits). The inbox keeps Python objects out of Qt's queue;
its wake is one byte on a socket, watched by a ``QSocketNotifier`` (issue 14: a polling timer
alone added up to 15 ms to every device payload).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, SignalInstance

from devices.measurements import Measurement
from station.corrections import Correction
from station.desk_access import not_permitted
from station.roles import Permission
from station.service import (
    Acknowledgement,
    CorrectionOpened,
    DayLoaded,
    DeskChanged,
    DeviceRole,
    DeviceUpdate,
    ErrorCode,
    InterruptedVisit,
    OperatorChanged,
    OperatorList,
    PersonLookedUp,
    QueueCalled,
    QueueSkipped,
    ReadingDiscarded,
    ReadingStored,
    Station,
    StationError,
    StationEvent,
    VisitClosed,
    VisitConfirmed,
    VisitCorrected,
    VisitOpened,
)
from station.upload.background import BackgroundUpload, UploadStatus
from ui.async_runner import AsyncRunner
from ui.wake_inbox import WakeInbox

__all__ = ["StationBridge"]

DEAD = Permission.DEAD_LETTERS

_LOGGER = logging.getLogger(__name__)
# A safety net only: the inbox's socket wakes the GUI thread at once; should a wake ever be
# lost, nothing waits longer than this.
DRAIN_INTERVAL_MS = 250
# Errors the sign-in page shows beside its fields rather than the desk's notice line.
_SIGN_IN_ERRORS = frozenset({ErrorCode.SIGN_IN_REFUSED, ErrorCode.INVALID_OPERATOR})


def _log_failure(future: Future[Any]) -> None:
    if not future.cancelled() and (error := future.exception()) is not None:
        _LOGGER.warning("background look-up failed: %s", type(error).__name__)


class StationBridge(QObject):
    queueCalled = Signal(object)  # QueueCalled
    visitOpened = Signal(object)  # VisitOpened
    deviceUpdated = Signal(object)  # DeviceUpdate
    readingStored = Signal(object)  # ReadingStored
    visitConfirmed = Signal(object)  # VisitConfirmed
    visitClosed = Signal(object)  # VisitClosed
    visitInterrupted = Signal(object)  # InterruptedVisit
    uploadStatus = Signal(object)  # UploadStatus
    queueSkipped = Signal(object)  # QueueSkipped
    readingDiscarded = Signal(object)  # ReadingDiscarded
    deskChanged = Signal(object)  # DeskChanged: the state and the actions allowed now
    personLookedUp = Signal(object)  # PersonLookedUp: last visit, SATUSEHAT status
    dayLoaded = Signal(object)  # DayLoaded: the day's list, summary and follow-ups
    correctionOpened = Signal(object)  # CorrectionOpened: a visit ready to be corrected
    visitCorrected = Signal(object)  # VisitCorrected: stored, results rebuilt
    actionFailed = Signal(object)  # StationError: a code, the field, both messages
    operatorChanged = Signal(object)  # OperatorChanged: signed in, locked, setup needed
    signInFailed = Signal(object)  # StationError: the sign-in or first-admin form's error
    operatorsListed = Signal(object)  # OperatorList: the admin's operators tab, after a change
    operatorsFailed = Signal(object)  # StationError: the operators tab's refused action
    busyChanged = Signal(bool)

    def __init__(self, runner: AsyncRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._station: Station | None = None
        # Filled on the loop thread, drained on the GUI thread (see the module docstring).
        self._inbox: WakeInbox[StationEvent | UploadStatus | Future[Any]] = WakeInbox()
        self._wake = QSocketNotifier(self._inbox.fileno(), QSocketNotifier.Type.Read, self)
        self._wake.activated.connect(self.drain)
        self._upload: BackgroundUpload | None = None
        self._pending = 0  # touched on the GUI thread only
        # Actions whose outcome goes to signals of their own (GUI thread only): the future,
        # then (the signal for its result, the signal for its StationError).
        self._routes: dict[Future[Any], tuple[SignalInstance, SignalInstance]] = {}
        self._stopped = False
        self._drain_timer = QTimer(self)
        self._drain_timer.setInterval(DRAIN_INTERVAL_MS)
        self._drain_timer.timeout.connect(self.drain)
        self._drain_timer.start()
        # The signal each event type is emitted as (every StationEvent type has one).
        self._signals: dict[type, SignalInstance] = {
            UploadStatus: self.uploadStatus,
            QueueCalled: self.queueCalled,
            QueueSkipped: self.queueSkipped,
            VisitOpened: self.visitOpened,
            DeviceUpdate: self.deviceUpdated,
            ReadingStored: self.readingStored,
            ReadingDiscarded: self.readingDiscarded,
            VisitConfirmed: self.visitConfirmed,
            VisitClosed: self.visitClosed,
            InterruptedVisit: self.visitInterrupted,
            DeskChanged: self.deskChanged,
            PersonLookedUp: self.personLookedUp,
            DayLoaded: self.dayLoaded,
            CorrectionOpened: self.correctionOpened,
            VisitCorrected: self.visitCorrected,
            OperatorChanged: self.operatorChanged,
        }

    def attach(self, station: Station) -> None:
        self._station = station

    def attach_upload(self, upload: BackgroundUpload) -> None:
        self._upload = upload

    @property
    def deliver(self) -> Callable[[StationEvent | UploadStatus], None]:
        """The callback the station (``on_event``) and the background upload (its report)
        call on the loop thread: the inbox's own ``put``, never a method of this QObject.

        Why: an object on the loop thread holding a bound method of the bridge makes a
        reference cycle through a QObject (bridge -> station -> bridge.method). Python's
        cycle collector runs on whichever thread happens to allocate, so the bridge's wrapper
        could be freed, and its QObject destroyed, on the loop thread while the GUI thread
        destroys widgets: a deadlock or crash in teardown (seen as a hang in
        ``~QWidget``). The queue holds no Qt object, so nothing there can free one."""
        return self._inbox.put

    def stop(self) -> None:
        """Stop delivering; events still in the inbox are dropped and actions asked from now
        on are not sent (the app is closing; its loop is about to stop)."""
        self._stopped = True
        self._drain_timer.stop()
        self._wake.setEnabled(False)
        self._inbox.close()  # a late event from the loop thread is dropped quietly

    def drain(self) -> None:
        """Emit everything the loop thread has delivered so far, in order (GUI thread)."""
        if self._stopped:
            return
        for item in self._inbox.take_all():
            if isinstance(item, Future):
                self._finished(item)
            else:
                self._emit(item)

    def _emit(self, event: StationEvent | UploadStatus) -> None:
        self._signals[type(event)].emit(event)

    @property
    def station(self) -> Station:
        if self._station is None:
            raise RuntimeError("bridge used before a station was attached")
        return self._station

    def _submit(
        self,
        coroutine: Coroutine[Any, Any, Any],
        route: tuple[SignalInstance, SignalInstance] | None = None,
    ) -> None:
        """Run ``coroutine`` on the loop; ``route``: emit its result on the first signal and
        a ``StationError`` it raises on the second (else errors go by their code)."""
        if self._stopped:
            coroutine.close()  # never started: no "was never awaited" warning either
            return
        self._pending += 1
        self.busyChanged.emit(True)
        future = self._runner.submit(coroutine)
        if route is not None:
            self._routes[future] = route
        future.add_done_callback(self._inbox.put)

    def _finished(self, future: Future[Any]) -> None:
        self._pending -= 1
        route = self._routes.pop(future, None)
        if future.cancelled():
            pass
        elif (error := future.exception()) is not None:
            if not isinstance(error, StationError):
                _LOGGER.error("station action failed", exc_info=error)
                error = StationError.of(ErrorCode.STORE_FAILED, "station.unexpected")
            if route is not None:
                route[1].emit(error)
            elif error.code in _SIGN_IN_ERRORS:
                self.signInFailed.emit(error)
            else:
                self.actionFailed.emit(error)
        elif route is not None:
            route[0].emit(future.result())
        self.busyChanged.emit(self._pending > 0)

    # -- operator actions (return at once) -------------------------------------------------

    def call_next(self) -> None:
        self._submit(self.station.call_next())

    def start_visit(self, nik: str, name: str, birth_date: date | None) -> None:
        self._submit(self.station.start_visit(nik, name, birth_date))

    def measure(self, role: DeviceRole) -> None:
        self._submit(self.station.measure(role))

    def confirm(
        self, acknowledgement: Acknowledgement | None = None, early_reason: str | None = None
    ) -> None:
        self._submit(self.station.confirm(acknowledgement, early_reason))

    def look_up_person(self, nik: str) -> None:
        """In the background, never busy: the answer comes as ``personLookedUp``."""
        if self._stopped:
            return
        future = self._runner.submit(self.station.look_up_person(nik))
        future.add_done_callback(_log_failure)

    def load_day(self) -> None:
        """Read the day's views' data in the background: the answer comes as ``dayLoaded``."""
        if self._stopped:
            return
        future = self._runner.submit(self.station.load_day())
        future.add_done_callback(_log_failure)

    def open_correction(self, visit_id: str) -> None:
        self._submit(self.station.open_correction(visit_id))

    def correct(self, visit_id: str, correction: Correction) -> None:
        self._submit(self.station.correct(visit_id, correction))

    def recall(self) -> None:
        self._submit(self.station.recall())

    def skip(self) -> None:
        self._submit(self.station.skip())

    def enter_manually(self, measurement: Measurement) -> None:
        self._submit(self.station.enter_manually(measurement))

    def discard(self, reading_id: str, reason: str) -> None:
        self._submit(self.station.discard(reading_id, reason))

    def cancel(self) -> None:
        self._submit(self.station.cancel())

    def find_interrupted(self) -> None:
        self._submit(self.station.find_interrupted())

    def resume(self, visit_id: str) -> None:
        self._submit(self.station.resume(visit_id))

    def cancel_interrupted(self, visit_id: str) -> None:
        self._submit(self.station.cancel_interrupted(visit_id))

    def retry_upload(self, entry_ids: list[int]) -> None:
        """Dead letters are a supervisor's (issue 12): refused here as well as hidden."""
        if not self.station.permits(Permission.DEAD_LETTERS):
            self.actionFailed.emit(not_permitted(DEAD))
        elif self._upload is not None:
            self._submit(self._upload.retry(entry_ids))

    # -- operators (issue 12) ------------------------------------------------------------

    def announce_operator(self) -> None:
        self._submit(self.station.announce_operator())

    def sign_in(self, name: str, secret: str) -> None:
        self._submit(self.station.sign_in(name, secret))

    def set_up_first_admin(self, name: str, practitioner_nik: str, secret: str) -> None:
        self._submit(self.station.set_up_first_admin(name, practitioner_nik, secret))

    def lock(self, reason: str) -> None:
        self._submit(self.station.lock(reason))

    def slip_printed(self, visit_id: str, lang: str) -> None:
        self._submit(self.station.record_slip_printed(visit_id, lang))

    # -- managing operators: the admin's tab (issue 12) -----------------------------------

    def _operators(self, coroutine: Coroutine[Any, Any, OperatorList]) -> None:
        self._submit(coroutine, (self.operatorsListed, self.operatorsFailed))

    def list_operators(self) -> None:
        self._operators(self.station.list_operators())

    def add_operator(self, name: str, role: str, practitioner_nik: str, secret: str) -> None:
        self._operators(self.station.add_operator(name, role, practitioner_nik, secret))

    def disable_operator(self, name: str) -> None:
        self._operators(self.station.disable_operator(name))

    def set_operator_nik(self, name: str, practitioner_nik: str) -> None:
        self._operators(self.station.set_operator_nik(name, practitioner_nik))

    def set_operator_pin(self, name: str, secret: str) -> None:
        self._operators(self.station.set_operator_pin(name, secret))

    def wake_upload(self) -> None:
        """Upload a just-confirmed visit without waiting for the next round."""
        if self._upload is not None:
            self._runner.loop.call_soon_threadsafe(self._upload.wake)
