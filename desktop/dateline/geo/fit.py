"""Where the map opens on a new corpus: the box around the places that hold most of it.

The smallest region holding most of the weight (events and statements per place)
decides, so background mentions of Washington and Moscow do not pull a corpus about
Korea out to the whole world, while a corpus about Hanoi and Manila is framed there and
a worldwide one gets the world. Boxes are in the projection's longitude frame (the map's
``wrap``), so a corpus on both sides of 180° stays one box.
"""
from __future__ import annotations

import numpy as np

from dateline.geo.clip import BBox
from dateline.geo.projection import DEFAULT_PROJECTION, Equirectangular

MIN_SPAN_LON, MIN_SPAN_LAT = 24.0, 14.0    # one city alone: a region around it, not a street
MARGIN = 0.15                               # of the span, each side: labels need room
WORLDWIDE_LON = 200.0                       # wider than this: show the world frame


# Region sizes tried in turn (degrees lon x lat): the first whose best placement holds
# ``share`` of the weight frames the corpus; none does: the world.
REGIONS = ((40.0, 25.0), (70.0, 45.0), (130.0, 75.0))
MAX_ANCHORS = 200


def bulk_box(lat, lon, weight, share: float = 0.7,
             projection: Equirectangular = DEFAULT_PROJECTION) -> BBox | None:
    """The padded box around the places of the smallest region (of ``REGIONS``) that
    holds ``share`` of ``weight``; None when no place is located. When no region does,
    the box around every place, which ``is_worldwide`` then reports."""
    lat, lon = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
    weight = np.asarray(weight, dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    if not ok.any():
        return None
    lat, lon, weight = lat[ok], projection.wrap(lon[ok]), np.maximum(weight[ok], 1.0)
    order = np.lexsort((lon, lat, -weight))          # biggest first; ties by position
    anchors = order[:MAX_ANCHORS]
    total = weight.sum()
    inside = np.ones(len(lat), dtype=bool)
    for width, height in REGIONS:
        # each anchor's region is centred on it: [lon - w/2, lon + w/2] x [lat - h/2, ...]
        near = ((np.abs(lon[None, :] - lon[anchors, None]) <= width / 2)
                & (np.abs(lat[None, :] - lat[anchors, None]) <= height / 2))
        held = near @ weight
        best = int(np.argmax(held))                  # first of equals: the biggest anchor
        if held[best] >= share * total:
            inside = near[best]
            break
    return _padded(lon[inside], lat[inside])


def _padded(lon, lat) -> BBox:
    west, east = float(lon.min()), float(lon.max())
    south, north = float(lat.min()), float(lat.max())
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
