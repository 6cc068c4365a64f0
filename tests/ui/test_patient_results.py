"""The patient screen's results (issue 13), through the real desk: each value on its own row
with its level and category in words, an icon and a colour (never colour alone), the
previous confirmed visit's value with its date and an arrow, the live measuring hints, and
clearing on the timer and on the next call; in Bahasa Indonesia and English; never the NIK."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from devices.measurements import SpO2
from station.checks import check_measurement
from station.person import Person
from station.service import DeviceRole
from station.store.database import open_database
from station.store.repository import ReadingSource, Store
from tests.station.actors import TEST_ACTOR
from tests.station.test_store import bp
from tests.ui.conftest import (
    click,
    desk_app,
    follow_bp_protocol,
    identify_person,
    measure,
    press,
    sign_in,
)
from ui.patient import result_texts as words

NIK = "3174015507850002"
CUFF = ReadingSource("sim-cuff", "SIMULATOR cuff", simulated=True)
LEVEL_WORDS = {
    "id": {"Normal", "Tinggi", "Rendah", "Sangat tinggi", "Sangat rendah"},
    "en": {"Normal", "High", "Low", "Very high", "Very low"},
}


def a_visit_last_year(settings):
    """Siti's confirmed visit of a year ago: 152/96 and SpO2 95, stored as a desk would."""
    database = open_database(settings.database.url)
    store = Store(database)
    started = datetime.now().astimezone() - timedelta(days=365)
    visit = store.create_visit(
        station_id="desk-1",
        queue_number=store.next_queue_number(started.date()),
        person=Person(NIK, "Siti Rahayu", None),
        started_at=started,
        rule_set="esh-2023",
        rule_set_version="1",
        actor=TEST_ACTOR,
    )
    for minute, (systolic, diastolic) in enumerate([(154, 98), (150, 94)]):
        measurement = bp(systolic, diastolic)
        store.add_reading(
            visit_id=visit.id,
            measurement=measurement,
            source=CUFF,
            findings=check_measurement(measurement),
            received_at=started + timedelta(minutes=minute),
            actor=TEST_ACTOR,
        )
    oximetry = SpO2(95.0, 70.0, b"\x00")
    store.add_reading(
        visit_id=visit.id,
        measurement=oximetry,
        source=CUFF,
        findings=check_measurement(oximetry),
        received_at=started + timedelta(minutes=3),
        actor=TEST_ACTOR,
    )
    store.confirm_visit(visit.id, started + timedelta(minutes=5), actor=TEST_ACTOR)
    database.close()
    return started.date()


@pytest.fixture
def desk_in(qtbot, make_settings):
    apps = []

    def start(lang, *, previous=False):
        settings = make_settings(f'[station]\npatient_language = "{lang}"\n')
        day = a_visit_last_year(settings) if previous else None
        app = desk_app(settings, seed=11, pace_s=0.0)
        qtbot.addWidget(app.operator)
        qtbot.addWidget(app.patient)
        app.patient.show()  # on one monitor the operator shows it (F12); here, always
        app.show()  # the operator window takes the keyboard
        sign_in(qtbot, app.operator)
        apps.append(app)
        return app, day

    yield start
    for app in apps:
        app.close()


def run_visit(qtbot, window, patient, *, watch_measuring=None):
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() != "")
    identify_person(qtbot, window.identify_panel, NIK, "Siti Rahayu", "15071985")
    qtbot.waitUntil(window.bp_panel.button.isEnabled)
    if watch_measuring is not None:
        watch_measuring()
    rows = follow_bp_protocol(qtbot, window, 0)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    qtbot.waitUntil(window.confirm_button.isEnabled)
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(patient.results_view.isVisible)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_result_has_its_level_in_words_an_icon_and_a_colour(qtbot, desk_in, lang):
    app, _day = desk_in(lang)
    window, patient = app.operator, app.patient
    run_visit(qtbot, window, patient)

    rows = patient.results_view.rows()
    assert [row.objectName() for row in rows] == [
        "result_blood_pressure",
        "result_spo2",
        "result_heart_rate",
    ]
    for row in rows:
        badge = row.badge.text()
        icon, _, said = badge.partition("  ")
        assert icon in words.LEVEL_ICONS.values()  # a symbol, not colour alone
        level = next(level for level, symbol in words.LEVEL_ICONS.items() if symbol == icon)
        assert said.split(" — ")[0] == words.tr(f"level_{level.value}", lang)
        assert words.LEVEL_COLOURS[level] in row.badge.styleSheet()
        assert row.isVisible()
    shown = patient.visible_text()
    assert NIK not in shown
    assert "Rahayu" not in shown
    assert ("bukan diagnosis" if lang == "id" else "not a diagnosis") in shown
    advice = patient.results_view.advice_label
    assert advice.isVisible()
    assert advice.text()
    # Blood pressure says its category by the rule set's own name (esh-2023 by default).
    pressure = rows[0].badge.text()
    assert any(
        name in pressure
        for name in (
            ("Optimal", "Normal tinggi", "derajat")
            if lang == "id"
            else ("Optimal", "High-normal", "Grade")
        )
    ) or pressure.endswith(("  Normal",))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_previous_visit_is_shown_with_its_date_and_an_arrow(qtbot, desk_in, lang):
    app, day = desk_in(lang, previous=True)
    window, patient = app.operator, app.patient
    run_visit(qtbot, window, patient)

    rows = {row.objectName(): row for row in patient.results_view.rows()}
    comparison = rows["result_blood_pressure"].comparison_label
    assert comparison is not None
    assert comparison.isVisible()
    text = comparison.text()
    assert words.long_date(day, lang) in text
    assert "152/96 mmHg" in text  # the mean of last year's two readings
    now = rows["result_blood_pressure"].value_label.text()
    assert f"{'sekarang' if lang == 'id' else 'now'}: {now}" in text
    assert any(arrow in text for arrow in ("↑", "↓", "="))
    assert "95 %" in rows["result_spo2"].comparison_label.text()
    assert rows["result_heart_rate"].comparison_label is not None  # the pulse of last year


def test_while_measuring_the_person_is_told_what_to_do_and_sees_the_cuff(qtbot, desk_in):
    app, _day = desk_in("id")
    window, patient = app.operator, app.patient
    seen = []

    def watch():
        app.bridge.deviceUpdated.connect(lambda _update: seen.append(patient.visible_text()))

    run_visit(qtbot, window, patient, watch_measuring=watch)
    assert any("Tetap tenang, lengan jangan bergerak" in text for text in seen)
    assert any("Jari di dalam alat" in text for text in seen)
    cuff = [text for text in seen if "Tekanan manset" in text]
    assert cuff, "the live cuff pressure was never shown"
    assert all(NIK not in text for text in seen)


def test_the_results_clear_on_the_timer_and_when_the_next_number_is_called(qtbot, desk_in):
    app, _day = desk_in("en")
    window, patient = app.operator, app.patient
    run_visit(qtbot, window, patient)
    assert "Results for Siti" in patient.visible_text()
    patient.clear_timer.timeout.emit()
    assert "Welcome" in patient.visible_text()
    assert not patient.results_view.isVisible()

    run_visit(qtbot, window, patient)
    assert patient.clear_timer.isActive()
    qtbot.keyClick(window, Qt.Key.Key_F2)  # the next number, before the timer ran out
    qtbot.waitUntil(lambda: "Queue number" in patient.visible_text())
    assert "Siti" not in patient.visible_text()
    assert not patient.results_view.isVisible()


def test_f9_switches_the_persons_language_for_this_visit_only(qtbot, desk_in):
    app, _day = desk_in("id")
    window, patient = app.operator, app.patient
    assert window.patient_language_button.text().startswith("Pasien: ID")
    run_visit(qtbot, window, patient)
    assert "Hasil untuk Siti" in patient.visible_text()
    remaining = patient.clear_timer.remainingTime()

    press(qtbot, Qt.Key.Key_F9)  # where the keyboard is (the button's click is animated)
    qtbot.waitUntil(lambda: "Results for Siti" in patient.visible_text())

    shown = patient.visible_text()
    assert "Results for Siti" in shown
    assert "not a diagnosis" in shown
    assert "Hasil untuk" not in shown
    assert window.patient_language_button.text().startswith("Pasien: EN")
    assert patient.clear_timer.isActive()
    assert patient.clear_timer.remainingTime() <= remaining  # no extra time on show
    qtbot.keyClick(window, Qt.Key.Key_F2)  # the next person: the settings' language again
    qtbot.waitUntil(lambda: "Nomor antrean" in patient.visible_text())
    assert window.patient_language_button.text().startswith("Pasien: ID")


def test_the_type_grows_with_a_larger_screen(qtbot, desk_in):
    """Readable from two metres at 1920x1080 too: the sizes scale with the screen, and what
    is on show is drawn again at the new size."""
    app, _day = desk_in("id")
    window, patient = app.operator, app.patient
    patient.resize(1366, 768)
    run_visit(qtbot, window, patient)
    small = patient.results_view.rows()[0].value_label.font().pixelSize()
    headline_small = patient.findChild(QLabel, "patientHeadline").font().pixelSize()

    patient.resize(1920, 1080)
    qtbot.waitUntil(lambda: patient.results_view.rows()[0].value_label.font().pixelSize() > small)
    large = patient.results_view.rows()[0].value_label.font().pixelSize()
    assert large == pytest.approx(small * 1920 / 1366, abs=2)
    assert patient.findChild(QLabel, "patientHeadline").font().pixelSize() > headline_small
    assert "Hasil untuk Siti" in patient.visible_text()  # the same content, larger


def test_on_one_monitor_f12_shows_the_patient_screen_and_the_desk_keeps_the_keyboard(qtbot, desk):
    """Kiosk mode on a single monitor: F12 puts the patient screen up, full screen, for the
    monitor to be turned to the person; the keyboard stays with the desk (F2 still calls the
    next number, the person sees it), and F12 again brings the desk back."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    assert len(QGuiApplication.screens()) == 1
    window, patient = desk.operator, desk.patient
    assert not patient.isVisible()  # never on its own over the operator window
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: patient.isVisible() and patient.isFullScreen())
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused.window() is window
    press(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    qtbot.waitUntil(lambda: patient._headline.text().endswith(" 1"))  # what the person reads
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: not patient.isVisible())
    assert window.isVisible()
