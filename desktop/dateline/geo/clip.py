"""Bounding boxes and vectorised clipping of polygons and polylines (lon/lat)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lon, lat):
        """Elementwise: is (lon, lat) inside (edges included)?"""
        lon, lat = np.asarray(lon), np.asarray(lat)
        return (lon >= self.west) & (lon <= self.east) & (lat >= self.south) & (lat <= self.north)

    def contains_box(self, other: "BBox") -> bool:
        return (self.west <= other.west and self.east >= other.east
                and self.south <= other.south and self.north >= other.north)

    def intersects(self, other: "BBox") -> bool:
        return not (other.west > self.east or other.east < self.west
                    or other.south > self.north or other.north < self.south)

    def expanded(self, margin: float) -> "BBox":
        return BBox(self.west - margin, self.south - margin,
                    self.east + margin, self.north + margin)

    @classmethod
    def of_points(cls, points: np.ndarray) -> "BBox":
        lo, hi = np.nanmin(points, axis=0), np.nanmax(points, axis=0)
        return cls(float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def _clip_half_plane(ring: np.ndarray, axis: int, limit: float, keep_low: bool) -> np.ndarray:
    """One Sutherland–Hodgman pass: keep the part of ``ring`` on one side of a line.

    For each edge p_i -> p_i+1 emit p_i if inside, then the crossing point if the
    edge crosses the line; done for all edges at once with masks.
    """
    v = ring[:, axis]
    inside = v <= limit if keep_low else v >= limit
    if inside.all():
        return ring
    if not inside.any():
        return ring[:0]
    nxt = np.roll(ring, -1, axis=0)
    crosses = inside != np.roll(inside, -1)
    with np.errstate(divide="ignore", invalid="ignore"):  # parallel edges: not used
        t = (limit - v) / (nxt[:, axis] - v)
        cross = ring + t[:, None] * (nxt - ring)
    cross[:, axis] = limit
    candidates = np.stack([ring, cross], axis=1)          # (n, 2, 2)
    mask = np.stack([inside, crosses], axis=1)           # (n, 2)
    return candidates[mask]


def clip_ring(ring: np.ndarray, box: BBox) -> np.ndarray:
    """Clip a polygon ring to ``box``; returns an (m, 2) array, m == 0 if outside.

    The result may run along the box edge; fill it, don't stroke it.
    """
    for axis, limit, keep_low in ((0, box.west, False), (0, box.east, True),
                                  (1, box.south, False), (1, box.north, True)):
        if len(ring) == 0:
            break
        ring = _clip_half_plane(ring, axis, limit, keep_low)
    return ring if len(ring) >= 3 else ring[:0]


def clip_polyline(line: np.ndarray, box: BBox) -> list[np.ndarray]:
    """Pieces of ``line`` inside ``box``, each extended one vertex past the edge.

    Keeping the neighbour outside means the drawn line reaches the box edge;
    callers clip to a box a little larger than what is shown.
    """
    inside = box.contains(line[:, 0], line[:, 1])
    if inside.all():
        return [line]
    keep = inside.copy()
    keep[1:] |= inside[:-1]
    keep[:-1] |= inside[1:]
    if not keep.any():
        return []
    # Split into runs of consecutive kept vertices.
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(np.int8), [0]])))
    return [line[a:b] for a, b in zip(edges[::2], edges[1::2]) if b - a >= 2]


def join_nan(lines: list[np.ndarray]) -> np.ndarray:
    """Concatenate polylines into one (n, 2) array with NaN rows between them.

    One array drawn with ``connect='finite'`` is one graphics item, not thousands.
    """
    if not lines:
        return np.empty((0, 2))
    gap = np.full((1, 2), np.nan)
    parts = []
    for line in lines:
        parts.append(line)
        parts.append(gap)
    return np.concatenate(parts[:-1])


def ring_area(ring: np.ndarray) -> float:
    """|area| by the shoelace formula (planar, lon/lat); no centroid, no temporaries
    (country labels measure thousands of island rings per view change)."""
    if len(ring) < 3:
        return 0.0
    x, y = ring[:, 0], ring[:, 1]
    twice = np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]) + x[-1] * y[0] - x[0] * y[-1]
    return abs(float(twice)) / 2.0


def ring_area_centroid(ring: np.ndarray) -> tuple[float, float, float]:
    """(|area|, cx, cy) of a polygon ring by the shoelace formula (planar, lon/lat)."""
    if len(ring) < 3:
        return 0.0, float("nan"), float("nan")
    x, y = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    area = cross.sum() / 2.0
    if abs(area) < 1e-12:
        return 0.0, float(x.mean()), float(y.mean())
    cx = ((x + xn) * cross).sum() / (6.0 * area)
    cy = ((y + yn) * cross).sum() / (6.0 * area)
    return abs(float(area)), float(cx), float(cy)


def points_in_ring(px: np.ndarray, py: np.ndarray, ring: np.ndarray) -> np.ndarray:
    """Even-odd ray casting for many points against one ring.

    Points sharing a y (a label grid has 18 rows for 324 points) share the ring's edge
    crossings: those are found once per row and counted with a binary search, instead of
    testing every point against every edge (a few ms per country at 50m detail).
    """
    px = np.asarray(px, float).ravel()
    py = np.asarray(py, float).ravel()
    x0, y0 = ring[:, 0], ring[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    rows, row_of = np.unique(py, return_inverse=True)
    inside = np.zeros(len(px), dtype=bool)
    for k, y in enumerate(rows):
        s = (y0 > y) != (y1 > y)         # edges straddling this row (never horizontal)
        xs = np.sort(x0[s] + (y - y0[s]) * (x1[s] - x0[s]) / (y1[s] - y0[s]))
        at = row_of.ravel() == k
        right = len(xs) - np.searchsorted(xs, px[at], side="right")   # crossings > x
        inside[at] = right % 2 == 1
    return inside


def interior_point(ring: np.ndarray, grid: int = 18) -> tuple[float, float]:
    """A point well inside a ring, for a label: the grid point inside the ring that is
    farthest from its vertices (a cheap stand-in for the pole of inaccessibility).

    The centroid of a concave shape (China clipped to the view) can fall in the sea.
    """
    box = BBox.of_points(ring)
    gx, gy = np.meshgrid(np.linspace(box.west, box.east, grid + 2)[1:-1],
                         np.linspace(box.south, box.north, grid + 2)[1:-1])
    gx, gy = gx.ravel(), gy.ravel()
    inside = points_in_ring(gx, gy, ring)
    if not inside.any():
        _, cx, cy = ring_area_centroid(ring)
        return cx, cy
    gx, gy = gx[inside], gy[inside]
    step = max(1, len(ring) // 800)    # subsample long rings; distance is approximate anyway
    verts = ring[::step]
    d2 = ((gx[:, None] - verts[None, :, 0]) ** 2 + (gy[:, None] - verts[None, :, 1]) ** 2).min(1)
    # Clipped rings have long straight edges along the box with no vertices between.
    edge = np.minimum.reduce([gx - box.west, box.east - gx, gy - box.south, box.north - gy])
    d2 = np.minimum(d2, edge ** 2)
    best = int(np.argmax(d2))
    return float(gx[best]), float(gy[best])
