"""What bounds ``one_reading_stored`` (issue 14): ``python bench/store_floor.py [--samples N]``.

In one run, on one encrypted file with the station's PRAGMAs (``synchronous=FULL``):

- ``station``: ``Store.add_reading_to``, as ``Station`` stores a reading;
- ``raw_same_statements``: the same seven statements (visit locked and counted; reading,
  outbox entry, chain head, audit entry, head again) and the commit through the raw DB-API
  cursor, no SQLAlchemy and no hashing: the floor of this schema's durable transaction;
- ``bare_commit``: one ``INSERT`` and ``COMMIT`` (the bench's baseline);
- ``core_insert_us`` and ``cursor_insert_us``: one one-row insert in an open transaction
  through SQLAlchemy Core and through the cursor (Core's own cost per statement).

The raw statements are written by hand after ``station/store/models.py``: a schema change
breaks this script loudly, never the station.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Column, Integer, LargeBinary, MetaData, Table, insert

from devices.measurements import BloodPressure, PressureUnit
from station.audit import Actor
from station.person import Person
from station.store.database import Database, open_database
from station.store.repository import ReadingSource, Store, StoredVisit

_RAW = bytes.fromhex("1e780050005d00e807030f0e1e2d4800010000")
_READING = (
    "INSERT INTO readings (id, visit_id, sequence, kind, device_id, device_label, simulated, "
    "source, raw, decoded_json, received_at, valid, discarded_reason, discarded_at, revision, "
    "operator_id, discarded_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_OUTBOX = (
    "INSERT INTO outbox (reading_id, visit_id, status, attempts, created_at, updated_at, "
    "amendment) VALUES (?,?,?,?,?,?,?)"
)
_ENTRY = (
    "INSERT INTO audit_log (sequence, at, station_id, operator_id, actor, action, record_kind, "
    "record_id, record_hash, detail_json, previous_hash, entry_hash) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _ms(begun: float) -> float:
    return (time.perf_counter() - begun) * 1000


def _station(store: Store, visits: list[StoredVisit], samples: int) -> list[float]:
    measurement = BloodPressure(121.0, 79.0, None, PressureUnit.MMHG, _RAW, 72.0)
    source = ReadingSource("bench-cuff", "bench cuff", simulated=True)
    actor = Actor.os_account("bench")
    times = []
    visit = visits[0]
    for index in range(samples):
        if index % 4 == 0:
            visit = visits[index // 4]
        begun = time.perf_counter()
        visit = store.add_reading_to(
            visit,
            measurement=measurement,
            source=source,
            findings=[],
            received_at=datetime.now(UTC),
            actor=actor,
        ).visit
        times.append(_ms(begun))
    return times


def _raw_same_statements(database: Database, visits: list[StoredVisit]) -> list[float]:
    connection = database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        times = []
        for index in range(len(visits) * 4):
            visit_id = visits[index // 4].id
            begun = time.perf_counter()
            cursor.execute(
                "SELECT status, station_id, rule_set, rule_set_version, revision FROM visits "
                "WHERE id = ?",
                (visit_id,),
            )
            cursor.fetchall()
            cursor.execute(
                "SELECT max(sequence), count(*), count(discarded_reason) FROM readings "
                "WHERE visit_id = ?",
                (visit_id,),
            )
            sequence = (cursor.fetchone()[0] or 0) + 1
            reading_id = str(uuid.uuid4())
            at = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
            cursor.execute(
                _READING,
                (
                    *(reading_id, visit_id, sequence, "blood_pressure", "bench-cuff"),
                    *("bench cuff", 1, "device", _RAW, '{"systolic": 121.0}', at, 1),
                    *(None, None, 1, None, None),
                ),
            )
            cursor.execute(_OUTBOX, (reading_id, visit_id, "pending", 0, at, at, 0))
            cursor.execute(
                "UPDATE audit_head SET sequence = sequence + 1 WHERE id = 1 "
                "RETURNING sequence, entry_hash"
            )
            entry, previous = cursor.fetchone()
            digest = hashlib.sha256((previous + reading_id).encode()).hexdigest()
            cursor.execute(
                _ENTRY,
                (
                    *(entry, at, "bench", None, "os:bench", "recorded_reading", "reading"),
                    *(reading_id, digest, "{}", previous, digest),
                ),
            )
            cursor.execute("UPDATE audit_head SET entry_hash = ? WHERE id = 1", (digest,))
            connection.commit()
            times.append(_ms(begun))
        return times
    finally:
        connection.close()


def _bare_and_per_statement(database: Database, samples: int) -> dict[str, float]:
    connection = database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, v BLOB)")
        connection.commit()
        bare, through_cursor = [], []
        for _index in range(samples):
            begun = time.perf_counter()
            cursor.execute("INSERT INTO bench_floor (v) VALUES (?)", (b"x" * 64,))
            connection.commit()
            bare.append(_ms(begun))
        for _index in range(samples * 5):
            begun = time.perf_counter()
            cursor.execute("INSERT INTO bench_floor (v) VALUES (?)", (b"x" * 64,))
            through_cursor.append(_ms(begun) * 1000)
        connection.commit()
    finally:
        connection.close()
    table = Table(
        "bench_floor", MetaData(), Column("id", Integer, primary_key=True), Column("v", LargeBinary)
    )
    statement = insert(table)
    through_core = []
    with database.engine.begin() as core:
        for _index in range(samples * 5):
            begun = time.perf_counter()
            core.execute(statement, {"v": b"x" * 64})
            through_core.append(_ms(begun) * 1000)
    return {
        "bare_commit": statistics.median(bare),
        "cursor_insert_us": statistics.median(through_cursor),
        "core_insert_us": statistics.median(through_core),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=400)
    args = parser.parse_args(argv)
    samples = max(4, args.samples - args.samples % 4)
    os.environ.setdefault("VITALS_STATION_DB_KEY", "ab" * 32)  # a throwaway file's key
    with tempfile.TemporaryDirectory(prefix="vitals-bench-floor-") as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'floor.sqlite3'}")
        try:
            store = Store(database)
            started = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
            visits = [
                store.create_visit(
                    station_id="bench",
                    queue_number=number + 1,
                    person=Person("3174015507850002", "Bench Person", date(1985, 7, 15)),
                    started_at=started + timedelta(minutes=number),
                    rule_set="esh-2023",
                    rule_set_version="bench",
                    actor=Actor.os_account("bench"),
                )
                for number in range(samples // 2)
            ]
            station = _station(store, visits[: samples // 4], samples)
            raw = _raw_same_statements(database, visits[samples // 4 :])
            figures = {
                "station": statistics.median(station),
                "raw_same_statements": statistics.median(raw),
                **_bare_and_per_statement(database, samples),
            }
        finally:
            database.close()
    for name, value in figures.items():
        unit = "us" if name.endswith("_us") else "ms"
        print(f"{name:>20}: {value:.3f} {unit} (p50)")
    print(json.dumps({name: round(value, 4) for name, value in figures.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
