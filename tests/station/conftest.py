"""Fixtures shared by the station's tests: the desk on a real database (``make_desk``,
``harness``), and the loopback SATUSEHAT with settings for it (upload tests)."""

from __future__ import annotations

import pytest

from tests.satusehat_server import SatusehatServer
from tests.station.desk_harness import build_desk
from tests.station.test_upload import ORG, satusehat_environ


@pytest.fixture
def make_desk(db_url):
    """Build desks (``desk_harness.build_desk``) on the test's SQLite file unless another
    ``url`` is given; everything made is closed at the end of the test."""
    made = []

    def make(url=None, **options):
        desk = build_desk(url or db_url, **options)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


@pytest.fixture
def harness(make_desk):
    """One desk as (station, cuff, oximeter, events, store)."""
    desk = make_desk()
    return desk.station, desk.cuff, desk.oximeter, desk.events, desk.store


@pytest.fixture(params=["sqlite", "postgres"])
def any_db_url(request, db_url):
    """The test's SQLite file, then a fresh PostgreSQL database (skipped without a server)."""
    if request.param == "sqlite":
        return db_url
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def server():
    """The imitation SATUSEHAT on loopback, keeping duplicates as a generic server would (so
    a second copy shows instead of being refused)."""
    with SatusehatServer(
        organization_id=ORG, client_id="cid", client_secret="secret", reject_duplicates=False
    ) as running:
        yield running


@pytest.fixture
def upload_settings(make_settings, server):
    return make_settings(**satusehat_environ(server))
