"""Scale paths of the model checked against the obvious slow versions (plain pytest).

The store answers queries with row positions, place codes and ``bincount``; the lane
layout stacks spans with capped tracks. Each must give what full masks, ``value_counts``
and the unbounded greedy search give.
"""
import numpy as np
import pandas as pd
import pytest
from dateline.model import lanes
from dateline.model.selection import Selection
from dateline.model.synthetic import synthetic_store

TS = pd.Timestamp


@pytest.fixture(scope="module")
def store():
    return synthetic_store(n_events=600, n_articles=60, seed=11)


def _naive(store, sel: Selection):
    """Full boolean masks, then ``value_counts`` per place (what the store replaced)."""
    def mask(df, actors_col, outlets_col, types_col):
        keep = pd.Series(True, index=df.index)
        if sel.window is not None:
            w0, w1 = sel.window
            dated = df["start"].notna() & (df["start"] < w1)
            if not sel.cumulative:
                dated &= df["end"] > w0
            # Undated rows (statements) match by their article's publication day.
            undated = pd.Series(False, index=df.index)
            if "published" in df:
                undated = df["start"].isna() & (df["published"] < w1)
                if not sel.cumulative:
                    undated &= df["published"] >= w0
            keep &= dated | undated
        for values, col in ((sel.actors, actors_col), (sel.outlets, outlets_col),
                            (sel.types, types_col)):
            if values:
                wanted = set(values)
                keep &= df[col].map(lambda v, w=wanted: bool(
                    (set(v) if isinstance(v, tuple) else {v}) & w))
        return keep
    ev = mask(store.events, "actors", "outlets", "type")
    st = mask(store.statements, "speaker", "outlet", "event_type")
    ev_n = store.events["place"][ev].value_counts()
    st_n = store.statements["place"][st].value_counts()
    if sel.place is not None:
        ev &= store.events["place"] == sel.place
        st &= store.statements["place"] == sel.place
    return store.events[ev]["id"].tolist(), store.statements[st]["id"].tolist(), ev_n, st_n


SELECTIONS = [
    Selection(),
    Selection(window=(TS("2017-02-01"), TS("2017-02-15"))),
    Selection(window=(TS("2017-02-01"), TS("2017-02-15")), cumulative=True),
    Selection(window=(TS("2017-03-01"), TS("2017-05-01")), place="Seoul"),
    Selection(window=(TS("2017-01-01"), TS("2017-12-31")), types=frozenset({"meeting"})),
    Selection(window=(TS("2030-01-01"), TS("2030-02-01"))),             # nothing
]


@pytest.mark.parametrize("sel", SELECTIONS, ids=range(len(SELECTIONS)))
def test_query_matches_full_masks_and_value_counts(store, sel):
    ev_ids, st_ids, ev_n, st_n = _naive(store, sel)
    result = store.query(sel)
    assert result.events["id"].tolist() == ev_ids
    assert result.statements["id"].tolist() == st_ids
    counts = result.place_counts.set_index("place")
    for place in set(ev_n.index) | set(st_n.index):
        assert counts.loc[place, "n_events"] == ev_n.get(place, 0)
        assert counts.loc[place, "n_statements"] == st_n.get(place, 0)
    assert set(counts.index) == set(ev_n.index) | set(st_n.index)


def test_window_query_keeps_row_labels_and_dtypes(store):
    sel = Selection(window=(TS("2017-02-01"), TS("2017-03-01")))
    result = store.query(sel)
    assert len(result.events)
    # labels are store rows: the views map result rows back to the store by label
    assert (store.events.loc[result.events.index, "id"] == result.events["id"]).all()
    assert list(result.events.columns) == list(store.events.columns)
    assert list(result.place_counts.columns) == ["place", "lat", "lon", "n_events",
                                                 "n_statements"]


def test_article_records_are_built_on_demand(store):
    first = store.articles.to_dict("records")[0]
    assert store.article(first["id"]) == first
    assert store.article("no such article") is None


def _greedy_unbounded(x0, x1):
    """The old layout: the first track whose last span has ended, else a new one."""
    ends, out = [], []
    for a, b in zip(x0, x1):
        track = next((t for t, end in enumerate(ends) if end <= a), None)
        if track is None:
            track = len(ends)
            ends.append(b)
        ends[track] = b
        out.append(track)
    return out


def test_capped_tracks_match_greedy_until_the_cap():
    rng = np.random.default_rng(3)
    for _ in range(50):
        x0 = np.sort(rng.uniform(0, 100, 12))
        x1 = x0 + rng.uniform(1, 15, 12)
        want = _greedy_unbounded(x0, x1)
        got = lanes._assign_tracks(x0.tolist(), x1.tolist(), n_tracks=64)
        assert got.tolist() == want
        capped = lanes._assign_tracks(x0.tolist(), x1.tolist(), n_tracks=3)
        assert capped.max() <= 2
        if max(want) <= 2:
            assert capped.tolist() == want


def test_many_overlapping_spans_stay_within_the_lane():
    n = 20_000                                  # all overlap: the old search was O(n^2)
    lane = np.zeros(n, dtype=int)
    x0 = np.arange(n, dtype=float)
    x1 = x0 + 1e9
    y, _ = lanes._stack(lane, x0, x1, np.ones(n, dtype=bool))
    assert np.all(np.abs(y) <= 0.38 + 1e-9)
    assert len(np.unique(np.round(y, 6))) == lanes._distinct_tracks(0.22, 0.38) == 5


def test_place_counts_arrays_agree_with_the_frame(store):
    """The map reads ``by_place`` (arrays over the store's place table); the frame built
    from it on demand is what tests and exports read: both must say the same."""
    sel = Selection(window=(TS("2017-02-01"), TS("2017-03-01")))
    a, b = store.query(sel).by_place, store.query(sel).by_place
    frame = store.query(sel).place_counts
    assert a.names == frame["place"].tolist()
    assert a.n_events.tolist() == frame["n_events"].tolist()
    assert a.n_statements.tolist() == frame["n_statements"].tolist()
    assert a is not b and a.same_as(b) and b.same_as(a)
    later = store.query(Selection(window=(TS("2017-05-01"), TS("2017-06-01")))).by_place
    assert not a.same_as(later)
    assert not a.same_as(None)
