"""Kill ``vitals-station sync --once`` at random moments and restart it until the outbox is
empty: every resource must then exist on the server exactly once.

The server keeps duplicates (a generic FHIR server), so nothing but the station's own
protocol (count the attempt, look up before sending again, leases) prevents a second copy.
The lease is 1 s here so a killed process's visits are taken up quickly.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from station.store.database import open_database
from station.store.repository import Store
from tests.satusehat_server import SatusehatServer
from tests.station.test_upload import (
    ORG,
    assert_each_resource_once,
    record_visits,
    satusehat_environ,
)

VISITS = 40
KILLS = 10  # runs killed mid-upload before one is let finish
MAX_RUNS = 30


def _outbox(url):
    database = open_database(url)
    try:
        return Store(database).counts()["outbox"]
    finally:
        database.close()


def _kill_once_uploading(process, url, rng):
    """Wait until the process holds a visit (after its slow start), then kill it at a random
    moment within the next second. Returns False when it ended by itself first."""
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:
        if _outbox(url)["sending"] > 0:
            break
        time.sleep(0.02)
    try:
        process.wait(timeout=rng.uniform(0.0, 1.0))
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    return False


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_killed_at_random_points_every_resource_arrives_once(make_settings, tmp_path):
    with SatusehatServer(
        organization_id=ORG,
        client_id="cid",
        client_secret="secret",
        reject_duplicates=False,
        latency_s=0.05,
    ) as server:
        environ = satusehat_environ(server)
        settings = make_settings("[upload]\nlease_seconds = 1\nconcurrency = 2\n", **environ)
        _ids, stored = record_visits(settings, server, visits=VISITS)
        url = settings.database.url
        env = {
            **os.environ,
            **environ,
            "VITALS_STATION_CONFIG": settings.source,
            "VITALS_STATION_DB": url,
        }
        rng = random.Random(20261123)
        kills = in_flight = 0
        for _run in range(MAX_RUNS):
            process = subprocess.Popen(
                [sys.executable, "-m", "station.cli", "sync", "--once"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            if kills < KILLS and _kill_once_uploading(process, url, rng):
                kills += 1
            else:
                process.wait(timeout=120)
            stderr = process.stderr.read().decode() if process.stderr else ""
            if process.stderr:
                process.stderr.close()
            assert "Traceback" not in stderr, stderr
            outbox = _outbox(url)
            in_flight += int(outbox["sending"] > 0)  # killed while holding visits
            if outbox["sent"] == VISITS * 3:
                break
            if outbox["sending"]:
                time.sleep(1.1)  # the dead process's lease runs out
        else:
            pytest.fail(f"outbox not empty after {MAX_RUNS} runs: {outbox}")
        print(f"{_run + 1} runs, {kills} killed, {in_flight} while holding visits")
        assert kills >= 5, "the test must really kill the uploader mid-way"
        assert in_flight >= 3, "the kills must land while visits are being uploaded"
        assert outbox == {"pending": 0, "sending": 0, "sent": VISITS * 3, "failed": 0, "dead": 0}
        assert_each_resource_once(server, stored, settings)
