"""One complete visit clicked through the real operator window and patient screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from station.service import DeviceRole
from station.store.database import open_database
from station.store.models import VisitStatus
from station.store.repository import Store
from tests.ui.conftest import (
    click,
    follow_bp_protocol,
    identify_person,
    measure,
    press,
    type_into_focus,
)

NIK = "3174015507850002"


def test_whole_visit_through_both_windows(qtbot, desk, settings):
    window, patient = desk.operator, desk.patient
    assert "Selamat datang" in patient.visible_text()
    assert window.simulator_banner.isVisible()

    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    qtbot.waitUntil(lambda: "Nomor antrean 1" in patient.visible_text())

    # A NIK one digit short, typed and Enter pressed: a clear message, the focus stays.
    window.nik_edit.setFocus()
    type_into_focus(qtbot, NIK[:-1])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.nik_error.text() == "NIK harus 16 digit; yang diketik 15 digit.")
    assert window.nik_edit.hasFocus()
    assert not window.bp_panel.button.isEnabled()

    # The last digit, then Enter through name and birth date (typed DDMMYYYY) to the
    # confirmation, Enter again: the visit opens.
    type_into_focus(qtbot, NIK[-1])
    assert identify_person(
        qtbot, window.identify_panel, "", "Siti Rahayu", "15071985", nik_typed=True
    ) == (NIK, "Siti Rahayu", date(1985, 7, 15))
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
    identify_person(qtbot, window.identify_panel, NIK, "Budi")
    measure(qtbot, window, DeviceRole.OXIMETER, 1)
    qtbot.waitUntil(window.cancel_button.isEnabled)
    click(qtbot, window.cancel_button)
    qtbot.waitUntil(lambda: "Selamat datang" in patient.visible_text())
    qtbot.waitUntil(window.call_next_button.isEnabled)
    database = open_database(settings.database.url)
    assert Store(database).counts()["outbox"]["pending"] == 0
    database.close()
