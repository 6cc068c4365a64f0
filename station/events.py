"""What the station tells the screens: one event type per thing that happened at the desk,
delivered through ``Station``'s ``on_event`` callback on the loop's thread (the desk app turns
them into Qt signals). Plain frozen data; nothing here knows about Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from devices.device import DeviceEvent
from devices.measurements import BloodPressure, CuffPressure, Measurement
from station.ckg import Eligibility
from station.desk_state import Action, DeskState
from station.followup import FollowUp
from station.results import VisitResults
from station.store.corrections import VisitCorrection
from station.store.day_queries import DayReport
from station.store.operators import Operator
from station.store.people import PreviousVisit
from station.store.repository import StoredReading, StoredVisit
from station.upload.person_lookup import RegistryAnswer

__all__ = [
    "CorrectionOpened",
    "DayLoaded",
    "DeskChanged",
    "DeviceRole",
    "DeviceUpdate",
    "EventSink",
    "InterruptedVisit",
    "OperatorChanged",
    "PersonLookedUp",
    "PreviousResults",
    "QueueCalled",
    "QueueSkipped",
    "ReadingDiscarded",
    "ReadingStored",
    "StationEvent",
    "VisitClosed",
    "VisitConfirmed",
    "VisitCorrected",
    "VisitOpened",
    "role_of",
]


class DeviceRole(StrEnum):
    BLOOD_PRESSURE = "blood_pressure"
    OXIMETER = "oximeter"


@dataclass(frozen=True, slots=True)
class QueueCalled:
    queue_number: int
    station_id: str = ""
    recall: bool = False  # called again: chime and show it again


@dataclass(frozen=True, slots=True)
class QueueSkipped:
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
class ReadingDiscarded:
    reading_id: str
    reason: str
    results: VisitResults


@dataclass(frozen=True, slots=True)
class PreviousResults:
    """The person's previous confirmed visit: when it began, and its values that counted."""

    started_at: datetime
    results: VisitResults


@dataclass(frozen=True, slots=True)
class VisitConfirmed:
    visit: StoredVisit
    results: VisitResults
    previous: PreviousResults | None = None  # for the patient screen's "then and now"


@dataclass(frozen=True, slots=True)
class VisitClosed:
    """The open visit ended without results (cancelled)."""

    visit_id: str


@dataclass(frozen=True, slots=True)
class InterruptedVisit:
    """A visit of this desk left open when the station stopped (crash, power cut): the desk
    offers to resume it, with the readings it has, or to cancel it (issue 11)."""

    visit: StoredVisit


@dataclass(frozen=True, slots=True)
class PersonLookedUp:
    """What the station knows of a NIK being typed: the person's last visit at any desk
    (proposed, never filled in silently) and, later, what SATUSEHAT said."""

    nik: str
    previous: PreviousVisit | None = None
    registry: RegistryAnswer | None = None


@dataclass(frozen=True, slots=True)
class DayLoaded:
    """The day's list and summary, and the follow-ups, as of ``today`` (for the day views)."""

    today: date
    report: DayReport
    followups: tuple[FollowUp, ...]


@dataclass(frozen=True, slots=True)
class CorrectionOpened:
    """A confirmed visit of today, ready to be corrected, with its earlier corrections."""

    visit: StoredVisit
    history: tuple[VisitCorrection, ...]


@dataclass(frozen=True, slots=True)
class VisitCorrected:
    """A same-day correction was stored: the visit as it is now and its rebuilt results."""

    visit: StoredVisit
    results: VisitResults


@dataclass(frozen=True, slots=True)
class DeskChanged:
    """The desk's state after an action, with what the operator can do now."""

    state: DeskState
    allowed: frozenset[Action]


@dataclass(frozen=True, slots=True)
class OperatorChanged:
    """Who is signed in at this desk now; None: the desk is locked (personal data off both
    screens, the visit kept). ``setup_needed``: no operator exists yet, so the desk asks
    for the first admin instead of a sign-in. ``reason`` for a lock: ``idle``,
    ``operator`` (locked or switched by hand) or ``start``."""

    operator: Operator | None
    setup_needed: bool = False
    reason: str = ""


StationEvent = (
    QueueCalled
    | QueueSkipped
    | VisitOpened
    | DeviceUpdate
    | ReadingStored
    | ReadingDiscarded
    | VisitConfirmed
    | VisitClosed
    | InterruptedVisit
    | DeskChanged
    | PersonLookedUp
    | DayLoaded
    | CorrectionOpened
    | VisitCorrected
    | OperatorChanged
)
EventSink = Callable[[StationEvent], None]


def role_of(measurement: Measurement) -> DeviceRole:
    cuff = isinstance(measurement, BloodPressure | CuffPressure)
    return DeviceRole.BLOOD_PRESSURE if cuff else DeviceRole.OXIMETER
