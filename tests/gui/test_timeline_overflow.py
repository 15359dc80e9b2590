"""Overflow markers at the ends of the time axis ("◀ 2 earlier", "1 later ▶"): shown when
events lie outside the view, clicked to extend the view to them (pytest-qt)."""
import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

from dateline._qt.state import AppState
from dateline._qt.timeline.view import TimelineView
from dateline.model.lanes import OverflowIndex, to_seconds
from dateline.model.store import EventStore

TS = pd.Timestamp
OUTLIERS = ["1905-06-01", "1941-12-07", "2030-01-01"]


def _view(qtbot, extra=()):
    days = [*OUTLIERS, *extra] + [f"2019-{m:02d}-{dd:02d}" for m in range(1, 13)
                                  for dd in (3, 10, 17)]
    events = [{"id": f"e{i}", "type": "other", "summary": "x", "actors": [],
               "date_start": d, "date_end": d, "precision": "day",
               "mentions": [{"article": "a", "start": 0, "end": 1, "text": "x"}]}
              for i, d in enumerate(days)]
    doc = {"schema": "dateline/1", "articles": [{"id": "a"}], "statements": [], "events": events}
    state = AppState(EventStore.from_document(doc))
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
    lanes = view.plots.mapFromScene(view.plots.lanes.getViewBox().sceneBoundingRect())
    assert lanes.boundingRect().contains(before.geometry())     # over the lanes, at the ends
    assert before.x() < after.x()
    qtbot.mouseClick(before, Qt.MouseButton.LeftButton)
    (lo, hi), _ = view.plots.lanes.getViewBox().viewRange()
    assert lo < to_seconds([TS("1905-06-01")])[0] and hi < to_seconds([TS("2030-01-01")])[0]
    assert not before.isVisible() and after.isVisible()
    qtbot.mouseClick(after, Qt.MouseButton.LeftButton)
    (lo, hi), _ = view.plots.lanes.getViewBox().viewRange()
    assert hi > to_seconds([TS("2030-01-01")])[0]
    assert not before.isVisible() and not after.isVisible()    # everything in view


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
