"""Upload in the background of the desk app, and what the operator sees of it.

Runs on the station's asyncio loop, never on the UI thread. After every round (and after a
retry the operator asks for) it reports an ``UploadStatus``: the outbox counts, the last
upload and error, and the entries that failed or need a person, with the server's message.
Without SATUSEHAT settings it uploads nothing and reports why, so results visibly queue up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from config.settings import Settings
from station.store.database import Database
from station.store.outbox import ProblemEntry, UploadStore
from station.store.repository import Store
from station.upload.sync import SyncSummary
from station.upload.wiring import UploadNotConfigured, client_config, sync_runner

__all__ = ["BackgroundUpload", "UploadStatus"]

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UploadStatus:
    counts: dict[str, int]
    last_upload: datetime | None
    last_error: str | None
    paused_reason: str | None  # set when SATUSEHAT is not configured
    problems: tuple[ProblemEntry, ...]
    # Confirmed visits by upload state: sent, waiting, dead (UploadStore.visit_states).
    visits: dict[str, int] = field(default_factory=dict)


class BackgroundUpload:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        clock: Callable[[], datetime],
        on_status: Callable[[UploadStatus], None],
    ) -> None:
        self._settings = settings
        self._database = database
        self._clock = clock
        self._on_status = on_status
        self._store = UploadStore(database)
        self._wake = asyncio.Event()
        self._reports: set[asyncio.Task[None]] = set()
        try:
            client_config(settings)
            self._paused: str | None = None
        except UploadNotConfigured as exc:
            self._paused = str(exc)

    async def run(self) -> None:
        """Until cancelled: upload (when configured) and report after every round."""
        if self._paused is not None:
            while True:
                await self.report()
                await self._wait(self._settings.upload.interval_seconds)
        async with sync_runner(self._settings, self._database, self._clock) as runner:
            await runner.run_forever(
                interval_s=self._settings.upload.interval_seconds,
                on_round=self._after_round,
                wake=self._wake,
            )

    async def _wait(self, seconds: float) -> None:
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancellation that
        # arrives as the event is set (a visit confirmed while the desk closes), and this
        # loop would then never end.
        try:
            async with asyncio.timeout(seconds):
                await self._wake.wait()
        except TimeoutError:
            return
        self._wake.clear()

    def _after_round(self, _summary: SyncSummary) -> None:
        task = asyncio.get_running_loop().create_task(self.report())
        self._reports.add(task)
        task.add_done_callback(self._reports.discard)

    def _status(self) -> UploadStatus:
        counts: dict[str, Any] = Store(self._database).counts()
        return UploadStatus(
            counts=dict(counts["outbox"]),
            last_upload=counts["last_upload"],
            last_error=counts["last_error"],
            paused_reason=self._paused,
            problems=tuple(self._store.problems()),
            visits=self._store.visit_states(),
        )

    async def report(self) -> None:
        self._on_status(await asyncio.to_thread(self._status))

    def wake(self) -> None:
        """Look for new results now (after a visit is confirmed)."""
        self._wake.set()

    async def retry(self, entry_ids: Sequence[int]) -> int:
        """The operator asks to send these failed or dead entries again now."""
        count = await asyncio.to_thread(self._store.retry, list(entry_ids), self._clock())
        _LOGGER.info("operator asked to retry %d upload entries", count)
        self._wake.set()
        await self.report()
        return count
