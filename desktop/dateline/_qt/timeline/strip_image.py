"""An RGBA image drawn into a rectangle of view coordinates, nothing else.

The timeline's density strips change on every scrub step. ``pg.ImageItem`` re-runs its
levels/lookup-table pipeline in Python at each paint (~0.5 ms a step at 100k events) and
keeps a transform to place the image; the strips are ready-made RGBA, so this item wraps
the array in a QImage once per update and blits it, scaled without smoothing (the gap
rows between lanes stay crisp). A changed image repaints all of its rectangle: repainting
only the changed columns was tried and left 1-px seams, because Qt's raster engine
samples a scaled image differently under a clip made of several rectangles.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsObject

_EMPTY = np.zeros((0, 0, 4), dtype=np.uint8)


class StripImage(QGraphicsObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = _EMPTY             # (rows, cols, 4) uint8, RGBA, straight alpha
        self._qimage: QImage | None = None
        self._rect = QRectF()

    def set_image(self, rgba: np.ndarray, rect: QRectF) -> None:
        """Show ``rgba`` (rows top to bottom = lanes from y=rect.top()) over ``rect``."""
        old, old_rect = self.image, self._rect
        self.image = np.ascontiguousarray(rgba, dtype=np.uint8)
        h, w = self.image.shape[:2]
        # QImage borrows the buffer: self.image keeps it alive while the QImage lives.
        self._qimage = QImage(self.image.data, w, h, 4 * w, QImage.Format.Format_RGBA8888) \
            if h and w else None
        if old.shape == self.image.shape and QRectF(rect) == old_rect and \
                np.array_equal(old, self.image):
            return                                  # same pixels: nothing to repaint
        self.prepareGeometryChange()
        self._rect = QRectF(rect)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return QRectF(self._rect)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        if self._qimage is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(self._rect, self._qimage)
