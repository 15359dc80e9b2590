"""Decoded base maps cached as plain NumPy arrays (``.npz``, never pickle).

Why: decoding and clipping the 50m TopoJSON takes ~0.3 s of every cold start; loading the
arrays back takes a few ms. The key holds the source file's size and mtime, the clip box
and a format version, so a changed map file or box simply misses. A damaged or unreadable
cache file is ignored (and rewritten); caching never stops the map from loading.
"""
from __future__ import annotations

import hashlib
import logging
import zipfile
from pathlib import Path

import numpy as np

from dateline.atomic import atomic_open
from dateline.geo.clip import BBox
from dateline.geo.layers import Basemap, Country

FORMAT = 1
log = logging.getLogger(__name__)


def cache_key(source: Path, resolution: str, box: BBox) -> str:
    stat = source.stat()
    text = f"{FORMAT}|{resolution}|{box}|{source.name}|{stat.st_size}|{stat.st_mtime_ns}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _pack_rings(rings) -> tuple[np.ndarray, np.ndarray]:
    rings = list(rings)
    xy = np.concatenate(rings) if rings else np.zeros((0, 2))
    return xy.astype(np.float64), np.array([len(r) for r in rings], dtype=np.int64)


def _unpack_rings(xy: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, ...]:
    return tuple(np.split(xy, np.cumsum(lengths)[:-1])) if len(lengths) else ()


def save(path: Path, basemap) -> None:
    """Write ``basemap`` (a ``Basemap``) atomically; errors are logged, not raised."""
    land_xy, land_len = _pack_rings(basemap.land)
    rings = [r for c in basemap.countries for r in c.outer_rings]
    c_xy, c_len = _pack_rings(rings)
    arrays = {
        "land_xy": land_xy, "land_len": land_len,
        "coastline": basemap.coastline, "borders": basemap.borders,
        "country_names": np.array([c.name for c in basemap.countries], dtype=str),
        "country_rings": np.array([len(c.outer_rings) for c in basemap.countries],
                                  dtype=np.int64),
        "country_xy": c_xy, "country_len": c_len,
        "country_boxes": np.array([[b.west, b.south, b.east, b.north]
                                   for c in basemap.countries for b in c.boxes],
                                  dtype=np.float64).reshape(-1, 4),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(path, "wb") as handle:
            np.savez(handle, **arrays)
    except OSError as exc:
        log.info("base map cache not written (%s): %s", path, exc)


def load(path: Path, resolution: str, box: BBox):
    """The cached ``Basemap``, or None when missing or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as z:
            a = {name: z[name] for name in z.files}
        land = _unpack_rings(a["land_xy"], a["land_len"])
        rings = _unpack_rings(a["country_xy"], a["country_len"])
        boxes = [BBox(*map(float, row)) for row in a["country_boxes"]]
        if len(boxes) != len(rings) or int(a["country_rings"].sum()) != len(rings):
            raise ValueError("inconsistent ring counts")
        countries, at = [], 0
        for name, n in zip(a["country_names"].tolist(), a["country_rings"].tolist()):
            countries.append(Country(str(name), rings[at:at + n], tuple(boxes[at:at + n])))
            at += n
        return Basemap(resolution, box, land, a["coastline"], a["borders"], tuple(countries))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        log.info("ignoring unreadable base map cache %s: %s", path, exc)
        return None
