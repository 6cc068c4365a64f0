"""Screenshots of the identify panel: ``python -m ui.desk.identify_screenshot OUT``.

Saves ``identify.png`` (Bahasa Indonesia) and ``identify-en.png``: each shows the panel at
its desk size (440 x 330) three times, typed as at the desk: a returning person's proposal
with the SATUSEHAT status, a birth date that cannot be, and the confirmation.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from station.store.models import VisitStatus
from station.store.people import PreviousVisit
from station.upload.person_lookup import RegistryAnswer, RegistryStatus
from ui.desk.identify import IdentifyPanel
from ui.texts import Language

SIZE = (440, 330)
TODAY = date(2026, 11, 22)
NIK = "3174015507850002"


def _panel(lang: Language) -> IdentifyPanel:
    panel = IdentifyPanel(lang, today=lambda: TODAY, checks_registry=True)
    panel.resize(*SIZE)
    panel.show()
    panel.activateWindow()
    QTest.qWaitForWindowActive(panel)
    panel.nik_edit.setFocus()
    QTest.keyClicks(panel.nik_edit, NIK)
    QTest.keyClick(panel.nik_edit, Qt.Key.Key_Return)
    return panel


def _shots(lang: Language) -> list[QPixmap]:
    returning = _panel(lang)
    returning.offer_previous(
        PreviousVisit(
            NIK,
            "Siti Rahayu",
            date(1985, 7, 15),
            datetime(2026, 3, 12, 2, 0, tzinfo=UTC),
            "desk-2",
            VisitStatus.CONFIRMED,
        )
    )
    returning.show_registry(RegistryAnswer(NIK, RegistryStatus.REGISTERED))

    wrong = _panel(lang)
    wrong.show_registry(RegistryAnswer(NIK, RegistryStatus.NOT_FOUND))
    QTest.keyClicks(wrong.name_edit, "Siti Rahayu")
    QTest.keyClick(wrong.name_edit, Qt.Key.Key_Return)
    QTest.keyClicks(wrong.birth_date_edit, "31041985")
    QTest.keyClick(wrong.birth_date_edit, Qt.Key.Key_Return)

    confirming = _panel(lang)
    confirming.show_registry(RegistryAnswer(NIK, RegistryStatus.UNAVAILABLE, "offline"))
    QTest.keyClicks(confirming.name_edit, "Siti Rahayu")
    QTest.keyClick(confirming.name_edit, Qt.Key.Key_Return)
    QTest.keyClick(confirming.birth_date_edit, Qt.Key.Key_Return)  # the NIK's date
    panels = (returning, wrong, confirming)
    QApplication.processEvents()
    shots = [panel.grab() for panel in panels]
    for panel in panels:
        panel.close()
    return shots


def main(out: Path) -> int:
    existing = QApplication.instance()
    _app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    out.mkdir(parents=True, exist_ok=True)
    pages: tuple[tuple[Language, str], ...] = (("id", "identify.png"), ("en", "identify-en.png"))
    for lang, name in pages:
        shots = _shots(lang)
        gap = 12
        sheet = QPixmap(sum(s.width() for s in shots) + gap * (len(shots) + 1), SIZE[1] + 2 * gap)
        sheet.fill(Qt.GlobalColor.white)
        painter = QPainter(sheet)
        x = gap
        for shot in shots:
            painter.drawPixmap(x, gap, shot)
            x += shot.width() + gap
        painter.end()
        sheet.save(str(out / name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
