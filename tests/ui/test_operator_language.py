"""The operator switches the desk's language from the menu, without restarting (issue 13).

The proof is a comparison with a desk that started in the other language: the same visit
driven by keyboard on both, and at each point every text a person can see on the switched
desk is the one the other desk shows, and switching back gives the first words again.
Nothing typed, chosen or measured is lost on the way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from config.settings import load_settings
from station.service import DeviceRole
from tests.ui.conftest import (
    MENU_LOG_IGNORE,
    choose_language,
    click,
    follow_bp_protocol,
    identify_person,
    measure,
    press,
    shown_desk,
    sign_in,
    type_into_focus,
)

pytestmark = MENU_LOG_IGNORE

NIK = "3174015507850002"
NAME = "Siti Rahayu"
# Times of day and the database's file differ between the two desks; nothing else may.
_TIME = re.compile(r"\b\d{2}:\d{2}(:\d{2})?\b")
_DATABASE = re.compile(r"sqlite:///\S+")


def seen(window: QWidget) -> list[str]:
    """Every text a person can see in ``window`` now, in a stable order."""
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
            if widget.echoMode() is QLineEdit.EchoMode.Normal:
                texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header else "")
                for row in range(widget.rowCount()):
                    item = widget.item(row, column)
                    texts.append(item.text() if item else "")
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
    return sorted(_DATABASE.sub("<file>", _TIME.sub("HH:MM", text)) for text in texts if text)


def run_visit(qtbot, app, checkpoint: Callable[[str], None]) -> None:
    """One visit by keyboard, with ``checkpoint(name)`` at the points compared: the
    sign-in page with a refused PIN, a person half typed, readings and findings on the
    desk, and the day's list after confirming."""
    window = app.operator
    page = window.sign_in_page
    qtbot.waitUntil(lambda: window.locked and not page.setup_mode)
    page.name_edit.setFocus()
    qtbot.waitUntil(page.name_edit.hasFocus)
    type_into_focus(qtbot, "Ani Lestari")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(page.pin_edit.hasFocus)
    type_into_focus(qtbot, "000000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.error_label.text()))
    checkpoint("sign-in refused")
    sign_in(qtbot, window)
    click(qtbot, window.call_next_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "1")
    panel = window.identify_panel
    qtbot.waitUntil(panel.nik_edit.isEnabled)
    panel.nik_edit.setFocus()
    qtbot.waitUntil(panel.nik_edit.hasFocus)
    type_into_focus(qtbot, NIK[:10])  # not yet whole: "too short" when leaving it
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(panel.nik_error.text()))
    checkpoint("person half typed")
    panel.nik_edit.selectAll()
    identify_person(qtbot, panel, NIK, NAME, "15-07-1985")
    rows = follow_bp_protocol(qtbot, window, 0)
    measure(qtbot, window, DeviceRole.OXIMETER, rows + 1)
    qtbot.waitUntil(lambda: window.findings_list.count() > 0 or window.confirm_button.isEnabled())
    window.readings_table.selectRow(0)  # a row chosen, to be kept across the switch
    checkpoint("visit measured")
    click(qtbot, window.confirm_button)
    qtbot.waitUntil(lambda: window.queue_label.text() == "—")
    window.tabs.setCurrentWidget(window.day_tab)
    qtbot.waitUntil(lambda: window.day_view.table.rowCount() == 1)
    checkpoint("the day")


@pytest.fixture
def english_settings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("english-desk")
    path = folder / "station.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{folder / "station.sqlite3"}"\n'
        '[station]\noperator_language = "en"\n',
        encoding="utf-8",
    )
    return load_settings(path, environ={})


def test_switching_to_english_shows_what_an_english_desk_shows(qtbot, settings, english_settings):
    english: dict[str, list[str]] = {}
    switched: dict[str, list[str]] = {}
    back: dict[str, tuple[list[str], list[str]]] = {}

    app = shown_desk(qtbot, english_settings, seed=5)
    try:
        run_visit(qtbot, app, lambda point: english.__setitem__(point, seen(app.operator)))
    finally:
        app.close()

    app = shown_desk(qtbot, settings, seed=5)
    try:
        window = app.operator

        def switch_and_back(point: str) -> None:
            bahasa = seen(window)
            choose_language(qtbot, window, "en")
            switched[point] = seen(window)
            choose_language(qtbot, window, "id")
            back[point] = (bahasa, seen(window))

        run_visit(qtbot, app, switch_and_back)
    finally:
        app.close()

    assert list(switched) == list(english)
    for point, texts in english.items():
        assert switched[point] == texts, point
        before, after = back[point]
        assert after == before, point
        assert before != texts, point  # the two languages do differ there


def test_a_switch_keeps_what_is_typed_and_chosen(qtbot, settings):
    app = shown_desk(qtbot, settings, seed=5)
    try:
        window = app.operator
        sign_in(qtbot, window)
        click(qtbot, window.call_next_button)
        panel = window.identify_panel
        qtbot.waitUntil(panel.nik_edit.isEnabled)
        panel.nik_edit.setFocus()
        qtbot.waitUntil(panel.nik_edit.hasFocus)
        type_into_focus(qtbot, NIK)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(panel.name_edit.hasFocus)
        type_into_focus(qtbot, "Siti")
        choose_language(qtbot, window, "en")
        assert (panel.nik_edit.text(), panel.name_edit.text()) == (NIK, "Siti")
        assert panel.name_edit.hasFocus()  # the keyboard is where the person left it
        assert panel.title() == "Person"
        type_into_focus(qtbot, " Rahayu")  # and typing goes on there
        assert panel.name_edit.text() == "Siti Rahayu"
        assert app.slip.button.text().startswith("Print slip")
    finally:
        app.close()
