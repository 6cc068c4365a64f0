"""The screens' texts go through Qt's translator (issue 13): the ``.ts`` sources in
``ui/i18n`` hold every text the code marks, each finished, with the same placeholders as its
Bahasa source; ``pyside6-lupdate`` run over the code now finds nothing new (a text added
without its translation fails here); ``pyside6-lrelease`` compiles them and the compiled
file gives each translation back; a ``.ts`` newer than its ``.qm`` is compiled again."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from station.checks.messages import CATALOGUE
from tests.ui.test_texts import _fields
from ui import translations
from ui.translations import Text, compile_ts, translated, ts_file, update_command

pytestmark = pytest.mark.slow


def messages(path):
    """(context, source, key) -> (translation, its type) of every message in a .ts file."""
    found = {}
    # Our own file from the repository, not untrusted input.
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            found[key] = (translation.text or "", translation.get("type"))
    return found


def test_every_text_in_the_ts_is_finished_with_the_same_placeholders():
    found = messages(ts_file("en"))
    assert len(found) > 300
    for (context, source, key), (translation, kind) in found.items():
        where = f"{context}/{key}"
        assert kind is None, f"{where} is {kind}"
        assert translation.strip(), f"{where} has no English"
        assert _fields(source) == _fields(translation) or _as_in_catalogue(context, key), where


def _as_in_catalogue(context, key):
    """A check's sentence may name a value in one language only (the protocol's spread is
    in the English words, not the Bahasa ones): the station's catalogue says which, and
    tests/ui/test_finding_texts.py renders every key in both languages against it."""
    message = CATALOGUE.get(key) if context == "findings" else None
    return message is not None and _fields(message.id) != _fields(message.en)


def test_lupdate_over_the_code_finds_no_text_missing_from_the_ts(tmp_path):
    copy = tmp_path / "vitals_en.ts"
    shutil.copy(ts_file("en"), copy)
    result = subprocess.run(update_command(copy), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert messages(copy) == messages(ts_file("en")), (
        "the code's texts and ui/i18n/vitals_en.ts differ: run "
        "`python -m ui.translations update` and translate what it marks unfinished"
    )


def test_lupdate_would_catch_a_text_added_without_translation(tmp_path):
    copy = tmp_path / "vitals_en.ts"
    shutil.copy(ts_file("en"), copy)
    module = tmp_path / "new_part.py"
    module.write_text('X = translate("texts", "Teks baru tanpa terjemahan", "new_text")\n')
    command = update_command(copy)
    command.insert(1, str(module))
    subprocess.run(command, capture_output=True, check=True)
    added = messages(copy)[("texts", "Teks baru tanpa terjemahan", "new_text")]
    assert added == ("", "unfinished")


def test_the_compiled_file_gives_every_translation_back(tmp_path, monkeypatch):
    qm = tmp_path / "vitals_en.qm"
    compile_ts(ts_file("en"), qm)
    monkeypatch.setattr(translations, "qm_file", lambda _lang: qm)
    monkeypatch.setattr(translations, "_TRANSLATORS", {})
    for (context, source, key), (translation, _kind) in messages(ts_file("en")).items():
        assert translated(Text(context, source, key), "en") == translation
        assert translated(Text(context, source, key), "id") == source


def test_a_ts_newer_than_its_qm_is_compiled_again_into_the_cache(tmp_path, monkeypatch):
    ts, stale = tmp_path / "vitals_en.ts", tmp_path / "vitals_en.qm"
    shutil.copy(ts_file("en"), ts)
    compile_ts(ts, stale)
    text = ts.read_text(encoding="utf-8").replace(
        "<translation>Call next</translation>", "<translation>Call the next one</translation>"
    )
    ts.write_text(text, encoding="utf-8")
    os.utime(stale, (1, 1))  # older than the edited .ts
    monkeypatch.setattr(translations, "ts_file", lambda _lang: ts)
    monkeypatch.setattr(translations, "qm_file", lambda _lang: stale)
    monkeypatch.setattr(translations, "_TRANSLATORS", {})
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from ui.texts import TEXTS

    assert translated(TEXTS["call_next"], "en") == "Call the next one"
    assert (tmp_path / "cache" / "vitals-station" / "vitals_en.qm").exists()


def test_an_untranslated_text_shows_its_bahasa_source_never_blank(caplog):
    orphan = Text("texts", "Teks yang tidak ada di terjemahan", "orphan")
    assert translated(orphan, "en") == orphan.source
    assert "no en translation for texts/orphan" in caplog.text
