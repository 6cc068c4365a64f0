"""The desk's sign-in page (issue 12): the first admin's setup on a database with no
operators, else the sign-in with name and PIN, shown at start and whenever the desk is
locked (by hand, to switch operator, or when idle). Keyboard first: Enter moves to the next
field and submits from the last. The PIN is never kept here after it was sent."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.operators import MAX_SECRET_LENGTH, NAME_LIMIT
from ui.desk.notice import ERROR_STYLE
from ui.desk.retranslate import Phrase, fixed, phrase
from ui.finding_texts import error_text
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["FIT_HEIGHT", "FIT_WIDTH", "SignInPage", "fit_size"]

FORM_WIDTH = 600
# The desk's window size: a 1366x768 screen less a taskbar, nothing cut off. Here, with the
# page the desk opens on, so the start window (ui.desk_start) has it without the desk's imports.
FIT_WIDTH, FIT_HEIGHT = 1366, 728


def fit_size() -> tuple[int, int]:
    """The desk's window size on this screen: ``FIT_WIDTH`` x ``FIT_HEIGHT``, or less where
    the primary screen has less room."""
    width, height = FIT_WIDTH, FIT_HEIGHT
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height())
    return width, height


# Larger than the desk's own type: read at arm's length by someone who just sat down.
PAGE_POINT_SIZE = 13


class SignInPage(QWidget):
    signIn = Signal(str, str)  # name, PIN
    setUp = Signal(str, str, str)  # the first admin's name, practitioner NIK, PIN

    def __init__(self, lang: Language, *, station_id: str) -> None:
        super().__init__()
        self._lang = lang
        self._station_id = station_id
        self._setup = False
        # Why the desk locked (reason, minutes, queue) and the error shown: kept to be said
        # again in another language.
        self._locked_by: tuple[str, int, int | None] = ("", 0, None)
        self._error: Phrase = fixed("")
        larger = self.font()
        larger.setPointSize(PAGE_POINT_SIZE)
        self.setFont(larger)  # children inherit it (a style sheet would squash the fields)
        self.box = named(QGroupBox(), "signInBox")
        self.box.setFixedWidth(FORM_WIDTH)
        self.hint = named(QLabel(), "signInHint")
        self.hint.setWordWrap(True)
        self.lock_reason = named(QLabel(), "signInLockReason")
        self.lock_reason.setWordWrap(True)
        self.name_edit = named(QLineEdit(), "signInName")
        self.name_edit.setMaxLength(NAME_LIMIT)
        self.nik_edit = named(QLineEdit(), "setupPractitionerNik")
        self.nik_edit.setMaxLength(16)
        self.nik_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin_edit = self._secret("signInPin")
        self.pin_again_edit = self._secret("setupPinAgain")
        self.submit_button = named(QPushButton(), "signInButton")
        self.error_label = named(QLabel(""), "signInError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        self.form = QFormLayout()
        self._row_texts: list[tuple[QLabel, str]] = []
        for edit, key in (
            (self.name_edit, "signin_name"),
            (self.nik_edit, "setup_nik"),
            (self.pin_edit, "signin_pin"),
            (self.pin_again_edit, "setup_pin_again"),
        ):
            label = QLabel()
            self._row_texts.append((label, key))
            self.form.addRow(label, edit)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.lock_reason)
        inner.addWidget(self.hint)
        inner.addLayout(self.form)
        inner.addWidget(self.submit_button)
        inner.addWidget(self.error_label)
        # Centred by stretches, not an alignment flag: an aligned widget loses the height
        # its wrapped labels need, and the fields below them are squashed.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.box)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        self._corner = QHBoxLayout()
        self._corner.addStretch(1)
        # The language button's height kept from the first paint (the desk adds the button
        # once it is built, ui.desk_start), so the form never moves under the typing.
        self._corner.addStrut(self._corner_height())
        outer.addLayout(self._corner)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.name_edit.returnPressed.connect(self._next_from_name)
        self.nik_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self._next_from_pin)
        self.pin_again_edit.returnPressed.connect(self._submit)
        self.submit_button.clicked.connect(self._submit)
        self.show_sign_in()

    def _corner_height(self) -> int:
        probe = QToolButton(self)
        probe.setText(tr("language_menu", "id"))
        probe.setAutoRaise(True)
        height = probe.sizeHint().height()
        probe.deleteLater()
        return height

    def add_corner(self, widget: QWidget) -> None:
        """``widget`` at the page's top right (the language menu's button)."""
        self._corner.addWidget(widget)

    @staticmethod
    def _secret(name: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(MAX_SECRET_LENGTH)
        return edit

    @property
    def setup_mode(self) -> bool:
        return self._setup

    def show_setup(self) -> None:
        """No operator exists: the first admin is created here."""
        self._setup = True
        self._show_rows(setup=True)
        self._reset()

    def show_sign_in(self, reason: str = "", *, minutes: int = 0, queue: int | None = None) -> None:
        """Sign-in; ``reason`` why the desk locked (``idle``, ``operator``) and the queue
        number of a visit kept open meanwhile (never the person's name)."""
        self._setup = False
        self._locked_by = (reason, minutes, queue)
        self._show_rows(setup=False)
        self._reset()

    def show_starting(self) -> None:
        """Sent before the desk was ready (ui.desk_start): said to be waiting; the sign-in
        goes to the station as soon as it is."""
        self._error = phrase("signin_starting")
        self.error_label.setText(self._error(self._lang))

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text again, in it; what was typed
        stays (the language is chosen from the menu while signing in, too)."""
        self._lang = lang
        self._show_texts()

    def _show_texts(self) -> None:
        lang = self._lang
        for label, key in self._row_texts:
            label.setText(tr(key, lang))
        self.error_label.setText(self._error(lang))
        if self._setup:
            self.box.setTitle(tr("setup_title", lang))
            self.hint.setText(tr("setup_hint", lang))
            self.submit_button.setText(tr("setup_button", lang))
            self.lock_reason.hide()
            return
        self.box.setTitle(tr("signin_title", lang, desk=self._station_id))
        self.hint.setText(tr("signin_hint", lang))
        self.submit_button.setText(tr("signin_button", lang))
        reason, minutes, queue = self._locked_by
        lines = []
        if reason == "idle":
            lines.append(tr("signin_locked_idle", lang, minutes=minutes))
        elif reason == "operator":
            lines.append(tr("signin_locked_hand", lang))
        if queue is not None:
            lines.append(tr("signin_visit_kept", lang, queue=queue))
        self.lock_reason.setText(" ".join(lines))
        self.lock_reason.setVisible(bool(lines))

    def _show_rows(self, *, setup: bool) -> None:
        self.form.setRowVisible(self.nik_edit, setup)
        self.form.setRowVisible(self.pin_again_edit, setup)

    def _reset(self) -> None:
        for edit in (self.name_edit, self.nik_edit, self.pin_edit, self.pin_again_edit):
            edit.clear()
        self._error = fixed("")
        self._show_texts()
        self.submit_button.setEnabled(True)
        self.name_edit.setFocus()

    @Slot()
    def _next_from_name(self) -> None:
        (self.nik_edit if self._setup else self.pin_edit).setFocus()

    @Slot()
    def _next_from_pin(self) -> None:
        if self._setup:
            self.pin_again_edit.setFocus()
        else:
            self._submit()

    @Slot()
    def _submit(self) -> None:
        if not self.submit_button.isEnabled():
            return  # sent already; waiting for the answer
        name, pin = self.name_edit.text(), self.pin_edit.text()
        if self._setup and pin != self.pin_again_edit.text():
            self._refuse(phrase("setup_pin_mismatch"), self.pin_edit)
            return
        self._error = fixed("")
        self.error_label.setText("")
        self.submit_button.setEnabled(False)
        if self._setup:
            self.setUp.emit(name, self.nik_edit.text(), pin)
        else:
            self.signIn.emit(name, pin)
        self.pin_edit.clear()
        self.pin_again_edit.clear()

    def _refuse(self, error: Phrase, field: QLineEdit) -> None:
        self._error = error
        self.error_label.setText(error(self._lang))
        self.submit_button.setEnabled(True)
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        field.setFocus()
        field.selectAll()

    @Slot(object)
    def show_error(self, error: StationError) -> None:
        """The station refused: the message beside the form, the keyboard in the field it
        concerns (the PIN typed again from empty)."""
        fields = {"name": self.name_edit, "practitioner_nik": self.nik_edit}
        field = fields.get(error.field or "", self.pin_edit)
        self._refuse(lambda lang: error_text(error, lang), field)
