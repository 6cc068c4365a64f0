"""How much the desk's memory grows per visit (issue 14: <= 1 KB a visit over 1,000 visits).

A fresh process builds the real desk app offscreen (``QT_QPA_PLATFORM=offscreen``: both
windows, the station's loop thread, simulated devices at full speed, an encrypted SQLite
file), signs in and runs visits through the desk's own bridge (``ui.bridge.StationBridge``:
call next, start the visit, the blood-pressure protocol with its minute between readings
passed on the station's clock, the oximeter, confirm, a critical result acknowledged) -- the
calls the desk's buttons make, without clicking, so 1,000 visits take minutes instead of an
hour; every window still receives and shows every event. After a warm-up of ``WARM_UP``
visits the collector runs and the RSS (``/proc/self/statm``) is read; then ``VISITS`` more
visits (``QUICK_VISITS`` with ``--quick``), and again. The value is the RSS growth per visit.
Then tracemalloc is started for 200 more visits: the Python heap's growth per visit and its
largest sources go in the note (``bench.desk_worker``). The baseline, in the same run: the
same visits through the same bridge and station with no window built (the station path
alone).

Each day has ``PER_DAY`` visits (the station's clock moves to the next morning): a desk runs
for weeks, and the day's list is the day's, not everything since the desk started.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.rows import Row

__all__ = ["measure"]

WARM_UP = 100
VISITS = 1_000
QUICK_VISITS = 300  # --quick: about 5 minutes for both processes instead of 15
PER_DAY = 50
TARGET_KB = 1.0


def measure(quick: bool) -> list[Row]:
    visits = QUICK_VISITS if quick else VISITS  # the figure is over 1,000 visits
    desk = _run_worker(windows=True, visits=visits)
    alone = _run_worker(windows=False, visits=visits)
    note = (
        f"RSS growth over {visits} visits after {WARM_UP} warm-up visits, through the desk's "
        f"bridge (no clicks), {PER_DAY} visits a day; python heap "
        f"{desk['heap_kb_per_visit']:.2f} KB/visit; top growth: {desk['top'][:4]}; "
        "baseline: the same visits, station and bridge with no window "
        f"(heap {alone['heap_kb_per_visit']:.2f} KB/visit)"
    )
    return [
        Row(
            "desk_memory_growth_per_visit",
            desk["rss_kb_per_visit"],
            "KB/visit",
            alone["rss_kb_per_visit"],
            TARGET_KB,
            note=note,
        )
    ]


def _run_worker(*, windows: bool, visits: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="vitals-bench-desk-") as folder:
        config = Path(folder) / "station.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{Path(folder) / "db.sqlite3"}"\n', encoding="utf-8"
        )
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "VITALS_STATION_DB_KEY": "ab" * 32,  # a throwaway database's key
            "XDG_DATA_HOME": folder,
            "XDG_CONFIG_HOME": folder,
        }
        env.pop("VITALS_TEST_KEYRING_FILE", None)
        sys.stderr.write(f"bench: desk_memory: {visits} visits, windows={windows}\n")
        command = [sys.executable, "-m", "bench.desk_worker", str(config), str(visits)]
        result = subprocess.run(
            [*command, "windows" if windows else "alone"],
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"desk worker failed: {result.stderr[-2000:]}")
    data: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return data
