"""Following up referred people: when a referred person is due back, and whether they came.

Rules (pure: no I/O, no clock; ``today`` and the visits are given):

- Due date, from the referral level of the confirmed visit and its day (the station's local
  date): ``urgent`` and ``same_day`` are due the visit day itself (see a doctor now / today);
  ``follow_up`` is due ``RuleSet.follow_up_days`` after it (30: the advice "within the month",
  station/checks/rulesets.py ``FOLLOW_UP_DAYS``); ``none`` has no follow-up.
- Returned: the same NIK has another *confirmed* visit, at any desk sharing the database, that
  started after the referred visit started (so on or after its day). A visit earlier the same
  day does not count: the person had not been referred yet.
- State on ``today``: ``returned`` once they came back (whatever the date), else ``overdue``
  after the due date, ``due`` on it, ``upcoming`` before it. "Due" for the follow-up list
  (``vitals-station followups --due``) means ``due`` or ``overdue``.

The list's JSON and CSV rows have the keys of docs/design.md section 4: ``visit_id``,
``queue_number``, ``date`` (the visit day), ``nik_masked``, ``name``, ``referral``, ``due`` (the
due date) and ``returned``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from station.checks.rulesets import Referral, RuleSet
from station.person import mask_nik

__all__ = [
    "CSV_COLUMNS",
    "FollowUp",
    "FollowUpState",
    "VisitStart",
    "due_date",
    "follow_up_state",
    "followups_csv",
    "has_returned",
    "is_due",
]

FollowUpState = Literal["returned", "overdue", "due", "upcoming"]

CSV_COLUMNS = (
    "visit_id",
    "queue_number",
    "date",
    "nik_masked",
    "name",
    "referral",
    "due",
    "returned",
)


def due_date(referral: Referral | str, visit_day: date, rules: RuleSet) -> date | None:
    """When a person referred at ``referral`` on ``visit_day`` should be back (None: not
    referred). An unknown level is refused rather than guessed."""
    level = Referral(referral)
    if level is Referral.NONE:
        return None
    if level is Referral.FOLLOW_UP:
        return visit_day + timedelta(days=rules.follow_up_days)
    return visit_day  # same_day, urgent


@dataclass(frozen=True, slots=True)
class VisitStart:
    """A visit's id and the instant it started (timezone-aware)."""

    visit_id: str
    started_at: datetime


def has_returned(referred: VisitStart, confirmed_same_nik: Iterable[VisitStart]) -> bool:
    """Did the person come back after ``referred``? ``confirmed_same_nik``: the confirmed
    visits of the same NIK (the referred one itself may be among them)."""
    return any(
        other.visit_id != referred.visit_id and other.started_at > referred.started_at
        for other in confirmed_same_nik
    )


def follow_up_state(due: date, returned: bool, today: date) -> FollowUpState:
    if returned:
        return "returned"
    if due < today:
        return "overdue"
    if due == today:
        return "due"
    return "upcoming"


def is_due(due: date, returned: bool, today: date) -> bool:
    """Due or overdue, and not back yet: the people to call."""
    return follow_up_state(due, returned, today) in {"due", "overdue"}


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A referred visit on the follow-up list."""

    visit_id: str
    queue_number: int
    day: date  # the referred visit's local date
    nik: str
    name: str
    referral: Referral
    due: date
    returned: bool

    @property
    def nik_masked(self) -> str:
        return mask_nik(self.nik)

    def state(self, today: date) -> FollowUpState:
        return follow_up_state(self.due, self.returned, today)

    def is_due(self, today: date) -> bool:
        return is_due(self.due, self.returned, today)

    def to_json(self) -> dict[str, Any]:
        return {
            "visit_id": self.visit_id,
            "queue_number": self.queue_number,
            "date": self.day.isoformat(),
            "nik_masked": self.nik_masked,
            "name": self.name,
            "referral": str(self.referral),
            "due": self.due.isoformat(),
            "returned": self.returned,
        }


# A cell starting with one of these is a formula to a spreadsheet (CSV injection, OWASP):
# such a cell is written with a leading apostrophe so that it stays text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def followups_csv(followups: Sequence[FollowUp]) -> str:
    """The list as CSV text: a header of ``CSV_COLUMNS``, one row per referred visit
    (``returned`` as ``yes``/``no``), CRLF line ends (RFC 4180), and a UTF-8 byte-order mark
    so that a spreadsheet opened on a clinic PC reads names with accents correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in followups:
        row = item.to_json()
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()
