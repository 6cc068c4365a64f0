"""A critical result: the operator sees the referral and next step, and cannot confirm until
they record what was done; the acknowledgement is stored with the visit."""

from __future__ import annotations

from station.service import CriticalAction, DeviceRole
from station.store.database import open_database
from station.store.repository import Store
from tests.ui.conftest import click, identify_person, measure

NIK = "3174015507850002"


def test_critical_result_needs_an_acknowledgement_before_confirming(qtbot, desk, settings):
    window, patient = desk.operator, desk.patient
    cuff = desk.station.devices[DeviceRole.BLOOD_PRESSURE]
    for _ in range(3):
        cuff.queue_values(192.0, 118.0, 88.0)
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    identify_person(qtbot, window.identify_panel, NIK, "Siti Rahayu")

    measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, 1)
    assert "Langkah berikut: Tunggu sekitar 1 menit" in window.next_step_label.text()
    measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, 2)
    # The first reading is above 140/90: the protocol asks for a third.
    assert "ketiga" in window.next_step_label.text()
    measure(qtbot, window, DeviceRole.BLOOD_PRESSURE, 3)
    assert "selesai" in window.next_step_label.text()
    assert "SEGERA" in window.referral_label.text()
    assert window.critical_box.isVisible()
    findings = [window.findings_list.item(i).text() for i in range(window.findings_list.count())]
    assert findings[0].startswith("[KRITIS] Tekanan darah ")  # most urgent first
    assert "Hipertensi derajat 3" in findings[0]
    qtbot.wait(50)
    assert not window.confirm_button.isEnabled()  # nothing recorded yet

    window.critical_action.setCurrentIndex(
        list(CriticalAction).index(CriticalAction.SEEN_BY_DOCTOR) + 1
    )
    assert window.chosen_critical_action() is CriticalAction.SEEN_BY_DOCTOR
    qtbot.keyClicks(window.critical_note, "dr. Ani, puskesmas")
    qtbot.waitUntil(window.confirm_button.isEnabled)
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(lambda: "Hasil untuk Siti" in patient.visible_text())
    assert "segera diperiksa dokter" in patient.visible_text()
    assert not window.critical_box.isVisible()

    database = open_database(settings.database.url)
    (visit,) = Store(database).visits()
    database.close()
    assert visit.outcome is not None
    assert visit.outcome.referral == "urgent"
    assert visit.outcome.acknowledged_action == "seen_by_doctor"
    assert visit.outcome.acknowledged_note == "dr. Ani, puskesmas"
    assert visit.rule_set == "esh-2023"
