"""A desk session as a health worker runs it: many people, one after another, in one process.

This is the soak test for the crash found in issue 4 (PySide6 6.12 on Python 3.11 aborted with
"none_dealloc" during the first visits, see ui/qt_health.py): every visit is clicked through
both windows, normal and critical results alternate, one visit is cancelled, and the store
must hold exactly what was confirmed, each under its own person.
"""

from __future__ import annotations

from station.service import CriticalAction, DeviceRole
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.repository import Store
from tests.ui.conftest import click, follow_bp_protocol, identify_person, measure

VISITS = 12
PEOPLE = [
    (f"31740155078500{number:02d}", name)
    for number, name in enumerate(
        ["Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Wati", "Joko Widodo"]
        * 2,
        start=1,
    )
]
PEOPLE[11] = PEOPLE[0]


def _one_visit(qtbot, desk, number, nik, name, *, critical, cancel):
    window, patient = desk.operator, desk.patient
    if critical:
        cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
        for _ in range(3):
            cuff.queue_values(192.0, 118.0, 88.0)
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == str(number))
    identify_person(qtbot, window.identify_panel, nik, name)
    qtbot.waitUntil(lambda: window.ckg_label.text() != "")
    # Person 12 is person 1 again: confirmed earlier today, so not eligible again.
    again = "Sudah CKG pada" in window.ckg_label.text()
    assert again == (number == 12)
    rows = follow_bp_protocol(qtbot, window, 0)
    assert rows == 3 or not critical  # a first reading that high always asks for a third
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    if cancel:
        click(qtbot, window.cancel_button)
        qtbot.waitUntil(lambda: "Selamat datang" in patient.visible_text())
        return
    if critical:
        qtbot.waitUntil(window.critical_box.isVisible)
        window.critical_action.setCurrentIndex(
            list(CriticalAction).index(CriticalAction.REFERRED) + 1
        )
    click(qtbot, window.confirm_button)
    first_name = name.split()[0]
    qtbot.waitUntil(lambda: f"Hasil untuk {first_name}" in patient.visible_text())
    assert nik not in patient.visible_text()


def test_twelve_visits_in_one_desk_session(qtbot, desk, settings):
    for number, (nik, name) in enumerate(PEOPLE[:VISITS], start=1):
        _one_visit(qtbot, desk, number, nik, name, critical=number % 3 == 0, cancel=number == 7)

    database = open_database(settings.database.url)
    visits = Store(database).visits()
    database.close()
    assert [v.queue_number for v in visits] == list(range(1, VISITS + 1))
    for visit, (nik, name) in zip(visits, PEOPLE, strict=True):
        assert visit.person.nik == nik
        assert visit.person.name == name
        expected = VisitStatus.CANCELLED if visit.queue_number == 7 else VisitStatus.CONFIRMED
        assert visit.status is expected
        critical = visit.queue_number % 3 == 0
        cuff = [r for r in visit.readings if r.measurement.kind == "blood_pressure"]
        assert len(visit.readings) == len(cuff) + 1
        assert len(cuff) == 3 if critical else len(cuff) in (2, 3)
        assert visit.early_confirm_reason is None
        if critical and visit.status is VisitStatus.CONFIRMED:
            assert visit.outcome is not None
            assert visit.outcome.acknowledged_action == "referred"
