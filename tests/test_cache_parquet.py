"""The Parquet cache: a store written and read back answers every query the same way."""
import json

import pandas as pd
import pytest

from dateline.model import cache_parquet as cp
from dateline.model.selection import Selection
from dateline.model.synthetic import generate


@pytest.fixture(scope="module")
def store():
    from dateline.model.store import EventStore
    corpus = generate(n_events=400, n_articles=30, seed=5)
    return EventStore.from_document(corpus.document)


@pytest.fixture
def saved(store, tmp_path):
    cp.save_store_parquet(store, tmp_path / "cache")
    return tmp_path / "cache"


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                  check_dtype=False)


def test_round_trip_keeps_every_column(store, saved):
    loaded = cp.load_store_parquet(saved)
    _same(store.events, loaded.events)
    _same(store.statements, loaded.statements)
    _same(store.articles, loaded.articles)
    assert isinstance(loaded.events["actors"].iloc[0], tuple)
    assert isinstance(loaded.events["mentions"].iloc[0][0], tuple)
    assert str(loaded.events["start"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize("selection", [
    Selection(),
    Selection(window=(pd.Timestamp("2017-03-01"), pd.Timestamp("2017-04-15"))),
    Selection(window=(pd.Timestamp("2017-02-01"), pd.Timestamp("2017-06-01")),
              actors=frozenset({"Wang Yi"}), place="Beijing"),
    Selection(types=frozenset({"visit", "meeting"}), outlets=frozenset({"Reuters"})),
    Selection(search="table"),
])
def test_loaded_store_answers_queries_like_the_original(store, saved, selection):
    loaded = cp.load_store_parquet(saved)
    a, b = store.query(selection), loaded.query(selection)
    assert a.event_ids == b.event_ids
    assert a.statements["id"].tolist() == b.statements["id"].tolist()
    _same(a.place_counts, b.place_counts)


def test_lookups_work_on_a_loaded_store(store, saved):
    loaded = cp.load_store_parquet(saved)
    eid = store.events["id"].iloc[7]
    assert loaded.event(eid)["summary"] == store.event(eid)["summary"]
    assert loaded.event_position(eid) == store.event_position(eid)
    art = store.articles["id"].iloc[3]
    assert loaded.article(art)["outlet"] == store.article(art)["outlet"]
    assert loaded.article("no-such-article") is None
    assert loaded.time_range() == store.time_range()
    assert loaded.itinerary("Wang Yi").equals(store.itinerary("Wang Yi"))


def test_document_input_and_column_subset(store, tmp_path):
    corpus = generate(n_events=50, n_articles=8, seed=2)
    cp.save_store_parquet(corpus.document, tmp_path / "c")
    events = cp.load_events_parquet(tmp_path / "c", columns=["id", "start", "place"])
    assert list(events.columns) == ["id", "start", "place"]
    assert len(events) == 50


def test_not_a_cache_is_a_clear_error(tmp_path):
    with pytest.raises(cp.CacheError, match="meta.json"):
        cp.load_store_parquet(tmp_path)
    (tmp_path / "meta.json").write_text('{"schema": "something else"}', encoding="utf-8")
    with pytest.raises(cp.CacheError, match=f"not a {cp.CACHE_SCHEMA}"):
        cp.load_store_parquet(tmp_path)


def test_cache_of_an_older_format_is_refused_with_a_clear_error(saved):
    meta = json.loads((saved / "meta.json").read_text(encoding="utf-8"))
    meta["schema"] = "dateline-cache/1"
    (saved / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(cp.CacheError, match="dateline-cache/1 cache from another Dateline"):
        cp.load_store_parquet(saved)


def test_row_count_mismatch_is_detected(saved):
    meta = json.loads((saved / "meta.json").read_text(encoding="utf-8"))
    meta["rows"]["events"] += 1
    (saved / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(cp.CacheError, match="events.parquet"):
        cp.load_store_parquet(saved)


def test_failed_write_keeps_the_old_cache(store, saved, monkeypatch):
    before = {p.name: p.read_bytes() for p in saved.iterdir()}
    real = cp.pq.write_table

    def fail_on_statements(table, where, **kw):
        if "speaker" in table.column_names:
            raise OSError("disk full")
        real(table, where, **kw)

    monkeypatch.setattr(cp.pq, "write_table", fail_on_statements)
    smaller = cp.store_from_frames(store.articles, store.events.head(10),
                                   store.statements.head(10))
    with pytest.raises(OSError):
        cp.save_store_parquet(smaller, saved)
    assert {p.name: p.read_bytes() for p in saved.iterdir()} == before   # untouched
    assert len(cp.load_store_parquet(saved).events) == len(store.events)


def test_tables_from_another_save_are_not_mixed(store, saved, tmp_path):
    other = tmp_path / "other"
    cp.save_store_parquet(store, other)               # same rows, another generation
    (saved / "events.parquet").write_bytes((other / "events.parquet").read_bytes())
    with pytest.raises(cp.CacheError, match="another write"):
        cp.load_store_parquet(saved)


def test_frames_missing_columns_are_refused(store):
    with pytest.raises(cp.CacheError, match="mentions"):
        cp.store_from_frames(store.articles, store.events.drop(columns=["mentions"]),
                             store.statements)


def test_exports_and_lanes_of_a_loaded_store_match_the_original(store, saved):
    from dateline.model import lanes
    from dateline.model.export import event_records
    loaded = cp.load_store_parquet(saved)
    assert event_records(loaded.events) == event_records(store.events)
    a, b = lanes.layout(store.events, by="actor"), lanes.layout(loaded.events, by="actor")
    assert a.lanes == b.lanes and a.ids.tolist() == b.ids.tolist()
    assert loaded.actors == store.actors


def test_search_matches_any_case_and_non_ascii_text(tmp_path):
    from dateline.model.store import EventStore
    doc = {"schema": "dateline/1",
           "articles": [{"id": "a", "path": "", "outlet": "Yonhap", "published": "2017-03-01"}],
           "events": [{"id": "e1", "type": "meeting", "summary": "Gespräch in SEOUL",
                       "date_start": "2017-03-01", "actors": ["Ünal Çelik"],
                       "place": {"name": "Seoul", "lat": 37.5, "lon": 127.0},
                       "mentions": [{"article": "a", "start": 0, "end": 5, "text": "ÄRGER"}]},
                      {"id": "e2", "type": "visit", "summary": "other", "actors": [],
                       "mentions": []}],
           "statements": []}
    store = EventStore.from_document(doc)
    cp.save_store_parquet(store, tmp_path / "c")
    for s in (store, cp.load_store_parquet(tmp_path / "c")):
        for needle in ("gespräch in seoul", "ÜNAL", "ärger", "meeting", "seoul"):
            assert s.query(Selection(search=needle)).event_ids == ["e1"], needle
        assert s.query(Selection(search="visit")).event_ids == ["e2"]


def test_many_distinct_places_and_actors_survive_the_cache(tmp_path):
    """Over 127 distinct values: the cache's dictionary codes are 16-bit, not 8-bit."""
    from dateline.model.store import EventStore
    events = [{"id": f"e{i}", "type": "meeting", "summary": f"talks {i}",
               "date_start": f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}",
               "actors": [f"Actor {i % 200}", f"Actor {(i * 7) % 200}"],
               "place": {"name": f"Place {i % 300}", "lat": i % 80, "lon": i % 170}
               if i % 11 else {},
               "mentions": [{"article": "a", "start": i, "end": i + 3, "text": f"m{i}"}]}
              for i in range(900)]
    statements = [{"id": f"s{i}", "speaker": f"Actor {i % 150}", "text": f"quote {i}",
                   "article": "a", "event": f"e{i}", "start": 0, "end": 3}
                  for i in range(0, 900, 2)]
    doc = {"schema": "dateline/1", "events": events, "statements": statements,
           "articles": [{"id": "a", "path": "", "outlet": "Reuters",
                         "published": "2017-01-01"}]}
    store = EventStore.from_document(doc)
    cp.save_store_parquet(store, tmp_path / "c")
    loaded = cp.load_store_parquet(tmp_path / "c")
    _same(store.places, loaded.places)
    assert loaded.actors == store.actors
    window = (pd.Timestamp("2017-03-01"), pd.Timestamp("2017-06-01"))
    for sel in (Selection(window=window), Selection(window=window, place="Place 100"),
                Selection(actors=frozenset({"Actor 199", "Actor 3"})),
                Selection(search="place 2"), Selection(search="actor 149")):
        a, b = store.query(sel), loaded.query(sel)
        assert a.event_ids == b.event_ids and len(a.event_ids)
        assert a.statements["id"].tolist() == b.statements["id"].tolist()
        _same(a.place_counts, b.place_counts)
