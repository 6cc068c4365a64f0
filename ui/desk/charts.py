"""A small titled bar chart with its numbers on the bars, drawn by pyqtgraph.

pyqtgraph draws with Qt itself (QGraphicsView and QPainter of the binding already loaded), so
it works offscreen and needs no matplotlib; the chart is static (no mouse zoom, no menu), as a
person reads it at a glance.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

# isort: split
# After PySide6: pyqtgraph uses the Qt binding that is already imported.
import pyqtgraph as pg

__all__ = ["BarChart"]

BAR_COLOUR = "#1565c0"
_TEXT_COLOUR = "#212121"
_BAR_WIDTH = 0.6


class BarChart(QWidget):
    """Bars with a label under each and its value above it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        item.setTitle(title, color=_TEXT_COLOUR, size="11pt")
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(_TEXT_COLOUR)
            axis.setTextPen(_TEXT_COLOUR)
        self.bars = pg.BarGraphItem(x=[], height=[], width=_BAR_WIDTH)
        self.plot.addItem(self.bars)
        self._value_labels: list[pg.TextItem] = []
        self._labels: tuple[str, ...] = ()
        self._values: tuple[int, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_title(self, title: str) -> None:
        self.plot.getPlotItem().setTitle(title, color=_TEXT_COLOUR, size="11pt")

    @property
    def labels(self) -> tuple[str, ...]:
        return self._labels

    @property
    def values(self) -> tuple[int, ...]:
        return self._values

    @property
    def value_labels(self) -> tuple[str, ...]:
        """The numbers written above the bars."""
        return tuple(str(label.textItem.toPlainText()) for label in self._value_labels)

    def show_bars(
        self, labels: Sequence[str], values: Sequence[int], colours: Sequence[str] = ()
    ) -> None:
        """One bar per label (``colours``: one per bar, else all blue)."""
        self._labels, self._values = tuple(labels), tuple(values)
        positions = list(range(len(values)))
        colours = list(colours) or [BAR_COLOUR] * len(values)
        # No bars: no per-bar pens either (pyqtgraph 0.14 fails on an empty list of pens).
        self.bars.setOpts(
            x=positions,
            height=list(values),
            width=_BAR_WIDTH,
            brushes=[pg.mkBrush(c) for c in colours] if values else None,
            pens=[pg.mkPen(c) for c in colours] if values else None,
        )
        for label in self._value_labels:
            self.plot.removeItem(label)
        self._value_labels = []
        for position, value in zip(positions, values, strict=True):
            text = pg.TextItem(str(value), color=_TEXT_COLOUR, anchor=(0.5, 1.0))
            text.setPos(position, value)
            self.plot.addItem(text)
            self._value_labels.append(text)
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks([list(zip(positions, labels, strict=True))])
        top = max(values, default=0)
        # Whole numbers only (people), and room above the highest bar for its number.
        step = max(1, math.ceil(top / 5))
        item.getAxis("left").setTickSpacing(step, step)
        self.plot.setYRange(0, max(top, 1) * 1.2, padding=0)
        self.plot.setXRange(-0.6, max(len(values), 1) - 0.4, padding=0)
