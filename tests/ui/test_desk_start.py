"""The desk's start (issue 14): the sign-in page is up, and takes typing, before the rest of
the desk is loaded; what the operator typed meanwhile is neither lost nor sent twice."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import Qt

from station.store.database import open_database
from station.store.operators import OperatorStore
from tests.ui.conftest import OPERATOR_NAME, OPERATOR_PIN, add_operator, press, type_into_focus
from ui.desk_start import DeskStart
from ui.texts import tr


def _with_operator(settings):
    database = open_database(settings.database.url)
    try:
        add_operator(database)
    finally:
        database.close()


def _started(qtbot, settings, gate):
    start = DeskStart(settings, simulate=True, loaded=lambda: gate["open"])
    qtbot.addWidget(start.window)
    start.begin()
    qtbot.waitExposed(start.window)
    page = start.window.page
    qtbot.waitUntil(page.name_edit.hasFocus)
    return start, page


def _close(start):
    if start.desk is not None:
        start.desk.close()


def test_a_sign_in_sent_before_the_desk_is_ready_is_carried_out_once(qtbot, settings):
    _with_operator(settings)
    gate = {"open": False}
    start, page = _started(qtbot, settings, gate)
    try:
        type_into_focus(qtbot, OPERATOR_NAME)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(page.pin_edit.hasFocus)
        type_into_focus(qtbot, OPERATOR_PIN)
        press(qtbot, Qt.Key.Key_Return)
        # Held, and said to be: the desk is still loading.
        qtbot.wait(50)
        assert start.desk is None
        assert page.error_label.text() == tr("signin_starting", "id")
        assert not page.submit_button.isEnabled()
        assert page.pin_edit.text() == ""  # the PIN is not left on screen meanwhile

        gate["open"] = True
        qtbot.waitUntil(lambda: start.desk is not None, timeout=15000)
        window = start.desk.operator
        assert window.sign_in_page is page  # the same page, taken over
        assert not start.window.isVisible()
        qtbot.waitUntil(lambda: not window.locked, timeout=10000)
        assert window.operator_label.text().find(OPERATOR_NAME) >= 0
        assert window.isVisible()
    finally:
        _close(start)


def test_what_is_typed_while_loading_stays_with_the_keyboard(qtbot, settings):
    _with_operator(settings)
    gate = {"open": False}
    start, page = _started(qtbot, settings, gate)
    try:
        type_into_focus(qtbot, OPERATOR_NAME)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(page.pin_edit.hasFocus)
        type_into_focus(qtbot, OPERATOR_PIN[:3])
        gate["open"] = True
        qtbot.waitUntil(lambda: start.desk is not None, timeout=15000)
        window = start.desk.operator
        qtbot.waitExposed(window)
        qtbot.waitUntil(page.pin_edit.hasFocus)
        assert page.name_edit.text() == OPERATOR_NAME
        assert page.error_label.text() == ""
        # The operator goes on typing where they were, and signs in.
        type_into_focus(qtbot, OPERATOR_PIN[3:])
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    finally:
        _close(start)


def test_a_database_that_cannot_be_opened_closes_the_start_window_with_the_reason(
    qtbot, make_settings, tmp_path
):
    missing = f"sqlite:///{tmp_path / 'missing' / 'x.sqlite3'}"
    settings = make_settings(VITALS_STATION_DB=missing)
    start = DeskStart(settings, simulate=True)
    qtbot.addWidget(start.window)
    start.begin()
    qtbot.waitUntil(lambda: start.failed is not None, timeout=15000)
    assert start.desk is None
    assert "does not exist" in start.failed
    assert not start.window.isVisible()


def test_the_start_window_needs_none_of_the_desks_heavy_modules():
    """What the sign-in page needs is light: the store, the service, the upload, numpy and
    fhir.resources are loaded after it is up (or the first window waits for them)."""
    heavy = ["sqlalchemy", "numpy", "fhir.resources", "station.service", "pyqtgraph", "httpx"]
    probe = (
        "import json, sys\n"
        "import ui.desk_start\n"
        f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []


def test_a_start_window_closed_while_loading_builds_nothing(qtbot, settings):
    _with_operator(settings)
    gate = {"open": False}
    start, _page = _started(qtbot, settings, gate)
    start.window.close()  # the person closed it while the desk was loading
    gate["open"] = True
    qtbot.wait(100)
    assert start.desk is None
    assert start.failed is None
    database = open_database(settings.database.url)
    try:
        assert OperatorStore(database).count() == 1
    finally:
        database.close()
