"""Upload CPU per visit and the backlog speed-up, as ``python -m bench`` rows (issue 14).

Both come from ``bench/upload_backlog.py``'s machinery (a backlog recorded through the real
station path, the imitation SATUSEHAT in its own process, each approach in a fresh worker
process, the server's contents checked after each):

* ``upload_cpu_per_visit``: the station's ``sync`` worker's CPU time per visit, no added
  latency; baseline in the same run: the naive client (one POST per resource, same
  ``SatusehatClient``) on the same visits.
* ``backlog_speedup``: wall time of the naive client over the station's, with 50 ms added
  to every request (target >= 20 x). ``--quick`` uses a sample of visits, so the figure is
  for that sample, not the 10,000-reading week of ``upload_backlog.py``.

The first row's note also gives the floor measured in the same run: the station's two
requests per visit (Patient search, transaction POST) through a bare ``httpx.AsyncClient``
with the Bundles prepared beforehand (``upload_backlog.py``'s ``floor`` worker), and the CPU
of the visit's three durable commits as bare cursor INSERT + COMMIT on the same file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import upload_backlog as backlog
from bench.rows import Row
from station.store.database import open_database

__all__ = ["measure"]

# An upload's write transactions per visit: the claim, the attempt counted before the POST
# (crash safety: station/store/outbox.py), the outcome.
COMMITS_PER_VISIT = 3
_COMMIT_SAMPLES = 300


def _durable_commit_cpu_ms(work: Path, template: Path) -> float:
    """CPU of one bare INSERT + COMMIT on a copy of the backlog's file (encrypted, the
    station's PRAGMAs, ``synchronous=FULL``), through the raw DB-API cursor."""
    copy = work / "commit-floor.sqlite3"
    backlog.copy_sqlite(template, copy)
    database = open_database(f"sqlite:///{copy}")
    try:
        connection = database.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute("CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, v BLOB)")
            connection.commit()
            before = backlog.cpu_s()
            for _index in range(_COMMIT_SAMPLES):
                cursor.execute("INSERT INTO bench_bare (v) VALUES (?)", (b"x" * 64,))
                connection.commit()
            return (backlog.cpu_s() - before) * 1000 / _COMMIT_SAMPLES
        finally:
            connection.close()
    finally:
        database.close()


def measure(quick: bool) -> list[Row]:
    visits = 60 if quick else 600
    with tempfile.TemporaryDirectory(prefix="vitals-bench-upload-") as folder:
        work = Path(folder)
        template = work / "backlog.sqlite3"
        backlog.record_backlog(template, visits, seed=7)
        expected = backlog.plan_backlog(template, work)
        runs = {}
        for latency in (0.0, 50.0):
            for kind, args in (("baseline", {"sample": 0}), ("station", {"concurrency": 8})):
                run = backlog.run_approach(
                    label=f"{kind} at {latency:g} ms",
                    kind=kind,
                    worker_args=args,
                    expected=expected,
                    template=template,
                    workdir=work,
                    latency_ms=latency,
                )
                if not run.check["ok"]:
                    raise RuntimeError(f"{kind}: the server's contents are wrong: {run.check}")
                runs[kind, latency] = run.measured
        floor = backlog.run_approach(
            label="floor at 0 ms",
            kind="floor",
            worker_args={"concurrency": 8},
            expected=expected,
            template=template,
            workdir=work,
            latency_ms=0.0,
        )
        if not floor.check["ok"]:
            raise RuntimeError(f"floor: the server's contents are wrong: {floor.check}")
        commit_ms = _durable_commit_cpu_ms(work, template)
    per_visit = {kind: runs[kind, 0.0]["cpu_s"] * 1000 / visits for kind in ("station", "baseline")}
    http_floor = floor.measured["cpu_s"] * 1000 / visits
    note = (
        f"{visits} visits of 3 readings; baseline: one POST per resource, same client; "
        f"floor in this run: the same 2 requests per visit through bare httpx "
        f"{http_floor:.2f} ms + {COMMITS_PER_VISIT} durable commits "
        f"{COMMITS_PER_VISIT * commit_ms:.2f} ms"
    )
    return [
        Row(
            "upload_cpu_per_visit",
            per_visit["station"],
            "ms",
            per_visit["baseline"],
            5.0,
            note=note,
        ),
        Row(
            "backlog_speedup_50ms",
            runs["station", 50.0]["wall_s"],
            "s",
            runs["baseline", 50.0]["wall_s"],
            20.0,
            "ratio_at_least",
            note=note + "; value and baseline are wall seconds, the target a speed-up",
        ),
    ]
