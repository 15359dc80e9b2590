"""The map header and the status bar count different things, and say which: the map, the
located places' events and statements in the window (any place); the status bar, what
passes every filter and the selected place, out of the whole corpus."""
import pandas as pd


def _numbers(text: str) -> list[int]:
    return [int(w) for w in text.replace("·", " ").split() if w.isdigit()]


def test_header_and_status_say_what_they_count(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    store = window.state.store
    start = store.events["start"].min()
    window.state.update(window=(start, start + pd.Timedelta(days=30)))
    window.state.update(place=window.state.result.place_counts["place"].iloc[0])
    settle(window)
    result = window.state.result
    status = window.counts_label.text()
    assert status.startswith("Selected: ")
    assert f"{result.n_events} of {len(store.events)} events" in status
    assert f"{result.n_statements} of {len(store.statements)} statements" in status
    assert f"at {result.selection.place}" in status
    assert window.counts_label.toolTip()
    header = window.map_view.summary.text()
    assert header.endswith(" on the map")
    counts = result.place_counts
    located = counts[counts["lat"].notna() & counts["lon"].notna()]
    assert _numbers(header) == [len(located), int(located["n_events"].sum()),
                                int(located["n_statements"].sum())]
    assert window.map_view.summary.toolTip()
    window.state.update(place=None)
    settle(window)
    assert " at " not in window.counts_label.text()
