"""A scrub step (issue 5): a time window change updates the timeline markers, the map
markers and the event list within the step, with no timer firing; the side panel and the
map's labels follow once the drag pauses or is released, and never fall too far behind."""
import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pytestqt")

DAY = pd.Timedelta(days=1)


def _windows(store, n=4, width=5):
    first = store.time_range()[0].normalize()
    return [(first + i * DAY, first + (i + width) * DAY) for i in range(n)]


def _in_step(window):
    """Do timeline, map markers and list show the current result (no event processing)?"""
    result = window.state.result
    layers = window.timeline.plots.layers
    assert np.array_equal(layers.shown, layers.index.items_of_rows(result.event_rows))
    places = window.map_view.places.places
    assert sorted(places.names) == sorted(result.place_counts["place"])
    assert dict(zip(places.names, places.events.tolist())) == dict(
        zip(result.place_counts["place"], result.place_counts["n_events"].tolist()))
    assert window.event_table.model.rowCount() == result.n_events
    assert window.event_table.visible_ids() == sorted(
        result.event_ids, key=window.state.store.event_position)


def test_a_window_step_updates_timeline_map_and_list_within_the_step(make_window,
                                                                      synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    for w in _windows(window.state.store):
        window.state.update(window=w, live=True)   # no processEvents, no timer: same call
        _in_step(window)


def _first_events(state, n):
    return state.store.events["id"].iloc[state.result.event_rows[:n]].tolist()


def test_the_side_panel_follows_the_drag_once_it_pauses(qtbot, make_window, synthetic_store,
                                                        settle):
    window = make_window(synthetic_store)
    settle(window)
    panel, state = window.side_panel, window.state
    starts = state.store.events["start"].dropna().sort_values()
    days = [starts.iloc[int(q * (len(starts) - 1))].normalize() for q in (0.1, 0.4, 0.7, 0.9)]
    windows = [(d, d + DAY) for d in days]     # far apart: different first events
    state.update(window=windows[0])
    settle(window)
    shown = panel.shown_events
    for w in windows[1:]:                      # dragging: each step only restarts the timer
        state.update(window=w, live=True)
        assert panel.shown_events == shown and panel._timer.isActive()
    assert _first_events(state, len(shown)) != shown
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=1000)   # the drag paused
    assert panel.shown_events and panel.shown_events == _first_events(state, len(
        panel.shown_events))
    assert f"{state.result.n_events} event" in panel.title.text()


def test_the_side_panel_keeps_up_with_a_long_drag(make_window, synthetic_store, settle,
                                                 monkeypatch):
    from dateline._qt.panel import side_panel
    window = make_window(synthetic_store)
    settle(window)
    state = window.state
    windows = _windows(state.store, n=3)
    state.update(window=windows[0])
    monkeypatch.setattr(side_panel, "MAX_LAG_S", 0.0)    # any wait is already too long
    state.update(window=windows[1], live=True)     # the first drag step still defers...
    state.update(window=windows[2], live=True)     # ...the next one renders within the step
    assert not window.side_panel._timer.isActive()
    assert window.side_panel.shown_events[:1] == _first_events(state, 1)


def test_a_click_renders_the_side_panel_at_once(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    state = window.state
    state.update(window=_windows(state.store)[0])
    event_id = state.result.event_ids[0]
    state.update(event=event_id)               # picking an event is not a drag
    assert not window.side_panel._timer.isActive()
    assert "Selected event".upper() in window.side_panel.browser.toPlainText().upper()


def test_map_labels_follow_the_drag_after_the_settle_timer(qtbot, make_window,
                                                           synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    state, view = window.state, window.map_view
    windows = _windows(state.store)
    state.update(window=windows[0])
    for w in windows[1:]:
        state.update(window=w, live=True)
    assert view._labels_stale
    qtbot.waitUntil(lambda: not view._labels_stale, timeout=1000)
    counts = dict(zip(view.places.places.names, view.places.places.counts))
    shown = {label.name: label._suffix for label in view.places.labels.shown.values()}
    assert shown and all(suffix == str(counts[name]) for name, suffix in shown.items())


def test_date_sort_needs_no_argsort_and_matches_it(make_window, synthetic_store, settle):
    from dateline._qt.eventlist.model import DATE_COL
    window = make_window(synthetic_store)
    settle(window)
    model = window.event_table.model
    rows = model._rows
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(DATE_COL, order)
        key = model._keys.rank(DATE_COL)[rows]
        key = -key if order == Qt.SortOrder.DescendingOrder else key
        assert model._shown.tolist() == rows[np.argsort(key, kind="stable")].tolist()


def _label_in_host(qtbot, size=None):
    """(host, label): a SteadyLabel alone in a shown host's layout, first layout done."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget
    from dateline._qt.common.steady_label import SteadyLabel
    host = QWidget()
    qtbot.addWidget(host)
    label = SteadyLabel("1–14 Mar 2017 · 2,830 events")
    QHBoxLayout(host).addWidget(label)
    if size:
        host.resize(*size)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(20)                                 # the first layout is done
    return host, label


class _Seen(list):
    """A list that also holds the event filter filling it (a filter must stay alive)."""


def _events_of(kind, *widgets) -> list:
    """The widgets that receive events of ``kind`` from now on (in arrival order)."""
    from PySide6.QtCore import QObject
    seen = _Seen()

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == kind:
                seen.append(obj)
            return False
    spy = Spy()
    for widget in widgets:
        widget.installEventFilter(spy)
    seen.spy = spy                                 # kept alive with the list
    return seen


def test_steady_label_repaints_without_asking_the_layouts(qtbot):
    from PySide6.QtCore import QEvent
    host, label = _label_in_host(qtbot)
    requests = _events_of(QEvent.Type.LayoutRequest, host)
    wide = label.sizeHint().width()
    label.setText("All dates · 7 events")                     # shorter: only a repaint
    qtbot.wait(20)
    assert requests == [] and label.text() == "All dates · 7 events"
    assert label.sizeHint().width() == wide and label.minimumSizeHint().width() == 0
    label.setText("25 Dec 2017 13:00 – 08 Jan 2018 12:00 UTC · 1,000,000 events")
    qtbot.wait(20)
    assert requests and label.sizeHint().width() > wide      # wider than ever: room asked


def test_steady_label_repaints_alone_and_elides_only_when_narrow(qtbot):
    from PySide6.QtCore import QEvent
    from dateline._qt.common.steady_label import SteadyLabel
    host, label = _label_in_host(qtbot, size=(400, 40))
    painted = _events_of(QEvent.Type.Paint, host, label)
    label.setText("2–15 Mar 2017 · 2,901 events")      # a scrub step: the label alone
    qtbot.waitUntil(lambda: label in painted)
    assert host not in painted                          # opaque: nothing beneath repaints
    # Narrower than its text, it shows the elided text; wide enough, the whole text.
    long_text = "25 Dec 2017 13:00 – 08 Jan 2018 12:00 UTC · 1,000,000 events"
    narrow, elided = SteadyLabel(long_text), SteadyLabel()
    for widget in (narrow, elided):
        widget.resize(120, 24)
    room = narrow.contentsRect().width()
    elided.setText(narrow.fontMetrics().elidedText(long_text, Qt.TextElideMode.ElideRight, room))
    assert elided.text() != long_text
    assert narrow.grab().toImage() == elided.grab().toImage()
    narrow.resize(narrow.sizeHint().width() + 40, 24)
    elided.resize(narrow.size())
    elided.setText(long_text)
    assert narrow.grab().toImage() == elided.grab().toImage()


def test_excerpts_name_each_sources_outlet_and_date(seed_window, settle):
    from dateline.model.dates import describe
    store = seed_window.state.store
    text = seed_window.side_panel.browser.toPlainText()
    checked = 0
    for event_id in seed_window.side_panel.shown_events[:5]:
        for article_id, *_ in store.event(event_id)["mentions"][:3]:
            art = store.article(article_id)
            assert f"{art['outlet']}, {describe(art['published'], None)}:" in text
            checked += 1
    assert checked


def _pixels(image):
    from PySide6.QtGui import QImage
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8)
    rows = raw.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 4]
    return rows.reshape(image.height(), image.width(), 4).astype(int)


@pytest.mark.parametrize("density", [False, True], ids=["markers", "density"])
def test_partial_repaints_leave_what_a_full_repaint_shows(qtbot, make_window,
                                                          synthetic_store, settle,
                                                          monkeypatch, density):
    """The scrub path repaints only what changed (region edges, changed map markers,
    list cells, a scroll bar only when its handle moves): after steps painted that way,
    the window on screen must be what rendering it afresh gives, pixel for pixel."""
    from PySide6.QtWidgets import QApplication
    from dateline._qt.timeline import layers as timeline_layers
    if density:
        monkeypatch.setattr(timeline_layers, "DENSITY_THRESHOLD", 50)
    window = make_window(synthetic_store)
    settle(window)
    window.timeline.fit()
    window.timeline.plots.update_clip()
    assert window.timeline.plots.layers.density_mode == density
    app = QApplication.instance()
    first = window.state.store.time_range()[0].normalize()
    for k in range(8):       # steps of 3 weeks: month-long events come and go each step
        window.state.update(window=(first + 21 * k * DAY, first + (21 * k + 5) * DAY), live=True)
        app.sendPostedEvents()
        app.processEvents()                    # the step's own, partial repaint
    shown = _pixels(window.screen().grabWindow(window.winId()).toImage())
    fresh = _pixels(window.grab().toImage())
    assert shown.shape == fresh.shape
    assert np.abs(shown - fresh).max() <= 2
