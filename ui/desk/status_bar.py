"""The desk's status bar: each device and the database; the window adds the upload
indicator (ui.upload_view: the queue counted in confirmed visits, the last successful upload,
the problems list) and the patient-screen toggle (issue 11). With ``[station] speak`` on, the
"repeat aloud" button (F11) or, when the desk cannot speak, "speech off" (issue 13)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from devices.device import DeviceState
from station.service import DeviceRole, DeviceUpdate
from ui.desk.elided_label import ElidedLabel
from ui.desk.shortcuts import with_shortcut
from ui.naming import named
from ui.patient import speech_texts
from ui.texts import Language, tr

__all__ = ["DeskStatusBar"]

_PROBLEM = "color: #c62828;"


class DeskStatusBar(QStatusBar):
    def __init__(self, lang: Language, database: str) -> None:
        super().__init__()
        self._lang = lang
        self._database = database
        self._labels: dict[DeviceRole, str | None] = {}
        self._speech_problem: str | None = None
        # Elided rather than widening the window; the whole text in the tooltip.
        self.devices_label = named(ElidedLabel(), "statusDevices")
        self.database_label = named(ElidedLabel(), "statusDatabase")
        self.addWidget(self.devices_label, 2)
        self.addWidget(self.database_label, 1)
        self._states: dict[DeviceRole, DeviceState | None] = {}
        # Speaking aloud (issue 13): hidden until offer_speech (speak on). Hidden, its F11
        # does nothing either (a shortcut works only while its button is shown).
        self.repeat_speech_button = named(QPushButton(), "repeatSpeechButton")
        self.repeat_speech_button.setFlat(True)
        self.repeat_speech_button.hide()
        self.speech_notice = named(QLabel(), "speechNotice")
        self.speech_notice.setStyleSheet(_PROBLEM)
        self.speech_notice.hide()
        self.addPermanentWidget(self.repeat_speech_button)
        self.addPermanentWidget(self.speech_notice)
        self._show_texts()

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text again, in it."""
        self._lang = lang
        self._show_texts()

    def _show_texts(self) -> None:
        lang = self._lang
        self.database_label.setText(tr("status_database", lang, where=self._database))
        with_shortcut(self.repeat_speech_button, speech_texts.tr("speech_repeat", lang), "F11")
        self.repeat_speech_button.setToolTip(speech_texts.tr("speech_repeat_tip", lang))
        self.speech_notice.setText(speech_texts.tr("speech_off", lang))
        if self._speech_problem is not None:
            self.speech_notice.setToolTip(speech_texts.tr(self._speech_problem, lang))
        self._render_devices()

    def offer_speech(self, repeat: Callable[[], None], problem: str | None) -> None:
        """Speak is on: the repeat button, pressing ``repeat``; or, when the desk cannot speak
        (``problem``: a key of ui.patient.speech_texts), "speech off" in its place with the
        reason in the tooltip (the desk's notice line says the reason once, ui/app.py)."""
        if problem is not None:
            self._speech_problem = problem
            self.speech_notice.setToolTip(speech_texts.tr(problem, self._lang))
            self.speech_notice.show()
            return
        self.repeat_speech_button.clicked.connect(repeat)
        self.repeat_speech_button.show()

    def describe_devices(self, labels: dict[DeviceRole, str | None]) -> None:
        self._labels = dict(labels)
        self._states = dict.fromkeys(labels)
        self._render_devices()

    def reset(self) -> None:
        """Every device back to ready (a visit closed)."""
        self._states = dict.fromkeys(self._states)
        self._render_devices()

    def show_device(self, update: DeviceUpdate) -> None:
        self._states[update.role] = update.event.state
        self._render_devices()

    def _render_devices(self) -> None:
        parts = []
        for role, given in self._labels.items():
            label = given or tr("no_device", self._lang)
            state = self._states.get(role)
            word = tr(f"state_{state.value}", self._lang) if state else tr("state_idle", self._lang)
            parts.append(f"{label}: {word}")
        self.devices_label.setText(" · ".join(parts))
        failing = any(state is DeviceState.ERROR for state in self._states.values())
        self.devices_label.setStyleSheet(_PROBLEM if failing else "")
