"""The event list's self-sorting model and the side panel's paging, checked against the
obvious versions (sort the displayed strings; filter them in Python)."""
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pytestqt")

DISPLAY = Qt.ItemDataRole.DisplayRole


def _column(table, col):
    model = table.model
    return [model.index(r, col).data(DISPLAY) for r in range(model.rowCount())]


@pytest.mark.parametrize("col", range(6))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_any_column_orders_the_rows(make_window, synthetic_store, settle, col, order):
    window = make_window(synthetic_store)
    settle(window)
    table = window.event_table
    table.view.sortByColumn(col, order)
    assert table.model.rowCount() == len(window.state.result.events)
    if col == 0:                     # dates: by start time, unknown dates last
        store = window.state.store
        keys = [store.event_position(i) for i in table.visible_ids()]
    elif col == 5:
        keys = [int(v) for v in _column(table, col)]
    else:
        keys = [v.lower() for v in _column(table, col)]
    assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)


def test_filter_matches_the_shown_text(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    table = window.event_table
    all_rows = list(zip(table.visible_ids(), *(_column(table, c) for c in range(6))))
    date = all_rows[len(all_rows) // 2][1]                    # a date as the list shows it
    for needle in ("SEOUL", date.upper()):
        table.filter_edit.setText(needle)
        want = {r[0] for r in all_rows if any(needle.lower() in v.lower() for v in r[1:])}
        assert want and set(table.visible_ids()) == want
    table.filter_edit.setText("")
    assert len(table.visible_ids()) == len(all_rows)


def test_selection_follows_its_event_across_a_resort(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    table = window.event_table
    table.view.selectRow(5)
    chosen = window.state.selection.event
    table.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    rows = table.view.selectionModel().selectedRows()
    assert len(rows) == 1 and table.visible_ids()[rows[0].row()] == chosen
    assert window.state.selection.event == chosen


def test_only_rows_on_screen_are_formatted(make_window, synthetic_store, settle, monkeypatch):
    import dateline._qt.eventlist.model as elm
    calls = []
    real = elm.describe
    monkeypatch.setattr(elm, "describe", lambda *a: calls.append(a) or real(*a))
    window = make_window(synthetic_store)
    settle(window)
    window.event_table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    window.event_table.view.viewport().repaint()
    rows = window.event_table.model.rowCount()
    assert rows > 200 and 0 < len(calls) < rows / 2


def test_side_panel_shows_a_page_then_more_on_request(make_window, synthetic_store, settle):
    from dateline._qt.panel.side_panel import PAGE
    window = make_window(synthetic_store)
    settle(window)
    panel = window.side_panel
    n = len(window.state.result.statements)
    assert n > 2 * PAGE
    assert len(panel.shown_statements) == PAGE
    assert "Show more" in panel.browser.toPlainText()
    panel.activate("more:statements")
    assert panel.shown_statements == window.state.result.statements["id"].head(2 * PAGE).tolist()
    window.state.update(types=["meeting"])                 # a new list starts on page one
    settle(window)
    assert len(panel.shown_statements) <= PAGE


def test_a_window_step_updates_the_rows_without_a_model_reset(make_window, synthetic_store,
                                                              settle):
    import pandas as pd
    window = make_window(synthetic_store)
    settle(window)
    table, state = window.event_table, window.state
    first = state.store.time_range()[0].normalize()
    day = pd.Timedelta(days=1)
    state.update(window=(first, first + 30 * day))
    table.view.setCurrentIndex(table.model.index(1, 1))
    state.update(event=None)
    resets = []
    table.model.modelReset.connect(lambda: resets.append(1))
    for i, width in ((1, 5), (2, 40), (3, 12)):            # fewer rows, more, fewer
        state.update(window=(first + i * day, first + (i + width) * day))
        expected = sorted(state.result.event_ids, key=state.store.event_position)
        assert table.model.rowCount() == len(expected)
        assert table.visible_ids() == expected
        assert _column(table, 1) == [state.store.event(e)["summary"] for e in expected]
        assert not table.view.currentIndex().isValid()     # as after a reset
    assert resets == []                # the header is neither reset nor repainted
    table.filter_edit.setText("seoul")                     # filtering still resets
    assert resets and all("seoul" in " ".join(map(str, row)).lower()
                          for row in zip(*(_column(table, c) for c in range(6))))


def test_a_step_marks_changed_only_the_rows_that_show_another_event(qtbot, synthetic_store):
    """Long-running events stay at the top of every window: their rows are not repainted
    at each step (every visible row used to be marked changed)."""
    import numpy as np
    from dateline._qt.eventlist.model import EventTableModel
    model = EventTableModel()
    base = synthetic_store.events
    model.set_rows(np.arange(0, 40), base)
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.set_rows(np.r_[0:10, 12:42], base)               # rows 10.. now other events
    assert changed == [(10, 39)]
    changed.clear()
    model.set_rows(np.r_[0:10, 12:30], base)               # fewer rows, the rest the same
    assert changed == [] and model.rowCount() == 28
    assert model.shown_ids() == base["id"].iloc[np.r_[0:10, 12:30]].tolist()


def test_cells_match_the_plain_formatting_of_each_event():
    """Rows are formatted a block at a time from the store's arrays: the same strings as
    formatting each event on its own, unknown dates and places included."""
    import numpy as np
    import pandas as pd

    from dateline._qt import theme
    from dateline._qt.eventlist.model import NO_PLACE, EventTableModel
    from dateline.model.dates import describe
    n = 150
    start = pd.Series(pd.date_range("2017-01-01", periods=n, freq="13h"))
    start[::7] = pd.NaT
    end = start + pd.Timedelta(days=1)
    end[::5] = end[::5] + pd.Timedelta(days=3)
    events = pd.DataFrame({
        "id": [f"e{i}" for i in range(n)], "start": start, "end": end,
        "precision": (["day", "month", "week", "year", "range"] * n)[:n],
        "summary": [f"event {i} «x»" for i in range(n)],
        "place": [None if i % 3 == 0 else f"place {i % 11}" for i in range(n)],
        "type": (["meeting", "visit", "warning"] * n)[:n],
        "actors": [tuple(f"a{j}" for j in range(i % 3)) for i in range(n)],
        "n_sources": np.arange(n) % 9})
    model = EventTableModel()
    model.set_events(events)
    shown = [int(i[1:]) for i in model.shown_ids()]
    for pos, i in enumerate(shown):
        row = events.iloc[i]
        want = (describe(row["start"], row["end"], row["precision"]), row["summary"],
                row["place"] if isinstance(row["place"], str) else NO_PLACE,
                theme.type_label(row["type"]),
                ", ".join(row["actors"]), str(row["n_sources"]), row["type"])
        assert model.cells(pos) == want
    assert model.cells(n) is None
    assert sum(model.cells(p)[0] == "date unknown" for p in range(n)) == len(start[::7])
