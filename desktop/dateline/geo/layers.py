"""The base map's data types: countries and the clipped Natural Earth layers (lon/lat).

Their own module so that the decoder (``basemap``) and the disk cache (``basemap_cache``)
both build them without importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from dateline.geo.clip import BBox, interior_point, ring_area


@dataclass(frozen=True)
class Country:
    name: str
    outer_rings: tuple[np.ndarray, ...]   # outer rings only, lon/lat (clipped)
    boxes: tuple[BBox, ...]               # bounding box of each ring, to skip quickly

    # Label placement asks these again at every relayout: computed once per whole ring.
    @cached_property
    def ring_areas(self) -> tuple[float, ...]:
        return tuple(ring_area(r) for r in self.outer_rings)

    @cached_property
    def _interior(self) -> dict[int, tuple[float, float]]:
        return {}

    def ring_interior(self, i: int) -> tuple[float, float]:
        """``interior_point`` of whole ring ``i`` (kept: the rings never change)."""
        if i not in self._interior:
            self._interior[i] = interior_point(self.outer_rings[i])
        return self._interior[i]


@dataclass(frozen=True)
class Basemap:
    resolution: str
    bbox: BBox
    land: tuple[np.ndarray, ...]   # land polygon rings (outer and holes): fill odd-even
    coastline: np.ndarray          # (n, 2) lon/lat polylines separated by NaN rows
    borders: np.ndarray            # (n, 2) lon/lat polylines separated by NaN rows
    countries: tuple[Country, ...]
