"""Tuple columns without per-row objects (TupleArray) behave like object columns of tuples,
and the store's derived data (search text, places) equals the obvious per-row versions."""
import numpy as np
import pandas as pd
import pytest

from dateline.model import frames
from dateline.model.listcol import MENTION_FIELDS, TupleArray
from dateline.model.synthetic import synthetic_store

ACTORS = [("Wang Yi", "Rex Tillerson"), (), ("Kim Jong-un",), ("Wang Yi",), ("Ünal", "王毅")]
MENTIONS = [(("a1", 0, 4, "Wang"), ("a2", 5, 9, "met")), (), ((None, 1, 2, "x"),),
            (("a1", 3, 7, "said"),), (("a3", 0, 2, "王毅"),)]


@pytest.fixture
def df():
    return pd.DataFrame({"id": [f"e{i}" for i in range(5)], "n": range(5),
                         "actors": TupleArray.from_tuples(ACTORS),
                         "mentions": TupleArray.from_tuples(MENTIONS, MENTION_FIELDS)})


def test_rows_read_back_as_the_tuples_they_were_built_from(df):
    assert df["actors"].tolist() == ACTORS
    assert df["mentions"].tolist() == MENTIONS
    row = df.iloc[0]
    assert row["actors"] == ("Wang Yi", "Rex Tillerson") and "Wang Yi" in row["actors"]
    article, start, end, text = row["mentions"][1]
    assert (article, start, end, text) == ("a2", 5, 9, "met") and isinstance(start, int)
    assert not df["actors"].iat[1] and len(df["mentions"].iat[0]) == 2
    assert [r.actors for r in df.itertuples(index=False)] == ACTORS


def test_takes_slices_and_sorts_keep_rows_together(df):
    assert df.iloc[[4, 0]]["actors"].tolist() == [ACTORS[4], ACTORS[0]]
    assert df.iloc[1:3]["mentions"].tolist() == MENTIONS[1:3]
    assert df[df["n"] > 2]["actors"].tolist() == ACTORS[3:]
    assert df.sort_values("n", ascending=False)["actors"].tolist() == ACTORS[::-1]
    assert df.reindex([0, 9])["actors"].tolist() == [ACTORS[0], ()]     # filled: empty
    assert pd.concat([df, df])["mentions"].tolist() == MENTIONS * 2


def test_map_explode_and_object_conversion_match_object_columns(df):
    objects = df.assign(actors=df["actors"].astype(object))
    assert objects["actors"].dtype == object
    assert df["actors"].map(", ".join).tolist() == objects["actors"].map(", ".join).tolist()
    ours, theirs = df["actors"].explode(), objects["actors"].explode()
    assert ours.index.tolist() == theirs.index.tolist()
    assert ours.fillna("-").tolist() == theirs.fillna("-").tolist()
    assert list(df["mentions"].to_numpy(dtype=object)) == MENTIONS
    pd.testing.assert_frame_equal(df, df.iloc[[0, 1, 2, 3, 4]].reset_index(drop=True))


def test_arrow_round_trip_keeps_values_missing_articles_and_unicode(df):
    for col, fields in (("actors", ("value",)), ("mentions", MENTION_FIELDS)):
        lists = df[col].array.to_arrow(plain=("text",))
        back = TupleArray.from_arrow(lists, fields)
        assert back.tolist() == df[col].tolist()
        sliced = TupleArray.from_arrow([arr.slice(1, 3) for arr in lists], fields)
        assert sliced.tolist() == df[col].tolist()[1:4]


def test_pyarrow_sees_lists_and_lists_of_records(df):
    import pyarrow as pa
    table = pa.Table.from_pandas(df, preserve_index=False)
    assert table.column("actors").to_pylist() == [list(a) for a in ACTORS]
    records = table.column("mentions").to_pylist()
    assert records[0][1] == {"article": "a2", "start": 5, "end": 9, "text": "met"}
    assert [len(r) for r in records] == [len(m) for m in MENTIONS]


def test_coded_groups_every_row_holding_a_value(df):
    codes, rows, uniques = df["actors"].array.coded()
    held = {}
    for code, row in zip(codes.tolist(), rows.tolist()):
        held.setdefault(uniques[code], []).append(row)
    assert held == {a: [i for i, t in enumerate(ACTORS) if a in t]
                    for t in ACTORS for a in t}


@pytest.fixture(scope="module")
def store():
    return synthetic_store(n_events=300, n_articles=30, seed=4)


def test_search_text_is_the_lowercased_join_of_the_row(store):
    ev = store.events
    expected = [" ".join([r.summary, " ".join(r.actors),
                          r.place if isinstance(r.place, str) else "", r.type,
                          " ".join(m[3] for m in r.mentions)]).lower()
                for r in ev.itertuples(index=False)]
    assert frames.event_search_text(ev).tolist() == expected
    assert store._search_text(ev).tolist() == expected           # via the column codes
    st = store.statements
    expected = [f"{r.speaker} {r.text} {r.place if isinstance(r.place, str) else ''}".lower()
                for r in st.itertuples(index=False)]
    assert frames.statement_search_text(st).tolist() == expected
    assert store._search_text(st).tolist() == expected


def test_places_from_codes_equal_places_from_every_row(store):
    slow = frames.places_frame(store.events, store.statements)
    pd.testing.assert_frame_equal(store.places, slow)


def test_actors_by_event_count_and_filters_built_on_first_use(store):
    counts = store.events["actors"].explode().value_counts()
    assert [len(store._ev.positions["actors"][a]) for a in store.actors] == \
        counts[store.actors].tolist()
    assert store.actors[0] == counts.index[0]
    rows = store._ev.positions["actors"][store.actors[0]]
    assert np.all(np.diff(rows) > 0)
    assert all(store.actors[0] in a for a in store.events["actors"].iloc[rows])


def test_event_lookup_gives_tuples_of_mentions(store):
    eid = store.events["id"].iloc[5]
    article, start, end, text = store.event(eid)["mentions"][0]
    assert isinstance(article, str) and end > start and isinstance(text, str)
    assert store.text_of(article)[start:end] == text
    assert store.event("no-such-event") is None and store.event_position(None) is None
    assert store.event_position(eid) == 5
