"""The operator's window: queue, person, devices, readings, findings, result, confirm."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from devices.device import DeviceState
from station.checks import Finding, Severity
from station.checks.engine import Evaluation, advice_for
from station.checks.rulesets import Referral
from station.person import Person, PersonError, validate_nik
from station.service import (
    Acknowledgement,
    CriticalAction,
    DeviceRole,
    DeviceUpdate,
    InterruptedVisit,
    QueueCalled,
    ReadingStored,
    VisitClosed,
    VisitConfirmed,
    VisitOpened,
)
from station.store.repository import StoredReading
from ui.bridge import StationBridge
from ui.formatting import reading_text, results_lines
from ui.naming import named
from ui.texts import Language, tr
from ui.upload_view import UploadIndicator
from ui.waveform import WaveformView

__all__ = ["OperatorWindow"]

REFERRAL_COLOURS = {
    Referral.NONE: "#2e7d32",
    Referral.FOLLOW_UP: "#8d6e00",
    Referral.SAME_DAY: "#e65100",
    Referral.URGENT: "#b71c1c",
}
SEVERITY_COLOURS = {
    Severity.INVALID: "#c62828",
    Severity.CRITICAL: "#7f0000",
    Severity.ABNORMAL: "#e65100",
    Severity.NOTICE: "#1565c0",
    Severity.NORMAL: "#2e7d32",
}
ERROR_STYLE = "color: #c62828;"
IGNORED_PREFIX = "ignored:"
CKG_ELIGIBLE = "#2e7d32"
CKG_NOT_ELIGIBLE = "#e65100"
SEVERITY_ORDER = (
    Severity.INVALID,
    Severity.CRITICAL,
    Severity.ABNORMAL,
    Severity.NOTICE,
    Severity.NORMAL,
)
# The birth-date field starts here and its minimum stands for "unknown".
BIRTH_DATE_UNKNOWN = QDate(1900, 1, 1)


class DevicePanel(QGroupBox):
    """One device: its label, its live state, and the Measure button."""

    def __init__(self, title: str, button_text: str, button_name: str, lang: Language) -> None:
        super().__init__(title)
        self._lang = lang
        self.device_label = QLabel()
        self.state_label = QLabel(tr("state_idle", lang))
        self.state_label.setObjectName(f"{button_name}State")
        self.state_label.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.setObjectName(button_name)
        self.button.setEnabled(False)
        self.measuring = False
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.device_label)
        self.box.addWidget(self.state_label)
        self.box.addWidget(self.button)

    def show_event(self, update: DeviceUpdate) -> None:
        event = update.event
        text = tr(f"state_{event.state.value}", self._lang)
        if event.state is DeviceState.MEASURING and event.cuff_pressure is not None:
            text = f"{text} {event.cuff_pressure:g} mmHg"
        if event.detail:
            text = f"{text}: {event.detail}"
        self.state_label.setText(text)
        self.state_label.setStyleSheet(ERROR_STYLE if event.state is DeviceState.ERROR else "")
        self.measuring = event.state in (
            DeviceState.SEARCHING,
            DeviceState.CONNECTING,
            DeviceState.CONNECTED,
            DeviceState.MEASURING,
        )


class OperatorWindow(QMainWindow):
    def __init__(self, bridge: StationBridge, *, station_id: str, lang: Language = "id") -> None:
        super().__init__()
        self._bridge = bridge
        self._lang: Language = lang
        self._visit_open = False
        self._has_valid = False
        self._evaluation: Evaluation | None = None
        self._stored_findings: list[Finding] = []
        self._ignored: list[str] = []
        self._busy = False
        self._interrupted_id: str | None = None
        self.setWindowTitle(tr("window_title", lang, desk=station_id))
        self.resize(1180, 780)
        self._build()
        self._connect()
        self._describe_devices()
        self._update_buttons()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        lang = self._lang
        central = QWidget()
        self.setCentralWidget(central)
        root = QVBoxLayout(central)

        self.simulator_banner = named(QLabel(tr("simulator_banner", lang)), "simulatorBanner")
        self.simulator_banner.setStyleSheet(
            "background: #ffd400; color: black; font-weight: bold; padding: 6px;"
        )
        self.simulator_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.simulator_banner)

        # A visit left open when the station stopped (issue 11): hidden until one is found.
        self.interrupted_box = named(QGroupBox(), "interruptedVisitBox")
        interrupted_layout = QHBoxLayout(self.interrupted_box)
        self.interrupted_label = named(QLabel(), "interruptedVisitLabel")
        self.interrupted_label.setWordWrap(True)
        self.resume_button = named(QPushButton(tr("resume", lang)), "resumeVisitButton")
        self.cancel_interrupted_button = named(
            QPushButton(tr("cancel_interrupted", lang)), "cancelInterruptedVisitButton"
        )
        interrupted_layout.addWidget(self.interrupted_label, 1)
        interrupted_layout.addWidget(self.resume_button)
        interrupted_layout.addWidget(self.cancel_interrupted_button)
        self.interrupted_box.setStyleSheet("QGroupBox { background: #fff3e0; }")
        self.interrupted_box.hide()
        root.addWidget(self.interrupted_box)

        top = QHBoxLayout()
        root.addLayout(top)

        queue_box = QGroupBox(tr("queue", lang))
        queue_layout = QVBoxLayout(queue_box)
        self.queue_label = named(QLabel("—"), "queueNumberLabel")
        big = QFont()
        big.setPointSize(40)
        big.setBold(True)
        self.queue_label.setFont(big)
        self.queue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.call_next_button = named(QPushButton(tr("call_next", lang)), "callNextButton")
        queue_layout.addWidget(self.queue_label)
        queue_layout.addWidget(self.call_next_button)
        top.addWidget(queue_box)

        person_box = QGroupBox(tr("person", lang))
        form = QFormLayout(person_box)
        self.nik_edit = named(QLineEdit(), "nikEdit")
        self.nik_edit.setMaxLength(24)  # room for spaces people type between digit groups
        self.nik_edit.setPlaceholderText("16 digit")
        self.nik_error = named(QLabel(""), "nikError")
        self.nik_error.setStyleSheet(ERROR_STYLE)
        self.nik_error.setWordWrap(True)
        self.name_edit = named(QLineEdit(), "nameEdit")
        self.birth_date_edit = named(QDateEdit(), "birthDateEdit")
        self.birth_date_edit.setCalendarPopup(True)
        self.birth_date_edit.setDisplayFormat("dd-MM-yyyy")
        self.birth_date_edit.setMinimumDate(BIRTH_DATE_UNKNOWN)
        self.birth_date_edit.setSpecialValueText("—")  # shown at the minimum: unknown
        self.birth_date_edit.setDate(BIRTH_DATE_UNKNOWN)
        self.start_visit_button = named(QPushButton(tr("start_visit", lang)), "startVisitButton")
        form.addRow(tr("nik", lang), self.nik_edit)
        form.addRow("", self.nik_error)
        form.addRow(tr("name", lang), self.name_edit)
        form.addRow(tr("birth_date", lang), self.birth_date_edit)
        form.addRow("", self.start_visit_button)
        # CKG eligibility of the person whose visit is open (station.ckg): information for
        # the health worker, who decides; it never blocks measuring.
        self.ckg_label = named(QLabel(""), "ckgLabel")
        self.ckg_label.setWordWrap(True)
        form.addRow("CKG", self.ckg_label)
        top.addWidget(person_box, stretch=2)

        devices = QVBoxLayout()
        self.bp_panel = DevicePanel(
            tr("blood_pressure", lang), tr("measure_bp", lang), "measureBloodPressureButton", lang
        )
        self.spo2_panel = DevicePanel(
            tr("oximeter", lang), tr("measure_spo2", lang), "measureSpo2Button", lang
        )
        self.waveform = WaveformView()
        self.spo2_panel.box.addWidget(self.waveform)
        self.waveform.hide()  # shown once a device sends a waveform (not every oximeter does)
        devices.addWidget(self.bp_panel)
        devices.addWidget(self.spo2_panel)
        top.addLayout(devices, stretch=2)

        middle = QGridLayout()
        root.addLayout(middle, stretch=1)
        middle.addWidget(QLabel(f"<b>{tr('readings', lang)}</b>"), 0, 0)
        self.readings_table = named(QTableWidget(0, 4), "readingsTable")
        self.readings_table.setHorizontalHeaderLabels(
            [
                tr("col_time", lang),
                tr("col_what", lang),
                tr("col_value", lang),
                tr("col_device", lang),
            ]
        )
        header = self.readings_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.readings_table.setWordWrap(False)
        self.readings_table.verticalHeader().setVisible(False)
        self.readings_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        middle.addWidget(self.readings_table, 1, 0)
        middle.addWidget(QLabel(f"<b>{tr('findings', lang)}</b>"), 0, 1)
        self.findings_list = named(QListWidget(), "findingsList")
        self.findings_list.setWordWrap(True)
        middle.addWidget(self.findings_list, 1, 1)
        middle.setColumnStretch(0, 3)
        middle.setColumnStretch(1, 2)

        bottom = QHBoxLayout()
        root.addLayout(bottom)
        result_box = QGroupBox(tr("result", lang))
        result_layout = QVBoxLayout(result_box)
        self.result_label = named(QLabel(tr("no_result", lang)), "resultLabel")
        self.result_label.setStyleSheet("font-size: 18px;")
        self.result_label.setMinimumHeight(96)
        result_layout.addWidget(self.result_label)
        self.referral_label = named(QLabel(""), "referralLabel")
        self.referral_label.setWordWrap(True)
        result_layout.addWidget(self.referral_label)
        self.next_step_label = named(QLabel(""), "nextStepLabel")
        self.next_step_label.setWordWrap(True)
        result_layout.addWidget(self.next_step_label)
        self.critical_box = named(QGroupBox(tr("critical_title", lang)), "criticalBox")
        self.critical_box.setStyleSheet("QGroupBox { color: #b71c1c; font-weight: bold; }")
        critical_layout = QHBoxLayout(self.critical_box)
        self.critical_action = named(QComboBox(), "criticalActionCombo")
        # Plain text items, mapped by index: PySide6 mishandles the reference count of a
        # None item data read back through currentData() (the app crashed after many reads).
        self.critical_action.addItem(tr("critical_choose", lang))
        for action in CriticalAction:
            self.critical_action.addItem(tr(f"critical_{action.value}", lang))
        self.critical_note = named(QLineEdit(), "criticalNoteEdit")
        self.critical_note.setPlaceholderText(tr("critical_note", lang))
        critical_layout.addWidget(self.critical_action)
        critical_layout.addWidget(self.critical_note, stretch=1)
        self.critical_box.hide()
        result_layout.addWidget(self.critical_box)
        bottom.addWidget(result_box, stretch=3)
        buttons = QVBoxLayout()
        self.confirm_button = named(QPushButton(tr("confirm", lang)), "confirmButton")
        self.confirm_button.setStyleSheet("font-size: 18px; padding: 8px;")
        self.cancel_button = named(QPushButton(tr("cancel", lang)), "cancelButton")
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        bottom.addLayout(buttons, stretch=1)

        self.status_line = named(QLabel(""), "statusLine")
        self.status_line.setWordWrap(True)
        root.addWidget(self.status_line)
        self.upload_indicator = UploadIndicator(lang, self._bridge.retry_upload)
        root.addWidget(self.upload_indicator)
        both = f"{tr('disclaimer', 'id')} / {tr('disclaimer', 'en')}"
        disclaimer = named(QLabel(both), "disclaimer")
        disclaimer.setStyleSheet("color: #555;")
        root.addWidget(disclaimer)

    def _connect(self) -> None:
        bridge = self._bridge
        self.call_next_button.clicked.connect(self._call_next)
        self.start_visit_button.clicked.connect(self._start_visit)
        self.nik_edit.textEdited.connect(self._check_nik_while_typing)
        self.bp_panel.button.clicked.connect(lambda: self._measure(DeviceRole.BLOOD_PRESSURE))
        self.spo2_panel.button.clicked.connect(lambda: self._measure(DeviceRole.OXIMETER))
        self.confirm_button.clicked.connect(self._confirm)
        self.critical_action.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.cancel_button.clicked.connect(self._cancel)
        bridge.queueCalled.connect(self._on_queue_called)
        bridge.visitOpened.connect(self._on_visit_opened)
        bridge.deviceUpdated.connect(self._on_device_updated)
        bridge.readingStored.connect(self._on_reading_stored)
        bridge.visitConfirmed.connect(self._on_visit_confirmed)
        bridge.visitClosed.connect(self._on_visit_closed)
        bridge.actionFailed.connect(self._on_action_failed)
        bridge.uploadStatus.connect(self.upload_indicator.show_status)
        bridge.busyChanged.connect(self._on_busy_changed)
        bridge.visitInterrupted.connect(self._on_visit_interrupted)
        self.resume_button.clicked.connect(self._resume_interrupted)
        self.cancel_interrupted_button.clicked.connect(self._cancel_interrupted)

    def _describe_devices(self) -> None:
        devices = self._bridge.station.devices
        simulated = False
        for role, panel in (
            (DeviceRole.BLOOD_PRESSURE, self.bp_panel),
            (DeviceRole.OXIMETER, self.spo2_panel),
        ):
            device = devices.get(role)
            panel.device_label.setText(device.label if device else "—")
            simulated = simulated or bool(device and device.simulated)
        self.simulator_banner.setVisible(simulated)

    # -- state -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        open_ = self._visit_open
        for widget in (self.nik_edit, self.name_edit, self.birth_date_edit):
            widget.setEnabled(not open_)
        waiting = self._interrupted_id is not None  # resume or cancel the interrupted one first
        self.start_visit_button.setEnabled(not open_ and not self._busy and not waiting)
        self.call_next_button.setEnabled(not open_ and not self._busy and not waiting)
        for panel in (self.bp_panel, self.spo2_panel):
            panel.button.setEnabled(open_ and not panel.measuring)
        any_measuring = self.bp_panel.measuring or self.spo2_panel.measuring
        acknowledged = self.critical_box.isHidden() or self.chosen_critical_action() is not None
        self.confirm_button.setEnabled(
            open_ and self._has_valid and not any_measuring and acknowledged
        )
        self.cancel_button.setEnabled(open_)

    def _say(self, text: str, error: bool = False) -> None:
        self.status_line.setText(text)
        self.status_line.setStyleSheet(ERROR_STYLE if error else "")

    # -- actions -----------------------------------------------------------------------

    @Slot()
    def _call_next(self) -> None:
        self._bridge.call_next()

    @Slot(str)
    def _check_nik_while_typing(self, text: str) -> None:
        digits = "".join(ch for ch in text if not ch.isspace())
        if len(digits) < 16 and digits.isdigit():
            self.nik_error.setText("")  # still typing
            return
        try:
            validate_nik(text)
        except PersonError as error:
            self.nik_error.setText(error.message_id if self._lang == "id" else error.message_en)
        else:
            self.nik_error.setText("")

    @Slot()
    def _start_visit(self) -> None:
        self.nik_error.setText("")
        birth = self.birth_date_edit.date()
        birth_date = (
            None if birth == BIRTH_DATE_UNKNOWN else date(birth.year(), birth.month(), birth.day())
        )
        self._bridge.start_visit(self.nik_edit.text(), self.name_edit.text(), birth_date)

    def _measure(self, role: DeviceRole) -> None:
        panel = self.bp_panel if role is DeviceRole.BLOOD_PRESSURE else self.spo2_panel
        panel.measuring = True
        self._update_buttons()
        self._bridge.measure(role)

    @Slot()
    def chosen_critical_action(self) -> CriticalAction | None:
        index = self.critical_action.currentIndex()
        return list(CriticalAction)[index - 1] if index > 0 else None

    def _confirm(self) -> None:
        action = self.chosen_critical_action()
        if self.critical_box.isHidden() or action is None:
            self._bridge.confirm()
        else:
            self._bridge.confirm(Acknowledgement(action, self.critical_note.text()))

    @Slot()
    def _cancel(self) -> None:
        self._bridge.cancel()

    # -- station events ----------------------------------------------------------------

    @Slot(object)
    def _on_queue_called(self, event: QueueCalled) -> None:
        self.queue_label.setText(str(event.queue_number))
        self._say("")

    @Slot(object)
    def _on_visit_opened(self, event: VisitOpened) -> None:
        self._clear_person()
        self._visit_open = True
        self._show_person(event.visit.person)
        self._say(tr("visit_open", self._lang, name=event.visit.person.name))
        ckg = event.ckg
        self.ckg_label.setText(ckg.reason_id if self._lang == "id" else ckg.reason_en)
        self.ckg_label.setStyleSheet(
            f"color: {CKG_ELIGIBLE if ckg.eligible else CKG_NOT_ELIGIBLE};"
        )
        self._update_buttons()

    def _show_person(self, person: Person) -> None:
        """The open visit's person in the (locked) identify fields, as stored: also for a
        visit resumed after a crash, whose fields would otherwise be empty while its readings
        are on screen."""
        self.nik_edit.setText(person.nik)
        self.name_edit.setText(person.name)
        birth = person.birth_date
        self.birth_date_edit.setDate(
            QDate(birth.year, birth.month, birth.day) if birth else BIRTH_DATE_UNKNOWN
        )

    @Slot(object)
    def _on_device_updated(self, update: DeviceUpdate) -> None:
        panel = self.bp_panel if update.role is DeviceRole.BLOOD_PRESSURE else self.spo2_panel
        if update.event.waveform is not None:
            self.waveform.append(update.event.waveform)
        if update.event.detail.startswith(IGNORED_PREFIX):
            # A stored or replayed reading the device sent: listed, never used.
            reason = update.event.detail.removeprefix(IGNORED_PREFIX).strip()
            self._ignored.append(f"[{tr('ignored', self._lang)}] {reason}")
            self._render_findings()
        panel.show_event(update)
        if update.event.state is DeviceState.ERROR:
            panel.measuring = False
        self._update_buttons()

    @Slot(object)
    def _on_reading_stored(self, event: ReadingStored) -> None:
        self._add_reading_row(event.reading)
        self._stored_findings.extend(event.reading.findings)
        lines = results_lines(event.results, self._lang)
        self.result_label.setText("\n".join(lines) or tr("no_result", self._lang))
        self._evaluation = event.results.evaluation
        self._render_findings()
        self._show_evaluation(event.results.evaluation)
        self._has_valid = self._has_valid or event.reading.valid
        panel = self.bp_panel if event.role is DeviceRole.BLOOD_PRESSURE else self.spo2_panel
        panel.measuring = False
        self._update_buttons()

    def _render_findings(self) -> None:
        """What the checks found for the visit so far, most urgent first, then the readings a
        device sent that were not used. The visit's evaluation holds every reading's findings
        plus the cross-reading ones (grades, pulse disagreement, protocol); with them go
        each stored reading's own findings (a blocked reading is not part of the evaluation)."""
        evaluated = self._evaluation.findings if self._evaluation else ()
        found = (*self._stored_findings, *evaluated)
        shown: dict[tuple[str, str], Finding] = {}
        for finding in found:
            if finding.severity is not Severity.NORMAL:
                shown.setdefault((finding.code, finding.message_en), finding)
        self.findings_list.clear()
        for finding in sorted(shown.values(), key=lambda f: SEVERITY_ORDER.index(f.severity)):
            text = finding.message_id if self._lang == "id" else finding.message_en
            item = QListWidgetItem(
                f"[{tr(f'severity_{finding.severity.value}', self._lang)}] {text}"
            )
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
            self.findings_list.addItem(item)
        for line in self._ignored:
            item = QListWidgetItem(line)
            item.setForeground(QBrush(QColor("#757575")))
            self.findings_list.addItem(item)

    def _show_evaluation(self, evaluation: Evaluation | None) -> None:
        """Referral with its advice, the protocol's next step, and the critical box."""
        if evaluation is None:
            return
        lang = self._lang
        index = 0 if lang == "id" else 1
        if evaluation.referral_reasons:
            # The values that count with their grade under the visit's rule set.
            graded = [
                c.message_id if lang == "id" else c.message_en for c in evaluation.referral_reasons
            ]
            self.result_label.setText("\n".join(graded))
        worker_advice = advice_for(evaluation.referral)[0][index]
        level = tr(f"referral_{evaluation.referral.value}", lang)
        self.referral_label.setText(f"<b>{tr('referral', lang)}: {level}</b> — {worker_advice}")
        self.referral_label.setStyleSheet(f"color: {REFERRAL_COLOURS[evaluation.referral]};")
        step = evaluation.next_step
        text = step.message_id if lang == "id" else step.message_en
        self.next_step_label.setText(f"{tr('next_step', lang)}: {text}")
        self.critical_box.setVisible(evaluation.needs_acknowledgement)
        self._update_buttons()

    def _add_reading_row(self, reading: StoredReading) -> None:
        what, value = reading_text(reading.measurement, self._lang)
        device = reading.source.device_label
        if reading.source.simulated and "SIMULATOR" not in device:
            device = f"SIMULATOR {device}"
        if not reading.valid:
            value = f"{tr('blocked', self._lang)}: {value}"
        row = self.readings_table.rowCount()
        self.readings_table.insertRow(row)
        when = reading.received_at.astimezone().strftime("%H:%M:%S")
        for column, text in enumerate((when, what, value, device)):
            item = QTableWidgetItem(text)
            if not reading.valid:
                font = item.font()
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor("#888888")))
            self.readings_table.setItem(row, column, item)

    @Slot(object)
    def _on_visit_confirmed(self, _event: VisitConfirmed) -> None:
        self._close_visit(tr("confirmed", self._lang))
        self._bridge.wake_upload()

    @Slot(object)
    def _on_visit_closed(self, _event: VisitClosed) -> None:
        self._close_visit(tr("cancelled", self._lang))

    def _close_visit(self, message: str) -> None:
        self._clear_person()
        self._visit_open = False
        self.queue_label.setText("—")
        self._say(message)
        self._update_buttons()

    def _clear_person(self) -> None:
        """Every trace of a person off the window (identity, readings, findings, result,
        referral, advice, waveform, critical box), so that nothing of the previous person is
        on screen while the next one is identified (issue 11: a clean slate)."""
        self._has_valid = False
        self._evaluation = None
        self._stored_findings.clear()
        self._ignored.clear()
        self.readings_table.setRowCount(0)
        self.findings_list.clear()
        self.result_label.setText(tr("no_result", self._lang))
        self.referral_label.setText("")
        self.next_step_label.setText("")
        self.ckg_label.setText("")
        self.waveform.clear()
        self.critical_box.hide()
        self.critical_action.setCurrentIndex(0)
        self.critical_note.clear()
        self.nik_edit.clear()
        self.name_edit.clear()
        self.nik_error.setText("")
        self.birth_date_edit.setDate(BIRTH_DATE_UNKNOWN)

    @Slot(str, str)
    def _on_action_failed(self, message_id: str, message_en: str) -> None:
        text = message_id if self._lang == "id" else message_en
        if not self._visit_open and "NIK" in text:
            self.nik_error.setText(text)
        self._say(text, error=True)
        self._update_buttons()

    @Slot(object)
    def _on_visit_interrupted(self, event: InterruptedVisit) -> None:
        """A visit left open by a crash: offer to resume or cancel it (issue 11)."""
        visit = event.visit
        self._interrupted_id = visit.id
        self.interrupted_label.setText(
            tr(
                "interrupted",
                self._lang,
                queue=visit.queue_number,
                name=visit.person.name,
                readings=len(visit.readings),
            )
        )
        self.interrupted_box.show()
        self._update_buttons()

    @Slot()
    def _resume_interrupted(self) -> None:
        if self._interrupted_id is not None:
            self._bridge.resume(self._interrupted_id)
        self._interrupted_id = None
        self.interrupted_box.hide()
        self._update_buttons()

    @Slot()
    def _cancel_interrupted(self) -> None:
        if self._interrupted_id is not None:
            self._bridge.cancel_interrupted(self._interrupted_id)
        self._interrupted_id = None
        self.interrupted_box.hide()
        self._update_buttons()

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self._busy = busy
        if not busy:
            # Every action has finished: no device can still be measuring for us.
            self.bp_panel.measuring = False
            self.spo2_panel.measuring = False
        self._update_buttons()
