"""The identify panel (ui.desk.identify), typed as at the desk: NIK (or a scanner), name,
birth date, the proposals, the confirmation, the calendar and the SATUSEHAT status."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel

from station.store.models import VisitStatus
from station.store.people import PreviousVisit
from station.upload.person_lookup import RegistryAnswer, RegistryStatus
from tests.ui.conftest import identify_person, press, type_into_focus
from ui.desk.identify import IdentifyPanel

TODAY = date(2026, 11, 22)
SITI = "3174015507850002"  # a woman born 15-07-1985 (day 55 = 15 + 40)
BUDI = "3174010505850003"  # a man born 05-05-1985
RETURN = Qt.Key.Key_Return


@pytest.fixture(params=["id"])
def lang(request):
    return request.param


@pytest.fixture
def panel(qtbot, lang):
    widget = IdentifyPanel(lang, today=lambda: TODAY, checks_registry=True)
    qtbot.addWidget(widget)
    widget.resize(440, 330)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.nik_edit.setFocus()
    qtbot.waitUntil(widget.nik_edit.hasFocus)
    return widget


def focused():
    return QApplication.focusWidget()


def laid_out(widgets):
    """Where the widgets are once the layouts have done the pending work."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return [w.geometry() for w in widgets]


def to_birth_date(qtbot, panel, nik=BUDI, name="Budi Santoso"):
    type_into_focus(qtbot, nik)
    press(qtbot, RETURN)
    assert focused() is panel.name_edit
    type_into_focus(qtbot, name)
    press(qtbot, RETURN)
    assert focused() is panel.birth_date_edit


def previous_visit(nik=SITI, name="Siti Rahayu", birth=date(1985, 7, 15), **kw):
    values = {
        "started_at": datetime(2026, 3, 12, 5, 0, tzinfo=UTC),
        "station_id": "desk-2",
        "status": VisitStatus.CONFIRMED,
    } | kw
    return PreviousVisit(nik=nik, name=name, birth_date=birth, **values)


@pytest.mark.parametrize("typed", ["05-05-1985", "05051985", "5-5-1985", "05/05/1985"])
def test_birth_date_typed_either_way(qtbot, panel, typed):
    assert identify_person(qtbot, panel, BUDI, "Budi Santoso", typed) == (
        BUDI,
        "Budi Santoso",
        date(1985, 5, 5),
    )
    assert panel.birth_date_edit.text() == "05-05-1985"


def test_the_whole_enter_flow_and_the_confirmation(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "  Siti   Rahayu ")
    type_into_focus(qtbot, "15071985")
    press(qtbot, RETURN)
    assert panel.pages.currentWidget() is panel.confirm_page
    assert focused() is panel.start_visit_button
    # Name and birth date together, large, with the question and its keys.
    assert panel.confirm_name.text() == "Siti Rahayu"
    assert panel.confirm_birth.text() == "15-07-1985 · 41 tahun"
    assert panel.confirm_nik.text() == "NIK 3174 0155 0785 0002"
    assert panel.confirm_question.text() == "Benar orangnya? Enter = ya, Esc = ubah"
    assert panel.confirm_name.font().pointSize() > panel.nik_edit.font().pointSize()
    with qtbot.waitSignal(panel.identified) as signal:
        press(qtbot, RETURN)
    assert signal.args == [SITI, "Siti Rahayu", date(1985, 7, 15)]
    # A second Enter while the visit is being started does not start another.
    with qtbot.assertNotEmitted(panel.identified):
        qtbot.keyClick(panel.confirm_page, RETURN)
        qtbot.mouseClick(panel.start_visit_button, Qt.MouseButton.LeftButton)


def test_escape_from_the_confirmation_goes_back_to_edit(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "Siti Rahaju")
    type_into_focus(qtbot, "15-07-1985")
    with qtbot.assertNotEmitted(panel.identified):
        press(qtbot, RETURN)
        assert panel.pages.currentWidget() is panel.confirm_page
        press(qtbot, Qt.Key.Key_Escape)
    assert panel.pages.currentWidget() is not panel.confirm_page
    assert panel.nik_edit.isVisible()
    assert focused() is panel.name_edit  # the second identifier, to correct
    assert panel.birth_date_edit.text() == "15-07-1985"  # nothing lost
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    type_into_focus(qtbot, "yu")
    press(qtbot, RETURN)  # everything else is valid: straight to the confirmation
    assert panel.confirm_name.text() == "Siti Rahayu"
    with qtbot.waitSignal(panel.identified) as signal:
        press(qtbot, RETURN)
    assert signal.args[1] == "Siti Rahayu"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31041985", "Tanggal 31 tidak ada: April 1985 hanya punya 30 hari."),
        ("29021985", "Tanggal 29 tidak ada: Februari 1985 (bukan tahun kabisat) hanya punya"),
        ("05131985", "Bulan 13 tidak ada: bulan 01-12."),
        ("0505198", "harus 8 angka (DDMMYYYY, mis. 05051985); yang diketik 7 angka."),
        ("05052030", "ada di masa depan"),
        ("05-05-85", "dengan tahun 4 angka"),
    ],
)
def test_an_impossible_date_says_why_and_is_not_used(qtbot, panel, typed, message):
    to_birth_date(qtbot, panel)
    type_into_focus(qtbot, typed)
    with qtbot.assertNotEmitted(panel.identified):
        press(qtbot, RETURN)
        press(qtbot, RETURN)
    assert message in panel.birth_date_error.text()
    assert focused() is panel.birth_date_edit
    assert panel.pages.currentWidget() is not panel.confirm_page
    assert panel.birth_date_edit.text() == typed  # kept as typed, to correct
    # Tab leaves the field (it does not trap the focus), the message stays.
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.calendar_button
    assert message in panel.birth_date_error.text()
    # Typing again clears the message; a good date goes on.
    panel.birth_date_edit.setFocus()
    panel.birth_date_edit.selectAll()
    type_into_focus(qtbot, "05051985")
    assert panel.birth_date_error.text() == ""
    press(qtbot, RETURN)
    assert panel.pages.currentWidget() is panel.confirm_page


def test_a_date_the_nik_contradicts_is_refused(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "Siti")
    type_into_focus(qtbot, "16071985")
    press(qtbot, RETURN)
    assert "tidak sesuai dengan NIK" in panel.birth_date_error.text()
    assert panel.pages.currentWidget() is not panel.confirm_page


def test_tab_out_of_a_typed_date_tidies_it_or_says_why(qtbot, panel):
    to_birth_date(qtbot, panel)
    type_into_focus(qtbot, "05051985")
    press(qtbot, Qt.Key.Key_Tab)
    assert panel.birth_date_edit.text() == "05-05-1985"
    assert panel.birth_date_error.text() == ""


def test_the_nik_proposes_the_birth_date_and_one_key_takes_it(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "Siti Rahayu")
    # Proposed, not filled in.
    assert panel.birth_date_edit.text() == ""
    assert panel.birth_date_edit.placeholderText() == "15-07-1985 (NIK)"
    assert panel.hint_label.text() == "Tanggal lahir dari NIK: 15-07-1985 — Enter untuk memakai"
    press(qtbot, RETURN)  # the one key
    assert panel.birth_date_edit.text() == "15-07-1985"
    assert panel.confirm_birth.text().startswith("15-07-1985")
    with qtbot.waitSignal(panel.identified) as signal:
        press(qtbot, RETURN)
    assert signal.args == [SITI, "Siti Rahayu", date(1985, 7, 15)]


def test_the_next_button_never_takes_a_proposal_unasked(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "Siti Rahayu")
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.birth_date_edit.text() == ""
    assert panel.pages.currentWidget() is not panel.confirm_page
    assert "Tanggal lahir belum diisi" in panel.birth_date_error.text()
    assert "Tidak diketahui" in panel.birth_date_error.text()


def test_an_unknown_birth_date_is_an_explicit_choice(qtbot, panel):
    args = identify_person(qtbot, panel, BUDI, "Budi", unknown_birth=True)
    assert args == (BUDI, "Budi", None)
    assert panel.confirm_birth.text() == "tgl. lahir tidak diketahui"


def test_a_scanner_typing_sixteen_digits_and_enter_moves_on(qtbot, panel):
    with qtbot.waitSignal(panel.nikEntered) as asked:
        qtbot.keyClicks(panel.nik_edit, SITI)  # no delay between keys, as a scanner
    qtbot.keyClick(panel.nik_edit, RETURN)
    assert asked.args == [SITI]
    assert focused() is panel.name_edit
    assert panel.nik_error.text() == ""
    assert panel.registry_label.text() == "SATUSEHAT: memeriksa…"


def test_a_wrong_nik_stays_with_its_message(qtbot, panel):
    with qtbot.assertNotEmitted(panel.nikEntered):
        type_into_focus(qtbot, "317401550785000")  # 15 digits
        assert panel.nik_error.text() == ""  # still typing
        press(qtbot, RETURN)
    assert panel.nik_error.text() == "NIK harus 16 digit; yang diketik 15 digit."
    assert focused() is panel.nik_edit


def test_a_returning_person_is_proposed_and_taken_with_one_key(qtbot, panel):
    with qtbot.waitSignal(panel.nikEntered):
        type_into_focus(qtbot, SITI)
    press(qtbot, RETURN)
    panel.offer_previous(previous_visit(nik=BUDI, name="Someone Else"))  # stale: ignored
    assert panel.hint_label.text() == ""
    panel.offer_previous(previous_visit())
    assert panel.hint_label.text() == (
        "Kunjungan terakhir 12-03-2026: Siti Rahayu, 15-07-1985 — Enter untuk memakai"
    )
    assert panel.name_edit.text() == ""  # proposed, never filled in silently
    assert panel.birth_date_edit.text() == ""
    press(qtbot, RETURN)
    assert panel.pages.currentWidget() is panel.confirm_page
    assert panel.confirm_name.text() == "Siti Rahayu"
    assert panel.confirm_birth.text().startswith("15-07-1985")
    with qtbot.waitSignal(panel.identified) as signal:
        press(qtbot, RETURN)
    assert signal.args == [SITI, "Siti Rahayu", date(1985, 7, 15)]


def test_typing_a_name_sets_the_returning_proposal_aside(qtbot, panel):
    type_into_focus(qtbot, SITI)
    press(qtbot, RETURN)
    panel.offer_previous(previous_visit(status=VisitStatus.CANCELLED))
    type_into_focus(qtbot, "Sri")
    assert panel.hint_label.text() == (
        "Kunjungan terakhir 12-03-2026 (dibatalkan): Siti Rahayu, 15-07-1985"
    )
    press(qtbot, RETURN)
    assert panel.name_edit.text() == "Sri"
    assert focused() is panel.birth_date_edit


def test_a_returning_person_without_a_birth_date_still_chooses_one(qtbot, panel):
    type_into_focus(qtbot, SITI)
    press(qtbot, RETURN)
    panel.offer_previous(previous_visit(birth=None))
    assert "Siti Rahayu, tgl. lahir tidak diketahui — Enter untuk memakai" in (
        panel.hint_label.text()
    )
    press(qtbot, RETURN)
    assert panel.name_edit.text() == "Siti Rahayu"
    assert focused() is panel.birth_date_edit  # the NIK's date is proposed there now
    assert panel.hint_label.text() == "Tanggal lahir dari NIK: 15-07-1985 — Enter untuk memakai"


def test_another_nik_drops_what_was_proposed_for_the_first(qtbot, panel):
    type_into_focus(qtbot, SITI)
    panel.offer_previous(previous_visit())
    panel.show_registry(RegistryAnswer(SITI, RegistryStatus.REGISTERED))
    press(qtbot, Qt.Key.Key_Backspace)
    assert panel.hint_label.text() == ""
    assert panel.registry_label.text() == ""
    assert panel.birth_date_edit.placeholderText() == "DD-MM-YYYY"


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (RegistryAnswer(SITI, RegistryStatus.REGISTERED), "✓ Terdaftar di SATUSEHAT"),
        (
            RegistryAnswer(SITI, RegistryStatus.NOT_FOUND),
            "Tidak ditemukan di SATUSEHAT — daftarkan dulu",
        ),
        (
            RegistryAnswer(SITI, RegistryStatus.UNAVAILABLE, "offline", detail="HTTP 503"),
            "SATUSEHAT tidak terjangkau; pengukuran tetap bisa",
        ),
        (
            RegistryAnswer(SITI, RegistryStatus.UNAVAILABLE, "timeout"),
            "SATUSEHAT tidak menjawab; pengukuran tetap bisa",
        ),
        (RegistryAnswer(SITI, RegistryStatus.UNAVAILABLE, "not_configured"), ""),
        (RegistryAnswer(BUDI, RegistryStatus.NOT_FOUND), "SATUSEHAT: memeriksa…"),  # stale
    ],
)
def test_the_satusehat_status_never_blocks(qtbot, panel, answer, text):
    to_birth_date(qtbot, panel, SITI, "Siti")
    panel.show_registry(answer)
    assert panel.registry_label.text() == text
    press(qtbot, RETURN)  # the NIK's date
    assert panel.registry_label.isVisible()  # on the confirmation too
    with qtbot.waitSignal(panel.identified):
        press(qtbot, RETURN)


def test_the_calendar_opens_at_the_nik_year_in_the_desk_language(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "Siti")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.calendar_button
    press(qtbot, Qt.Key.Key_Space)
    calendar = panel.calendar
    assert calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (1985, 7)
    assert calendar.locale().language() is QLocale.Language.Indonesian
    assert calendar.locale().monthName(7) == "Juli"
    assert calendar.maximumDate().toPython() == TODAY  # no birth date in the future
    press(qtbot, Qt.Key.Key_Right)  # 16 July
    press(qtbot, RETURN)
    assert not calendar.isVisible()
    assert panel.birth_date_edit.text() == "16-07-1985"
    assert focused() is panel.birth_date_edit


def test_without_a_nik_year_the_calendar_opens_forty_years_back(qtbot, panel):
    panel.calendar_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (1986, 11)
    press(qtbot, Qt.Key.Key_Escape)  # back without a date
    assert not panel.calendar.isVisible()
    assert panel.birth_date_edit.text() == ""


@pytest.mark.parametrize("lang", ["en"], indirect=True)
def test_english_desk(qtbot, panel):
    to_birth_date(qtbot, panel, SITI, "Siti")
    assert panel.hint_label.text() == "Birth date from the NIK: 15-07-1985 — Enter to use it"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    assert panel.calendar.locale().language() is QLocale.Language.English
    press(qtbot, Qt.Key.Key_Escape)
    panel.birth_date_edit.setFocus()
    type_into_focus(qtbot, "31-04-1985")
    press(qtbot, RETURN)
    assert panel.birth_date_error.text() == "There is no day 31: April 1985 has only 30 days."
    panel.birth_date_edit.selectAll()
    type_into_focus(qtbot, "15-07-1985")
    press(qtbot, RETURN)
    assert panel.confirm_question.text() == "The right person? Enter = yes, Esc = change"
    assert panel.confirm_birth.text() == "15-07-1985 · 41 years"


def test_nothing_moves_when_an_error_appears(qtbot, panel):
    panel.resize(440, panel.minimumSizeHint().height())  # no spare room to hide a move in
    qtbot.waitUntil(lambda: panel.height() == panel.minimumSizeHint().height())
    widgets = (panel.name_edit, panel.birth_date_edit, panel.next_button, panel.hint_label)
    before = laid_out(widgets)
    type_into_focus(qtbot, "9974015507850002")  # the province message, the longest
    assert panel.nik_error.text().startswith("Digit 1-2 NIK (kode provinsi) adalah 99")
    assert laid_out(widgets) == before
    panel.nik_edit.selectAll()
    type_into_focus(qtbot, SITI)
    panel.birth_date_edit.setFocus()
    type_into_focus(qtbot, "05051985")
    press(qtbot, Qt.Key.Key_Tab)
    assert "tidak sesuai dengan NIK" in panel.birth_date_error.text()
    assert laid_out(widgets) == before


def _cut_labels(widget):
    """Labels whose text does not fit their size."""
    cut = []
    for label in widget.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        width = label.contentsRect().width()
        if label.wordWrap():
            fits = label.heightForWidth(label.width()) <= label.height()
        else:
            fits = label.fontMetrics().horizontalAdvance(label.text()) <= width
        if not fits:
            cut.append((label.objectName(), label.text()))
    return cut


@pytest.mark.parametrize("lang", ["id", "en"], indirect=True)
def test_it_fits_a_quarter_of_the_desk_screen(qtbot, panel):
    assert panel.minimumSizeHint().width() <= 440
    assert panel.minimumSizeHint().height() <= 330
    type_into_focus(qtbot, "9974015507850002")  # the longest NIK message
    assert panel.nik_error.text()
    laid_out([])
    assert _cut_labels(panel) == []
    panel.nik_edit.selectAll()
    type_into_focus(qtbot, SITI)
    press(qtbot, RETURN)
    type_into_focus(qtbot, "Siti Nurhaliza Rahayu")
    panel.offer_previous(previous_visit(name="Siti Nurhaliza Rahayu"))
    panel.show_registry(RegistryAnswer(SITI, RegistryStatus.NOT_FOUND))
    press(qtbot, RETURN)
    type_into_focus(qtbot, "16071985")  # contradicts the NIK: the longest date message
    press(qtbot, RETURN)
    assert panel.birth_date_error.text()
    assert panel.hint_label.text()
    assert panel.size().width() <= 440
    laid_out([])
    assert _cut_labels(panel) == []
    panel.birth_date_edit.selectAll()
    type_into_focus(qtbot, "15071985")
    press(qtbot, RETURN)
    assert panel.pages.currentWidget() is panel.confirm_page
    laid_out([])
    assert _cut_labels(panel) == []


def test_clear_set_enabled_show_person_and_show_error(qtbot, panel):
    identify_person(qtbot, panel, SITI, "Siti Rahayu")
    panel.show_registry(RegistryAnswer(SITI, RegistryStatus.REGISTERED))
    panel.set_enabled(False)  # the visit is open
    assert not panel.nik_edit.isEnabled()
    assert panel.registry_label.isEnabled()
    panel.clear()
    assert panel.traces() == {}
    assert panel.pages.currentWidget() is not panel.confirm_page
    panel.set_enabled(True)
    assert panel.nik_edit.hasFocus()

    # A visit resumed after a crash: its person shown, locked.
    from station.person import Person

    panel.show_person(Person(SITI, "Siti Rahayu", None))
    assert panel.pages.currentWidget() is panel.confirm_page
    assert panel.confirm_birth.text() == "tgl. lahir tidak diketahui"
    assert not panel.start_visit_button.isEnabled()

    # The station refused the visit: back to edit with its message.
    panel.clear()
    identify_person(qtbot, panel, SITI, "Siti Rahayu")
    panel.show_error("Sudah ada kunjungan yang berjalan.")
    assert panel.pages.currentWidget() is not panel.confirm_page
    assert panel.nik_error.text() == "Sudah ada kunjungan yang berjalan."
    press(qtbot, RETURN)  # everything is still valid: confirm again
    with qtbot.waitSignal(panel.identified):
        press(qtbot, RETURN)
