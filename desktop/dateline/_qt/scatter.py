"""A ScatterPlotItem that remembers its bounding rect.

Qt asks an item for its bounds many times per repaint (~25 times a scrub step for the
map's markers), and pyqtgraph recomputes them each time from the data bounds and the
view's pixel vectors (~15 us a call). pyqtgraph replaces its ``bounds`` list whenever
they may have changed (new points, sizes or pens, a new view transform), so the list's
identity is the cache key: no pyqtgraph method needs wrapping.
"""
from __future__ import annotations

import pyqtgraph as pg


class Scatter(pg.ScatterPlotItem):
    _rect_key = None
    _rect = None

    def boundingRect(self):  # noqa: N802 (Qt's name)
        if self._rect_key is not self.bounds or self._rect is None:
            self._rect = super().boundingRect()     # fills self.bounds in place
            self._rect_key = self.bounds
        return self._rect
