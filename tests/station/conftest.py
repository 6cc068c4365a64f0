"""Fixtures shared by the station's upload tests: the loopback SATUSEHAT and settings for it."""

from __future__ import annotations

import pytest

from tests.satusehat_server import SatusehatServer
from tests.station.test_upload import ORG, satusehat_environ


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
