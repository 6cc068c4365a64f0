"""The desk day: the day's list and its summary (``vitals-station visits`` / ``summary``,
docs/design.md section 4). Pure: the visits and the skip count are given, no I/O, no clock.

A day is the station's local date, as the queue counts it (``Store.next_queue_number`` is
keyed by the local date of the station's clock); ``tz`` below is that zone (None: this
computer's local zone). What the numbers count:

- ``visits``: visits started that day at any desk, whatever became of them (open, confirmed
  or cancelled); ``confirmed`` and ``cancelled`` are among them, the rest are still open.
- ``skipped``: called queue numbers of that day recorded as skipped (no-shows).
- ``manual_readings``: readings typed by hand (source ``manual``) that count as results
  (valid and not discarded, ``StoredReading.counts``) in the confirmed visits.
- ``referrals``: the confirmed visits per referral level; one confirmed before levels were
  stored (migration 0002) counts as ``none``.
- ``uploads``: the confirmed visits per upload state: ``sent`` when every outbox entry of
  the visit is sent, ``dead`` when any waits for a person, else ``waiting`` (pending, being
  sent, or failed and to be retried). A visit with no entry (state ``none``: nothing to send)
  is in none of the three.

For the desk's view, beyond the command's JSON: the people checked (confirmed visits, one per
NIK) per CKG age stream (station/ckg.py; ``unknown`` when neither birth date nor NIK gives an
age), and the visits started in each hour of the day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from station.checks.rulesets import Referral
from station.ckg import AgeStream, age_in_years, age_stream
from station.person import PersonError, mask_nik, nik_birth_date
from station.store.models import OutboxStatus, VisitStatus

__all__ = [
    "REFERRAL_LEVELS",
    "STREAMS",
    "DaySummary",
    "DayVisit",
    "UploadState",
    "day_bounds",
    "local_day",
    "summarise_day",
    "upload_state",
]

UploadState = Literal["sent", "waiting", "failed", "dead", "none"]
REFERRAL_LEVELS: tuple[Referral, ...] = tuple(Referral)
STREAMS: tuple[AgeStream | Literal["unknown"], ...] = ("0-6", "7-17", "18-59", "60+", "unknown")
_UPLOAD_COUNTED: tuple[UploadState, ...] = ("sent", "waiting", "dead")


def day_bounds(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The instants where ``day`` begins and the next day begins, in zone ``tz``."""
    if tz is None:  # a naive time is read as this computer's local time by astimezone()
        start = datetime.combine(day, time.min).astimezone()
        end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
        return start, end
    start = datetime.combine(day, time.min, tzinfo=tz)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    return moment.astimezone(tz).date()


def upload_state(statuses: Iterable[str], *, failed_apart: bool = False) -> UploadState:
    """A visit's upload state from the states of its outbox entries: ``dead`` when any needs
    a person, ``sent`` when all are sent, else ``waiting`` (``none`` without entries). With
    ``failed_apart`` (the desk's status bar) a visit with a failed entry waiting for its retry
    is ``failed`` rather than ``waiting``."""
    seen = set(statuses)
    if not seen:
        return "none"
    if OutboxStatus.DEAD in seen:
        return "dead"
    if seen == {OutboxStatus.SENT}:
        return "sent"
    if failed_apart and OutboxStatus.FAILED in seen:
        return "failed"
    return "waiting"


@dataclass(frozen=True, slots=True)
class DayVisit:
    """One visit of the day's list."""

    visit_id: str
    queue_number: int
    station_id: str
    started_at: datetime  # timezone-aware
    status: VisitStatus
    nik: str
    name: str
    birth_date: date | None
    referral: Referral | None  # set at confirmation
    upload: UploadState
    manual_readings: int = 0  # manual readings that count

    @property
    def nik_masked(self) -> str:
        return mask_nik(self.nik)

    def to_json(self, tz: tzinfo | None = None) -> dict[str, Any]:
        """The ``visits`` row; ``started_at`` in the station's local time with its offset."""
        return {
            "visit_id": self.visit_id,
            "queue_number": self.queue_number,
            "started_at": self.started_at.astimezone(tz).isoformat(),
            "status": str(self.status),
            "nik_masked": self.nik_masked,
            "name": self.name,
            "referral": str(self.referral) if self.referral is not None else None,
            "upload": self.upload,
        }


@dataclass(frozen=True, slots=True)
class DaySummary:
    day: date
    visits: int
    confirmed: int
    cancelled: int
    skipped: int
    manual_readings: int
    referrals: dict[str, int]
    uploads: dict[str, int]
    # For the desk's view (module docstring): people per CKG age stream; visits per hour
    # (local hour 0-23), every hour from the first to the last visit, zeros included.
    by_stream: dict[str, int] = field(default_factory=dict)
    per_hour: tuple[tuple[int, int], ...] = ()

    @property
    def open(self) -> int:
        return self.visits - self.confirmed - self.cancelled

    def to_json(self) -> dict[str, Any]:
        """Exactly the ``summary`` keys of docs/design.md section 4."""
        return {
            "date": self.day.isoformat(),
            "visits": self.visits,
            "confirmed": self.confirmed,
            "cancelled": self.cancelled,
            "skipped": self.skipped,
            "manual_readings": self.manual_readings,
            "referrals": dict(self.referrals),
            "uploads": dict(self.uploads),
        }


def _stream(visit: DayVisit, day: date) -> str:
    try:
        born = visit.birth_date or nik_birth_date(visit.nik, day)
        return age_stream(age_in_years(born, day))
    except (PersonError, ValueError):  # no date in the NIK, or a birth date after the day
        return "unknown"


def _per_hour(visits: Sequence[DayVisit], tz: tzinfo | None) -> tuple[tuple[int, int], ...]:
    hours = Counter(v.started_at.astimezone(tz).hour for v in visits)
    if not hours:
        return ()
    return tuple((hour, hours[hour]) for hour in range(min(hours), max(hours) + 1))


def summarise_day(
    day: date, visits: Sequence[DayVisit], skipped: int, tz: tzinfo | None = None
) -> DaySummary:
    """The summary of ``day`` from the visits started that day (all desks) and the number of
    queue numbers skipped."""
    confirmed = [v for v in visits if v.status == VisitStatus.CONFIRMED]
    referrals = Counter(str(v.referral or Referral.NONE) for v in confirmed)
    uploads = Counter(v.upload for v in confirmed)
    people = {v.nik: v for v in confirmed}  # one per person, the latest visit
    streams = Counter(_stream(v, day) for v in people.values())
    return DaySummary(
        day=day,
        visits=len(visits),
        confirmed=len(confirmed),
        cancelled=sum(v.status == VisitStatus.CANCELLED for v in visits),
        skipped=skipped,
        manual_readings=sum(v.manual_readings for v in confirmed),
        referrals={str(level): referrals[str(level)] for level in REFERRAL_LEVELS},
        uploads={state: uploads[state] for state in _UPLOAD_COUNTED},
        by_stream={stream: streams[stream] for stream in STREAMS},
        per_hour=_per_hour(visits, tz),
    )
