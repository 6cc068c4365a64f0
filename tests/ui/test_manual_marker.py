"""A value typed in by hand says so on both screens: the readings table's source column and,
beside the value, the results both screens show (the patient screen in large type)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from devices.measurements import BloodPressure, MeasurementKind, PressureUnit
from station.manual_entry import MANUAL_SOURCE, parse_manual
from station.person import Person
from station.results import summarise
from station.service import VisitConfirmed
from station.store.models import VisitStatus
from station.store.repository import ReadingSource, StoredReading, StoredVisit
from ui.async_runner import AsyncRunner
from ui.bridge import StationBridge
from ui.formatting import results_lines, source_text
from ui.patient_screen import PatientScreen

T0 = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
CUFF = ReadingSource("ble:AA", "Omron HEM-7142T1", simulated=False)
SIM = ReadingSource("sim-cuff", "cuff", simulated=True)


def reading(measurement, sequence, source):
    return StoredReading(f"r{sequence}", "v", sequence, measurement, source, T0, True, ())


def visit(*readings):
    return StoredVisit(
        "v",
        "desk-1",
        1,
        Person("3174015507850002", "Siti Rahayu", None),
        VisitStatus.CONFIRMED,
        T0,
        T0,
        "esh-2023",
        "1",
        tuple(readings),
    )


MANUAL_OXIMETRY = parse_manual(MeasurementKind.SPO2, {"spo2": "97", "pulse_rate": "74"})
CUFF_READING = BloodPressure(126.0, 82.0, None, PressureUnit.MMHG, b"\x1e")
MIXED = visit(reading(CUFF_READING, 1, CUFF), reading(MANUAL_OXIMETRY, 2, MANUAL_SOURCE))


@pytest.mark.parametrize(
    ("source", "lang", "shown"),
    [
        (MANUAL_SOURCE, "id", "diinput manual"),
        (MANUAL_SOURCE, "en", "manual entry"),
        (CUFF, "id", "Omron HEM-7142T1"),
        (SIM, "en", "SIMULATOR cuff"),
        (ReadingSource("sim", "SIMULATOR cuff", simulated=True), "en", "SIMULATOR cuff"),
    ],
)
def test_the_readings_table_names_the_source(source, lang, shown):
    assert source_text(source, lang) == shown


def test_results_mark_only_the_values_entered_by_hand():
    assert results_lines(summarise(MIXED), "id") == [
        "Tekanan darah 126/82 mmHg",
        "Saturasi oksigen (SpO2) 97 % (diinput manual)",
        "Denyut nadi 74 kali per menit (diinput manual)",  # the oximeter's pulse, typed in
    ]
    assert results_lines(summarise(MIXED), "en")[1] == (
        "Oxygen saturation (SpO2) 97 % (entered by hand)"
    )
    by_device = visit(reading(CUFF_READING, 1, CUFF))
    assert "manual" not in " ".join(results_lines(summarise(by_device), "id"))


def test_a_blood_pressure_averaged_with_a_manual_reading_is_marked():
    typed = parse_manual(MeasurementKind.BLOOD_PRESSURE, {"systolic": "130", "diastolic": "84"})
    both = visit(reading(CUFF_READING, 1, CUFF), reading(typed, 2, MANUAL_SOURCE))
    results = summarise(both)
    assert results.blood_pressure is not None
    assert results.blood_pressure.readings_used == 2
    assert results_lines(results, "en")[0] == "Blood pressure 128/83 mmHg (entered by hand)"


@pytest.fixture
def runner():
    runner = AsyncRunner()  # the bridge's loop; nothing is sent to it here
    runner.start()
    yield runner
    runner.stop()


@pytest.mark.parametrize(
    ("lang", "marker"), [("id", "(diinput manual)"), ("en", "(entered by hand)")]
)
def test_the_patient_screen_shows_the_marker_beside_the_manual_value(qtbot, runner, lang, marker):
    bridge = StationBridge(runner)
    screen = PatientScreen(bridge, language=lang, clear_after_s=60)
    qtbot.addWidget(screen)
    screen.show()
    bridge.visitConfirmed.emit(VisitConfirmed(MIXED, summarise(MIXED)))
    shown = screen.visible_text().splitlines()
    assert f"97 % {marker}" in shown  # the SpO2 value, marked
    pressure = next(line for line in shown if "126/82" in line)
    assert marker not in pressure
