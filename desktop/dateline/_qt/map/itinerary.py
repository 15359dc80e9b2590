"""An actor's itinerary drawn as curved arrows between places, in date order."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from dateline._qt.map.items import ArrowHeadItem
from dateline._qt.map.style import MapPalette, color
from dateline.geo.projection import Equirectangular

Z_ITINERARY = 8      # above the base map, below the markers
BEND = 0.18          # control point offset as a fraction of the leg length


@dataclass(frozen=True)
class Stop:
    place: str
    date: pd.Timestamp | None
    lon: float
    lat: float


def stops_from_frame(frame: pd.DataFrame | None) -> list[Stop]:
    """Stops in date order; consecutive rows at the same place are one stop."""
    if frame is None or frame.empty:
        return []
    df = frame.dropna(subset=["lat", "lon"])
    if "date" in df:
        df = df.sort_values("date", kind="stable")
    stops: list[Stop] = []
    for row in df.itertuples(index=False):
        place = str(row.place)
        if stops and stops[-1].place == place:
            continue
        date = getattr(row, "date", None)
        stops.append(Stop(place, None if pd.isna(date) else pd.Timestamp(date),
                          float(row.lon), float(row.lat)))
    return stops


def describe(actor: str, stops: list[Stop]) -> str:
    """Plain-text summary: "Rex Tillerson: Tokyo (15 Mar) → Seoul (17 Mar) → Beijing"."""
    parts = [f"{s.place} ({s.date.day} {s.date:%b})" if s.date is not None else s.place
             for s in stops]
    return f"{actor}: " + " → ".join(parts)


def _bezier_piece(p0, p1, p2, t0: float, t1: float):
    """Start, control and end points of the part [t0, t1] of a quadratic Bezier
    (the control point is the curve's blossom at (t0, t1))."""
    def at(t):
        return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t ** 2 * p2
    ctrl = (1 - t0) * (1 - t1) * p0 + (t0 * (1 - t1) + t1 * (1 - t0)) * p1 + t0 * t1 * p2
    return at(t0), ctrl, at(t1)


class ItineraryLayer:
    def __init__(self, viewbox: pg.ViewBox, projection: Equirectangular):
        self._vb, self._proj = viewbox, projection
        self.path_item = QGraphicsPathItem()
        self.casing = QGraphicsPathItem()      # a halo under the line: readable over borders
        for item, z in ((self.casing, Z_ITINERARY - 0.1), (self.path_item, Z_ITINERARY)):
            item.setZValue(z)
            viewbox.addItem(item, ignoreBounds=True)
        self._heads: list[ArrowHeadItem] = []
        self._palette: MapPalette | None = None
        self.stops: list[Stop] = []

    def set_stops(self, stops: list[Stop], units_per_px: float = 0.0,
                  radius_px: dict[str, float] | None = None) -> None:
        self.stops = stops
        self.relayout(units_per_px, radius_px or {})

    def relayout(self, units_per_px: float, radius_px: dict[str, float]) -> None:
        """Redraw the legs so they start and end at marker edges, not centres
        (``radius_px``: marker radius per place; ``units_per_px``: view zoom)."""
        path = QPainterPath()
        legs = list(zip(self.stops, self.stops[1:]))
        self._ensure(len(legs))
        for head, (a, b) in zip(self._heads, legs):
            gaps = (radius_px.get(a.place, 0.0) * units_per_px,
                    radius_px.get(b.place, 0.0) * units_per_px)
            mid, angle = self._add_leg(path, a, b, gaps)
            head.setPos(mid)
            head.set_angle(angle)
            head.setVisible(True)
        for head in self._heads[len(legs):]:
            head.setVisible(False)
        self.path_item.setPath(path)
        self.casing.setPath(path)

    def leg_count(self) -> int:
        return max(len(self.stops) - 1, 0)

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        for item, colour, width in ((self.path_item, color(p.itinerary, 230), 2.4),
                                    (self.casing, color(p.halo, 200), 5.5)):
            pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            pen.setCosmetic(True)        # same width at every zoom
            item.setPen(pen)
        for head in self._heads:
            head.set_colors(color(p.itinerary), color(p.halo))

    def _add_leg(self, path: QPainterPath, a: Stop, b: Stop,
                 gaps: tuple[float, float]) -> tuple[QPointF, float]:
        """A quadratic curve a -> b bending left, trimmed by ``gaps`` (view units) at
        each end; returns the full curve's midpoint and its direction there."""
        (ax, bx), (ay, by) = self._proj.forward(np.array([a.lon, b.lon]), np.array([a.lat, b.lat]))
        p0, p2 = np.array([ax, ay]), np.array([bx, by])
        d = p2 - p0
        p1 = (p0 + p2) / 2 + np.array([-d[1], d[0]]) * BEND
        chord = float(np.hypot(*d)) or 1.0
        # Arc length ~ chord for a gentle bend, so t ~ distance / chord.
        t0, t1 = gaps[0] / chord, 1.0 - gaps[1] / chord
        if t1 > t0:
            start, ctrl, end = _bezier_piece(p0, p1, p2, t0, t1)
            path.moveTo(*start)
            path.quadTo(QPointF(*ctrl), QPointF(*end))
        mid = (p0 + 2 * p1 + p2) / 4
        # Tangent at t = 0.5 is parallel to b - a; the view aspect is 1:1 with y up,
        # so the view angle is the screen angle.
        return QPointF(*mid), math.degrees(math.atan2(d[1], d[0]))

    def _ensure(self, n: int) -> None:
        while len(self._heads) < n:
            head = ArrowHeadItem(13.0, 10.0, centered=True)
            head.setZValue(Z_ITINERARY + 0.5)
            if self._palette:
                head.set_colors(color(self._palette.itinerary), color(self._palette.halo))
            self._vb.addItem(head, ignoreBounds=True)
            self._heads.append(head)
