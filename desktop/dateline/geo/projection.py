"""Map projection: equirectangular with true scale at a standard parallel.

Why this one: the map covers mid-latitudes (Beijing 40°N, Tokyo 36°N, Taipei
25°N) where an equirectangular projection scaled by cos(35°) keeps shapes within
a few percent of true and, unlike Mercator, keeps the arithmetic trivial: the
view's x/y are linear in lon/lat, so hit-testing, clipping and the world view
need no special cases. At the world scale high latitudes look stretched, which
is acceptable for an overview.

The central meridian is 150°E (a Pacific-centred world, as East Asian maps use):
the seam runs through the Atlantic at 30°W, so Washington lies east of Tokyo
across the Pacific rather than across all of Eurasia. Base map data is cut at
the seam (``dateline.geo.basemap``); place longitudes are wrapped into
[lon0 - 180, lon0 + 180) by ``forward``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Equirectangular:
    """x = (wrap(lon) - lon0) * cos(lat_ts), y = lat (degrees of latitude as unit)."""
    lat_ts: float = 35.0   # standard parallel, true scale along it
    lon0: float = 150.0    # central meridian

    @property
    def k(self) -> float:
        return math.cos(math.radians(self.lat_ts))

    @property
    def west_seam(self) -> float:
        return self.lon0 - 180.0

    def wrap(self, lon):
        """Longitudes moved by whole turns into [lon0 - 180, lon0 + 180)."""
        return (np.asarray(lon, dtype=float) - self.west_seam) % 360.0 + self.west_seam

    def forward(self, lon, lat):
        """Project lon/lat (scalars or arrays; any longitude convention) to map x/y."""
        return (self.wrap(lon) - self.lon0) * self.k, np.asarray(lat, dtype=float)

    def inverse(self, x, y):
        """Map x/y back to lon/lat; lon in the map's frame [lon0 - 180, lon0 + 180]
        (e.g. Washington is 283°, i.e. 77°W; ``normalize`` gives -77)."""
        return np.asarray(x, dtype=float) / self.k + self.lon0, np.asarray(y, dtype=float)

    @staticmethod
    def normalize(lon):
        """Longitudes in [-180, 180)."""
        return (np.asarray(lon, dtype=float) + 180.0) % 360.0 - 180.0

    def forward_points(self, points: np.ndarray) -> np.ndarray:
        """Project an (n, 2) lon/lat array already cut at the seam (NaN rows stay NaN).

        No wrapping here: a base map vertex exactly on the east seam must stay east.
        """
        out = np.array(points, dtype=float, copy=True)
        out[:, 0] = (out[:, 0] - self.lon0) * self.k
        return out


DEFAULT_PROJECTION = Equirectangular()
