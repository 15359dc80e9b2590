"""Timeline widget: spans vs points, scrubber, stepping, playback, lanes, hover, clicks."""
import numpy as np
import pandas as pd
import pytest
from dateline._qt.state import AppState
from dateline._qt.timeline import TimelineView
from dateline._qt.timeline_plot import tooltip_html
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
    x0, _, width, _ = _bar_geometry(timeline.plots.spans, 0)
    assert x0 == pytest.approx(to_seconds([TS("2017-04-01")])[0])
    assert width == pytest.approx(30 * 86400)                  # all of April
    assert "m1" not in list(timeline.plots.points.data["data"])  # not a point
    assert sorted(timeline.plots.points.data["data"]) == ["d1", "d2"]


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
    # fading: only d1 is fully opaque after the debounced restyle
    qtbot.waitUntil(lambda: _alphas(timeline)["d1"] > 200 and _alphas(timeline)["d2"] < 120)


def _alphas(timeline):
    pts = timeline.plots.points
    return {d: b.color().alpha() for d, b in zip(pts.data["data"], pts.data["brush"])}


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

    from dateline._qt import date_axis
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
