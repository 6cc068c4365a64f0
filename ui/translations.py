"""Every text of the screens through Qt's own translation mechanism (issue 13).

Bahasa Indonesia is the source language: the text tables (``ui/texts.py`` and the patient
side's) hold the Bahasa sources, each marked with ``translate(context, source, key)`` so that
``pyside6-lupdate`` finds it (it reads calls named ``translate``; the key is the
disambiguation, as one Bahasa word may stand for two English ones). The translations live
in ``ui/i18n/vitals_<lang>.ts`` (kept in the repository, edited with Qt Linguist or by hand);
``pyside6-lrelease`` compiles them to ``.qm`` beside them on install (``python -m
ui.translations build``, run by ``dev.py``) and never into the repository. A ``.qm`` that is
missing or older than its ``.ts`` is compiled again into the user's cache folder on first use,
so a text edited in the ``.ts`` is never shown stale.

Both screens may speak different languages at once (the operator's and the patient's), so
each language has its own ``QTranslator`` asked directly, rather than one installed on the
application.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QTranslator

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "Language",
    "Text",
    "TranslationError",
    "as_language",
    "build_all",
    "qm_file",
    "sources",
    "translate",
    "translated",
    "ts_file",
    "update_all",
    "update_command",
]

_LOGGER = logging.getLogger(__name__)

Language = Literal["id", "en"]
SOURCE_LANGUAGE: Language = "id"
LANGUAGES: tuple[Language, ...] = ("id", "en")
I18N = Path(__file__).resolve().parent / "i18n"


class TranslationError(Exception):
    """A translation file could not be compiled or loaded; the message says which."""


@dataclass(frozen=True, slots=True)
class Text:
    """One text to show: its context, the Bahasa source, and its key (the disambiguation)."""

    context: str
    source: str
    key: str


def as_language(value: str) -> Language | None:
    """``value`` as a language of the screens, or None (a Qt signal carries it as ``str``)."""
    for lang in LANGUAGES:
        if value == lang:
            return lang
    return None


def translate(context: str, source: str, key: str) -> Text:
    """Mark ``source`` for translation (``pyside6-lupdate`` reads calls by this name)."""
    return Text(context, source, key)


def ts_file(lang: Language) -> Path:
    return I18N / f"vitals_{lang}.ts"


def qm_file(lang: Language) -> Path:
    return I18N / f"vitals_{lang}.qm"


def _qt_tool(name: str) -> Path:
    import PySide6  # noqa: PLC0415 - where the Qt tools of the installed PySide6 live

    suffix = ".exe" if sys.platform == "win32" else ""
    return Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"


def sources() -> list[Path]:
    """The Python files whose texts are translated: every module of ``ui/``."""
    root = I18N.parent
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def update_command(ts: Path) -> list[str]:
    """``pyside6-lupdate`` over ``sources()`` into ``ts``: only calls named ``translate``
    count (``tr`` is the tables' own look-up, never a text), no line numbers (so the file
    changes only when a text does), texts gone from the code dropped."""
    return [
        str(_qt_tool("lupdate")),
        *(str(p) for p in sources()),
        "-tr-function-alias",
        "tr=__not_a_text__,qsTr=__not_a_text__",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        ts.stem.rsplit("_", 1)[-1],
        "-locations",
        "none",
        "-no-obsolete",
        "-ts",
        str(ts),
    ]


def update_all() -> None:
    """Every ``.ts`` brought up to the code: new texts appear unfinished, to be translated."""
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            result = subprocess.run(  # noqa: S603 - PySide6's own tool, fixed arguments
                update_command(ts_file(lang)), capture_output=True, text=True, check=False
            )
            if result.returncode != 0:
                raise TranslationError(f"lupdate failed: {result.stderr.strip()}")


def compile_ts(source: Path, target: Path) -> None:
    """``source`` (.ts) compiled to ``target`` (.qm) with Qt's lrelease."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(  # noqa: S603 - PySide6's own tool, fixed arguments
            [str(_qt_tool("lrelease")), str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except OSError as exc:
        raise TranslationError(f"cannot run Qt's lrelease for {source.name}: {exc}") from exc
    if result.returncode != 0 or not target.exists():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise TranslationError(
            f"lrelease could not compile {source.name}: {detail[-1] if detail else 'no output'}"
        )


def build_all() -> list[Path]:
    """Every ``.ts`` compiled beside itself (the install step)."""
    built = []
    for lang in LANGUAGES:
        if lang != SOURCE_LANGUAGE:
            compile_ts(ts_file(lang), qm_file(lang))
            built.append(qm_file(lang))
    return built


def _fresh_qm(lang: Language) -> Path:
    """The ``.qm`` to load: the installed one when it is at least as new as its ``.ts``,
    else one compiled now into the user's cache folder."""
    source, installed = ts_file(lang), qm_file(lang)
    if installed.exists() and (
        not source.exists() or installed.stat().st_mtime >= source.stat().st_mtime
    ):
        return installed
    if not source.exists():
        raise TranslationError(f"no translation of the screens into {lang!r} ({source.name})")
    from platformdirs import user_cache_dir  # noqa: PLC0415

    cached = Path(user_cache_dir("vitals-station", appauthor=False)) / installed.name
    if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
        compile_ts(source, cached)
    return cached


_TRANSLATORS: dict[Language, QTranslator] = {}
_WARNED: set[Text] = set()


def _translator(lang: Language) -> QTranslator:
    translator = _TRANSLATORS.get(lang)
    if translator is None:
        path = _fresh_qm(lang)
        translator = QTranslator()
        if not translator.load(str(path)):
            raise TranslationError(f"Qt could not load the translation file {path}")
        _TRANSLATORS[lang] = translator
    return translator


def translated(text: Text, lang: Language) -> str:
    """``text`` in ``lang``: the source itself in Bahasa Indonesia, else the translator's.
    A text without a translation (a test fails on it, tests/ui/test_translations.py) is shown
    in Bahasa rather than blank, and logged once."""
    if lang == SOURCE_LANGUAGE:
        return text.source
    result = _translator(lang).translate(text.context, text.source, text.key)
    if result:
        return result
    if text not in _WARNED:
        _WARNED.add(text)
        _LOGGER.warning("no %s translation for %s/%s", lang, text.context, text.key)
    return text.source


def main(argv: list[str]) -> int:
    """``build``: compile the .ts files (the install step); ``update``: bring them up to the
    code with lupdate (a developer, after changing a text)."""
    if argv not in (["build"], ["update"]):
        sys.stderr.write("usage: python -m ui.translations build|update\n")
        return 2
    try:
        if argv == ["update"]:
            update_all()
        for path in build_all():
            sys.stdout.write(f"built {path}\n")
    except TranslationError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
