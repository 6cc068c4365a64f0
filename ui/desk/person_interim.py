"""Interim identify fields (the old ones), until ui.desk.identify lands."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from station.person import Person, PersonError, validate_nik
from ui.naming import named
from ui.texts import Language, tr

BIRTH_DATE_UNKNOWN = QDate(1900, 1, 1)
ERROR_STYLE = "color: #c62828;"


class IdentifyPanel(QGroupBox):
    identified = Signal(str, str, object)  # nik, name, birth date or None

    def __init__(self, lang: Language) -> None:
        super().__init__(tr("person", lang))
        self._lang = lang
        form = QFormLayout(self)
        self.nik_edit = named(QLineEdit(), "nikEdit")
        self.nik_edit.setMaxLength(24)
        self.nik_error = named(QLabel(""), "nikError")
        self.nik_error.setStyleSheet(ERROR_STYLE)
        self.name_edit = named(QLineEdit(), "nameEdit")
        self.birth_date_edit = named(QDateEdit(), "birthDateEdit")
        self.birth_date_edit.setDisplayFormat("dd-MM-yyyy")
        self.birth_date_edit.setMinimumDate(BIRTH_DATE_UNKNOWN)
        self.birth_date_edit.setSpecialValueText("—")
        self.birth_date_edit.setDate(BIRTH_DATE_UNKNOWN)
        self.start_visit_button = named(QPushButton(tr("start_visit", lang)), "startVisitButton")
        form.addRow(tr("nik", lang), self.nik_edit)
        form.addRow("", self.nik_error)
        form.addRow(tr("name", lang), self.name_edit)
        form.addRow(tr("birth_date", lang), self.birth_date_edit)
        form.addRow("", self.start_visit_button)
        self.ckg_label = named(QLabel(""), "ckgLabel")
        self.ckg_label.setWordWrap(True)
        form.addRow("CKG", self.ckg_label)
        self.nik_edit.textEdited.connect(self._check_nik)
        self.start_visit_button.clicked.connect(self._start)

    def _check_nik(self, text: str) -> None:
        digits = "".join(ch for ch in text if not ch.isspace())
        if len(digits) < 16 and digits.isdigit():
            self.nik_error.setText("")
            return
        try:
            validate_nik(text)
        except PersonError as error:
            self.nik_error.setText(error.message_id if self._lang == "id" else error.message_en)
        else:
            self.nik_error.setText("")

    def _start(self) -> None:
        self.nik_error.setText("")
        birth = self.birth_date_edit.date()
        born = (
            None if birth == BIRTH_DATE_UNKNOWN else date(birth.year(), birth.month(), birth.day())
        )
        self.identified.emit(self.nik_edit.text(), self.name_edit.text(), born)

    def set_editable(self, editable: bool, can_start: bool) -> None:
        for widget in (self.nik_edit, self.name_edit, self.birth_date_edit):
            widget.setEnabled(editable)
        self.start_visit_button.setEnabled(editable and can_start)

    def show_error(self, field: str | None, text: str) -> None:
        if field == "nik":
            self.nik_error.setText(text)

    def show_person(self, person: Person) -> None:
        self.nik_edit.setText(person.nik)
        self.name_edit.setText(person.name)
        birth = person.birth_date
        self.birth_date_edit.setDate(
            QDate(birth.year, birth.month, birth.day) if birth else BIRTH_DATE_UNKNOWN
        )

    def show_ckg(self, text: str, colour: str) -> None:
        self.ckg_label.setText(text)
        self.ckg_label.setStyleSheet(f"color: {colour};")

    def clear(self) -> None:
        self.nik_edit.clear()
        self.name_edit.clear()
        self.nik_error.setText("")
        self.ckg_label.setText("")
        self.birth_date_edit.setDate(BIRTH_DATE_UNKNOWN)
