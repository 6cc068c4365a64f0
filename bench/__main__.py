"""``python -m bench [--quick]``: every figure of issue 14 that is measured here, one JSON
object a line (``{"name", "value", "unit", "baseline", "ratio", "target", "met"}``), each
with its baseline measured in the same run. Not part of the test suite.

``--quick`` (a few minutes) runs fewer samples; the full run more. ``--only NAME`` runs one
group (``paint``, ``startup``, ``store``, ``upload``, ``export``,
``desk_memory``). The exit status is 0 whatever the
figures: a target not met is a finding to read, not a failure of the run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from bench import (
    desk_memory,
    export_memory,
    paint_latency,
    startup,
    store_reading,
    upload_rows,
)
from bench.rows import Row

GROUPS: dict[str, Callable[[bool], list[Row]]] = {
    "startup": startup.measure,
    "paint": paint_latency.measure,
    "store": store_reading.measure,
    "upload": upload_rows.measure,
    "export": export_memory.measure,
    "desk_memory": desk_memory.measure,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer samples (a few minutes)")
    parser.add_argument("--only", choices=sorted(GROUPS), action="append")
    args = parser.parse_args(argv)
    for name in args.only or list(GROUPS):
        sys.stderr.write(f"bench: {name}...\n")
        for row in GROUPS[name](args.quick):
            print(row.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
