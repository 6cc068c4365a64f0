"""``vitals-station demo``: complete simulated visits through the real path.

simulator (real payload bytes) -> codec -> checks -> store (+ outbox) -> confirm. Nothing is
shortcut: the same ``Station`` object the desk app uses does the work. The people are made up
and every value is stored with the SIMULATOR label.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from config.settings import Settings
from station.audit import Actor
from station.service import DeviceRole, DeviceUpdate, Station, StationEvent
from station.store.operators import OperatorStore
from station.wiring import build_devices, build_station, open_store, system_clock

__all__ = ["DemoClock", "fake_person", "run_demo"]

_GIVEN = ("Siti", "Budi", "Dewi", "Agus", "Rina", "Wayan", "Putri", "Joko", "Ani", "Made")
_FAMILY = ("Rahayu", "Santoso", "Lestari", "Wijaya", "Hasanah", "Saputra", "Kurniawan")
# Readings per device in one demo visit: two cuff readings (the protocol's minimum,
# docs/reference/clinical-rules.md 3.4) and one oximeter reading. Demo visits have a fixed
# size (tests and benchmarks count on it): when the protocol would ask for a third cuff
# reading, the visit is confirmed early with this reason, stored like any early confirm.
BLOOD_PRESSURE_READINGS = 2
EARLY_REASON = "demo: fixed two cuff readings per simulated visit"


def fake_person(rng: random.Random, today: date) -> tuple[str, str, date]:
    """A made-up person with a NIK of the right shape (region code 3174, Jakarta Selatan;
    the date-of-birth part follows the NIK convention, +40 on the day for women)."""
    birth = date(rng.randint(1950, 2010), rng.randint(1, 12), rng.randint(1, 28))
    birth = min(birth, today)
    female = rng.random() < 0.5
    day = birth.day + (40 if female else 0)
    district = rng.randint(1, 99)
    serial = rng.randint(1, 9999)
    nik = f"3174{district:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"
    name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
    return nik, name, birth


class DemoClock:
    """The station's clock for a demo: simulated visits take minutes, as real ones do, not
    the milliseconds the simulators need. Starts far enough back that the last visit ends
    before the real now (SATUSEHAT refuses times in the future), and moves ``step`` on each
    reading of the clock. Without this every demo Encounter would end in the second it began,
    which SATUSEHAT rule 10121 refuses."""

    STEP = timedelta(seconds=20)
    READINGS_PER_VISIT = 16  # generous: call, start, the measurements, confirm
    # The protocol's minute between cuff readings, waited (by ``advance``) twice at most.
    WAITS_PER_VISIT = timedelta(minutes=2)

    def __init__(self, visits: int, now: datetime) -> None:
        per_visit = self.STEP * self.READINGS_PER_VISIT + self.WAITS_PER_VISIT
        self._now = now - per_visit * visits - timedelta(minutes=1)

    def __call__(self) -> datetime:
        self._now += self.STEP
        return self._now

    def advance(self, seconds: float) -> None:
        """Let time pass (the protocol's wait between two cuff readings)."""
        self._now += timedelta(seconds=seconds)


async def run_demo(settings: Settings, *, visits: int, seed: int | None = None) -> dict[str, Any]:
    store = open_store(settings)
    rng = random.Random(seed)  # noqa: S311 - made-up demo people, not secrets
    errors: list[str] = []

    def on_event(event: StationEvent) -> None:
        if isinstance(event, DeviceUpdate) and event.event.state == "error":
            errors.append(f"{event.role}: {event.event.detail}")

    devices = build_devices(settings, simulate=True, seed=seed, pace_s=0.0)
    clock = DemoClock(visits, system_clock())
    demo = OperatorStore(store.database).demo_operator(system_clock())
    station: Station = build_station(
        settings, store, devices, on_event, clock=clock, actor=Actor(demo.id, demo.name)
    )
    visit_ids: list[str] = []
    readings = 0
    try:
        for _ in range(visits):
            await station.call_next()
            nik, name, birth = fake_person(rng, system_clock().date())
            visit = await station.start_visit(nik, name, birth)
            for _reading in range(BLOOD_PRESSURE_READINGS):
                clock.advance(station.protocol_wait_seconds())
                readings += len(await station.measure(DeviceRole.BLOOD_PRESSURE))
            readings += len(await station.measure(DeviceRole.OXIMETER))
            early = None if station.state.protocol_complete else EARLY_REASON
            await station.confirm(early_reason=early)
            visit_ids.append(visit.id)
    finally:
        station.close()
        store.database.close()
    return {
        "visits": len(visit_ids),
        "readings": readings,
        "visit_ids": visit_ids,
        "device_errors": errors,
    }
