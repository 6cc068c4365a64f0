"""The operator's window: a thin composition of the desk's parts (ui/desk/), wired to the
station through the bridge.

The window keeps no copy of the workflow: every ``DeskChanged`` event carries the station's
state and the actions it allows, and each part enables its buttons from those alone. Errors
arrive as ``StationError`` codes with the field they concern and are shown beside that field
or in the notice line, in the desk's language.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from devices.measurements import MeasurementKind
from station.ckg import Eligibility
from station.desk_state import Action, DeskState
from station.errors import ErrorCode, StationError
from station.roles import Permission, permits, role_name
from station.service import (
    DayLoaded,
    DeskChanged,
    DeviceRole,
    DeviceUpdate,
    OperatorChanged,
    PersonLookedUp,
    QueueCalled,
    QueueSkipped,
    ReadingDiscarded,
    ReadingStored,
    VisitClosed,
    VisitConfirmed,
    VisitCorrected,
    VisitOpened,
)
from station.store.operators import Operator
from ui.bridge import StationBridge
from ui.desk.day_tab import DayTab
from ui.desk.followups import FollowupsView
from ui.desk.identify import IdentifyPanel
from ui.desk.idle_lock import IdleLock
from ui.desk.language_menu import LanguageMenu
from ui.desk.manual_entry import ManualEntryDialog
from ui.desk.measure import MeasurePanel
from ui.desk.notice import NoticeLine
from ui.desk.operators import OperatorsTab
from ui.desk.queue import QueuePanel
from ui.desk.retranslate import Phrase, fixed, phrase
from ui.desk.review import ReviewPanel
from ui.desk.shortcuts import with_shortcut
from ui.desk.sign_in import SignInPage, fit_size
from ui.desk.status_bar import DeskStatusBar
from ui.finding_texts import ckg_reason, error_text
from ui.naming import named
from ui.texts import Language, tr
from ui.translations import as_language
from ui.upload_view import UploadIndicator

__all__ = ["OperatorWindow"]

CKG_ELIGIBLE = "#2e7d32"
CKG_NOT_ELIGIBLE = "#e65100"


class OperatorWindow(QMainWindow):
    # F12: show or hide the patient screen when it shares this monitor (kiosk mode).
    patientScreenToggled = Signal()
    # F9: the person's language for this visit (issue 13); the patient screen decides.
    patientLanguageToggled = Signal()
    # The operator chose the desk's language from the menu (issue 13): "id" or "en".
    operatorLanguageChanged = Signal(str)

    def __init__(
        self,
        bridge: StationBridge,
        *,
        station_id: str,
        lang: Language = "id",
        database: str = "",
        checks_registry: bool = False,
        lock_after_minutes: int = 5,
        idle_clock: Callable[[], float] = time.monotonic,
        sign_in_page: SignInPage | None = None,
    ) -> None:
        """``checks_registry``: SATUSEHAT is configured, so a typed NIK is looked up there.
        The window opens locked, on the sign-in page (issue 12); ``lock_after_minutes``
        without a key or click locks it again, timed on ``idle_clock`` (monotonic seconds).
        ``sign_in_page``: the page the operator may already be typing on (ui.desk_start),
        taken over as it is; else a new one."""
        super().__init__()
        self._station_id = station_id
        self._announced = False
        self.idle_lock = IdleLock(lock_after_minutes, self, idle_clock)
        self._bridge = bridge
        self._lang: Language = lang
        self._patient_lang: Language = lang
        self._operator: Operator | None = None  # who is signed in (for the status bar line)
        self._ckg: Eligibility | None = None  # the open visit's, for its line
        self._state = DeskState()
        self._allowed: frozenset[Action] = frozenset({Action.CALL_NEXT})
        self.manual_dialog: ManualEntryDialog | None = None
        self._checks_registry = checks_registry
        self._build(database, sign_in_page)
        self._build_menu()
        self._show_texts()
        self._connect()
        self._describe_devices()
        self._show_allowed()
        self._fit_screen()
        self._lock(OperatorChanged(None, reason="start"))

    def show_patient_language(self, patient_lang: Language) -> None:
        """The button says the language the patient screen speaks now."""
        self._patient_lang = patient_lang
        name = tr(f"language_name_{patient_lang}", self._lang)
        with_shortcut(
            self.patient_language_button, tr("patient_language", self._lang, language=name), "F9"
        )

    @property
    def language(self) -> Language:
        """The desk's language now (the operator's)."""
        return self._lang

    def set_language(self, lang: Language) -> None:
        """Every text of the window in ``lang`` at once, nothing else changed: what is typed,
        chosen and shown stays (issue 13; the menu's Bahasa / Language)."""
        if lang == self._lang:
            return
        self._lang = lang
        for part in (
            self.sign_in_page,
            self.queue_panel,
            self.identify_panel,
            self.measure_panel,
            self.review_panel,
            self.day_tab,
            self.followups_view,
            self.operators_tab,
            self.notice,
            self.status_bar,
            self.upload_indicator,
        ):
            part.set_language(lang)
        self._show_texts()
        self.operatorLanguageChanged.emit(lang)

    def _show_texts(self) -> None:
        """The window's own texts, in the desk's language (the parts say theirs)."""
        lang = self._lang
        self.setWindowTitle(tr("window_title", lang, desk=self._station_id))
        for page, key in self._tab_keys:
            self.tabs.setTabText(self.tabs.indexOf(page), tr(key, lang))
        self.simulator_banner.setText(tr("simulator_banner", lang))
        with_shortcut(self.patient_screen_button, tr("patient_screen_toggle", lang), "F12")
        self.show_patient_language(self._patient_lang)
        with_shortcut(self.lock_button, tr("lock_desk", lang), "Ctrl+L")
        self._show_operator()
        self._show_ckg()
        self.language_menu.show_language(lang)

    def _build_menu(self) -> None:
        """Bahasa / Language, at the top right of the desk's tabs and of the sign-in page."""
        self.language_menu = LanguageMenu(self._lang, self)
        self.language_menu.chosen.connect(self._language_chosen)
        self.language_button = self.language_menu.button("languageButton")
        self.tabs.setCornerWidget(self.language_button, Qt.Corner.TopRightCorner)
        self.sign_in_page.add_corner(self.language_menu.button("signInLanguageButton"))

    @Slot(str)
    def _language_chosen(self, lang: str) -> None:
        chosen = as_language(lang)
        if chosen is not None:
            self.set_language(chosen)

    # -- layout --------------------------------------------------------------------------

    def _build(self, database: str, sign_in_page: SignInPage | None) -> None:
        lang = self._lang
        self.pages = named(QStackedWidget(), "deskPages")
        self.setCentralWidget(self.pages)
        self.sign_in_page = sign_in_page or SignInPage(lang, station_id=self._station_id)
        self.pages.addWidget(self.sign_in_page)
        self.tabs = named(QTabWidget(), "deskTabs")
        self.pages.addWidget(self.tabs)
        desk = QWidget()
        self.tabs.addTab(desk, "")
        root = QVBoxLayout(desk)
        root.setContentsMargins(6, 6, 6, 6)
        root.setSpacing(4)

        self.simulator_banner = named(QLabel(), "simulatorBanner")
        self.simulator_banner.setStyleSheet(
            "background: #ffd400; color: black; font-weight: bold; padding: 3px;"
        )
        self.simulator_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.simulator_banner)

        top = QHBoxLayout()
        root.addLayout(top)
        queue_column = QVBoxLayout()
        self.queue_panel = QueuePanel(lang)
        queue_column.addWidget(self.queue_panel)
        # CKG eligibility of the person whose visit is open (station.ckg): information for
        # the health worker, who decides; it never blocks measuring.
        self.ckg_label = named(QLabel(""), "ckgLabel")
        self.ckg_label.setWordWrap(True)
        self.ckg_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        queue_column.addWidget(self.ckg_label, stretch=1)
        queue_holder = QWidget()
        queue_holder.setLayout(queue_column)
        queue_column.setContentsMargins(0, 0, 0, 0)
        queue_holder.setFixedWidth(230)
        top.addWidget(queue_holder)
        self.identify_panel = IdentifyPanel(
            lang,
            today=lambda: self._bridge.station.now().date(),
            checks_registry=self._checks_registry,
        )
        top.addWidget(self.identify_panel, stretch=2)
        self.measure_panel = MeasurePanel(lang, self._bridge.station.now)
        top.addWidget(self.measure_panel, stretch=3)

        self.review_panel = ReviewPanel(lang)
        root.addWidget(self.review_panel, stretch=1)
        self.day_tab = DayTab(lang)
        self.day_view = self.day_tab.day_view
        self.correct_button = self.day_tab.correct_button
        self.followups_view = FollowupsView(lang)
        self.operators_tab = OperatorsTab(lang)  # the admin's only (issue 12)
        self._tab_keys: tuple[tuple[QWidget, str], ...] = (
            (desk, "tab_desk"),
            (self.day_tab, "tab_day"),
            (self.followups_view, "tab_followups"),
            (self.operators_tab, "tab_operators"),
        )
        for page, _key in self._tab_keys[1:]:
            self.tabs.addTab(page, "")

        self.notice = NoticeLine(lang)
        root.addWidget(self.notice)
        self.status_line = self.notice.status_line
        self.interrupted_box = self.notice.interrupted_box
        self.interrupted_label = self.notice.interrupted_label
        self.resume_button = self.notice.resume_button
        self.cancel_interrupted_button = self.notice.cancel_interrupted_button

        self.status_bar = DeskStatusBar(lang, database)
        self.upload_indicator = UploadIndicator(lang, self._bridge.retry_upload)
        self.status_bar.addPermanentWidget(self.upload_indicator)
        self.patient_screen_button = named(QPushButton(), "patientScreenButton")
        self.patient_screen_button.setFlat(True)
        self.patient_screen_button.clicked.connect(self.patientScreenToggled)
        self.status_bar.addPermanentWidget(self.patient_screen_button)
        self.patient_language_button = named(QPushButton(), "patientLanguageButton")
        self.patient_language_button.setFlat(True)
        self.patient_language_button.clicked.connect(self.patientLanguageToggled)
        self.status_bar.addPermanentWidget(self.patient_language_button)
        self.operator_label = named(QLabel(""), "operatorLabel")
        self.status_bar.addPermanentWidget(self.operator_label)
        self.lock_button = named(QPushButton(), "lockButton")
        self.lock_button.setFlat(True)
        self.status_bar.addPermanentWidget(self.lock_button)
        self.setStatusBar(self.status_bar)

        # The parts' widgets under the names tests and screenshots have always used.
        queue, person, measure, review = (
            self.queue_panel,
            self.identify_panel,
            self.measure_panel,
            self.review_panel,
        )
        self.queue_label = queue.number_label
        self.call_next_button = queue.call_next_button
        self.recall_button = queue.recall_button
        self.skip_button = queue.skip_button
        self.nik_edit = person.nik_edit
        self.nik_error = person.nik_error
        self.name_edit = person.name_edit
        self.birth_date_edit = person.birth_date_edit
        self.start_visit_button = person.start_visit_button
        self.bp_panel = measure.bp_panel
        self.spo2_panel = measure.spo2_panel
        self.waveform = measure.waveform
        self.readings_table = review.readings_table
        self.findings_list = review.findings_list
        self.result_label = review.result_label
        self.referral_label = review.referral_label
        self.next_step_label = review.next_step_label
        self.critical_box = review.critical_box
        self.critical_action = review.critical_action
        self.critical_note = review.critical_note
        self.early_reason_edit = review.early_reason
        self.confirm_button = review.confirm_button
        self.cancel_button = review.cancel_button
        self.discard_button = review.discard_button

    def _fit_screen(self) -> None:
        self.resize(*fit_size())

    def _connect(self) -> None:
        bridge = self._bridge
        self.queue_panel.callNext.connect(bridge.call_next)
        self.queue_panel.recall.connect(bridge.recall)
        self.queue_panel.skip.connect(bridge.skip)
        self.identify_panel.identified.connect(bridge.start_visit)
        self.identify_panel.nikEntered.connect(bridge.look_up_person)
        bridge.personLookedUp.connect(self._on_person_looked_up)
        self.measure_panel.measure.connect(bridge.measure)
        self.measure_panel.enterManually.connect(self._enter_manually)
        self.review_panel.confirm.connect(bridge.confirm)
        self.review_panel.cancel.connect(bridge.cancel)
        self.review_panel.discard.connect(bridge.discard)
        bridge.deskChanged.connect(self._on_desk_changed)
        bridge.dayLoaded.connect(self._on_day_loaded)
        self.day_view.refreshRequested.connect(bridge.load_day)
        self.followups_view.refreshRequested.connect(bridge.load_day)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.day_tab.correctionRequested.connect(bridge.open_correction)
        self.day_tab.correctionChosen.connect(bridge.correct)
        bridge.correctionOpened.connect(self.day_tab.open_correction)
        bridge.visitCorrected.connect(self._on_visit_corrected)
        bridge.queueCalled.connect(self._on_queue_called)
        bridge.queueSkipped.connect(self._on_queue_skipped)
        bridge.visitOpened.connect(self._on_visit_opened)
        bridge.deviceUpdated.connect(self._on_device_updated)
        bridge.readingStored.connect(self._on_reading_stored)
        bridge.readingDiscarded.connect(self._on_reading_discarded)
        bridge.visitConfirmed.connect(self._on_visit_confirmed)
        bridge.visitClosed.connect(self._on_visit_closed)
        bridge.actionFailed.connect(self._on_action_failed)
        bridge.uploadStatus.connect(self.upload_indicator.show_status)
        bridge.visitInterrupted.connect(self.notice.offer)
        self.notice.resume.connect(bridge.resume)
        self.notice.cancelInterrupted.connect(bridge.cancel_interrupted)
        self.sign_in_page.signIn.connect(bridge.sign_in)
        self.sign_in_page.setUp.connect(bridge.set_up_first_admin)
        bridge.signInFailed.connect(self.sign_in_page.show_error)
        bridge.operatorChanged.connect(self._on_operator_changed)
        operators = self.operators_tab
        operators.refreshRequested.connect(bridge.list_operators)
        operators.addRequested.connect(bridge.add_operator)
        operators.disableRequested.connect(bridge.disable_operator)
        operators.nikChangeRequested.connect(bridge.set_operator_nik)
        operators.pinResetRequested.connect(bridge.set_operator_pin)
        bridge.operatorsListed.connect(operators.show_list)
        bridge.operatorsFailed.connect(operators.show_error)
        self.idle_lock.idle.connect(lambda: bridge.lock("idle"))
        self.lock_button.clicked.connect(lambda: bridge.lock("operator"))

    def _describe_devices(self) -> None:
        devices = self._bridge.station.devices
        labels = {
            role: (device.label if (device := devices.get(role)) else None) for role in DeviceRole
        }
        self.measure_panel.describe(labels)
        self.status_bar.describe_devices(labels)
        self.simulator_banner.setVisible(any(d.simulated for d in devices.values()))

    # -- state ---------------------------------------------------------------------------

    def _show_allowed(self) -> None:
        allowed = self._allowed
        self.queue_panel.show_allowed(allowed)
        self.identify_panel.set_enabled(Action.START_VISIT in allowed)
        self.measure_panel.show_state(self._state, allowed)
        self.review_panel.show_allowed(allowed)

    def _say(self, said: Phrase, error: bool = False) -> None:
        self.notice.say(said, error)

    @property
    def allowed_actions(self) -> frozenset[Action]:
        """What the station allows now (from its last ``DeskChanged``)."""
        return self._allowed

    def chosen_critical_action(self) -> object:
        return self.review_panel.chosen_critical_action()

    # -- actions -------------------------------------------------------------------------

    def _enter_manually(self, role: DeviceRole) -> None:
        """A device failed or is absent: the value typed by hand, checked as it is typed
        and again by the station before it is stored. The dialog is window-modal but does
        not block (``open``), so the desk keeps receiving events meanwhile."""
        kind = (
            MeasurementKind.BLOOD_PRESSURE
            if role is DeviceRole.BLOOD_PRESSURE
            else MeasurementKind.SPO2
        )
        dialog = ManualEntryDialog(kind, self._lang, parent=self)
        dialog.setObjectName("manualEntryDialog")
        self.manual_dialog = dialog  # reachable while open (tests, screenshots)

        def finished(result: int) -> None:
            measurement = dialog.measurement()
            if result == QDialog.DialogCode.Accepted and measurement is not None:
                self._bridge.enter_manually(measurement)
            self.manual_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    # -- station events ------------------------------------------------------------------

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        self._load_day_if_shown()
        self._load_operators_if_shown()

    def _load_operators_if_shown(self) -> None:
        if not self.locked and self.tabs.currentWidget() is self.operators_tab:
            self.operators_tab.request_list()

    def _load_day_if_shown(self) -> None:
        """The day's views are read when one of them is in sight (on opening its tab, on
        Refresh, after a change while it is open), not after every visit at the desk."""
        if self.tabs.currentWidget() in (self.day_tab, self.followups_view):
            self._bridge.load_day()

    @Slot(object)
    def _on_day_loaded(self, event: DayLoaded) -> None:
        self.day_tab.show_day(event)
        self.followups_view.show_data(event.followups, event.today)

    @Slot(object)
    def _on_visit_corrected(self, event: VisitCorrected) -> None:
        self._say(phrase("corrected", queue=event.visit.queue_number))
        self._load_day_if_shown()
        self._bridge.wake_upload()

    @Slot(object)
    def _on_person_looked_up(self, event: PersonLookedUp) -> None:
        if event.registry is not None:
            self.identify_panel.show_registry(event.registry)
        else:
            self.identify_panel.offer_previous(event.previous)

    @Slot(object)
    def _on_desk_changed(self, event: DeskChanged) -> None:
        self._state = event.state
        self._allowed = event.allowed
        self._show_allowed()

    @Slot(object)
    def _on_queue_called(self, event: QueueCalled) -> None:
        self.queue_panel.show_number(event.queue_number)
        self._say(phrase("recalled", n=event.queue_number) if event.recall else fixed(""))

    @Slot(object)
    def _on_queue_skipped(self, event: QueueSkipped) -> None:
        self.queue_panel.show_number(None)
        self._say(phrase("skipped", n=event.queue_number))

    @Slot(object)
    def _on_visit_opened(self, event: VisitOpened) -> None:
        self._clear_person()
        # The open visit's person in the (locked) identify fields, as stored: also for a
        # visit resumed after a crash, whose fields would otherwise be empty.
        self.identify_panel.show_person(event.visit.person)
        self._say(phrase("visit_open", name=event.visit.person.name))
        self._ckg = event.ckg
        self._show_ckg()

    def _show_ckg(self) -> None:
        ckg = self._ckg
        if ckg is None:
            self.ckg_label.setText("")
            return
        self.ckg_label.setText(ckg_reason(ckg, self._lang))
        self.ckg_label.setStyleSheet(
            f"color: {CKG_ELIGIBLE if ckg.eligible else CKG_NOT_ELIGIBLE};"
        )

    @Slot(object)
    def _on_device_updated(self, update: DeviceUpdate) -> None:
        if update.event.ignored:
            self.review_panel.add_ignored(update.event.ignored)
        self.measure_panel.show_device(update)
        self.status_bar.show_device(update)

    @Slot(object)
    def _on_reading_stored(self, event: ReadingStored) -> None:
        self.review_panel.add_reading(event.reading)
        self.review_panel.show_results(event.results)

    @Slot(object)
    def _on_reading_discarded(self, event: ReadingDiscarded) -> None:
        self.review_panel.mark_discarded(event.reading_id, event.reason)
        self.review_panel.show_results(event.results)

    @Slot(object)
    def _on_visit_confirmed(self, _event: VisitConfirmed) -> None:
        self._close_visit(phrase("confirmed"))
        self._bridge.wake_upload()

    @Slot(object)
    def _on_visit_closed(self, _event: VisitClosed) -> None:
        self._close_visit(phrase("cancelled"))

    def _close_visit(self, message: Phrase) -> None:
        self._clear_person()
        self.queue_panel.show_number(None)
        self._say(message)
        self._load_day_if_shown()

    def _clear_person(self) -> None:
        """Every trace of a person off the window (identity, readings, findings, result,
        referral, advice, waveform, critical box), so that nothing of the previous person is
        on screen while the next one is identified (issue 11: a clean slate)."""
        self.review_panel.clear()
        self.measure_panel.clear()
        self.status_bar.reset()
        self.identify_panel.clear()
        self._ckg = None
        self.ckg_label.setText("")
        self._show_allowed()

    # -- operators (issue 12) ------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Whether the sign-in page hides the desk (no operator signed in)."""
        return self.pages.currentWidget() is self.sign_in_page

    @property
    def announced(self) -> bool:
        """Whether the station has said who is signed in (or that setup is needed) yet."""
        return self._announced

    @Slot(object)
    def _on_operator_changed(self, event: OperatorChanged) -> None:
        self._announced = True
        operator = event.operator
        if operator is None:
            self._lock(event)
            return
        role = operator.role
        self._operator = operator
        self._show_operator()
        # What the role does not permit is out of sight, and refused by the station too.
        self.tabs.setTabVisible(
            self.tabs.indexOf(self.followups_view), permits(role, Permission.FOLLOWUPS)
        )
        self.tabs.setTabVisible(
            self.tabs.indexOf(self.operators_tab), permits(role, Permission.OPERATORS)
        )
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)  # the desk: never a page the role may not see
        self.correct_button.setVisible(permits(role, Permission.CORRECTIONS))
        self.upload_indicator.allow_retry(permits(role, Permission.DEAD_LETTERS))
        self.pages.setCurrentWidget(self.tabs)
        self.status_bar.show()
        self.idle_lock.start()
        self.activateWindow()
        self._focus_desk()
        self._load_operators_if_shown()

    def _show_operator(self) -> None:
        operator = self._operator
        if operator is None:
            self.operator_label.setText("")
            return
        role = role_name(operator.role, self._lang)
        self.operator_label.setText(tr("operator_line", self._lang, name=operator.name, role=role))

    def _focus_desk(self) -> None:
        if self.call_next_button.isEnabled():
            self.call_next_button.setFocus()
        elif self.identify_panel.nik_edit.isEnabled():
            self.identify_panel.nik_edit.setFocus()

    def _lock(self, event: OperatorChanged) -> None:
        """Personal data off this window at once: the sign-in page over everything, every
        dialog closed (a correction or typed value not yet saved is dropped, never stored
        under the next operator), the status bar hidden. The visit stays open."""
        self.idle_lock.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self._operator = None
        self.operator_label.setText("")
        self.operators_tab.clear()  # a PIN being typed there too
        self.status_bar.hide()
        already_signing_in = self.locked and not self.sign_in_page.setup_mode
        self.pages.setCurrentWidget(self.sign_in_page)
        if event.reason == "start" and already_signing_in and not event.setup_needed:
            return  # the start-up answer: keep what the operator may have begun typing
        if event.setup_needed:
            self.sign_in_page.show_setup()
        else:
            self.sign_in_page.show_sign_in(
                event.reason,
                minutes=self.idle_lock.lock_after_minutes,
                queue=self._state.queue_number,
            )

    @Slot(object)
    def _on_action_failed(self, error: StationError) -> None:
        if error.code is ErrorCode.INVALID_PERSON:
            message = (error_text(error, "id"), error_text(error, "en"))
            self.identify_panel.show_error(message, error.field or "nik")
        self._say(lambda lang: error_text(error, lang), error=True)
        self._show_allowed()  # a press the station refused is no longer pending
