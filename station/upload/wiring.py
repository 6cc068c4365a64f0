"""Building the uploader from settings: SATUSEHAT client, export context, sync runner."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from config.settings import Settings
from fhir_export.satusehat_client import ClientConfig, SatusehatClient
from station.audit import Actor
from station.export import export_context
from station.os_account import os_actor
from station.secret_store import CLIENT_SECRET_NAME, read_secret
from station.store.database import Database
from station.store.outbox import UploadStore
from station.upload.purge_round import PurgeRound
from station.upload.sync import SyncRunner, worker_name
from station.upload.uploader import Uploader

__all__ = ["UploadNotConfigured", "client_config", "sync_runner"]

# Inside one sync round the client retries a request a few times (seconds apart); longer
# outages are the outbox's business (failed entries with a next attempt time).
CLIENT_MAX_ATTEMPTS = 3
CLIENT_RETRY_AFTER_CAP_S = 60.0
# A visit is held at most this many request deadlines (10 min with the default 60 s): room
# for its look-ups, its transaction and a few retries; past it the server is too slow to use.
MAX_HOLD_REQUEST_DEADLINES = 10
_SIXTEEN_DIGITS = re.compile(r"[0-9]{16}")


class UploadNotConfigured(Exception):
    """SATUSEHAT settings are missing or wrong; the message names them."""


def client_secret(settings: Settings) -> str:
    """The SATUSEHAT client secret: ``SATUSEHAT_CLIENT_SECRET`` (environment or settings file)
    when set, else the one ``vitals-station secret set`` put in the OS keyring. Never stored
    in the database, never printed or logged."""
    configured = settings.satusehat.client_secret.get_secret_value()
    if configured.strip():
        return configured
    return read_secret(CLIENT_SECRET_NAME) or ""


def client_config(settings: Settings) -> ClientConfig:
    """The client's settings, checked: ``UploadNotConfigured`` names every missing setting
    (and a URL that is not https://), so nothing is uploaded, and nothing dead-lettered, with
    an incomplete configuration. The desk shows the message; ``sync`` exits 2 with it."""
    satusehat = settings.satusehat
    secret = client_secret(settings)
    missing = [
        name
        for name, value in (
            ("SATUSEHAT_AUTH_URL", satusehat.auth_url),
            ("SATUSEHAT_BASE_URL", satusehat.base_url),
            ("SATUSEHAT_CLIENT_ID", satusehat.client_id),
            ("SATUSEHAT_CLIENT_SECRET", secret),
            ("SATUSEHAT_ORGANIZATION_ID", satusehat.organization_id),
            # Every Encounter names its Location and its practitioner (rules 10120 and 10119,
            # docs/reference/satusehat.md 1.6): without them every visit would be refused.
            ("SATUSEHAT_LOCATION_ID", satusehat.location_id),
            ("SATUSEHAT_PRACTITIONER_NIK", satusehat.practitioner_nik),
        )
        if not value.strip()
    ]
    if missing:
        raise UploadNotConfigured(
            f"upload is paused: SATUSEHAT is not configured ({', '.join(missing)} not set in "
            f"[satusehat] of {settings.source} or the environment; the client secret may "
            "also be kept in the OS keyring with vitals-station secret set)"
        )
    if not _SIXTEEN_DIGITS.fullmatch(satusehat.practitioner_nik.strip()):
        # A NIK SATUSEHAT cannot know would dead-letter every visit as "practitioner unknown".
        raise UploadNotConfigured(
            "upload is paused: SATUSEHAT_PRACTITIONER_NIK must be the health worker's 16-digit "
            f"NIK (got {len(satusehat.practitioner_nik.strip())} characters)"
        )
    try:
        return ClientConfig(
            auth_url=satusehat.auth_url,
            base_url=satusehat.base_url,
            client_id=satusehat.client_id,
            client_secret=secret,
            max_attempts=CLIENT_MAX_ATTEMPTS,
            retry_after_cap_s=CLIENT_RETRY_AFTER_CAP_S,
            request_deadline_s=settings.upload.request_deadline_seconds,
        )
    except ValueError as exc:
        raise UploadNotConfigured(f"[satusehat] settings: {exc}") from exc


@asynccontextmanager
async def sync_runner(
    settings: Settings,
    database: Database,
    clock: Callable[[], datetime],
    *,
    purge_actor: Actor | None = None,
) -> AsyncIterator[SyncRunner]:
    """A ready ``SyncRunner`` that also runs the retention purge after its rounds, audited
    under ``purge_actor`` (default: the OS account running it); its HTTP client is closed on
    exit."""
    if purge_actor is None:
        purge_actor = os_actor()
    config = client_config(settings)
    # One thread for the uploader's database work: the workers' short transactions queue
    # there instead of contending for SQLite's write lock (whose busy handler sleeps up to
    # 100 ms per retry). Network waits still overlap; only the database steps take turns.
    database_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="upload-db")

    async def run_db(function: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(database_thread, function, *args)

    try:
        async with SatusehatClient(config) as client:
            store = UploadStore(database)
            uploader = Uploader(store, client, export_context(settings), clock=clock, run_db=run_db)
            yield SyncRunner(
                store,
                uploader,
                worker=worker_name(settings.station.id),
                clock=clock,
                lease_s=settings.upload.lease_seconds,
                concurrency=settings.upload.concurrency,
                run_db=run_db,
                max_hold_s=MAX_HOLD_REQUEST_DEADLINES * config.request_deadline_s,
                after_drain=PurgeRound(
                    database,
                    keep_days=settings.station.keep_days_after_upload,
                    station_id=settings.station.id,
                    actor=purge_actor,
                    clock=clock,
                    run_db=run_db,
                ),
            )
    finally:
        database_thread.shutdown(wait=True)
