"""Place markers: one ScatterPlotItem sized by count, labels (``map_labels``), a
selection ring and a hover ring; hit-testing in screen pixels, vectorised. Places whose
markers would pile up at the current zoom are drawn as one cluster marker
(``dateline.geo.cluster``) with the number of its places on it."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from dateline._qt.map.badges import ClusterBadges
from dateline._qt.map.labels import PlaceLabels
from dateline._qt.map.style import MapPalette, color, marker_sizes
from dateline._qt.common.scatter import MarkerScatter, Scatter
from dateline.geo.basemap import is_area
from dateline.geo.cluster import CLUSTER_PX, greedy_clusters
from dateline.geo.projection import Equirectangular
from dateline.model.place_counts import PlaceCounts, PlaceTable

Z_MARKER, Z_RING = 10, 11
MARKER_PAD_PX = 4.0      # a marker's pen (<= 1.8 px) and antialiasing beyond its size
PlaceData = PlaceCounts | pd.DataFrame | None     # a query's counts, or a frame of them


@dataclass
class PlaceArrays:
    """The places currently shown, as parallel arrays (projected x/y)."""
    names: list[str]
    x: np.ndarray
    y: np.ndarray
    events: np.ndarray
    statements: np.ndarray
    area: np.ndarray         # bool: a country or region, located only approximately
    pos: np.ndarray | None = None    # positions in the store's place table, if from one
    # A cluster's index -> its places' names (biggest first; the first names the cluster)
    members: dict[int, list[str]] = field(default_factory=dict)

    @property
    def counts(self) -> np.ndarray:
        return self.events + self.statements

    def members_of(self, name: str | None) -> list[str]:
        """The places a cluster marker stands for; [] for a place's own marker."""
        i = self.index(name)
        return self.members.get(i, []) if i is not None else []

    def label_names(self) -> list[str]:
        """Names as labelled: a cluster reads "Paris +3"."""
        out = list(self.names)
        for i, names in self.members.items():
            out[i] = f"{names[0]} +{len(names) - 1}"
        return out

    def clustered(self, cluster: np.ndarray, anchor_x: np.ndarray,
                  anchor_y: np.ndarray) -> "PlaceArrays":
        """One marker per ``cluster`` id (per place); a cluster of two or more places
        sits at its anchor (its leader's position, the same at every step), sums their
        counts and is named after its biggest place in the window."""
        ids, first, inverse, sizes = np.unique(cluster, return_index=True,
                                               return_inverse=True, return_counts=True)
        if len(ids) == len(cluster):
            return self
        multi = sizes > 1
        by_cluster = np.argsort(inverse, kind="stable")         # members, cluster by cluster
        ends = np.cumsum(sizes)
        events = np.bincount(inverse, weights=self.events, minlength=len(ids)).astype(int)
        statements = np.bincount(inverse, weights=self.statements,
                                 minlength=len(ids)).astype(int)
        x = np.where(multi, anchor_x[first], self.x[first])
        y = np.where(multi, anchor_y[first], self.y[first])
        order = np.argsort(-(events + statements), kind="stable")     # biggest first
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        members = {int(rank[k]): [self.names[i] for i in by_cluster[ends[k] - sizes[k]:ends[k]]
                                  .tolist()] for k in np.flatnonzero(multi).tolist()}
        names = [self.names[i] for i in first[order].tolist()]
        return PlaceArrays(names, x[order], y[order], events[order], statements[order],
                           (self.area[first] & ~multi)[order], None, members)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame | None, proj: Equirectangular) -> "PlaceArrays":
        if frame is None or frame.empty:
            return cls([], np.empty(0), np.empty(0), np.empty(0, int), np.empty(0, int),
                       np.empty(0, bool))
        # Each column is looked up once: on a new frame (one per scrub step) a lookup
        # by name costs ~50 us in pandas.
        cols = dict(frame.items())
        lat, lon = _float_col(cols["lat"]), _float_col(cols["lon"])
        events, statements = _int_col(cols.get("n_events")), _int_col(cols.get("n_statements"))
        n = len(frame)
        events = np.zeros(n, dtype=int) if events is None else events
        statements = np.zeros(n, dtype=int) if statements is None else statements
        ok = np.isfinite(lat) & np.isfinite(lon)
        # Biggest first, so small markers are drawn on top and stay clickable.
        order = np.flatnonzero(ok)[np.argsort(-(events + statements)[ok], kind="stable")]
        x, y = proj.forward(lon[order], lat[order])
        names = cols["place"].to_numpy(object)[order].tolist()
        if not all(type(name) is str for name in names):
            names = [str(name) for name in names]
        area = np.fromiter(map(_is_area, names), dtype=bool, count=len(names))
        return cls(names, x, y, events[order], statements[order], area)

    @classmethod
    def from_counts(cls, counts: PlaceCounts, geo: TableGeo) -> "PlaceArrays":
        """As ``from_frame``, from a query's counts over a store's place table whose
        positions were projected once (``geo``): a scrub step is then a few takes."""
        pos = counts.positions
        total = counts.n_events + counts.n_statements
        located = np.flatnonzero(geo.ok[pos])
        order = located[np.argsort(-total[located], kind="stable")]   # biggest first
        shown = pos[order]
        names = geo.names
        return cls([names[i] for i in shown.tolist()], geo.x[shown], geo.y[shown],
                   counts.n_events[order].astype(int, copy=False),
                   counts.n_statements[order].astype(int, copy=False), geo.area[shown],
                   shown)

    def index(self, name: str | None) -> int | None:
        try:
            return self.names.index(name) if name is not None else None
        except ValueError:
            return None


@dataclass(frozen=True, eq=False)
class TableGeo:
    """A store's place table projected once: x, y, located, is-an-area per position."""
    table: PlaceTable
    names: list[str]
    x: np.ndarray
    y: np.ndarray
    ok: np.ndarray
    area: np.ndarray

    @classmethod
    def of(cls, table: PlaceTable, proj: Equirectangular) -> "TableGeo":
        lat = np.asarray(table.lat, dtype=float)
        lon = np.asarray(table.lon, dtype=float)
        ok = np.isfinite(lat) & np.isfinite(lon)
        x, y = proj.forward(lon, lat)
        names = [n if type(n) is str else str(n) for n in table.name_list]
        area = np.fromiter(map(_is_area, names), dtype=bool, count=len(names))
        return cls(table, names, np.asarray(x, dtype=float), np.asarray(y, dtype=float), ok,
                   area)


def _int_col(col: pd.Series | None) -> np.ndarray | None:
    if col is None:
        return None
    if col.dtype.kind in "iu":                      # the store's counts: no coercion
        return col.to_numpy().astype(int, copy=False)
    return pd.to_numeric(col, errors="coerce").fillna(0).to_numpy().astype(int)


def _float_col(col: pd.Series) -> np.ndarray:
    if col.dtype.kind == "f":
        return col.to_numpy(dtype=float)
    return pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)


@lru_cache(maxsize=65536)
def _is_area(name: str) -> bool:
    """``is_area`` once per name (asked for every place on every scrub step)."""
    return is_area(name)


def tooltip_html(name: str, events: int, statements: int, off_view: bool = False,
                 area: bool = False) -> str:
    """Tooltip text; names come from article text, so they are escaped."""
    hint = "Click to list them" + (" · double-click to go there" if off_view else "")
    where = " <i>(country or region: marker at its centre)</i>" if area else ""
    return (f"<b>{html.escape(name)}</b>{where}<br>{events} event{'s' * (events != 1)} · "
            f"{statements} statement{'s' * (statements != 1)}<br><i>{hint}</i>")


def cluster_tooltip_html(members: list[str], events: int, statements: int,
                         shown: int = 8) -> str:
    """A cluster marker's tooltip: its places (escaped: names come from article text)."""
    names = ", ".join(html.escape(name) for name in members[:shown])
    more = f" and {len(members) - shown} more" if len(members) > shown else ""
    return (f"<b>{len(members)} places</b>: {names}{more}<br>{events} event"
            f"{'s' * (events != 1)} · {statements} statement{'s' * (statements != 1)}"
            "<br><i>Click to zoom in and split them</i>")


class PlacesLayer:
    def __init__(self, viewbox: pg.ViewBox, projection: Equirectangular):
        self._vb, self._proj = viewbox, projection
        self.places = PlaceArrays.from_frame(None, projection)
        self.selected: str | None = None
        self.hovered: str | None = None
        # One scatter per marker style, each with a single brush and pen: per-point
        # brush lists are pyqtgraph's slow path, and markers change on every scrub step.
        # Countries/regions (approximate) lie under places with nothing in the window,
        # which lie under the places with events; each is drawn biggest first.
        self.scatter = MarkerScatter(pxMode=True, antialias=True, hoverable=False)
        self.scatter_empty = MarkerScatter(pxMode=True, antialias=True, hoverable=False)
        self.scatter_area = MarkerScatter(pxMode=True, antialias=True, hoverable=False)
        self.ring = Scatter(pxMode=True, antialias=True)
        self.hover_ring = Scatter(pxMode=True, antialias=True)
        for item, z in ((self.scatter_area, Z_MARKER - 0.2), (self.scatter_empty, Z_MARKER - 0.1),
                        (self.scatter, Z_MARKER), (self.hover_ring, Z_RING),
                        (self.ring, Z_RING)):
            item.setZValue(z)
            viewbox.addItem(item, ignoreBounds=True)
        self.labels = PlaceLabels(viewbox)
        self.badges = ClusterBadges(viewbox)     # place counts on cluster markers
        self._palette: MapPalette | None = None
        self.raw = self.places      # the places one by one, before clustering
        # (key, TableGeo or None, leader per table position, none merged): the clusters
        self._clusters: tuple | None = None
        self.reference = 1      # largest count seen: the biggest marker (see reset_scale)
        self._sizes = np.empty(0)
        self._clip: QRectF | None = None     # view area the drawn markers cover
        self._geo: TableGeo | None = None     # the current store's places, projected

    # -- data ------------------------------------------------------------------
    def reset_scale(self) -> None:
        """New data: marker sizes restart from its counts."""
        self.reference = 1

    def set_places(self, frame: PlaceData) -> None:
        self._set_arrays(frame)
        self.labels.clear()          # until the owner lays labels out for the new places

    def update_counts(self, frame: PlaceData) -> None:
        """The per-step minimum while the window is dragged: new markers, and the labels
        already shown kept on their places (re-indexed by name, their counts as they were:
        a new count is a new text to render) until the owner lays them out again once the
        drag pauses."""
        kept = {self.places.names[i]: label for i, label in self.labels.shown.items()}
        self._set_arrays(frame)
        where = {name: i for i, name in enumerate(self.places.names) if name in kept}
        self.labels.keep({i: kept[name] for name, i in where.items()})

    def _set_arrays(self, data: PlaceData) -> None:
        if isinstance(data, PlaceCounts):
            if self._geo is None or self._geo.table is not data.table:
                self._geo = TableGeo.of(data.table, self._proj)
            self.raw = PlaceArrays.from_counts(data, self._geo)
        else:
            self.raw = PlaceArrays.from_frame(data, self._proj)
        self.places = self._cluster(self.raw)
        # A running maximum keeps sizes comparable while the user scrubs the window.
        self.reference = max(self.reference, int(self.places.counts.max(initial=1)))
        self._sizes = marker_sizes(self.places.counts, self.reference).astype(float)
        self._redraw_markers()
        self._redraw_rings()

    def set_selected(self, name: str | None) -> None:
        if name != self.selected:
            self.selected = name
            if self._clusters is not None:      # the selected place leaves its cluster
                self._recluster()
        self._redraw_rings()

    # -- clusters ------------------------------------------------------------------
    def _cluster_key(self) -> tuple | None:
        """What the clusters depend on: the zoom (a pixel's size), the selected place;
        None before the view has a size."""
        pw, ph = self._vb.viewPixelSize()
        if not (np.isfinite(pw) and np.isfinite(ph) and pw > 0 and ph > 0):
            return None
        return float(pw), float(ph), self.selected

    def _cluster(self, raw: PlaceArrays) -> PlaceArrays:
        """``raw`` with the markers that would pile up merged into cluster markers."""
        key = self._cluster_key()
        if key is None or len(raw.names) < 2:
            return raw
        pw, ph, selected = key
        if raw.pos is not None:
            # Clusters of the whole place table, once per zoom: a scrub step only looks
            # its places up (and they keep their clusters while the window moves).
            geo = self._geo
            if self._clusters is None or self._clusters[0] != key or \
                    self._clusters[1] is not geo:
                alone = geo.area.copy()
                if selected in geo.names:
                    alone[geo.names.index(selected)] = True
                weight = geo.table.weight if geo.table.weight is not None else \
                    np.zeros(len(geo.names))
                leader = greedy_clusters(np.where(geo.ok, geo.x / pw, np.nan), geo.y / ph,
                                         weight, CLUSTER_PX, alone)
                self._clusters = (key, geo, leader,
                                  bool((leader == np.arange(len(leader))).all()))
            if self._clusters[3]:                   # no two places share a marker
                return raw
            leader = self._clusters[2][raw.pos]
            return raw.clustered(leader, geo.x[leader], geo.y[leader])
        alone = raw.area | np.array([n == selected for n in raw.names], dtype=bool)
        leader = greedy_clusters(raw.x / pw, raw.y / ph, raw.counts, CLUSTER_PX, alone)
        self._clusters = (key, None, None, False)
        return raw.clustered(leader, raw.x[leader], raw.y[leader])

    def _recluster(self) -> None:
        """The zoom or the selection changed: cluster the same data again."""
        self.places = self._cluster(self.raw)
        self._sizes = marker_sizes(self.places.counts, self.reference).astype(float)
        self.labels.clear()
        self._redraw_markers()
        self._redraw_rings()

    def cluster_box(self, name: str) -> QRectF | None:
        """The view-coordinate box around a cluster's places; None for a single place."""
        members = self.places.members_of(name)
        idx = [i for i in map(self.raw.index, members) if i is not None]
        if len(idx) < 2:
            return None
        x, y = self.raw.x[idx], self.raw.y[idx]
        return QRectF(float(x.min()), float(y.min()), float(np.ptp(x)), float(np.ptp(y)))

    def set_hovered(self, name: str | None) -> None:
        if name != self.hovered:
            self.hovered = name
            self._redraw_rings()

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        # Point places: solid dots. Countries and regions: a tinted disc with a marker-
        # coloured rim, so an approximate location does not read as a city.
        edge, rim = pg.mkPen(color(p.marker_edge), width=1.5), pg.mkPen(color(p.marker, 230),
                                                                         width=1.8)
        for item, brush, pen in ((self.scatter_empty, color(p.marker_empty, 180), edge),
                                 (self.scatter, color(p.marker, 205), edge),
                                 (self.scatter_area, color(p.marker, 70), rim)):
            item.setBrush(pg.mkBrush(brush), update=False)
            item.setPen(pen, update=False)
            item.forget()                       # new colours: draw every marker again
        self.labels.set_palette(p)
        self.badges.set_palette(p)
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
        inside = np.flatnonzero(self.in_view(self._vb.viewRect())).tolist()
        by_count = sorted(zip((-p.counts[inside]).tolist(), [p.names[i] for i in inside],
                              inside))
        first = [i for i in dict.fromkeys((p.index(self.selected), p.index(self.hovered)))
                 if i is not None and i in set(inside)]
        order = first + [i for _, _, i in by_count if i not in first]
        must = {i for i in (p.index(self.selected), p.index(self.hovered)) if i is not None}
        selected = p.index(self.selected)
        gaps = self._sizes / 2 + 3
        if selected is not None:
            gaps[selected] += 6                     # clear the selection ring
        self.labels.layout(order, p.label_names(), p.counts, (p.x, p.y), self.scene_xy(),
                           self._sizes, gaps, must, reserved)
        self.labels.highlight(selected)

    def occupied_rects(self) -> np.ndarray:
        """Scene boxes (x0, y0, x1, y1) of markers in view and labels (country names
        keep clear of them)."""
        sx, sy = self.scene_xy()
        inside = self.in_view(self._vb.viewRect())
        half = self._sizes[inside] / 2
        x, y = sx[inside], sy[inside]
        labels = [[r.left(), r.top(), r.right(), r.bottom()] for r in self.labels.rects((sx, sy))]
        return np.vstack([np.column_stack([x - half, y - half, x + half, y + half]),
                          np.array(labels, dtype=float).reshape(-1, 4)])

    def visible_labels(self) -> list[str]:
        return [self.places.names[i] for i in self.labels.shown]

    # -- internals ---------------------------------------------------------------
    def _redraw_markers(self) -> None:
        """Markers of the places in and around the view (the rest are edge arrows): a
        scrub step redraws ~100 of them, not every place in the data."""
        if self._palette is None:
            return
        places = self.places
        r = self._vb.viewRect()
        self._clip = r.adjusted(-r.width(), -r.height(), r.width(), r.height())
        near = self.in_view(self._clip)
        area, filled = places.area, places.counts > 0
        pixel = self._vb.viewPixelSize()
        for item, keep in ((self.scatter, ~area & filled & near),
                           (self.scatter_empty, ~area & ~filled & near),
                           (self.scatter_area, area & near)):
            idx = np.flatnonzero(keep)
            # Biggest first, equal sizes in a fixed order: then where two markers overlap,
            # which is on top changes only with their sizes, and a step needs to repaint
            # only the markers whose size changed (MarkerScatter).
            idx = idx[np.lexsort((places.y[idx], places.x[idx], -self._sizes[idx]))]
            if len(idx) or len(item.data):
                item.set_markers(places.x[idx], places.y[idx], self._sizes[idx],
                                 [places.names[i] for i in idx], pixel, MARKER_PAD_PX)
        self.badges.show([(float(places.x[i]), float(places.y[i]), len(names))
                          for i, names in sorted(places.members.items()) if near[i]])

    def follow_view(self) -> None:
        """The view moved: cluster again after a zoom; redraw the markers once the view
        leaves the area they cover."""
        if self._clusters is not None and self._clusters[0] != self._cluster_key():
            self._recluster()
            return
        r = self._vb.viewRect()
        if self._clip is None or not self._clip.contains(r) or \
                r.width() * 4 < self._clip.width():          # zoomed well in: fewer
            self._redraw_markers()

    def _redraw_rings(self) -> None:
        p = self._palette
        if p is None:
            return
        for item, name, col, width in ((self.ring, self.selected, p.selected, 3.0),
                                       (self.hover_ring, self.hovered, p.hover, 2.0)):
            i = self.places.index(name)
            if i is None:
                if len(item.data):          # most steps: nothing selected, nothing to clear
                    item.setData([], [])
                continue
            size = self._sizes[i] + (10 if item is self.ring else 6)
            item.setData([self.places.x[i]], [self.places.y[i]], size=size,
                         brush=pg.mkBrush(QColor(0, 0, 0, 0)),
                         pen=pg.mkPen(color(col), width=width))
