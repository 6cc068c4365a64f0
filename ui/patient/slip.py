"""The person's result slip (issue 13): what it says, and how it is painted on paper or PDF.

``slip_content`` decides what goes on the slip (pure apart from reading the words: no I/O, no
clock): the person's *first* name only, the visit's date and time, the desk, the facility,
each value that counts with its level and category in words beside its icon (never colour
alone: a thermal printer has none), the next step and when to come back (the referral's due
date, ``station.followup.due_date``, the same day the follow-up list counts), the rule set
that graded it, "bukan diagnosis", the operator who confirmed it, and a QR code holding the
short reference ``<desk>-<visit id>`` and the values (``BP=128/82;SPO2=97;HR=72``). Never the
NIK, the full name or the birth date: they are not even handed to the painter.

The painter (``paint_slip``) lays the content out in millimetres for A6, A5 or an 80 mm
thermal receipt (whose page grows with the content) on any QPaintDevice: ``pdf_bytes`` paints
onto a QPdfWriter over a QBuffer, ``print_slip`` onto a QPrinter, ``slip_image`` onto a QImage
(screenshots, previews). On a fixed page a long slip (a child's long category names) is set
in smaller type until it fits; the QR code keeps its size so it stays readable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import segno
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTransform,
)
from PySide6.QtPrintSupport import QPrinter

from station.checks.classify import ADULT_AGE
from station.checks.rulesets import Referral, rule_set_or_default
from station.day import local_day
from station.followup import due_date
from station.result_lines import Level, ResultLine, result_lines
from station.results import VisitResults, age_on, local_naive
from station.store.models import VisitStatus
from station.store.repository import StoredVisit
from ui.finding_texts import advice_text
from ui.formatting import number
from ui.patient import result_texts as words
from ui.patient.results_view import category_words, value_text
from ui.patient.slip_texts import tr
from ui.texts import Language
from ui.texts import tr as common

__all__ = [
    "PAPERS",
    "Paper",
    "SlipContent",
    "SlipError",
    "SlipResult",
    "command_line_pdf",
    "first_name",
    "paint_slip",
    "pdf_bytes",
    "print_slip",
    "qr_payload",
    "slip_content",
    "slip_image",
    "slip_reference",
]

Paper = Literal["a6", "a5", "receipt-80mm"]


class SlipError(ValueError):
    """No slip for this visit: it is not confirmed (open, or cancelled)."""


# -- what the slip says ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SlipResult:
    """One value that counts, as the slip writes it."""

    parameter: str  # blood_pressure, spo2, heart_rate
    name: str  # "Tekanan darah"
    value: str  # "128/82 mmHg"
    note: str  # the manual-entry marker when a reading it comes from was typed in by hand
    icon: str  # the level's symbol (ui.patient.result_texts.LEVEL_ICONS)
    words: str  # the level and category in words: "Tinggi — Hipertensi derajat 1"
    level: Level


@dataclass(frozen=True, slots=True)
class SlipContent:
    """Everything printed on one slip, already in the person's language."""

    lang: Language
    title: str
    programme: str
    facts: tuple[tuple[str, str], ...]  # (label, value): name, date, desk, queue, facility...
    results: tuple[SlipResult, ...]
    no_result: str  # said instead of the results when none counts
    next_step: tuple[str, str]  # (label, text)
    come_back: tuple[str, str]  # (label, text)
    simulator: str  # the SIMULATOR banner, empty for real devices
    rule_set: str
    disclaimer: str
    reference: str
    qr_payload: str
    qr_note: str

    def text(self) -> str:
        """Every word on the slip, top to bottom (tests, and what a screen reader would say)."""
        parts = [self.title, self.programme]
        parts += [f"{label}: {value}" for label, value in self.facts]
        for r in self.results:
            parts.append(" ".join(p for p in (r.name, r.value, r.note, r.icon, r.words) if p))
        if not self.results:
            parts.append(self.no_result)
        parts += [": ".join(self.next_step), ": ".join(self.come_back)]
        if self.simulator:
            parts.append(self.simulator)
        parts += [self.disclaimer, self.rule_set, self.reference, self.qr_note]
        return "\n".join(parts)


_NAMES = {"blood_pressure": "p_blood_pressure", "spo2": "p_spo2", "heart_rate": "p_heart_rate"}
# The QR code's keys for the values, in the slip's order.
_QR_KEYS = {"blood_pressure": "BP", "spo2": "SPO2", "heart_rate": "HR"}


def first_name(full_name: str) -> str:
    """The first word of the name: all the slip says of who it belongs to (a purged visit
    has no name left: a dash)."""
    parts = full_name.split()
    return parts[0] if parts else "—"


def slip_reference(visit: StoredVisit) -> str:
    """``<desk>-<visit id>``: enough for the desk to find the visit (``vitals-station slip``),
    nothing about the person."""
    return f"{visit.station_id}-{visit.id}"


def qr_payload(reference: str, lines: Iterable[ResultLine]) -> str:
    """``REF=desk-1-…;BP=128/82;SPO2=97;HR=72``: the reference and the values as shown."""
    parts = [f"REF={reference}"]
    for line in lines:
        parts.append(f"{_QR_KEYS[line.parameter]}={'/'.join(number(n) for n in line.numbers)}")
    return ";".join(parts)


def _referral(visit: StoredVisit, results: VisitResults) -> Referral:
    """The referral stored when the visit was confirmed (what the follow-up list counts),
    else the checks' own."""
    if visit.outcome is not None:
        try:
            return Referral(visit.outcome.referral)
        except ValueError:
            pass
    if results.evaluation is not None:
        return results.evaluation.referral
    return Referral.NONE


def _when(visit: StoredVisit, lang: Language) -> str:
    moment = local_naive(visit.started_at)
    return tr(
        "slip_when",
        lang,
        day=words.long_date(moment.date(), lang),
        hour=moment.hour,
        minute=moment.minute,
    )


def _come_back(referral: Referral, visit: StoredVisit, lang: Language) -> str:
    visit_day = local_day(visit.started_at)
    due = due_date(referral, visit_day, rule_set_or_default(visit.rule_set))
    if due is None:
        return tr("slip_back_none", lang)
    if due == visit_day:
        return tr("slip_back_today", lang, day=words.long_date(due, lang))
    return tr("slip_back_by", lang, day=words.long_date(due, lang))


def _rule_set_text(visit: StoredVisit, lang: Language) -> str:
    rules = rule_set_or_default(visit.rule_set)
    text = tr("slip_rule_set", lang, name=rules.name, id=rules.id, version=rules.version)
    day = local_day(visit.started_at)
    if age_on(visit.person.birth_date, visit.person.nik, day) < ADULT_AGE:
        text += tr("slip_rule_set_child", lang)
    return text


def _result(line: ResultLine, lang: Language) -> SlipResult:
    return SlipResult(
        parameter=line.parameter,
        name=common(_NAMES[line.parameter], lang),
        value=value_text(line, lang),
        note=common("manual_marker", lang) if line.manual else "",
        icon=words.LEVEL_ICONS[line.level],
        words=category_words(line, lang),
        level=line.level,
    )


def slip_content(
    visit: StoredVisit,
    results: VisitResults,
    *,
    clinic: str,
    operator: str | None,
    lang: Language,
) -> SlipContent:
    """What the slip of a confirmed ``visit`` says in ``lang``. ``results``: the visit's
    ``station.results.summarise``; ``clinic``: the facility as the settings name it (empty:
    not printed); ``operator``: the name of whoever confirmed it (None: not known)."""
    if visit.status is not VisitStatus.CONFIRMED:
        raise SlipError(f"visit {visit.id} is {visit.status.value}, not confirmed: no slip")
    lines = result_lines(visit, results)
    facts = [
        (tr("slip_name", lang), first_name(visit.person.name)),
        (tr("slip_date", lang), _when(visit, lang)),
        (tr("slip_desk", lang), visit.station_id),
        (tr("slip_queue", lang), str(visit.queue_number)),
    ]
    if clinic:
        facts.append((tr("slip_clinic", lang), clinic))
    if operator:
        facts.append((tr("slip_operator", lang), operator))
    referral = _referral(visit, results)
    reference = slip_reference(visit)
    return SlipContent(
        lang=lang,
        title=tr("slip_title", lang),
        programme=tr("slip_programme", lang),
        facts=tuple(facts),
        results=tuple(_result(line, lang) for line in lines),
        no_result=tr("slip_no_result", lang),
        next_step=(
            tr("slip_next_step", lang),
            advice_text(referral, "patient", lang),
        ),
        come_back=(tr("slip_come_back", lang), _come_back(referral, visit, lang)),
        simulator=common("patient_simulator", lang) if results.any_simulated else "",
        rule_set=_rule_set_text(visit, lang),
        disclaimer=tr("slip_disclaimer", lang),
        reference=tr("slip_reference", lang, reference=reference),
        qr_payload=qr_payload(reference, lines),
        qr_note=tr("slip_qr_note", lang),
    )


# -- paper -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PaperSpec:
    width_mm: float
    height_mm: float | None  # None: a receipt roll, as long as the slip
    margin_mm: float
    base_pt: float  # body text; titles and values are set larger
    qr_mm: float  # the QR code's side, quiet zone included
    wide: bool  # values beside their category, QR code beside the footer texts


PAPERS: dict[Paper, PaperSpec] = {
    "a6": PaperSpec(105.0, 148.0, 7.0, 8.5, 27.0, wide=True),
    "a5": PaperSpec(148.0, 210.0, 11.0, 11.5, 36.0, wide=True),
    # 80 mm rolls print 72 mm wide (576 dots at 203 dpi): 4 mm each side.
    "receipt-80mm": PaperSpec(80.0, None, 4.0, 8.5, 30.0, wide=False),
}
_RECEIPT_MIN_MM = 60.0
_FIT_SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
_MM_PER_INCH = 25.4
_INK = QColor("#000000")
_GREY = QColor("#37474f")
_SIMULATOR_FILL = QColor("#ffd400")
_MODULES_QUIET = 4  # the QR quiet zone, in modules (ISO/IEC 18004)


class _Pen:
    """Lays the slip out top to bottom; paints only when it has a painter, so measuring and
    painting follow the same steps."""

    def __init__(
        self, device: QPaintDevice, paper: PaperSpec, scale: float, painter: QPainter | None
    ) -> None:
        self.device = device
        self.paper = paper
        self.scale = scale
        self._painter = painter
        self._px = device.logicalDpiX() / _MM_PER_INCH  # device pixels per millimetre
        self.width = (paper.width_mm - 2 * paper.margin_mm) * self._px
        self.y = 0.0

    def mm(self, value: float) -> float:
        return value * self._px

    def font(self, factor: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(self.paper.base_pt * self.scale * factor)
        font.setBold(bold)
        # No ligatures: "ff" in a reference must stay two letters for whoever copies it.
        font.setFeature(QFont.Tag("liga"), 0)
        font.setFeature(QFont.Tag("clig"), 0)
        return font

    def text_height(self, text: str, font: QFont, width: float) -> float:
        metrics = QFontMetricsF(font, self.device)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()

    def text_at(
        self,
        text: str,
        font: QFont,
        x: float,
        y: float,
        width: float,
        *,
        colour: QColor = _INK,
        centre: bool = False,
    ) -> float:
        """Paint ``text`` wrapped into ``width`` at (x, y); its height."""
        height = self.text_height(text, font, width)
        if self._painter is not None:
            align = Qt.AlignmentFlag.AlignHCenter if centre else Qt.AlignmentFlag.AlignLeft
            self._painter.setFont(font)
            self._painter.setPen(colour)
            self._painter.drawText(
                QRectF(x, y, width, height), int(align | Qt.TextFlag.TextWordWrap), text
            )
        return height

    def text(self, text: str, font: QFont, *, gap_mm: float = 0.8, centre: bool = False) -> None:
        self.y += self.text_at(text, font, 0.0, self.y, self.width, centre=centre)
        self.y += self.mm(gap_mm * self.scale)

    def rule(self) -> None:
        self.y += self.mm(1.2 * self.scale)
        if self._painter is not None:
            self._painter.setPen(QPen(_INK, self.mm(0.3)))
            self._painter.drawLine(0, round(self.y), round(self.width), round(self.y))
        self.y += self.mm(2.0 * self.scale)

    def box(self, rect: QRectF, *, fill: QColor | None = None, bar: QColor | None = None) -> None:
        if self._painter is None:
            return
        self._painter.setPen(QPen(_INK, self.mm(0.3)))
        self._painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        self._painter.drawRect(rect)
        if bar is not None:  # the level's colour: an addition to the symbol and the words
            self._painter.fillRect(QRectF(rect.x(), rect.y(), self.mm(1.6), rect.height()), bar)

    def qr(self, payload: str, x: float, y: float, side: float) -> None:
        """The QR code, quiet zone included, as filled runs of dark modules (vector: sharp
        at any printer resolution)."""
        if self._painter is None:
            return
        code = segno.make(payload, error="m", micro=False)
        rows = list(code.matrix_iter(border=_MODULES_QUIET))
        module = side / len(rows)
        path = QPainterPath()
        for row_index, row in enumerate(rows):
            start: int | None = None
            for col, dark in enumerate([*row, 0]):
                if dark and start is None:
                    start = col
                elif not dark and start is not None:
                    path.addRect(
                        QRectF(x + start * module, y + row_index * module,
                               (col - start) * module, module)
                    )  # fmt: skip
                    start = None
        self._painter.save()
        self._painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._painter.fillRect(QRectF(x, y, side, side), QColor("#ffffff"))
        self._painter.setPen(Qt.PenStyle.NoPen)
        self._painter.setBrush(_INK)
        path.setFillRule(Qt.FillRule.WindingFill)
        self._painter.drawPath(path)
        self._painter.restore()


def _facts(pen: _Pen, content: SlipContent) -> None:
    label_font, value_font = pen.font(), pen.font(bold=True)
    metrics = QFontMetricsF(label_font, pen.device)
    label_width = max(metrics.horizontalAdvance(f"{label}:") for label, _ in content.facts)
    label_width = min(label_width + pen.mm(2.0), pen.width * 0.45)
    for label, value in content.facts:
        left = pen.text_at(f"{label}:", label_font, 0.0, pen.y, label_width, colour=_GREY)
        right = pen.text_at(value, value_font, label_width, pen.y, pen.width - label_width)
        pen.y += max(left, right) + pen.mm(0.6 * pen.scale)


def _value_column(pen: _Pen, result: SlipResult, width: float) -> float:
    """The value's name, the value in large type, and the manual-entry note; their height."""
    lines = [(result.name, pen.font(), _GREY), (result.value, pen.font(1.45, bold=True), _INK)]
    if result.note:
        lines.append((result.note, pen.font(0.85), _GREY))
    height = 0.0
    for text, font, colour in lines:
        height += pen.text_at(text, font, 0.0, pen.y + height, width, colour=colour)
    return height


def _badge(
    pen: _Pen, result: SlipResult, x: float, y: float, width: float, *, paint: bool
) -> float:
    """The level's symbol and words in a box with the level's colour as a bar at its left
    edge (the symbol and the words say it all without the colour); its height."""
    font = pen.font(bold=True)
    pad, bar = pen.mm(1.4), pen.mm(1.6)
    text = f"{result.icon}  {result.words}"
    text_width = width - bar - 2 * pad
    height = pen.text_height(text, font, text_width) + 2 * pad
    if paint:
        pen.box(QRectF(x, y, width, height), bar=QColor(words.LEVEL_COLOURS[result.level]))
        pen.text_at(text, font, x + bar + pad, y + pad, text_width)
    return height


def _results(pen: _Pen, content: SlipContent) -> None:
    if not content.results:
        pen.text(content.no_result, pen.font())
        return
    for result in content.results:
        if pen.paper.wide:  # the value on the left, its badge beside it
            left = pen.width * 0.42
            x = left + pen.mm(2.0)
            value_h = _value_column(pen, result, left)
            badge_h = _badge(pen, result, x, 0.0, pen.width - x, paint=False)
            row_h = max(value_h, badge_h)
            _badge(pen, result, x, pen.y + (row_h - badge_h) / 2, pen.width - x, paint=True)
            pen.y += row_h + pen.mm(2.0 * pen.scale)
        else:  # a receipt: the badge under the value
            pen.y += _value_column(pen, result, pen.width) + pen.mm(0.6)
            pen.y += _badge(pen, result, 0.0, pen.y, pen.width, paint=True)
            pen.y += pen.mm(2.4 * pen.scale)


def _labelled(pen: _Pen, label: str, text: str) -> None:
    pen.text(label, pen.font(0.9, bold=True), gap_mm=0.2)
    pen.text(text, pen.font(), gap_mm=1.6)


def _one_line(pen: _Pen, text: str, font: QFont, *, centre: bool) -> None:
    """``text`` on one line, in smaller type if it must be (a reference is read and typed
    letter by letter: never broken at one of its hyphens)."""
    advance = QFontMetricsF(font, pen.device).horizontalAdvance(text)
    if advance > pen.width:
        font = QFont(font)
        font.setPointSizeF(font.pointSizeF() * pen.width / advance * 0.98)
    pen.text(text, font, centre=centre)


def _footer(pen: _Pen, content: SlipContent) -> None:
    """ "Not a diagnosis", the rule set and the QR code, with the reference under them."""
    side = pen.mm(pen.paper.qr_mm)
    small = pen.font(0.8)
    texts = [
        (content.disclaimer, pen.font(bold=True)),
        (content.rule_set, small),
        (content.qr_note, small),
    ]
    if pen.paper.wide:  # the QR code at the right of the texts
        width = pen.width - side - pen.mm(2.0)
        top = pen.y
        for text, font in texts:
            pen.y += pen.text_at(text, font, 0.0, pen.y, width) + pen.mm(0.8 * pen.scale)
        pen.qr(content.qr_payload, pen.width - side, top, side)
        pen.y = max(pen.y, top + side) + pen.mm(0.6)
        _one_line(pen, content.reference, small, centre=False)
        return
    for text, font in texts:
        pen.text(text, font)
    pen.y += pen.mm(1.0)
    pen.qr(content.qr_payload, (pen.width - side) / 2, pen.y, side)
    pen.y += side + pen.mm(0.6)
    _one_line(pen, content.reference, small, centre=True)


def _lay_out(pen: _Pen, content: SlipContent) -> float:
    """Everything, from the top of the printable area; the height used, in device pixels."""
    pen.text(content.title, pen.font(1.6, bold=True), gap_mm=0.2)
    pen.text(content.programme, pen.font(0.9), gap_mm=0.2)
    pen.rule()
    _facts(pen, content)
    pen.rule()
    _results(pen, content)
    if content.simulator:
        font = pen.font(bold=True)
        pad = pen.mm(1.2)
        height = pen.text_height(content.simulator, font, pen.width - 2 * pad) + 2 * pad
        pen.box(QRectF(0.0, pen.y, pen.width, height), fill=_SIMULATOR_FILL)
        pen.text_at(content.simulator, font, pad, pen.y + pad, pen.width - 2 * pad, centre=True)
        pen.y += height + pen.mm(2.0)
    _labelled(pen, *content.next_step)
    _labelled(pen, *content.come_back)
    pen.rule()
    _footer(pen, content)
    return pen.y


def _fitting_scale(device: QPaintDevice, paper: PaperSpec, content: SlipContent) -> float:
    if paper.height_mm is None:
        return 1.0
    available = (paper.height_mm - 2 * paper.margin_mm) * device.logicalDpiX() / _MM_PER_INCH
    for scale in _FIT_SCALES:
        if _lay_out(_Pen(device, paper, scale, None), content) <= available:
            return scale
    return _FIT_SCALES[-1]


def _page_height_mm(device: QPaintDevice, paper: PaperSpec, content: SlipContent) -> float:
    if paper.height_mm is not None:
        return paper.height_mm
    used = _lay_out(_Pen(device, paper, 1.0, None), content) / (device.logicalDpiX() / _MM_PER_INCH)
    return max(used + 2 * paper.margin_mm + 2.0, _RECEIPT_MIN_MM)


def _page_layout(paper: PaperSpec, height_mm: float) -> QPageLayout:
    size = QPageSize(
        QSizeF(paper.width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    margins = QMarginsF(*(paper.margin_mm,) * 4)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def paint_slip(painter: QPainter, device: QPaintDevice, content: SlipContent, paper: Paper) -> None:
    """Paint the slip with ``painter`` (active on ``device``), its origin at the top left of
    the printable area (inside the margins)."""
    spec = PAPERS[paper]
    scale = _fitting_scale(device, spec, content)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _lay_out(_Pen(device, spec, scale, painter), content)


def _paint_paged(device: QPagedPaintDevice, content: SlipContent, paper: Paper) -> None:
    spec = PAPERS[paper]
    layout = _page_layout(spec, _page_height_mm(device, spec, content))
    if not device.setPageLayout(layout):
        raise RuntimeError(f"the page layout for {paper} was refused")
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("the slip could not be painted on this device")
    try:
        paint_slip(painter, device, content, paper)
    finally:
        painter.end()


_PDF_DPI = 300


def pdf_bytes(content: SlipContent, paper: Paper) -> bytes:
    """The slip as a one-page PDF (needs a QGuiApplication for the fonts)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_PDF_DPI)
    writer.setCreator("vitals-station")
    writer.setTitle(content.title)  # never the name: document titles show in file lists
    _paint_paged(writer, content, paper)
    del writer  # finishes the PDF into the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def print_slip(printer: QPrinter, content: SlipContent, paper: Paper) -> None:
    """Print the slip on ``printer`` (chosen in the print dialog, or the default one) on
    the paper of the settings."""
    printer.setDocName(content.title)
    printer.setFullPage(False)
    _paint_paged(printer, content, paper)


def slip_image(content: SlipContent, paper: Paper, dpi: int = 200) -> QImage:
    """The slip as a picture of the whole page (white, margins included)."""
    spec = PAPERS[paper]
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / _MM_PER_INCH * 1000)
    probe.setDotsPerMeterX(dots_per_metre)
    probe.setDotsPerMeterY(dots_per_metre)
    height_mm = _page_height_mm(probe, spec, content)
    px = dpi / _MM_PER_INCH
    image = QImage(round(spec.width_mm * px), round(height_mm * px), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        # (QTransform rather than painter.translate: lupdate reads calls named translate)
        painter.setTransform(QTransform.fromTranslate(spec.margin_mm * px, spec.margin_mm * px))
        paint_slip(painter, image, content, paper)
    finally:
        painter.end()
    return image


# -- the command line (station/cli_slip.py loads this module by name) -----------------------


def _gui_application() -> QGuiApplication:
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["vitals-station"])


def command_line_pdf(
    visit: StoredVisit,
    results: VisitResults,
    *,
    clinic: str,
    operator: str | None,
    lang: Language,
    paper: Paper,
) -> bytes:
    """``vitals-station slip``: the PDF of a confirmed visit's slip, with Qt started
    headless when no display is there."""
    content = slip_content(visit, results, clinic=clinic, operator=operator, lang=lang)
    _application = _gui_application()  # kept alive while painting
    return pdf_bytes(content, paper)
