"""Screenshots of the admin's operators tab: ``python -m ui.screenshot_operators OUT``
(default ``docs/screenshots``) writes ``desk-operators`` (Bahasa Indonesia) and
``desk-operators-en`` only, so the other screenshots (``ui.screenshot``) stay as they are.

The desk runs as in ``ui.screenshot`` (a temporary SQLite database, simulated devices,
offscreen unless ``QT_QPA_PLATFORM`` says otherwise) and the made-up admin types everything
into the tab: four operators added, one disabled, then the next one chosen and its
disabling asked (the confirmation shown, not answered).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.desk.operators import OperatorsTab
from ui.screenshot_desk import Desk, ShotClock, at, open_desk
from ui.texts import Language

__all__ = ["main", "operators_shots"]

# Made-up operators: name, how many times Down picks the role (0 health worker, 1
# supervisor), practitioner NIK, PIN.
OPERATORS = (
    ("Budi Santoso", 0, "3171015208910002", "739201"),
    ("Sri Wahyuni", 1, "3174016601900003", "602817"),
    ("Agus Setiawan", 0, "3171024507880004", "551902"),
    ("Dewi Kartika", 0, "3201011512920005", "830164"),
)
DISABLED = "Agus Setiawan"
CHOSEN = "Budi Santoso"


def _type_operator(desk: Desk, tab: OperatorsTab, operator: tuple[str, int, str, str]) -> None:
    name, downs, nik, pin = operator
    rows = tab.table.rowCount()
    desk.click(tab.name_edit)
    desk.wait(tab.name_edit.hasFocus, "the name field")
    desk.type(name)
    desk.key(Qt.Key.Key_Return)
    for _ in range(downs):
        desk.key(Qt.Key.Key_Down)
    desk.key(Qt.Key.Key_Return)
    desk.wait(tab.nik_edit.hasFocus, "the NIK field")
    desk.type(nik)
    desk.key(Qt.Key.Key_Return)
    for _ in range(2):
        desk.type(pin)
        desk.key(Qt.Key.Key_Return)
    desk.wait(lambda: tab.table.rowCount() == rows + 1, f"{name} added")


def _choose(desk: Desk, tab: OperatorsTab, name: str) -> None:
    table = tab.table
    (row,) = [r for r in range(table.rowCount()) if (i := table.item(r, 0)) and i.text() == name]
    item = table.item(row, 0)
    assert item is not None
    desk.click(table.viewport(), table.visualItemRect(item).center())
    desk.wait(lambda: (c := tab.chosen()) is not None and c.name == name, f"{name} chosen")


def operators_shot(database_url: str, out: Path, lang: Language, name: str) -> None:
    clock = ShotClock(at(datetime.now(UTC).astimezone().date(), 7, 50))
    desk = open_desk(database_url, lang, clock, out, seed=3)
    tab = desk.window.operators_tab
    try:
        desk.show_tab(tab)
        desk.wait(lambda: tab.table.rowCount() == 1, "the list")
        for operator in OPERATORS:
            clock.advance(40)
            _type_operator(desk, tab, operator)
        _choose(desk, tab, DISABLED)
        desk.click(tab.disable_button)
        desk.wait(tab.confirm_box.isVisible, "the confirmation")
        desk.click(tab.confirm_yes)
        desk.wait(lambda: (c := tab.chosen()) is not None and c.disabled, f"{DISABLED} disabled")
        _choose(desk, tab, CHOSEN)
        desk.click(tab.disable_button)
        desk.wait(tab.confirm_box.isVisible, "the confirmation")
        desk.shot(name)
    finally:
        desk.app.close()


def operators_shots(out: Path) -> None:
    """Both shots, each desk on an empty database of its own."""
    shots: tuple[tuple[Language, str], ...] = (
        ("id", "desk-operators"),
        ("en", "desk-operators-en"),
    )
    for lang, name in shots:
        with tempfile.TemporaryDirectory() as folder:
            operators_shot(f"sqlite:///{folder}/station.db", out, lang, name)


def main(out: Path) -> int:
    existing = QApplication.instance()
    _app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    operators_shots(out)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no windows on the screen
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
