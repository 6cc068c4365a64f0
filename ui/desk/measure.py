"""The measure part of the desk: one panel per device, with its live state in plain words,
the measure button (counting down the blood-pressure protocol's minute), and manual entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station.desk_state import Action, DeskState, seconds_until
from station.service import DeviceRole, DeviceUpdate
from ui.desk.device_status import DeviceStatusView
from ui.desk.shortcuts import with_shortcut
from ui.desk.steady import keep_space_when_hidden
from ui.naming import named
from ui.texts import Language, tr
from ui.waveform import WaveformView

__all__ = ["DevicePanel", "MeasurePanel"]


class DevicePanel(QGroupBox):
    """One device: its label, its live state, Measure (with the protocol countdown) and
    Enter by hand."""

    def __init__(
        self,
        role: DeviceRole,
        lang: Language,
        *,
        measure_key: str,
        manual_key: str,
        object_name: str,
    ) -> None:
        super().__init__()
        self.role = role
        self._lang = lang
        self._measure_key = measure_key
        self._manual_key = manual_key
        self._device: str | None = None
        self.device_label = named(QLabel(), f"{object_name}Device")
        # The device's state and advice in plain words, the technical text behind Details;
        # of fixed height, so nothing moves when advice appears.
        self.status = DeviceStatusView(lang)
        self.status.setObjectName(f"{object_name}Status")
        self.state_label = self.status.status_label
        self.button = named(QPushButton(), object_name)
        self.manual_button = named(QPushButton(), f"{object_name}Manual")
        self.countdown_s = 0
        self._show_texts()
        # Pressed, and the station has not answered yet (a double click sends one request).
        self.pending = False
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.device_label)
        self.box.addWidget(self.status)
        # One above the other: the panels are narrow (the desk has width for the person and
        # two devices only), and there is height to spare beside the identify panel.
        self.box.addWidget(self.button)
        self.box.addWidget(self.manual_button)

    def set_language(self, lang: Language) -> None:
        """The operator chose another language: every text again, in it."""
        self._lang = lang
        self.status.set_language(lang)
        self._show_texts()

    def describe(self, device: str | None) -> None:
        """The device's label (None: no device for this role)."""
        self._device = device
        self.device_label.setText(device or tr("no_device", self._lang))

    def _show_texts(self) -> None:
        cuff = self.role is DeviceRole.BLOOD_PRESSURE
        self.setTitle(tr("blood_pressure" if cuff else "oximeter", self._lang))
        with_shortcut(self.manual_button, tr("enter_manually", self._lang), self._manual_key)
        self.describe(self._device)
        # Room for the longest countdown from the start, so the countdown never widens the
        # button (and nothing beside it moves when it appears).
        shown, self.countdown_s = self.countdown_s, 60
        self._show_button_text()
        self.button.setMinimumWidth(self.button.sizeHint().width())
        self.countdown_s = shown
        self._show_button_text()

    def _show_button_text(self) -> None:
        cuff = self.role is DeviceRole.BLOOD_PRESSURE
        text = tr("measure_bp" if cuff else "measure_spo2", self._lang)
        if self.countdown_s > 0:
            text = tr("measure_in", self._lang, what=text, seconds=self.countdown_s)
        with_shortcut(self.button, text, self._measure_key)

    def set_countdown(self, seconds: int) -> None:
        if seconds != self.countdown_s:
            self.countdown_s = seconds
            self._show_button_text()

    def show_event(self, update: DeviceUpdate) -> None:
        self.status.show_event(update.role.value, update.event)

    def reset(self) -> None:
        self.status.clear()
        self.pending = False
        self.set_countdown(0)


class MeasurePanel(QWidget):
    """Both devices. Buttons follow the actions the station allows; the blood-pressure
    button counts down to the protocol's next reading on the station's clock."""

    measure = Signal(object)  # DeviceRole
    enterManually = Signal(object)  # DeviceRole

    def __init__(self, lang: Language, now: Callable[[], datetime]) -> None:
        super().__init__()
        self._now = now
        self._state = DeskState()
        self._allowed: frozenset[Action] = frozenset()
        self.bp_panel = DevicePanel(
            DeviceRole.BLOOD_PRESSURE,
            lang,
            measure_key="F5",
            manual_key="Ctrl+F5",
            object_name="measureBloodPressureButton",
        )
        self.spo2_panel = DevicePanel(
            DeviceRole.OXIMETER,
            lang,
            measure_key="F6",
            manual_key="Ctrl+F6",
            object_name="measureSpo2Button",
        )
        self.waveform = WaveformView()
        self.waveform.setFixedHeight(48)
        keep_space_when_hidden(self.waveform)
        self.waveform.hide()  # shown once a device sends a waveform (not every oximeter does)
        self.spo2_panel.box.addWidget(self.waveform)
        # The cuff has no waveform: its room stays empty under the buttons, so both panels'
        # labels, states and buttons line up.
        self.bp_panel.box.addStretch(1)
        # Side by side: a 1366x728 desk has width to spare and no height.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bp_panel)
        layout.addWidget(self.spo2_panel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        for panel in self.panels:
            panel.button.clicked.connect(lambda _c=False, r=panel.role: self._measure(r))
            panel.manual_button.clicked.connect(
                lambda _c=False, r=panel.role: self.enterManually.emit(r)
            )
        self.countdown = named(QTimer(self), "protocolCountdown")
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)

    @property
    def panels(self) -> tuple[DevicePanel, DevicePanel]:
        return (self.bp_panel, self.spo2_panel)

    def panel(self, role: DeviceRole) -> DevicePanel:
        return self.bp_panel if role is DeviceRole.BLOOD_PRESSURE else self.spo2_panel

    def describe(self, labels: dict[DeviceRole, str | None]) -> None:
        for panel in self.panels:
            panel.describe(labels.get(panel.role))

    def set_language(self, lang: Language) -> None:
        for panel in self.panels:
            panel.set_language(lang)

    def _measure(self, role: DeviceRole) -> None:
        self.panel(role).pending = True
        self._refresh()
        self.measure.emit(role)

    def show_state(self, state: DeskState, allowed: frozenset[Action]) -> None:
        """The station's state is the authority: a press it answered is no longer pending."""
        self._state = state
        self._allowed = allowed
        for panel in self.panels:
            panel.pending = False
        if state.bp_not_before is not None:
            self.countdown.start()
        self._tick()

    def show_device(self, update: DeviceUpdate) -> None:
        if update.event.waveform is not None:
            self.waveform.append(update.event.waveform)
        self.panel(update.role).show_event(update)
        self._refresh()

    def clear(self) -> None:
        for panel in self.panels:
            panel.reset()
        self.waveform.clear()
        self._state = DeskState()
        self.countdown.stop()
        self._refresh()

    def _tick(self) -> None:
        left = seconds_until(self._state.bp_not_before, self._now())
        self.bp_panel.set_countdown(left)
        if left == 0:
            self.countdown.stop()
        self._refresh()

    def _refresh(self) -> None:
        can_measure = Action.MEASURE in self._allowed
        for panel in self.panels:
            busy = panel.pending or panel.role.value in self._state.measuring
            waiting = panel is self.bp_panel and panel.countdown_s > 0
            panel.button.setEnabled(can_measure and not busy and not waiting)
            panel.manual_button.setEnabled(Action.ENTER_MANUALLY in self._allowed)
