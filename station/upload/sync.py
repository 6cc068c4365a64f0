"""The sync loop: drain the outbox with a few visits in flight, keep leases alive, report.

Used by ``vitals-station sync`` (``--once`` drains what is due and exits) and in the background
of the desk app. Several workers share one SATUSEHAT client (and so one token); each claims
one visit at a time, so a slow visit never holds the others up. A heartbeat renews the leases
of the visits in flight; when the process dies the heartbeat stops and another sync takes the
visits over once the lease runs out.

Bounded (issue 10 item 7): every request already ends within the client's deadline, and a
visit is held at most ``max_hold_s``. Past it the heartbeat stops renewing that visit's lease
and its upload is cancelled; its entries become ``failed`` with a next attempt time (the
attempt was counted before any POST, so the next try looks its resources up first). A server
that answers slowly can no longer keep visits from the other desks for ever.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from station.store.outbox import DEFAULT_LEASE_S, ClaimedVisit, DeadVisit, UploadStore
from station.upload.uploader import Uploader, UploadResult, next_attempt_delay

__all__ = ["SyncRunner", "SyncSummary", "worker_name"]

_LOGGER = logging.getLogger(__name__)
_T = TypeVar("_T")
DEFAULT_CONCURRENCY = 4


def worker_name(station_id: str) -> str:
    """Who holds a visit: desk, host and process, for people reading the database."""
    return f"{station_id}@{socket.gethostname()}:{os.getpid()}"


@dataclass
class SyncSummary:
    visits: int = 0
    sent: int = 0
    failed: int = 0
    dead: int = 0
    taken_over: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    purged: int = 0  # visits whose identity the retention purge removed after this round

    def add(self, result: UploadResult) -> None:
        self.visits += 1
        self.sent += result.sent
        self.failed += result.failed
        self.dead += result.dead
        self.taken_over += int(result.lost)
        if result.error and result.error not in self.errors and len(self.errors) < 5:
            self.errors.append(result.error)

    def add_unreadable(self, dead: DeadVisit) -> None:
        """A visit the store could not read: its entries were made dead (issue 10)."""
        self.visits += 1
        self.dead += dead.entries
        if len(self.errors) < 5:
            self.errors.append(dead.reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "visits": self.visits,
            "sent": self.sent,
            "failed": self.failed,
            "dead": self.dead,
            "taken_over": self.taken_over,
            "seconds": round(self.seconds, 3),
            "errors": self.errors,
            "purged": self.purged,
        }


class SyncRunner:
    def __init__(
        self,
        store: UploadStore,
        uploader: Uploader,
        *,
        worker: str,
        clock: Callable[[], datetime],
        lease_s: float = DEFAULT_LEASE_S,
        concurrency: int = DEFAULT_CONCURRENCY,
        run_db: Callable[..., Awaitable[Any]] | None = None,
        max_hold_s: float | None = None,
        after_drain: Callable[[], Awaitable[int]] | None = None,
    ) -> None:
        """``after_drain``: the retention purge (``station.upload.purge_round``), run after
        each drain; it returns how many visits it purged."""
        self._after_drain = after_drain
        self._store = store
        self._uploader = uploader
        self._worker = worker
        self._clock = clock
        self._lease_s = lease_s
        self._concurrency = max(1, concurrency)
        self._run_db = run_db or asyncio.to_thread
        self._max_hold_s = max_hold_s
        self._held: dict[str, float] = {}  # claim token -> when taken (monotonic)
        self._rng = random.Random()  # noqa: S311 - jitter, not a secret

    async def _db(self, function: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        result: _T = await self._run_db(lambda: function(*args, **kwargs))
        return result

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self._lease_s / 3)
            tokens = self._renewable(time.monotonic())
            if tokens:
                await self._db(self._store.renew, tokens, self._clock(), self._lease_s)

    def _renewable(self, now: float) -> list[str]:
        """The held visits whose time is not up: a visit past ``max_hold_s`` is not renewed."""
        limit = self._max_hold_s
        return [t for t, since in self._held.items() if limit is None or now - since < limit]

    async def _claim(
        self, include_failed: bool, summary: SyncSummary, started: datetime
    ) -> ClaimedVisit | None:
        """The next visit due (held, its lease renewed from now), or None when none is."""
        batch = await self._db(
            self._store.claim_batch,
            self._worker,
            self._clock(),
            limit=1,
            lease_s=self._lease_s,
            include_failed=include_failed,
            failed_before=started,  # --all: each failed entry once per drain, no loop
        )
        for dead in batch.dead:
            _LOGGER.warning("visit %s made dead: %s", dead.visit_id, dead.reason)
            summary.add_unreadable(dead)
        if not batch.claims:
            return None
        (claim,) = batch.claims
        self._held[claim.token] = time.monotonic()
        return claim

    async def _work(self, include_failed: bool, summary: SyncSummary, started: datetime) -> None:
        """One visit uploading at a time, and the next one claimed meanwhile with its IHS
        look-ups started (``Uploader.prefetch``): a look-up's round trip overlaps the
        transaction before it instead of following it (issue 14: at 50 ms a request, the
        look-up was half of each visit's time). The waiting visit's lease is renewed; its
        ``max_hold_s`` counts from its own upload's start."""
        current = await self._claim(include_failed, summary, started)
        while current is not None:
            self._held[current.token] = time.monotonic()
            upload = asyncio.ensure_future(self._upload_bounded(current))
            following: ClaimedVisit | None = None
            try:
                try:
                    following = await self._claim(include_failed, summary, started)
                    if following is not None:
                        self._uploader.prefetch(following)
                finally:
                    # A failed or cancelled claim still lets the upload under way finish
                    # (or be cancelled with this worker: it gives its visit back).
                    summary.add(await upload)
            except BaseException:
                if following is not None:
                    self._held.pop(following.token, None)
                    await asyncio.shield(self._db(self._store.release, following))
                raise
            finally:
                self._held.pop(current.token, None)
            current = following

    async def _upload_bounded(self, claim: ClaimedVisit) -> UploadResult:
        limit = self._max_hold_s
        if limit is None:
            return await self._uploader.upload(claim)
        try:
            async with asyncio.timeout(limit):
                return await self._uploader.upload(claim)
        except TimeoutError:
            # The uploader gave the visit back when cancelled (its entries still ``sending``);
            # left so, this sync would take it again at once.
            error = f"gave up after {limit:g} s: SATUSEHAT answered too slowly; tried again later"
            attempts = max((e.attempts for e in claim.entries), default=0) + 1
            now = self._clock()
            next_at = now + timedelta(seconds=next_attempt_delay(attempts, None, self._rng))
            entry_ids = [e.id for e in claim.entries]
            await self._db(
                self._store.fail_abandoned, claim.visit.id, entry_ids, now, error, next_at
            )
            _LOGGER.warning("visit %s: %s", claim.visit.id, error)
            return UploadResult(claim.visit.id, failed=len(entry_ids), error=error)

    async def drain(self, *, include_failed: bool = False) -> SyncSummary:
        """Upload everything due now; returns when nothing due is left."""
        summary = SyncSummary()
        started = time.monotonic()
        started_at = self._clock()
        heartbeat = asyncio.create_task(self._heartbeat())
        try:
            await asyncio.gather(
                *(self._work(include_failed, summary, started_at) for _ in range(self._concurrency))
            )
        finally:
            heartbeat.cancel()
            await asyncio.gather(heartbeat, return_exceptions=True)
        summary.seconds = time.monotonic() - started
        if self._after_drain is not None:
            try:
                summary.purged = await self._after_drain()
            except Exception:  # the purge is for later too; uploading goes on
                _LOGGER.exception("retention purge failed; tried again after the next round")
                summary.errors.append("retention purge failed (see the log)")
        return summary

    async def run_forever(
        self,
        *,
        interval_s: float = 15.0,
        on_round: Callable[[SyncSummary], None] | None = None,
        wake: asyncio.Event | None = None,
    ) -> None:
        """Drain, wait (at most ``interval_s``, less when a failed entry falls due or ``wake``
        is set), and again, until cancelled."""
        while True:
            try:
                summary = await self.drain()
            except Exception:  # a database hiccup must not end uploading for the day
                _LOGGER.exception("sync round failed; trying again later")
                summary = SyncSummary(errors=["sync round failed (see the log)"])
            if on_round is not None:
                on_round(summary)
            delay = interval_s
            due = await self._db(self._store.next_due_at)
            if due is not None:
                delay = min(delay, max(0.5, (due - self._clock()).total_seconds()))
            if wake is None:
                await asyncio.sleep(delay)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=delay)
            wake.clear()
