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

VISITS = 24
MAX_RUNS = 60


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_killed_at_random_points_every_resource_arrives_once(make_settings, tmp_path):
    with SatusehatServer(
        organization_id=ORG,
        client_id="cid",
        client_secret="secret",
        reject_duplicates=False,
        latency_s=0.03,
    ) as server:
        environ = satusehat_environ(server)
        settings = make_settings("[upload]\nlease_seconds = 1\nconcurrency = 2\n", **environ)
        _ids, stored = record_visits(settings, server, visits=VISITS)
        env = {
            **os.environ,
            **environ,
            "VITALS_STATION_CONFIG": settings.source,
            "VITALS_STATION_DB": settings.database.url,
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
            try:
                process.wait(timeout=rng.uniform(0.4, 2.5))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
                kills += 1
            stderr = process.stderr.read().decode() if process.stderr else ""
            if process.stderr:
                process.stderr.close()
            assert "Traceback" not in stderr, stderr
            database = open_database(settings.database.url)
            outbox = Store(database).counts()["outbox"]
            database.close()
            in_flight += int(outbox["sending"] > 0)  # killed while holding visits
            if outbox["sent"] == VISITS * 3:
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"outbox not empty after {MAX_RUNS} runs: {outbox}")
        print(f"{_run + 1} runs, {kills} killed, {in_flight} while holding visits")
        assert kills >= 3, "the test must really kill the uploader mid-way"
        assert in_flight >= 2, "the kills must land while visits are being uploaded"
        assert outbox == {"pending": 0, "sending": 0, "sent": VISITS * 3, "failed": 0, "dead": 0}
        assert_each_resource_once(server, stored, settings)
