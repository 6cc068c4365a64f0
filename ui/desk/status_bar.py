"""The desk's status bar: each device, the database, and the upload queue counted in
confirmed visits with the last successful upload (issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from devices.device import DeviceState
from station.service import DeviceRole, DeviceUpdate
from station.upload.background import UploadStatus
from ui.naming import named
from ui.texts import Language, tr

__all__ = ["DeskStatusBar"]

_PROBLEM = "color: #c62828;"


class DeskStatusBar(QStatusBar):
    def __init__(self, lang: Language, database: str) -> None:
        super().__init__()
        self._lang = lang
        self._labels: dict[DeviceRole, str] = {}
        self.devices_label = named(QLabel(), "statusDevices")
        self.database_label = named(
            QLabel(tr("status_database", lang, where=database)), "statusDatabase"
        )
        self.upload_label = named(QLabel(tr("upload_unknown", lang)), "statusUpload")
        self.addWidget(self.devices_label, 2)
        self.addWidget(self.database_label, 1)
        self.addPermanentWidget(self.upload_label)
        self._states: dict[DeviceRole, DeviceState | None] = {}

    def describe_devices(self, labels: dict[DeviceRole, str | None]) -> None:
        self._labels = {
            role: label or tr("no_device", self._lang) for role, label in labels.items()
        }
        self._states = dict.fromkeys(labels)
        self._render_devices()

    def show_device(self, update: DeviceUpdate) -> None:
        self._states[update.role] = update.event.state
        self._render_devices()

    def _render_devices(self) -> None:
        parts = []
        for role, label in self._labels.items():
            state = self._states.get(role)
            word = tr(f"state_{state.value}", self._lang) if state else tr("state_idle", self._lang)
            parts.append(f"{label}: {word}")
        self.devices_label.setText(" · ".join(parts))
        failing = any(state is DeviceState.ERROR for state in self._states.values())
        self.devices_label.setStyleSheet(_PROBLEM if failing else "")

    def show_upload(self, status: UploadStatus) -> None:
        visits = status.visits
        lang = self._lang
        last = (
            status.last_upload.astimezone().strftime("%H:%M")
            if status.last_upload is not None
            else tr("status_never", lang)
        )
        text = tr(
            "status_upload",
            lang,
            waiting=visits.get("waiting", 0),
            sent=visits.get("sent", 0),
            dead=visits.get("dead", 0),
            last=last,
        )
        if status.paused_reason:
            text = f"{text} — {tr('upload_paused', lang)}"
        self.upload_label.setText(text)
        self.upload_label.setStyleSheet(_PROBLEM if visits.get("dead", 0) else "")
