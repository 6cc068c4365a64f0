"""A device's status as the operator reads it: plain words and advice in the desk's language,
with the device's own technical message behind a "Details" toggle.

The view keeps one fixed height (room for the advice and the details line is reserved), so
nothing on the desk moves when an error or its details appear.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from devices.device import DeviceEvent, DeviceState
from ui.desk.steady import keep_space_when_hidden
from ui.device_advice import DETAILS_TOGGLE, device_text
from ui.naming import named
from ui.texts import Language, tr
from ui.translations import translated

__all__ = ["DeviceStatusView"]

ERROR_STYLE = "color: #c62828;"
DETAIL_STYLE = "color: #555555;"  # secondary: for the technician, not the first glance
# Lines reserved for the advice; the longest advice needs three on a narrow panel.
STATUS_LINES = 3


class DeviceStatusView(QWidget):
    """``show_event(role, event)`` shows the event; ``role`` is a device role's value
    ('blood_pressure' or 'oximeter', a ``DeviceRole`` works too)."""

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang: Language = lang
        self._shown: tuple[str, DeviceEvent] | None = None
        self._detail = ""

        self.status_label = named(QLabel(), "deviceStatusText")
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status_label.setFixedHeight(
            self.status_label.fontMetrics().lineSpacing() * STATUS_LINES
        )

        self.details_button = named(QToolButton(), "deviceDetailsToggle")
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)  # flat until hovered
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.toggled.connect(self._show_details)
        keep_space_when_hidden(self.details_button)

        # One line, elided; the whole message is in the tooltip and can be selected to copy.
        self.detail_label = named(QLabel(), "deviceDetailText")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet(DETAIL_STYLE)
        self.detail_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        keep_space_when_hidden(self.detail_label)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.details_button)
        row.addWidget(self.detail_label, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.status_label)
        box.addLayout(row)

        self.details_button.hide()
        self.detail_label.hide()
        self._render()
        self.setFixedHeight(self.sizeHint().height())

    @property
    def detail(self) -> str:
        """The technical message of the event shown (empty when it has none)."""
        return self._detail

    def show_event(self, role: str, event: DeviceEvent) -> None:
        self._shown = (role, event)
        self._detail = event.detail
        if not self._detail:
            self.details_button.setChecked(False)
        self._render()

    def clear(self) -> None:
        """Back to "ready", with no details."""
        self._shown = None
        self._detail = ""
        self.details_button.setChecked(False)
        self._render()

    def set_language(self, lang: Language) -> None:
        self._lang = lang
        self._render()

    def _render(self) -> None:
        if self._shown is None:
            text, error = tr("state_idle", self._lang), False
        else:
            role, event = self._shown
            text, error = device_text(role, event, self._lang), event.state is DeviceState.ERROR
        self.status_label.setText(text)
        self.status_label.setToolTip(text)
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.details_button.setText(translated(DETAILS_TOGGLE, self._lang))
        self.details_button.setVisible(bool(self._detail))
        self.detail_label.setToolTip(self._detail)
        self._elide_detail()
        self._show_details(self.details_button.isChecked())

    def _show_details(self, shown: bool) -> None:
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.detail_label.setVisible(shown and bool(self._detail))

    def _elide_detail(self) -> None:
        width = max(self.detail_label.width(), 1)
        metrics = self.detail_label.fontMetrics()
        self.detail_label.setText(
            metrics.elidedText(self._detail, Qt.TextElideMode.ElideRight, width)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_detail()
