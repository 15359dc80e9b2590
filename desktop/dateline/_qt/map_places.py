"""Place markers: one ScatterPlotItem sized by count, labels (``map_labels``), a
selection ring and a hover ring; hit-testing in screen pixels, vectorised."""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from dateline._qt.map_labels import PlaceLabels
from dateline._qt.map_style import MapPalette, color, marker_sizes
from dateline.geo.basemap import is_area
from dateline.geo.projection import Equirectangular

Z_MARKER, Z_RING = 10, 11


@dataclass
class PlaceArrays:
    """The places currently shown, as parallel arrays (projected x/y)."""
    names: list[str]
    x: np.ndarray
    y: np.ndarray
    events: np.ndarray
    statements: np.ndarray
    area: np.ndarray         # bool: a country or region, located only approximately

    @property
    def counts(self) -> np.ndarray:
        return self.events + self.statements

    @classmethod
    def from_frame(cls, frame: pd.DataFrame | None, proj: Equirectangular) -> "PlaceArrays":
        if frame is None or frame.empty:
            return cls([], np.empty(0), np.empty(0), np.empty(0, int), np.empty(0, int),
                       np.empty(0, bool))
        lat = pd.to_numeric(frame["lat"], errors="coerce").to_numpy(float)
        lon = pd.to_numeric(frame["lon"], errors="coerce").to_numpy(float)
        events, statements = _int_col(frame, "n_events"), _int_col(frame, "n_statements")
        ok = np.isfinite(lat) & np.isfinite(lon)
        # Biggest first, so small markers are drawn on top and stay clickable.
        order = np.flatnonzero(ok)[np.argsort(-(events + statements)[ok], kind="stable")]
        x, y = proj.forward(lon[order], lat[order])
        names = [str(n) for n in frame["place"].to_numpy(object)[order]]
        area = np.array([is_area(n) for n in names], dtype=bool)
        return cls(names, x, y, events[order], statements[order], area)

    def index(self, name: str | None) -> int | None:
        try:
            return self.names.index(name) if name is not None else None
        except ValueError:
            return None


def _int_col(df: pd.DataFrame, name: str) -> np.ndarray:
    if name not in df:
        return np.zeros(len(df), dtype=int)
    return pd.to_numeric(df[name], errors="coerce").fillna(0).to_numpy().astype(int)


def tooltip_html(name: str, events: int, statements: int, off_view: bool = False,
                 area: bool = False) -> str:
    """Tooltip text; names come from article text, so they are escaped."""
    hint = "Click to list them" + (" · double-click to go there" if off_view else "")
    where = " <i>(country or region: marker at its centre)</i>" if area else ""
    return (f"<b>{html.escape(name)}</b>{where}<br>{events} event{'s' * (events != 1)} · "
            f"{statements} statement{'s' * (statements != 1)}<br><i>{hint}</i>")


class PlacesLayer:
    def __init__(self, viewbox: pg.ViewBox, projection: Equirectangular):
        self._vb, self._proj = viewbox, projection
        self.places = PlaceArrays.from_frame(None, projection)
        self.selected: str | None = None
        self.hovered: str | None = None
        self.scatter = pg.ScatterPlotItem(pxMode=True, antialias=True, hoverable=False)
        self.ring = pg.ScatterPlotItem(pxMode=True, antialias=True)
        self.hover_ring = pg.ScatterPlotItem(pxMode=True, antialias=True)
        for item, z in ((self.scatter, Z_MARKER), (self.hover_ring, Z_RING), (self.ring, Z_RING)):
            item.setZValue(z)
            viewbox.addItem(item, ignoreBounds=True)
        self.labels = PlaceLabels(viewbox)
        self._palette: MapPalette | None = None
        self._brushes: tuple = ()
        self._pens: tuple = ()
        self.reference = 1      # largest count seen: the biggest marker (see reset_scale)
        self._sizes = np.empty(0)

    # -- data ------------------------------------------------------------------
    def reset_scale(self) -> None:
        """New data: marker sizes restart from its counts."""
        self.reference = 1

    def set_places(self, frame: pd.DataFrame | None) -> None:
        self._set_arrays(frame)
        self.labels.clear()          # until the owner lays labels out for the new places

    def update_counts(self, frame: pd.DataFrame | None) -> None:
        """The per-step minimum while the window is dragged: new markers, and the labels
        already shown kept on their places (re-indexed by name, stale counts) until the
        owner lays them out again once the drag pauses."""
        kept = {self.places.names[i]: label for i, label in self.labels.shown.items()}
        self._set_arrays(frame)
        where = {name: i for i, name in enumerate(self.places.names) if name in kept}
        self.labels.keep({i: kept[name] for name, i in where.items()})

    def _set_arrays(self, frame: pd.DataFrame | None) -> None:
        self.places = PlaceArrays.from_frame(frame, self._proj)
        # A running maximum keeps sizes comparable while the user scrubs the window.
        self.reference = max(self.reference, int(self.places.counts.max(initial=1)))
        self._sizes = marker_sizes(self.places.counts, self.reference).astype(float)
        self._redraw_markers()
        self._redraw_rings()

    def set_selected(self, name: str | None) -> None:
        self.selected = name
        self._redraw_rings()

    def set_hovered(self, name: str | None) -> None:
        if name != self.hovered:
            self.hovered = name
            self._redraw_rings()

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        # Point places: solid dots. Countries and regions: a tinted disc with a marker-
        # coloured rim, so an approximate location does not read as a city.
        self._brushes = (pg.mkBrush(color(p.marker_empty, 180)), pg.mkBrush(color(p.marker, 205)),
                         pg.mkBrush(color(p.marker, 70)))
        self._pens = (pg.mkPen(color(p.marker_edge), width=1.5),
                      pg.mkPen(color(p.marker, 230), width=1.8))
        self.labels.set_palette(p)
        self.labels.highlight(self.places.index(self.selected))
        self._redraw_markers()
        self._redraw_rings()

    # -- geometry ----------------------------------------------------------------
    def sizes(self) -> np.ndarray:
        return self._sizes

    def scene_xy(self) -> tuple[np.ndarray, np.ndarray]:
        """Marker centres in scene pixels (the view transform is scale + translate)."""
        self._vb.updateMatrix()     # pyqtgraph applies a new range lazily, at paint time
        t = self._vb.childGroup.sceneTransform()
        x, y = self.places.x, self.places.y
        return x * t.m11() + y * t.m21() + t.dx(), x * t.m12() + y * t.m22() + t.dy()

    def scene_points(self) -> list[QPointF]:
        sx, sy = self.scene_xy()
        return [QPointF(float(a), float(b)) for a, b in zip(sx, sy)]

    def in_view(self, rect: QRectF) -> np.ndarray:
        """Which places lie inside ``rect`` (view coordinates)."""
        p = self.places
        return ((p.x >= rect.left()) & (p.x <= rect.right())
                & (p.y >= rect.top()) & (p.y <= rect.bottom()))

    def hit(self, scene_pos: QPointF, slop: float = 4.0) -> str | None:
        """The place under a scene position: its marker (the smallest of overlapping
        markers, so small ones stay reachable), else its label."""
        if not self.places.names:
            return None
        sx, sy = self.scene_xy()
        d = np.hypot(sx - scene_pos.x(), sy - scene_pos.y())
        under = np.flatnonzero(d <= self._sizes / 2 + slop)
        if len(under):
            return self.places.names[int(under[np.argmin(self._sizes[under])])]
        i = self.labels.hit(scene_pos, (sx, sy))
        return None if i is None else self.places.names[i]

    def layout_labels(self, reserved: list[QRectF] = ()) -> None:
        """Label the places in view, by priority: selected, hovered, then by count,
        keeping clear of ``reserved`` scene rects."""
        p = self.places
        inside = np.flatnonzero(self.in_view(self._vb.viewRect()))
        order = sorted(inside.tolist(), key=lambda i: (p.names[i] != self.selected,
                                                       p.names[i] != self.hovered,
                                                       -int(p.counts[i]), p.names[i]))
        must = {i for i in (p.index(self.selected), p.index(self.hovered)) if i is not None}
        selected = p.index(self.selected)
        gaps = self._sizes / 2 + 3
        if selected is not None:
            gaps[selected] += 6                     # clear the selection ring
        self.labels.layout(order, p.names, p.counts, (p.x, p.y), self.scene_xy(),
                           self._sizes, gaps, must, reserved)
        self.labels.highlight(selected)

    def occupied_rects(self) -> list[QRectF]:
        """Scene rects of markers and labels (country names keep clear of them)."""
        sx, sy = self.scene_xy()
        inside = self.in_view(self._vb.viewRect())
        rects = [QRectF(x - s / 2, y - s / 2, s, s)
                 for x, y, s in zip(sx[inside], sy[inside], self._sizes[inside])]
        return rects + self.labels.rects((sx, sy))

    def visible_labels(self) -> list[str]:
        return [self.places.names[i] for i in self.labels.shown]

    # -- internals ---------------------------------------------------------------
    def _redraw_markers(self) -> None:
        p, places = self._palette, self.places
        if p is None:
            return
        brushes = [self._brushes[2 if area else int(bool(n))]
                   for n, area in zip(places.counts, places.area)]
        pens = [self._pens[int(area)] for area in places.area]
        self.scatter.setData(x=places.x, y=places.y, size=self._sizes, brush=brushes,
                             pen=pens, data=places.names)

    def _redraw_rings(self) -> None:
        p = self._palette
        if p is None:
            return
        for item, name, col, width in ((self.ring, self.selected, p.selected, 3.0),
                                       (self.hover_ring, self.hovered, p.hover, 2.0)):
            i = self.places.index(name)
            if i is None:
                item.setData([], [])
                continue
            size = self._sizes[i] + (10 if item is self.ring else 6)
            item.setData([self.places.x[i]], [self.places.y[i]], size=size,
                         brush=pg.mkBrush(QColor(0, 0, 0, 0)),
                         pen=pg.mkPen(color(col), width=width))
