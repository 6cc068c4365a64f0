"""Pictures of the result slip: ``python -m ui.patient.slip_screenshot [OUT]`` (default
``docs/screenshots``) writes ``slip-a6-id.png`` (A6, Bahasa Indonesia) and
``slip-receipt-en.png`` (80 mm receipt, English) at 200 dpi.

The visit is recorded as at a desk, through the real Store on a temporary (encrypted) SQLite
file under a throwaway key: a cuff's three readings (a first one at or above 140/90 asks for
a third), the oximeter's SpO2 and pulse, confirmed by an operator with the referral the checks
give. The visit starts at 09:05 on the computer's clock, so the slip shows that time.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from devices.measurements import BloodPressure, Measurement, PressureUnit, SpO2
from station.audit import Actor
from station.checks import check_measurement
from station.person import Person
from station.results import summarise
from station.store.database import open_database
from station.store.db_key import KEY_ENV
from station.store.operators import OperatorStore
from station.store.repository import ReadingSource, Store, StoredVisit, VisitOutcome
from ui.patient.slip import Paper, slip_content, slip_image
from ui.texts import Language

__all__ = ["main"]

_SHOTS: tuple[tuple[str, Paper, Language], ...] = (
    ("slip-a6-id", "a6", "id"),
    ("slip-receipt-en", "receipt-80mm", "en"),
)
_CUFF = ReadingSource("cuff-1", "Omron HEM-7155T", simulated=False)
_OXIMETER = ReadingSource("ox-1", "Contec CMS50D+", simulated=False)
_RAW = bytes.fromhex("1e78005000")


def _pressure(systolic: float, diastolic: float) -> BloodPressure:
    return BloodPressure(systolic, diastolic, None, PressureUnit.MMHG, _RAW, pulse_rate=74.0)


def _visit(url: str) -> tuple[StoredVisit, str]:
    """The confirmed visit and the name of the operator who confirmed it."""
    store = Store(open_database(url))
    try:
        now = datetime.now(UTC)
        operator = OperatorStore(store.database).add(
            "Ani Lestari",
            "admin",
            "3171014403800001",
            secrets.token_hex(8),
            now,
            actor=Actor.os_account("screenshot"),
            station_id="desk-1",
        )
        actor = Actor(operator.id, operator.name)
        started = datetime(2026, 11, 22, 9, 5).astimezone()  # 09:05 on this computer's clock
        visit = store.create_visit(
            station_id="desk-1",
            queue_number=12,
            person=Person("3174015507850002", "Siti Rahayu", None),
            started_at=started,
            rule_set="esh-2023",
            rule_set_version="1",
            actor=actor,
        )
        readings: tuple[tuple[Measurement, ReadingSource], ...] = (
            (_pressure(150, 95), _CUFF),
            (_pressure(146, 92), _CUFF),
            (_pressure(144, 90), _CUFF),
            (SpO2(97.0, 72.0, bytes.fromhex("00620048")), _OXIMETER),
        )
        for minute, (measurement, source) in enumerate(readings, start=1):
            store.add_reading(
                visit_id=visit.id,
                measurement=measurement,
                source=source,
                findings=check_measurement(measurement),
                received_at=started + timedelta(minutes=minute),
                actor=actor,
            )
        evaluation = summarise(store.visit(visit.id)).evaluation
        assert evaluation is not None
        confirmed = store.confirm_visit(
            visit.id,
            started + timedelta(minutes=6),
            VisitOutcome(str(evaluation.referral)),
            actor=actor,
        )
        return confirmed, operator.name
    finally:
        store.database.close()


def main(out: Path) -> int:
    existing = QGuiApplication.instance()
    _app = existing if isinstance(existing, QGuiApplication) else QGuiApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    os.environ[KEY_ENV] = secrets.token_hex(32)  # the temporary database's own key
    with tempfile.TemporaryDirectory() as folder:
        visit, operator = _visit(f"sqlite:///{folder}/station.sqlite3")
    results = summarise(visit)
    for name, paper, lang in _SHOTS:
        content = slip_content(visit, results, clinic="10000004", operator=operator, lang=lang)
        slip_image(content, paper, dpi=200).save(str(out / f"{name}.png"))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
