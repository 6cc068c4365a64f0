"""The desk's "Cetak slip" / "Print slip" (issue 13): the result slip of the visit confirmed
last, on a printer chosen in Qt's print dialog, or on the default printer at once when
``[station] slip_print_on_confirm`` is set.

``SlipPrinting`` listens to the bridge itself, so the window only places its button: it keeps
the visit confirmed last (and its results as corrected, when a correction follows), the names
of the operators who signed in here (the slip names whoever confirmed), and forgets the visit
when the next number is called, the visit is cancelled or the desk locks (nothing of a person
stays reachable on a locked desk). The slip is in the patient screen's language on the paper
of ``[station] slip_paper``; painting one page is quick, so it is done on the UI thread.

Wiring (ui/app.py, ``build_desk_app``, once the window exists)::

    from ui.desk.slip_action import SlipPrinting
    operator.slip_printing = SlipPrinting(
        bridge, settings, parent=operator, show_message=operator.status_bar.showMessage
    )
    operator.status_bar.addPermanentWidget(operator.slip_printing.button)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from config.settings import Settings
from station.events import (
    OperatorChanged,
    QueueCalled,
    VisitClosed,
    VisitConfirmed,
    VisitCorrected,
)
from station.results import VisitResults
from station.store.repository import StoredVisit
from ui.bridge import StationBridge
from ui.desk.shortcuts import with_shortcut
from ui.naming import named
from ui.patient.slip import first_name, print_slip, slip_content
from ui.patient.slip_texts import tr
from ui.translations import as_language

__all__ = ["PrinterChoice", "PrinterFactory", "SlipPrinting"]

PrinterFactory = Callable[[], QPrinter]
# Shows the print dialog for the printer; True to print, False when the operator cancelled.
PrinterChoice = Callable[[QPrinter, QWidget | None], bool]


def _new_printer() -> QPrinter:
    """The system's default printer, at its full resolution."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def _print_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _has_printer(printer: QPrinter) -> bool:
    """A file to print into (PDF), or a printer the system knows."""
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        return bool(printer.outputFileName())
    return bool(printer.printerName()) or not QPrinterInfo.defaultPrinter().isNull()


def _no_message(_text: str) -> None:
    pass


class SlipPrinting(QObject):
    """The "Print slip" button [Ctrl+P] and the automatic print on confirmation."""

    def __init__(
        self,
        bridge: StationBridge,
        settings: Settings,
        *,
        parent: QWidget | None = None,
        show_message: Callable[[str], object] = _no_message,
        printer_factory: PrinterFactory = _new_printer,
        choose_printer: PrinterChoice = _print_dialog,
    ) -> None:
        """``show_message``: where the outcome is said (the status bar); ``printer_factory``
        and ``choose_printer``: the printer and the print dialog (tests give a PDF file and
        an answer)."""
        super().__init__(parent)
        self._window = parent
        self._bridge = bridge
        station = settings.station
        self._operator_lang = station.operator_language
        self._slip_lang = station.patient_language
        self._paper = station.slip_paper
        self._automatic = station.slip_print_on_confirm
        self._clinic = settings.facility_name
        self._show = show_message
        self._new_printer = printer_factory
        self._choose = choose_printer
        self._visit: StoredVisit | None = None
        self._results: VisitResults | None = None
        self._operators: dict[int, str] = {}
        self.button = named(QPushButton(), "printSlipButton")
        self.button.clicked.connect(self.print_with_dialog)
        bridge.visitConfirmed.connect(self._on_confirmed)
        bridge.visitCorrected.connect(self._on_corrected)
        bridge.operatorChanged.connect(self._on_operator)
        bridge.queueCalled.connect(self._on_queue_called)
        bridge.visitClosed.connect(self._on_closed)
        self.set_operator_language(self._operator_lang)

    def set_operator_language(self, lang: str) -> None:
        """The operator chose another language for the desk: the button's words (the paper
        keeps the patient's language)."""
        self._operator_lang = as_language(lang) or self._operator_lang
        with_shortcut(self.button, tr("slip_print", self._operator_lang), "Ctrl+P")
        self._offer()

    @property
    def visit(self) -> StoredVisit | None:
        """The visit whose slip the button prints (None: nothing to print)."""
        return self._visit

    def set_language(self, lang: str) -> None:
        """The paper in ``lang`` (the patient screen's language for this visit, F9)."""
        if (known := as_language(lang)) is not None:
            self._slip_lang = known

    def forget(self) -> None:
        self._visit = None
        self._results = None
        self._offer()

    def _offer(self) -> None:
        visit = self._visit
        self.button.setEnabled(visit is not None)
        if visit is None:
            self.button.setToolTip(tr("slip_print_none", self._operator_lang))
            return
        self.button.setToolTip(
            tr(
                "slip_print_tip",
                self._operator_lang,
                name=first_name(visit.person.name),
                queue=visit.queue_number,
            )
        )

    # -- what the bridge says ----------------------------------------------------------

    @Slot(object)
    def _on_operator(self, event: OperatorChanged) -> None:
        if event.operator is None:  # locked: nothing of the person stays reachable
            self.forget()
            return
        self._operators[event.operator.id] = event.operator.name

    @Slot(object)
    def _on_confirmed(self, event: VisitConfirmed) -> None:
        self._visit, self._results = event.visit, event.results
        self._offer()
        if self._automatic:
            self.print_without_dialog()

    @Slot(object)
    def _on_corrected(self, event: VisitCorrected) -> None:
        """A correction shows the person's results as rebuilt (the patient screen does the
        same): the slip prints those."""
        self._visit, self._results = event.visit, event.results
        self._offer()

    @Slot(object)
    def _on_queue_called(self, event: QueueCalled) -> None:
        if not event.recall:  # the next person: not their slip
            self.forget()

    @Slot(object)
    def _on_closed(self, _event: VisitClosed) -> None:
        self.forget()

    # -- printing ------------------------------------------------------------------------

    @Slot()
    def print_with_dialog(self) -> bool:
        """Ask for the printer (Qt's print dialog), then print; False if nothing printed."""
        return self._print(ask=True)

    def print_without_dialog(self) -> bool:
        """Print on the default printer at once (``slip_print_on_confirm``)."""
        return self._print(ask=False)

    def _print(self, *, ask: bool) -> bool:
        visit, results = self._visit, self._results
        if visit is None or results is None:
            return False
        operator = self._operators.get(visit.confirmed_by) if visit.confirmed_by else None
        content = slip_content(
            visit, results, clinic=self._clinic, operator=operator, lang=self._slip_lang
        )
        printer = self._new_printer()
        queue = visit.queue_number
        lang = self._operator_lang
        if ask and not self._choose(printer, self._window):
            return False
        if not _has_printer(printer):
            self._show(tr("slip_no_printer", lang, queue=queue))
            return False
        where = printer.outputFileName() or printer.printerName()
        try:
            print_slip(printer, content, self._paper)
        except RuntimeError:
            self._show(tr("slip_print_failed", lang, queue=queue, printer=where))
            return False
        self._show(tr("slip_printed", lang, queue=queue, printer=where))
        self._bridge.slip_printed(visit.id, self._slip_lang)  # audited as an export
        return True
