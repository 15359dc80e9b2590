"""Edge indicators: places outside the view (Washington seen from Seoul) stay visible
and clickable as arrows at the view edge pointing towards them."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

from dateline._qt.map.items import EdgeIndicatorItem
from dateline._qt.map.places import PlaceArrays
from dateline._qt.map.style import MapPalette, color, label_font

Z_EDGE = 20
MARGIN = 16.0          # pixels between the view edge and an arrow
MAX_ARROWS = 18
INWARD = {"left": "right", "right": "left", "top": "below", "bottom": "above"}


def edge_point(center: QPointF, target: QPointF, inner: QRectF) -> tuple[QPointF, str]:
    """Where the ray centre -> target leaves ``inner``, and which edge it crosses."""
    dx, dy = target.x() - center.x(), target.y() - center.y()
    half_w, half_h = inner.width() / 2, inner.height() / 2
    tx = half_w / abs(dx) if dx else math.inf
    ty = half_h / abs(dy) if dy else math.inf
    t = min(tx, ty)
    edge = ("right" if dx > 0 else "left") if tx <= ty else ("bottom" if dy > 0 else "top")
    return QPointF(center.x() + t * dx, center.y() + t * dy), edge


def spread(values: list[float], extents: list[float], low: float, high: float,
           pad: float = 6.0) -> list[float] | None:
    """Move centres apart so boxes of the given extents don't overlap, within [low, high].

    Keeps the input order along the edge; None if they cannot all fit.
    """
    if not values:
        return []
    order = np.argsort(values, kind="stable")
    pos = np.asarray(values, float)[order]
    half = np.asarray(extents, float)[order] / 2
    if (2 * half).sum() + pad * (len(pos) - 1) > high - low:
        return None
    pos[0] = max(pos[0], low + half[0])
    for i in range(1, len(pos)):                       # push right/down
        pos[i] = max(pos[i], pos[i - 1] + half[i - 1] + half[i] + pad)
    pos[-1] = min(pos[-1], high - half[-1])
    for i in range(len(pos) - 2, -1, -1):              # then back left/up from the end
        pos[i] = min(pos[i], pos[i + 1] - half[i + 1] - half[i] - pad)
    out = np.empty_like(pos)
    out[order] = pos
    return out.tolist()


@dataclass(eq=False)
class _Hit:
    item: EdgeIndicatorItem
    rank: tuple
    point: QPointF
    edge: str


class EdgeIndicators:
    def __init__(self, viewbox: pg.ViewBox):
        self._vb = viewbox
        self._items: list[EdgeIndicatorItem] = []
        self._palette: MapPalette | None = None

    def update(self, places: PlaceArrays, outside: np.ndarray, selected: str | None,
               hovered: str | None = None) -> None:
        # The bottom margin also clears the attribution line.
        inner = self._vb.sceneBoundingRect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - 12)
        # The busiest places only: an edge with 200 arrows helps nobody (World shows all).
        candidates = np.flatnonzero(outside & (places.counts > 0))
        picks = candidates[np.argsort(-places.counts[candidates], kind="stable")]
        picks = picks[:MAX_ARROWS].tolist()
        sel = places.index(selected)
        if sel is not None and outside[sel] and sel not in picks:
            picks.append(sel)                             # the selection always shows
        if inner.width() <= 0 or inner.height() <= 0:
            picks = []
        center = inner.center()
        self._ensure(len(picks))
        # One view -> scene transform for all (pyqtgraph's per-point mapping is slow).
        self._vb.updateMatrix()
        to_scene = self._vb.childGroup.sceneTransform()
        to_view, _ = to_scene.inverted()
        hits = []
        for item, i in zip(self._items, picks):
            target = to_scene.map(QPointF(float(places.x[i]), float(places.y[i])))
            point, edge = edge_point(center, target, inner)
            angle = math.degrees(math.atan2(-(target.y() - center.y()), target.x() - center.x()))
            item.set_place(places.names[i], int(places.counts[i]), angle, INWARD[edge])
            rank = (i == sel, int(places.counts[i]))     # crowded edges keep these first
            hits.append(_Hit(item, rank, point, edge))
        shown = self._spread(hits, inner)
        p = self._palette
        for hit in hits:
            hit.item.setVisible(hit in shown)
            hit.item.setPos(to_view.map(hit.point))
            name = hit.item.place
            ring = (p.selected if name == selected else p.hover if name == hovered else None) \
                if p else None
            hit.item.set_ring(color(ring) if ring else None, 2.0 if name == selected else 1.5)
        for item in self._items[len(hits):]:
            item.setVisible(False)
            item.place = ""

    def hit(self, scene_pos: QPointF) -> str | None:
        for item in self._items:
            if item.isVisible():
                at = self._vb.mapViewToScene(item.pos())
                if item.hit_rect().translated(at).contains(scene_pos):
                    return item.place
        return None

    def scene_pos(self, name: str) -> QPointF | None:
        """The middle of ``name``'s visible arrow and label (a good place to click)."""
        for item in self._items:
            if item.isVisible() and item.place == name:
                return item.hit_rect().translated(self._vb.mapViewToScene(item.pos())).center()
        return None

    def occupied_rects(self) -> list[QRectF]:
        return [item.hit_rect().translated(self._vb.mapViewToScene(item.pos()))
                for item in self._items if item.isVisible()]

    def visible_places(self) -> list[str]:
        return [item.place for item in self._items if item.isVisible()]

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        for item in self._items:
            self._colour(item)

    @staticmethod
    def _spread(hits: list["_Hit"], inner: QRectF) -> list["_Hit"]:
        """Slide indicators along their edge so they don't overlap (New York and
        Washington); if an edge is too crowded, the places with fewest items go
        (they stay reachable with World or by zooming out)."""
        shown = []
        for edge in INWARD:
            group = sorted((h for h in hits if h.edge == edge), key=lambda h: h.rank,
                           reverse=True)
            vertical = edge in ("left", "right")
            low, high = (inner.top(), inner.bottom()) if vertical else (inner.left(), inner.right())
            while group:
                rects = [h.item.hit_rect() for h in group]
                coords = [h.point.y() if vertical else h.point.x() for h in group]
                sizes = [r.height() if vertical else r.width() for r in rects]
                # Boxes are not centred on the arrow: spread their centres, then shift back.
                offsets = [r.center().y() if vertical else r.center().x() for r in rects]
                placed = spread([c + o for c, o in zip(coords, offsets)], sizes, low, high)
                if placed is not None:
                    for h, value, o in zip(group, placed, offsets):
                        h.point = (QPointF(h.point.x(), value - o) if vertical
                                   else QPointF(value - o, h.point.y()))
                    shown.extend(group)
                    break
                group.pop()
        return shown

    def _ensure(self, n: int) -> None:
        while len(self._items) < n:
            item = EdgeIndicatorItem(label_font(8.5, True), label_font(8.0, False))
            item.setZValue(Z_EDGE)
            self._colour(item)
            self._vb.addItem(item, ignoreBounds=True)
            self._items.append(item)

    def _colour(self, item: EdgeIndicatorItem) -> None:
        if self._palette:
            p = self._palette
            item.arrow.set_colors(color(p.marker, 230), color(p.marker_edge))
            item.label.set_colors(color(p.text), color(p.text_muted), color(p.halo, 225))
