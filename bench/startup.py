"""How long a person waits for a command or the desk to start (issue 14).

Each figure is the median wall time of fresh processes (the installed console script, or
the desk app built and shown offscreen), with a bare ``python -c pass`` measured in the same
run as the baseline: what no code of ours can go below.
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
# Builds the desk app on an empty database, shows it, and exits once the window has been
# painted (the operator can type): the cold start a person waits for.
_DESK = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from config.settings import load_settings
from station.store.database import open_database
from station.store.repository import Store
from ui.app import build_desk_app
settings = load_settings(Path(sys.argv[1]), environ={})
desk = build_desk_app(settings, Store(open_database(settings.database.url)), simulate=True)
desk.show()
app.processEvents()
desk.close()
"""


def _script(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


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
        desk = _median_wall([sys.executable, "-c", _DESK, str(config)], runs, env)
    note = f"median of {runs} fresh processes; baseline: python -c pass"
    return [
        Row("decode_command", decode, "s", bare, 0.15, note=note),
        Row("status_command", status, "s", bare, 0.3, note=note),
        Row("cold_start_to_desk_window", desk, "s", bare, 0.6, note=note),
    ]
