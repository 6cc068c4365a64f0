"""The admin's operators tab (issue 12: the admin manages operators): the list (name, role,
masked practitioner NIK, active or disabled), a form to add an operator, and for the operator
chosen in the list: a new practitioner NIK, a new PIN (which also ends a lockout) and
disabling, after a confirmation in the tab itself.

Like the day's views, this tab does no work itself: each action is a signal the window sends
to the station (``Station.add_operator`` and its neighbours, refused below an admin and
audited under the admin), and the answer comes back as the whole list after the change
(``show_list``) or as a refusal shown beside the form that asked (``show_error``). Keyboard
first: Enter moves to the next field and submits from the last; a PIN typed here is cleared
as soon as it is sent, refused, or the desk locks.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.operator_admin import OperatorChange, OperatorList
from station.operators import MAX_SECRET_LENGTH, NAME_LIMIT, Role
from station.person import mask_nik
from station.roles import role_name
from station.store.operators import Operator
from ui.desk.day import title_label
from ui.desk.notice import ERROR_STYLE
from ui.desk.retranslate import Phrase, TextBindings, fixed, phrase
from ui.desk.tables import list_table, table_item
from ui.finding_texts import error_text
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["OperatorsTab"]

FORMS_WIDTH = 480
NIK_DIGITS = 16
OK_STYLE = "color: #2e7d32;"
_DISABLED_COLOUR = "#757575"
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def _line(name: str, limit: int) -> QLineEdit:
    edit = named(QLineEdit(), name)
    edit.setMaxLength(limit)
    return edit


def _nik_line(name: str) -> QLineEdit:
    edit = _line(name, NIK_DIGITS)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


def _secret_line(name: str) -> QLineEdit:
    edit = _line(name, MAX_SECRET_LENGTH)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _button(name: str) -> QPushButton:
    button = named(QPushButton(), name)
    button.setAutoDefault(True)  # Enter on the focused button presses it
    return button


def _message_label(name: str) -> QLabel:
    label = named(QLabel(""), name)
    label.setWordWrap(True)
    return label


class OperatorsTab(QWidget):
    COLUMNS = ("ops_col_name", "ops_col_role", "ops_col_nik", "ops_col_state")
    refreshRequested = Signal()
    addRequested = Signal(str, str, str, str)  # name, role, practitioner NIK, PIN
    disableRequested = Signal(str)  # name
    nikChangeRequested = Signal(str, str)  # name, new practitioner NIK
    pinResetRequested = Signal(str, str)  # name, new PIN

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._texts = TextBindings(lang)
        self._operators: list[Operator] = []
        # Which form waits for the station's answer (``add``, ``chosen``, ``list``), if any.
        self._waiting: str | None = None
        row = QHBoxLayout(self)
        row.addLayout(self._build_list(), stretch=1)
        forms = QVBoxLayout()
        forms.addWidget(self._build_add_form())
        forms.addWidget(self._build_chosen_form())
        forms.addStretch(1)
        holder = QWidget()
        holder.setLayout(forms)
        forms.setContentsMargins(0, 0, 0, 0)
        holder.setFixedWidth(FORMS_WIDTH)
        row.addWidget(holder)
        self._connect()
        self._set_tab_order()
        self._show_chosen()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text and the list again, in it (the
        forms keep what is typed in them)."""
        self._lang = lang
        self._texts.set_language(lang)
        self.table.setHorizontalHeaderLabels([tr(c, lang) for c in self.COLUMNS])
        for index, role in enumerate(Role):
            self.role_combo.setItemText(index, role_name(role, lang))
        chosen = self.chosen()
        confirming = self.confirm_box.isVisible()
        self._fill(self._operators, chosen.name if chosen is not None else None, keep=True)
        self.confirm_box.setVisible(confirming)

    # -- layout --------------------------------------------------------------------------

    def _build_list(self) -> QVBoxLayout:
        lang, bind = self._lang, self._texts.bind
        column = QVBoxLayout()
        header = QHBoxLayout()
        title = title_label()
        bind(title.setText, "ops_title")
        header.addWidget(title)
        header.addSpacing(16)
        self.count_label = named(QLabel(""), "operatorsCount")
        header.addWidget(self.count_label, stretch=1)
        self.refresh_button = _button("operatorsRefresh")
        bind(self.refresh_button.setText, "refresh")
        header.addWidget(self.refresh_button)
        column.addLayout(header)
        self.table = list_table([tr(c, lang) for c in self.COLUMNS], "operatorsTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the forms
        self.table.horizontalHeader().setStretchLastSection(True)
        column.addWidget(self.table, stretch=1)
        self.hint_label = _message_label("operatorsHint")
        bind(self.hint_label.setText, "ops_hint")
        column.addWidget(self.hint_label)
        self.list_error = _message_label("operatorsListError")
        self.list_error.setStyleSheet(ERROR_STYLE)
        column.addWidget(self.list_error)
        return column

    def _build_add_form(self) -> QGroupBox:
        lang, bind = self._lang, self._texts.bind
        self.add_box = named(QGroupBox(), "addOperatorBox")
        bind(self.add_box.setTitle, "ops_add_title")
        self.name_edit = _line("addOperatorName", NAME_LIMIT)
        self.role_combo = named(QComboBox(), "addOperatorRole")
        for role in Role:
            self.role_combo.addItem(role_name(role, lang), str(role))
        self.nik_edit = _nik_line("addOperatorNik")
        self.pin_edit = _secret_line("addOperatorPin")
        self.pin_again_edit = _secret_line("addOperatorPinAgain")
        self.add_button = _button("addOperatorButton")
        bind(self.add_button.setText, "ops_add_button")
        self.add_message = _message_label("addOperatorMessage")
        form = QFormLayout(self.add_box)
        for key, field in (
            ("ops_name", self.name_edit),
            ("ops_role", self.role_combo),
            ("setup_nik", self.nik_edit),
            ("signin_pin", self.pin_edit),
            ("setup_pin_again", self.pin_again_edit),
        ):
            form.addRow(self._label(key), field)
        form.addRow("", self.add_button)
        form.addRow(self.add_message)
        return self.add_box

    def _build_chosen_form(self) -> QGroupBox:
        bind = self._texts.bind
        self.chosen_box = named(QGroupBox(), "chosenOperatorBox")
        bind(self.chosen_box.setTitle, "ops_chosen_title")
        self.chosen_label = _message_label("chosenOperatorLabel")
        self.new_nik_edit = _nik_line("chosenOperatorNik")
        self.set_nik_button = _button("setNikButton")
        bind(self.set_nik_button.setText, "ops_set_nik_button")
        self.new_pin_edit = _secret_line("chosenOperatorPin")
        self.new_pin_again_edit = _secret_line("chosenOperatorPinAgain")
        self.set_pin_button = _button("setPinButton")
        bind(self.set_pin_button.setText, "ops_set_pin_button")
        self.disable_button = _button("disableOperatorButton")
        bind(self.disable_button.setText, "ops_disable_button")
        self.confirm_box = named(QWidget(), "disableConfirmBox")
        self.confirm_label = _message_label("disableConfirmLabel")
        self.confirm_yes = _button("disableConfirmYes")
        bind(self.confirm_yes.setText, "ops_disable_yes")
        self.confirm_no = _button("disableConfirmNo")
        bind(self.confirm_no.setText, "ops_disable_no")
        confirm = QGridLayout(self.confirm_box)
        confirm.setContentsMargins(0, 0, 0, 0)
        confirm.addWidget(self.confirm_label, 0, 0, 1, 3)
        confirm.setColumnStretch(0, 1)
        confirm.addWidget(self.confirm_yes, 1, 1)
        confirm.addWidget(self.confirm_no, 1, 2)
        self.confirm_box.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
        self.confirm_box.hide()
        self.chosen_message = _message_label("chosenOperatorMessage")

        grid = QGridLayout(self.chosen_box)
        grid.addWidget(self.chosen_label, 0, 0, 1, 3)
        grid.addWidget(self._label("ops_new_nik"), 1, 0)
        grid.addWidget(self.new_nik_edit, 1, 1)
        grid.addWidget(self.set_nik_button, 1, 2)
        grid.addWidget(self._label("ops_new_pin"), 2, 0)
        grid.addWidget(self.new_pin_edit, 2, 1)
        grid.addWidget(self._label("setup_pin_again"), 3, 0)
        grid.addWidget(self.new_pin_again_edit, 3, 1)
        grid.addWidget(self.set_pin_button, 3, 2)
        grid.addWidget(self.disable_button, 4, 2)
        grid.addWidget(self.confirm_box, 5, 0, 1, 3)
        grid.addWidget(self.chosen_message, 6, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return self.chosen_box

    def _label(self, key: str) -> QLabel:
        label = QLabel()
        self._texts.bind(label.setText, key)
        return label

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self._refresh)
        self.table.itemSelectionChanged.connect(self._show_chosen)
        self.name_edit.returnPressed.connect(self.role_combo.setFocus)
        self.role_combo.installEventFilter(self)  # Enter on the role: on to the NIK
        self.nik_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.pin_again_edit.setFocus)
        self.pin_again_edit.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.new_nik_edit.returnPressed.connect(self._set_nik)
        self.set_nik_button.clicked.connect(self._set_nik)
        self.new_pin_edit.returnPressed.connect(self.new_pin_again_edit.setFocus)
        self.new_pin_again_edit.returnPressed.connect(self._set_pin)
        self.set_pin_button.clicked.connect(self._set_pin)
        self.disable_button.clicked.connect(self._ask_disable)
        self.confirm_yes.clicked.connect(self._disable)
        self.confirm_no.clicked.connect(self._cancel_disable)

    def _set_tab_order(self) -> None:
        chain: Sequence[QWidget] = (
            self.table,
            self.name_edit,
            self.role_combo,
            self.nik_edit,
            self.pin_edit,
            self.pin_again_edit,
            self.add_button,
            self.new_nik_edit,
            self.set_nik_button,
            self.new_pin_edit,
            self.new_pin_again_edit,
            self.set_pin_button,
            self.disable_button,
            self.confirm_yes,
            self.confirm_no,
            self.refresh_button,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.role_combo
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self.nik_edit.setFocus()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.confirm_box.isVisible():
            self._cancel_disable()
            return
        super().keyPressEvent(event)

    # -- what the station says -----------------------------------------------------------

    @property
    def operators(self) -> list[Operator]:
        """The operators on screen, in the list's order."""
        return list(self._operators)

    def chosen(self) -> Operator | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self._operators[row] if row < len(self._operators) else None

    @Slot(object)
    def show_list(self, answer: OperatorList) -> None:
        """The operators after ``answer.change``: the list refilled (the chosen operator kept,
        an added one chosen), the form that asked cleared and told it was done. An answer
        this tab is not waiting for (one asked before the desk locked) is dropped."""
        if self._waiting is None:
            return
        if answer.change is not OperatorChange.LISTED or self._waiting == "list":
            self._waiting = None  # a list asked for before a change is not its answer
        keep = answer.changed if answer.change is OperatorChange.ADDED else self.chosen()
        self._fill(answer.operators, keep.name if keep is not None else None)
        self._blank(self.list_error)
        changed = answer.changed
        if changed is None:
            return
        name, role = changed.name, changed.role
        match answer.change:
            case OperatorChange.ADDED:
                self._clear_add_form()
                self._say(
                    self.add_message,
                    lambda lang: tr("ops_added", lang, name=name, role=role_name(role, lang)),
                )
                self.name_edit.setFocus()
            case OperatorChange.NIK_CHANGED:
                self.new_nik_edit.clear()
                self._say(self.chosen_message, phrase("ops_nik_changed", name=name))
            case OperatorChange.PIN_SET:
                self._say(self.chosen_message, phrase("ops_pin_set", name=name))
            case OperatorChange.DISABLED:
                self._say(self.chosen_message, phrase("ops_disabled_done", name=name))
                self.table.setFocus()  # the confirmation it was in is gone

    @Slot(object)
    def show_error(self, error: StationError) -> None:
        """The station refused: the reason beside the form that asked, the keyboard in the
        field it concerns, every PIN typed there cleared."""
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return  # asked before the desk locked
        text: Phrase = lambda lang: error_text(error, lang)  # noqa: E731
        self._clear_pins()
        if waiting == "add":
            fields: dict[str, QWidget] = {
                "role": self.role_combo,
                "practitioner_nik": self.nik_edit,
                "pin": self.pin_edit,
            }
            self._refuse(self.add_message, text, fields.get(error.field or "", self.name_edit))
        elif waiting == "chosen":
            self.confirm_box.hide()
            fields = {"practitioner_nik": self.new_nik_edit, "pin": self.new_pin_edit}
            self._refuse(self.chosen_message, text, fields.get(error.field or "", self.table))
        else:
            self._texts.bind(self.list_error.setText, text, slot=self.list_error)

    def clear(self) -> None:
        """Nothing left on the tab (the desk locks: the next operator may be no admin)."""
        self._waiting = None
        self._fill((), None)
        self._clear_add_form()
        self.new_nik_edit.clear()
        self.confirm_box.hide()
        for label in (self.add_message, self.chosen_message, self.list_error):
            self._blank(label)

    # -- the list ------------------------------------------------------------------------

    def _fill(
        self, operators: Sequence[Operator], choose: str | None, *, keep: bool = False
    ) -> None:
        """The list, ``choose`` selected; ``keep``: the chosen operator's form as it is."""
        lang = self._lang
        self._operators = list(operators)
        self.table.setRowCount(0)
        for row, operator in enumerate(self._operators):
            self.table.insertRow(row)
            muted = _DISABLED_COLOUR if operator.disabled else None
            state = tr("ops_disabled" if operator.disabled else "ops_active", lang)
            cells = (
                operator.name,
                role_name(operator.role, lang),
                mask_nik(operator.practitioner_nik),
                state,
            )
            for column, text in enumerate(cells):
                item = table_item(text, operator.name, muted, bold=column == 0)
                self.table.setItem(row, column, item)
            if operator.name == choose:
                self.table.selectRow(row)
        active = sum(not o.disabled for o in self._operators)
        self.count_label.setText(
            tr("ops_count", lang, active=active, disabled=len(self._operators) - active)
            if self._operators
            else ""
        )
        self._show_chosen(keep=keep)

    @Slot()
    def _show_chosen(self, *, keep: bool = False) -> None:
        chosen, lang = self.chosen(), self._lang
        if chosen is None:
            self.chosen_label.setText(tr("ops_none_chosen", lang))
        else:
            state = tr("ops_disabled" if chosen.disabled else "ops_active", lang)
            self.chosen_label.setText(
                tr(
                    "ops_chosen",
                    lang,
                    name=chosen.name,
                    role=role_name(chosen.role, lang),
                    state=state,
                )
            )
        for widget in (
            self.new_nik_edit,
            self.set_nik_button,
            self.new_pin_edit,
            self.new_pin_again_edit,
            self.set_pin_button,
        ):
            widget.setEnabled(chosen is not None)
        self.disable_button.setEnabled(chosen is not None and not chosen.disabled)
        if keep:
            return
        self.confirm_box.hide()
        self._blank(self.chosen_message)
        self.new_pin_edit.clear()
        self.new_pin_again_edit.clear()

    # -- the actions ---------------------------------------------------------------------

    def _send(self, form: str) -> bool:
        """Whether a request may go now, marking ``form`` as the one waiting: not while a
        change waits for its answer (a second Enter sends nothing twice), nor a second
        list; a change may follow a list not yet answered (its answer is a list too)."""
        if self._waiting in ("add", "chosen") or (form == "list" and self._waiting == "list"):
            return False
        self._waiting = form
        return True

    @Slot()
    def _refresh(self) -> None:
        if self._send("list"):
            self.refreshRequested.emit()

    def request_list(self) -> None:
        """Ask for the list (the tab is shown)."""
        self._refresh()

    @Slot()
    def _add(self) -> None:
        if self.pin_edit.text() != self.pin_again_edit.text():
            self._clear_pins()
            self._refuse(self.add_message, phrase("setup_pin_mismatch"), self.pin_edit)
            return
        if not self._send("add"):
            return
        self._blank(self.add_message)
        role = self.role_combo.currentData()
        self.addRequested.emit(
            self.name_edit.text(), str(role), self.nik_edit.text(), self.pin_edit.text()
        )
        self._clear_pins()

    @Slot()
    def _set_nik(self) -> None:
        chosen = self.chosen()
        if chosen is None or not self._send("chosen"):
            return
        self._blank(self.chosen_message)
        self.nikChangeRequested.emit(chosen.name, self.new_nik_edit.text())

    @Slot()
    def _set_pin(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        if self.new_pin_edit.text() != self.new_pin_again_edit.text():
            self._clear_pins()
            self._refuse(self.chosen_message, phrase("setup_pin_mismatch"), self.new_pin_edit)
            return
        if not self._send("chosen"):
            return
        self._blank(self.chosen_message)
        self.pinResetRequested.emit(chosen.name, self.new_pin_edit.text())
        self._clear_pins()

    @Slot()
    def _ask_disable(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.disabled:
            return
        self._blank(self.chosen_message)
        self._texts.bind(
            self.confirm_label.setText,
            phrase("ops_disable_question", name=chosen.name),
            slot=self.confirm_label,
        )
        self.confirm_box.show()
        self.confirm_no.setFocus()  # the safe answer under Enter; Shift+Tab for yes

    @Slot()
    def _disable(self) -> None:
        chosen = self.chosen()
        if chosen is None or not self._send("chosen"):
            return
        self.confirm_box.hide()
        self.disableRequested.emit(chosen.name)

    @Slot()
    def _cancel_disable(self) -> None:
        self.confirm_box.hide()
        self.disable_button.setFocus()

    # -- helpers -------------------------------------------------------------------------

    def _blank(self, label: QLabel) -> None:
        self._texts.bind(label.setText, fixed(""), slot=label)

    def _say(self, label: QLabel, said: Phrase) -> None:
        label.setStyleSheet(OK_STYLE)
        self._texts.bind(label.setText, said, slot=label)

    def _refuse(self, label: QLabel, said: Phrase, field: QWidget) -> None:
        label.setStyleSheet(ERROR_STYLE)
        self._texts.bind(label.setText, said, slot=label)
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def _clear_pins(self) -> None:
        for edit in (
            self.pin_edit,
            self.pin_again_edit,
            self.new_pin_edit,
            self.new_pin_again_edit,
        ):
            edit.clear()

    def _clear_add_form(self) -> None:
        self.name_edit.clear()
        self.nik_edit.clear()
        self.role_combo.setCurrentIndex(0)
        self._clear_pins()
