"""Country-label geometry: the row-wise point-in-ring test and the plain area agree with
the brute-force definitions they replace (they run on every map view change)."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.geo.basemap import EAST_ASIA, HOME_FRAME, country_label_points, load_basemap
from dateline.geo.clip import interior_point, points_in_ring, ring_area, ring_area_centroid


@pytest.fixture(autouse=True, scope="module")
def _private_cache(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATELINE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def _brute_force_inside(px, py, ring):
    """Every point against every edge (the definition: crossings strictly to the right)."""
    x0, y0 = ring[:, 0][None, :], ring[:, 1][None, :]
    x1, y1 = np.roll(ring[:, 0], -1)[None, :], np.roll(ring[:, 1], -1)[None, :]
    px, py = np.asarray(px, float)[:, None], np.asarray(py, float)[:, None]
    straddles = (y0 > py) != (y1 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_cross = x0 + (py - y0) * (x1 - x0) / (y1 - y0)
    return ((straddles & (px < x_cross)).sum(axis=1) % 2) == 1


def _star(n_points: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    angles = np.sort(rng.uniform(0, 2 * np.pi, n_points))
    radii = rng.uniform(0.2, 1.0, n_points)
    return np.column_stack([radii * np.cos(angles), radii * np.sin(angles)])


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 40), st.integers(0, 10_000))
def test_points_in_ring_matches_brute_force(n_points, seed):
    ring = _star(n_points, seed)
    rng = np.random.default_rng(seed + 1)
    px, py = rng.uniform(-1.1, 1.1, 200), rng.uniform(-1.1, 1.1, 200)
    py[:40] = ring[rng.integers(0, len(ring), 40), 1]     # rows through vertices
    px[40:60] = ring[rng.integers(0, len(ring), 20), 0]   # columns through vertices
    at = rng.integers(0, len(ring), 20)
    px[60:80], py[60:80] = ring[at, 0], ring[at, 1]        # on the vertices themselves
    gx, gy = np.meshgrid(np.linspace(-1, 1, 18), np.linspace(-1, 1, 18))  # a label grid
    px, py = np.concatenate([px, gx.ravel()]), np.concatenate([py, gy.ravel()])
    assert (points_in_ring(px, py, ring) == _brute_force_inside(px, py, ring)).all()


def test_points_in_ring_on_real_coastlines():
    basemap = load_basemap("50m", EAST_ASIA)
    rng = np.random.default_rng(3)
    for country in basemap.countries[:25]:
        for ring in country.outer_rings[:5]:
            px = rng.uniform(ring[:, 0].min(), ring[:, 0].max(), 150)
            py = rng.uniform(ring[:, 1].min(), ring[:, 1].max(), 150)
            assert (points_in_ring(px, py, ring) == _brute_force_inside(px, py, ring)).all()


def test_ring_area_equals_the_shoelace_area_of_ring_area_centroid():
    basemap = load_basemap("50m", EAST_ASIA)
    rings = [r for c in basemap.countries for r in c.outer_rings]
    assert rings
    for ring in rings:
        assert ring_area(ring) == pytest.approx(ring_area_centroid(ring)[0], rel=1e-9, abs=1e-9)
    assert ring_area(np.array([[0.0, 0.0], [1.0, 1.0]])) == 0.0        # not a polygon
    square = np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    assert ring_area(square) == ring_area(square[::-1]) == 4.0          # either winding


def test_labels_sit_inside_their_country():
    basemap = load_basemap("50m", EAST_ASIA)
    labels = dict((name, (x, y)) for name, x, y in country_label_points(basemap, HOME_FRAME))
    assert {"South Korea", "Japan"} <= set(labels)
    for name in ("South Korea", "Japan"):
        country = next(c for c in basemap.countries if c.name == name)
        x, y = labels[name]
        assert any(points_in_ring([x], [y], r)[0] for r in country.outer_rings), name


def test_interior_point_of_a_ring_with_vertices_on_grid_rows_is_inside():
    # Vertices at exactly the grid's y values: the per-row crossings must stay exact.
    ring = np.array([[0.0, 0.0], [19.0, 0.0], [19.0, 1.0], [1.0, 1.0], [1.0, 18.0],
                     [19.0, 18.0], [19.0, 19.0], [0.0, 19.0]])
    x, y = interior_point(ring)
    assert points_in_ring([x], [y], ring)[0]
