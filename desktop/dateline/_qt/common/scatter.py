"""A ScatterPlotItem that remembers its bounding rect.

Qt asks an item for its bounds many times per repaint (~25 times a scrub step for the
map's markers), and pyqtgraph recomputes them each time from the data bounds and the
view's pixel vectors (~15 us a call). pyqtgraph replaces its ``bounds`` list whenever
they may have changed (new points, sizes or pens, a new view transform), so the list's
identity is the cache key: no pyqtgraph method needs wrapping.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF


class Scatter(pg.ScatterPlotItem):
    _rect_key = None
    _rect = None

    def boundingRect(self):  # noqa: N802 (Qt's name)
        if self._rect_key is not self.bounds or self._rect is None:
            self._rect = super().boundingRect()     # fills self.bounds in place
            self._rect_key = self.bounds
        return self._rect


class MarkerScatter(Scatter):
    """A pixel-sized marker scatter whose updates repaint only the markers that changed.

    The map's markers spread over the whole map, so pyqtgraph's ``setData`` (which marks
    the item's whole bounding rect dirty) repainted all of the map on every scrub step,
    base map and labels included, though only some markers had changed size. When the
    markers' extent (so the item's bounds) stays the same, ``set_markers`` marks just
    the markers that appeared, went or changed size."""
    _partial = False
    _drawn = None            # (x, y, size) arrays as last drawn

    def set_markers(self, x, y, size, data, pixel: tuple[float, float], pad: float) -> None:
        """Show markers at x, y (view units) of ``size`` px; ``pixel``: a screen pixel's
        width and height in view units; ``pad``: px beyond a marker its pen may draw."""
        x, y, size = (np.asarray(a, dtype=float) for a in (x, y, size))
        old = self._drawn
        self._drawn = (x, y, size)
        if old is None or not _same_extent(old, self._drawn):
            self.setData(x=x, y=y, size=size, data=data)
            return
        changed = _changed_markers(old, self._drawn)
        if not changed and list(self.data["data"]) == list(data):
            return                                      # nothing to draw differently
        self._partial = True
        try:
            self.setData(x=x, y=y, size=size, data=data)
        finally:
            self._partial = False
        for cx, cy, s in changed:
            half = s / 2 + pad
            self.update(QRectF(cx - half * pixel[0], cy - half * pixel[1],
                               2 * half * pixel[0], 2 * half * pixel[1]))

    def forget(self) -> None:
        """Styles or view changed: the next ``set_markers`` repaints everything."""
        self._drawn = None

    def prepareGeometryChange(self):  # noqa: N802 (Qt's name)
        if not self._partial:            # same extent: same bounds, nothing to announce
            super().prepareGeometryChange()

    def invalidate(self):
        if self._partial:
            self.picture = None          # set_markers marks the changed markers dirty
        else:
            super().invalidate()


def _same_extent(a, b) -> bool:
    """Same bounds: the data's min/max in x and y and the largest marker."""
    if len(a[0]) == 0 or len(b[0]) == 0:
        return False
    return all(u.min() == v.min() and u.max() == v.max() for u, v in zip(a[:2], b[:2])) \
        and a[2].max() == b[2].max()


def _changed_markers(old, new) -> set[tuple[float, float, float]]:
    """Markers (x, y, size) drawn in one state and not the other."""
    before = set(zip(*(a.tolist() for a in old)))
    after = set(zip(*(a.tolist() for a in new)))
    return before ^ after
