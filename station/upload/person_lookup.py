"""Is this NIK registered at SATUSEHAT? Asked in the background while the person is
identified, so the desk can say "terdaftar" or "daftarkan dulu" before measuring.

It never blocks and never raises into its caller: every outcome is a ``RegistryAnswer``.

- ``REGISTERED``: the IHS number is in the database cache the desks and the uploader share
  (``UploadStore.cached_ihs``), or SATUSEHAT found it, and then it is cached for the upload.
- ``NOT_FOUND``: SATUSEHAT answered and knows no Patient with this NIK (nothing cached: the
  person may be registered later the same day).
- ``UNAVAILABLE``, with ``reason``: ``not_configured`` (no SATUSEHAT settings, asked
  nothing), ``offline`` (network or server down, 5xx, 429), ``timeout`` (no answer within
  ``timeout_s``), ``error`` (credentials refused, an answer that cannot be trusted, the
  database failing). The measurement goes on in every case; the upload deals with it later.

One attempt per look-up (no retries: the desk asks again for the next person, and the
uploader has its own), the whole look-up bounded by ``timeout_s``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from types import TracebackType
from typing import Any, Literal, Self, TypeVar

from config.settings import Settings
from fhir_export.satusehat_client import SatusehatClient
from fhir_export.satusehat_errors import SatusehatError, TransientError
from station.person import mask_nik
from station.store.database import Database
from station.store.outbox import UploadStore
from station.upload.wiring import UploadNotConfigured, client_config

__all__ = ["LOOKUP_TIMEOUT_S", "PersonLookup", "RegistryAnswer", "RegistryStatus"]

_LOGGER = logging.getLogger(__name__)
_T = TypeVar("_T")

# Long enough for a token and one search on a slow line, short enough to be useful while
# the person is still at the desk.
LOOKUP_TIMEOUT_S = 8.0
PATIENT = "patient"  # the IhsNumberRow kind the uploader uses for people

UnavailableReason = Literal["", "not_configured", "offline", "timeout", "error"]


class RegistryStatus(StrEnum):
    REGISTERED = "registered"
    NOT_FOUND = "not_found"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class RegistryAnswer:
    """What SATUSEHAT (or the cache) said about ``nik``; ``detail`` is the error's one line
    for an operator or a log (it never holds the NIK or a secret)."""

    nik: str
    status: RegistryStatus
    reason: UnavailableReason = ""
    from_cache: bool = False
    detail: str = ""


class PersonLookup:
    """Background registry look-ups for one desk; use ``async with`` (or ``aclose()``) on
    the station's loop. The HTTP client is made at the first look-up that needs it."""

    def __init__(
        self,
        settings: Settings,
        database: Database,
        clock: Callable[[], datetime],
        *,
        timeout_s: float = LOOKUP_TIMEOUT_S,
        run_db: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        self._store = UploadStore(database)
        self._clock = clock
        self._timeout_s = timeout_s
        self._run_db = run_db or asyncio.to_thread
        self._client: SatusehatClient | None = None
        try:
            config = client_config(settings)
        except UploadNotConfigured as exc:
            self._config = None
            self.not_configured: str | None = str(exc)
        else:
            # One attempt; ``timeout_s`` bounds it (and the token request before it).
            self._config = replace(config, max_attempts=1)
            self.not_configured = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    async def look_up(self, nik: str) -> RegistryAnswer:
        """Registered, not found, or unavailable with the reason; never raises (a
        cancellation of the caller's task still cancels it)."""
        if self._config is None:
            return RegistryAnswer(nik, RegistryStatus.UNAVAILABLE, "not_configured")
        try:
            async with asyncio.timeout(self._timeout_s):
                return await self._look_up(nik)
        except TimeoutError:
            reason: UnavailableReason = "timeout"
            detail = f"no answer within {self._timeout_s:g} s"
        except TransientError as exc:
            reason, detail = "offline", str(exc)
        except SatusehatError as exc:
            reason, detail = "error", str(exc)
        except Exception as exc:  # noqa: BLE001 - the database or anything else: not the desk's
            # Only the type: a database error's text carries the query's parameters (the NIK).
            reason, detail = "error", type(exc).__name__
        _LOGGER.info("SATUSEHAT look-up of %s unavailable (%s): %s", mask_nik(nik), reason, detail)
        return RegistryAnswer(nik, RegistryStatus.UNAVAILABLE, reason, detail=detail)

    async def _db(self, function: Callable[..., _T], *args: Any) -> _T:
        result: _T = await self._run_db(function, *args)
        return result

    async def _look_up(self, nik: str) -> RegistryAnswer:
        cached = await self._db(self._store.cached_ihs, PATIENT, nik)
        if cached is not None:
            return RegistryAnswer(nik, RegistryStatus.REGISTERED, from_cache=True)
        if self._client is None:
            assert self._config is not None  # checked by look_up
            self._client = SatusehatClient(self._config)
        found = await self._client.find_patient_ihs(nik)
        if found is None:
            return RegistryAnswer(nik, RegistryStatus.NOT_FOUND)
        await self._db(self._store.cache_ihs, PATIENT, nik, found, self._clock())
        return RegistryAnswer(nik, RegistryStatus.REGISTERED)
