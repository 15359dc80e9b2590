"""MapView driven through the real AppState and EventStore (pytest-qt, offscreen)."""
import math
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from dateline._qt.map.edges import edge_point, spread  # noqa: E402
from dateline._qt.map.items import LabelItem  # noqa: E402
from dateline._qt.map.places import tooltip_html  # noqa: E402
from dateline._qt.map.style import DARK, LIGHT, label_font  # noqa: E402
from dateline._qt.map.view import MapView  # noqa: E402
from dateline._qt.state import AppState  # noqa: E402
from dateline.geo.basemap import HOME_FRAME  # noqa: E402
from dateline.model.store import EventStore  # noqa: E402

PLACES = {"Tokyo": (35.6762, 139.6503), "Seoul": (37.5665, 126.978),
          "Beijing": (39.9042, 116.4074), "Pyongyang": (39.0392, 125.7625),
          "Washington": (38.9, -77.04), "Taipei": (25.033, 121.5654)}


def _event(eid, kind, day, place, actors):
    lat, lon = PLACES[place]
    return {"id": eid, "type": kind, "summary": f"{kind} in {place}", "date_start": day,
            "date_end": day, "precision": "day",
            "place": {"name": place, "lat": lat, "lon": lon}, "actors": actors, "mentions": []}


def _doc():
    events = [
        _event("e1", "visit", "2017-03-15", "Tokyo", ["Rex Tillerson"]),
        _event("e2", "visit", "2017-03-17", "Seoul", ["Rex Tillerson"]),
        _event("e3", "meeting", "2017-03-18", "Beijing", ["Rex Tillerson", "Wang Yi"]),
        _event("e4", "warning", "2017-03-16", "Pyongyang", ["Kim Jong Un"]),
        _event("e5", "statement", "2017-03-17", "Washington", ["Donald Trump"]),
        _event("e6", "meeting", "2017-03-18", "Beijing", ["Wang Yi"]),
        _event("e7", "warning", "2017-03-18", "Beijing", ["Wang Yi"]),
    ]
    return {"schema": "dateline/1", "articles": [], "events": events, "statements": []}


@pytest.fixture
def state(qtbot):
    return AppState(EventStore.from_document(_doc()))


@pytest.fixture
def view(qtbot, state):
    v = MapView(state)
    qtbot.addWidget(v)
    v.resize(900, 620)
    v.show()
    qtbot.waitExposed(v)
    v.reset_view()
    return v


def _click(qtbot, view, scene_pos: QPointF):
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.plot.mapFromScene(scene_pos))


def _double_click(view, pos):
    """What a real double-click delivers: press, release, double-click, release
    (QTest.mouseDClick sends the double-click event alone, which pyqtgraph ignores)."""
    vp, at = view.plot.viewport(), QPointF(pos)
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
                          (QEvent.Type.MouseButtonDblClick, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(vp, QMouseEvent(kind, at, vp.mapToGlobal(at),
                                               Qt.MouseButton.LeftButton, buttons,
                                               Qt.KeyboardModifier.NoModifier))


def test_initial_view_frames_the_four_capitals(view):
    box = view.view_bbox()
    for name in ("Beijing", "Seoul", "Tokyo", "Pyongyang"):
        lat, lon = PLACES[name]
        assert box.contains(lon, lat), name
    assert box.contains_box(HOME_FRAME)
    assert view.base.detail_visible                 # 50m detail in East Asia
    assert {"China", "Japan"} <= set(view.base.country_labels())


def test_home_frame_survives_resizes_until_the_user_pans(qtbot, view):
    view.resize(500, 700)                              # now a tall, narrow map
    qtbot.waitUntil(lambda: view.viewbox.width() < 520)
    assert view.view_bbox().contains_box(HOME_FRAME)
    home_x = view.viewbox.viewRect().center().x()
    view.viewbox.sigRangeChangedManually.emit([True, True])   # as a drag or wheel does
    view.viewbox.translateBy(x=5.0)
    view.resize(900, 620)
    qtbot.waitUntil(lambda: view.viewbox.width() > 880)
    assert view.viewbox.viewRect().center().x() == pytest.approx(home_x + 5.0)   # not re-fitted


def test_markers_sized_by_count_and_labelled(view):
    p = view.places.places
    assert set(p.names) == set(PLACES) - {"Taipei"}   # no events in Taipei
    sizes = dict(zip(p.names, view.places.sizes()))
    assert sizes["Beijing"] > sizes["Seoul"]          # 3 events vs 1
    assert {"Beijing", "Seoul", "Tokyo", "Pyongyang"} <= set(view.places.visible_labels())


def test_click_selects_and_click_again_or_sea_clears(qtbot, view, state):
    seoul = view.place_scene_pos("Seoul")
    _click(qtbot, view, seoul)
    assert state.selection.place == "Seoul"
    assert view.places.ring.data["x"].size == 1       # selection ring drawn
    _click(qtbot, view, seoul)
    assert state.selection.place is None
    _click(qtbot, view, view.place_scene_pos("Tokyo"))
    assert state.selection.place == "Tokyo"
    sea = view.viewbox.mapViewToScene(QPointF(*view._proj.forward(141.0, 31.5)))
    _click(qtbot, view, sea)                          # the Pacific south of Japan
    assert state.selection.place is None


def test_places_outside_the_view_get_clickable_edge_arrows(qtbot, view, state):
    assert view.edges.visible_places() == ["Washington"]
    at = view.place_scene_pos("Washington")             # its arrow: the place is off-view
    assert view.viewbox.sceneBoundingRect().contains(at)
    assert view.place_at(at) == "Washington"
    _click(qtbot, view, at)
    assert state.selection.place == "Washington"


def test_double_click_on_an_edge_arrow_pans_there(qtbot, view, state):
    item = next(i for i in view.edges._items if i.place == "Washington")
    at = view.plot.mapFromScene(view.viewbox.mapViewToScene(item.pos()))
    width = view.view_bbox().east - view.view_bbox().west
    _double_click(view, at)
    assert state.selection.place == "Washington"
    lat, lon = PLACES["Washington"]
    box = view.view_bbox()
    assert box.contains(view._proj.wrap(lon), lat)
    assert box.east - box.west == pytest.approx(width)   # same zoom
    assert "Washington" in view.places.visible_labels()


def test_world_toggle_shows_washington_and_reset_comes_back(qtbot, view):
    qtbot.mouseClick(view.world_button, Qt.MouseButton.LeftButton)
    lat, lon = PLACES["Washington"]
    box = view.view_bbox()
    assert box.contains(view._proj.wrap(lon), lat)
    assert not view.base.detail_visible and view.edges.visible_places() == []
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert not view.world_button.isChecked()
    assert view.view_bbox().contains_box(HOME_FRAME)


def test_itinerary_follows_actor_and_window(view, state):
    state.update(actors={"Rex Tillerson"})
    assert [s.place for s in view.itinerary.stops] == ["Tokyo", "Seoul", "Beijing"]
    assert view.itinerary.leg_count() == 2
    assert "Tokyo (15 Mar) → Seoul (17 Mar) → Beijing (18 Mar)" in view.caption.text()
    # Legs start at the marker's edge, not under it.
    path = view.itinerary.path_item.path()
    start = view.viewbox.mapViewToScene(QPointF(path.elementAt(0).x, path.elementAt(0).y))
    tokyo = view.place_scene_pos("Tokyo")
    size = dict(zip(view.places.places.names, view.places.sizes()))["Tokyo"]
    gap = math.hypot(start.x() - tokyo.x(), start.y() - tokyo.y())
    assert size / 2 < gap < size / 2 + 8
    state.update(window=(pd.Timestamp("2017-03-16"), pd.Timestamp("2017-03-19")))
    assert [s.place for s in view.itinerary.stops] == ["Seoul", "Beijing"]
    state.update(actors={"Rex Tillerson", "Wang Yi"})   # itinerary needs exactly one actor
    assert view.itinerary.leg_count() == 0 and view.caption.text() == ""


def test_scrubbing_reuses_label_items(view, state):
    pool = list(view.places.labels._pool)
    assert len(pool) >= 4
    for day in range(14, 20):
        start = pd.Timestamp(f"2017-03-{day}")
        state.update(window=(start, start + pd.Timedelta(days=2)))
    assert view.places.labels._pool == pool           # same items, none created


def test_dark_palette_and_png_export(tmp_path, view):
    out = tmp_path / "map.png"
    assert view.export_png(out)
    light = QImage(str(out))
    assert light.width() == view.width() and light.height() == view.height()
    view.set_dark(True)
    assert view.export_png(out)
    dark = QImage(str(out))
    sea = view.viewbox.mapViewToScene(QPointF(*view._proj.forward(141.0, 31.5)))
    pos = view.plot.mapTo(view, view.plot.mapFromScene(sea))
    assert QColor(dark.pixel(pos)).name() == DARK.sea
    assert QColor(light.pixel(pos)).name() == LIGHT.sea


def test_hover_highlights_the_place_under_the_mouse(qtbot, view):
    qtbot.mouseMove(view.plot.viewport(), view.plot.mapFromScene(view.place_scene_pos("Beijing")))
    qtbot.waitUntil(lambda: view.places.hovered == "Beijing", timeout=2000)
    assert view.places.hover_ring.data["x"].size == 1


def test_tooltip_escapes_names_and_cjk_labels_have_width(qtbot):
    assert "&lt;script&gt;" in tooltip_html("<script>", 1, 2)
    label = LabelItem(label_font())
    label.set_text("東京", "3")
    assert label.text_rect().width() > 0


def test_edge_geometry_helpers():
    inner = QRectF(0, 0, 100, 50)
    point, edge = edge_point(QPointF(50, 25), QPointF(1000, 25), inner)
    assert edge == "right" and point == QPointF(100, 25)
    point, edge = edge_point(QPointF(50, 25), QPointF(50, -500), inner)
    assert edge == "top" and point.y() == 0
    out = spread([20.0, 21.0, 22.0], [10.0, 10.0, 30.0], 0.0, 100.0, pad=5.0)
    assert out == [20.0, 35.0, 60.0]                 # edges: 15-25, 30-40, 45-75
    assert spread([95.0, 96.0], [10.0, 10.0], 0.0, 100.0, pad=0.0) == [85.0, 95.0]
    assert spread([1.0, 2.0], [60.0, 60.0], 0.0, 100.0) is None   # cannot fit


def test_empty_store_shows_a_bare_map(qtbot):
    state = AppState(EventStore.empty())
    v = MapView(state)
    qtbot.addWidget(v)
    v.resize(400, 300)
    v.show()
    assert v.places.places.names == [] and v.edges.visible_places() == []
    assert "0 places" in v.summary.text()


def test_itinerary_stops_collapse_repeats_and_skip_unplaced():
    from dateline._qt.map.itinerary import describe, stops_from_frame
    frame = pd.DataFrame({
        "date": pd.to_datetime(["2017-03-18", "2017-03-15", "2017-03-16", "2017-03-17", None]),
        "place": ["Tokyo", "Tokyo", "Tokyo", "Seoul", "Beijing"],
        "lat": [35.7, 35.7, 35.7, float("nan"), 39.9],
        "lon": [139.7, 139.7, 139.7, 127.0, 116.4]})
    stops = stops_from_frame(frame)
    assert [s.place for s in stops] == ["Tokyo", "Beijing"]     # Seoul has no coordinates
    assert describe("A", stops) == "A: Tokyo (15 Mar) → Beijing"
    assert stops_from_frame(None) == [] and stops_from_frame(frame.iloc[:0]) == []


def test_place_rows_without_coordinates_are_skipped():
    from dateline._qt.map.places import PlaceArrays
    from dateline.geo.projection import DEFAULT_PROJECTION
    frame = pd.DataFrame({"place": ["Seoul", "Nowhere", "Tokyo"], "lat": [37.6, None, 35.7],
                          "lon": [127.0, None, 139.7], "n_events": [1, 5, 3],
                          "n_statements": [0, 0, 2]})
    arrays = PlaceArrays.from_frame(frame, DEFAULT_PROJECTION)
    assert arrays.names == ["Tokyo", "Seoul"]                    # biggest first
    assert arrays.counts.tolist() == [5, 1]
    assert not arrays.area.any()


def test_query_counts_and_frame_give_the_same_markers():
    """The map takes a query's counts as arrays over the store's place table (projected
    once per store); it must show what the same counts given as a frame show."""
    import numpy as np
    from dateline._qt.map.places import PlaceArrays, TableGeo
    from dateline.geo.projection import DEFAULT_PROJECTION
    from dateline.model.place_counts import PlaceCounts, PlaceTable
    table = PlaceTable(np.array(["Seoul", "Nowhere", "Tokyo", "South Korea", "Idle"],
                                dtype=object), np.array([37.6, np.nan, 35.7, 36.4, 1.0]),
                       np.array([127.0, np.nan, 139.7, 127.9, 1.0]))
    counts = PlaceCounts.from_bins(table, np.array([1, 5, 3, 2, 0]), np.array([0, 0, 2, 0, 0]))
    from_counts = PlaceArrays.from_counts(counts, TableGeo.of(table, DEFAULT_PROJECTION))
    from_frame = PlaceArrays.from_frame(counts.frame(), DEFAULT_PROJECTION)
    assert from_counts.names == from_frame.names == ["Tokyo", "South Korea", "Seoul"]
    for name in ("x", "y", "events", "statements", "area"):
        assert getattr(from_counts, name).tolist() == getattr(from_frame, name).tolist()


def test_countries_get_area_markers(view, state):
    frame = pd.DataFrame({"place": ["South Korea", "Seoul"], "lat": [36.4, 37.6],
                          "lon": [127.9, 127.0], "n_events": [2, 2], "n_statements": [0, 0]})
    view.places.set_places(frame)
    assert view.places.places.area.tolist() == [True, False]
    area, = view.places.scatter_area.points()
    city, = view.places.scatter.points()
    assert (area.data(), city.data()) == ("South Korea", "Seoul")
    assert area.brush().color().alpha() < city.brush().color().alpha()
    assert view.places.scatter_area.zValue() < view.places.scatter.zValue()   # cities on top


def test_scale_bar_matches_the_view(view):
    from dateline._qt.map.scale import nice_length
    assert nice_length(334.0) == 200 and nice_length(0.7) == 0.5 and nice_length(1000) == 1000
    box = view.view_bbox()
    mid = (box.south + box.north) / 2
    km_per_px = (box.east - box.west) * 111.32 * math.cos(math.radians(mid)) / view.viewbox.width()
    bar = view.corner.scale_bar
    assert bar._px * km_per_px == pytest.approx(bar._km, rel=1e-6)
    assert bar.label() == f"{bar._km:,.0f} km" and 20 < bar._px <= bar.MAX_PX


def test_bezier_piece_is_the_same_curve():
    import numpy as np
    from dateline._qt.map.itinerary import _bezier_piece
    p0, p1, p2 = np.array([0.0, 0.0]), np.array([1.0, 2.0]), np.array([3.0, 0.0])
    start, ctrl, end = _bezier_piece(p0, p1, p2, 0.0, 1.0)
    assert np.allclose([start, ctrl, end], [p0, p1, p2])
    start, ctrl, end = _bezier_piece(p0, p1, p2, 0.2, 0.7)
    curve = lambda t: (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t ** 2 * p2  # noqa: E731
    sub = lambda u: (1 - u) ** 2 * start + 2 * (1 - u) * u * ctrl + u ** 2 * end  # noqa: E731
    for u in (0.0, 0.3, 1.0):
        assert np.allclose(sub(u), curve(0.2 + u * 0.5))


def test_new_store_replaces_places_and_rescales(view, state):
    big = _doc()
    big["events"] = [_event(f"x{i}", "visit", "2017-03-15", "Seoul", ["A"]) for i in range(50)]
    big["events"].append(_event("t1", "visit", "2017-03-16", "Tokyo", ["A"]))
    state.set_store(EventStore.from_document(big))
    assert set(view.places.places.names) == {"Seoul", "Tokyo"}
    assert view.places.reference == 50                  # Seoul's 50 set the scale
    state.set_store(EventStore.from_document(_doc()))
    assert view.places.reference == 3                   # Beijing's 3, not 50 any more
    assert view.itinerary.leg_count() == 0


def test_labels_never_overlap_each_other_or_markers(view):
    """Checked right after a range change, before any repaint (pyqtgraph applies the
    new range lazily; a layout from the stale transform overlapped in the world view)."""
    for show in (view.show_world, view.reset_view):
        show()
        pl = view.places
        sx, sy = pl.scene_xy()
        rects = pl.labels.rects((sx, sy))
        for a in range(len(rects)):
            for b in range(a + 1, len(rects)):
                assert not rects[a].intersects(rects[b])
        shown = list(pl.labels.shown)
        for k, i in enumerate(shown):
            for j in range(len(sx)):
                s = pl.sizes()[j]
                marker = QRectF(sx[j] - s / 2, sy[j] - s / 2, s, s)
                assert j == i or not rects[k].intersects(marker), (pl.places.names[i], j)


def test_escape_clears_the_place_and_home_resets(qtbot, view, state):
    _click(qtbot, view, view.place_scene_pos("Seoul"))
    assert state.selection.place == "Seoul"
    qtbot.keyClick(view.plot, Qt.Key.Key_Escape)
    assert state.selection.place is None
    view.show_world()
    qtbot.keyClick(view.plot, Qt.Key.Key_Home)
    assert view.view_bbox().contains_box(HOME_FRAME) and not view.world_button.isChecked()


def test_hovering_an_edge_arrow_outlines_it(qtbot, view):
    at = view.plot.mapFromScene(view.place_scene_pos("Washington"))
    qtbot.mouseMove(view.plot.viewport(), at)
    qtbot.waitUntil(lambda: view.places.hovered == "Washington", timeout=2000)
    item = next(i for i in view.edges._items if i.place == "Washington")
    assert item._ring.color().name() == LIGHT.hover


def test_labels_are_rendered_once_and_redrawn_from_cache(view, monkeypatch):
    from dateline._qt.map import items as map_items
    monkeypatch.setattr(map_items, "_pixmaps", {})     # not what other tests rendered
    view.grab()
    rendered = []
    real = map_items._text_path
    monkeypatch.setattr(map_items, "_text_path", lambda *a: rendered.append(a[0]) or real(*a))
    view.grab()                                   # a repaint with nothing new: no stroking
    assert rendered == []
    assert view.places.visible_labels()
    view.set_dark(True)                           # new colours: each label rendered anew
    view.grab()
    assert "Beijing" in rendered and "3" in rendered      # a count: digit by digit


def test_window_drag_defers_label_layout_to_the_settle_timer(qtbot, view, state):
    layouts = []
    real = view.places.layout_labels
    view.places.layout_labels = lambda *a, **k: layouts.append(1) or real(*a, **k)
    view.MAX_LABEL_LAG_S = 1e9                    # however slow this machine is
    state.update(window=(pd.Timestamp("2017-03-16"), pd.Timestamp("2017-03-19")), live=True)
    assert layouts == []                          # only the markers changed on this step
    names = set(state.result.place_counts["place"])
    assert set(view.places.places.names) == names
    assert set(view.places.visible_labels()) <= names
    qtbot.waitUntil(lambda: bool(layouts), timeout=3000)    # the drag paused
    counts = dict(zip(view.places.places.names, view.places.places.counts))
    shown = {label.name: label._suffix for label in view.places.labels.shown.values()}
    assert shown and all(suffix == str(counts[name]) for name, suffix in shown.items())
    state.update(place="Seoul")                   # not a drag: laid out at once
    assert len(layouts) == 2


def test_a_long_drag_still_lays_labels_out_now_and_then(view, state):
    layouts = []
    real = view.places.layout_labels
    view.places.layout_labels = lambda *a, **k: layouts.append(1) or real(*a, **k)
    view.MAX_LABEL_LAG_S = 0.0                    # the last layout is always too old
    state.update(window=(pd.Timestamp("2017-03-16"), pd.Timestamp("2017-03-19")), live=True)
    assert layouts == [1] and not view._labels_stale


def test_side_boxes_match_each_labels_text_rect(qtbot):
    import numpy as np
    from dateline._qt.map.items import SIDES, side_boxes
    label = LabelItem(label_font(9.0, True), label_font(8.5, False))
    label.set_text("Pyongyang", "12")
    size = np.array([LabelItem.metrics(label_font(9.0, True), label_font(8.5, False),
                                       "Pyongyang", "12")])
    boxes = side_boxes(np.array([100.0]), np.array([50.0]), size, np.array([7.0]))
    for k, side in enumerate(SIDES):
        r = label.text_rect(side, 7.0).translated(QPointF(100.0, 50.0))
        assert boxes[0, k].tolist() == pytest.approx([r.left(), r.top(), r.right(), r.bottom()])


def test_base_layers_and_labels_repaint_from_cache(view):
    from PySide6.QtWidgets import QGraphicsItem
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    base = view.base
    # One cached item paints every base layer: a scrub step blits one pixmap, not four.
    assert base.stack.cacheMode() == cached
    assert all(item.scene() is None
               for item in (*base.detail.items(), *base.world.items(), base.graticule))
    assert all(label.cacheMode() == cached for label in view.places.labels.shown.values())


def test_base_stack_paints_the_visible_resolution(view):
    base = view.base
    drawn = lambda: [i for i in base._layers_bottom_up() if i.isVisible()]  # noqa: E731
    assert base.detail.land in drawn() and base.world.land not in drawn()
    view.show_world()
    assert not base.detail_visible
    assert base.world.land in drawn() and base.detail.land not in drawn()
    assert base.stack.boundingRect().contains(base.world.land.path().boundingRect())
    z = [i.zValue() for i in drawn()]
    assert z == sorted(z) and base.graticule in drawn()              # land at the bottom
    image = view.grab().toImage()
    sea, land = QColor(view._palette.sea), QColor(view._palette.land)
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 23)
               for y in range(0, image.height(), 23)}
    assert sea.name() in colours and land.name() in colours          # land is painted


def test_markers_are_drawn_around_the_view_and_follow_it(view):
    drawn = lambda: set(view.places.scatter.data["data"])  # noqa: E731
    assert "Washington" not in drawn() and "Seoul" in drawn()      # an edge arrow instead
    view.show_world()
    assert {"Washington", "Tokyo"} <= drawn()    # Seoul: in Pyongyang's cluster (below)
    view.reset_view()
    view.center_on("Washington")                                   # panned there
    assert "Washington" in drawn()


def test_edge_indicator_paints_only_with_a_ring(qtbot):
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene
    from dateline._qt.map.items import EdgeIndicatorItem
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    scene = QGraphicsScene(0, 0, 200, 200)
    item = EdgeIndicatorItem(label_font(), label_font())
    item.set_place("Washington", 2, 0.0, "left")
    item.setPos(150, 100)
    scene.addItem(item)
    assert item.flags() & no_contents           # no ring: Qt skips its paint() call

    def render() -> QImage:
        image = QImage(200, 200, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        return image
    plain = render()
    item.set_ring(QColor("red"))
    assert not item.flags() & no_contents
    ringed = render()
    assert ringed != plain and any(
        ringed.pixelColor(x, y).red() > 200 and ringed.pixelColor(x, y).green() < 80
        for x in range(200) for y in range(0, 200, 2))
    item.set_ring(None)
    assert item.flags() & no_contents and render() == plain


def test_labels_at_the_view_edge_take_a_side_inside_it(view):
    x = float(view.places.places.x[view.places.places.index("Tokyo")])
    r = view.viewbox.viewRect()
    # Tokyo a few pixels inside the right edge: a label on its right would be cut
    px = r.width() / view.viewbox.width()
    view.viewbox.setRange(xRange=(x - r.width() + 14 * px, x + 14 * px),
                          yRange=(r.top(), r.bottom()), padding=0.0)
    view._relayout()
    i = view.places.places.index("Tokyo")
    label = view.places.labels.shown[i]
    sx, sy = view.places.scene_xy()
    rect = label.text_rect().translated(QPointF(float(sx[i]), float(sy[i])))
    assert view.viewbox.sceneBoundingRect().contains(rect)
