"""Country label anchors with cached whole-ring areas/anchors and the last-view memo give
exactly what measuring every ring afresh gives."""
import pytest

from dateline.geo import basemap as bm
from dateline.geo.basemap import EAST_ASIA, HOME_FRAME, WORLD_FRAME, load_basemap
from dateline.geo.clip import BBox, clip_ring, interior_point, ring_area

VIEWS = [HOME_FRAME, EAST_ASIA, WORLD_FRAME, BBox(109.3, 31.0, 146.2, 44.5),
         BBox(120.0, 20.0, 135.0, 30.0), BBox(100.0, 0.0, 160.0, 60.0)]


def _fresh(basemap, view, min_fraction):
    """The uncached algorithm: clip, measure and anchor every ring in view."""
    view_area = max((view.east - view.west) * (view.north - view.south), 1e-9)
    out = []
    for country in basemap.countries:
        best_area, best_piece, total = 0.0, None, 0.0
        for ring, ring_box in zip(country.outer_rings, country.boxes):
            if not view.intersects(ring_box):
                continue
            piece = ring if view.contains_box(ring_box) else clip_ring(ring, view)
            if len(piece):
                area = ring_area(piece)
                total += area
                if area > best_area:
                    best_area, best_piece = area, piece
        if best_piece is not None and total / view_area >= min_fraction:
            out.append((country.name, *interior_point(best_piece)))
    return out


@pytest.mark.parametrize("resolution,box", [("50m", EAST_ASIA), ("110m", None)])
def test_same_labels_as_uncached(resolution, box):
    basemap = load_basemap(resolution, box)
    for _ in range(2):                      # second round: from the caches and the memo
        for view in VIEWS:
            for fraction in (0.004, 0.012):
                assert bm.country_label_points(basemap, view, fraction) == _fresh(
                    basemap, view, fraction)


def test_memo_is_per_view_and_not_shared():
    basemap = load_basemap("50m", EAST_ASIA)
    first = bm.country_label_points(basemap, HOME_FRAME, 0.012)
    assert first
    first.clear()                           # a caller changing its list changes no memo
    again = bm.country_label_points(basemap, HOME_FRAME, 0.012)
    assert again == _fresh(basemap, HOME_FRAME, 0.012)
    other = bm.country_label_points(basemap, EAST_ASIA, 0.012)
    assert other == _fresh(basemap, EAST_ASIA, 0.012) != again
