"""``sync`` stays bounded in time and memory against hostile answers (issue 10 item 7), and
the entries end ``failed`` with nothing lost: through the real console script (RSS measured
by the kernel for that process) and the sync loop in-process, against the loopback SATUSEHAT
imitation (tests/satusehat_server/faults.py) and a real SQLite file."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from fhir_export.satusehat_client import ClientConfig, SatusehatClient
from station.export import export_context
from station.store.database import open_database
from station.store.models import VisitRow
from station.store.outbox import UploadStore
from station.upload.sync import SyncRunner
from station.upload.uploader import Uploader
from tests.console import SCRIPT, clean_environ
from tests.satusehat_server import faults
from tests.station.test_upload import (
    assert_each_resource_once,
    drain,
    record_visits,
    satusehat_environ,
)

ORG = "10000004"
TRANSACTION = {"method": "POST", "path": "/fhir-r4/v1"}
MB = 1024 * 1024


@pytest.fixture
def upload_settings(make_settings, server):
    return make_settings("[upload]\nrequest_deadline_seconds = 2\n", **satusehat_environ(server))


def _sync_once(settings, server):
    """``vitals-station sync --once`` as its own process: (summary, seconds, peak RSS in
    bytes), the peak from the kernel's accounting of that one process (wait4)."""
    env = clean_environ()
    env.update(satusehat_environ(server), VITALS_STATION_CONFIG=settings.source)
    started = time.monotonic()
    with subprocess.Popen(
        [str(SCRIPT), "sync", "--once"], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as process:
        out: list[bytes] = []
        reader = threading.Thread(target=lambda: out.append(process.stdout.read()))
        reader.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)  # pytest-timeout bounds the wait
        except BaseException:
            process.kill()
            raise
        process.returncode = os.waitstatus_to_exitcode(status)
        reader.join(30)
    seconds = time.monotonic() - started
    assert process.returncode == 0
    return json.loads(b"".join(out)), seconds, usage.ru_maxrss * 1024  # Linux: kilobytes


pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 (POSIX)")


def _outbox(settings):
    from station.store.repository import Store

    database = open_database(settings.database.url)
    try:
        return Store(database).counts()
    finally:
        database.close()


@pytest.mark.parametrize(
    "fault",
    [
        faults.trickle(0.5, **TRANSACTION),  # the real answer, one byte every 0.5 s
        faults.gzip_bomb(**TRANSACTION),  # 300 MB of zeros in ~300 KB
        faults.huge_body(50 * 1000 * 1000, **TRANSACTION),
    ],
    ids=["trickle", "gzip-bomb", "huge-body"],
)
def test_sync_once_is_bounded_and_loses_nothing(upload_settings, server, fault):
    record_visits(upload_settings, server, visits=1)
    baseline, _seconds, baseline_rss = _sync_once(upload_settings, server)  # a normal round
    assert baseline["sent"] == 3
    _ids, stored = record_visits(upload_settings, server, visits=1)  # both visits
    server.add_fault(fault)
    summary, seconds, rss = _sync_once(upload_settings, server)
    assert seconds < 15, seconds  # before: as long as the server liked (330 s in the issue)
    assert rss - baseline_rss < 60 * MB, (rss, baseline_rss)  # before: 1.3 GB / 414 MB
    assert (summary["failed"], summary["dead"], summary["sent"]) == (3, 0, 0), summary
    status = _outbox(upload_settings)
    assert status["outbox"]["failed"] == 3
    reason = status["last_error"]
    assert ("no complete answer within 2 s" in reason) or ("larger than" in reason), reason
    # the next sync (--all: without waiting for the next attempt time) sends it, once
    again, outbox, _store = drain(upload_settings, include_failed=True)
    assert again.sent == 3
    assert outbox["sent"] == 6
    assert_each_resource_once(server, stored, upload_settings)


def test_a_visit_past_the_hold_limit_is_given_up_and_its_lease_not_renewed(make_settings, server):
    """With a long request deadline (30 s) and a 2 s hold limit the limit ends the visit: the
    heartbeat stops renewing it, the entries are failed with the reason, and the next sync
    sends what is missing once (the trickled transaction was stored: it is found, not sent
    again)."""
    settings = make_settings(**satusehat_environ(server))
    _ids, stored = record_visits(settings, server, visits=1)
    server.add_fault(faults.trickle(0.5, **TRANSACTION))
    database = open_database(settings.database.url)
    store = UploadStore(database)
    leases: list[datetime] = []
    stop = threading.Event()

    def watch_leases():
        while not stop.wait(0.05):
            with database.sessions() as session:
                row = session.get(VisitRow, stored[0].id)
                if row is not None and row.upload_lease_until is not None:
                    leases.append(row.upload_lease_until)

    async def run():
        config = ClientConfig(
            auth_url=server.auth_url,
            base_url=server.base_url,
            client_id="cid",
            client_secret="secret",
            request_deadline_s=30.0,
        )
        async with SatusehatClient(config) as client:
            uploader = Uploader(
                store, client, export_context(settings), clock=lambda: datetime.now(UTC)
            )
            runner = SyncRunner(
                store,
                uploader,
                worker="test",
                clock=lambda: datetime.now(UTC),
                lease_s=1.5,
                max_hold_s=2.0,
            )
            return await runner.drain()

    watcher = threading.Thread(target=watch_leases)
    watcher.start()
    started = datetime.now(UTC)
    t0 = time.monotonic()
    try:
        summary = asyncio.run(run())
    finally:
        stop.set()
        watcher.join()
        database.close()
    assert time.monotonic() - t0 < 6
    assert (summary.failed, summary.sent) == (3, 0)
    assert "gave up after 2 s" in summary.errors[0]
    # renewed while young (lease 1.5 s, renewed every 0.5 s), never after 2 s of holding
    assert leases
    assert max(leases) <= started + timedelta(seconds=2.0 + 1.5 + 0.5)
    status = _outbox(settings)
    assert status["outbox"]["failed"] == 3
    assert status["outbox"]["sending"] == 0
    again = drain(settings, include_failed=True)[0]
    assert again.sent == 3
    assert_each_resource_once(server, stored, settings)
