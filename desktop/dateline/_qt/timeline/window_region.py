"""The timeline's time-window region: pyqtgraph's LinearRegionItem, cheaper to move.

Every scrub step moves the region (in the lanes and in the histogram). ``setRegion``
moves each edge line through ``setValue`` (bounds checks, a bounding-rect recompute from
the view's pixel vectors, three signals, all in Python) and pyqtgraph recomputes the
region's own bounding rect from the view rect every time Qt asks, dozens of times a paint.
Here a move from code sets the two edges directly and the region's bounds are cached
until the edges move or the view transform changes. Dragging by the user goes through
pyqtgraph's own path, unchanged.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsObject


class WindowRegion(pg.LinearRegionItem):
    def __init__(self, *args, **kwargs):
        self._bounds: QRectF | None = None
        super().__init__(*args, **kwargs)

    def move_to(self, x0: float, x1: float) -> None:
        """Put the edges at x0 <= x1 without emitting the region's change signals (a move
        from code, not a gesture: the owner already knows)."""
        x0, x1 = min(x0, x1), max(x0, x1)
        if self.lines[0].value() == x0 and self.lines[1].value() == x1:
            return
        for line, x in zip(self.lines, (x0, x1)):
            # A vertical line moved sideways keeps its bounds in its own coordinates
            # (along the line: the view's height; across: the pen's width), so no
            # recompute; ``p`` is what InfiniteLine.value() reads.
            line.p = [float(x), 0.0]
            QGraphicsObject.setPos(line, QPointF(float(x), 0.0))
        self._bounds = None
        self.prepareGeometryChange()
        self.update()

    def lineMoved(self, i):  # noqa: N802 (pyqtgraph's name)
        self._bounds = None
        super().lineMoved(i)

    def viewTransformChanged(self):  # noqa: N802
        self._bounds = None                 # a new range applied (pyqtgraph: at paint)
        super().viewTransformChanged()

    def boundingRect(self):  # noqa: N802
        if self._bounds is None:
            self._bounds = super().boundingRect()
        return QRectF(self._bounds)
