"""The person's result slip (issue 13), as a person and a scanner read it: rendered to PDF,
its text extracted with pdftotext in both languages, its QR code rasterised at 300 dpi
(pdftoppm) and decoded with zbarimg back to the reference and the values, its page sizes
measured with pdfinfo, and no NIK, full name or birth date anywhere in it (text, raw bytes,
inflated streams, QR). Visits are recorded through the real Store.

Needs poppler-utils (pdftotext, pdftoppm, pdfinfo) and zbar-tools (zbarimg)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from station.checks.engine import advice_for
from station.checks.rulesets import Referral
from station.events import OperatorChanged, QueueCalled, VisitConfirmed, VisitCorrected
from station.results import local_naive, summarise
from station.store.database import open_database
from station.store.repository import Store
from tests.station.slip_visit import (
    CHILD,
    GRADE_1_QR_VALUES,
    NIK,
    OPERATOR_NAME,
    OXIMETER,
    PERSON,
    SIMULATED_CUFF,
    STARTED,
    TYPED,
    Taken,
    add_operator,
    bp,
    record,
    spo2,
)
from ui.patient.slip import (
    PAPERS,
    SlipError,
    pdf_bytes,
    print_slip,
    slip_content,
    slip_image,
)

POINTS_PER_MM = 72 / 25.4
# Every form of the person's identity that must never be on a slip.
SECRETS = (NIK, "Rahayu", "Siti Rahayu", "15-07-1985", "1985-07-15", "15 Juli 1985", "15 July")
MONTHS_ID = {11: "November", 12: "Desember"}


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: apt-get install {package}")
    return path


def _run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, with every run of white space as one space."""
    text = _run(_tool("pdftotext", "poppler-utils"), "-enc", "UTF-8", str(path), "-")
    return " ".join(text.split())


def qr_codes(path: Path, tmp_path: Path) -> list[str]:
    """Every QR code on the PDF's first page, rasterised at 300 dpi."""
    png = tmp_path / f"{path.stem}-page"
    _run(
        _tool("pdftoppm", "poppler-utils"), "-r", "300", "-png", "-singlefile", str(path), str(png)
    )
    zbar = _tool("zbarimg", "zbar-tools")
    done = subprocess.run(
        [zbar, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{png}.png"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8").splitlines()


def media_box_mm(path: Path) -> tuple[float, float]:
    info = _run(_tool("pdfinfo", "poppler-utils"), "-box", str(path))
    pages = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert pages is not None, info
    assert pages.group(1) == "1", info
    box = re.search(r"^MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", info, re.MULTILINE)
    assert box is not None, info
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return (x1 - x0) / POINTS_PER_MM, (y1 - y0) / POINTS_PER_MM


def inflated_streams(data: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated after them (fonts, pages, metadata)."""
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            parts.append(zlib.decompressobj().decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.fixture
def store(db_url):
    store = Store(open_database(db_url))
    yield store
    store.database.close()


@pytest.fixture
def operator(store):
    return add_operator(store.database)


@pytest.fixture
def visit(store, operator):
    return record(store, operator)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _slip(visit, lang, *, clinic="10000004", operator=OPERATOR_NAME):
    return slip_content(visit, summarise(visit), clinic=clinic, operator=operator, lang=lang)


def _long_day(day, lang):
    month = MONTHS_ID[day.month] if lang == "id" else day.strftime("%B")
    return f"{day.day} {month} {day.year}"


@pytest.mark.parametrize(
    ("lang", "category", "level", "disclaimer", "rule_set", "labels"),
    [
        (
            "id",
            "Hipertensi derajat 1",
            "Tinggi",
            "bukan diagnosis",
            "Aturan penilaian",
            ("Nama", "Tanggal", "Meja", "Petugas", "Langkah berikut", "Kapan kembali"),
        ),
        (
            "en",
            "Grade 1 hypertension",
            "High",
            "not a diagnosis",
            "Graded by",
            ("Name", "Date", "Desk", "Health worker", "Next step", "When to come back"),
        ),
    ],
)
def test_the_slip_says_what_the_person_needs_and_nothing_of_their_identity(
    *, qapp, visit, tmp_path, lang, category, level, disclaimer, rule_set, labels
):
    path = _write(tmp_path, f"slip-{lang}.pdf", pdf_bytes(_slip(visit, lang), "a6"))
    text = pdf_text(path)

    assert "Siti" in text  # the first name only
    for secret in SECRETS:
        assert secret not in text
    for label in labels:
        assert label in text
    # Each value with its level and category in words, beside its symbol (never colour alone).
    assert "145/91 mmHg" in text
    assert f"▲ {level} — {category}" in text
    assert "97 %" in text
    assert "72 /" in text
    assert text.count("✔ Normal") == 2
    # The next step (the person's advice of the referral) and when to come back (due date).
    advice = advice_for(Referral.FOLLOW_UP)[1]
    assert (advice[0] if lang == "id" else advice[1]) in text
    visit_day = local_naive(STARTED).date()
    assert _long_day(visit_day, lang) in text
    assert _long_day(visit_day + timedelta(days=30), lang) in text
    assert rule_set in text
    assert "esh-2023 v1" in text
    assert disclaimer in text.casefold()
    assert OPERATOR_NAME in text
    assert "desk-1" in text
    assert "10000004" in text
    assert f"desk-1-{visit.id}" in text  # the reference, letter for letter (no ligatures)
    assert "SIMULATOR" not in text  # real devices


def test_the_qr_code_holds_the_reference_and_the_values_and_no_identity(qapp, visit, tmp_path):
    content = _slip(visit, "id")
    assert content.qr_payload == f"REF=desk-1-{visit.id};{GRADE_1_QR_VALUES}"
    path = _write(tmp_path, "slip.pdf", pdf_bytes(content, "a6"))

    (payload,) = qr_codes(path, tmp_path)
    assert payload == content.qr_payload
    fields = dict(part.split("=", 1) for part in payload.split(";"))
    assert fields == {"REF": f"desk-1-{visit.id}", "BP": "145/91", "SPO2": "97", "HR": "72"}
    for secret in (*SECRETS, "Siti"):
        assert secret not in payload


def test_no_nik_name_or_birth_date_anywhere_in_the_pdf(qapp, visit):
    for lang in ("id", "en"):
        for paper in PAPERS:
            data = inflated_streams(pdf_bytes(_slip(visit, lang), paper))
            for secret in SECRETS:
                assert secret.encode("utf-8") not in data, (lang, paper, secret)
            assert NIK.encode("utf-16-be") not in data


@pytest.mark.parametrize(
    ("paper", "width_mm", "height_mm"),
    [("a6", 105.0, 148.0), ("a5", 148.0, 210.0), ("receipt-80mm", 80.0, None)],
)
def test_each_paper_gives_one_page_of_its_width_with_a_readable_code(
    *, qapp, visit, tmp_path, paper, width_mm, height_mm
):
    content = _slip(visit, "en")
    path = _write(tmp_path, f"{paper}.pdf", pdf_bytes(content, paper))

    width, height = media_box_mm(path)
    assert width == pytest.approx(width_mm, abs=0.3)
    if height_mm is not None:
        assert height == pytest.approx(height_mm, abs=0.3)
    else:  # a receipt is as long as the slip, with its margins
        assert 100 < height < 250
    assert qr_codes(path, tmp_path) == [content.qr_payload]
    assert "not a diagnosis" in pdf_text(path)


def test_a_receipt_grows_with_its_content(qapp, store, operator, tmp_path):
    two = record(store, operator, readings=(Taken(spo2(98, 70), OXIMETER),))  # SpO2, pulse
    three = record(store, operator)
    short = media_box_mm(_write(tmp_path, "2.pdf", pdf_bytes(_slip(two, "id"), "receipt-80mm")))
    long = media_box_mm(_write(tmp_path, "3.pdf", pdf_bytes(_slip(three, "id"), "receipt-80mm")))
    assert short[0] == pytest.approx(long[0]) == pytest.approx(80.0, abs=0.3)
    assert long[1] > short[1] + 12  # one more value: its name, number and category


def test_a_childs_long_category_fits_on_a6_and_keeps_its_code(qapp, store, operator, tmp_path):
    child = record(
        store,
        operator,
        person=CHILD,
        readings=(Taken(bp(150, 100), SIMULATED_CUFF), Taken(bp(152, 101), SIMULATED_CUFF)),
    )
    content = _slip(child, "id")
    path = _write(tmp_path, "child.pdf", pdf_bytes(content, "a6"))

    assert media_box_mm(path) == pytest.approx((105.0, 148.0), abs=0.3)
    text = pdf_text(path)
    assert "Putri" in text
    assert "Wulandari" not in text
    assert "Ayu" not in text
    assert "AAP 2017 4.3d" in text  # the category's own words, whole
    assert "anak di bawah 18 tahun: AAP 2017" in text
    assert "SIMULATOR" in text  # a simulated value says so on paper too
    assert "temui dokter" in text  # urgent: today
    assert qr_codes(path, tmp_path) == [content.qr_payload]


def test_a_value_typed_by_hand_says_so(qapp, store, operator):
    typed = record(store, operator, readings=(Taken(bp(118, 76), TYPED),))
    content = _slip(typed, "en")
    pressure, pulse = content.results  # the cuff's pulse is the heart rate of record
    assert (pressure.value, pressure.note) == ("118/76 mmHg", "(entered by hand)")
    assert (pulse.value, pulse.note) == ("70 /min", "(entered by hand)")
    assert content.come_back[1] == "No return visit is scheduled."
    assert content.qr_payload.endswith(";BP=118/76;HR=70")


def test_only_a_confirmed_visit_has_a_slip(qapp, store, operator):
    for status in ("open", "cancelled"):
        visit = record(store, operator, status=status)
        with pytest.raises(SlipError, match=status):
            _slip(visit, "id")


def test_without_operator_or_facility_those_lines_are_left_out(qapp, visit):
    text = _slip(visit, "id", clinic="", operator=None).text()
    assert "Petugas" not in text
    assert "Faskes" not in text
    assert "Siti" in text


def test_the_picture_of_a_slip_is_a_whole_page(qapp, visit):
    image = slip_image(_slip(visit, "id"), "a6", dpi=100)
    assert (image.width(), image.height()) == (round(105 / 25.4 * 100), round(148 / 25.4 * 100))


def test_printing_on_a_printer_lays_out_the_papers_page(qapp, visit, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    content = _slip(visit, "id")
    print_slip(printer, content, "receipt-80mm")

    path = tmp_path / "printed.pdf"
    assert media_box_mm(path)[0] == pytest.approx(80.0, abs=0.3)
    assert "bukan diagnosis" in pdf_text(path)
    assert qr_codes(path, tmp_path) == [content.qr_payload]


# -- the desk's "Print slip" (ui/desk/slip_action.py) ------------------------------------------


class FakeBridge:
    """The signals of StationBridge that the slip action listens to."""

    def __init__(self):
        from PySide6.QtCore import QObject, Signal

        class Signals(QObject):
            visitConfirmed = Signal(object)
            visitCorrected = Signal(object)
            operatorChanged = Signal(object)
            queueCalled = Signal(object)
            visitClosed = Signal(object)

        self.signals = Signals()
        self.printed = []  # what the desk asked the station to audit

    def slip_printed(self, visit_id, lang):
        self.printed.append((visit_id, lang))

    def __getattr__(self, name):
        return getattr(self.signals, name)


def _printer_into(path: Path):
    def make():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


def _action(make_settings, tmp_path, extra="", choose=lambda _printer, _parent: True):
    from ui.desk.slip_action import SlipPrinting

    settings = make_settings(f'[station]\noperator_language = "en"\n{extra}')
    bridge = FakeBridge()
    messages: list[str] = []
    action = SlipPrinting(
        bridge,
        settings,
        show_message=messages.append,
        printer_factory=_printer_into(tmp_path / "desk.pdf"),
        choose_printer=choose,
    )
    return action, bridge, messages


def test_the_desk_prints_automatically_on_confirm_when_set(
    *, qapp, make_settings, store, operator, visit, tmp_path
):
    action, bridge, messages = _action(
        make_settings, tmp_path, 'slip_print_on_confirm = true\nslip_paper = "a5"'
    )
    assert not action.button.isEnabled()
    bridge.operatorChanged.emit(OperatorChanged(operator))
    bridge.visitConfirmed.emit(VisitConfirmed(visit, summarise(visit)))

    path = tmp_path / "desk.pdf"
    assert messages == [f"Slip of queue {visit.queue_number} printed on {path}."]
    assert media_box_mm(path) == pytest.approx((148.0, 210.0), abs=0.3)
    assert bridge.printed == [(visit.id, "id")]  # the station audits it as an export
    text = pdf_text(path)
    assert "bukan diagnosis" in text  # the patient screen's language
    assert OPERATOR_NAME in text
    assert "Siti" in text
    assert "Rahayu" not in text
    assert action.button.isEnabled()
    assert "Siti" in action.button.toolTip()


def test_print_slip_asks_for_the_printer_and_forgets_the_person_after(
    *, qapp, make_settings, store, operator, visit, tmp_path
):
    answers = [False, True]
    action, bridge, messages = _action(
        make_settings, tmp_path, choose=lambda _printer, _parent: answers.pop(0)
    )
    bridge.operatorChanged.emit(OperatorChanged(operator))
    bridge.visitConfirmed.emit(VisitConfirmed(visit, summarise(visit)))
    path = tmp_path / "desk.pdf"
    assert not path.exists()  # not on confirm: the setting is off

    action.button.click()  # the operator cancels the print dialog
    assert not path.exists()
    assert messages == []
    assert bridge.printed == []  # nothing printed: nothing audited
    action.button.click()
    assert media_box_mm(path) == pytest.approx((105.0, 148.0), abs=0.3)  # a6 by default
    assert len(messages) == 1
    assert bridge.printed == [(visit.id, "id")]

    bridge.queueCalled.emit(QueueCalled(visit.queue_number, "desk-1", recall=True))
    assert action.button.isEnabled()  # called again: still the same person
    bridge.queueCalled.emit(QueueCalled(visit.queue_number + 1, "desk-1"))
    assert not action.button.isEnabled()
    assert action.visit is None


def test_a_locked_desk_keeps_no_slip_and_a_correction_prints_the_new_values(
    *, qapp, make_settings, store, operator, visit, tmp_path
):
    action, bridge, _messages = _action(make_settings, tmp_path)
    bridge.operatorChanged.emit(OperatorChanged(operator))
    bridge.visitConfirmed.emit(VisitConfirmed(visit, summarise(visit)))
    bridge.operatorChanged.emit(OperatorChanged(None, reason="idle"))
    assert action.visit is None
    assert not action.button.isEnabled()
    assert not action.print_with_dialog()

    corrected = record(store, operator, readings=(Taken(bp(118, 76), TYPED),))
    bridge.visitCorrected.emit(VisitCorrected(corrected, summarise(corrected)))
    assert action.print_with_dialog()
    assert "118/76 mmHg" in pdf_text(tmp_path / "desk.pdf")


def test_no_printer_is_said_not_hidden(qapp, make_settings, operator, visit, tmp_path):
    from ui.desk.slip_action import SlipPrinting

    def nowhere():
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # and no file to print into
        return printer

    messages: list[str] = []
    bridge = FakeBridge()
    settings = make_settings('[station]\noperator_language = "en"\n')
    action = SlipPrinting(bridge, settings, show_message=messages.append, printer_factory=nowhere)
    bridge.visitConfirmed.emit(VisitConfirmed(visit, summarise(visit)))
    assert not action.print_without_dialog()
    assert messages == [f"No printer; the slip of queue {visit.queue_number} was not printed."]


def test_the_slip_texts_have_both_languages():
    from ui.patient.slip_texts import SLIP_TEXTS
    from ui.translations import LANGUAGES, translated

    for key, text in SLIP_TEXTS.items():
        assert all(translated(text, lang).strip() for lang in LANGUAGES), key
    assert PERSON.name.split()[0] == "Siti"
