"""dateline.geo: TopoJSON decoding, clipping, base map layers, projection (plain pytest)."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.geo.basemap import (EAST_ASIA, HOME_FRAME, WORLD, close_polar_ring,
                                  country_label_points, graticule, load_basemap, unwrap_lon)
from dateline.geo.clip import (BBox, clip_polyline, clip_ring, interior_point, join_nan,
                               points_in_ring, ring_area_centroid)
from dateline.geo.projection import DEFAULT_PROJECTION, Equirectangular
from dateline.geo.topojson import Topology, TopoJSONError
from dateline.paths import map_data_dir

SEOUL, TOKYO, BEIJING = (126.978, 37.5665), (139.6503, 35.6762), (116.4074, 39.9042)


@pytest.fixture(autouse=True, scope="module")
def _private_cache(tmp_path_factory):
    """load_basemap caches decoded arrays on disk: never in the user's cache folder."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATELINE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def _two_squares() -> dict:
    """Two unit squares side by side sharing the edge x = 1 (arc 1), quantized."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [
            [[2, 0], [-2, 0], [0, 2], [2, 0]],     # (1,0) (0,0) (0,1) (1,1): left square's outside
            [[2, 2], [0, -2]],                     # (1,1) -> (1,0): the shared edge
            [[2, 2], [2, 0], [0, -2], [-2, 0]],    # (1,1) (2,1) (2,0) (1,0): right square's outside
        ],
        "objects": {"shapes": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "A"}},
            {"type": "MultiPolygon", "arcs": [[[~1, 2]]], "properties": {"name": "B"}},
            {"type": "Point", "coordinates": [0, 0]},
        ]}},
    }


def test_decoder_undoes_delta_encoding_and_transform():
    topo = Topology(_two_squares())
    assert np.allclose(topo.arcs[1], [[11, 21], [11, 20]])
    a, b = topo.features("shapes")
    assert (a.properties["name"], b.properties["name"]) == ("A", "B")
    ring_a = a.rings[0]
    assert np.allclose(ring_a, [[11, 20], [10, 20], [10, 21], [11, 21], [11, 20]])
    # Arc ~1 is arc 1 reversed; joined arcs drop the duplicated first vertex.
    assert np.allclose(b.rings[0], [[11, 20], [11, 21], [12, 21], [12, 20], [11, 20]])
    assert len(topo.features("shapes")) == 2          # the Point is not polygonal


def test_mesh_splits_shared_and_exterior_arcs():
    topo = Topology(_two_squares())
    shared = topo.mesh("shapes", lambda a, b: a != b)
    exterior = topo.mesh("shapes", lambda a, b: a == b)
    assert len(shared) == 1 and np.allclose(shared[0], [[11, 21], [11, 20]])
    assert len(exterior) == 2


def test_bad_files_raise_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(TopoJSONError, match="bad.json"):
        Topology.load(bad)
    with pytest.raises(TopoJSONError, match="not a TopoJSON"):
        Topology({"type": "FeatureCollection"})
    with pytest.raises(TopoJSONError, match="no object 'x'"):
        Topology(_two_squares()).rings("x")


@pytest.fixture(scope="module")
def countries_50m():
    return Topology.load(map_data_dir() / "countries-50m.json")


def _country(topo, name):
    return next(f for f in topo.features("countries") if f.properties["name"] == name)


def test_japan_and_korea_rings_lie_where_they_should(countries_50m):
    japan = _country(countries_50m, "Japan")
    assert len(japan.rings) > 10                       # Honshu, Hokkaido, Kyushu, islands...
    pts = np.concatenate(japan.rings)
    assert BBox(122, 20, 154, 46.5).contains(pts[:, 0], pts[:, 1]).all()
    korea = _country(countries_50m, "South Korea")
    pts = np.concatenate(korea.rings)
    assert BBox(124, 32, 131.5, 39).contains(pts[:, 0], pts[:, 1]).all()
    assert any(points_in_ring([SEOUL[0]], [SEOUL[1]], r)[0] for r in korea.rings)
    assert not any(points_in_ring([TOKYO[0]], [TOKYO[1]], r)[0] for r in korea.rings)


def test_clip_ring_of_a_square_keeps_the_overlap():
    square = np.array([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], float)
    piece = clip_ring(square, BBox(2, 1, 10, 3))
    area, cx, cy = ring_area_centroid(piece)
    assert area == pytest.approx(4.0) and (cx, cy) == pytest.approx((3.0, 2.0))
    assert len(clip_ring(square, BBox(5, 5, 6, 6))) == 0


def test_clip_polyline_splits_and_reaches_the_edge():
    line = np.array([[-2, 0], [-1, 0], [1, 0], [3, 0], [5, 0], [6, 0], [8, 0]], float)
    pieces = clip_polyline(line, BBox(0, -1, 4, 1))
    assert len(pieces) == 1 and pieces[0][0, 0] == -1 and pieces[0][-1, 0] == 5
    joined = join_nan([line[:2], line[3:5]])
    assert joined.shape == (5, 2) and np.isnan(joined[2]).all()


def test_interior_point_of_a_concave_ring_is_inside():
    u_shape = np.array([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]],
                       float)
    _, cx, cy = ring_area_centroid(u_shape)
    assert not points_in_ring([cx], [cy], u_shape)[0]      # why the centroid is not enough
    x, y = interior_point(u_shape)
    assert points_in_ring([x], [y], u_shape)[0]


def test_basemap_layers_are_clipped_and_split():
    detail = load_basemap("50m", EAST_ASIA)
    assert len(detail.land) > 100 and len(detail.coastline) > 1000 and len(detail.borders) > 100
    for layer in (detail.coastline, detail.borders):
        finite = layer[~np.isnan(layer[:, 0])]
        assert EAST_ASIA.expanded(1.5).contains(finite[:, 0], finite[:, 1]).all()
    # Borders are drawn once: the China–North Korea border, not China's coastline.
    assert np.isnan(detail.borders).any()
    assert load_basemap("50m", EAST_ASIA) is detail                # cached


def test_world_layer_has_no_antimeridian_streaks():
    world = load_basemap("110m")
    for ring in world.land:
        long_edge = np.abs(np.diff(ring[:, 0])) > 90
        at_pole = (np.abs(ring[:-1, 1]) == 90) & (np.abs(ring[1:, 1]) == 90)
        assert not (long_edge & ~at_pole).any()        # only Antarctica's edge along the pole
    assert WORLD.west == DEFAULT_PROJECTION.west_seam
    # Fiji and Chukotka cross 180°: unwrapped, their vertices stay within a few degrees.
    ring = np.array([[179.0, -17.0], [-179.5, -17.0], [-179.5, -16.0], [179.0, -17.0]])
    assert np.ptp(unwrap_lon(ring)[:, 0]) < 2
    polar = unwrap_lon(np.array([[-180, -70], [0, -72], [179, -70], [-180, -70]], float))
    closed = close_polar_ring(polar)
    assert closed[-3:, 1].min() == -90                              # closed along the pole


def test_country_labels_sit_inside_their_country():
    detail = load_basemap("50m", EAST_ASIA)
    labels = {name: (x, y) for name, x, y in country_label_points(detail, HOME_FRAME)}
    assert {"China", "Japan", "North Korea", "South Korea"} <= set(labels)
    topo = Topology.load(map_data_dir() / "countries-50m.json")
    for name in ("China", "Japan", "South Korea"):
        x, y = labels[name]
        assert HOME_FRAME.contains(x, y)
        assert any(points_in_ring([x], [y], r)[0] for r in _country(topo, name).rings), name


def test_graticule_lines_fall_on_the_step():
    lines = graticule(BBox(100, 20, 150, 50), 10)
    finite = lines[~np.isnan(lines[:, 0])]
    on_grid = (np.isclose(finite[:, 0] % 10, 0)) | (np.isclose(finite[:, 1] % 10, 0))
    assert on_grid.all()


def test_projection_round_trip_and_aspect():
    proj = Equirectangular(lat_ts=35.0, lon0=150.0)
    lon = np.array([116.4, 126.98, 139.65, 200.0])
    lat = np.array([39.9, 37.57, 35.68, -10.0])
    x, y = proj.forward(lon, lat)
    back_lon, back_lat = proj.inverse(x, y)
    assert np.allclose(back_lon, lon) and np.allclose(back_lat, lat)
    # One degree of longitude is cos(35°) of a degree of latitude on screen.
    assert (proj.forward(1.0, 0)[0] - proj.forward(0.0, 0)[0]) == pytest.approx(0.8191, abs=1e-4)
    # Washington (77°W) is east of Tokyo across the Pacific on this map.
    assert proj.forward(-77.04, 38.9)[0] > proj.forward(*TOKYO)[0]
    assert proj.normalize(proj.inverse(*proj.forward(-77.04, 38.9))[0]) == pytest.approx(-77.04)


def test_area_names_are_countries_and_regions_not_cities():
    from dateline.geo.basemap import is_area
    assert is_area("South Korea") and is_area("china") and is_area("Asia")
    assert is_area("United States") and is_area("United States of America")
    assert not is_area("Seoul") and not is_area("Washington")


def test_unknown_resolution_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown map resolution"):
        load_basemap("10m")


coord = st.floats(-50, 50, allow_nan=False)


@given(coord, coord, st.floats(0.5, 40), st.floats(0.5, 40), coord, coord, st.floats(0.5, 40),
       st.floats(0.5, 40), st.floats(0, 3.1))
def test_clipped_rotated_rectangle_stays_in_box_with_the_right_area(x, y, w, h, bx, by, bw,
                                                                   bh, angle):
    """Clip a rotated rectangle to a box: the piece lies in the box, and its area
    matches the share of a dense grid over the box that falls inside the rectangle."""
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h], [0, 0]], float)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    ring = corners @ rot.T + [x, y]
    box = BBox(bx, by, bx + bw, by + bh)
    piece = clip_ring(ring, box)
    if len(piece):
        assert box.expanded(1e-9).contains(piece[:, 0], piece[:, 1]).all()
    n = 120
    gx, gy = np.meshgrid(np.linspace(box.west, box.east, n), np.linspace(box.south, box.north, n))
    inside_ring = points_in_ring(gx.ravel(), gy.ravel(), ring).mean() * bw * bh
    area = ring_area_centroid(piece)[0] if len(piece) else 0.0
    assert area == pytest.approx(inside_ring, abs=0.05 * bw * bh + 1e-6)


def test_basemap_cache_round_trips_plain_arrays(tmp_path):
    import numpy as np
    from dateline.geo import basemap_cache
    from dateline.geo.basemap import decode_basemap
    from dateline.paths import map_data_dir
    decoded = decode_basemap(map_data_dir() / "countries-50m.json", "50m", EAST_ASIA)
    path = tmp_path / "m.npz"
    basemap_cache.save(path, decoded)
    with np.load(path, allow_pickle=False) as z:                 # no object arrays inside
        assert all(z[name].dtype != object for name in z.files)
    back = basemap_cache.load(path, "50m", EAST_ASIA)
    assert len(back.land) == len(decoded.land)
    assert all(np.array_equal(a, b) for a, b in zip(back.land, decoded.land))
    assert np.array_equal(back.coastline, decoded.coastline, equal_nan=True)
    assert np.array_equal(back.borders, decoded.borders, equal_nan=True)
    assert [c.name for c in back.countries] == [c.name for c in decoded.countries]
    assert [c.boxes for c in back.countries] == [c.boxes for c in decoded.countries]
    china = next(c for c in back.countries if c.name == "China")
    ref = next(c for c in decoded.countries if c.name == "China")
    assert all(np.array_equal(a, b) for a, b in zip(china.outer_rings, ref.outer_rings))


def test_damaged_basemap_cache_is_ignored_and_rewritten(tmp_path, monkeypatch):
    from dateline.geo import basemap as bm
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    bm.load_basemap.cache_clear()
    try:
        first = bm.load_basemap("110m")
        files = list((tmp_path / "basemap").glob("*.npz"))
        assert len(files) == 1
        files[0].write_bytes(b"not a zip file")
        bm.load_basemap.cache_clear()
        again = bm.load_basemap("110m")                            # decodes, no exception
        assert [c.name for c in again.countries] == [c.name for c in first.countries]
        assert files[0].read_bytes()[:2] == b"PK"                  # rewritten as .npz
    finally:
        bm.load_basemap.cache_clear()
