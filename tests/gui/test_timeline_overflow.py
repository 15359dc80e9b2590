"""Overflow markers at the ends of the time axis ("◀ 2 earlier", "1 later ▶"): shown when
events lie outside the view, clicked to extend the view to them (pytest-qt)."""
import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, QRect, Qt

from dateline._qt.state import AppState
from dateline._qt.timeline.view import TimelineView
from dateline.model.lanes import OverflowIndex, to_seconds
from dateline.model.store import EventStore

TS = pd.Timestamp
OUTLIERS = ["1905-06-01", "1941-12-07", "2030-01-01"]


def _store(extra=()) -> EventStore:
    days = [*OUTLIERS, *extra] + [f"2019-{m:02d}-{dd:02d}" for m in range(1, 13)
                                  for dd in (3, 10, 17)]
    events = [{"id": f"e{i}", "type": "other", "summary": "x", "actors": [],
               "date_start": d, "date_end": d, "precision": "day",
               "mentions": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}
              for i, d in enumerate(days)]
    doc = {"schema": "dateline/1", "articles": [{"id": "a"}], "statements": [], "events": events}
    return EventStore.from_document(doc)


def _view(qtbot, extra=()):
    state = AppState(_store(extra))
    view = TimelineView(state)
    qtbot.addWidget(view)
    view.resize(1000, 360)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_outlying_dates_get_a_marker_at_each_end_that_extends_the_view(qtbot):
    view = _view(qtbot)
    if not view.overflow.before.isVisible():    # opened on every date: Fit toggles to 2019
        view.fit()
    before, after = view.overflow.before, view.overflow.after
    assert before.isVisible() and before.text() == "◀ 2 earlier"
    assert after.isVisible() and after.text() == "1 later ▶"
    assert "1905" in before.toolTip() and "2030" in after.toolTip()
    assert before.x() < after.x()
    qtbot.mouseClick(before, Qt.MouseButton.LeftButton)
    (lo, hi), _ = view.plots.lanes.getViewBox().viewRange()
    assert lo < to_seconds([TS("1905-06-01")])[0] and hi < to_seconds([TS("2030-01-01")])[0]
    assert not before.isVisible() and after.isVisible()
    qtbot.mouseClick(after, Qt.MouseButton.LeftButton)
    (lo, hi), _ = view.plots.lanes.getViewBox().viewRange()
    assert hi > to_seconds([TS("2030-01-01")])[0]
    assert not before.isVisible() and not after.isVisible()    # everything in view


def _in(ancestor, widget, rect: QRect | None = None) -> QRect:
    """``rect`` of ``widget`` (all of it by default) in ``ancestor``'s coordinates."""
    rect = rect or widget.rect()
    return QRect(widget.mapTo(ancestor, rect.topLeft()), rect.size())


def test_markers_sit_beside_the_plot_not_over_it_at_1024x700(make_window, qtbot):
    """At 1024x700 the "later" marker lay over the right end of the top lane and hid the
    events drawn there: the markers have a strip of their own, at the lanes' ends."""
    window = make_window(_store())
    window.resize(1024, 700)
    qtbot.wait(50)
    view = window.timeline
    if not view.overflow.before.isVisible():
        view.fit()
    before, after = view.overflow.before, view.overflow.after
    qtbot.waitUntil(lambda: before.isVisible() and after.isVisible(), timeout=2000)
    qtbot.wait(20)
    plots = view.plots
    lanes_vb = plots.lanes.getViewBox()
    lanes = _in(window, plots, plots.mapFromScene(lanes_vb.sceneBoundingRect()).boundingRect())
    whole_plot = _in(window, plots)
    for button in (before, after):
        box = _in(window, button)
        assert not box.intersects(lanes), (button.text(), box, lanes)
        assert not box.intersects(whole_plot), (button.text(), box, whole_plot)
        assert box.bottom() < whole_plot.top() and box.top() >= _in(window, view).top()
    # lined up with the ends of the time axis
    assert abs(_in(window, before).left() - lanes.left()) <= 2
    assert abs(_in(window, after).right() - lanes.right()) <= 2
    # clicking still reaches the outlying dates; with nothing left outside the strip goes
    qtbot.mouseClick(before, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(after, Qt.MouseButton.LeftButton)
    assert not view.overflow.isVisible()
    # the plot takes the strip's height back
    qtbot.waitUntil(lambda: _in(window, plots).top() < whole_plot.top(), timeout=2000)


def test_overflow_index_counts_by_end_before_and_start_after():
    idx = OverflowIndex(np.array([0.0, 10, 20, np.nan, 30]), np.array([5.0, 12, np.nan, 1, 40]))
    o = idx(11.0, 25.0)          # 0-5 ends before; 10-12 overlaps; 20 in; 30-40 after
    assert (o.n_before, o.n_after, o.earliest, o.latest) == (1, 1, 0.0, 40.0)
    assert idx(-1.0, 100.0).n_before == 0 and idx(-1.0, 100.0).earliest is None


def test_play_sweeps_where_the_events_are_even_across_centuries(qtbot):
    """A news corpus citing 1700 and 2030 (the Wikinews case): Play used to raise
    OutOfBoundsDatetime (a Timedelta past 292 years) and would have swept centuries."""
    view = _view(qtbot, extra=["1700-05-01"])
    view.play()
    try:
        for _ in range(5):
            view._play_tick()
        start, end = view.state.selection.window
        assert TS("2019-01-01") <= start and end <= TS("2020-01-31")
    finally:
        view.stop()


def test_play_icon_follows_the_theme(qtbot):
    from PySide6.QtWidgets import QApplication
    from dateline._qt import theme
    view = _view(qtbot)
    app = QApplication.instance()
    try:
        for name, light_icon in (("dark", True), ("light", False)):
            theme.apply(app, name)
            image = view.play_button.icon().pixmap(16, 16).toImage()
            lightness = max(image.pixelColor(x, y).lightness() for x in range(16)
                            for y in range(16) if image.pixelColor(x, y).alpha() > 128)
            assert (lightness > 150) == light_icon, (name, lightness)
    finally:
        theme.apply(app, "light")


def test_play_starts_where_the_events_are_not_at_a_long_range_start(qtbot):
    """The sample corpus's "since the beginning of last year" (1 Jan 2016 - 18 Mar 2017)
    made Play sweep an empty 2016 first."""
    days = [f"2017-{m:02d}-{dd:02d}" for m in range(2, 12) for dd in (5, 20)]
    events = [{"id": f"e{i}", "type": "other", "summary": "x", "actors": [],
               "date_start": d, "date_end": d, "precision": "day",
               "mentions": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}
              for i, d in enumerate(days)]
    events.append({**events[0], "id": "since", "date_start": "2016-01-01",
                   "date_end": "2017-03-19", "precision": "range"})
    doc = {"schema": "dateline/1", "statements": [], "events": events,
           "articles": [{"id": "a", "published": "2017-03-19"}]}
    view = TimelineView(AppState(EventStore.from_document(doc)))
    qtbot.addWidget(view)
    view.play()
    try:
        assert view.state.selection.window[0] >= TS("2017-02-01")
    finally:
        view.stop()
