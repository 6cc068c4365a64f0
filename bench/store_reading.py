"""One reading stored, as the station stores it (issue 14: <= 2 x a bare commit).

The value is what ``Station`` does for every reading a device sends: ``Store.add_reading_to``
(reading, findings, outbox entry and audit entry in one durable transaction, SQLAlchemy
Core), which returns the visit with the reading added. Since issue 14 the station no longer
reads the visit again after each reading (it did, ``Store.visit``, about 40 % of the
figure then), so neither does this bench. The baseline, in the same run, on the same
encrypted file with the same PRAGMAs (``synchronous=FULL``), through the same DB-API
connection class: one bare ``INSERT`` and ``COMMIT``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.rows import Row, percentile

if TYPE_CHECKING:
    from station.store.database import Database

__all__ = ["bare_commits", "measure"]

_PER_VISIT = 4
_BP = "1e 78 00 50 00 5d 00 e8 07 03 0f 0e 1e 2d 48 00 01 00 00"


def measure(quick: bool) -> list[Row]:
    from devices.codecs.registry import decode_hex
    from station.audit import Actor
    from station.checks import check_measurement
    from station.person import Person
    from station.store.database import open_database
    from station.store.repository import ReadingSource, Store

    samples = 150 if quick else 600
    os.environ.setdefault("VITALS_STATION_DB_KEY", "ab" * 32)  # a throwaway file's key
    with tempfile.TemporaryDirectory(prefix="vitals-bench-store-") as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            store = Store(database)
            actor = Actor.os_account("bench")
            started = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)

            def new_visit(number: int):
                return store.create_visit(
                    station_id="bench",
                    queue_number=number,
                    person=Person("3174015507850002", "Bench Person", date(1985, 7, 15)),
                    started_at=started + timedelta(minutes=number),
                    rule_set="esh-2023",
                    rule_set_version="bench",
                    actor=actor,
                )

            measurement = decode_hex("ble:blood-pressure", _BP)
            findings = check_measurement(measurement)
            source = ReadingSource("bench-cuff", "bench cuff", simulated=True)
            stored: list[float] = []
            for index in range(samples):
                if index % _PER_VISIT == 0:  # a visit's readings: three cuff, one oximeter
                    visit = new_visit(index // _PER_VISIT + 1)
                begun = time.perf_counter()
                visit = store.add_reading_to(
                    visit,
                    measurement=measurement,
                    source=source,
                    findings=findings,
                    received_at=started + timedelta(seconds=index),
                    actor=actor,
                ).visit
                stored.append((time.perf_counter() - begun) * 1000)
            bare = bare_commits(database, samples)
        finally:
            database.close()
    median, baseline = statistics.median(stored), statistics.median(bare)
    note = (
        f"p50 of {samples}; p99 {percentile(stored, 0.99):.1f} ms; baseline: a bare INSERT + "
        "COMMIT on the same file and connection settings"
    )
    return [Row("one_reading_stored", median, "ms", baseline, 2.0, "ratio_at_most", note)]


def bare_commits(database: Database, samples: int) -> list[float]:
    """``samples`` one-row INSERT + COMMITs through the raw DB-API cursor on ``database``'s
    file (its PRAGMAs, ``synchronous=FULL``): each one's wall time in ms. The baseline of
    ``one_reading_stored``; ``upload_rows`` times the CPU of the same loop."""
    connection = database.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, v BLOB)")
        connection.commit()
        times = []
        for _index in range(samples):
            begun = time.perf_counter()
            cursor.execute("INSERT INTO bench_bare (v) VALUES (?)", (b"x" * 64,))
            connection.commit()
            times.append((time.perf_counter() - begun) * 1000)
        return times
    finally:
        connection.close()
