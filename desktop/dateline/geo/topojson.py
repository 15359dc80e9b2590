"""A small TopoJSON decoder (the subset world-atlas uses), numpy in, numpy out.

TopoJSON stores each shared boundary once as an *arc*; geometries list arc
indices (``~i`` means arc ``i`` reversed). Quantized files store integer deltas
that ``transform`` maps back to longitude/latitude. Spec:
https://github.com/topojson/topojson-specification

Only reads JSON (never evaluates anything); raises ``TopoJSONError`` with a
clear message on a malformed file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np


class TopoJSONError(ValueError):
    """The file is not TopoJSON we can read."""


@dataclass
class Feature:
    """One geometry of an object: its rings (closed, lon/lat) and properties."""
    id: str | None
    properties: dict
    polygons: list[list[np.ndarray]] = field(default_factory=list)  # [outer, holes...] per polygon

    @property
    def rings(self) -> list[np.ndarray]:
        return [ring for polygon in self.polygons for ring in polygon]


class Topology:
    """A decoded topology: absolute arc coordinates plus the raw object tree."""

    def __init__(self, doc: dict, source: str = "<topojson>"):
        if not isinstance(doc, dict) or doc.get("type") != "Topology":
            raise TopoJSONError(f"{source}: not a TopoJSON Topology")
        try:
            self.objects: dict = doc["objects"]
            self.arcs = _decode_arcs(doc["arcs"], doc.get("transform"))
        except (KeyError, TypeError, ValueError) as exc:
            raise TopoJSONError(f"{source}: malformed topology ({exc})") from exc
        self.source = source

    @classmethod
    def load(cls, path: str | Path) -> "Topology":
        path = Path(path)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise TopoJSONError(f"{path}: cannot read TopoJSON ({exc})") from exc
        return cls(doc, str(path))

    def arc(self, index: int) -> np.ndarray:
        """Arc ``index`` as an (n, 2) lon/lat array; negative ``~i`` is arc ``i`` reversed."""
        return self.arcs[~index][::-1] if index < 0 else self.arcs[index]

    def ring(self, indices: list[int]) -> np.ndarray:
        """Stitch arcs into one ring, dropping each joined arc's duplicate first point."""
        parts = [self.arc(i) if k == 0 else self.arc(i)[1:] for k, i in enumerate(indices)]
        return np.concatenate(parts) if parts else np.empty((0, 2))

    def features(self, name: str) -> list[Feature]:
        """Every polygonal geometry of object ``name`` (Polygon / MultiPolygon)."""
        out = []
        for geom in self._geometries(name):
            polygons = [[self.ring(r) for r in poly] for poly in _polygon_arcs(geom)]
            if polygons:
                out.append(Feature(geom.get("id"), geom.get("properties") or {}, polygons))
        return out

    def rings(self, name: str) -> list[np.ndarray]:
        """All rings (outer and holes) of object ``name``, as (n, 2) lon/lat arrays."""
        return [ring for feature in self.features(name) for ring in feature.rings]

    def mesh(self, name: str,
             keep: Callable[[int, int], bool] | None = None) -> list[np.ndarray]:
        """Arcs of object ``name`` as polylines, each drawn once (like topojson-client mesh).

        ``keep(a, b)`` receives the indices of the two geometries an arc separates
        (``a == b`` for an arc used by one geometry only, i.e. an exterior edge).
        """
        users: dict[int, list[int]] = {}
        for g, geom in enumerate(self._geometries(name)):
            for poly in _polygon_arcs(geom):
                for ring in poly:
                    for index in ring:
                        users.setdefault(index if index >= 0 else ~index, []).append(g)
        lines = []
        for arc_index, geoms in users.items():
            a, b = geoms[0], geoms[-1]
            if keep is None or keep(a, b):
                lines.append(self.arcs[arc_index])
        return lines

    def _geometries(self, name: str) -> Iterator[dict]:
        if name not in self.objects:
            raise TopoJSONError(f"{self.source}: no object {name!r} "
                                f"(has {', '.join(self.objects)})")
        stack = [self.objects[name]]
        while stack:
            geom = stack.pop(0)
            if geom.get("type") == "GeometryCollection":
                stack[:0] = geom.get("geometries", [])
            else:
                yield geom


def _polygon_arcs(geom: dict) -> list[list[list[int]]]:
    """Arc-index rings grouped per polygon; non-polygon geometries give none."""
    kind = geom.get("type")
    if kind == "Polygon":
        return [geom["arcs"]]
    if kind == "MultiPolygon":
        return list(geom["arcs"])
    return []


def _decode_arcs(arcs: list, transform: dict | None) -> list[np.ndarray]:
    """Absolute coordinates for every arc: undo delta encoding, then quantization."""
    if transform:
        scale = np.asarray(transform["scale"], dtype=float)
        translate = np.asarray(transform["translate"], dtype=float)
    out = []
    for arc in arcs:
        points = np.asarray(arc, dtype=float)
        if points.ndim != 2 or points.shape[1] < 2:
            raise ValueError("arc positions must be [x, y] pairs")
        points = points[:, :2]  # ignore any extra per-position values
        if transform:
            points = np.cumsum(points, axis=0) * scale + translate
        out.append(points)
    return out
