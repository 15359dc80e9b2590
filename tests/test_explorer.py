"""The Qt-free explorer state: each change announced once, typed, in a fixed order."""
import pandas as pd

from dateline.model.explorer import (EventPicked, Explorer, FiltersChanged, PlacePicked,
                                     StoreReplaced, WindowMoved, only_live_window)
from dateline.model.synthetic import synthetic_store

T = pd.Timestamp


def _explorer():
    seen = []
    ex = Explorer(synthetic_store(n_events=200, n_articles=20, seed=3))
    ex.listen(seen.append)
    return ex, seen


def test_a_drag_is_live_steps_then_one_settled_move():
    ex, seen = _explorer()
    w = (T("2017-03-01"), T("2017-03-08"))
    ex.update(window=w, live=True)
    ex.update(window=(T("2017-03-02"), T("2017-03-09")), live=True)
    assert all(only_live_window(c) for c in seen)
    ex.update(window=(T("2017-03-02"), T("2017-03-09")))      # released where it was
    assert seen[-1] == (WindowMoved((T("2017-03-02"), T("2017-03-09")), False),)
    assert not only_live_window(seen[-1])
    assert ex.update(window=(T("2017-03-02"), T("2017-03-09"))) == ()   # nothing new


def test_settle_after_playback_announces_once():
    ex, seen = _explorer()
    ex.update(window=(T("2017-03-01"), T("2017-03-08")), live=True)
    assert ex.settle() == (WindowMoved(ex.selection.window, False),)
    assert ex.settle() == ()


def test_filters_place_and_event_are_named_and_picking_does_not_requery():
    ex, seen = _explorer()
    place = ex.store.places["place"].iloc[0]
    changes = ex.update(place=place, actors=["Xi Jinping"], search="talks")
    assert changes == (FiltersChanged(("actors", "search")), PlacePicked(place))
    rows = ex.result.event_rows
    event = ex.store.events["id"].iloc[0]
    assert ex.update(event=event) == (EventPicked(event),)
    assert ex.result.event_rows is rows and ex.result.selection.event == event


def test_store_replaced_resets_the_selection():
    ex, seen = _explorer()
    ex.update(place="Seoul")
    other = synthetic_store(n_events=50, n_articles=5, seed=9)
    assert ex.set_store(other) == (StoreReplaced(other),)
    assert ex.selection.place is None and ex.store is other
