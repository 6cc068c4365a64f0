"""Same-day corrections of a confirmed visit (issue 11): what a correction is, which visits
may take one, and what it does to each reading's upload. Pure: no I/O, no clock.

A correction carries a reason (required, kept with the record) and one or more changes: new
values for a reading, typed in by the operator (so a *manual* value: ``MANUAL_SOURCE``, read
as ``station.manual_entry`` reads a manual entry; the device's reading stays in the previous
version), or a reading discarded (kept, with the correction's reason, but no longer a result). The
checks run again on every new value (``station.checks.engine.check_reading``); a value they
block is refused with their message and nothing changes. The visit's results and referral are
rebuilt from the readings as corrected (``station.results.summarise``).

Only a *confirmed* visit that *started today* (the station's local date) takes a correction:
an open visit is still being measured (its readings are discarded there,
``Store.discard_reading``), a cancelled one has no results, and an earlier day's results may
already have been acted on.

What a correction does to a changed reading's outbox entry (``outbox_change``):

* never seen by the server (no server ids, never attempted): simply replaced. The entry is
  (or becomes) ``pending`` with amendment 0 and is sent as a new resource carrying the new
  values; the old ones never leave the station. A discarded reading's entry goes.
* on the server, or maybe (server ids known, or an attempt was made): ``pending`` with
  amendment = the visit's new revision, sent as an update of the same resources (same
  identifiers, ``PUT Observation/{id}``) with status ``amended``; for a discarded reading
  with status ``entered-in-error``: FHIR R4 Observation.status, "the observation has been
  withdrawn following previous final release"
  (http://hl7.org/fhir/R4/valueset-observation-status.html). Never a second copy.

A corrected value keeps the vital signs of the reading it replaces (an oximeter reading with
a pulse keeps one): each becomes the next version of the same Observation. To remove a value,
discard the reading.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Self

from devices.measurements import BloodPressure, HeartRate, Measurement, SpO2, measurement_from_json
from station.checks.engine import CheckReading, check_reading
from station.checks.findings import Finding, Severity, blocks
from station.checks.messages import Params, ParamValue, check_params, texts
from station.critical import CriticalAction
from station.export import vital_kinds
from station.manual_entry import MANUAL_SOURCE
from station.results import VisitResults, local_naive, summarise
from station.store.models import VisitStatus
from station.store.repository import ReadingSource, StoredReading, StoredVisit, VisitOutcome

__all__ = [
    "AcknowledgementNeeded",
    "Change",
    "Correction",
    "CorrectionBusy",
    "CorrectionPlan",
    "CorrectionRefused",
    "Discard",
    "EntryState",
    "NewValues",
    "OutboxChange",
    "PreviousReading",
    "PreviousVersion",
    "check_correctable",
    "outbox_change",
    "plan_correction",
    "snapshot",
]

REASON_LIMIT = 500
# Measurements a correction can replace: those that are results (a live cuff pressure is not).
_CORRECTABLE = (BloodPressure, SpO2, HeartRate)


class CorrectionRefused(Exception):
    """The correction is not possible; nothing was changed. The message in both languages;
    ``key`` and ``params`` are it as a catalogue key for the screens to render in their
    language (None: words only)."""

    def __init__(
        self,
        message_id: str,
        message_en: str,
        *,
        key: str | None = None,
        params: Params | None = None,
    ) -> None:
        super().__init__(message_en)
        self.message_id = message_id
        self.message_en = message_en
        self.key = key
        self.params = params if params is not None else Params()

    @classmethod
    def of(cls, key: str, params: Mapping[str, ParamValue] | None = None) -> Self:
        """The refusal with its words from the catalogue (``MessageError`` on a bad key);
        a subclass's ``of`` gives that subclass."""
        kept = check_params(key, params or {})
        message_id, message_en = texts(key, kept)
        return cls(message_id, message_en, key=key, params=kept)


class AcknowledgementNeeded(CorrectionRefused):
    """The corrected results are critical and the visit has no record of what was done:
    the correction needs ``acknowledged_action`` (as a confirmation does, issue 4)."""


class CorrectionBusy(CorrectionRefused):
    """A sync process is uploading the visit right now (it holds the visit's lease): the
    correction is refused, not queued behind it; the operator tries again in a moment."""


@dataclass(frozen=True, slots=True)
class NewValues:
    """Typed-in values replacing a reading's (a manual measurement of the same kind)."""

    reading_id: str
    measurement: Measurement


@dataclass(frozen=True, slots=True)
class Discard:
    """The reading was wrong and has no replacement: kept, no longer a result."""

    reading_id: str


Change = NewValues | Discard


@dataclass(frozen=True, slots=True)
class Correction:
    """What the operator asks for. ``acknowledged_action`` (a ``CriticalAction`` value) and
    ``acknowledged_note`` are needed only when the corrected results become critical and the
    visit has no acknowledgement yet."""

    reason: str
    changes: tuple[Change, ...]
    acknowledged_action: str | None = None
    acknowledged_note: str = ""


@dataclass(frozen=True, slots=True)
class CorrectionPlan:
    """A checked correction: the visit as it will be and what changes for each reading."""

    visit_id: str
    revision: int  # the visit's revision after the correction
    reason: str
    changed: tuple[StoredReading, ...]  # the changed readings as they will be stored
    corrected: StoredVisit  # the whole visit as it will be
    results: VisitResults
    previous: dict[str, Any]  # the visit as it was (``snapshot``)

    @property
    def referral(self) -> str:
        assert self.corrected.outcome is not None  # set by plan_correction
        return self.corrected.outcome.referral


def _refuse(key: str, params: Mapping[str, ParamValue] | None = None) -> CorrectionRefused:
    return CorrectionRefused.of(key, params)


def check_correctable(visit: StoredVisit, today: date) -> None:
    """Refuse (``CorrectionRefused``) unless ``visit`` is confirmed and started on ``today``,
    the station's local date."""
    if visit.status is VisitStatus.OPEN:
        raise _refuse("correction.visit_open")
    if visit.status is VisitStatus.CANCELLED:
        raise _refuse("correction.visit_cancelled")
    if local_naive(visit.started_at).date() != today:
        raise _refuse("correction.not_today")


def _values(measurement: Measurement) -> tuple[float | None, ...]:
    """The values a correction can change (what the desk shows and the upload sends)."""
    if isinstance(measurement, BloodPressure):
        return (
            measurement.in_mmhg(measurement.systolic),
            measurement.in_mmhg(measurement.diastolic),
            measurement.pulse_rate,
        )
    if isinstance(measurement, SpO2):
        return (measurement.spo2, measurement.pulse_rate)
    if isinstance(measurement, HeartRate):
        return (float(measurement.heart_rate),)
    return ()


def _blocked_message(findings: Sequence[Finding]) -> CorrectionRefused:
    invalid = [f for f in findings if f.severity is Severity.INVALID]
    return _refuse(
        "correction.values_refused",
        {
            "findings_id": " ".join(f.message_id for f in invalid),
            "findings_en": " ".join(f.message_en for f in invalid),
        },
    )


def _replaced(reading: StoredReading, measurement: Measurement) -> StoredReading:
    old = reading.measurement
    if not isinstance(old, _CORRECTABLE) or type(measurement) is not type(old):
        raise _refuse("correction.other_kind", {"sequence": reading.sequence})
    if vital_kinds(measurement) != vital_kinds(old):
        raise _refuse("correction.other_values", {"sequence": reading.sequence})
    if _values(measurement) == _values(old):
        raise _refuse("correction.same_values", {"sequence": reading.sequence})
    findings = tuple(check_reading(CheckReading(measurement, local_naive(reading.received_at))))
    if blocks(findings):
        raise _blocked_message(findings)
    return dataclasses.replace(
        reading,
        measurement=measurement,
        findings=findings,
        valid=True,
        source=MANUAL_SOURCE,
        revision=reading.revision + 1,
    )


def _changed(visit: StoredVisit, changes: Sequence[Change], reason: str) -> list[StoredReading]:
    if not changes:
        raise _refuse("correction.nothing_chosen")
    by_id = {r.id: r for r in visit.readings}
    seen: set[str] = set()
    changed: list[StoredReading] = []
    for change in changes:
        reading = by_id.get(change.reading_id)
        if reading is None:
            raise _refuse("correction.not_in_visit", {"reading": change.reading_id})
        if reading.id in seen:
            raise _refuse("correction.changed_twice", {"sequence": reading.sequence})
        seen.add(reading.id)
        if reading.discarded_reason is not None:
            raise _refuse("correction.discarded_already", {"sequence": reading.sequence})
        if isinstance(change, Discard):
            changed.append(
                dataclasses.replace(reading, discarded_reason=reason, revision=reading.revision + 1)
            )
        else:
            changed.append(_replaced(reading, change.measurement))
    return changed


def _outcome(
    visit: StoredVisit, results: VisitResults, correction: Correction, now: datetime
) -> VisitOutcome:
    evaluation = results.evaluation
    assert evaluation is not None  # summarise always evaluates
    referral = str(evaluation.referral)
    before = visit.outcome
    if before is not None and before.acknowledged_action is not None:
        # What was done about the critical result stays on record.
        return dataclasses.replace(before, referral=referral)
    action = correction.acknowledged_action
    if action is not None:
        if action not in {a.value for a in CriticalAction}:
            raise _refuse("correction.unknown_action", {"action": action})
        return VisitOutcome(referral, action, correction.acknowledged_note.strip()[:500], now)
    if evaluation.needs_acknowledgement:
        raise AcknowledgementNeeded.of("correction.needs_acknowledgement")
    return VisitOutcome(referral)


def plan_correction(
    visit: StoredVisit, correction: Correction, *, today: date, now: datetime
) -> CorrectionPlan:
    """Check ``correction`` against ``visit`` and work out the visit as corrected;
    ``CorrectionRefused`` (saying why) when it is not possible. ``today`` is the station's
    local date, ``now`` the correction's time (an acknowledgement's time)."""
    check_correctable(visit, today)
    reason = correction.reason.strip()
    if not reason:
        raise _refuse("correction.needs_reason")
    reason = reason[:REASON_LIMIT]
    changed = _changed(visit, correction.changes, reason)
    replaced = {r.id: r for r in changed}
    readings = tuple(replaced.get(r.id, r) for r in visit.readings)
    if not any(r.counts for r in readings):
        raise _refuse("correction.no_valid_reading")
    revision = visit.revision + 1
    draft = dataclasses.replace(visit, readings=readings, revision=revision, corrected_at=now)
    results = summarise(draft)
    corrected = dataclasses.replace(draft, outcome=_outcome(visit, results, correction, now))
    return CorrectionPlan(
        visit_id=visit.id,
        revision=revision,
        reason=reason,
        changed=tuple(changed),
        corrected=corrected,
        results=results,
        previous=snapshot(visit),
    )


# -- the upload ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntryState:
    """What the outbox knows of a reading's entry: its resources' server ids once sent, and
    how many attempts were made (an attempt may have reached the server)."""

    server_ids: tuple[str, ...] = ()
    attempts: int = 0

    @property
    def maybe_on_server(self) -> bool:
        return bool(self.server_ids) or self.attempts > 0


class OutboxChange(StrEnum):
    NONE = "none"  # no entry, none needed
    CREATE = "create"  # a new entry: pending, amendment 0
    REPLACE = "replace"  # the entry stays, pending, amendment 0: sent as new
    AMEND = "amend"  # pending, amendment = new revision: sent as an update
    DROP = "drop"  # the entry goes: nothing of the reading was or will be sent


def outbox_change(entry: EntryState | None, counts: bool) -> OutboxChange:
    """What happens to a changed reading's outbox entry (``entry`` None: it has none), given
    whether the reading counts (valid, not discarded) after the correction."""
    if entry is None:
        return OutboxChange.CREATE if counts else OutboxChange.NONE
    if entry.maybe_on_server:
        # Amended, or (discarded) entered-in-error: the server's copy must follow.
        return OutboxChange.AMEND
    return OutboxChange.REPLACE if counts else OutboxChange.DROP


# -- the previous version --------------------------------------------------------------------


def _finding_json(finding: Finding) -> dict[str, Any]:
    """A finding in the previous version: its words, and its message key and parameters
    when it has them (issue 13), so an earlier version renders in the screen's language."""
    data = finding.to_json()
    if finding.key is not None:
        data["key"] = finding.key
        data["params"] = dict(finding.params)
    return data


def _finding_from_json(data: Mapping[str, Any]) -> Finding:
    """A finding of a previous version (one stored before issue 13 has no key)."""
    return Finding(
        parameter=data["parameter"],
        severity=Severity(data["severity"]),
        code=data["code"],
        message_id=data["message"]["id"],
        message_en=data["message"]["en"],
        key=data.get("key"),
        params=Params(data.get("params") or {}),
    )


def snapshot(visit: StoredVisit) -> dict[str, Any]:
    """The visit as it is, as JSON, for ``visit_corrections.previous_json``: its revision,
    referral, acknowledgement and every reading (values, source, validity, findings,
    discard)."""
    outcome = visit.outcome
    return {
        "revision": visit.revision,
        "referral": outcome.referral if outcome else None,
        "acknowledged_action": outcome.acknowledged_action if outcome else None,
        "readings": [
            {
                "id": r.id,
                "sequence": r.sequence,
                "revision": r.revision,
                "source": r.source.source,
                "device_id": r.source.device_id,
                "device_label": r.source.device_label,
                "simulated": r.source.simulated,
                "valid": r.valid,
                "discarded_reason": r.discarded_reason,
                "measurement": r.measurement.to_json(),
                "findings": [_finding_json(f) for f in r.findings],
            }
            for r in visit.readings
        ],
    }


@dataclass(frozen=True, slots=True)
class PreviousReading:
    id: str
    sequence: int
    revision: int
    measurement: Measurement
    source: ReadingSource
    valid: bool
    discarded_reason: str | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class PreviousVersion:
    """A visit as it was before a correction (read back from ``snapshot``)."""

    revision: int
    referral: str | None
    acknowledged_action: str | None
    readings: tuple[PreviousReading, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PreviousVersion:
        return cls(
            revision=int(data["revision"]),
            referral=data.get("referral"),
            acknowledged_action=data.get("acknowledged_action"),
            readings=tuple(_previous_reading(r) for r in data.get("readings", [])),
        )


def _previous_reading(data: Mapping[str, Any]) -> PreviousReading:
    return PreviousReading(
        id=str(data["id"]),
        sequence=int(data["sequence"]),
        revision=int(data["revision"]),
        measurement=measurement_from_json(data["measurement"]),
        source=ReadingSource(
            str(data["device_id"]),
            str(data["device_label"]),
            bool(data["simulated"]),
            str(data["source"]),
        ),
        valid=bool(data["valid"]),
        discarded_reason=data.get("discarded_reason"),
        findings=tuple(_finding_from_json(f) for f in data.get("findings", [])),
    )
