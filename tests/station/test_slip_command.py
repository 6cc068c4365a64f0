"""``vitals-station slip VISIT_ID --pdf FILE [--lang id|en]`` through the real console script,
on a real (encrypted) SQLite file filled through the real Store: the PDF it writes (owner-only,
atomically, audited as an export), its text and page, its JSON, and the one-line refusals.

The station runs in Jakarta time (``TZ=WIB-7``) so the slip's dates are those of the visit.
Needs poppler-utils (pdftotext, pdfinfo)."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys

import pytest
from sqlalchemy import select

from config.settings import SettingsError
from station.files import temp_siblings
from station.store.database import open_database
from station.store.models import AuditEntryRow
from station.store.repository import Store
from tests.console import clean_environ, console_runner
from tests.station.slip_visit import NIK, OPERATOR_NAME, add_operator, record
from tests.station.test_cli import assert_one_line_error


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: apt-get install poppler-utils")
    return path


def pdf_text(path) -> str:
    done = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return " ".join(done.stdout.decode("utf-8").split())


def page_width_mm(path) -> float:
    done = subprocess.run(
        [_tool("pdfinfo"), "-box", str(path)], capture_output=True, check=True, timeout=60
    )
    box = re.search(rb"MediaBox:\s+([\d.]+)\s+[\d.]+\s+([\d.]+)", done.stdout)
    assert box is not None
    return (float(box.group(2)) - float(box.group(1))) * 25.4 / 72


@pytest.fixture
def run(tmp_path, db_url):
    return console_runner(clean_environ(db_url, TZ="WIB-7"), tmp_path)


@pytest.fixture
def visits(db_url):
    """A confirmed visit (by a named operator), an open one and a cancelled one."""
    store = Store(open_database(db_url))
    try:
        operator = add_operator(store.database)
        return {
            "confirmed": record(store, operator),
            "open": record(store, operator, status="open"),
            "cancelled": record(store, operator, status="cancelled"),
        }
    finally:
        store.database.close()


def _slip_exports(db_url):
    database = open_database(db_url)
    try:
        with database.sessions() as session:
            rows = session.scalars(
                select(AuditEntryRow).where(AuditEntryRow.action == "exported")
            ).all()
            return [(row.actor, json.loads(row.detail_json)) for row in rows]
    finally:
        database.close()


def test_slip_writes_the_pdf_privately_and_says_so(run, visits, tmp_path, db_url):
    visit = visits["confirmed"]
    out = tmp_path / "slip.pdf"
    result = run("slip", visit.id, "--pdf", str(out))

    assert json.loads(result.stdout) == {
        "slip": str(out),
        "visit": visit.id,
        "lang": "id",
        "paper": "a6",
    }
    assert result.stderr == ""
    assert out.read_bytes().startswith(b"%PDF-")
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert temp_siblings(out) == []
    text = pdf_text(out)
    assert "bukan diagnosis" in text
    assert "Siti" in text
    assert "Rahayu" not in text
    assert NIK not in text
    assert "22 November 2026, pukul 09.05" in text  # the visit's time in the station's zone
    assert "Kontrol ulang paling lambat 22 Desember 2026." in text
    assert OPERATOR_NAME in text
    assert f"desk-1-{visit.id}" in text
    assert page_width_mm(out) == pytest.approx(105.0, abs=0.3)
    # Audited as an export, under the OS account that ran it, naming the visit (not the person).
    ((actor, detail),) = _slip_exports(db_url)
    assert actor.startswith("os:")
    assert detail == {"format": "slip", "visit_ids": [visit.id], "lang": "id"}


def test_lang_and_paper(run, visits, tmp_path):
    visit = visits["confirmed"]
    out = tmp_path / "slip-en.pdf"
    config = tmp_path / "desk.toml"
    config.write_text(
        '[station]\npatient_language = "en"\nslip_paper = "receipt-80mm"\n'
        '[satusehat]\norganization_id = "10000004"\n',
        encoding="utf-8",
    )
    result = run("--config", str(config), "slip", visit.id, "--pdf", str(out))
    assert json.loads(result.stdout)["lang"] == "en"  # the patient screen's language
    text = pdf_text(out)
    assert "not a diagnosis" in text
    assert "Come back for a check-up by 22 December 2026." in text
    assert "Facility: 10000004" in text
    assert page_width_mm(out) == pytest.approx(80.0, abs=0.3)

    result = run("--config", str(config), "slip", visit.id, "--pdf", str(out), "--lang", "id")
    assert json.loads(result.stdout)["lang"] == "id"
    assert "bukan diagnosis" in pdf_text(out)


def test_the_clinic_is_named_as_the_settings_name_it(run, visits, tmp_path):
    out = tmp_path / "slip.pdf"
    config = tmp_path / "desk.toml"
    config.write_text(
        '[station]\nclinic_name = "Klinik Koperasi Merah Putih Cibinong"\n'
        '[satusehat]\norganization_id = "10000004"\n',
        encoding="utf-8",
    )
    run("--config", str(config), "slip", visits["confirmed"].id, "--pdf", str(out))
    text = " ".join(pdf_text(out).split())
    assert "Klinik Koperasi Merah Putih Cibinong" in text
    assert "10000004" not in text  # the name, not the registry's number


def test_no_display_needed(tmp_path, db_url, visits):
    env = clean_environ(db_url, TZ="WIB-7")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    out = tmp_path / "headless.pdf"
    run = console_runner(env, tmp_path)
    run("slip", visits["confirmed"].id, "--pdf", str(out), "--lang", "en")
    assert "not a diagnosis" in pdf_text(out)


@pytest.mark.parametrize(
    ("which", "fragments"),
    [
        ("open", ("not confirmed yet",)),
        ("cancelled", ("was cancelled",)),
        ("unknown", ("no visit has the id", "'no-such-visit'")),
    ],
)
def test_only_a_confirmed_visit_has_a_slip(*, run, visits, tmp_path, db_url, which, fragments):
    visit_id = visits[which].id if which in visits else "no-such-visit"
    out = tmp_path / "slip.pdf"
    result = run("slip", visit_id, "--pdf", str(out), check=False)
    assert_one_line_error(result, *fragments)
    assert not out.exists()
    assert _slip_exports(db_url) == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--pdf", "missing-folder/slip.pdf"), "folder missing-folder does not exist"),
        (("--pdf", "."), "is a folder"),
        (("--pdf", "slip.pdf", "--lang", "fr"), "invalid choice: 'fr'"),
        ((), "--pdf"),
    ],
)
def test_bad_arguments_are_one_line(run, visits, args, fragment):
    result = run("slip", visits["confirmed"].id, *args, check=False)
    assert_one_line_error(result, fragment)


def test_a_bad_paper_setting_names_the_key(run, visits, tmp_path):
    config = tmp_path / "desk.toml"
    config.write_text('[station]\nslip_paper = "a4"\n', encoding="utf-8")
    result = run(
        "--config", str(config), "slip", visits["confirmed"].id, "--pdf", "s.pdf", check=False
    )
    assert_one_line_error(result, "[station] slip_paper", "'a4'")


def test_the_command_line_loads_no_qt_until_a_slip_is_asked_for():
    code = (
        "import sys, station.cli, station.cli_slip; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_slip_settings_default_and_refuse_what_they_cannot_be(make_settings):
    station = make_settings().station
    assert (station.slip_paper, station.slip_print_on_confirm) == ("a6", False)
    station = make_settings('[station]\nslip_paper = "a5"\nslip_print_on_confirm = true\n').station
    assert (station.slip_paper, station.slip_print_on_confirm) == ("a5", True)
    with pytest.raises(SettingsError, match=r"\[station\] slip_print_on_confirm"):
        make_settings('[station]\nslip_print_on_confirm = "yes"\n')
    with pytest.raises(SettingsError, match=r"\[station\] slip_paper: .*'receipt-80mm'.*'A6'"):
        make_settings('[station]\nslip_paper = "A6"\n')
