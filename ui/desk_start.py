"""The desk's start: the sign-in page first, the rest of the desk while the operator types
(issue 14: an interactive window well inside a second).

Building the whole desk needs SQLAlchemy, the station's service, the device simulators, the
day's charts and more: about a second and a half of imports on a clinic PC before any of our
code runs. None of that is needed to type a name and a PIN, so the desk starts in order:

1. ``QApplication`` and the real ``SignInPage`` in a window of the desk's size and title
   (PySide6 and a few light modules, about 0.2 s): the operator can start typing.
2. A thread imports the modules that touch no Qt object (the store, the service, the upload)
   while the GUI thread keeps painting what is typed. Qt classes are never defined or built
   off the GUI thread.
3. On the GUI thread: the desk's windows are built around that same page (reparented into
   the operator window, so what was typed and where the keyboard was stay), the operator
   window takes the start window's place, and a sign-in sent meanwhile (Enter pressed
   before the desk was ready) is passed on to the station then. Until it is, the page says
   the desk is still starting; nothing typed is lost.

A failure while loading is reported as the desk always did: one ``error:`` line and a message
box, exit status 2.
"""

from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

from config.settings import Settings
from ui.desk.sign_in import SignInPage, fit_size
from ui.qt_health import QtBuildFault, check_qt_build
from ui.texts import tr

if TYPE_CHECKING:
    from ui.app import DeskApp

__all__ = ["PRELOADED", "DeskStart", "StartWindow", "run_desk"]

# Imported off the GUI thread while the sign-in page is up: everything heavy the desk needs
# that defines no Qt class. (Modules of ``ui`` and pyqtgraph are imported on the GUI thread.)
PRELOADED = (
    "sqlalchemy.orm",
    "numpy",
    "station.service",
    "station.wiring",
    "station.store.repository",
    "station.upload.background",
    "station.upload.person_lookup",
)
_POLL_MS = 10  # how often the GUI thread looks whether the imports are done
_PRELOAD_FALLBACK_MS = 250

Stage = Callable[[str], None]  # told "window" (the sign-in page painted), then "ready"


class StartWindow(QWidget):
    """The desk's first window: its title and size, and the sign-in page, which the operator
    window takes over once built. A sign-in sent before then is kept to be passed on."""

    def __init__(self, settings: Settings, on_painted: Callable[[], None]) -> None:
        super().__init__()
        station = settings.station
        self.page = SignInPage(station.operator_language, station_id=station.id)
        self.held: tuple[str, str] | None = None  # (name, PIN) sent before the desk was ready
        self._on_painted: Callable[[], None] | None = on_painted
        self.setWindowTitle(tr("window_title", station.operator_language, desk=station.id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        self.page.signIn.connect(self._hold)
        self.resize(*fit_size())  # the operator window's size (it takes this one's place)
        self.page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Paint and self._on_painted:
            told, self._on_painted = self._on_painted, None
            QTimer.singleShot(0, told)  # once this paint is done
        return False

    def _hold(self, name: str, pin: str) -> None:
        """Enter pressed before the station exists: kept, and said to be waiting."""
        self.held = (name, pin)
        self.page.show_starting()

    def hand_over(self) -> tuple[str, str] | None:
        """The page is the operator window's now: what was held, once (then forgotten)."""
        self.page.signIn.disconnect(self._hold)
        self.page.removeEventFilter(self)
        held, self.held = self.held, None
        return held


class _Preload(threading.Thread):
    """Imports ``PRELOADED``; an error is left for the GUI thread's own import to raise."""

    def __init__(self) -> None:
        super().__init__(name="desk-preload", daemon=True)

    def run(self) -> None:
        for name in PRELOADED:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 (raised again, with its traceback, on the GUI thread)
                return


def _fail(message: str) -> int:
    sys.stderr.write(f"error: {message}\n")
    QMessageBox.critical(None, "Vitals station", message)
    return 2


class DeskStart:
    """Steps 1-3 of the module docstring, on a running Qt event loop: ``begin`` shows the
    start window and loads; ``desk`` is the desk once built, ``failed`` why it could not be.
    ``loaded`` says whether the modules are in (tests hold it back to type early)."""

    def __init__(
        self,
        settings: Settings,
        *,
        simulate: bool,
        on_stage: Stage | None = None,
        loaded: Callable[[], bool] | None = None,
    ) -> None:
        self._settings = settings
        self._simulate = simulate
        self._tell: Stage = on_stage or (lambda _stage: None)
        self._preload = _Preload()
        self._loaded = loaded or (lambda: not self._preload.is_alive())
        self.window = StartWindow(settings, self._painted)
        self.desk: DeskApp | None = None
        self.failed: str | None = None

    def begin(self) -> None:
        self.window.show()
        self.window.activateWindow()  # the keyboard is the operator's from the first moment
        # The imports start once the page is painted (they would hold the interpreter while
        # the first paint waits), or after a moment if no paint comes (a hidden screen).
        QTimer.singleShot(_PRELOAD_FALLBACK_MS, self._start_preload)
        QTimer.singleShot(_POLL_MS, self._finish_when_loaded)

    def _painted(self) -> None:
        self._start_preload()
        self._tell("window")

    def _start_preload(self) -> None:
        if self._preload.ident is None:
            self._preload.start()

    def _finish_when_loaded(self) -> None:
        if not self.window.isVisible():
            return  # closed while starting: nothing is opened or built
        if not self._loaded() or self._preload.ident is None or self._preload.is_alive():
            QTimer.singleShot(_POLL_MS, self._finish_when_loaded)
            return
        try:
            self.desk = _build_desk(self._settings, self._simulate, self.window)
        except _StartFailed as exc:
            self.failed = str(exc)
            self.window.close()
        if self.desk is not None:
            self._tell("ready")


class _StartFailed(Exception):
    """The database could not be opened; the message says why."""


def run_desk(
    settings: Settings,
    *,
    simulate: bool,
    quit_after_s: float | None = None,
    on_stage: Stage | None = None,
) -> int:
    """The desk until its window is closed. ``quit_after_s``: close it after that long and
    print what it showed as one JSON line (a bundle's smoke test). ``on_stage`` is told when
    the sign-in page is first painted ("window") and when the whole desk is up ("ready"):
    the start-up benchmark's marks."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    try:
        check_qt_build()
    except QtBuildFault as exc:
        return _fail(str(exc))

    def staged(stage: str) -> None:
        if on_stage is not None:
            on_stage(stage)
        if stage == "ready" and quit_after_s is not None and start.desk is not None:
            from ui.app import report_and_quit

            desk = start.desk
            QTimer.singleShot(round(quit_after_s * 1000), lambda: report_and_quit(app, desk))

    start = DeskStart(settings, simulate=simulate, on_stage=staged)
    app.setQuitOnLastWindowClosed(True)  # the start window, then the operator window
    start.begin()
    began = time.monotonic()
    try:
        status = app.exec() if start.failed is None else 2
    finally:
        if start.desk is not None:
            start.desk.close()
    if start.failed is not None:
        return _fail(start.failed)
    if start.desk is None:
        # Closed before the desk was up: nothing was opened, nothing to keep.
        sys.stderr.write(f"closed while starting ({time.monotonic() - began:.1f} s)\n")
    return status


def _build_desk(settings: Settings, simulate: bool, start: StartWindow) -> DeskApp:
    from station.store.database import DatabaseError
    from station.wiring import open_store
    from ui.app import build_desk_app

    try:
        store = open_store(settings)
    except DatabaseError as exc:
        raise _StartFailed(str(exc)) from exc
    focused: QWidget | None = start.focusWidget()  # None when the window never had it
    geometry = start.geometry()
    desk = build_desk_app(settings, store, simulate=simulate, sign_in_page=start.page)
    held = start.hand_over()
    desk.operator.setGeometry(geometry)
    desk.show()
    start.close()
    if focused is not None and focused.window() is desk.operator:
        focused.setFocus()
    if held is not None:
        desk.bridge.sign_in(*held)
    return desk
