"""Cache v3: mentions are read per row group on use, numbers and dates load as views."""
import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dateline.model import cache_parquet as cp
from dateline.model.synthetic import generate


@pytest.fixture(scope="module")
def store():
    from dateline.model.store import EventStore
    return EventStore.from_document(generate(n_events=300, n_articles=20, seed=9).document)


@pytest.fixture
def saved(store, tmp_path, monkeypatch):
    monkeypatch.setattr(cp, "MENTION_GROUP_ROWS", 7)     # many row groups
    cp.save_store_parquet(store, tmp_path / "cache")
    return tmp_path / "cache"


def _text_field(loaded):
    return loaded.events["mentions"].array._fields[3]


def test_a_few_rows_read_only_their_row_groups(store, saved):
    loaded = cp.load_store_parquet(saved)
    field = _text_field(loaded)
    assert not field.loaded and not field._pieces          # nothing read at load
    middle = len(store.events) // 2
    assert loaded.events["mentions"].iloc[middle] == store.events["mentions"].iloc[middle]
    assert 1 <= len(field._pieces) <= 3 and not field.loaded
    page = loaded.events["mentions"].iloc[10:20].tolist()
    assert page == store.events["mentions"].iloc[10:20].tolist()
    assert not field.loaded


def test_every_mention_survives_many_row_groups(store, saved):
    loaded = cp.load_store_parquet(saved)
    rows = np.random.default_rng(1).permutation(len(store.events))
    assert loaded.events["mentions"].iloc[rows].tolist() == \
        store.events["mentions"].iloc[rows].tolist()
    assert loaded.events["mentions"].tolist() == store.events["mentions"].tolist()


def test_a_loaded_store_saves_again_and_searches_its_mentions(store, saved, tmp_path):
    loaded = cp.load_store_parquet(saved)
    cp.save_store_parquet(loaded, tmp_path / "again")
    again = cp.load_store_parquet(tmp_path / "again")
    assert again.events["mentions"].tolist() == store.events["mentions"].tolist()
    text = store.events["mentions"].iloc[5][0][3]
    needle = text.split()[0] if text.split() else text
    from dateline.model.selection import Selection
    sel = Selection(search=needle.lower())
    assert loaded.query(sel).event_ids == store.query(sel).event_ids


def test_mentions_read_after_the_cache_was_rewritten_are_the_loaded_ones(store, saved):
    loaded = cp.load_store_parquet(saved)
    smaller = cp.store_from_frames(store.articles, store.events.iloc[::-1].head(40),
                                   store.statements.head(5))
    cp.save_store_parquet(smaller, saved)             # replaces mentions.parquet
    assert loaded.events["mentions"].tolist() == store.events["mentions"].tolist()


def test_mentions_from_another_write_are_refused(store, saved, tmp_path):
    other = tmp_path / "other"
    cp.save_store_parquet(store, other)
    (saved / "mentions.parquet").write_bytes((other / "mentions.parquet").read_bytes())
    with pytest.raises(cp.CacheError, match="mentions.parquet.*another write"):
        cp.load_store_parquet(saved)


def test_a_mention_count_mismatch_is_refused(saved):
    meta = json.loads((saved / "meta.json").read_text(encoding="utf-8"))
    meta["rows"]["mentions"] += 1
    (saved / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(cp.CacheError, match="mentions.parquet"):
        cp.load_store_parquet(saved)


def test_missing_dates_and_places_round_trip_as_views(store, saved):
    loaded = cp.load_store_parquet(saved)
    for name in ("events", "statements"):
        a, b = getattr(store, name), getattr(loaded, name)
        for col in ("start", "end", "lat", "lon"):
            assert a[col].isna().tolist() == b[col].isna().tolist(), (name, col)
            pd.testing.assert_series_equal(a[col], b[col], check_names=False)
    assert loaded.events["lat"].isna().any() or loaded.statements["lat"].isna().any()
    lat = loaded.events["lat"].to_numpy()
    assert not lat.flags.owndata                      # Arrow's buffer, not a copy


def test_loading_prefers_jemalloc_unless_the_environment_chooses(saved, monkeypatch):
    if "jemalloc" not in pa.supported_memory_backends():
        pytest.skip("pyarrow built without jemalloc")
    before = pa.default_memory_pool()
    try:
        monkeypatch.setattr(cp, "_POOL_CHOSEN", False)
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "system")
        pa.set_memory_pool(pa.system_memory_pool())
        cp.load_store_parquet(saved)
        assert pa.default_memory_pool().backend_name == "system"
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL")
        cp.load_store_parquet(saved)
        assert pa.default_memory_pool().backend_name == "jemalloc"
    finally:
        pa.set_memory_pool(before)


def test_rows_far_apart_read_the_whole_field_once(store, saved):
    loaded = cp.load_store_parquet(saved)
    field = _text_field(loaded)
    n = len(store.events)
    assert loaded.events["mentions"].iloc[[0, n - 1]].tolist() == \
        store.events["mentions"].iloc[[0, n - 1]].tolist()
    assert field.loaded and not field._pieces
