"""A scale bar for the map (true along the view's middle latitude)."""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

KM_PER_DEGREE = 111.32     # one degree of latitude, or of longitude at the equator


def nice_length(max_km: float) -> float:
    """The largest 1, 2 or 5 x 10^n kilometres not above ``max_km``."""
    if max_km <= 0:
        return 0.0
    base = 10 ** math.floor(math.log10(max_km))
    return max(step * base for step in (1, 2, 5) if step * base <= max_km)


def km_per_unit_x(k: float, lat: float) -> float:
    """Kilometres per view unit along x at ``lat`` (x = lon * k in the projection)."""
    return KM_PER_DEGREE * math.cos(math.radians(lat)) / k


class ScaleBar(QWidget):
    """``set_scale(km_per_pixel)`` then it paints e.g. ``|-----| 500 km``."""

    MAX_PX = 110

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._km, self._px, self._colour = 0.0, 0.0, QColor("#5b6670")

    def set_scale(self, km_per_pixel: float) -> None:
        self._km = nice_length(km_per_pixel * self.MAX_PX) if km_per_pixel > 0 else 0.0
        px = self._km / km_per_pixel if self._km else 0.0
        if round(px) != round(self._px):
            self._px = px
            self.updateGeometry()          # the owner re-places it (width follows the bar)
        self._px = px
        self.update()

    def set_colour(self, colour: QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def label(self) -> str:
        return f"{self._km:,.0f} km" if self._km >= 1 else ""

    def sizeHint(self) -> QSize:
        text = self.fontMetrics().horizontalAdvance(self.label())
        return QSize(int(self._px) + 10 + text, self.fontMetrics().height() + 2)

    def paintEvent(self, event) -> None:
        if not self._px:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self._colour, 1.2))
        y = self.height() / 2 + 1
        x0, x1 = 1.0, 1.0 + self._px
        painter.drawLine(int(x0), int(y), int(x1), int(y))
        for x in (x0, x1):
            painter.drawLine(int(x), int(y - 3), int(x), int(y + 3))
        text_rect = QRectF(x1 + 6, 0, self.width() - x1 - 6, self.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), self.label())
