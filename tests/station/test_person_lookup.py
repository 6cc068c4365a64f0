"""The background SATUSEHAT look-up of a person (station.upload.person_lookup) against the
loopback SATUSEHAT imitation and a real SQLite file: every outcome is an answer, none raises,
and none takes longer than its bound."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime

from sqlalchemy.exc import OperationalError

from station.store.database import open_database
from station.store.outbox import UploadStore
from station.upload.person_lookup import PersonLookup, RegistryAnswer, RegistryStatus
from tests.satusehat_server import Fault

NIK = "3174015507850002"


def now():
    return datetime.now(UTC)


def look_up(settings, nik=NIK, **kw):
    database = open_database(settings.database.url)

    async def run():
        async with PersonLookup(settings, database, now, **kw) as lookup:
            return await lookup.look_up(nik)

    try:
        return asyncio.run(run())
    finally:
        database.close()


def patient_searches(server):
    return [r for r in server.requests if r.path.endswith("/Patient")]


def cached(settings, nik=NIK):
    database = open_database(settings.database.url)
    try:
        return UploadStore(database).cached_ihs("patient", nik)
    finally:
        database.close()


def test_registered_is_cached_for_the_desks_and_the_uploader(server, upload_settings):
    server.register_patient(NIK, "P02478375538")
    answer = look_up(upload_settings)
    assert answer == RegistryAnswer(NIK, RegistryStatus.REGISTERED)
    assert cached(upload_settings) == "P02478375538"
    assert len(patient_searches(server)) == 1

    # Asked again (at any desk): the cache answers, SATUSEHAT is not asked.
    again = look_up(upload_settings)
    assert again == RegistryAnswer(NIK, RegistryStatus.REGISTERED, from_cache=True)
    assert len(patient_searches(server)) == 1


def test_not_found_is_not_cached(server, upload_settings):
    server.register_patient("3201020304550003", "P00000000001")  # someone else
    assert look_up(upload_settings) == RegistryAnswer(NIK, RegistryStatus.NOT_FOUND)
    assert cached(upload_settings) is None
    # Registered meanwhile: the next look-up finds them.
    server.register_patient(NIK, "P02478375538")
    assert look_up(upload_settings).status is RegistryStatus.REGISTERED


def test_not_configured_asks_nobody(server, settings):
    answer = look_up(settings)
    assert answer == RegistryAnswer(NIK, RegistryStatus.UNAVAILABLE, "not_configured")
    assert server.requests == []


def test_offline(server, upload_settings):
    server.stop()
    started = time.monotonic()
    answer = look_up(upload_settings)
    assert (answer.status, answer.reason) == (RegistryStatus.UNAVAILABLE, "offline")
    assert "failed after 1 attempt" in answer.detail
    assert time.monotonic() - started < 5


def test_server_errors_are_offline(server, upload_settings):
    server.add_fault(Fault.http_status(503, path="/Patient"))
    answer = look_up(upload_settings)
    assert (answer.status, answer.reason) == (RegistryStatus.UNAVAILABLE, "offline")
    assert "HTTP 503" in answer.detail
    assert len(patient_searches(server)) == 1  # one attempt, no retry


def test_a_slow_server_is_a_timeout_within_the_bound(server, upload_settings):
    server.add_fault(Fault.delay(5.0, path="/Patient"))
    started = time.monotonic()
    answer = look_up(upload_settings, timeout_s=0.5)
    elapsed = time.monotonic() - started
    assert answer == RegistryAnswer(
        NIK, RegistryStatus.UNAVAILABLE, "timeout", detail="no answer within 0.5 s"
    )
    assert elapsed < 2.0


def test_refused_credentials_are_an_error(server, upload_settings):
    server.add_fault(Fault.http_status(403, path="/Patient"))
    answer = look_up(upload_settings)
    assert (answer.status, answer.reason) == (RegistryStatus.UNAVAILABLE, "error")
    assert "403" in answer.detail


def test_a_failing_database_is_an_error_without_the_nik(server, upload_settings, caplog):
    server.register_patient(NIK, "P02478375538")

    async def broken_db(_function, *_args):
        raise OperationalError("SELECT ... WHERE nik = ?", (NIK,), Exception("disk I/O error"))

    with caplog.at_level(logging.INFO, logger="station.upload.person_lookup"):
        answer = look_up(upload_settings, run_db=broken_db)
    assert (answer.status, answer.reason) == (RegistryStatus.UNAVAILABLE, "error")
    assert answer.detail == "OperationalError"
    assert NIK not in caplog.text
    assert "3174" in caplog.text  # the masked NIK says which look-up it was
