"""The retention purge where results are sent (issue 12): after an upload round of the
desk's background upload or ``sync``, at most once a day, audited; a visit just sent is kept,
one sent ``keep_days_after_upload`` ago loses its NIK, name and birth date. Against the
loopback SATUSEHAT with a real SQLite file."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from station.retention import PURGE_EVERY, purge_due
from station.store.audit_verify import verify_audit
from station.store.database import open_database
from station.store.models import AuditEntryRow, VisitRow
from station.upload.wiring import sync_runner
from tests.station.test_upload import record_visits, satusehat_environ

T = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("last_run", "now", "due"),
    [
        (None, T, True),
        (T, T, False),
        (T, T + PURGE_EVERY - timedelta(seconds=1), False),
        (T, T + PURGE_EVERY, True),
        (T, T - timedelta(hours=2), True),  # the clock was set back
    ],
)
def test_the_purge_runs_once_a_day(last_run, now, due):
    assert purge_due(last_run, now) is due


class Clock:
    def __init__(self):
        self.offset = timedelta(0)

    def __call__(self):
        return datetime.now(UTC) + self.offset


def test_a_sync_round_purges_what_was_sent_long_enough_ago(make_settings, server):
    settings = make_settings("[station]\nkeep_days_after_upload = 1\n", **satusehat_environ(server))
    _ids, stored = record_visits(settings, server, visits=2)
    database = open_database(settings.database.url)
    clock = Clock()

    async def rounds():
        async with sync_runner(settings, database, clock) as runner:
            sent = await runner.drain()
            assert (sent.sent, sent.purged) == (6, 0)  # just sent: kept
            clock.offset = timedelta(days=1, minutes=1)  # a day later, the same process
            later = (await runner.drain()).to_json()
            assert (await runner.drain()).purged == 0  # once a day: not again this round
            return later

    try:
        later = asyncio.run(rounds())
        assert (later["visits"], later["purged"]) == (0, 2)
        with database.sessions() as session:
            rows = session.scalars(select(VisitRow)).all()
            assert {(r.nik, r.name, r.birth_date) for r in rows} == {("", "", None)}
            purges = session.scalars(
                select(AuditEntryRow).where(AuditEntryRow.action == "purged")
            ).all()
        assert sorted(p.record_id for p in purges) == sorted(v.id for v in stored)
        assert {p.actor for p in purges} == {purges[0].actor}
        assert purges[0].actor.startswith("os:")
        assert verify_audit(database).ok
    finally:
        database.close()
