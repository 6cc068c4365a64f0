"""Benchmark: draining a week's offline backlog to an imitation SATUSEHAT.

    .venv/bin/python bench/upload_backlog.py [--readings 10000] [--latency-ms 50]
        [--baseline-sample 300] [--concurrency 4 8] [--seed 7] [--template FILE]
        [--workdir DIR] [--keep]

Records ``--readings`` readings (3 per visit: 2 blood pressure, 1 SpO2) through the real
station path (``station.demo.run_demo``) into a template SQLite file once, then for each
approach copies the template, starts a fresh imitation server as its own process
(``python -m tests.satusehat_server``, every request delayed ``--latency-ms``), registers
every visit's person as a Patient and uploads the backlog from a fresh worker process:

* baseline: the naive client, one request at a time: per visit the Patient lookup by NIK
  (cached per NIK), POST Encounter, then one POST per Observation pointing at
  ``Encounter/{id}``. With ``--baseline-sample N`` (default 300) only the first N visits are
  sent and the full-backlog figures are extrapolated linearly (labelled as such);
  ``--baseline-sample 0`` sends the whole backlog (about 20 minutes at 50 ms).
* station: ``station.upload.wiring.sync_runner(...).drain()``, one transaction Bundle per
  visit with ``upload.concurrency`` visits in flight, over the full backlog, once per
  ``--concurrency`` value.

After each run the server's contents are checked: exactly the expected Encounters and
Observations (by business identifier), no duplicates, none missing, every Observation's
encounter reference resolving. Requests are counted by the server. Prints a side-by-side
table, then one JSON line with the same figures. Exit status 1 when a check fails.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from config.settings import Settings
from fhir_export.mapping import (
    NIK_SYSTEM,
    encounter_for,
    encounter_identifier_system,
    observation_for,
    observation_identifier_system,
    to_dict,
    upload_bundle_data,
)
from fhir_export.oauth import GRANT_TYPE, token_url
from fhir_export.satusehat_client import SatusehatClient, SatusehatError
from station.demo import run_demo
from station.export import export_context, visit_to_export
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.repository import Store
from station.upload.sync import SyncRunner
from station.upload.uploader import Uploader
from station.upload.wiring import client_config, sync_runner
from station.wiring import system_clock

REPO = Path(__file__).resolve().parent.parent
READINGS_PER_VISIT = 3  # station.demo: two cuff readings and one oximeter reading
ORGANIZATION_ID = "10000004"
CLIENT_ID = "cid"
CLIENT_SECRET = "secret"  # noqa: S105 - the imitation server's test credentials
LOCATION_ID = "b017aa54-f1df-4ec2-9d84-8823815d7228"
PRACTITIONER_NIK = "7209061211900001"  # a sandbox practitioner the server knows
PROGRESS_EVERY_S = 15.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def make_settings(
    db_path: Path, auth_url: str = "", base_url: str = "", concurrency: int = 4
) -> Settings:
    return Settings.model_validate(
        {
            "database": {"url": f"sqlite:///{db_path}"},
            "satusehat": {
                "auth_url": auth_url,
                "base_url": base_url,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "organization_id": ORGANIZATION_ID,
                "location_id": LOCATION_ID,
                "practitioner_nik": PRACTITIONER_NIK,
            },
            "upload": {"concurrency": concurrency},
        }
    )


def copy_sqlite(source: Path, target: Path) -> None:
    """A copy of a closed database file with its write-ahead log (SQLite replays it on open).

    The files are copied as they are, not through SQLite: since issue 12 the station's
    database is encrypted (SQLCipher), which the standard library's sqlite3 cannot read; the
    copy opens with the same key (this user's key file or keyring entry)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    wal = Path(f"{source}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def process_cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) another process used so far; None off Linux."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- workers (each approach runs in a fresh process: its own peak RSS and CPU) -------------


def count_confirmed(db_path: Path) -> int | None:
    """Confirmed visits in a template (None: it cannot be opened, e.g. another key)."""
    try:
        database = open_database(f"sqlite:///{db_path}")
    except Exception:  # noqa: BLE001 - any failure means "build the template again"
        return None
    try:
        return len(Store(database).visits(VisitStatus.CONFIRMED))
    finally:
        database.close()


def worker_record(args: dict[str, Any]) -> dict[str, Any]:
    db_path = Path(args["db"])
    visits = int(args["visits"])
    settings = make_settings(db_path)
    done = threading.Event()
    started = time.monotonic()

    def progress() -> None:
        while not done.wait(PROGRESS_EVERY_S):
            count = count_confirmed(db_path)
            if count is not None:
                elapsed = time.monotonic() - started
                log(f"  recorded {count}/{visits} visits ({elapsed:.0f} s)")

    reporter = threading.Thread(target=progress, daemon=True)
    reporter.start()
    try:
        summary = asyncio.run(run_demo(settings, visits=visits, seed=int(args["seed"])))
    finally:
        done.set()
        reporter.join()
    return {
        "visits": summary["visits"],
        "readings": summary["readings"],
        "device_errors": len(summary["device_errors"]),
        "seconds": time.monotonic() - started,
    }


async def _baseline(args: dict[str, Any]) -> dict[str, Any]:
    settings = make_settings(Path(args["db"]), args["auth_url"], args["base_url"])
    sample = int(args["sample"])
    database = open_database(settings.database.url)
    cpu_before = cpu_s()
    load_started = time.monotonic()
    visits = Store(database).visits(VisitStatus.CONFIRMED)
    load_s = time.monotonic() - load_started
    chosen = visits[:sample] if sample else visits
    ctx = export_context(settings)
    errors: list[str] = []
    failed_visits = 0
    resources = 0
    patients: dict[str, str] = {}  # NIK -> IHS number, as a real client would cache them
    upload_started = time.monotonic()
    last_progress = upload_started
    async with SatusehatClient(client_config(settings)) as client:
        practitioner_ihs = await client.find_practitioner_ihs(ctx.practitioner_nik)
        ctx = replace(ctx, practitioner_ihs=practitioner_ihs)
        for number, visit in enumerate(chosen, 1):
            export = visit_to_export(visit)
            try:
                ihs = patients.get(export.nik)
                if ihs is None:
                    ihs = await client.find_patient_ihs(export.nik)
                    if ihs is None:
                        raise SatusehatError(f"no Patient for visit {visit.id}")
                    patients[export.nik] = ihs
                export = replace(export, patient_ihs=ihs)
                encounter = await client.create(to_dict(encounter_for(export, ctx)))
                resources += 1
                reference = f"Encounter/{encounter['id']}"
                for vital in export.vitals:
                    await client.create(to_dict(observation_for(vital, export, ctx, reference)))
                    resources += 1
            except SatusehatError as exc:
                failed_visits += 1
                if len(errors) < 5:
                    errors.append(str(exc))
            now = time.monotonic()
            if now - last_progress >= PROGRESS_EVERY_S:
                last_progress = now
                rate = number / (now - upload_started)
                log(f"  baseline: {number}/{len(chosen)} visits sent ({rate:.1f} visits/s)")
    upload_s = time.monotonic() - upload_started
    database.close()
    return {
        "visits_total": len(visits),
        "visits": len(chosen),
        "resources": resources,
        "failed_visits": failed_visits,
        "errors": errors,
        "load_s": load_s,
        "upload_s": upload_s,
        "wall_s": load_s + upload_s,
        "cpu_s": cpu_s() - cpu_before,
        "peak_rss_mb": peak_rss_mb(),
    }


class InFlight:
    """Observation only: how many visits are being uploaded at once, and when each sync
    worker stops. Wraps ``Uploader.upload`` and ``SyncRunner._work`` in the worker process
    (a counter and a clock read per call); the station's code runs unchanged."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self._last = self.started
        self._area = 0.0
        self.now = 0
        self.max = 0
        self.worker_ends: list[float] = []

    def change(self, delta: int) -> None:
        moment = time.monotonic()
        self._area += self.now * (moment - self._last)
        self._last = moment
        self.now += delta
        self.max = max(self.max, self.now)

    def mean(self) -> float:
        self.change(0)
        elapsed = self._last - self.started
        return self._area / elapsed if elapsed > 0 else 0.0

    def install(self) -> None:
        upload = Uploader.upload
        work = SyncRunner._work

        async def counted_upload(uploader: Uploader, claim: Any) -> Any:
            self.change(+1)
            try:
                return await upload(uploader, claim)
            finally:
                self.change(-1)

        async def timed_work(runner: SyncRunner, *args: Any) -> None:
            try:
                await work(runner, *args)
            finally:
                self.worker_ends.append(round(time.monotonic() - self.started, 2))

        Uploader.upload = counted_upload  # type: ignore[method-assign]
        SyncRunner._work = timed_work  # type: ignore[method-assign]


async def _station(args: dict[str, Any]) -> dict[str, Any]:
    concurrency = int(args["concurrency"])
    settings = make_settings(Path(args["db"]), args["auth_url"], args["base_url"], concurrency)
    database = open_database(settings.database.url)
    cpu_before = cpu_s()
    in_flight = InFlight()
    in_flight.install()
    started = in_flight.started
    async with sync_runner(settings, database, system_clock) as runner:
        summary = await runner.drain()
    wall_s = time.monotonic() - started
    cpu = cpu_s() - cpu_before
    outbox = Store(database).counts()["outbox"]
    database.close()
    return {
        "concurrency": concurrency,
        "summary": summary.to_json(),
        "outbox": outbox,
        "in_flight_max": in_flight.max,
        "in_flight_mean": round(in_flight.mean(), 2),
        "worker_ends_s": sorted(in_flight.worker_ends),
        "wall_s": wall_s,
        "cpu_s": cpu,
        "peak_rss_mb": peak_rss_mb(),
    }


async def _http_floor(args: dict[str, Any]) -> dict[str, Any]:
    """What the station's requests cost by themselves: per visit the Patient search and the
    transaction POST the station sends (the same Bundle bytes, built before the clock
    starts), ``concurrency`` visits at a time through a bare ``httpx.AsyncClient``, each
    answer read and parsed; no retries, bounds, checks, mapping or database. The CPU of
    this run is a floor no upload over HTTP/1.1 with httpx gets under."""
    concurrency = int(args["concurrency"])
    settings = make_settings(Path(args["db"]), args["auth_url"], args["base_url"])
    database = open_database(settings.database.url)
    visits = Store(database).visits(VisitStatus.CONFIRMED)
    database.close()
    ctx = export_context(settings)
    # The imitation server's IHS numbers, as ImitationServer.register_patients gives them.
    niks = sorted({visit.person.nik for visit in visits})
    ihs = {nik: f"P{number:011d}" for number, nik in enumerate(niks)}
    base = settings.satusehat.base_url
    async with httpx.AsyncClient(timeout=60.0) as client:
        token_reply = await client.post(
            token_url(settings.satusehat.auth_url),
            params={"grant_type": GRANT_TYPE},
            data={"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
        )
        token_reply.raise_for_status()
        headers = {"Authorization": f"Bearer {token_reply.json()['access_token']}"}
        practitioner = (
            await client.get(
                f"{base}/Practitioner",
                params={"identifier": f"{NIK_SYSTEM}|{ctx.practitioner_nik}"},
                headers=headers,
            )
        ).json()
        ctx = replace(ctx, practitioner_ihs=practitioner["entry"][0]["resource"]["id"])
        work = []
        for visit in visits:
            export = replace(visit_to_export(visit), patient_ihs=ihs[visit.person.nik])
            include = {vital.identifier for vital in export.vitals}
            bundle = upload_bundle_data(export, ctx, encounter_id=None, include=include)
            work.append((visit.person.nik, json.dumps(bundle).encode()))
        post_headers = {**headers, "Content-Type": "application/json"}
        queue = iter(work)
        cpu_before = cpu_s()
        started = time.monotonic()

        async def worker() -> None:
            for nik, body in queue:
                search = await client.get(
                    f"{base}/Patient", params={"identifier": f"{NIK_SYSTEM}|{nik}"}, headers=headers
                )
                search.raise_for_status()
                search.json()
                answer = await client.post(base, content=body, headers=post_headers)
                answer.raise_for_status()
                answer.json()

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall_s = time.monotonic() - started
        cpu = cpu_s() - cpu_before
    return {"visits": len(visits), "wall_s": wall_s, "cpu_s": cpu, "peak_rss_mb": peak_rss_mb()}


def run_worker(kind: str, args: dict[str, Any]) -> None:
    if kind == "record":
        result = worker_record(args)
    elif kind == "baseline":
        result = asyncio.run(_baseline(args))
    elif kind == "station":
        result = asyncio.run(_station(args))
    elif kind == "floor":
        result = asyncio.run(_http_floor(args))
    else:
        raise SystemExit(f"unknown worker {kind!r}")
    print(json.dumps(result), flush=True)


# --- the orchestrating process -------------------------------------------------------------


@dataclass(frozen=True)
class PlannedVisit:
    nik: str
    encounter: str  # business identifier
    observations: tuple[str, ...]
    readings: int


@dataclass
class Backlog:
    visits: list[PlannedVisit]
    record_s: float | None = None

    @property
    def readings(self) -> int:
        return sum(v.readings for v in self.visits)

    def resources(self, count: int | None = None) -> int:
        return sum(1 + len(v.observations) for v in self.visits[:count])


@dataclass
class Run:
    label: str
    measured: dict[str, Any]
    requests: int
    request_kinds: dict[str, int]
    statuses: dict[str, int]
    server_cpu_s: float | None
    check: dict[str, Any]
    figures: dict[str, Any] = field(default_factory=dict)


class ImitationServer:
    """``python -m tests.satusehat_server`` as a child process, with its admin API."""

    def __init__(self, latency_ms: float) -> None:
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.satusehat_server",
                *("--port", "0", "--latency-ms", str(latency_ms)),
                *("--organization-id", ORGANIZATION_ID, "--client-id", CLIENT_ID),
                *("--client-secret", CLIENT_SECRET),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            self.stop()
            raise SystemExit("the imitation server did not start (see its error above)")
        info = json.loads(line)
        self.pid = int(self._process.pid)
        self.auth_url: str = info["auth_url"]
        self.base_url: str = info["base_url"]
        self.admin = httpx.Client(base_url=info["admin_url"], timeout=300.0)

    def stop(self) -> None:
        if hasattr(self, "admin"):
            self.admin.close()
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def get(self, path: str, **params: str) -> Any:
        reply = self.admin.get(path, params=params)
        reply.raise_for_status()
        return reply.json()

    def register_patients(self, niks: list[str]) -> None:
        for number, nik in enumerate(niks):
            reply = self.admin.post("/patients", json={"nik": nik, "ihs": f"P{number:011d}"})
            reply.raise_for_status()


@contextlib.contextmanager
def imitation_server(latency_ms: float) -> Iterator[ImitationServer]:
    server = ImitationServer(latency_ms)
    try:
        yield server
    finally:
        server.stop()


def spawn_worker(kind: str, args: dict[str, Any]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            *("--worker", kind, "--worker-args", json.dumps(args)),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )


def worker_result(process: subprocess.Popen[str], kind: str) -> dict[str, Any]:
    out, _ = process.communicate()
    lines = out.strip().splitlines()
    if process.returncode != 0 or not lines:
        raise SystemExit(f"the {kind} worker failed (exit status {process.returncode})")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def record_backlog(template: Path, visits: int, seed: int) -> float:
    log(f"recording {visits} visits ({visits * READINGS_PER_VISIT} readings) into {template}")
    log("  through the real station path (simulators -> codecs -> checks -> store + outbox)")
    scratch = template.with_name(template.name + ".recording")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    result = worker_result(
        spawn_worker("record", {"db": str(scratch), "visits": visits, "seed": seed}), "record"
    )
    if result["visits"] != visits or result["device_errors"]:
        raise SystemExit(f"recording went wrong: {result}")
    copy_sqlite(scratch, template)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    log(
        f"  recorded {result['visits']} visits, {result['readings']} readings in "
        f"{result['seconds']:.0f} s"
    )
    return float(result["seconds"])


def plan_backlog(template: Path, workdir: Path) -> list[PlannedVisit]:
    """The visits in upload order with their identifiers (read from a scratch copy)."""
    scratch = workdir / "plan.sqlite3"
    copy_sqlite(template, scratch)
    database = open_database(f"sqlite:///{scratch}")
    try:
        stored = Store(database).visits(VisitStatus.CONFIRMED)
        with database.engine.connect() as connection:
            per_visit = dict(
                connection.exec_driver_sql(
                    "SELECT visit_id, count(*) FROM outbox GROUP BY visit_id"
                ).all()
            )
    finally:
        database.close()
    planned = []
    for visit in stored:
        export = visit_to_export(visit)
        planned.append(
            PlannedVisit(
                nik=export.nik,
                encounter=export.encounter_identifier,
                observations=tuple(v.identifier for v in export.vitals),
                readings=int(per_visit.get(visit.id, 0)),
            )
        )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return planned


def verify(server: ImitationServer, expected: list[PlannedVisit]) -> dict[str, Any]:
    """Exactly the expected Encounters and Observations, once each, references resolving."""
    ctx = export_context(make_settings(Path("unused.sqlite3")))
    encounter_system = encounter_identifier_system(ctx)
    observation_system = observation_identifier_system(ctx)
    encounters = server.get("/resources", type="Encounter")["resources"]
    observations = server.get("/resources", type="Observation")["resources"]

    def business_ids(resources: list[dict[str, Any]], system: str) -> Counter[str]:
        return Counter(
            i["value"]
            for r in resources
            for i in r.get("identifier", [])
            if i.get("system") == system
        )

    found_encounters = business_ids(encounters, encounter_system)
    found_observations = business_ids(observations, observation_system)
    want_encounters = {v.encounter for v in expected}
    want_observations = {o for v in expected for o in v.observations}
    encounter_refs = {f"Encounter/{e['id']}" for e in encounters}
    check = {
        "encounters": len(encounters),
        "encounters_expected": len(want_encounters),
        "observations": len(observations),
        "observations_expected": len(want_observations),
        "duplicates": sum(n - 1 for n in found_encounters.values())
        + sum(n - 1 for n in found_observations.values()),
        "missing": len(want_encounters - set(found_encounters))
        + len(want_observations - set(found_observations)),
        "unexpected": len(set(found_encounters) - want_encounters)
        + len(set(found_observations) - want_observations),
        "dangling_encounter_refs": sum(
            1 for o in observations if o.get("encounter", {}).get("reference") not in encounter_refs
        ),
    }
    check["ok"] = (
        check["encounters"] == check["encounters_expected"]
        and check["observations"] == check["observations_expected"]
        and check["duplicates"] == check["missing"] == check["unexpected"] == 0
        and check["dangling_encounter_refs"] == 0
    )
    return check


def request_breakdown(server: ImitationServer) -> tuple[int, dict[str, int], dict[str, int]]:
    records = server.get("/requests")["requests"]
    kinds: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for record in records:
        path = record["path"]
        if path.endswith("/accesstoken"):
            kind = "token"
        else:
            route = path.split("/fhir-r4/v1", 1)[-1].strip("/")
            kind = f"{record['method']} {route.split('/')[0] or '(transaction)'}"
        kinds[kind] += 1
        statuses[str(record["status"])] += 1
    return len(records), dict(sorted(kinds.items())), dict(sorted(statuses.items()))


def run_approach(
    *,
    label: str,
    kind: str,
    worker_args: dict[str, Any],
    expected: list[PlannedVisit],
    template: Path,
    workdir: Path,
    latency_ms: float,
) -> Run:
    db_path = workdir / f"{kind}-{worker_args.get('concurrency', 'seq')}.sqlite3"
    copy_sqlite(template, db_path)
    with imitation_server(latency_ms) as server:
        server.register_patients(sorted({v.nik for v in expected}))
        log(
            f"{label}: uploading {len(expected)} visits to {server.base_url} "
            f"(server pid {server.pid}, {latency_ms:g} ms per request)"
        )
        args = {**worker_args, "db": str(db_path), "auth_url": server.auth_url}
        args["base_url"] = server.base_url
        server_cpu_before = process_cpu_s(server.pid)
        started = time.monotonic()
        process = spawn_worker(kind, args)
        while True:
            try:
                process.wait(PROGRESS_EVERY_S)
                break
            except subprocess.TimeoutExpired:
                if kind == "station":
                    stats = server.get("/stats")
                    done = stats["resources"].get("Encounter", 0)
                    log(
                        f"  {label}: {done}/{len(expected)} visits on the server "
                        f"({time.monotonic() - started:.0f} s)"
                    )
        measured = worker_result(process, kind)
        errors = measured.get("errors") or measured.get("summary", {}).get("errors")
        if errors:
            log(f"  upload errors (first {len(errors)}): {errors}")
        server_cpu_after = process_cpu_s(server.pid)
        server_cpu = (
            None
            if server_cpu_before is None or server_cpu_after is None
            else server_cpu_after - server_cpu_before
        )
        requests, kinds, statuses = request_breakdown(server)
        check = verify(server, expected)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    status = "OK" if check["ok"] else "FAILED"
    log(
        f"  check {status}: server holds {check['encounters']}/{check['encounters_expected']} "
        f"Encounters, {check['observations']}/{check['observations_expected']} Observations; "
        f"duplicates {check['duplicates']}, missing {check['missing']}, unexpected "
        f"{check['unexpected']}, dangling encounter references "
        f"{check['dangling_encounter_refs']}"
    )
    log(f"  {requests} requests {kinds}, statuses {statuses}, {measured['wall_s']:.1f} s wall")
    return Run(label, measured, requests, kinds, statuses, server_cpu, check)


def figures(
    *,
    visits: int,
    readings: int,
    resources: int,
    requests: int,
    wall_s: float,
    extrapolated: bool = False,
) -> dict[str, Any]:
    return {
        "visits": visits,
        "readings": readings,
        "resources": resources,
        "requests": requests,
        "wall_s": round(wall_s, 2),
        "readings_per_s": round(readings / wall_s, 2),
        "resources_per_s": round(resources / wall_s, 2),
        "requests_per_s": round(requests / wall_s, 2),
        "extrapolated": extrapolated,
    }


def expected_requests(visits: list[PlannedVisit], per_visit: int | None) -> int:
    """Token + practitioner lookup + one Patient lookup per distinct NIK + the sends: one
    per resource (``per_visit=None``) or ``per_visit`` per visit."""
    sends = sum((1 + len(v.observations)) if per_visit is None else per_visit for v in visits)
    return 2 + len({v.nik for v in visits}) + sends


def print_table(columns: list[tuple[str, dict[str, Any]]]) -> None:
    rows: list[tuple[str, str]] = [
        ("visits", "visits"),
        ("readings", "readings"),
        ("resources (Enc + Obs)", "resources"),
        ("requests sent", "requests"),
        ("wall time (s)", "wall_s"),
        ("readings/s", "readings_per_s"),
        ("resources/s", "resources_per_s"),
        ("requests/s", "requests_per_s"),
        ("speed-up vs baseline (x)", "speedup"),
        ("requests vs baseline", "requests_ratio"),
        ("visits in flight mean / max", "in_flight"),
        ("client peak RSS (MB)", "peak_rss_mb"),
        ("client CPU (s)", "client_cpu_s"),
        ("server CPU (s)", "server_cpu_s"),
        ("server check", "check"),
    ]
    width = max(len(name) for name, _ in rows) + 2
    col = max(16, *(len(title) + 2 for title, _ in columns))

    def cell(value: Any) -> str:
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:,.2f}"
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return str(value)

    print("".ljust(width) + "".join(title.rjust(col) for title, _ in columns))
    for name, key in rows:
        print(name.ljust(width) + "".join(cell(data.get(key)).rjust(col) for _, data in columns))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/upload_backlog.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--readings", type=int, default=10_000, help="backlog size (readings)")
    parser.add_argument("--latency-ms", type=float, default=50.0, help="added per request")
    parser.add_argument(
        "--baseline-sample",
        type=int,
        default=300,
        help="visits the sequential baseline sends, extrapolated to the backlog (0: all)",
    )
    parser.add_argument(
        "--concurrency", type=int, nargs="+", default=[4, 8], help="station runs (visits in flight)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the simulated visits")
    parser.add_argument(
        "--template",
        type=Path,
        help="recorded backlog to reuse when it exists (and to keep when recorded)",
    )
    parser.add_argument("--workdir", type=Path, help="folder for the database copies")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--worker-args", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        run_worker(args.worker, json.loads(args.worker_args or "{}"))
        return 0
    if args.readings < 1 or args.baseline_sample < 0 or min(args.concurrency) < 1:
        parser.error("--readings and --concurrency must be positive, --baseline-sample >= 0")

    total_started = time.monotonic()
    visits_wanted = math.ceil(args.readings / READINGS_PER_VISIT)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="upload-backlog-"))
    workdir.mkdir(parents=True, exist_ok=True)
    template = args.template or workdir / "template.sqlite3"
    try:
        record_s: float | None = None
        if template.exists():
            found = count_confirmed(template)
            if found != visits_wanted:
                raise SystemExit(f"{template} holds {found} visits, not {visits_wanted}")
            log(f"reusing the recorded backlog {template} ({found} visits)")
        else:
            template.parent.mkdir(parents=True, exist_ok=True)
            record_s = record_backlog(template, visits_wanted, args.seed)
        backlog = Backlog(plan_backlog(template, workdir), record_s)
        sample = min(args.baseline_sample or len(backlog.visits), len(backlog.visits))
        extrapolate = sample < len(backlog.visits)

        runs: list[Run] = []
        common = {"template": template, "workdir": workdir, "latency_ms": args.latency_ms}
        baseline = run_approach(
            label=f"baseline (sequential, {sample} visits)",
            kind="baseline",
            worker_args={"sample": sample},
            expected=backlog.visits[:sample],
            **common,
        )
        runs.append(baseline)
        for concurrency in args.concurrency:
            runs.append(
                run_approach(
                    label=f"station (concurrency {concurrency})",
                    kind="station",
                    worker_args={"concurrency": concurrency},
                    expected=backlog.visits,
                    **common,
                )
            )
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    sampled = backlog.visits[:sample]
    measured = baseline.measured
    baseline_sample = figures(
        visits=sample,
        readings=sum(v.readings for v in sampled),
        resources=measured["resources"],
        requests=baseline.requests,
        wall_s=measured["wall_s"],
    )
    baseline_sample.update(
        peak_rss_mb=round(measured["peak_rss_mb"], 1),
        client_cpu_s=round(measured["cpu_s"], 2),
        server_cpu_s=None if baseline.server_cpu_s is None else round(baseline.server_cpu_s, 2),
        check="OK" if baseline.check["ok"] and not measured["failed_visits"] else "FAILED",
        failed_visits=measured["failed_visits"],
        load_s=round(measured["load_s"], 2),
    )
    scale = len(backlog.visits) / sample
    baseline_full = figures(
        visits=len(backlog.visits),
        readings=backlog.readings,
        resources=backlog.resources(),
        requests=expected_requests(backlog.visits, None),
        # Reading the backlog from the database is done once for the whole backlog already.
        wall_s=measured["load_s"] + measured["upload_s"] * scale,
        extrapolated=extrapolate,
    )
    baseline_full.update(
        speedup=1.0,
        requests_ratio=1.0,
        client_cpu_s=round(measured["cpu_s"] * scale, 2) if extrapolate else None,
        server_cpu_s=(
            round(baseline.server_cpu_s * scale, 2)
            if extrapolate and baseline.server_cpu_s is not None
            else None
        ),
        check="(extrapolated)" if extrapolate else baseline_sample["check"],
    )
    if not extrapolate:
        baseline_full.update(
            peak_rss_mb=baseline_sample["peak_rss_mb"],
            client_cpu_s=baseline_sample["client_cpu_s"],
            server_cpu_s=baseline_sample["server_cpu_s"],
        )
    sample_formula = expected_requests(sampled, None)
    if baseline.requests != sample_formula:
        log(
            f"note: the baseline sample sent {baseline.requests} requests, the formula says "
            f"{sample_formula}; the extrapolated request count may be off"
        )

    station_columns: list[tuple[str, dict[str, Any]]] = []
    for run in runs[1:]:
        data = figures(
            visits=len(backlog.visits),
            readings=backlog.readings,
            resources=backlog.resources(),
            requests=run.requests,
            wall_s=run.measured["wall_s"],
        )
        summary = run.measured["summary"]
        data.update(
            concurrency=run.measured["concurrency"],
            speedup=round(baseline_full["wall_s"] / data["wall_s"], 2),
            requests_ratio=round(data["requests"] / baseline_full["requests"], 3),
            peak_rss_mb=round(run.measured["peak_rss_mb"], 1),
            client_cpu_s=round(run.measured["cpu_s"], 2),
            server_cpu_s=None if run.server_cpu_s is None else round(run.server_cpu_s, 2),
            check="OK"
            if run.check["ok"] and not summary["failed"] and not summary["dead"]
            else "FAILED",
            in_flight=f"{run.measured['in_flight_mean']:.2f} / {run.measured['in_flight_max']}",
            worker_ends_s=run.measured["worker_ends_s"],
            sync_summary=summary,
            outbox=run.measured["outbox"],
            request_kinds=run.request_kinds,
            statuses=run.statuses,
        )
        station_columns.append((f"station c={run.measured['concurrency']}", data))

    total_s = time.monotonic() - total_started
    print()
    print(
        f"Upload backlog: {len(backlog.visits):,} visits, {backlog.readings:,} readings, "
        f"{backlog.resources():,} resources; {args.latency_ms:g} ms added per request"
    )
    if extrapolate:
        print(
            f"Baseline measured on the first {sample} visits; the 'baseline full' column is "
            f"EXTRAPOLATED linearly to {len(backlog.visits):,} visits (wall = backlog read "
            f"{measured['load_s']:.1f} s + sample upload x {scale:.2f}; requests counted from "
            "the protocol)."
        )
    print()
    columns: list[tuple[str, dict[str, Any]]] = []
    if extrapolate:
        columns.append((f"baseline {sample} (meas.)", baseline_sample))
        columns.append(("baseline full (EXTRAP.)", baseline_full))
    else:
        columns.append(("baseline (measured)", {**baseline_sample, **baseline_full}))
    columns.extend(station_columns)
    print_table(columns)
    print()
    print(f"baseline requests: {baseline.request_kinds}")
    for title, data in station_columns:
        print(f"{title} requests: {data['request_kinds']}; sync {data['sync_summary']}")
        ends = data["worker_ends_s"]
        early = [end for end in ends if end < 0.9 * data["wall_s"]]
        if early:
            print(
                f"{title}: {len(early)} of {len(ends)} sync workers stopped early (at "
                f"{', '.join(f'{end:g}' for end in early)} s of {data['wall_s']:g} s) while "
                "visits were still due: the upload ran with fewer visits in flight than "
                "configured"
            )
    record_text = f"{record_s:.0f} s" if record_s is not None else "reused"
    print(f"recording the backlog: {record_text}; total run time {total_s:.0f} s")

    checks_ok = baseline_sample["check"] == "OK" and all(
        d["check"] == "OK" for _, d in station_columns
    )
    result = {
        "benchmark": "upload_backlog",
        "latency_ms": args.latency_ms,
        "visits": len(backlog.visits),
        "readings": backlog.readings,
        "resources": backlog.resources(),
        "baseline_sample": baseline_sample,
        "baseline": baseline_full,
        "station": [data for _, data in station_columns],
        "checks": {
            "baseline": baseline.check,
            **{title: run.check for (title, _), run in zip(station_columns, runs[1:], strict=True)},
        },
        "checks_ok": checks_ok,
        "record_s": None if record_s is None else round(record_s, 1),
        "total_s": round(total_s, 1),
    }
    print(json.dumps(result, sort_keys=False))
    return 0 if checks_ok else 1


if __name__ == "__main__":
    sys.exit(main())
