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
    with pytest.raises(cp.CacheError, match="not a dateline-cache/1"):
        cp.load_store_parquet(tmp_path)


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
    with pytest.raises(cp.CacheError, match="search_text"):
        cp.store_from_frames(store.articles, store.events.drop(columns=["search_text"]),
                             store.statements)
