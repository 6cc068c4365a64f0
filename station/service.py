"""The desk workflow: call a number, identify the person, measure, check, store, confirm.

Theory of operation
-------------------
``Station`` runs on one asyncio loop (the desk app gives it its own thread; the command line
uses ``asyncio.run``). Everything the operator does is a coroutine on that loop, and
everything the screens need to know leaves as a ``StationEvent`` through the ``on_event``
callback, called on the loop's thread. The desk app turns those into Qt signals; nothing here
knows about Qt.

Database work runs in one dedicated worker thread (``_store_executor``) so a slow disk or a
busy PostgreSQL never stalls device I/O on the loop, and storage calls stay serialised.

A reading is bound to the visit that is open *when it arrives* (the station's clock is the
effective time; the device's clock is kept in the raw record for audit). A reading that
arrives with no open visit is not stored under anybody: it is reported and dropped.

Visit states (one open visit at a time per desk)::

    idle --call_next--> called --start_visit--> open --confirm--> idle (results shown)
                                                 open --cancel--> idle
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import ParamSpec, TypeVar

from devices.device import DeviceError, DeviceEvent, DeviceState, MeasuringDevice
from devices.measurements import BloodPressure, CuffPressure
from station.checks.engine import CheckReading, check_reading
from station.checks.rulesets import DEFAULT_RULE_SET, RULE_SETS
from station.ckg import RELAXED_WINDOW, CkgWindow, Eligibility, ckg_eligibility
from station.person import Person, PersonError, mask_nik, nik_birth_date, validate_person
from station.results import VisitResults, local_naive, summarise
from station.store.models import VisitStatus
from station.store.repository import (
    ReadingSource,
    Store,
    StoredReading,
    StoredVisit,
    StoreError,
    VisitOutcome,
)

__all__ = [
    "Acknowledgement",
    "CriticalAction",
    "DeviceRole",
    "DeviceUpdate",
    "InterruptedVisit",
    "QueueCalled",
    "ReadingStored",
    "Station",
    "StationError",
    "StationEvent",
    "VisitClosed",
    "VisitConfirmed",
    "VisitOpened",
]

_LOGGER = logging.getLogger(__name__)
_P = ParamSpec("_P")
_T = TypeVar("_T")

Clock = Callable[[], datetime]


class DeviceRole(StrEnum):
    BLOOD_PRESSURE = "blood_pressure"
    OXIMETER = "oximeter"


class StationError(Exception):
    """An operator action is not possible now; carries the message in both languages."""

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_id = message_id
        self.message_en = message_en


@dataclass(frozen=True, slots=True)
class QueueCalled:
    queue_number: int


@dataclass(frozen=True, slots=True)
class VisitOpened:
    visit: StoredVisit
    # CKG eligibility on the visit day: shown to the operator, never blocks the measurement
    # (the health worker decides; a person may come for a check outside the programme).
    ckg: Eligibility


@dataclass(frozen=True, slots=True)
class DeviceUpdate:
    role: DeviceRole
    label: str
    simulated: bool
    event: DeviceEvent


@dataclass(frozen=True, slots=True)
class ReadingStored:
    role: DeviceRole
    reading: StoredReading
    results: VisitResults


@dataclass(frozen=True, slots=True)
class VisitConfirmed:
    visit: StoredVisit
    results: VisitResults


@dataclass(frozen=True, slots=True)
class VisitClosed:
    """The open visit ended without results (cancelled)."""

    visit_id: str


@dataclass(frozen=True, slots=True)
class InterruptedVisit:
    """A visit of this desk left open when the station stopped (crash, power cut): the desk
    offers to resume it, with the readings it has, or to cancel it (issue 11)."""

    visit: StoredVisit


StationEvent = (
    QueueCalled
    | VisitOpened
    | DeviceUpdate
    | ReadingStored
    | VisitConfirmed
    | VisitClosed
    | InterruptedVisit
)
EventSink = Callable[[StationEvent], None]


def _role_of(reading: StoredReading) -> DeviceRole:
    cuff = isinstance(reading.measurement, BloodPressure | CuffPressure)
    return DeviceRole.BLOOD_PRESSURE if cuff else DeviceRole.OXIMETER


class CriticalAction(StrEnum):
    """What was done about a critical result (issue 4)."""

    REFERRED = "referred"
    SEEN_BY_DOCTOR = "seen_by_doctor"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    action: CriticalAction
    note: str = ""


@dataclass(frozen=True, slots=True)
class StationConfig:
    station_id: str
    rule_set: str = DEFAULT_RULE_SET
    ckg_window: CkgWindow = RELAXED_WINDOW

    @property
    def rule_set_version(self) -> str:
        return RULE_SETS[self.rule_set].version


class Station:
    def __init__(
        self,
        *,
        store: Store,
        devices: Mapping[DeviceRole, MeasuringDevice],
        config: StationConfig,
        clock: Clock,
        on_event: EventSink,
    ) -> None:
        self._store = store
        self._devices = dict(devices)
        self._config = config
        self._clock = clock
        self._emit = on_event
        self._queue_number: int | None = None
        self._visit: StoredVisit | None = None
        self._busy: set[DeviceRole] = set()
        self._store_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")

    # -- plumbing ------------------------------------------------------------------------

    async def _db(self, fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store_executor, lambda: fn(*args, **kwargs))

    def close(self) -> None:
        self._store_executor.shutdown(wait=True)

    @property
    def devices(self) -> Mapping[DeviceRole, MeasuringDevice]:
        return self._devices

    @property
    def current_visit(self) -> StoredVisit | None:
        return self._visit

    @property
    def queue_number(self) -> int | None:
        return self._queue_number

    # -- workflow ------------------------------------------------------------------------

    async def call_next(self) -> int:
        if self._visit is not None:
            raise StationError(
                "Selesaikan atau batalkan kunjungan yang sedang berjalan dahulu.",
                "Confirm or cancel the current visit first.",
            )
        day = self._clock().date()
        self._queue_number = await self._db(self._store.next_queue_number, day)
        self._emit(QueueCalled(self._queue_number))
        return self._queue_number

    async def start_visit(self, nik: str, name: str, birth_date: date | None) -> StoredVisit:
        if self._visit is not None:
            raise StationError(
                "Sudah ada kunjungan yang berjalan.", "A visit is already in progress."
            )
        if self._queue_number is None:
            raise StationError(
                "Panggil nomor antrean berikutnya dahulu.", "Call the next queue number first."
            )
        now = self._clock()
        try:
            person = validate_person(nik, name, birth_date, today=now.date())
        except PersonError as exc:
            raise StationError(exc.message_id, exc.message_en) from exc
        visit = await self._db(
            self._store.create_visit,
            station_id=self._config.station_id,
            queue_number=self._queue_number,
            person=person,
            started_at=now,
            rule_set=self._config.rule_set,
            rule_set_version=self._config.rule_set_version,
        )
        self._visit = visit
        _LOGGER.info("visit %s opened for NIK %s", visit.id, mask_nik(person.nik))
        self._emit(VisitOpened(visit, await self._ckg_eligibility(person, now)))
        return visit

    async def _ckg_eligibility(self, person: Person, now: datetime) -> Eligibility:
        """From the typed birth date (else the NIK's) and the person's last confirmed visit."""
        today = now.date()
        birth_date = person.birth_date or nik_birth_date(person.nik, today)
        last = await self._db(self._store.last_confirmed_visit_start, person.nik, now)
        last_day = last.astimezone(now.tzinfo).date() if last is not None else None
        return ckg_eligibility(birth_date, today, last_day, self._config.ckg_window)

    async def measure(self, role: DeviceRole) -> list[StoredReading]:
        """Ask the device in ``role`` for a measurement and store what it sends.

        Device failures are shown as an ERROR device state and return an empty list; they
        never raise into the desk app.
        """
        device = self._devices.get(role)
        if device is None:
            raise StationError(
                "Tidak ada alat yang diatur untuk pengukuran ini.",
                "No device is configured for this measurement.",
            )
        if self._visit is None:
            raise StationError(
                "Isi data orang yang diperiksa dahulu.", "Enter the person's details first."
            )
        if role in self._busy:
            raise StationError("Alat sedang mengukur.", "The device is already measuring.")
        visit_id = self._visit.id
        self._busy.add(role)

        def forward(event: DeviceEvent) -> None:
            self._emit(DeviceUpdate(role, device.label, device.simulated, event))

        try:
            measurements = await device.measure(forward)
        except DeviceError as exc:
            forward(DeviceEvent(device.device_id, DeviceState.ERROR, detail=str(exc)))
            return []
        finally:
            self._busy.discard(role)
        stored: list[StoredReading] = []
        for measurement in measurements:
            received_at = self._clock()
            if self._open_visit_id() != visit_id:
                # The visit ended while the device worked: never file it under anyone.
                _LOGGER.warning("reading from %s arrived after its visit ended; dropped", role)
                forward(
                    DeviceEvent(
                        device.device_id,
                        DeviceState.ERROR,
                        detail="reading arrived after the visit ended; not stored",
                    )
                )
                continue
            findings = check_reading(CheckReading(measurement, local_naive(received_at)))
            reading = await self._db(
                self._store.add_reading,
                visit_id=visit_id,
                measurement=measurement,
                source=ReadingSource(device.device_id, device.label, device.simulated),
                findings=findings,
                received_at=received_at,
            )
            self._visit = await self._db(self._store.visit, visit_id)
            stored.append(reading)
            self._emit(ReadingStored(role, reading, summarise(self._visit)))
        return stored

    async def confirm(self, acknowledgement: Acknowledgement | None = None) -> VisitResults:
        """Close the visit with its results. A critical result needs ``acknowledgement``:
        what the health worker did about it (docs/design.md section 6; issue 4)."""
        visit = self._require_visit()
        if self._busy:
            raise StationError(
                "Tunggu sampai pengukuran selesai.", "Wait until the measurement has finished."
            )
        # The readings cannot change from here on (nothing is measuring), so these are the
        # results of the confirmed visit too.
        results = summarise(visit)
        evaluation = results.evaluation
        assert evaluation is not None
        now = self._clock()
        outcome = VisitOutcome(referral=str(evaluation.referral))
        if evaluation.needs_acknowledgement:
            if acknowledgement is None:
                raise StationError(
                    "Hasil kritis: catat tindakan yang diambil (dirujuk, diperiksa dokter, "
                    "menolak) sebelum menutup kunjungan.",
                    "Critical result: record what was done (referred, seen by a doctor, "
                    "declined) before closing the visit.",
                )
            outcome = VisitOutcome(
                referral=str(evaluation.referral),
                acknowledged_action=str(acknowledgement.action),
                acknowledged_note=acknowledgement.note.strip()[:500],
                acknowledged_at=now,
            )
        try:
            confirmed = await self._db(self._store.confirm_visit, visit.id, now, outcome)
        except StoreError as exc:
            raise StationError(
                "Belum ada hasil yang sah untuk dikonfirmasi. Ukur dahulu.",
                "There is no valid result to confirm yet. Measure first.",
            ) from exc
        self._visit = None
        self._queue_number = None
        self._emit(VisitConfirmed(confirmed, results))
        return results

    async def cancel(self) -> None:
        visit = self._require_visit()
        await self._db(self._store.cancel_visit, visit.id)
        self._visit = None
        self._queue_number = None
        self._emit(VisitClosed(visit.id))

    # -- visits left open by a crash (issue 11) -------------------------------------------

    async def find_interrupted(self) -> StoredVisit | None:
        """At start-up: the oldest visit of this desk still open in the store, announced as
        ``InterruptedVisit``. None when there is none or a visit is open here already."""
        if self._visit is not None:
            return None
        left = await self._db(self._store.open_visits, self._config.station_id)
        if not left:
            return None
        _LOGGER.warning("visit %s was left open when the station stopped", left[0].id)
        self._emit(InterruptedVisit(left[0]))
        return left[0]

    async def resume(self, visit_id: str) -> StoredVisit:
        """Carry on with an interrupted visit: its queue number, person and readings come
        back on screen exactly as stored, and it is measured, confirmed or cancelled as
        usual."""
        if self._visit is not None:
            raise StationError(
                "Sudah ada kunjungan yang berjalan.", "A visit is already in progress."
            )
        try:
            visit = await self._db(self._store.visit, visit_id)
        except StoreError as exc:
            raise StationError(
                "Kunjungan ini tidak dapat dibaca.", f"This visit cannot be read: {exc}"
            ) from exc
        if visit.status is not VisitStatus.OPEN:
            raise StationError(
                "Kunjungan ini sudah ditutup.", "This visit has been closed already."
            )
        self._visit = visit
        self._queue_number = visit.queue_number
        self._emit(QueueCalled(visit.queue_number))
        self._emit(VisitOpened(visit, await self._ckg_eligibility(visit.person, visit.started_at)))
        results = summarise(visit)
        for reading in visit.readings:
            self._emit(ReadingStored(_role_of(reading), reading, results))
        return visit

    async def cancel_interrupted(self, visit_id: str) -> None:
        """Cancel an interrupted visit without resuming it (its readings stay for audit)."""
        if self._visit is not None and self._visit.id == visit_id:
            await self.cancel()
            return
        try:
            await self._db(self._store.cancel_visit, visit_id)
        except StoreError as exc:
            raise StationError(
                "Kunjungan ini sudah ditutup.", "This visit has been closed already."
            ) from exc
        self._emit(VisitClosed(visit_id))

    def _open_visit_id(self) -> str | None:
        # A method, not an attribute test, because the open visit can change across awaits.
        return self._visit.id if self._visit is not None else None

    def _require_visit(self) -> StoredVisit:
        if self._visit is None:
            raise StationError("Tidak ada kunjungan yang berjalan.", "No visit is in progress.")
        return self._visit
