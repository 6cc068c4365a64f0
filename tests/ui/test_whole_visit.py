"""One complete visit clicked through the real operator window and patient screen."""

from __future__ import annotations

from PySide6.QtCore import QDate

from station.service import DeviceRole
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.repository import Store
from tests.ui.conftest import click, follow_bp_protocol, measure

NIK = "3174015507850002"


def test_whole_visit_through_both_windows(qtbot, desk, settings):
    window, patient = desk.operator, desk.patient
    assert "Selamat datang" in patient.visible_text()
    assert window.simulator_banner.isVisible()

    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    qtbot.waitUntil(lambda: "Nomor antrean 1" in patient.visible_text())

    # A NIK one digit short: a clear message, and no visit is created.
    qtbot.keyClicks(window.nik_edit, NIK[:-1])
    qtbot.keyClicks(window.name_edit, "Siti Rahayu")
    click(qtbot, window.start_visit_button)
    qtbot.waitUntil(lambda: window.nik_error.text() == "NIK harus 16 digit; yang diketik 15 digit.")
    assert not window.bp_panel.button.isEnabled()

    qtbot.keyClicks(window.nik_edit, NIK[-1])
    window.birth_date_edit.setDate(QDate(1985, 7, 15))
    click(qtbot, window.start_visit_button)
    qtbot.waitUntil(window.bp_panel.button.isEnabled)
    assert window.nik_error.text() == ""
    assert not window.confirm_button.isEnabled()  # nothing measured yet
    assert window.ckg_label.text().startswith("Berhak CKG ulang tahun: usia ")
    assert "dewasa (18-59 tahun)" in window.ckg_label.text()

    rows = follow_bp_protocol(qtbot, window, 0)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    devices = [window.readings_table.item(row, 3).text() for row in range(rows + 1)]
    assert all("SIMULATOR" in text for text in devices)
    assert "Tekanan darah" in window.result_label.text()

    qtbot.waitUntil(window.confirm_button.isEnabled)
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(lambda: "Hasil untuk Siti" in patient.visible_text())
    shown = patient.visible_text()
    assert "Tekanan darah" in shown
    assert "Saturasi oksigen (SpO2)" in shown
    assert "SIMULATOR" in shown
    assert NIK not in shown
    assert "Rahayu" not in shown  # first name only
    assert window.nik_edit.text() == ""  # ready for the next person
    assert window.ckg_label.text() == ""

    patient.clear_timer.timeout.emit()
    assert "Selamat datang" in patient.visible_text()

    database = open_database(settings.database.url)
    store = Store(database)
    (visit,) = store.visits()
    assert visit.status is VisitStatus.CONFIRMED
    assert visit.person.nik == NIK
    assert len(visit.readings) == rows + 1  # every cuff reading the protocol asked for
    assert visit.early_confirm_reason is None  # the protocol was complete
    assert all(r.source.simulated and r.measurement.raw for r in visit.readings)
    assert store.counts()["outbox"]["pending"] == rows + 1
    database.close()


def test_cancel_clears_both_screens_and_uploads_nothing(qtbot, desk, settings):
    window, patient = desk.operator, desk.patient
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    qtbot.keyClicks(window.nik_edit, NIK)
    qtbot.keyClicks(window.name_edit, "Budi")
    click(qtbot, window.start_visit_button)
    measure(qtbot, window, DeviceRole.OXIMETER, 1)
    qtbot.waitUntil(window.cancel_button.isEnabled)
    click(qtbot, window.cancel_button)
    qtbot.waitUntil(lambda: "Selamat datang" in patient.visible_text())
    qtbot.waitUntil(window.call_next_button.isEnabled)
    database = open_database(settings.database.url)
    assert Store(database).counts()["outbox"]["pending"] == 0
    database.close()
