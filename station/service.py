"""The desk workflow: call a number, identify the person, measure, check, store, confirm.

Theory of operation
-------------------
``Station`` runs on one asyncio loop (the desk app gives it its own thread; the command line
uses ``asyncio.run``). Everything the operator does is a coroutine on that loop, and
everything the screens need to know leaves as a ``StationEvent`` through the ``on_event``
callback, called on the loop's thread. The desk app turns those into Qt signals; nothing here
knows about Qt.

The desk's workflow state is ``station.desk_state``: one transition table, consulted before
any work is done. Operator actions are serialised by one lock, so a second press of a button
waits for the first to finish and is then refused by the table (a second "call next" can
never lose a number). Every change is announced as ``DeskChanged`` with the actions now
allowed; the window enables its buttons from that alone.

Database work runs in one dedicated worker thread (``_store_executor``) so a slow disk or a
busy PostgreSQL never stalls device I/O on the loop, and storage calls stay serialised.

A reading is bound to the visit that is open *when it arrives* (the station's clock is the
effective time; the device's clock is kept in the raw record for audit). A reading that
arrives with no open visit is not stored under anybody: it is reported and dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar

from devices.device import DeviceError, DeviceEvent, DeviceState, MeasuringDevice
from devices.measurements import Measurement
from station.audit import Actor, AuditAction
from station.checks import Finding, Severity, blocks
from station.checks.engine import CheckReading, check_reading
from station.checks.protocol import StepCode
from station.checks.rulesets import DEFAULT_RULE_SET, RULE_SETS
from station.ckg import RELAXED_WINDOW, CkgWindow, Eligibility, ckg_eligibility
from station.correction_service import CorrectedVisit, CorrectionService
from station.corrections import (
    AcknowledgementNeeded,
    Correction,
    CorrectionRefused,
    check_correctable,
)
from station.critical import Acknowledgement, CriticalAction
from station.desk_access import require, sign_in_refused
from station.desk_refusals import refusal
from station.desk_state import Action, DeskState, Phase, Refused, allowed, seconds_until
from station.desk_state import transition as desk_transition
from station.errors import ErrorCode, StationError
from station.events import (
    CorrectionOpened,
    DayLoaded,
    DeskChanged,
    DeviceRole,
    DeviceUpdate,
    EventSink,
    InterruptedVisit,
    OperatorChanged,
    PersonLookedUp,
    PreviousResults,
    QueueCalled,
    QueueSkipped,
    ReadingDiscarded,
    ReadingStored,
    StationEvent,
    VisitClosed,
    VisitConfirmed,
    VisitCorrected,
    VisitOpened,
    role_of,
)
from station.manual_entry import MANUAL_SOURCE
from station.operator_admin import (
    OperatorChange,
    OperatorList,
    operator_refusal,
    self_disable_refused,
)
from station.operators import OperatorError
from station.person import Person, PersonError, mask_nik, nik_birth_date, validate_person
from station.results import VisitResults, local_naive, summarise
from station.roles import Permission
from station.store.audit import record_alone
from station.store.day_queries import DayQueries
from station.store.models import VisitStatus
from station.store.operators import Operator, OperatorStore, OperatorStoreError
from station.store.people import People
from station.store.queue import QueueError, QueueStore
from station.store.repository import (
    ReadingSource,
    Store,
    StoredReading,
    StoredVisit,
    StoreError,
    VisitOutcome,
)
from station.upload.person_lookup import RegistryAnswer, RegistryStatus

__all__ = [
    "MANUAL_SOURCE",
    "Acknowledgement",
    "CorrectionOpened",
    "CriticalAction",
    "DayLoaded",
    "DeskChanged",
    "DeviceRole",
    "DeviceUpdate",
    "ErrorCode",
    "EventSink",
    "InterruptedVisit",
    "OperatorChange",
    "OperatorChanged",
    "OperatorList",
    "PersonLookedUp",
    "QueueCalled",
    "QueueSkipped",
    "ReadingDiscarded",
    "ReadingStored",
    "RegistryLookup",
    "Station",
    "StationConfig",
    "StationError",
    "StationEvent",
    "VisitClosed",
    "VisitConfirmed",
    "VisitCorrected",
    "VisitOpened",
]

_LOGGER = logging.getLogger(__name__)
_P = ParamSpec("_P")
_T = TypeVar("_T")

Clock = Callable[[], datetime]
RegistryLookup = Callable[[str], Awaitable[RegistryAnswer]]
REASON_LIMIT = 500


@dataclass(frozen=True, slots=True)
class StationConfig:
    station_id: str
    rule_set: str = DEFAULT_RULE_SET
    ckg_window: CkgWindow = RELAXED_WINDOW

    @property
    def rule_set_version(self) -> str:
        return RULE_SETS[self.rule_set].version


def _reason(text: str | None, key: str) -> str:
    """The reason typed, or ``key``'s request for one."""
    reason = (text or "").strip()
    if not reason:
        raise StationError.of(ErrorCode.NEEDS_REASON, key, field="reason")
    return reason[:REASON_LIMIT]


def _blocked(blocking: Sequence[Finding]) -> StationError:
    """A typed value the checks block: one blocking finding is said by its own key; several
    by ``value.blocked``, their words (one per language) joined."""
    field = blocking[0].parameter if blocking else None
    only = blocking[0] if len(blocking) == 1 else None
    if only is not None and only.key is not None:
        return StationError.of(ErrorCode.BLOCKED_VALUE, only.key, only.params, field=field)
    return StationError.of(
        ErrorCode.BLOCKED_VALUE,
        "value.blocked",
        {
            "findings_id": " ".join(f.message_id for f in blocking),
            "findings_en": " ".join(f.message_en for f in blocking),
        },
        field=field,
    )


class Station:
    def __init__(
        self,
        *,
        store: Store,
        devices: Mapping[DeviceRole, MeasuringDevice],
        config: StationConfig,
        clock: Clock,
        on_event: EventSink,
        registry: RegistryLookup | None = None,
        actor: Actor,
        sign_in_required: bool = False,
    ) -> None:
        """``registry``: looks a NIK up at SATUSEHAT (``PersonLookup.look_up``), or None.
        ``actor``: whom the audit trail names while no operator is signed in at this desk
        (the OS account running it, or the built-in demo operator in ``demo``).
        ``sign_in_required``: the desk app; every action needs a signed-in operator whose
        role permits it (``station.desk_access``)."""
        self._store = store
        self._queue = QueueStore(store.database)
        self._people = People(store.database)
        self._day = DayQueries(store.database)
        self._corrections = CorrectionService(store, clock, station_id=config.station_id)
        self._registry = registry
        self._devices = dict(devices)
        self._config = config
        self._clock = clock
        self._emit = on_event
        self._state = DeskState()
        # The operator signed in at this desk (issue 12); None while locked or signed out.
        self._operator: Operator | None = None
        self._desk_actor = actor
        self._sign_in_required = sign_in_required
        self._operators = OperatorStore(store.database)
        self._offered_interrupted = False  # after the first sign-in of this run
        self._visit: StoredVisit | None = None
        self._interrupted: StoredVisit | None = None
        self._called_on: date | None = None  # the day of the called number
        # Devices physically at work; a cancelled visit's device may still be finishing.
        self._devices_busy: set[DeviceRole] = set()
        self._lock = asyncio.Lock()
        self._store_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")

    # -- plumbing ------------------------------------------------------------------------

    async def _db(self, fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store_executor, lambda: fn(*args, **kwargs))

    def close(self) -> None:
        self._store_executor.shutdown(wait=True)

    def now(self) -> datetime:
        """The station's clock (the window's countdown reads the same clock)."""
        return self._clock()

    @property
    def operator(self) -> Operator | None:
        """Who is signed in at this desk, or None."""
        return self._operator

    @property
    def actor(self) -> Actor:
        """Whom the audit trail names for what this desk does now."""
        if self._operator is not None:
            return Actor(self._operator.id, self._operator.name)
        return self._desk_actor

    @property
    def station_id(self) -> str:
        return self._config.station_id

    def _require(self, permission: Permission) -> None:
        role = self._operator.role if self._operator is not None else None
        require(role, permission, sign_in_required=self._sign_in_required)

    def permits(self, permission: Permission) -> bool:
        """Whether whoever is at this desk now may do what ``permission`` names."""
        try:
            self._require(permission)
        except StationError:
            return False
        return True

    # -- operators: sign-in, lock, switch (issue 12) --------------------------------------

    async def announce_operator(self) -> OperatorChanged:
        """At start: no one is signed in; ``setup_needed`` when no operator exists yet."""
        count = await self._db(self._operators.count)
        changed = OperatorChanged(self._operator, setup_needed=count == 0, reason="start")
        self._emit(changed)
        return changed

    async def set_up_first_admin(self, name: str, practitioner_nik: str, secret: str) -> Operator:
        """First start: create the first admin (there is never a default account), audited
        under the OS account running the desk, then sign them in. Refused once any operator
        exists."""
        now = self._clock()
        try:
            await self._db(
                self._operators.add,
                name,
                "admin",
                practitioner_nik,
                secret,
                now,
                actor=self._desk_actor,
                station_id=self._config.station_id,
                only_if_first=True,
            )
        except OperatorError as exc:
            raise StationError.wrapping(ErrorCode.INVALID_OPERATOR, exc, field=exc.field) from exc
        except OperatorStoreError as exc:
            raise StationError.of(
                ErrorCode.INVALID_OPERATOR, "operator.exists", {"detail": str(exc)}, field="name"
            ) from exc
        return await self.sign_in(name, secret)

    async def sign_in(self, name: str, secret: str) -> Operator:
        """Sign an operator in (audited either way). At a locked desk this is also how
        operators switch: the visit stays open and what is done from now on names the one
        signed in. The first sign-in of a run offers a visit a crash left open."""
        now = self._clock()
        outcome = await self._db(
            self._operators.sign_in, name, secret, now, station_id=self._config.station_id
        )
        if outcome.operator is None:
            _LOGGER.info("sign-in refused (%s)", outcome.refusal)
            raise sign_in_refused(outcome.refusal, outcome.retry_at, now)
        self._operator = outcome.operator
        _LOGGER.info("operator %s signed in", outcome.operator.id)
        self._emit(OperatorChanged(outcome.operator))
        self._emit(DeskChanged(self._state, allowed(self._state)))
        if not self._offered_interrupted:
            self._offered_interrupted = True
            await self.find_interrupted()
        return outcome.operator

    async def lock(self, reason: str = "operator") -> None:
        """Lock the desk (``idle``: no key or click for ``lock_after_minutes``; ``operator``:
        locked by hand, or to switch operator). Both screens hide personal data at once;
        the visit, a measurement under way and the called number are kept."""
        operator = self._operator
        if operator is None:
            return
        self._operator = None
        self._emit(OperatorChanged(None, reason=reason))
        await self._audit_alone(
            Actor(operator.id, operator.name), AuditAction.LOCKED, {"reason": reason}
        )

    async def _audit_alone(
        self, actor: Actor, action: AuditAction, detail: Mapping[str, Any]
    ) -> None:
        """An audit entry for something that changes no record (a lock, a printed slip)."""
        await self._db(
            record_alone,
            self._store.database,
            station_id=self._config.station_id,
            actor=actor,
            action=action,
            at=self._clock(),
            detail=detail,
        )

    async def record_slip_printed(self, visit_id: str, lang: str) -> None:
        """A result slip went to a printer at this desk: audited as an export under the
        operator signed in, as ``vitals-station slip`` is under the OS account."""
        self._require(Permission.RUN_VISITS)
        await self._audit_alone(
            self.actor,
            AuditAction.EXPORTED,
            {"format": "slip", "visit_ids": [visit_id], "lang": lang, "printed": True},
        )

    # -- managing operators: the admin's (issue 12) ---------------------------------------
    # Each refused with NOT_PERMITTED below an admin, audited under the operator signed in,
    # and answered with the whole list as it is after the change (OperatorList).

    def _operator_list(
        self, change: OperatorChange, changed: Operator | None = None
    ) -> OperatorList:
        """On the store's thread: every operator who is a person (not the built-in demo
        operator, which no one manages), by name."""
        people = tuple(o for o in self._operators.list() if not o.builtin)
        return OperatorList(people, change, changed)

    async def _change_operator(
        self, change: OperatorChange, fn: Callable[..., Operator], *args: str
    ) -> OperatorList:
        self._require(Permission.OPERATORS)
        try:
            changed = await self._db(
                fn, *args, actor=self.actor, station_id=self.station_id, now=self._clock()
            )
        except (OperatorError, OperatorStoreError) as exc:
            raise operator_refusal(exc) from exc
        _LOGGER.info("operator %s: %s", changed.id, change)
        return await self._db(self._operator_list, change, changed)

    async def list_operators(self) -> OperatorList:
        """The operators, for the admin's tab."""
        self._require(Permission.OPERATORS)
        return await self._db(self._operator_list, OperatorChange.LISTED)

    async def add_operator(
        self, name: str, role: str, practitioner_nik: str, secret: str
    ) -> OperatorList:
        """Add an operator (``OperatorStore.add``'s rules: a unique name, a role, a valid
        practitioner NIK, a PIN of at least six characters)."""

        def add(*, actor: Actor, station_id: str, now: datetime) -> Operator:
            return self._operators.add(
                name, role, practitioner_nik, secret, now, actor=actor, station_id=station_id
            )

        return await self._change_operator(OperatorChange.ADDED, add)

    async def disable_operator(self, name: str) -> OperatorList:
        """Disable an operator (kept for the record); never the one signed in."""
        self._require(Permission.OPERATORS)
        me = self._operator
        if me is not None and " ".join(name.split()) == me.name:
            raise self_disable_refused()
        return await self._change_operator(OperatorChange.DISABLED, self._operators.disable, name)

    async def set_operator_nik(self, name: str, practitioner_nik: str) -> OperatorList:
        """Change an operator's practitioner NIK (checked as ``add`` checks it)."""
        return await self._change_operator(
            OperatorChange.NIK_CHANGED, self._operators.set_practitioner_nik, name, practitioner_nik
        )

    async def set_operator_pin(self, name: str, secret: str) -> OperatorList:
        """Give an operator a new PIN (the rules of ``add``); this also ends their lockout."""
        return await self._change_operator(
            OperatorChange.PIN_SET, self._operators.set_pin, name, secret
        )

    @property
    def devices(self) -> Mapping[DeviceRole, MeasuringDevice]:
        return self._devices

    @property
    def current_visit(self) -> StoredVisit | None:
        return self._visit

    @property
    def queue_number(self) -> int | None:
        return self._state.queue_number

    @property
    def state(self) -> DeskState:
        return self._state

    def _check(self, action: Action, role: str | None = None) -> DeskState:
        """The state ``action`` leads to, or a StationError; changes nothing."""
        try:
            return desk_transition(self._state, action, role)
        except Refused as refused:
            raise refusal(refused) from refused

    def _enter(self, state: DeskState) -> None:
        self._state = state
        self._emit(DeskChanged(state, allowed(state)))

    def _with_results(self, state: DeskState, visit: StoredVisit) -> tuple[DeskState, VisitResults]:
        """The state's result flags and protocol timing from the visit's readings."""
        results = summarise(visit)
        evaluation = results.evaluation
        assert evaluation is not None
        step = evaluation.next_step
        # Protocol times are the station's local wall clock, naive (results.local_naive).
        aware = step.not_before.astimezone() if step.not_before is not None else None
        has_result = any(r.counts for r in visit.readings)
        return (
            replace(
                state,
                has_result=has_result,
                protocol_complete=step.code is StepCode.COMPLETE,
                bp_not_before=aware,
            ),
            results,
        )

    def protocol_wait_seconds(self) -> int:
        """Seconds until the next blood-pressure reading is due under the protocol."""
        return seconds_until(self._state.bp_not_before, self._clock())

    # -- queue ---------------------------------------------------------------------------

    async def call_next(self) -> int:
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.CALL_NEXT)
            now = self._clock()
            call = await self._db(self._queue.call_next, now.date(), self._config.station_id, now)
            self._called_on = call.day
            self._enter(replace(target, queue_number=call.queue_number))
            self._emit(QueueCalled(call.queue_number, self._config.station_id))
            return call.queue_number

    async def recall(self) -> int:
        """Call the same number again: the patient screen shows it and chimes again."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.RECALL)
            number = self._state.queue_number
            assert number is not None
            now = self._clock()
            await self._db(self._queue.recall, self._call_day(now), number, now)
            self._enter(target)
            self._emit(QueueCalled(number, self._config.station_id, recall=True))
            return number

    async def skip(self) -> int:
        """The called person did not come: the number is closed as skipped (recorded)."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.SKIP)
            number = self._state.queue_number
            assert number is not None
            now = self._clock()
            await self._db(self._queue.skip, self._call_day(now), number, now)
            self._enter(target)
            self._emit(QueueSkipped(number))
            return number

    def _call_day(self, now: datetime) -> date:
        return self._called_on if self._called_on is not None else now.date()

    # -- identify ------------------------------------------------------------------------

    async def start_visit(self, nik: str, name: str, birth_date: date | None) -> StoredVisit:
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.START_VISIT)
            number = self._state.queue_number
            assert number is not None
            now = self._clock()
            try:
                person = validate_person(nik, name, birth_date, today=now.date())
            except PersonError as exc:
                raise StationError.wrapping(ErrorCode.INVALID_PERSON, exc, field=exc.field) from exc
            visit = await self._db(
                self._store.create_visit,
                station_id=self._config.station_id,
                queue_number=number,
                person=person,
                started_at=now,
                rule_set=self._config.rule_set,
                rule_set_version=self._config.rule_set_version,
                actor=self.actor,
            )
            try:
                await self._db(self._queue.mark_visit, self._call_day(now), number, now)
            except QueueError:
                # A number restored after a restart may have been closed by then; the visit
                # itself is what matters and it is stored.
                _LOGGER.warning("queue number %s could not be marked as visited", number)
            self._visit = visit
            _LOGGER.info("visit %s opened for NIK %s", visit.id, mask_nik(person.nik))
            # The person on screen before the desk lets anyone measure.
            self._emit(VisitOpened(visit, await self._ckg_eligibility(person, now)))
            state, _results = self._with_results(replace(target, visit_id=visit.id), visit)
            self._enter(state)
            return visit

    async def look_up_person(self, nik: str) -> None:
        """The last visit of ``nik`` at any desk, then (when SATUSEHAT is configured) whether
        SATUSEHAT knows the person, each announced as ``PersonLookedUp``. Never blocks the
        desk: it takes no lock and a failure is only logged."""
        self._require(Permission.RUN_VISITS)
        try:
            previous = await self._db(self._people.last_visit, nik)
        except Exception as exc:  # noqa: BLE001 - a proposal only; the desk goes on without it
            # Only the type: a database error's text carries the query's parameters (the NIK).
            _LOGGER.warning("last visit of NIK %s not read: %s", mask_nik(nik), type(exc).__name__)
            previous = None
        self._emit(PersonLookedUp(nik, previous=previous))
        if self._registry is not None:
            try:
                answer = await self._registry(nik)
            except Exception as exc:  # noqa: BLE001 - a background look-up never breaks the desk
                _LOGGER.warning(
                    "SATUSEHAT look-up of NIK %s failed: %s", mask_nik(nik), type(exc).__name__
                )
                answer = RegistryAnswer(
                    nik, RegistryStatus.UNAVAILABLE, "error", detail=type(exc).__name__
                )
            self._emit(PersonLookedUp(nik, previous=previous, registry=answer))

    async def load_day(self) -> DayLoaded:
        """Today's list, summary and the follow-ups (all desks sharing the database), read on
        the store's thread and announced as ``DayLoaded``. The follow-ups only for a role
        that may see them (a health worker sees today's people only)."""
        self._require(Permission.TODAY)
        today = self._clock().date()
        report = await self._db(self._day.report, today)
        followups = (
            await self._db(self._day.followups) if self.permits(Permission.FOLLOWUPS) else []
        )
        loaded = DayLoaded(today, report, tuple(followups))
        self._emit(loaded)
        return loaded

    # -- same-day corrections (issue 11) --------------------------------------------------

    async def open_correction(self, visit_id: str) -> CorrectionOpened:
        """A confirmed visit of today with its earlier corrections, for the correction
        dialog; refused (``NOT_CORRECTABLE``) for any other visit. Independent of the visit
        being measured: corrections concern closed visits only."""
        self._require(Permission.CORRECTIONS)
        try:
            visit = await self._db(self._store.visit, visit_id)
            check_correctable(visit, local_naive(self._clock()).date())
        except StoreError as exc:
            raise StationError.of(
                ErrorCode.VISIT_UNREADABLE, "visit.unreadable", {"detail": str(exc)}
            ) from exc
        except CorrectionRefused as exc:
            raise StationError.wrapping(ErrorCode.NOT_CORRECTABLE, exc) from exc
        history = await self._db(self._corrections.history, visit_id)
        opened = CorrectionOpened(visit, tuple(history))
        self._emit(opened)
        return opened

    async def correct(self, visit_id: str, correction: Correction) -> CorrectedVisit:
        """Store a same-day correction (both versions kept, results and referral rebuilt,
        the upload turned into an amendment of what the server holds) and announce it."""
        self._require(Permission.CORRECTIONS)
        try:
            corrected = await self._db(self._corrections.correct, visit_id, correction, self.actor)
        except AcknowledgementNeeded as exc:
            raise StationError.wrapping(ErrorCode.NEEDS_ACKNOWLEDGEMENT, exc) from exc
        except CorrectionRefused as exc:
            raise StationError.wrapping(ErrorCode.NOT_CORRECTABLE, exc) from exc
        _LOGGER.info("visit %s corrected (revision %s)", visit_id, corrected.visit.revision)
        self._emit(VisitCorrected(corrected.visit, corrected.results))
        return corrected

    async def _ckg_eligibility(self, person: Person, now: datetime) -> Eligibility:
        """From the typed birth date (else the NIK's) and the person's last confirmed visit."""
        today = now.date()
        birth_date = person.birth_date or nik_birth_date(person.nik, today)
        last = await self._db(self._store.last_confirmed_visit_start, person.nik, now)
        last_day = last.astimezone(now.tzinfo).date() if last is not None else None
        return ckg_eligibility(birth_date, today, last_day, self._config.ckg_window)

    # -- measure -------------------------------------------------------------------------

    async def measure(self, role: DeviceRole) -> list[StoredReading]:
        """Ask the device in ``role`` for a measurement and store what it sends.

        Device failures are shown as an ERROR device state and return an empty list; they
        never raise into the desk app.
        """
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            # The reading is filed under whoever pressed measure, even if the desk locks
            # while the cuff is still inflating.
            actor = self.actor
            device = self._devices.get(role)
            if device is None:
                raise StationError.of(ErrorCode.NO_DEVICE, "device.none")
            if role in self._devices_busy:
                raise StationError.of(ErrorCode.DEVICE_BUSY, "refusal.device_busy")
            target = self._check(Action.MEASURE, role)
            wait = self.protocol_wait_seconds() if role is DeviceRole.BLOOD_PRESSURE else 0
            if wait > 0:
                raise StationError.of(ErrorCode.PROTOCOL_WAIT, "protocol.wait", {"seconds": wait})
            assert self._visit is not None
            visit_id = self._visit.id
            self._devices_busy.add(role)
            self._enter(target)

        def forward(event: DeviceEvent) -> None:
            self._emit(DeviceUpdate(role, device.label, device.simulated, event))

        try:
            measurements = await device.measure(forward)
        except DeviceError as exc:
            _LOGGER.warning("%s device %s failed (%s): %s", role, device.device_id, exc.cause, exc)
            forward(
                DeviceEvent(device.device_id, DeviceState.ERROR, detail=str(exc), fault=exc.cause)
            )
            measurements = []
        finally:
            self._devices_busy.discard(role)
        stored: list[StoredReading] = []
        async with self._lock:
            try:
                for measurement in measurements:
                    reading = await self._store_reading(
                        visit_id,
                        measurement,
                        ReadingSource(device.device_id, device.label, device.simulated),
                        role,
                        forward,
                        actor=actor,
                    )
                    if reading is not None:
                        stored.append(reading)
            finally:
                if role in self._state.measuring:
                    self._enter(desk_transition(self._state, Action.MEASURE_DONE, role))
        return stored

    async def _store_reading(
        self,
        visit_id: str,
        measurement: Measurement,
        source: ReadingSource,
        role: DeviceRole,
        forward: Callable[[DeviceEvent], None] | None,
        *,
        actor: Actor,
    ) -> StoredReading | None:
        received_at = self._clock()
        if self._open_visit_id() != visit_id:
            # The visit ended while the device worked: never file it under anyone.
            _LOGGER.warning("reading from %s arrived after its visit ended; dropped", role)
            if forward is not None:
                forward(
                    DeviceEvent(
                        source.device_id,
                        DeviceState.ERROR,
                        detail="reading arrived after the visit ended; not stored",
                    )
                )
            return None
        findings = check_reading(CheckReading(measurement, local_naive(received_at)))
        assert self._visit is not None  # its id is visit_id (checked above)
        # The visit comes back with the reading added, not read again (issue 14).
        added = await self._db(
            self._store.add_reading_to,
            self._visit,
            measurement=measurement,
            source=source,
            findings=findings,
            received_at=received_at,
            actor=actor,
        )
        reading, visit = added.reading, added.visit
        self._visit = visit
        state, results = self._with_results(self._state, visit)
        self._enter(state)
        self._emit(ReadingStored(role, reading, results))
        return reading

    async def enter_manually(self, measurement: Measurement) -> StoredReading:
        """Store a value the health worker typed (a device failed or is absent). The same
        checks as a device reading run first; a value they block is refused with their
        message and nothing is stored. The protocol's minute is not enforced here: a typed
        value may have been read off a standalone cuff earlier, and is timed when typed."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            self._check(Action.ENTER_MANUALLY)
            assert self._visit is not None
            findings = check_reading(CheckReading(measurement, local_naive(self._clock())))
            if blocks(tuple(findings)):
                blocking = [f for f in findings if f.severity is Severity.INVALID]
                raise _blocked(blocking)
            reading = await self._store_reading(
                self._visit.id,
                measurement,
                MANUAL_SOURCE,
                role_of(measurement),
                None,
                actor=self.actor,
            )
            assert reading is not None
            return reading

    async def discard(self, reading_id: str, reason: str) -> None:
        """Set a reading aside with a reason: it stays stored, marked discarded, and never
        counts in the result or the upload."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            self._check(Action.DISCARD)
            assert self._visit is not None
            text = _reason(reason, "discard.needs_reason")
            if reading_id not in {r.id for r in self._visit.readings}:
                raise StationError.of(ErrorCode.NOT_NOW, "discard.not_in_visit")
            try:
                visit = await self._db(
                    self._store.discard_reading, reading_id, text, self._clock(), actor=self.actor
                )
            except StoreError as exc:
                raise StationError.of(
                    ErrorCode.NOT_NOW, "discard.discarded_already", {"detail": str(exc)}
                ) from exc
            self._visit = visit
            state, results = self._with_results(self._state, visit)
            self._enter(state)
            self._emit(ReadingDiscarded(reading_id, text, results))

    # -- close ---------------------------------------------------------------------------

    async def confirm(
        self, acknowledgement: Acknowledgement | None = None, early_reason: str | None = None
    ) -> VisitResults:
        """Close the visit with its results. A critical result needs ``acknowledgement``:
        what the health worker did about it (docs/design.md section 6; issue 4). Before the
        blood-pressure protocol is complete, ``early_reason`` must say why."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            early = self._state.has_result and not self._state.protocol_complete
            if early and self._state.phase is Phase.OPEN and not (early_reason or "").strip():
                raise StationError.of(
                    ErrorCode.NEEDS_REASON, "confirm.early_reason", field="early_reason"
                )
            target = self._check(Action.CONFIRM_EARLY if early else Action.CONFIRM)
            visit = self._visit
            assert visit is not None
            # The readings cannot change from here on (nothing is measuring), so these are
            # the results of the confirmed visit too.
            results = summarise(visit)
            evaluation = results.evaluation
            assert evaluation is not None
            now = self._clock()
            outcome = VisitOutcome(referral=str(evaluation.referral))
            if evaluation.needs_acknowledgement:
                if acknowledgement is None:
                    raise StationError.of(
                        ErrorCode.NEEDS_ACKNOWLEDGEMENT,
                        "confirm.needs_acknowledgement",
                        field="acknowledgement",
                    )
                outcome = VisitOutcome(
                    referral=str(evaluation.referral),
                    acknowledged_action=str(acknowledgement.action),
                    acknowledged_note=acknowledgement.note.strip()[:REASON_LIMIT],
                    acknowledged_at=now,
                )
            reason = early_reason.strip()[:REASON_LIMIT] if early and early_reason else None
            try:
                confirmed = await self._db(
                    self._store.confirm_visit,
                    visit.id,
                    now,
                    outcome,
                    actor=self.actor,
                    early_reason=reason,
                )
            except StoreError as exc:
                raise StationError.of(ErrorCode.NO_VALID_RESULT, "refusal.no_valid_result") from exc
            previous = await self._previous_results(confirmed)
            self._visit = None
            self._enter(target)
            self._emit(VisitConfirmed(confirmed, results, previous))
            return results

    async def _previous_results(self, visit: StoredVisit) -> PreviousResults | None:
        """The person's previous confirmed visit and its values, for the patient screen;
        None when there is none, or it cannot be read or summarised (the comparison is a
        courtesy: it never stands in the way of the confirmed visit)."""
        try:
            previous = await self._db(
                self._store.previous_confirmed_visit, visit.person.nik, visit.started_at
            )
            if previous is None:
                return None
            return PreviousResults(previous.started_at, summarise(previous))
        except Exception as exc:  # noqa: BLE001 - logged; the visit is confirmed all the same
            # The type only: a message could carry the person's NIK.
            _LOGGER.warning("the previous visit could not be summarised (%s)", type(exc).__name__)
            return None

    async def cancel(self) -> None:
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.CANCEL)
            visit = self._visit
            assert visit is not None
            await self._db(self._store.cancel_visit, visit.id, actor=self.actor, at=self._clock())
            self._visit = None
            self._enter(target)
            self._emit(VisitClosed(visit.id))

    # -- visits left open by a crash (issue 11) -------------------------------------------

    async def find_interrupted(self) -> StoredVisit | None:
        """At start-up: the oldest visit of this desk still open in the store, announced as
        ``InterruptedVisit``; else a number this desk called that has neither a visit nor a
        skip, called again (a number is never lost by a crash). None when there is no visit
        to offer, or the desk is busy already."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            if self._state.phase is not Phase.IDLE:
                return None
            left = await self._db(self._store.open_visits, self._config.station_id)
            if left:
                _LOGGER.warning("visit %s was left open when the station stopped", left[0].id)
                self._interrupted = left[0]
                self._enter(desk_transition(self._state, Action.OFFER_INTERRUPTED))
                self._emit(InterruptedVisit(left[0]))
                return left[0]
            now = self._clock()
            waiting = await self._db(self._queue.waiting, now.date(), self._config.station_id)
            if waiting is not None:
                self._called_on = waiting.day
                target = desk_transition(self._state, Action.CALL_NEXT)
                self._enter(replace(target, queue_number=waiting.queue_number))
                self._emit(QueueCalled(waiting.queue_number, self._config.station_id))
            return None

    async def resume(self, visit_id: str) -> StoredVisit:
        """Carry on with an interrupted visit: its queue number, person and readings come
        back on screen exactly as stored, and it is measured, confirmed or cancelled as
        usual."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.RESUME)
            self._require_offered(visit_id)
            try:
                visit = await self._db(self._store.visit, visit_id)
            except StoreError as exc:
                raise StationError.of(
                    ErrorCode.VISIT_UNREADABLE, "visit.unreadable", {"detail": str(exc)}
                ) from exc
            if visit.status is not VisitStatus.OPEN:
                raise StationError.of(ErrorCode.VISIT_CLOSED, "visit.closed")
            self._visit = visit
            self._interrupted = None
            state, results = self._with_results(
                replace(target, queue_number=visit.queue_number, visit_id=visit.id), visit
            )
            self._enter(state)
            self._emit(QueueCalled(visit.queue_number, self._config.station_id))
            self._emit(
                VisitOpened(visit, await self._ckg_eligibility(visit.person, visit.started_at))
            )
            for reading in visit.readings:
                self._emit(ReadingStored(role_of(reading.measurement), reading, results))
            return visit

    async def cancel_interrupted(self, visit_id: str) -> None:
        """Cancel an interrupted visit without resuming it (its readings stay for audit)."""
        async with self._lock:
            self._require(Permission.RUN_VISITS)
            target = self._check(Action.CANCEL_INTERRUPTED)
            self._require_offered(visit_id)
            try:
                await self._db(
                    self._store.cancel_visit, visit_id, actor=self.actor, at=self._clock()
                )
            except StoreError as exc:
                raise StationError.of(ErrorCode.VISIT_CLOSED, "visit.closed") from exc
            self._interrupted = None
            self._enter(target)
            self._emit(VisitClosed(visit_id))

    def _require_offered(self, visit_id: str) -> None:
        """Only the visit this desk offered after its restart may be resumed or cancelled
        that way: never another desk's open visit."""
        if self._interrupted is None or self._interrupted.id != visit_id:
            raise StationError.of(ErrorCode.NOT_NOW, "visit.not_offered")

    def _open_visit_id(self) -> str | None:
        # A method, not an attribute test, because the open visit can change across awaits.
        return self._visit.id if self._visit is not None else None
