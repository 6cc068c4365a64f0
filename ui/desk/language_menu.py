"""The operator's language menu (issue 13): "Bahasa / Language", with Bahasa Indonesia and
English, each named in its own language, so that a person who cannot read the desk's
language now still finds the way back.

It opens from a button rather than a menu bar: a menu bar costs a row of the desk's height,
and at 1280x693 (1920x1080 at 150 %) the desk has none to spare. The same menu hangs from a
button at the top right of the desk's tabs and one on the sign-in page (the language can be
chosen before signing in). Alt+B opens it from the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ui.naming import named
from ui.texts import Language, tr
from ui.translations import LANGUAGES

__all__ = ["LanguageMenu"]


class LanguageMenu(QObject):
    """The menu and the buttons it hangs from; ``chosen`` says which language was picked."""

    chosen = Signal(str)  # "id" or "en"

    def __init__(self, lang: Language, parent: QWidget) -> None:
        super().__init__(parent)
        self.menu = named(QMenu(tr("language_menu", lang), parent), "languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions: dict[Language, QAction] = {}
        for choice in LANGUAGES:
            action = QAction(tr(f"language_{choice}", choice), self)
            action.setObjectName(f"languageAction_{choice}")
            action.setCheckable(True)
            group.addAction(action)
            self.menu.addAction(action)
            action.triggered.connect(lambda _checked=False, c=choice: self.chosen.emit(c))
            self.actions[choice] = action
        self.show_language(lang)

    def button(self, name: str) -> QToolButton:
        """A button that opens the menu (on a click, Enter or Space, and Alt+B)."""
        button = named(QToolButton(), name)
        button.setText(tr("language_menu", "id"))  # the same words in both languages
        button.setMenu(self.menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setAutoRaise(True)
        return button

    def show_language(self, lang: Language) -> None:
        """The language in use, ticked."""
        for choice, action in self.actions.items():
            action.setChecked(choice == lang)
