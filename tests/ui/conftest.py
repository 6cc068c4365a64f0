"""Fixtures for tests that click through the real windows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from station.service import DeviceRole
from station.store.database import open_database
from station.store.repository import Store
from ui.app import build_desk_app


@pytest.fixture
def desk(qtbot, settings):
    """The real desk app (both windows, station loop thread, simulated devices at full speed)
    on a real SQLite file."""
    app = build_desk_app(
        settings, Store(open_database(settings.database.url)), simulate=True, seed=11, pace_s=0.0
    )
    qtbot.addWidget(app.operator)
    qtbot.addWidget(app.patient)
    app.show()
    yield app
    app.close()


def panel_for(window, role):
    return window.bp_panel if role is DeviceRole.BLOOD_PRESSURE else window.spo2_panel


def click(qtbot, button):
    qtbot.waitUntil(button.isEnabled)  # an action may still be finishing
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def measure(qtbot, window, role, rows):
    """Press the role's measure button and wait until the readings table has ``rows``."""
    panel = panel_for(window, role)
    qtbot.waitUntil(panel.button.isEnabled)
    click(qtbot, panel.button)
    qtbot.waitUntil(lambda: window.readings_table.rowCount() == rows)
