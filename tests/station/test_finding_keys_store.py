"""Findings stored with their message key, parameters and rule set (issue 13, migration
0007), on a real SQLite file: read back as they were written; a database at the previous
revision migrates with its rows intact; rows stored before the change keep their audit
hash, so ``audit verify`` stays ok, and read back as their stored words."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from alembic import command
from sqlalchemy import inspect, select

from devices.measurements import BloodPressure, PressureUnit, SpO2
from station.checks import Finding, check_measurement
from station.checks.rulesets import RULE_SETS
from station.person import Person
from station.store import database as database_module
from station.store.audit_verify import verify_audit
from station.store.database import open_database
from station.store.models import FindingRow
from station.store.record_content import reading_content
from station.store.repository import ReadingSource, Store
from tests.station.actors import TEST_ACTOR

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 22, 9, 0, tzinfo=WIB)
CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
PERSON = Person("3174015507850002", "Siti Rahayu", date(1985, 7, 15))
RAW = bytes.fromhex("1e780050005d00e807030f0e1e2d4800010000")
OLD_FINDING_KEYS = {"parameter", "severity", "code", "message_id", "message_en"}


def _visit(store: Store, findings_of=check_measurement):
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(T0.date()),
        person=PERSON,
        started_at=T0,
        rule_set="esh-2023",
        rule_set_version=RULE_SETS["esh-2023"].version,
        actor=TEST_ACTOR,
    )
    for minute, reading in enumerate(
        (
            BloodPressure(300.5, 80.0, None, PressureUnit.MMHG, RAW, pulse_rate=72.0),
            SpO2(None, 70.0, b"\x00"),
        )
    ):
        store.add_reading(
            visit_id=visit.id,
            measurement=reading,
            source=CUFF,
            findings=findings_of(reading),
            received_at=T0 + timedelta(minutes=minute),
            actor=TEST_ACTOR,
        )
    return store.visit(visit.id)


def _as_before(measurement):
    """The findings as the code before issue 13 wrote them: words only."""
    return [
        Finding(f.parameter, f.severity, f.code, f.message_id, f.message_en)
        for f in check_measurement(measurement)
    ]


def _alembic(db, revision: str, *, down: bool) -> None:
    config = database_module._alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def test_key_params_and_rule_set_are_stored_and_read_back(db_url):
    db = open_database(db_url)
    try:
        visit = _visit(Store(db))
        findings = [f for r in visit.readings for f in r.findings]
        assert findings == [f for r in visit.readings for f in check_measurement(r.measurement)]
        implausible = next(f for f in findings if f.code == "implausible-value")
        assert implausible.key == "value.implausible"
        assert implausible.params == {
            "parameter": "parameter.systolic",
            "value": 300.5,
            "low": 50.0,
            "high": 300.0,
            "unit": "mmHg",
        }
        assert (implausible.rule_set, implausible.rule_set_version) == ("esh-2023", "1")
        missing = next(f for f in findings if f.code == "device-no-value")
        assert missing.params == {"parameter": "parameter.spo2"}
        with db.sessions() as session:
            row = session.scalars(
                select(FindingRow).where(FindingRow.code == "implausible-value")
            ).one()
            assert row.message_key == "value.implausible"
            assert json.loads(row.message_params or "")["value"] == 300.5
            assert row.message_id == implausible.message_id  # the words stay stored
        assert verify_audit(db).ok
    finally:
        db.close()
    reopened = open_database(db_url)  # read back from the file, not the session
    try:
        again = Store(reopened).visit(visit.id)
        assert [f for r in again.readings for f in r.findings] == findings
    finally:
        reopened.close()


def test_rows_written_before_keep_their_hash_and_their_words(db_url):
    db = open_database(db_url)
    try:
        visit = _visit(Store(db), findings_of=_as_before)
        with db.sessions() as session:
            rows = session.scalars(select(FindingRow)).all()
            assert {r.message_key for r in rows} == {None}
            reading = rows[0].reading
            content = reading_content(reading, reading.findings)
            assert {k for f in content["findings"] for k in f} == OLD_FINDING_KEYS
        assert verify_audit(db).ok
        read = [f for r in Store(db).visit(visit.id).readings for f in r.findings]
        assert {f.key for f in read} == {None}
        assert read[0].message_en.startswith("Systolic 300.5 mmHg is not possible")
    finally:
        db.close()


def test_a_database_at_the_previous_revision_migrates_and_still_verifies(db_url):
    db = open_database(db_url)
    try:
        visit = _visit(Store(db), findings_of=_as_before)
        _alembic(db, "0006", down=True)  # the schema, and the rows, as before the change
        assert db.schema_revision() == "0006"
        columns = {c["name"] for c in inspect(db.engine).get_columns("findings")}
        assert columns == {"id", "reading_id", *OLD_FINDING_KEYS}
    finally:
        db.close()
    migrated = open_database(db_url)
    try:
        assert migrated.schema_revision() == "0007"
        report = verify_audit(migrated)
        assert report.ok, report.to_json()
        store = Store(migrated)
        read = [f for r in store.visit(visit.id).readings for f in r.findings]
        assert [f.message_id for f in read] == [
            f.message_id for r in visit.readings for f in r.findings
        ]
        assert {f.key for f in read} == {None}
        # A new reading on the migrated file gets its key, and the chain still holds.
        low = SpO2(30.0, 70.0, b"\x00")
        new = store.add_reading(
            visit_id=visit.id,
            measurement=low,
            source=CUFF,
            findings=check_measurement(low),
            received_at=T0 + timedelta(minutes=9),
            actor=TEST_ACTOR,
        )
        assert [f.key for f in new.findings] == ["value.implausible"]
        assert verify_audit(migrated).ok
    finally:
        migrated.close()
