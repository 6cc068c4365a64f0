"""The retention purge after upload rounds (issue 12, ``[station] keep_days_after_upload``):
once a day per process, after a drain, on the uploader's database thread. The rule is
``station.retention``; the purge itself, audited per visit, ``station.store.retention``.
It runs where results are sent (the desk's background upload and ``sync``), because only
there is it known that results reached SATUSEHAT."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from station.audit import Actor
from station.retention import purge_due
from station.store.database import Database
from station.store.retention import purge_personal_data

__all__ = ["PurgeRound"]

_LOGGER = logging.getLogger(__name__)


class PurgeRound:
    def __init__(
        self,
        database: Database,
        *,
        keep_days: int,
        station_id: str,
        actor: Actor,
        clock: Callable[[], datetime],
        run_db: Callable[..., Awaitable[Any]],
    ) -> None:
        self._database = database
        self._keep_days = keep_days
        self._station_id = station_id
        self._actor = actor
        self._clock = clock
        self._run_db = run_db
        self._last_run: datetime | None = None

    async def __call__(self) -> int:
        """Purge what is due (at most once a day); how many visits were purged."""
        now = self._clock()
        if not purge_due(self._last_run, now):
            return 0
        report = await self._run_db(self._purge, now)
        self._last_run = now
        if report.visits:
            _LOGGER.info("retention purge: %d visit(s) purged", len(report.visits))
        return len(report.visits)

    def _purge(self, now: datetime) -> Any:
        return purge_personal_data(
            self._database,
            now=now,
            keep_days=self._keep_days,
            actor=self._actor,
            station_id=self._station_id,
        )
