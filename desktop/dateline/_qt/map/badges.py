"""The number of places on each cluster marker: a small pool of centred labels, reused
between updates (a scrub step keeps their texts, so it renders none)."""
from __future__ import annotations

import pyqtgraph as pg

from dateline._qt.map.items import LabelItem
from dateline._qt.map.style import MapPalette, color, label_font

Z_BADGE = 10.5          # over the markers (10), under the rings (11)
MAX_BADGES = 60


class ClusterBadges:
    def __init__(self, viewbox: pg.ViewBox):
        self._vb = viewbox
        self._pool: list[LabelItem] = []
        self._palette: MapPalette | None = None
        self.texts: list[str] = []          # as shown, for tests and the self-test

    def show(self, points: list[tuple[float, float, int]]) -> None:
        """A badge with ``n`` at each (x, y, n) in view coordinates (at most MAX_BADGES)."""
        points = points[:MAX_BADGES]
        while len(self._pool) < len(points):
            badge = LabelItem(label_font(8.0, True))
            badge.setZValue(Z_BADGE)
            badge.set_layout("center", 0.0)
            self._colour(badge)
            self._vb.addItem(badge, ignoreBounds=True)
            self._pool.append(badge)
        for badge, (x, y, n) in zip(self._pool, points):
            badge.set_text(str(n))
            badge.setPos(x, y)
            badge.setVisible(True)
        for badge in self._pool[len(points):]:
            badge.setVisible(False)
        self.texts = [str(n) for _, _, n in points]

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        for badge in self._pool:
            self._colour(badge)

    def _colour(self, badge: LabelItem) -> None:
        """Marker-edge text on a marker-coloured halo: readable on the marker it sits on."""
        p = self._palette
        if p is not None:
            badge.set_colors(color(p.marker_edge), color(p.marker_edge), color(p.marker, 200))
