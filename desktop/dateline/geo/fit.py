"""Where the map opens on a new corpus: the box around the places that hold most of it.

The weighted bulk (the places holding ``share`` of the events and statements, biggest
first) decides, so one background mention of Washington does not pull a corpus about
Korea out to the Pacific, while a corpus about Hanoi and Manila is framed there and a
worldwide one gets the world. Boxes are in the projection's longitude frame (the map's
``wrap``), so a corpus on both sides of 180° stays one box.
"""
from __future__ import annotations

import numpy as np

from dateline.geo.clip import BBox
from dateline.geo.projection import DEFAULT_PROJECTION, Equirectangular

MIN_SPAN_LON, MIN_SPAN_LAT = 24.0, 14.0    # one city alone: a region around it, not a street
MARGIN = 0.15                               # of the span, each side: labels need room
WORLDWIDE_LON = 200.0                       # wider than this: show the world frame


def bulk_box(lat, lon, weight, share: float = 0.85,
             projection: Equirectangular = DEFAULT_PROJECTION) -> BBox | None:
    """The padded box around the biggest places holding ``share`` of ``weight``; None when
    no place is located. A box wider than ``WORLDWIDE_LON`` degrees comes back as is:
    the caller shows the world for it."""
    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    weight = np.asarray(weight, dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    if not ok.any():
        return None
    lat, lon, weight = lat[ok], projection.wrap(lon[ok]), np.maximum(weight[ok], 1.0)
    order = np.lexsort((lon, lat, -weight))          # biggest first; ties by position
    cumulative = np.cumsum(weight[order])
    keep = order[:int(np.searchsorted(cumulative, share * cumulative[-1])) + 1]
    west, east = float(lon[keep].min()), float(lon[keep].max())
    south, north = float(lat[keep].min()), float(lat[keep].max())
    pad_lon = max((east - west) * MARGIN, (MIN_SPAN_LON - (east - west)) / 2, 0.0)
    pad_lat = max((north - south) * MARGIN, (MIN_SPAN_LAT - (north - south)) / 2, 0.0)
    return BBox(west - pad_lon, max(-85.0, south - pad_lat), east + pad_lon,
                min(85.0, north + pad_lat))


def is_worldwide(box: BBox) -> bool:
    return box.east - box.west > WORLDWIDE_LON


def mostly_inside(box: BBox, frame: BBox, share: float = 0.6) -> bool:
    """Is at least ``share`` of ``box``'s area inside ``frame``? (Seoul and Tokyo open on
    the familiar East Asia frame even though their padded box pokes out of it.)"""
    w = min(box.east, frame.east) - max(box.west, frame.west)
    h = min(box.north, frame.north) - max(box.south, frame.south)
    area = (box.east - box.west) * (box.north - box.south)
    return w > 0 and h > 0 and area > 0 and w * h >= share * area
