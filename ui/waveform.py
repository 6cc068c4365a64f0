"""The live plethysmogram of a continuous oximeter: a ring buffer painted with QPainter."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

__all__ = ["WaveformView"]

# Five seconds at the Contec oximeters' 60 Hz.
HISTORY_SAMPLES = 300


class WaveformView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spo2Waveform")
        self.setMinimumHeight(48)
        self._samples: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)

    @property
    def samples(self) -> npt.NDArray[np.int16]:
        return self._samples

    def append(self, chunk: npt.NDArray[np.int16]) -> None:
        """Add the newest samples (cheap: called at about 10 Hz on the GUI thread)."""
        self._samples = np.concatenate((self._samples, chunk))[-HISTORY_SAMPLES:]
        self.show()
        self.update()

    def clear(self) -> None:
        self._samples = np.zeros(0, dtype=np.int16)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#10202a"))
        samples = self._samples
        if len(samples) >= 2:
            low, high = float(samples.min()), float(samples.max())
            span = max(high - low, 1.0)
            width, height = self.width(), self.height()
            xs = np.linspace(0, width - 1, HISTORY_SAMPLES)[-len(samples) :]
            ys = height - 4 - (samples - low) / span * (height - 8)
            polygon = QPolygonF([QPointF(float(x), float(y)) for x, y in zip(xs, ys, strict=True)])
            painter.setPen(QPen(QColor("#4dd0e1"), 2, Qt.PenStyle.SolidLine))
            painter.drawPolyline(polygon)
        painter.end()
