"""The vectorised lane assignment gives the lanes of the obvious per-item version."""
import numpy as np
import pandas as pd
import pytest

from dateline.model import lanes
from dateline.model.synthetic import synthetic_store


def _reference(events: pd.DataFrame, by: str, max_lanes: int):
    """value_counts, isin and a dict lookup per item (what ``layout`` did before)."""
    dated = events[events["start"].notna()]
    if by == "actor":
        exploded = dated["actors"].astype(object).reset_index(drop=True).explode()
        keys = exploded.fillna("No actor").astype(str).to_numpy(dtype=object)
        rows = dated.index.to_numpy()[exploded.index.to_numpy()]
    else:
        rows = dated.index.to_numpy()
        col = dated["type"] if by == "type" else dated["place"].fillna(lanes.NO_PLACE)
        keys = col.astype(str).to_numpy(dtype=object)
    counts = pd.Series(keys).value_counts(sort=True)
    if len(counts) > max_lanes:
        top = counts.index[: max_lanes - 1].tolist()
        keys = np.where(np.isin(keys, top), keys, lanes.OTHER_LANE)
        names = top + [lanes.OTHER_LANE]
    else:
        names = counts.index.tolist()
    names = [n for n in names if n not in (lanes.NO_PLACE, lanes.OTHER_LANE)] + \
        [n for n in (lanes.NO_PLACE, lanes.OTHER_LANE) if n in names]
    lane_of = {name: i for i, name in enumerate(names)}
    return names, np.array([lane_of[k] for k in keys], dtype=int), rows


@pytest.fixture(scope="module")
def store():
    return synthetic_store(n_events=800, n_articles=80, seed=9)


@pytest.mark.parametrize("by", ["place", "actor", "type"])
@pytest.mark.parametrize("max_lanes", [3, 6, 40])
def test_lanes_match_the_per_item_version(store, by, max_lanes):
    names, lane, rows = _reference(store.events, by, max_lanes)
    lay = lanes.layout(store.events, by=by, max_lanes=max_lanes)
    assert lay.lanes == names
    assert lay.lane.tolist() == lane.tolist() and lay.rows.tolist() == rows.tolist()
    assert (lanes.OTHER_LANE in names) == (max_lanes < 10)   # few lanes: the rest is Other


def test_an_empty_frame_lays_out_nothing(store):
    lay = lanes.layout(store.events.iloc[:0], by="actor")
    assert lay.lanes == [] and len(lay) == 0


def test_events_without_actors_get_the_no_actor_lane_in_explode_order():
    from dateline.model.store import EventStore
    events = [{"id": f"e{i}", "type": "meeting", "summary": "s",
               "date_start": f"2017-03-{1 + i % 9:02d}",
               "actors": [] if i % 3 == 0 else [f"A{i % 4}", f"A{(i + 1) % 4}"],
               "mentions": []} for i in range(30)]
    store = EventStore.from_document({"schema": "dateline/1", "articles": [],
                                      "events": events, "statements": []})
    names, lane, rows = _reference(store.events, "actor", 18)
    lay = lanes.layout(store.events, by="actor")
    assert lay.lanes == names and lay.lane.tolist() == lane.tolist()
    assert lay.rows.tolist() == rows.tolist()
    assert "No actor" in names and len(lay) == 10 + 2 * 20


def test_bulk_span_keeps_to_the_publication_period():
    from dateline.model.lanes import bulk_span, to_seconds
    day = 86400.0
    news = to_seconds(pd.date_range("2019-01-01", "2020-12-31", periods=80))
    background = to_seconds(pd.to_datetime([f"{y}-06-01" for y in range(1990, 2018)]))
    starts = np.concatenate([news, background])
    published = to_seconds(pd.to_datetime(["2019-01-04", "2020-12-28"]))
    lo, hi = bulk_span(starts, published)
    assert lo >= to_seconds([pd.Timestamp("2018-01-01")])[0] - day
    assert hi <= to_seconds([pd.Timestamp("2021-01-01")])[0]
    assert bulk_span(starts)[0] < to_seconds([pd.Timestamp("2010-01-01")])[0]   # 90 % of all
    # most events far from the publication dates (a history corpus): all of them count
    assert bulk_span(background, published) == bulk_span(background)
