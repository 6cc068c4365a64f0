"""Benchmark: how ``vitals-station audit verify`` scales with the number of readings.

    .venv/bin/python -m bench.audit_verify [--readings 100000] [--quick] [--seed 7]
        [--runs 3] [--profile {auto,always,never}] [--workdir DIR] [--keep]

Builds a real encrypted SQLite database (SQLCipher, the key from ``VITALS_STATION_DB_KEY``;
a random one is set for the run when none is given) in a temporary folder, with
``--readings`` readings in visits of 3 to 4 readings (2 or 3 cuff readings and one oximeter
reading), every one written through the station's own ``Store`` (create visit, add reading,
now and then discard one or cancel the visit, confirm with the outcome the checks give), so
every audit entry and record hash is the one the station writes. Payload bytes come from the
real codecs' encoders and are decoded by the real decoders. The only liberty taken is
``PRAGMA synchronous=OFF`` on the build's connections (no fsync per commit): it changes how
durable the build is, not a byte of what it stores; ``verify`` then opens the file with the
station's own settings.

Then, each in a fresh process (its own peak RSS):

* ``verify``: ``station.store.audit_verify.verify_audit`` on the opened database, ``--runs``
  times (the median is reported); peak RSS growth over the first run (``ru_maxrss``) and
  the Python heap peak of one more run (``tracemalloc``);
* ``baseline``: what verify minimally must do, through plain ``sqlcipher3``: read every
  audit entry, visit, reading (with its findings) and SHA-256 each, no ORM, no JSON.

Prints progress on stderr and one JSON object a line on stdout (``{"name", "value", "unit",
"baseline", "ratio", "target", "met"}``, docs/design.md section 4). Targets, scaled
linearly from 100,000 readings: verify within 30 s and within 5x the baseline; RSS growth
within 200 MB. When verify misses a time target (or with ``--profile always``) one more
run under cProfile prints the 15 most expensive calls by cumulative time on stderr.
Exit status 1 when the chain does not verify or the figures are unusable.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import math
import os
import pstats
import random
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from devices.codecs.blood_pressure import decode_blood_pressure, encode_blood_pressure
from devices.codecs.plx import decode_plx_spot_check, encode_plx_spot_check
from devices.measurements import BloodPressure, BloodPressureStatus, Measurement, SpO2
from station.audit import Actor
from station.checks import check_measurement
from station.checks.rulesets import RULE_SETS
from station.critical import CriticalAction
from station.demo import fake_person
from station.person import Person
from station.results import summarise
from station.store.audit_verify import verify_audit
from station.store.database import Database, open_database
from station.store.db_key import KEY_ENV
from station.store.models import AuditEntryRow, ReadingRow, VisitRow
from station.store.operators import OperatorStore
from station.store.repository import ReadingSource, Store, VisitOutcome

REPO = Path(__file__).resolve().parent.parent
DEFAULT_READINGS = 100_000
QUICK_READINGS = 10_000
TARGET_READINGS = 100_000  # the targets below are for this many readings
TARGET_SECONDS = 30.0
TARGET_RATIO = 5.0
TARGET_RSS_MB = 200.0
PROGRESS_EVERY_S = 15.0

RULE_SET = "esh-2023"
DESKS = ("desk-1", "desk-2")
WIB = timezone(timedelta(hours=7), "WIB")
CUFF = ReadingSource("bench-cuff", "SIMULATOR cuff (bench)", simulated=True)
OXIMETER = ReadingSource("bench-oximeter", "SIMULATOR oximeter (bench)", simulated=True)
VISIT_MINUTES = 6  # one desk's pace: about 80 people in an 8-hour day
DAY_START_HOUR = 8
VISITS_PER_DESK_DAY = 80
THIRD_CUFF_READING = 0.5  # share of visits with a third cuff reading (3 or 4 readings)
DISCARD_SHARE = 0.01  # visits where the operator discards a reading (cuff slipped)
CANCEL_SHARE = 0.01  # visits cancelled before confirmation
IMPLAUSIBLE_SHARE = 0.005  # cuff readings the checks block (an artefact: re-measured)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _status_mb(field: str) -> float | None:
    """A memory figure of this process from Linux's ``/proc/self/status`` (None elsewhere)."""
    try:
        lines = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024  # kB
    return None


def reset_peak_rss() -> bool:
    """Start a new peak-RSS window (Linux: ``clear_refs`` 5 resets ``VmHWM``)."""
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:
        return False
    return True


def peak_rss_mb() -> float:
    """Peak RSS of this process since ``reset_peak_rss`` (Linux ``VmHWM``); elsewhere since
    the start (``ru_maxrss``: KiB on Linux, bytes on macOS), which can only overstate a
    growth."""
    peak = _status_mb("VmHWM")
    if peak is not None:
        return peak
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def current_rss_mb() -> float:
    current = _status_mb("VmRSS")
    return peak_rss_mb() if current is None else current


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


# --- building the database through the station's store ------------------------------------


@dataclass(frozen=True, slots=True)
class BuildStats:
    visits: int
    readings: int
    entries: int
    seconds: float


def _no_fsync(dbapi_connection: Any, _record: Any) -> None:
    """Runs after the station's own pragmas (listeners run in order): no fsync per commit."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


def _cuff_reading(rng: random.Random) -> BloodPressure:
    if rng.random() < IMPLAUSIBLE_SHARE:  # diastolic above systolic: the checks block it
        return decode_blood_pressure(encode_blood_pressure(70, 95, None, pulse_rate=80))
    systolic = max(85, round(rng.gauss(128, 18)))
    diastolic = max(50, min(systolic - 20, round(rng.gauss(82, 11))))
    pulse = max(45, round(rng.gauss(76, 11)))
    status = BloodPressureStatus(body_movement=rng.random() < 0.03)
    payload = encode_blood_pressure(systolic, diastolic, None, pulse_rate=pulse, status=status)
    return decode_blood_pressure(payload)


def _oximeter_reading(rng: random.Random) -> SpO2:
    spo2 = min(100, max(88, round(rng.gauss(97, 1.5))))
    pulse = max(45, round(rng.gauss(76, 11)))
    return decode_plx_spot_check(encode_plx_spot_check(spo2, pulse))


class _Schedule:
    """Visit start times: two desks, 80 people a desk a day from 08:00 WIB, the days ending
    yesterday (so every time is in the past, as SATUSEHAT wants)."""

    def __init__(self, visits: int) -> None:
        per_day = VISITS_PER_DESK_DAY * len(DESKS)
        days = math.ceil(visits / per_day)
        today = datetime.now(WIB).date()
        self._first = today - timedelta(days=days)

    def slot(self, number: int) -> tuple[str, datetime]:
        per_day = VISITS_PER_DESK_DAY * len(DESKS)
        day, within = divmod(number, per_day)
        desk, turn = divmod(within, VISITS_PER_DESK_DAY)
        start = datetime.combine(
            self._first + timedelta(days=day), datetime.min.time(), WIB
        ) + timedelta(hours=DAY_START_HOUR, minutes=turn * VISIT_MINUTES)
        return DESKS[desk], start


def _record_visit(
    store: Store,
    rng: random.Random,
    *,
    actor: Actor,
    desk: str,
    started: datetime,
    readings: int,
    today: date,
) -> int:
    """One visit as a desk records it: ``readings`` readings (the last from the oximeter);
    returns how many were stored."""
    nik, name, birth = fake_person(rng, today)
    visit = store.create_visit(
        station_id=desk,
        queue_number=store.next_queue_number(started.date()),
        person=Person(nik, name, birth),
        started_at=started,
        rule_set=RULE_SET,
        rule_set_version=RULE_SETS[RULE_SET].version,
        actor=actor,
    )
    at = started + timedelta(seconds=40)
    stored: list[str] = []
    for number in range(readings):
        oximeter = number == readings - 1 and readings > 1
        measurement: Measurement = _oximeter_reading(rng) if oximeter else _cuff_reading(rng)
        reading = store.add_reading(
            visit_id=visit.id,
            measurement=measurement,
            source=OXIMETER if oximeter else CUFF,
            findings=check_measurement(measurement),
            received_at=at,
            actor=actor,
        )
        stored.append(reading.id)
        at += timedelta(seconds=65)  # the protocol's minute between cuff readings
    if len(stored) > 1 and rng.random() < DISCARD_SHARE:
        store.discard_reading(stored[0], "cuff slipped", at, actor=actor)
        at += timedelta(seconds=5)
    if rng.random() < CANCEL_SHARE:
        store.cancel_visit(visit.id, actor=actor, at=at)
        return len(stored)
    evaluation = summarise(store.visit(visit.id)).evaluation
    if evaluation is None:  # nothing counts (every reading blocked or discarded)
        store.cancel_visit(visit.id, actor=actor, at=at)
        return len(stored)
    outcome = VisitOutcome(referral=str(evaluation.referral))
    if evaluation.needs_acknowledgement:
        outcome = VisitOutcome(
            referral=str(evaluation.referral),
            acknowledged_action=str(CriticalAction.REFERRED),
            acknowledged_note="dirujuk ke IGD",
            acknowledged_at=at,
        )
    store.confirm_visit(visit.id, at, outcome, actor=actor)
    return len(stored)


def _visit_sizes(readings: int, rng: random.Random) -> Iterator[int]:
    left = readings
    while left > 0:
        size = min(left, 4 if rng.random() < THIRD_CUFF_READING else 3)
        left -= size
        yield size


def _count(database: Database) -> tuple[int, int, int]:
    with database.sessions() as session:
        visits = session.scalar(select(func.count()).select_from(VisitRow)) or 0
        readings = session.scalar(select(func.count()).select_from(ReadingRow)) or 0
        entries = session.scalar(select(func.count()).select_from(AuditEntryRow)) or 0
    return int(visits), int(readings), int(entries)


@contextmanager
def _progress(report: Callable[[], str]) -> Iterator[None]:
    done = threading.Event()

    def run() -> None:
        while not done.wait(PROGRESS_EVERY_S):
            log(report())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def build(db_path: Path, readings: int, seed: int) -> BuildStats:
    started = time.monotonic()
    database = open_database(sqlite_url(db_path))
    event.listen(database.engine, "connect", _no_fsync)
    database.engine.dispose()  # the migration's pooled connection had fsync on
    store = Store(database)
    rng = random.Random(seed)
    today = datetime.now(WIB).date()
    operator = OperatorStore(database).demo_operator(datetime.now(WIB))
    actor = Actor(operator.id, operator.name)
    sizes = list(_visit_sizes(readings, rng))
    schedule = _Schedule(len(sizes))
    done = [0, 0]  # visits, readings
    last = [started, 0.0]  # the previous report: when, readings

    def report() -> str:
        now = time.monotonic()
        rate = (done[1] - last[1]) / (now - last[0])
        last[:] = [now, done[1]]
        return (
            f"  built {done[1]:,}/{readings:,} readings ({now - started:.0f} s, "
            f"{done[1] / (now - started):.0f}/s overall, {rate:.0f}/s lately)"
        )

    try:
        with _progress(report):
            for number, size in enumerate(sizes):
                desk, start = schedule.slot(number)
                done[1] += _record_visit(
                    store, rng, actor=actor, desk=desk, started=start, readings=size, today=today
                )
                done[0] += 1
        visits, stored, entries = _count(database)
    finally:
        database.close()
    with closing(_connect(db_path)) as connection:  # one file, no WAL beside it: copyable
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return BuildStats(visits, stored, entries, time.monotonic() - started)


def _template_info(template: Path) -> Path:
    return template.with_name(template.name + ".json")


def prepare(db_path: Path, readings: int, seed: int, template: Path | None) -> BuildStats:
    """The database at ``db_path``: a copy of ``template`` when it was built with the same
    ``readings`` and ``seed``, else built (and kept as ``template`` when one is named)."""
    info = _template_info(template) if template is not None else None
    if template is not None and info is not None and template.exists() and info.exists():
        kept = json.loads(info.read_text(encoding="utf-8"))
        if kept.get("readings") == readings and kept.get("seed") == seed:
            shutil.copyfile(template, db_path)
            log(f"reusing {template} (built in {kept['seconds']:.0f} s earlier)")
            return BuildStats(kept["visits"], kept["readings"], kept["entries"], kept["seconds"])
        log(f"{template} holds another build ({kept}); building again")
    log(f"building {readings:,} readings in {db_path} ...")
    built = build(db_path, readings, seed)
    if template is not None and info is not None:
        shutil.copyfile(db_path, template)
        template.chmod(0o600)
        info.write_text(json.dumps({**asdict(built), "seed": seed}), encoding="utf-8")
        log(f"kept the build as {template}")
    return built


# --- the measured work (each in a fresh worker process) -----------------------------------


def _connect(db_path: Path) -> Any:
    import sqlcipher3

    connection = sqlcipher3.connect(str(db_path))
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{os.environ[KEY_ENV]}'\"")
    return connection


def _text(row: tuple[Any, ...]) -> bytes:
    return "\x1f".join(map(str, row)).encode("utf-8")


def baseline_pass(connection: Any) -> int:
    """Every audit entry, visit and reading (joined with its findings) read and SHA-256
    hashed, the entries chained as verify chains them: the least verify must do. Returns
    the number of audit entries."""
    sha256 = hashlib.sha256
    previous = "0" * 64
    entries = 0
    for row in connection.execute(
        "SELECT sequence, at, station_id, operator_id, actor, action, record_kind, "
        "record_id, record_hash, detail_json, previous_hash, entry_hash "
        "FROM audit_log ORDER BY sequence"
    ):
        previous = sha256(previous.encode("ascii") + b"\n" + _text(row[:10])).hexdigest()
        entries += 1
    for row in connection.execute("SELECT * FROM visits ORDER BY id"):
        sha256(_text(row)).hexdigest()
    for row in connection.execute(
        "SELECT r.*, f.parameter, f.severity, f.code, f.message_id, f.message_en "
        "FROM readings AS r LEFT JOIN findings AS f ON f.reading_id = r.id ORDER BY r.id"
    ):
        sha256(_text(row)).hexdigest()
    return entries


def _timed(work: Callable[[], Any], runs: int) -> tuple[list[float], float, float]:
    """Wall times of ``runs`` calls, RSS (MB) before the first and peak RSS after it."""
    times: list[float] = []
    reset_peak_rss()
    before = current_rss_mb()
    after = peak_rss_mb()
    for run in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
        if run == 0:
            after = peak_rss_mb()
        log(f"  run {run + 1}/{runs}: {times[-1]:.2f} s")
    return times, before, after


def _heap_peak_mb(work: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        work()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def _profile(work: Callable[[], Any]) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(15)
    stats.sort_stats("tottime").print_stats(10)  # where the time is spent itself
    return out.getvalue()


def worker(kind: str, db_path: Path, runs: int, profile: bool) -> dict[str, Any]:
    if kind == "verify":
        database = open_database(sqlite_url(db_path))
        reports: list[dict[str, Any]] = []

        def work() -> None:
            reports.append(verify_audit(database).to_json())

        close: Callable[[], None] = database.close
    else:
        connection = _connect(db_path)
        counts: list[int] = []

        def work() -> None:
            counts.append(baseline_pass(connection))

        close = connection.close
    try:
        times, before, after = _timed(work, runs)
        heap = _heap_peak_mb(work) if runs else None
        profiled = _profile(work) if profile else None
    finally:
        close()
    result: dict[str, Any] = {
        "times": times,
        "rss_before_mb": before,
        "rss_after_mb": after,
        "heap_peak_mb": heap,
        "profile": profiled,
    }
    if kind == "verify":
        result["report"] = reports[0] if reports else None
    else:
        result["entries"] = counts[0] if counts else None
    return result


def run_worker(kind: str, db_path: Path, runs: int, *, profile: bool = False) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.audit_verify", "--worker", kind, "--db", str(db_path)]
    command += ["--runs", str(runs)] + (["--profile", "always"] if profile else [])
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, check=False, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the {kind} worker failed (exit status {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- figures ------------------------------------------------------------------------------


def figure(
    name: str,
    value: float,
    unit: str,
    baseline: float | None,
    target: float | None,
) -> dict[str, Any]:
    """One line of the benchmark contract; ``met``: value within target (None: no target)."""
    ratio = value / baseline if baseline else None
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 4),
        "ratio": None if ratio is None else round(ratio, 3),
        "target": target,
        "met": None if target is None else value <= target,
    }


def figures(
    readings: int, built: BuildStats, verify: dict[str, Any], base: dict[str, Any]
) -> list[dict[str, Any]]:
    scale = readings / TARGET_READINGS
    verify_s = statistics.median(verify["times"])
    base_s = statistics.median(base["times"])
    entries = built.entries
    verify_rss = verify["rss_after_mb"] - verify["rss_before_mb"]
    base_rss = base["rss_after_mb"] - base["rss_before_mb"]
    prefix = f"audit_verify.{readings}_readings"
    return [
        figure(f"{prefix}.time", verify_s, "s", base_s, round(TARGET_SECONDS * scale, 3)),
        figure(f"{prefix}.ratio_to_baseline", verify_s / base_s, "x", None, TARGET_RATIO),
        figure(
            f"{prefix}.per_entry",
            verify_s / entries * 1e6,
            "us",
            base_s / entries * 1e6,
            round(TARGET_SECONDS * scale / entries * 1e6, 3),
        ),
        figure(f"{prefix}.rss_growth", verify_rss, "MB", base_rss, TARGET_RSS_MB),
        figure(f"{prefix}.heap_peak", verify["heap_peak_mb"], "MB", base["heap_peak_mb"], None),
        figure(f"{prefix}.build_time", built.seconds, "s", None, None),
        figure(f"{prefix}.audit_entries", entries, "entries", None, None),
    ]


# --- command line -------------------------------------------------------------------------


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.audit_verify", description=__doc__)
    parser.add_argument("--readings", type=int, default=None, help="default 100000")
    parser.add_argument("--quick", action="store_true", help="10000 readings")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (median)")
    parser.add_argument("--profile", choices=("auto", "always", "never"), default="auto")
    parser.add_argument("--workdir", type=Path, help="where the database goes (default temp)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--template",
        type=Path,
        help="keep the built database here and reuse it when readings and seed match "
        f"(needs {KEY_ENV} set, the same on every run)",
    )
    parser.add_argument("--worker", choices=("verify", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.readings is not None and args.quick:
        parser.error("give --readings or --quick, not both")
    args.readings = QUICK_READINGS if args.quick else (args.readings or DEFAULT_READINGS)
    if args.readings < 1 or (args.runs < 1 and args.worker is None):
        parser.error("--readings and --runs must be at least 1")
    if args.template is not None and not os.environ.get(KEY_ENV):
        parser.error(f"--template needs {KEY_ENV} set (the same key on every run)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.worker is not None:
        result = worker(args.worker, args.db, args.runs, args.profile == "always")
        if result["profile"]:
            log(result["profile"])
        print(json.dumps(result))
        return 0
    if not os.environ.get(KEY_ENV):
        os.environ[KEY_ENV] = secrets.token_hex(32)  # a key for this run only
    folder = Path(tempfile.mkdtemp(prefix="audit-verify-", dir=args.workdir))
    db_path = folder / "station.sqlite3"
    try:
        built = prepare(db_path, args.readings, args.seed, args.template)
        log(
            f"database: {built.visits:,} visits, {built.readings:,} readings, "
            f"{built.entries:,} audit entries (built in {built.seconds:.1f} s)"
        )
        log(f"verify_audit x{args.runs} (fresh process) ...")
        verify = run_worker("verify", db_path, args.runs)
        log(f"baseline x{args.runs} (fresh process, plain sqlcipher3 + hashlib) ...")
        base = run_worker("baseline", db_path, args.runs)
        lines = figures(args.readings, built, verify, base)
        for line in lines:
            print(json.dumps(line), flush=True)
        report = verify["report"]
        missed = not (lines[0]["met"] and lines[1]["met"])
        if args.profile == "always" or (args.profile == "auto" and missed):
            log("verify_audit under cProfile (top 15 by cumulative time, top 10 by own time):")
            run_worker("verify", db_path, 0, profile=True)
        if not report["ok"] or report["entries"] != built.entries:
            log(f"error: the chain did not verify as built: {report}")
            return 1
        if base["entries"] != built.entries:
            log(f"error: the baseline read {base['entries']} entries, not {built.entries}")
            return 1
        return 0
    finally:
        if args.keep:
            log(f"kept {db_path}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
