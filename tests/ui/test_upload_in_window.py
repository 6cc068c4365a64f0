"""The upload as the operator sees it: the indicator, the dead-letter list with the server's
message, and the retry button, with the desk uploading to a loopback SATUSEHAT imitation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from station.demo import DemoClock
from station.service import DeviceRole
from station.store.database import open_database
from station.store.repository import Store
from tests.satusehat_server import Fault, SatusehatServer
from tests.station.test_upload import satusehat_environ
from tests.ui.conftest import (
    PRACTITIONER_IHS,
    PRACTITIONER_NIK,
    add_operator,
    click,
    identify_person,
    measure,
    sign_in,
)
from ui.app import build_desk_app

NIK = "3174015507850002"
ORG = "10000004"


@pytest.fixture
def server():
    with SatusehatServer(organization_id=ORG, client_id="cid", client_secret="secret") as running:
        # The desk's operator measures: the upload names their Practitioner (issue 12).
        running.register_practitioner(PRACTITIONER_NIK, PRACTITIONER_IHS)
        yield running


@pytest.fixture
def uploading_desk(qtbot, make_settings, server):
    settings = make_settings("[upload]\ninterval_seconds = 1\n", **satusehat_environ(server))
    store = Store(open_database(settings.database.url))
    add_operator(store.database)
    app = build_desk_app(
        settings,
        store,
        simulate=True,
        seed=3,
        pace_s=0.0,
        # Simulated devices answer at once; SATUSEHAT wants a visit to end after it began.
        clock=(clock := DemoClock(visits=5, now=datetime.now(UTC))),
    )
    app.operator.test_clock = clock
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    sign_in(qtbot, app.operator)
    yield app, settings
    app.close()


def _visit(qtbot, window):
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() != "—")
    identify_person(qtbot, window.identify_panel, NIK, "Siti Rahayu")
    measure(qtbot, window, DeviceRole.OXIMETER, 1)
    # No blood pressure taken: the protocol is not complete, so confirming needs a reason.
    assert not window.confirm_button.isEnabled()
    qtbot.keyClicks(window.early_reason_edit, "hanya SpO2 hari ini")
    click(qtbot, window.confirm_button)


def test_a_person_unknown_to_satusehat_is_listed_and_sent_after_a_retry(
    qtbot, uploading_desk, server
):
    desk, _settings = uploading_desk
    window = desk.operator
    indicator = window.upload_indicator
    _visit(qtbot, window)
    qtbot.waitUntil(lambda: "1 perlu tindakan" in indicator.label.text(), timeout=10_000)
    assert "c62828" in indicator.label.styleSheet()  # shown as a problem
    assert indicator.problems_button.isEnabled()
    assert indicator.problems_button.text() == "Masalah unggah (1)"

    click(qtbot, indicator.problems_button)
    dialog = indicator.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Siti Rahayu"
    assert dialog.table.item(0, 2).text() == "perlu tindakan"
    message = dialog.table.item(0, 3).text()
    assert "tidak terdaftar di SATUSEHAT" in message
    assert NIK not in message  # masked

    server.register_patient(NIK, "P02478375538")
    click(qtbot, dialog.retry_button)
    qtbot.waitUntil(lambda: "1 terkirim" in indicator.label.text(), timeout=10_000)
    assert not indicator.problems_button.isEnabled()
    assert dialog.table.rowCount() == 0
    assert len(server.resources("Observation")) == 2  # SpO2 and heart rate


def test_a_refusal_shows_the_servers_rule_number(qtbot, uploading_desk, server):
    desk, _settings = uploading_desk
    server.register_patient(NIK, "P02478375538")
    server.add_client("cid", "secret", "99999999")  # credentials of another organization
    _visit(qtbot, desk.operator)
    indicator = desk.operator.upload_indicator
    qtbot.waitUntil(lambda: "perlu tindakan" in indicator.label.text(), timeout=10_000)
    assert "RuleNumber 10117" in indicator.dialog.table.item(0, 3).text()


def test_an_outage_shows_failed_entries_that_retry_by_themselves(qtbot, uploading_desk, server):
    desk, _settings = uploading_desk
    server.register_patient(NIK, "P02478375538")
    for _ in range(3):
        server.add_fault(Fault.http_status(503, method="POST", path="/fhir-r4/v1"))
    _visit(qtbot, desk.operator)
    indicator = desk.operator.upload_indicator
    qtbot.waitUntil(lambda: "gagal (dicoba lagi)" in indicator.label.text(), timeout=15_000)
    assert "coba lagi" in indicator.dialog.table.item(0, 2).text()
