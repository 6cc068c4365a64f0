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
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import upload_backlog as backlog
from bench.rows import Row

__all__ = ["measure"]


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
    per_visit = {kind: runs[kind, 0.0]["cpu_s"] * 1000 / visits for kind in ("station", "baseline")}
    note = f"{visits} visits of 3 readings; baseline: one POST per resource, same client"
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
