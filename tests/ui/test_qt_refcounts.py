"""The installed PySide6 keeps Python's reference counts intact.

PySide6-Essentials 6.12.0 on Python 3.11 lost a reference to None on every void call, and the
desk app aborted ("none_dealloc") during the first visits; pyproject excludes it. These tests
fail on such a build, and show the app refuses to start on one instead of crashing later.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from ui import qt_health
from ui.qt_health import QtBuildFault, check_qt_build, refcount_drift


def test_wrapped_calls_keep_singleton_reference_counts(qtbot):
    drift = refcount_drift(calls=500)
    assert all(delta > -10 for delta in drift.values()), drift


def test_widget_updates_and_event_processing_keep_none_alive(qtbot, qapp):
    label, button = QLabel("a"), QPushButton("b")
    qtbot.addWidget(label)
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for number in range(500):
        label.setText(str(number))
        button.setEnabled(number % 2 == 0)
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -50


def test_a_faulty_build_is_refused_with_what_to_do(monkeypatch):
    monkeypatch.setattr(qt_health, "refcount_drift", lambda: {"None": -64, "True": 0, "False": 0})
    with pytest.raises(QtBuildFault, match=r"loses references to None.*PySide6-Essentials<6\.12"):
        check_qt_build()


def test_a_sound_build_passes(qtbot):
    check_qt_build()
