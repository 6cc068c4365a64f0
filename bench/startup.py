"""How long a person waits for a command or the desk to start (issue 14).

Each figure is the median wall time of fresh processes (the installed console script, or
the desk as ``vitals-station --simulate`` starts it, offscreen, until its sign-in page is
painted and takes keys), with a bare ``python -c pass`` measured in the same run as the
baseline: what no code of ours can go below.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.rows import Row

__all__ = ["measure"]

_BP_PAYLOAD = "1e 78 00 50 00 5d 00 e8 07 03 0f 0e 1e 2d 48 00 01 00 00"
# The desk as `vitals-station --simulate` starts it (ui.desk_start.run_desk), on an existing
# database: prints each stage's seconds since this process began ("window": the sign-in page
# painted and taking keys; "ready": the whole desk built), then quits.
_DESK = """
import sys, time
began = time.perf_counter()
from pathlib import Path
from config.settings import load_settings
from ui.desk_start import run_desk
settings = load_settings(Path(sys.argv[1]), environ={})
def tell(stage):
    print(stage, time.perf_counter() - began, flush=True)
run_desk(settings, simulate=True, quit_after_s=0.0, on_stage=tell)
"""


def _script(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _desk_stages(runs: int, config: Path, env: dict[str, str]) -> dict[str, float]:
    """Median seconds from spawning the desk's process to each stage it prints."""
    seen: dict[str, list[float]] = {"window": [], "ready": []}
    for _run in range(runs):
        started = time.perf_counter()
        with subprocess.Popen(
            [sys.executable, "-c", _DESK, str(config)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        ) as child:
            assert child.stdout is not None
            for line in child.stdout:
                stage = line.split()[0] if line.strip() else ""
                if stage in seen:
                    seen[stage].append(time.perf_counter() - started)
            child.wait(timeout=120)
    return {stage: statistics.median(times) for stage, times in seen.items() if times}


def _median_wall(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, timeout=120)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(quick: bool) -> list[Row]:
    runs = 3 if quick else 7
    with tempfile.TemporaryDirectory(prefix="vitals-bench-start-") as folder:
        config = Path(folder) / "station.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{Path(folder) / "db.sqlite3"}"\n', encoding="utf-8"
        )
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "VITALS_STATION_CONFIG": str(config),
            "XDG_DATA_HOME": folder,
            "XDG_CONFIG_HOME": folder,
        }
        env.pop("VITALS_TEST_KEYRING_FILE", None)
        bare = _median_wall([sys.executable, "-c", "pass"], runs, env)
        station = _script("vitals-station")
        # The first status creates the database and its key: once before timing.
        subprocess.run(
            [station, "--config", str(config), "status"], capture_output=True, env=env, check=False
        )
        decode = _median_wall([station, "decode", "ble:blood-pressure", _BP_PAYLOAD], runs, env)
        status = _median_wall([station, "--config", str(config), "status"], runs, env)
        desk = _desk_stages(runs, config, env)
    note = f"median of {runs} fresh processes; baseline: python -c pass"
    desk_note = (
        f"{note}; spawn to the sign-in page painted and taking keys (ui.desk_start); "
        f"the whole desk built at {desk.get('ready', float('nan')):.2f} s"
    )
    return [
        Row("decode_command", decode, "s", bare, 0.15, note=note),
        Row("status_command", status, "s", bare, 0.3, note=note),
        Row("cold_start_to_desk_window", desk["window"], "s", bare, 0.6, note=desk_note),
    ]
