"""The desk's entry to same-day corrections (issue 11): plain calls, no coroutines.

Each call does its own database work (``CorrectionStore``); the desk runs them where it runs
its other storage calls (the station's store thread), never on the UI thread. The rules are
``station.corrections``; a refusal is ``CorrectionRefused`` (``CorrectionBusy`` while a sync
uploads the visit) with the message in both languages, and nothing is changed.

    service = CorrectionService(store, clock, station_id="desk-1")
    visits = service.correctable_visits()          # today's confirmed visits of this desk
    service.preview(visit, correction)             # the corrected results, nothing stored
    corrected = service.correct(visit.id, correction)
    corrected.results                               # for both screens (rebuilt)
    service.history(visit.id)                       # reason, time, version replaced
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from station.audit import Actor
from station.corrections import Correction, CorrectionPlan, plan_correction
from station.results import VisitResults, local_naive, summarise
from station.store.corrections import CorrectionStore, VisitCorrection
from station.store.repository import Store, StoredVisit

__all__ = ["CorrectedVisit", "CorrectionService"]


@dataclass(frozen=True, slots=True)
class CorrectedVisit:
    """The visit as stored after the correction, and its rebuilt results."""

    visit: StoredVisit
    results: VisitResults


class CorrectionService:
    def __init__(self, store: Store, clock: Callable[[], datetime], *, station_id: str) -> None:
        self._store = store
        self._corrections = CorrectionStore(store.database)
        self._clock = clock
        self._station_id = station_id

    def correctable_visits(self) -> list[StoredVisit]:
        """This desk's confirmed visits that started today (the station's local date),
        newest first: the ones a correction may take."""
        midnight = self._clock().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
        visits = self._store.confirmed_visits_since(self._station_id, midnight)
        return list(reversed(visits))

    def preview(self, visit: StoredVisit, correction: Correction) -> CorrectionPlan:
        """What ``correct`` would store (the corrected results in ``.results``), without
        storing anything; ``CorrectionRefused`` as ``correct`` would refuse it."""
        now = self._clock()
        return plan_correction(visit, correction, today=local_naive(now).date(), now=now)

    def correct(self, visit_id: str, correction: Correction, actor: Actor) -> CorrectedVisit:
        """Store the correction (one transaction) and give the visit with its results."""
        visit = self._corrections.apply(visit_id, correction, self._clock(), actor=actor)
        return CorrectedVisit(visit, summarise(visit))

    def history(self, visit_id: str) -> list[VisitCorrection]:
        """The visit's corrections, oldest first."""
        return self._corrections.corrections(visit_id)
