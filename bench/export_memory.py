"""Peak memory of ``vitals-station export --fhir`` (issue 14: 10,000 visits <= 200 MB).

The visits are recorded through the real path (``vitals-station demo --visits N``:
simulators, codecs, checks, store, outbox), then a fresh ``export --fhir`` process writes
them; its peak RSS is read from ``os.wait4`` (that child's ``ru_maxrss`` alone, measured by a
small launcher process, see ``_LAUNCHER``). The baseline, in the same run: the same command
exporting an empty database, i.e. what the interpreter, the imports and the database cost
before any visit. The whole-Bundle way the
export used before (every visit loaded, one validated Bundle, one ``to_json``) is measured on
the same visits and given in the note, for comparison.

The export is measured at N/2 and N visits (the database recorded in two halves). ``--quick``
(N = 2,000) extrapolates to 10,000 along the line through those two points: what each visit
adds (the set of fullUrls, the audit entry's visit ids) without the fixed cost of one batch
of visits in memory. The full run measures 10,000 visits itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.rows import Row

__all__ = ["measure"]

TARGET_VISITS = 10_000
TARGET_MB = 200.0
# The export as it was before issue 14 (station/cli.py, git history): kept here to measure.
_WHOLE_BUNDLE = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from config.settings import load_settings
from fhir_export.mapping import export_bundle, to_json
from station.export import export_context, visit_to_export
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.repository import Store
settings = load_settings(Path(sys.argv[1]), environ={})
database = open_database(settings.database.url)
visits = Store(database).visits(VisitStatus.CONFIRMED)
exports = [visit_to_export(v) for v in visits]
bundle = export_bundle(exports, export_context(settings), generated=datetime.now(UTC))
Path(sys.argv[2]).write_text(to_json(bundle), encoding="utf-8")
database.close()
"""


def _script(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


# Runs the command and prints its peak RSS (KB) and exit status. The bench does not fork the
# command itself: Linux counts a forked child's memory from before its exec (the parent's,
# here every bench module imported) in the child's ru_maxrss; a small launcher's is ~10 MB.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = child.stderr.read()
_pid, status, usage = os.wait4(child.pid, 0)
sys.stderr.buffer.write(errors)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def _peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    """The peak resident memory of one fresh process running ``command``, in MB."""
    launched = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command], env=env, capture_output=True, check=True
    )
    peak_kb, status = (int(part) for part in launched.stdout.split())
    if status != 0:
        errors = launched.stderr.decode(errors="replace")[-500:]
        raise SystemExit(f"{command[1:]} failed ({status}): {errors}")
    return peak_kb / 1024  # ru_maxrss is in kilobytes on Linux


def _folder(root: Path, name: str) -> tuple[Path, dict[str, str]]:
    folder = root / name
    folder.mkdir()
    config = folder / "station.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{folder / "db.sqlite3"}"\n', encoding="utf-8")
    env = {
        **os.environ,
        "VITALS_STATION_CONFIG": str(config),
        "VITALS_STATION_DB_KEY": "ab" * 32,  # a throwaway database's key
        "XDG_DATA_HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder),
    }
    env.pop("VITALS_TEST_KEYRING_FILE", None)
    return config, env


def _record(station: str, visits: int, seed: int, env: dict[str, str]) -> None:
    sys.stderr.write(f"bench: export: recording {visits} visits (vitals-station demo)\n")
    subprocess.run(
        [station, "demo", "--visits", str(visits), "--seed", str(seed)],
        env=env,
        check=True,
        capture_output=True,
    )


def measure(quick: bool) -> list[Row]:
    visits = 2_000 if quick else TARGET_VISITS
    half = visits // 2
    station = _script("vitals-station")
    with tempfile.TemporaryDirectory(prefix="vitals-bench-export-") as folder:
        root = Path(folder)
        _empty_config, empty_env = _folder(root, "empty")
        config, env = _folder(root, "visits")
        baseline = min(
            _peak_rss_mb([station, "export", "--fhir", str(root / "empty.json")], empty_env)
            for _run in range(3)
        )
        _record(station, half, 14, env)
        at_half = _peak_rss_mb([station, "export", "--fhir", str(root / "out.json")], env)
        _record(station, visits - half, 15, env)
        peak = _peak_rss_mb([station, "export", "--fhir", str(root / "out.json")], env)
        whole = _peak_rss_mb(
            [sys.executable, "-c", _WHOLE_BUNDLE, str(config), str(root / "whole.json")], env
        )
    # The slope between the two sizes: what each further visit costs, without the fixed
    # cost of one batch of visits in memory, which the empty baseline does not have.
    per_visit_kb = max(peak - at_half, 0.0) * 1024 / (visits - half)
    at_target = peak + per_visit_kb / 1024 * (TARGET_VISITS - visits)
    whole_per_visit_mb = (whole - baseline) / visits
    how = (
        f"measured on {visits} visits"
        if visits == TARGET_VISITS
        else f"extrapolated to {TARGET_VISITS} visits from {visits}"
    )
    note = (
        f"peak RSS of a fresh export --fhir process, {how}: {at_half:.0f} MB at {half} "
        f"visits, {peak:.0f} MB at {visits} ({per_visit_kb:.1f} KB/visit between them); "
        "baseline: the same command on an empty database; the whole-Bundle way before "
        f"issue 14 on the same {visits} visits: {whole:.0f} MB ({whole_per_visit_mb:.2f} MB/visit)"
    )
    return [Row("export_fhir_peak_rss", at_target, "MB", baseline, TARGET_MB, note=note)]
