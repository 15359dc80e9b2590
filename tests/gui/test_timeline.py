"""Timeline widget: spans vs points, scrubber, stepping, playback, lanes, hover, clicks."""
import numpy as np
import pandas as pd
import pytest
from dateline._qt.state import AppState
from dateline._qt.timeline.view import TimelineView
from dateline._qt.timeline.plot import tooltip_html
from dateline.model.lanes import to_seconds
from dateline.model.store import EventStore

TS = pd.Timestamp


def _doc():
    def ev(i, day, end, precision, place, actors, etype="meeting"):
        return {"id": i, "type": etype, "summary": f"event {i}", "date_start": day,
                "date_end": end, "precision": precision,
                "place": {"name": place, "lat": 39.9, "lon": 116.4}, "actors": actors,
                "mentions": [{"article": "a1", "start": 0, "end": 4, "text": "x"}]}
    return {"schema": "dateline/1",
            "articles": [{"id": "a1", "path": "", "title": "", "outlet": "Reuters",
                          "published": "2017-03-18", "published_source": "manifest",
                          "text_sha256": ""}],
            "events": [ev("d1", "2017-03-17", "2017-03-17", "day", "Seoul", ["Rex Tillerson"]),
                       ev("d2", "2017-03-18", "2017-03-18", "day", "Beijing",
                          ["Rex Tillerson", "Wang Yi"]),
                       ev("m1", "2017-04-01", "2017-04-30", "month", "Beijing", ["Xi Jinping"],
                          "planned_summit")],
            "statements": []}


@pytest.fixture
def timeline(qtbot):
    state = AppState(EventStore.from_document(_doc(), texts={"a1": "text"}))
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)
    return view


def test_month_precision_event_is_drawn_as_span(timeline):
    data = timeline.plots.layout_data
    i = list(data.ids).index("m1")
    assert data.is_span[i]
    layers = timeline.plots.layers
    x0, _, width, _ = _bar_geometry(layers.overlay["planned_summit"].bars, 0)
    assert x0 == pytest.approx(to_seconds([TS("2017-04-01")])[0])
    assert width == pytest.approx(30 * 86400)                  # all of April
    assert layers.drawn_ids("overlay", "spans") == ["m1"]
    assert layers.drawn_ids("overlay", "points") == ["d1", "d2"]   # m1 is not a point
    assert layers.drawn_ids("static", "points") == ["d1", "d2"]    # faded layer: all


def _bar_geometry(bars, i):
    x0, x1 = bars.opts["x0"], bars.opts["x1"]
    y0, y1 = bars.opts["y0"], bars.opts["y1"]
    return float(x0[i]), float(y0[i]), float(x1[i] - x0[i]), float(y1[i] - y0[i])


def test_dragging_the_window_filters_state_live(timeline, qtbot):
    a, b = to_seconds([TS("2017-03-17"), TS("2017-03-18")])
    timeline.plots.region.setRegion((float(a), float(b)))
    assert timeline.state.selection.window == (TS("2017-03-17"), TS("2017-03-18"))
    assert timeline.state.result.event_ids == ["d1"]
    assert timeline.plots.region_hist.getRegion() == pytest.approx((a, b))   # kept in sync
    # fading: only d1 is in the full-strength overlay after the debounced restyle; the
    # faded static layer still draws both
    layers = timeline.plots.layers
    qtbot.waitUntil(lambda: layers.drawn_ids("overlay", "points") == ["d1"])
    assert layers.drawn_ids("static", "points") == ["d1", "d2"]
    dots, faded = layers.overlay["meeting"].dots, layers.static["meeting"].dots
    assert dots.opts["brush"].color().alpha() > 200
    assert faded.opts["brush"].color().alpha() < 120


def test_window_set_from_code_moves_both_regions_and_their_bounds(timeline):
    """A window set elsewhere (list, playback, keys) moves the region quietly (no drag
    signal) and its cached bounds follow the edges and the view."""
    plots = timeline.plots
    a, b = to_seconds([TS("2017-03-10"), TS("2017-03-12")])
    dragged = []
    plots.region_dragged.connect(lambda x0, x1: dragged.append((x0, x1)))
    timeline.set_window(TS("2017-03-10"), TS("2017-03-12"))
    assert dragged == []                                    # not echoed back as a drag
    for region in (plots.region, plots.region_hist):
        assert region.getRegion() == pytest.approx((a, b))
        box = region.boundingRect()
        assert (box.left(), box.right()) == pytest.approx((a, b))
    (lo, hi), _ = plots.lanes.getViewBox().viewRange()
    plots.lanes.setXRange(lo - 86400 * 30, hi + 86400 * 30, padding=0)
    plots.lanes.setYRange(-3, 9, padding=0)
    plots.lanes.getViewBox().updateMatrix()          # pyqtgraph applies a range at paint
    box = plots.region.boundingRect()
    view = plots.lanes.getViewBox().viewRect()
    assert (box.top(), box.bottom()) == pytest.approx((view.top(), view.bottom()))
    assert (box.left(), box.right()) == pytest.approx((a, b))


def test_step_to_next_and_previous_event(timeline):
    timeline.set_window(TS("2017-03-10"), TS("2017-03-11"))
    timeline.step(+1)
    assert timeline.state.selection.event == "d1"
    assert timeline.state.selection.window == (TS("2017-03-17"), TS("2017-03-18"))
    timeline.step(+1)
    assert timeline.state.selection.event == "d2"
    timeline.step(-1)
    assert timeline.state.selection.event == "d1"


def test_jump_to_date_keeps_window_width(timeline):
    timeline.set_window(TS("2017-03-17"), TS("2017-03-19"))
    timeline.jump_to(TS("2017-04-10"))
    assert timeline.state.selection.window == (TS("2017-04-10"), TS("2017-04-12"))
    assert timeline.state.result.event_ids == ["m1"]


def test_playback_moves_window_forward_and_cumulative(timeline, qtbot):
    timeline.set_window(TS("2017-03-17"), TS("2017-03-18"))
    timeline.speed_combo.setCurrentText("4×")
    timeline.play()
    assert timeline.playing
    qtbot.waitUntil(lambda: timeline.state.selection.window[0] > TS("2017-03-18"), timeout=3000)
    timeline.stop()
    assert not timeline.playing
    timeline.cumulative_box.setChecked(True)
    assert timeline.state.selection.cumulative
    assert "d1" in timeline.state.result.event_ids          # everything before the end


def test_lanes_by_actor_repeat_shared_events(timeline):
    timeline.lane_combo.setCurrentText("Actor")
    data = timeline.plots.layout_data
    assert "Rex Tillerson" in data.lanes and "Wang Yi" in data.lanes
    assert list(data.ids).count("d2") == 2                   # one marker per actor


def test_hit_test_click_selects_event(timeline, qtbot):
    x = float(to_seconds([TS("2017-03-17 12:00")])[0])
    lane = timeline.plots.layout_data.lanes.index("Seoul")
    assert timeline.plots.event_at(x, lane) == "d1"
    x_span = float(to_seconds([TS("2017-04-15")])[0])
    assert timeline.plots.event_at(x_span, timeline.plots.layout_data.lanes.index("Beijing")) \
        == "m1"
    with qtbot.waitSignal(timeline.state.selection_changed):
        timeline.plots.event_clicked.emit("d1")
    assert timeline.state.selection.event == "d1"
    ring = timeline.plots.selected_ring.data
    assert len(ring) == 1 and ring["x"][0] == pytest.approx(x)


def test_tooltip_escapes_article_text(timeline):
    row = timeline.state.store.event("d1").copy()
    row["summary"] = "<script>alert(1)</script>"
    html = tooltip_html(row)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Fri 17 Mar 2017" in html


def test_histogram_follows_filters(timeline):
    _, counts = timeline.plots.hist_curve.getData()
    assert counts.sum() == 3
    timeline.state.update(actors=frozenset({"Wang Yi"}))
    timeline._restyle()
    _, counts = timeline.plots.hist_curve.getData()
    assert counts.sum() == 1


def test_date_axis_is_utc(timeline):
    axis = timeline.plots.hist.getAxis("bottom")
    assert axis.utcOffset == 0
    assert np.isfinite(timeline.plots.lanes.getViewBox().viewRange()[0]).all()


def test_hover_over_marker_shows_event_tooltip(timeline, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QToolTip
    data = timeline.plots.layout_data
    i = list(data.ids).index("d1")
    vb = timeline.plots.lanes.getViewBox()
    scene = vb.mapViewToScene(QPointF(float(data.xmid[i]), float(data.y[i])))
    with qtbot.waitSignal(timeline.plots.hovered) as blocker:
        timeline.plots._on_mouse_moved((scene,))
    assert blocker.args == ["d1"]
    assert "event d1" in QToolTip.text()


def test_selecting_far_event_pans_timeline(timeline):
    timeline.plots.lanes.setXRange(*to_seconds([TS("2017-03-10"), TS("2017-03-20")]), padding=0)
    timeline.state.update(event="m1")
    (lo, hi), _ = timeline.plots.lanes.getViewBox().viewRange()
    a, b = to_seconds([TS("2017-04-01"), TS("2017-05-01")])
    assert b >= lo and a <= hi
    assert hi - lo == pytest.approx(10 * 86400, rel=0.01)          # zoom kept


def test_zoom_and_fit(timeline):
    (lo, hi), _ = timeline.plots.lanes.getViewBox().viewRange()
    timeline.zoom(0.5)
    (lo2, hi2), _ = timeline.plots.lanes.getViewBox().viewRange()
    assert hi2 - lo2 == pytest.approx((hi - lo) / 2, rel=0.01)
    timeline.fit()
    (lo3, hi3), _ = timeline.plots.lanes.getViewBox().viewRange()
    a, b = to_seconds([TS("2017-03-17"), TS("2017-05-01")])
    assert lo3 <= a and hi3 >= b


def test_cjk_font_fallback_is_configured(qapp):
    from dateline._qt import theme
    from PySide6.QtGui import QFont, QFontMetrics
    cjk = theme.setup_fonts(qapp)
    if cjk is None:
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    assert cjk in qapp.font().families()
    assert QFontMetrics(QFont(cjk)).inFont("北")
    assert qapp.font().families()[0] != cjk        # Latin text keeps Latin punctuation


def test_day_ticks_are_utc_midnights_whatever_the_machine_timezone(monkeypatch):
    import time

    from dateline._qt.timeline import date_axis
    monkeypatch.setenv("TZ", "Pacific/Auckland")        # UTC+13 in March
    time.tzset()
    try:
        axis = date_axis.UtcDateAxis()
        axis.zoomLevel = date_axis._MONTH_DAY
        axis.zoomLevel.utcOffset = 0
        lo, hi = to_seconds([TS("2017-03-10"), TS("2017-03-20")])
        levels = axis.zoomLevel.tickValues(float(lo), float(hi), 86400)
        day_ticks = dict(levels)[86400]
        assert day_ticks and all(t % 86400 == 0 for t in day_ticks)
        friday = float(to_seconds([TS("2017-03-17")])[0])
        assert axis.tickStrings([friday], 1, 86400) == ["17"]
        assert axis.tickStrings([float(to_seconds([TS("2017-04-01")])[0])], 1,
                                date_axis.dai.MONTH_SPACING) == ["1 Apr"]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_step_visits_same_day_events_one_by_one(qtbot):
    doc = _doc()
    doc["events"].append(dict(doc["events"][0], id="d1b", summary="same day"))
    state = AppState(EventStore.from_document(doc, texts={"a1": "text"}))
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.set_window(TS("2017-03-01"), TS("2017-03-02"))
    seen = []
    for _ in range(5):
        view.step(+1)
        seen.append(state.selection.event)
    assert seen == ["d1", "d1b", "d2", "m1", "m1"]       # stops at the last
    view.step(-1)
    assert state.selection.event == "d2"


def test_legend_names_the_types_present(timeline):
    text = timeline.legend.text()
    assert "Meeting" in text and "Planned summit" in text
    assert "Sanctions" not in text                      # not in this corpus


def test_each_type_layer_holds_only_its_type(timeline):
    layers = timeline.plots.layers
    data = timeline.plots.layout_data
    type_of = dict(zip(data.ids, data.types))
    for layer in (layers.static, layers.overlay):
        for name, group in layer.items():
            drawn = [str(d) for d in group.dots.data["data"]] + group.span_ids()
            assert all(type_of[d] == name for d in drawn), name
    assert layers.drawn_ids("overlay", "points") == ["d1", "d2"]


def test_scrub_restyles_only_the_overlay(timeline, qtbot):
    layers = timeline.plots.layers
    static_before = {n: (id(g.dots), list(g.dots.data["data"]))
                     for n, g in layers.static.items()}
    timeline.set_window(TS("2017-03-18"), TS("2017-03-19"))
    timeline._restyle()
    assert layers.drawn_ids("overlay", "points") == ["d2"]
    assert layers.drawn_ids("overlay", "spans") == []
    assert {n: (id(g.dots), list(g.dots.data["data"])) for n, g in layers.static.items()} \
        == static_before


def test_scrubber_is_visible_on_load_and_draggable(timeline):
    plots = timeline.plots
    assert timeline.state.selection.window is None                  # "All dates"
    (lo, hi), _ = plots.lanes.getViewBox().viewRange()
    a, b = plots.region.getRegion()
    assert lo < a < b < hi                                           # both handles on screen
    assert plots.region.isVisible() and plots.region.brush.color().alpha() > 0
    assert all(line.markers for line in plots.region.lines)          # grab handles drawn
    plots.region.setRegion((a + 86400, b))                           # drag the left edge
    assert timeline.state.selection.window is not None


def test_histogram_has_readable_y_labels(timeline):
    ticks = timeline.plots.hist.getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == ["0", "1"]               # at most one a day
    assert "per day" in timeline.plots.hist.getAxis("left").labelText


def test_density_mode_above_threshold_and_back(qtbot, monkeypatch):
    from dateline._qt.timeline import layers as timeline_layers
    from dateline.model.lanes import from_seconds as lanes_from_seconds
    from dateline.model.synthetic import generate
    monkeypatch.setattr(timeline_layers, "DENSITY_THRESHOLD", 50)
    state = AppState(_many_events_store(generate, 300))
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.show()
    qtbot.waitExposed(view)
    layers = view.plots.layers
    view.fit()
    view.plots.update_clip()
    assert layers.density_mode and layers.density.isVisible()
    assert layers.drawn_ids("static", "points") == []                # no markers drawn
    assert layers.density.image is not None and layers.density.image[..., 3].max() > 0
    # A time window: the accent strip over the faded one covers only the window's columns.
    lo, hi, _ = layers._range
    points = np.sort(layers.data.xmid[~layers.data.is_span])
    day = lanes_from_seconds(points[len(points) // 2]).normalize()      # a busy day
    state.update(window=(day, day + pd.Timedelta(days=2)))
    active = layers.density_active
    assert active.isVisible() and active.image[..., 3].max() > 0
    strip = active.mapRectToParent(active.boundingRect())
    cols = np.flatnonzero((layers._counts(layers.shown) > 1e-6).any(axis=0))   # in use
    px = (hi - lo) / layers._range[2]
    assert strip.left() == pytest.approx(lo + cols[0] * px)
    assert strip.width() == pytest.approx((cols[-1] + 1 - cols[0]) * px)
    state.update(window=None)
    x = float(layers.data.xmid[np.flatnonzero(~layers.data.is_span)[0]])
    view.plots.lanes.setXRange(x - 3600, x + 3600, padding=0)        # zoom right in
    view.plots.update_clip()
    assert not layers.density_mode and not layers.density.isVisible()
    assert 0 < len(layers.drawn_ids("static", "points")) <= 50


def _many_events_store(generate, n):
    corpus = generate(n_events=n)
    return EventStore.from_document(corpus.document, texts=corpus.texts)


def test_jump_field_follows_the_scrubbed_window(seed_window, settle):
    import pandas as pd
    day = pd.Timestamp("2017-03-17")
    seed_window.timeline.set_window(day, day + pd.Timedelta(days=1))
    settle(seed_window)
    assert seed_window.timeline.date_edit.date().toPython().isoformat() == "2017-03-17"


def test_play_keeps_the_window_in_view_on_whole_days_and_loops(make_window, synthetic_store, qtbot):
    """Play moves the window by whole days (no invented hours in the label), the plot
    pans with it, every view shows the same window, and Loop starts again at the end."""
    window = make_window(synthetic_store)
    timeline = window.timeline
    rng = window.state.store.time_range()
    timeline.loop_box.setChecked(True)
    timeline.speed_combo.setCurrentText("4×")      # a sweep in ~100 ticks
    timeline.play()
    assert timeline.playing and timeline.play_button.text() == "Pause"
    assert not timeline.play_button.icon().isNull()
    starts = []
    for _ in range(160):
        timeline._play_tick()
        sel = window.state.selection.window
        starts.append(sel[0])
        assert sel[0] == sel[0].normalize() and sel[1] == sel[1].normalize()
        lo, hi = timeline.plots.lanes.viewRange()[0]
        x0, x1 = (t.value / 1e9 for t in sel)
        assert lo <= x0 and x1 <= hi, "the window ran off the visible range"
        assert "UTC" not in timeline.window_label.text()
    assert any(b < a for a, b in zip(starts, starts[1:])), "never looped back to the start"
    assert min(starts) >= rng[0].floor("D")
    timeline.stop()
    assert timeline.play_button.text() == "Play"


def test_jump_field_follows_show_all_dates(make_window, synthetic_store):
    window = make_window(synthetic_store)
    timeline = window.timeline
    rng = window.state.store.time_range()
    later = rng[0] + (rng[1] - rng[0]) / 2
    window.state.update(window=(later.floor("D"), later.floor("D") + pd.Timedelta(days=7)))
    assert timeline.date_edit.date().toPython() == later.floor("D").date()
    timeline.clear_window()
    lo = timeline.plots.lanes.viewRange()[0][0]
    first = max(pd.Timestamp(lo, unit="s").ceil("D"), rng[0])
    assert timeline.date_edit.date().toPython() == first.date()


def test_fit_shows_where_the_events_are_then_every_date(qtbot):
    from dateline.model.store import EventStore
    events = [{"id": f"e{i}", "type": "other", "summary": "x", "actors": [],
               "date_start": d, "date_end": d, "precision": "day",
               "mentions": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}
              for i, d in enumerate(["1905-06-01", "1941-12-07"]
                                    + [f"2019-{m:02d}-{dd:02d}" for m in range(1, 13)
                                       for dd in (3, 10, 17)])]
    state = AppState(EventStore.from_document({"schema": "dateline/1", "articles": [{"id": "a"}],
                                               "statements": [], "events": events}))
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.show()
    qtbot.waitExposed(view)
    view.zoom(0.5)
    view.fit()
    (lo, hi), _ = view.plots.lanes.getViewBox().viewRange()
    a, b = to_seconds([TS("2019-01-03"), TS("2019-12-17")])
    assert lo <= a and hi >= b and lo > to_seconds([TS("1990-01-01")])[0]
    view.fit()                                     # again: every date
    (lo, hi), _ = view.plots.lanes.getViewBox().viewRange()
    assert lo <= to_seconds([TS("1905-06-01")])[0]
