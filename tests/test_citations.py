"""Every citation of the project's notes can be followed from a clone (issue 10, item 18).

Code and tests cite the team's notes kept under ``docs/`` (``docs/design.md``,
``docs/reference/*.md``) or a primary public source. A citation of a note must name the file by
its path in the repository, the file must exist, and a section number given right after it
must be one of that file's headings. No file may point at the build machine (``/work/...``) or
at notes outside the repository (``../shared``, ``shared/reference``).
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTES = ("design.md", "satusehat.md", "clinical-rules.md", "device-protocols.md")

# Outside the repository: the build machine's folders, or notes no clone has.
FORBIDDEN = re.compile(r"/work/|\.\./shared|shared/reference|shared/DESIGN|\bDESIGN\.md|STYLE\.md")
# A note named by its bare file name or by a path.
NOTE_NAME = re.compile(
    r"(?P<path>[\w./-]*?)(?P<name>design|satusehat|clinical-rules|device-protocols)\.md"
)
# "docs/reference/satusehat.md 1.4", "... section 3", "... sections 1.2-1.4", "... 2.3, 5".
SECTION_AFTER = re.compile(r"\.md`{0,2}[,;:]?\s+(?:sections?\s+)?(?P<section>\d+(?:\.\d+)?)\b")
SCANNED_SUFFIXES = {".py", ".toml", ".md", ".cfg", ".ini", ".txt", ".sh", ""}
# Notes and images are the cited material, not citing files.
SKIPPED = ("docs/reference/", "docs/design.md", "docs/screenshots/")


def _tracked_files() -> list[Path]:
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    files = []
    for name in listing:
        if name.startswith(SKIPPED) or name == "tests/test_citations.py":
            continue
        path = ROOT / name
        if path.suffix in SCANNED_SUFFIXES and path.is_file():
            files.append(path)
    return files


@cache
def _headings(note: str) -> frozenset[str]:
    path = ROOT / ("docs/design.md" if note == "design.md" else f"docs/reference/{note}")
    numbers = re.findall(r"^#+\s+(\d+(?:\.\d+)?)\.?\s", path.read_text(encoding="utf-8"), re.M)
    return frozenset(numbers)


def _citations() -> list[tuple[str, int, str, str, str | None]]:
    """(file, line, path as written, note, section) for every mention of a note."""
    found = []
    for path in _tracked_files():
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(lines, 1):
            for match in NOTE_NAME.finditer(line):
                section = SECTION_AFTER.match(line, match.end() - 3)
                found.append(
                    (
                        str(path.relative_to(ROOT)),
                        number,
                        match.group("path") + match.group("name") + ".md",
                        match.group("name") + ".md",
                        section.group("section") if section else None,
                    )
                )
    return found


def test_no_file_points_outside_the_repository() -> None:
    bad = []
    for path in _tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if FORBIDDEN.search(line):
                bad.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not bad, "citations a clone cannot follow:\n" + "\n".join(bad)


def test_every_note_is_cited_by_its_path_in_the_repository() -> None:
    expected = {
        "design.md": "docs/design.md",
        "satusehat.md": "docs/reference/satusehat.md",
        "clinical-rules.md": "docs/reference/clinical-rules.md",
        "device-protocols.md": "docs/reference/device-protocols.md",
    }
    bad = [
        f"{file}:{line}: {written} (write {expected[note]})"
        for file, line, written, note, _ in _citations()
        if not written.endswith(expected[note])
        and not written.endswith(f"reference/{note}")
        and written != expected[note]
    ]
    # README.md and docs/README.md link notes relative to themselves.
    bad = [b for b in bad if not b.startswith(("README.md", "docs/README.md"))]
    assert not bad, "notes cited without their path:\n" + "\n".join(bad)


def test_every_cited_section_exists() -> None:
    bad = [
        f"{file}:{line}: {written} {section}"
        for file, line, written, note, section in _citations()
        if section is not None
        and section not in _headings(note)
        and section.split(".")[0] not in _headings(note)
    ]
    assert not bad, "sections that the note does not have:\n" + "\n".join(bad)


@pytest.mark.parametrize("note", NOTES)
def test_the_notes_are_in_the_repository(note: str) -> None:
    assert _headings(note), f"{note} has no numbered sections to cite"
