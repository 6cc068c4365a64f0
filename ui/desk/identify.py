"""Identifying the person at the desk (issue 11): NIK typed or scanned, name, birth date, then
name and birth date confirmed together before anything is measured.

Keyboard first. Enter moves NIK → name → birth date → confirmation, and on the confirmation
Enter emits ``identified``; Esc there goes back to edit. A keyboard-wedge scanner types the
16 digits and Enter, which moves on to the name. Tab moves between fields as usual and never
traps the focus: a birth date that cannot be read shows why, and stays as typed.

Proposals are shown, never filled in silently: the NIK's birth date appears as the birth
field's placeholder and in the hint line, a returning person's name and birth date from their
last visit in the hint line, and each is taken only when the operator presses Enter on the
empty field it is for (the birth date, the name). "Birth date unknown" is a tick box: an
explicit choice, never the result of a typo.

The panel does no database or network work. When a valid NIK is complete it emits
``nikEntered(nik)``; the window asks the station (through the bridge, off the UI thread) and
answers with ``offer_previous(previous)`` and ``show_registry(answer)``, which are ignored when
the NIK in the field has changed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from itertools import pairwise

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from station.birth_date import (
    MAX_AGE_YEARS,
    calendar_start,
    format_birth_date,
    nik_proposal,
    parse_birth_date,
)
from station.ckg import age_in_years
from station.person import (
    NAME_MAX_LENGTH,
    Person,
    PersonError,
    check_against_nik,
    validate_nik,
    validate_person,
)
from station.store.models import VisitStatus
from station.store.people import PreviousVisit
from station.upload.person_lookup import RegistryAnswer, RegistryStatus
from ui.finding_texts import error_text
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["IdentifyPanel", "desk_locale"]

ERROR_COLOUR = "#c62828"
HINT_COLOUR = "#1565c0"
REGISTRY_COLOURS = {
    RegistryStatus.REGISTERED: "#2e7d32",
    RegistryStatus.NOT_FOUND: "#e65100",
    RegistryStatus.UNAVAILABLE: "#616161",
}
NIK_GROUPS = (4, 8, 12)  # shown as 3174 0155 0785 0002 on the confirmation, like a KTP
FIELDS = ("nik", "name", "birth_date")
# Lines reserved under each field for its error, so nothing moves when one appears.
ERROR_LINES = {"nik": 3, "name": 1, "birth_date": 3}
BIRTH_CHARACTERS = r"[0-9\-/. ]{0,10}"  # what station.birth_date can read; it says the rest
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A message in Bahasa and in English: kept both, so that it is said again in the language the
# operator switches to (issue 13).
Message = tuple[str, str]


def _local_today() -> date:
    return datetime.now(UTC).astimezone().date()


def desk_locale(lang: Language) -> QLocale:
    """The locale of the desk's language: month and day names of the calendar."""
    if lang == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _grouped_nik(nik: str) -> str:
    cuts = (0, *NIK_GROUPS, len(nik))
    return " ".join(nik[a:b] for a, b in pairwise(cuts) if nik[a:b])


def _reserve_lines(label: QLabel, lines: int) -> QLabel:
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 2)
    return label


class _ConfirmPage(QWidget):
    """Enter confirms, Esc goes back (also when a button of the page has the focus)."""

    accepted = Signal()
    rejected = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS:
            self.accepted.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.rejected.emit()
        else:
            super().keyPressEvent(event)


class _CalendarPage(QWidget):
    """A month calendar in place of the fields (no popup window); a click or Enter picks
    the day, Esc goes back without one."""

    picked = Signal(object)  # date
    cancelled = Signal()

    def __init__(self, lang: Language) -> None:
        super().__init__()
        self.calendar = named(QCalendarWidget(), "birthDateCalendar")
        self.set_language(lang)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def set_language(self, lang: Language) -> None:
        self.calendar.setLocale(desk_locale(lang))

    def open_at(self, shown: date, today: date) -> None:
        """Show ``shown``'s month with it selected, within the dates a birth date may be."""
        latest = _qdate(today)
        self.calendar.setDateRange(latest.addYears(-(MAX_AGE_YEARS + 1)).addDays(1), latest)
        self.calendar.setSelectedDate(_qdate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.calendar.setFocus()

    @Slot(QDate)
    def _pick(self, day: QDate) -> None:
        self.picked.emit(date(day.year(), day.month(), day.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class IdentifyPanel(QGroupBox):
    """NIK, name and birth date, then the confirmation; see the module docstring.

    Signals: ``identified(nik, name, birth_date)`` once the operator confirmed (birth_date is
    a ``date`` or None when explicitly unknown); ``nikEntered(nik)`` when a valid NIK is
    complete (ask for the last visit and the SATUSEHAT status).
    """

    identified = Signal(str, str, object)
    nikEntered = Signal(str)

    def __init__(
        self,
        lang: Language,
        *,
        today: Callable[[], date] = _local_today,
        checks_registry: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang: Language = lang
        self._today = today
        self._checks_registry = checks_registry
        self._asked: str | None = None  # the NIK nikEntered was emitted for
        self._nik_date: date | None = None  # what the NIK proposes
        self._previous: PreviousVisit | None = None  # what the last visit proposes
        self._submitted = False
        self._registry_key = ""  # the SATUSEHAT status shown (a text key; "" none)
        self._confirming: tuple[str, str, date | None] | None = None  # on the confirmation
        self._build()
        self._show_texts()
        self._connect()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        lang = self._lang
        self.nik_edit = named(QLineEdit(), "nikEdit")
        self.nik_edit.setMaxLength(24)  # room for spaces people type between digit groups
        self.name_edit = named(QLineEdit(), "nameEdit")
        self.name_edit.setMaxLength(NAME_MAX_LENGTH)
        self.birth_date_edit = named(QLineEdit(), "birthDateEdit")
        self.birth_date_edit.setValidator(QRegularExpressionValidator(BIRTH_CHARACTERS))
        self.birth_date_edit.setFixedWidth(
            self.birth_date_edit.fontMetrics().horizontalAdvance("00-00-0000 (NIK)") + 16
        )
        self.calendar_button = named(QToolButton(), "birthDateCalendarButton")
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)  # opens a picker, like a combo
        self.birth_unknown = named(QCheckBox(), "birthDateUnknown")
        self.calendar_page = named(_CalendarPage(lang), "identifyCalendarPage")
        self.calendar = self.calendar_page.calendar

        self.nik_error = named(QLabel(""), "nikError")
        self.name_error = named(QLabel(""), "nameError")
        self.birth_date_error = named(QLabel(""), "birthDateError")
        self._errors = {
            "nik": self.nik_error,
            "name": self.name_error,
            "birth_date": self.birth_date_error,
        }
        self._error_messages: dict[str, Message] = {}
        for field, label in self._errors.items():
            _reserve_lines(label, ERROR_LINES[field]).setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hint_label = _reserve_lines(named(QLabel(""), "identifyHint"), 2)
        self.hint_label.setStyleSheet(f"color: {HINT_COLOUR};")
        self.next_button = named(QPushButton(), "identifyNextButton")

        edit_page = named(QWidget(), "identifyEditPage")
        grid = QGridLayout(edit_page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        birth_row = QHBoxLayout()
        birth_row.setSpacing(4)
        birth_row.addWidget(self.birth_date_edit)
        birth_row.addWidget(self.calendar_button)
        birth_row.addWidget(self.birth_unknown)
        birth_row.addStretch(1)
        rows: tuple[tuple[str, QWidget | QHBoxLayout, QLabel], ...] = (
            ("nik", self.nik_edit, self.nik_error),
            ("name", self.name_edit, self.name_error),
            ("birth_date", birth_row, self.birth_date_error),
        )
        self._field_labels: list[tuple[QLabel, str]] = []
        for index, (key, editor, error) in enumerate(rows):
            field_label = QLabel()
            self._field_labels.append((field_label, key))
            grid.addWidget(field_label, 2 * index, 0)
            if isinstance(editor, QHBoxLayout):
                grid.addLayout(editor, 2 * index, 1)
            else:
                grid.addWidget(editor, 2 * index, 1)
            grid.addWidget(error, 2 * index + 1, 1)
        grid.addWidget(self.hint_label, 6, 0, 1, 2)
        grid.addWidget(self.next_button, 7, 1, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)

        self.confirm_page = named(_ConfirmPage(), "identifyConfirmPage")
        confirm = QVBoxLayout(self.confirm_page)
        confirm.setContentsMargins(0, 0, 0, 0)
        self.confirm_name = named(QLabel(""), "confirmNameLabel")
        self.confirm_birth = named(QLabel(""), "confirmBirthLabel")
        self.confirm_nik = named(QLabel(""), "confirmNikLabel")
        self.confirm_question = named(QLabel(), "confirmQuestion")
        for label, points, bold in (
            (self.confirm_name, 20, True),
            (self.confirm_birth, 16, True),
            (self.confirm_nik, 11, False),
            (self.confirm_question, 11, True),
        ):
            font = QFont(label.font())
            font.setPointSize(points)
            font.setBold(bold)
            label.setFont(font)
            label.setWordWrap(True)
        self.start_visit_button = named(QPushButton(), "startVisitButton")
        self.change_button = named(QPushButton(), "identifyChangeButton")
        for button in (self.start_visit_button, self.change_button):
            button.setAutoDefault(True)  # Enter on the focused button presses it
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_visit_button)
        confirm.addWidget(self.confirm_name)
        confirm.addWidget(self.confirm_birth)
        confirm.addWidget(self.confirm_nik)
        confirm.addStretch(1)
        confirm.addWidget(self.confirm_question)
        confirm.addLayout(buttons)

        self.pages = named(QStackedWidget(), "identifyPages")
        self.pages.addWidget(edit_page)
        self.pages.addWidget(self.confirm_page)
        self.pages.addWidget(self.calendar_page)
        self._edit_page = edit_page
        self.registry_label = _reserve_lines(named(QLabel(""), "registryLabel"), 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 6)
        box.setSpacing(2)
        box.addWidget(self.pages)
        box.addWidget(self.registry_label)

        for first, second in (
            (self.nik_edit, self.name_edit),
            (self.name_edit, self.birth_date_edit),
            (self.birth_date_edit, self.calendar_button),
            (self.calendar_button, self.birth_unknown),
            (self.birth_unknown, self.next_button),
        ):
            QWidget.setTabOrder(first, second)

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text again, in it; what is typed,
        proposed and found stays."""
        self._lang = lang
        self._show_texts()

    def _show_texts(self) -> None:
        lang = self._lang
        self.setTitle(tr("person", lang))
        self.nik_edit.setPlaceholderText(tr("nik_placeholder", lang))
        self.calendar_button.setToolTip(tr("calendar_tip", lang))
        self.birth_unknown.setText(tr("birth_date_unknown", lang))
        self.next_button.setText(tr("identify_next", lang))
        for label, key in self._field_labels:
            label.setText(tr(key, lang))
        self.confirm_question.setText(tr("confirm_question", lang))
        self.start_visit_button.setText(tr("confirm_yes", lang))
        self.change_button.setText(tr("confirm_change", lang))
        self.calendar_page.set_language(lang)
        for field, message in self._error_messages.items():
            self._put_error(field, message)
        self.registry_label.setText(tr(self._registry_key, lang) if self._registry_key else "")
        if self._confirming is not None:
            self._fill_confirmation(*self._confirming)
        self._set_birth_placeholder()
        if self.pages.currentWidget() is self._edit_page:
            self._refresh_hint()

    def _connect(self) -> None:
        self.nik_edit.textEdited.connect(self._nik_edited)
        self.name_edit.textEdited.connect(lambda _text: self._name_edited())
        self.birth_date_edit.textEdited.connect(lambda _text: self._birth_edited())
        self.nik_edit.returnPressed.connect(lambda: self._advance("nik"))
        self.name_edit.returnPressed.connect(lambda: self._advance("name"))
        self.birth_date_edit.returnPressed.connect(lambda: self._advance("birth_date"))
        # Not Enter in the birth field: the NIK's date is for the one who pressed Enter there.
        self.next_button.clicked.connect(lambda: self._advance("birth_date", proposals=False))
        self.birth_unknown.toggled.connect(self._unknown_toggled)
        self.calendar_button.clicked.connect(self._open_calendar)
        self.calendar_page.picked.connect(self._calendar_picked)
        self.calendar_page.cancelled.connect(self._calendar_cancelled)
        self.start_visit_button.clicked.connect(self._confirm)
        self.change_button.clicked.connect(self._back_to_edit)
        self.confirm_page.accepted.connect(self._confirm)
        self.confirm_page.rejected.connect(self._back_to_edit)
        for watched in (self.nik_edit, self.name_edit, self.birth_date_edit, self.birth_unknown):
            watched.installEventFilter(self)

    # -- what the window calls -----------------------------------------------------------

    def clear(self) -> None:
        """Nothing of the last person left: fields, errors, proposals, status, confirmation."""
        self._submitted = False
        self._asked = None
        self._nik_date = None
        self._previous = None
        for edit in (self.nik_edit, self.name_edit, self.birth_date_edit):
            edit.clear()
        self.birth_unknown.setChecked(False)
        for label in (*self._errors.values(), self.hint_label, self.registry_label):
            label.clear()
            label.setToolTip("")
        self._error_messages.clear()
        self._registry_key = ""
        self._confirming = None
        for label in (self.confirm_name, self.confirm_birth, self.confirm_nik):
            label.clear()
        self._set_birth_placeholder()
        self.start_visit_button.setEnabled(True)
        self.pages.setCurrentWidget(self._edit_page)
        self.nik_edit.setFocus()

    def set_enabled(self, enabled: bool) -> None:
        """Lock or unlock the fields and buttons (a visit is open, the station is busy). The
        SATUSEHAT status stays readable. Unlocked again without a visit having opened, a
        confirmation that was sent may be sent again; with no NIK yet, the NIK field takes the
        focus."""
        self.pages.setEnabled(enabled)
        if enabled and self._submitted:
            self._submitted = False
            self.start_visit_button.setEnabled(True)
        if enabled and not self.nik_edit.text():
            self.nik_edit.setFocus()  # the next thing to do is to identify someone

    def show_person(self, person: Person) -> None:
        """The open visit's person as stored (also a visit resumed after a crash), on the
        confirmation page, locked until ``clear()``."""
        self.nik_edit.setText(person.nik)
        self.name_edit.setText(person.name)
        self.birth_unknown.setChecked(person.birth_date is None)
        self.birth_date_edit.setText(
            format_birth_date(person.birth_date) if person.birth_date else ""
        )
        self._fill_confirmation(person.nik, person.name, person.birth_date)
        self.pages.setCurrentWidget(self.confirm_page)
        self._submitted = True
        self.start_visit_button.setEnabled(False)

    def show_error(self, message: Message | str, field: str = "nik") -> None:
        """A refusal from the station (e.g. the visit could not be started): back to edit,
        the message (Bahasa, English; or one text for both) under ``field`` (``nik``,
        ``name`` or ``birth_date``)."""
        self._submitted = False
        self.start_visit_button.setEnabled(True)
        self.pages.setCurrentWidget(self._edit_page)
        pair = (message, message) if isinstance(message, str) else message
        self._show_error(field if field in self._errors else "nik", pair)

    @Slot(object)
    def offer_previous(self, previous: PreviousVisit | None) -> None:
        """The returning person's last visit, to propose (ignored for another NIK)."""
        if previous is None or previous.nik != self._valid_nik():
            return
        self._previous = previous
        self._refresh_hint()

    @Slot(object)
    def show_registry(self, answer: RegistryAnswer) -> None:
        """Registered / not found / unavailable, for the NIK in the field (else ignored)."""
        if answer.nik != self._valid_nik():
            return
        if answer.status is RegistryStatus.UNAVAILABLE:
            key = (
                "" if answer.reason == "not_configured" else f"registry_{answer.reason or 'error'}"
            )
        else:
            key = f"registry_{answer.status.value}"
        self._registry_key = key
        self.registry_label.setText(tr(key, self._lang) if key else "")
        self.registry_label.setToolTip(answer.detail)
        self.registry_label.setStyleSheet(f"color: {REGISTRY_COLOURS[answer.status]};")

    def traces(self) -> dict[str, str]:
        """What of a person the panel shows (empty when the slate is clean)."""
        shown = {
            "nik": self.nik_edit.text(),
            "name": self.name_edit.text(),
            "birth date": self.birth_date_edit.text(),
            "birth date unknown": "yes" if self.birth_unknown.isChecked() else "",
            "hint": self.hint_label.text(),
            "registry": self.registry_label.text(),
            "confirmation": self.confirm_name.text(),
            **{f"{field} error": label.text() for field, label in self._errors.items()},
        }
        return {key: value for key, value in shown.items() if value}

    # -- editing -------------------------------------------------------------------------

    @staticmethod
    def _say(error: PersonError) -> Message:
        return (error_text(error, "id"), error_text(error, "en"))

    def _show_error(self, field: str, message: Message) -> None:
        self._put_error(field, message)
        self._field_widget(field).setFocus()

    def _put_error(self, field: str, message: Message) -> None:
        """``message`` under ``field``, in the desk's language (kept for a switch)."""
        if any(message):
            self._error_messages[field] = message
        else:
            self._error_messages.pop(field, None)
        text = message[0] if self._lang == "id" else message[1]
        label = self._errors[field]
        label.setText(text)
        label.setToolTip(text)  # the whole text, should it need more than the lines kept

    def _field_widget(self, field: str) -> QLineEdit:
        return {"nik": self.nik_edit, "name": self.name_edit}.get(field, self.birth_date_edit)

    def _valid_nik(self) -> str | None:
        try:
            return validate_nik(self.nik_edit.text(), today=self._today())
        except PersonError:
            return None

    @Slot(str)
    def _nik_edited(self, text: str) -> None:
        """The live NIK check: quiet while fewer than 16 digits are typed."""
        digits = "".join(ch for ch in text if not ch.isspace())
        message: Message = ("", "")
        if not (len(digits) < 16 and digits.isdigit()):
            try:
                validate_nik(text, today=self._today())
            except PersonError as error:
                message = self._say(error)
        self._put_error("nik", message)
        nik = self._valid_nik()
        if nik == self._asked:
            return
        # Another person: what was proposed or found for the previous NIK no longer holds.
        self._asked = nik
        self._previous = None
        self._nik_date = nik_proposal(nik, self._today()) if nik else None
        self.registry_label.clear()
        self.registry_label.setToolTip("")
        self._registry_key = ""
        self._set_birth_placeholder()
        self._refresh_hint()
        if nik is not None:
            if self._checks_registry:
                self._registry_key = "registry_checking"
                self.registry_label.setText(tr("registry_checking", self._lang))
                self.registry_label.setStyleSheet(
                    f"color: {REGISTRY_COLOURS[RegistryStatus.UNAVAILABLE]};"
                )
            self.nikEntered.emit(nik)

    def _name_edited(self) -> None:
        self._put_error("name", ("", ""))
        self._refresh_hint()

    def _birth_edited(self) -> None:
        self._put_error("birth_date", ("", ""))
        self._refresh_hint()

    def _set_birth_placeholder(self) -> None:
        if self._nik_date is not None:
            text = tr(
                "birth_date_nik_placeholder", self._lang, date=format_birth_date(self._nik_date)
            )
        else:
            text = tr("birth_date_placeholder", self._lang)
        self.birth_date_edit.setPlaceholderText(text)

    def _previous_text(self, previous: PreviousVisit, with_key: bool) -> str:
        status = {
            VisitStatus.CANCELLED: tr("previous_cancelled", self._lang),
            VisitStatus.OPEN: tr("previous_open", self._lang),
        }.get(previous.status, "")
        birth = (
            format_birth_date(previous.birth_date)
            if previous.birth_date
            else tr("birth_unknown_short", self._lang)
        )
        text = tr(
            "previous_visit",
            self._lang,
            day=format_birth_date(previous.started_at.astimezone().date()),
            status=status,
            name=previous.name,
            birth=birth,
        )
        return text + (tr("use_with_enter", self._lang) if with_key else "")

    def _refresh_hint(self) -> None:
        """The proposal that applies, saying "Enter to use it" only where Enter does that."""
        focus = self.focusWidget()
        if self._previous is not None:
            usable = focus is self.name_edit and not self.name_edit.text().strip()
            text = self._previous_text(self._previous, usable)
        elif self._nik_date is not None and focus is self.birth_date_edit and self._birth_empty():
            text = tr("nik_proposal", self._lang, date=format_birth_date(self._nik_date))
        else:
            text = ""
        self.hint_label.setText(text)
        self.hint_label.setToolTip(text)

    def _birth_empty(self) -> bool:
        return not self.birth_date_edit.text().strip() and not self.birth_unknown.isChecked()

    @Slot(bool)
    def _unknown_toggled(self, unknown: bool) -> None:
        if unknown:
            self.birth_date_edit.clear()
        self.birth_date_edit.setEnabled(not unknown)
        self.birth_date_error.clear()
        self._refresh_hint()

    @Slot()
    def _open_calendar(self) -> None:
        today = self._today()
        try:
            shown = parse_birth_date(self.birth_date_edit.text(), today=today)
        except PersonError:
            shown = calendar_start(self.nik_edit.text(), today)
        self.pages.setCurrentWidget(self.calendar_page)
        self.calendar_page.open_at(shown, today)

    @Slot(object)
    def _calendar_picked(self, day: date) -> None:
        self.pages.setCurrentWidget(self._edit_page)
        self.birth_unknown.setChecked(False)
        self.birth_date_edit.setText(format_birth_date(day))
        self.birth_date_error.clear()
        self.birth_date_edit.setFocus()
        self._refresh_hint()

    @Slot()
    def _calendar_cancelled(self) -> None:
        self.pages.setCurrentWidget(self._edit_page)
        self.calendar_button.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            if kind == QEvent.Type.FocusOut:
                self._tidy(watched)
            self._refresh_hint()
        elif (
            kind == QEvent.Type.KeyPress
            and watched is self.birth_unknown
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            self._advance("birth_date", proposals=False)
            return True
        return super().eventFilter(watched, event)

    def _tidy(self, left: QObject) -> None:
        """Leaving a field (Tab, a click): say what is wrong with it, never hold the focus."""
        if left is self.nik_edit and self.nik_edit.text().strip():
            self._set_error("nik", self._error_of("nik"))
        elif left is self.birth_date_edit and self.birth_date_edit.text().strip():
            self._set_error("birth_date", self._error_of("birth_date"))

    def _set_error(self, field: str, error: PersonError | None) -> None:
        self._put_error(field, self._say(error) if error else ("", ""))

    # -- moving on -----------------------------------------------------------------------

    def _complete(self, field: str) -> bool:
        if field == "birth_date":
            return not self._birth_empty()
        return bool(self._field_widget(field).text().strip())

    def _error_of(self, field: str) -> PersonError | None:
        """What is wrong with one field, the fields before it being right."""
        today = self._today()
        try:
            if field == "nik":
                validate_nik(self.nik_edit.text(), today=today)
            elif field == "name":
                validate_person(self.nik_edit.text(), self.name_edit.text(), None, today=today)
            elif not self.birth_unknown.isChecked():
                birth = parse_birth_date(self.birth_date_edit.text(), today=today)
                self.birth_date_edit.setText(format_birth_date(birth))  # 05051985 → 05-05-1985
                nik = self._valid_nik()
                if nik is not None:
                    check_against_nik(nik, birth_date=birth)
        except PersonError as error:
            if error.field != field:
                return None  # an earlier field's fault, reported there
            if getattr(error, "code", "") == "empty":
                return PersonError(
                    field,
                    f"{error_text(error, 'id')} {tr('birth_date_or_unknown', 'id')}",
                    f"{error_text(error, 'en')} {tr('birth_date_or_unknown', 'en')}",
                )
            return error
        return None

    def _advance(self, field: str, *, proposals: bool = True) -> None:
        """Enter in ``field``: take the proposal meant for an empty field, check the fields up
        to this one, then go to the next one still to fill, or to the confirmation."""
        if self._submitted or not self.pages.isEnabled():
            return
        if not proposals:
            pass
        elif field == "name" and self._previous is not None and not self.name_edit.text().strip():
            self._take_previous(self._previous)
            field = "birth_date"
            if self._birth_empty():
                self.birth_date_edit.setFocus()
                self._refresh_hint()
                return
        elif field == "birth_date" and self._birth_empty() and self._nik_date is not None:
            self.birth_date_edit.setText(format_birth_date(self._nik_date))
        position = FIELDS.index(field)
        for earlier in FIELDS[: position + 1]:
            error = self._error_of(earlier)
            if error is not None:
                self._show_error(earlier, self._say(error))
                return
            self._set_error(earlier, None)
        for later in FIELDS[position + 1 :]:
            if not self._complete(later):
                self._field_widget(later).setFocus()
                return
            error = self._error_of(later)
            if error is not None:
                self._show_error(later, self._say(error))
                return
        self._to_confirmation()

    def _take_previous(self, previous: PreviousVisit) -> None:
        self.name_edit.setText(previous.name)
        self._put_error("name", ("", ""))
        if previous.birth_date is not None:
            self.birth_unknown.setChecked(False)
            self.birth_date_edit.setText(format_birth_date(previous.birth_date))
        self._previous = None
        self._refresh_hint()

    def _birth_value(self) -> date | None:
        if self.birth_unknown.isChecked():
            return None
        return parse_birth_date(self.birth_date_edit.text(), today=self._today())

    def _fill_confirmation(self, nik: str, name: str, birth: date | None) -> None:
        self._confirming = (nik, name, birth)
        self.confirm_name.setText(name)
        if birth is None:
            self.confirm_birth.setText(tr("birth_unknown_short", self._lang))
        else:
            age = tr("age_years", self._lang, age=age_in_years(birth, self._today()))
            self.confirm_birth.setText(f"{format_birth_date(birth)} · {age}")
        self.confirm_nik.setText(f"NIK {_grouped_nik(nik)}")

    def _to_confirmation(self) -> None:
        nik = self._valid_nik()
        if nik is None:
            return
        self._fill_confirmation(nik, " ".join(self.name_edit.text().split()), self._birth_value())
        self.hint_label.clear()
        self.pages.setCurrentWidget(self.confirm_page)
        self.start_visit_button.setFocus()

    @Slot()
    def _confirm(self) -> None:
        if self._submitted or not self.pages.isEnabled():
            return
        try:
            person = validate_person(
                self.nik_edit.text(),
                self.name_edit.text(),
                self._birth_value(),
                today=self._today(),
            )
        except PersonError as error:
            self.show_error(self._say(error), error.field)
            return
        self._submitted = True
        self.start_visit_button.setEnabled(False)
        self.identified.emit(person.nik, person.name, person.birth_date)

    @Slot()
    def _back_to_edit(self) -> None:
        if self._submitted:
            return
        self.pages.setCurrentWidget(self._edit_page)
        self.name_edit.setFocus()
        self._refresh_hint()
