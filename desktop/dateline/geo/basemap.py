"""Natural Earth base map layers (land, coastline, borders) ready to draw.

Data: world-atlas 2 TopoJSON shipped in ``resources/map`` (public domain Natural
Earth). Both ``countries-50m.json`` and ``countries-110m.json`` hold a ``land``
object and a ``countries`` object over the same arcs, so one file gives:

- land fill: the ``land`` polygons (no internal borders to hide);
- coastline: country arcs used by one country only (the sea edge);
- borders: country arcs shared by two countries.

Layers are clipped to a bounding box (the 50m detail only where the app looks,
East Asia) and cached in memory. Everything is lon/lat; project with
``dateline.geo.projection``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from dateline.geo import basemap_cache
from dateline.geo.clip import BBox, clip_polyline, clip_ring, interior_point, join_nan, ring_area
from dateline.geo.layers import Basemap, Country  # noqa: F401  (re-exported: the map's data types)
from dateline.geo.projection import DEFAULT_PROJECTION
from dateline.geo.topojson import Topology
from dateline.paths import cache_dir, map_data_dir

# Boxes are in the projection's longitude frame [lon0 - 180, lon0 + 180] = [-30, 330]:
# east of 180° continues past 180 (the Aleutians at 190), the Americas are 190..330.
_SEAM = DEFAULT_PROJECTION.west_seam
#: Where the detailed 50m layer is used; the 110m world layer covers the rest.
EAST_ASIA = BBox(70.0, -12.0, 195.0, 66.0)
#: Initial view: Beijing, Pyongyang, Seoul and Tokyo with a margin.
HOME_FRAME = BBox(110.5, 31.0, 145.0, 44.5)
#: The whole map, seam to seam.
WORLD = BBox(_SEAM, -90.0, _SEAM + 360.0, 90.0)
#: What the "World" view frames (no empty polar strips).
WORLD_FRAME = BBox(_SEAM, -58.0, _SEAM + 360.0, 84.0)

RESOLUTIONS = {"50m": "countries-50m.json", "110m": "countries-110m.json"}


@lru_cache(maxsize=4)
def load_topology(path: str) -> Topology:
    return Topology.load(path)


@lru_cache(maxsize=8)
def load_basemap(resolution: str = "50m", bbox: BBox | None = None,
                 data_dir: str | None = None) -> Basemap:
    """Decode, split and clip one resolution; cached in memory and, as plain ``.npz``
    arrays, in the user cache folder (decoding is a large part of a cold start)."""
    if resolution not in RESOLUTIONS:
        raise ValueError(f"unknown map resolution {resolution!r}; use one of {list(RESOLUTIONS)}")
    folder = Path(data_dir) if data_dir else map_data_dir()
    source = folder / RESOLUTIONS[resolution]
    box = bbox or WORLD
    try:
        cached = cache_dir() / "basemap" / f"{basemap_cache.cache_key(source, resolution, box)}.npz"
    except OSError:
        cached = None                  # missing source: decoding reports it below
    hit = basemap_cache.load(cached, resolution, box) if cached else None
    if hit is not None:
        return hit
    basemap = decode_basemap(source, resolution, box)
    if cached:
        basemap_cache.save(cached, basemap)
    return basemap


def decode_basemap(source: Path, resolution: str, box: BBox) -> Basemap:
    """Decode the TopoJSON and clip it to ``box`` (slow: ~0.3 s for 50m East Asia)."""
    topo = load_topology(str(source))
    # Lines get a margin so they run past the box edge instead of stopping short.
    line_box = box.expanded(1.0)
    land = tuple(_clip_rings(topo.rings("land"), box))
    coast = _clip_lines(topo.mesh("countries", lambda a, b: a == b), line_box)
    borders = _clip_lines(topo.mesh("countries", lambda a, b: a != b), line_box)
    countries = []
    for feature in topo.features("countries"):
        outers = tuple(_clip_rings([poly[0] for poly in feature.polygons], box))
        if outers:
            countries.append(Country(str(feature.properties.get("name", "")), outers,
                                     tuple(BBox.of_points(r) for r in outers)))
    return Basemap(resolution, box, land, coast, borders, tuple(countries))


#: Place names that denote areas, not points (besides Natural Earth country names).
REGION_NAMES = frozenset({
    "Asia", "East Asia", "Southeast Asia", "South Asia", "Central Asia", "Europe", "Africa",
    "Middle East", "North America", "South America", "Latin America", "Oceania", "Pacific",
    "Korean Peninsula", "Korea", "United States", "USA", "US", "UK", "Britain",
})


@lru_cache(maxsize=1)
def area_names() -> frozenset[str]:
    """Country names (Natural Earth 110m) and broad regions, case-folded."""
    names = {c.name for c in load_basemap("110m").countries} | set(REGION_NAMES)
    return frozenset(n.casefold() for n in names)


def is_area(name: str) -> bool:
    """Is ``name`` a country or region (drawn as an area marker, not a city dot)?"""
    return name.casefold() in area_names()


def unwrap_lon(points: np.ndarray) -> np.ndarray:
    """Make a ring or line continuous across the antimeridian (179 -> 181, not -179).

    Natural Earth rings that cross 180° (Chukotka, Fiji) jump by 360° between
    neighbouring vertices; drawn as is, they streak across the whole map.
    """
    lon = points[:, 0]
    jumps = np.diff(lon)
    if not len(jumps) or np.abs(jumps).max() <= 180.0:
        return points
    fix = np.concatenate([[0.0], -360.0 * np.cumsum(np.round(jumps / 360.0))])
    out = points.copy()
    out[:, 0] = lon + fix
    return out


def close_polar_ring(ring: np.ndarray) -> np.ndarray:
    """An unwrapped ring that goes once around a pole (Antarctica) ends 360° from
    where it started; close it along the pole so it fills the right side."""
    net = ring[-1, 0] - ring[0, 0]
    if abs(net) < 180.0:
        return ring
    pole = -90.0 if np.nanmean(ring[:, 1]) < 0 else 90.0
    cap = np.array([[ring[-1, 0], pole], [ring[0, 0], pole], ring[0]])
    return np.concatenate([ring, cap])


def _copies(points: np.ndarray, box: BBox, ring: bool = False):
    """The shifted copies (by whole turns) of ``points`` that may overlap ``box``."""
    points = unwrap_lon(points)
    if ring:
        points = close_polar_ring(points)
    lo, hi = points[:, 0].min(), points[:, 0].max()
    for turn in range(int(np.floor((box.west - hi) / 360.0)),
                      int(np.ceil((box.east - lo) / 360.0)) + 1):
        if lo + 360.0 * turn <= box.east and hi + 360.0 * turn >= box.west:
            shifted = points.copy()
            shifted[:, 0] += 360.0 * turn
            yield shifted


def _clip_rings(rings: list[np.ndarray], box: BBox):
    for ring in rings:
        for copy in _copies(ring, box, ring=True):
            piece = clip_ring(copy, box)
            if len(piece):
                yield piece


def _clip_lines(lines: list[np.ndarray], box: BBox) -> np.ndarray:
    pieces = []
    for line in lines:
        for copy in _copies(line, box):
            pieces.extend(clip_polyline(copy, box))
    return join_nan(pieces)


_last_labels: list = [None]   # (basemap, view, min_fraction, labels): relayouts repeat


def country_label_points(basemap: Basemap, view: BBox,
                         min_fraction: float = 0.01) -> list[tuple[str, float, float]]:
    """(name, lon, lat) for countries covering at least ``min_fraction`` of ``view``.

    The anchor is an interior point of the country's largest piece *inside the
    view*, so a label stays on screen as the user pans (China's label follows the
    part of China that is visible).
    """
    last = _last_labels[0]
    if last is not None and last[0] is basemap and last[1:3] == (view, min_fraction):
        return list(last[3])
    out = _label_points(basemap, view, min_fraction)
    _last_labels[0] = (basemap, view, min_fraction, tuple(out))
    return out


def _label_points(basemap: Basemap, view: BBox, min_fraction: float):
    view_area = max((view.east - view.west) * (view.north - view.south), 1e-9)
    out = []
    for country in basemap.countries:
        best_area, best, total = 0.0, None, 0.0
        for i, (ring, ring_box) in enumerate(zip(country.outer_rings, country.boxes)):
            if not view.intersects(ring_box):
                continue
            if view.contains_box(ring_box):          # whole ring: area and anchor cached
                area, piece = country.ring_areas[i], i
            else:
                piece = clip_ring(ring, view)
                area = ring_area(piece) if len(piece) else 0.0
            total += area
            if area > best_area:
                best_area, best = area, piece
        if best is not None and total / view_area >= min_fraction:
            point = country.ring_interior(best) if isinstance(best, int) else interior_point(best)
            out.append((country.name, *point))
    return out


def graticule(box: BBox, step: float = 10.0, resolution: float = 1.0) -> np.ndarray:
    """Meridians and parallels every ``step`` degrees inside ``box``, NaN-separated."""
    lines = []
    lats = np.arange(box.south, box.north + resolution / 2, resolution)
    lons = np.arange(box.west, box.east + resolution / 2, resolution)
    for lon in np.arange(np.ceil(box.west / step) * step, box.east + 1e-9, step):
        lines.append(np.column_stack([np.full_like(lats, lon), lats]))
    for lat in np.arange(np.ceil(box.south / step) * step, box.north + 1e-9, step):
        lines.append(np.column_stack([lons, np.full_like(lons, lat)]))
    return join_nan(lines)
