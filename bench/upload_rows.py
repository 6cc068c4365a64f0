"""Upload CPU per visit and the backlog speed-up, as ``python -m bench`` rows (issue 14).

Both come from ``bench/upload_backlog.py``'s machinery (a backlog recorded through the real
station path, the imitation SATUSEHAT in its own process, each approach in a fresh worker
process, the server's contents checked after each):

* ``upload_cpu_per_visit``: the station's ``sync`` worker's CPU time per visit, no added
  latency; baseline in the same run: the naive client (one POST per resource, same
  ``SatusehatClient``) on the same visits.
* ``backlog_speedup``: wall time of the naive client over the station's, with 50 ms added
  to every request (target >= 20 x), on a backlog smaller than the 10,000-reading week of
  ``upload_backlog.py`` (300 visits with ``--quick``, 600 without). With ``--quick`` the
  naive client sends the first 60 only and its time is scaled to the 300 (linear: one
  request at a time), as ``upload_backlog.py`` does with ``--baseline-sample``.

The first row's note also gives the floor measured in the same run: the station's two
requests per visit (Patient search, transaction POST) through a bare ``httpx.AsyncClient``
with the Bundles prepared beforehand (``upload_backlog.py``'s ``floor`` worker), and the CPU
of the visit's three durable commits as bare cursor INSERT + COMMIT on the same file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bench import upload_backlog as backlog
from bench.rows import Row
from bench.store_reading import bare_commits
from station.store.database import open_database

__all__ = ["measure"]

# An upload's write transactions per visit: the claim, the attempt counted before the POST
# (crash safety: station/store/outbox.py), the outcome.
COMMITS_PER_VISIT = 3
_COMMIT_SAMPLES = 300


def _durable_commit_cpu_ms(work: Path, template: Path) -> float:
    """CPU of one bare INSERT + COMMIT (``store_reading.bare_commits``) on a copy of the
    backlog's file (encrypted, the station's PRAGMAs, ``synchronous=FULL``)."""
    copy = work / "commit-floor.sqlite3"
    backlog.copy_sqlite(template, copy)
    database = open_database(f"sqlite:///{copy}")
    try:
        before = backlog.cpu_s()
        bare_commits(database, _COMMIT_SAMPLES)
        return (backlog.cpu_s() - before) * 1000 / _COMMIT_SAMPLES
    finally:
        database.close()


def measure(quick: bool) -> list[Row]:
    # CPU at 0 ms on enough visits that the worker's set-up (client, token, practitioner
    # look-up, first imports) is a small share of the figure per visit. The speed-up at
    # 50 ms: the station drains the whole sample; --quick sends the naive client's first
    # 60 visits only and scales its time to the sample (its time is linear in visits: one
    # request at a time), as upload_backlog.py does for the 10,000-reading backlog.
    cpu_visits, speed_visits, naive_sample = (200, 300, 60) if quick else (600, 600, 600)
    with tempfile.TemporaryDirectory(prefix="vitals-bench-upload-") as folder:
        work = Path(folder)
        cpu_runs, floor_run, commit_ms = _cpu_runs(work, cpu_visits)
        station_wall, naive_wall = _speed_runs(work, speed_visits, naive_sample)
    per_visit = {kind: run["cpu_s"] * 1000 / cpu_visits for kind, run in cpu_runs.items()}
    note = (
        f"{cpu_visits} visits of 3 readings; baseline: one POST per resource, same client; "
        f"floor in this run: the same 2 requests per visit through bare httpx "
        f"{floor_run['cpu_s'] * 1000 / cpu_visits:.2f} ms + {COMMITS_PER_VISIT} durable "
        f"commits {COMMITS_PER_VISIT * commit_ms:.2f} ms"
    )
    naive = (
        f"measured on all {speed_visits}"
        if naive_sample >= speed_visits
        else f"measured on the first {naive_sample} and scaled to {speed_visits}"
    )
    speed_note = (
        f"{speed_visits} visits of 3 readings drained by the station; baseline: one POST per "
        f"resource, same client, {naive}; value and baseline are wall seconds, the target a "
        "speed-up"
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
            station_wall,
            "s",
            naive_wall,
            20.0,
            "ratio_at_least",
            note=speed_note,
        ),
    ]


def _run(
    kind: str,
    args: dict[str, Any],
    work: Path,
    template: Path,
    latency_ms: float,
    *,
    expected: list[backlog.PlannedVisit],
) -> dict[str, Any]:
    """One approach on a copy of ``template``; the server's contents must be exactly the
    ``expected`` visits' (all of the template's, or the naive client's ``sample``), once
    each."""
    run = backlog.run_approach(
        label=f"{kind} at {latency_ms:g} ms",
        kind=kind,
        worker_args=args,
        expected=expected,
        template=template,
        workdir=work,
        latency_ms=latency_ms,
    )
    if not run.check["ok"]:
        raise RuntimeError(f"{kind}: the server's contents are wrong: {run.check}")
    measured: dict[str, Any] = run.measured
    return measured


def _template(work: Path, visits: int) -> Path:
    template = work / f"backlog-{visits}.sqlite3"
    if not template.exists():
        backlog.record_backlog(template, visits, seed=7)
    return template


def _cpu_runs(work: Path, visits: int) -> tuple[dict[str, dict[str, Any]], dict[str, Any], float]:
    """Naive client and station at 0 ms, the bare-httpx floor, one durable commit's CPU."""
    template = _template(work, visits)
    plan = backlog.plan_backlog(template, work)
    runs = {
        kind: _run(kind, args, work, template, 0.0, expected=plan)
        for kind, args in (("baseline", {"sample": 0}), ("station", {"concurrency": 8}))
    }
    floor = _run("floor", {"concurrency": 8}, work, template, 0.0, expected=plan)
    return runs, floor, _durable_commit_cpu_ms(work, template)


def _speed_runs(work: Path, visits: int, naive_sample: int) -> tuple[float, float]:
    """Wall seconds at 50 ms a request: the station draining ``visits``, and the naive
    client's for the same visits (reading the backlog once, then its upload time scaled
    from the first ``naive_sample`` visits when fewer than all)."""
    template = _template(work, visits)
    plan = backlog.plan_backlog(template, work)
    station = _run("station", {"concurrency": 8}, work, template, 50.0, expected=plan)
    sample = min(naive_sample, visits)
    naive = _run("baseline", {"sample": sample}, work, template, 50.0, expected=plan[:sample])
    return station["wall_s"], naive["load_s"] + naive["upload_s"] * visits / sample
