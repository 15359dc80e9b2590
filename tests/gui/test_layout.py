"""The window works at 1024x700 and adapts when it grows back (docks keep their share)."""
from __future__ import annotations

import pytest


@pytest.fixture
def small_window(make_window, seed_store, settle, qtbot):
    window = make_window(seed_store)
    window.resize(1024, 700)
    qtbot.wait(50)
    settle(window)
    return window


def test_small_window_keeps_search_map_range_label_and_columns(small_window):
    w = small_window
    bar = w._toolbar
    assert w.search.isVisible() and w.search.geometry().right() <= bar.width()
    assert w.map_view.height() >= 280, "the map is squeezed by the docks"
    assert w.timeline.window_label.width() >= 90, "the range label is hidden"
    header = w.event_table.view.horizontalHeader()
    visible = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    from dateline._qt.eventlist.table import EVENT_COL, MIN_WIDTHS
    sizes = {c: header.sectionSize(c) for c in visible}
    assert all(sizes[c] >= MIN_WIDTHS.get(c, 40) for c in visible if c != EVENT_COL), sizes
    assert sizes[EVENT_COL] >= 40, sizes
    assert header.length() <= w.event_table.view.viewport().width() + 1, "columns scroll away"


def test_docks_grow_back_with_the_window(small_window, qtbot):
    w = small_window
    side_small = w.panel_dock.width()
    w.resize(1600, 1000)
    qtbot.wait(50)
    assert w.panel_dock.width() > side_small * 1.3
    assert w.panel_dock.width() >= 0.25 * 1600
    assert w.map_view.height() >= 400


def test_fitted_widths_shrink_together_only_when_narrow():
    from dateline._qt.eventlist.table import PREFERRED_WIDTHS, fitted_widths
    assert fitted_widths(PREFERRED_WIDTHS, 2000) == PREFERRED_WIDTHS
    narrow = fitted_widths({0: 116, 2: 96, 5: 62}, 300)
    assert sum(narrow.values()) < 116 + 96 + 62 and narrow[0] >= 112
