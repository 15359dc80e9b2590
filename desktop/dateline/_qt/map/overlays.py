"""Small widgets around the map: an eliding caption, and the attribution line with
a scale bar pinned to the map's bottom-right corner."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from dateline._qt.map.scale import ScaleBar

ATTRIBUTION = "Natural Earth · world-atlas"


class ElidedLabel(QLabel):
    """A one-line plain-text label that shrinks with an ellipsis instead of overlapping."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter), text)


class CornerOverlay(QObject):
    """Attribution and scale bar as children of ``host``, kept in its bottom-right
    corner when it resizes."""

    def __init__(self, host: QWidget):
        super().__init__(host)
        self._host = host
        self.attribution = QLabel(ATTRIBUTION, host)
        self.scale_bar = ScaleBar(host)
        host.installEventFilter(self)

    def set_colour(self, colour: str) -> None:
        self.attribution.setStyleSheet(f"color: {colour}; font-size: 8pt;")
        self.scale_bar.setStyleSheet("font-size: 8pt;")
        self.scale_bar.set_colour(QColor(colour))
        self.place()

    def set_scale(self, km_per_pixel: float) -> None:
        before = self.scale_bar.sizeHint()
        self.scale_bar.set_scale(km_per_pixel)
        if self.scale_bar.sizeHint() != before:
            self.place()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._host and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        h, w = self._host.height(), self._host.width()
        self.attribution.adjustSize()
        self.attribution.move(w - self.attribution.width() - 6, h - self.attribution.height() - 4)
        bar, att = self.scale_bar.sizeHint(), self.attribution.geometry()
        self.scale_bar.setGeometry(att.x() - bar.width() - 4,
                                   att.y() + (att.height() - bar.height()) // 2,
                                   bar.width(), bar.height())
