"""Base map layers in a pyqtgraph ViewBox: land fill, coastline, borders, graticule,
country names.

Two resolutions are kept as a handful of items each (one path for all land, one
NaN-separated curve for all coastlines, one for all borders): the 50m detail while
the view is inside East Asia, the 110m world layer otherwise.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from dateline._qt.map.items import LabelItem
from dateline._qt.map.style import MapPalette, color, country_font
from dateline._qt.common.paint_cache import cache_static
from dateline.geo.basemap import EAST_ASIA, WORLD, Basemap, country_label_points, graticule
from dateline.geo.clip import BBox, join_nan
from dateline.geo.projection import Equirectangular

Z_LAND, Z_GRATICULE, Z_BORDER, Z_COAST, Z_COUNTRY_LABEL = -30, -25, -20, -15, -10


def _curve(points: np.ndarray, projection: Equirectangular, z: float) -> pg.PlotCurveItem:
    xy = projection.forward_points(points) if len(points) else np.empty((0, 2))
    item = pg.PlotCurveItem(xy[:, 0], xy[:, 1], connect="finite", antialias=True)
    item.setZValue(z)
    return item


def _land_item(basemap: Basemap, projection: Equirectangular) -> QGraphicsPathItem:
    xy = projection.forward_points(join_nan(list(basemap.land)))
    path = pg.arrayToQPath(xy[:, 0], xy[:, 1], connect="finite")
    item = QGraphicsPathItem(path)
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setZValue(Z_LAND)
    return item


class _Resolution:
    """The items of one base map resolution."""

    def __init__(self, basemap: Basemap, projection: Equirectangular):
        self.basemap = basemap
        self.land = _land_item(basemap, projection)
        self.coast = _curve(basemap.coastline, projection, Z_COAST)
        self.borders = _curve(basemap.borders, projection, Z_BORDER)

    def items(self):
        return (self.land, self.coast, self.borders)

    def set_visible(self, visible: bool) -> None:
        for item in self.items():
            item.setVisible(visible)

    def set_palette(self, p: MapPalette, detail: bool) -> None:
        self.land.setBrush(QBrush(color(p.land)))
        self.coast.setPen(pg.mkPen(color(p.coast), width=0.9 if detail else 0.8))
        self.borders.setPen(pg.mkPen(color(p.border), width=0.8,
                                     style=Qt.PenStyle.DashLine if not detail else
                                     Qt.PenStyle.SolidLine))


class _BaseStack(QGraphicsItem):
    """Land, graticule, borders and coastline painted as one item, cached as one
    pixmap. The markers lie all over the map, so every scrub step repaints all of it:
    one opaque-ish view-sized blit instead of one per layer (~1-3 ms a step). The layer
    items are not in the scene; their visibility says which resolution is drawn."""

    def __init__(self, layers):
        super().__init__()
        self._layers = layers          # () -> items, bottom to top
        self._bounds: QRectF | None = None
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_LAND)

    def changed(self) -> None:
        """A layer was shown, hidden or re-styled: render the cache again."""
        self.prepareGeometryChange()
        self._bounds = None
        self.update()

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            rect = QRectF()
            for item in self._layers():
                if item.isVisible():
                    path = item.path() if isinstance(item, QGraphicsPathItem) else item.getPath()
                    rect = rect.united(path.boundingRect())
            # room for the (cosmetic, pixel-wide) strokes on the outermost lines
            m = max(rect.width(), rect.height()) * 0.01
            self._bounds = rect.adjusted(-m, -m, m, m)
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        for item in self._layers():
            if item.isVisible():
                painter.save()
                item.paint(painter, option, widget)
                painter.restore()


class BaseLayers:
    """Owns the base map items in ``viewbox`` and switches level of detail."""

    def __init__(self, viewbox: pg.ViewBox, projection: Equirectangular,
                 detail: Basemap, world: Basemap):
        self._vb, self._proj = viewbox, projection
        self.detail = _Resolution(detail, projection)
        self.world = _Resolution(world, projection)
        self.graticule = _curve(graticule(WORLD.expanded(10), 10.0), projection, Z_GRATICULE)
        # The map repaints whenever its markers change (every scrub step): the base
        # layers are then blitted from one pixmap instead of filling and stroking
        # thousands of vertices; it re-renders when the view is zoomed.
        self.stack = _BaseStack(self._layers_bottom_up)
        viewbox.addItem(self.stack, ignoreBounds=True)
        cache_static(self.stack)
        self._labels: list[LabelItem] = []
        self._n_labels = 0          # labels in use; the rest of the pool is hidden
        self._palette: MapPalette | None = None
        self.show_detail(True)

    @property
    def detail_visible(self) -> bool:
        return self.detail.land.isVisible()

    def _layers_bottom_up(self):
        items = (*self.detail.items(), *self.world.items(), self.graticule)
        return sorted(items, key=lambda item: item.zValue())

    def show_detail(self, detail: bool) -> None:
        if self.detail.land.isVisible() == detail and self.world.land.isVisible() != detail:
            return
        self.detail.set_visible(detail)
        self.world.set_visible(not detail)
        self.stack.changed()

    def update_for_view(self, view: BBox) -> None:
        """Pick the resolution for the visible lon/lat box, then place country names."""
        self.show_detail(EAST_ASIA.contains_box(view))
        basemap = self.detail.basemap if self.detail_visible else self.world.basemap
        # Small countries only get a name when zoomed in enough for it to fit.
        fraction = 0.012 if self.detail_visible else 0.004
        self._place_country_labels(country_label_points(basemap, view, fraction))

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        self.detail.set_palette(p, detail=True)
        self.world.set_palette(p, detail=False)
        self.graticule.setPen(pg.mkPen(color(p.graticule), width=0.6))
        self.stack.changed()
        for label in self._labels:
            label.set_colors(color(p.country_label), color(p.country_label), color(p.land, 170))

    def avoid(self, occupied: np.ndarray) -> None:
        """Hide country names under a place marker or label (``occupied``: scene boxes
        x0, y0, x1, y1), or cut by the view edge."""
        frame = self._vb.sceneBoundingRect()
        for label in self._labels[:self._n_labels]:
            at = self._vb.mapViewToScene(label.pos())
            rect = label.text_rect().translated(at)
            hit = len(occupied) and bool(np.any(
                (occupied[:, 0] < rect.right()) & (occupied[:, 2] > rect.left())
                & (occupied[:, 1] < rect.bottom()) & (occupied[:, 3] > rect.top())))
            label.setVisible(frame.contains(rect) and not hit)

    def country_labels(self) -> list[str]:
        return [label.name for label in self._labels if label.isVisible()]

    def _place_country_labels(self, points: list[tuple[str, float, float]]) -> None:
        while len(self._labels) < len(points):
            label = LabelItem(country_font())
            label.setZValue(Z_COUNTRY_LABEL)
            label.set_layout("center", 0.0)
            if self._palette:
                p = self._palette
                label.set_colors(color(p.country_label), color(p.country_label),
                                 color(p.land, 170))
            self._vb.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        for label, (name, lon, lat) in zip(self._labels, points):
            x, y = self._proj.forward(lon, lat)
            label.set_text(name)
            label.setPos(float(x), float(y))
            label.setVisible(True)
        self._n_labels = len(points)
        for label in self._labels[len(points):]:
            label.setVisible(False)
