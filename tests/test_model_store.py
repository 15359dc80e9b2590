"""EventStore: frames from a dateline/1 document and selection queries (plain pytest)."""
import dataclasses

import numpy as np
import pandas as pd
import pytest
from dateline.model.selection import Selection
from dateline.model.store import EventStore
from dateline.model.synthetic import generate

TS = pd.Timestamp


def _doc():
    text = "Tillerson spoke in Seoul on Friday. “All options are on the table,” he said.\n"
    return {
        "schema": "dateline/1",
        "articles": [{"id": "a1", "path": "", "title": "T", "outlet": "Reuters",
                      "published": "2017-03-18", "published_source": "manifest",
                      "text_sha256": ""},
                     {"id": "a2", "path": "", "title": "", "outlet": None,
                      "published": "2017-03-18", "published_source": "manifest",
                      "text_sha256": ""}],
        "events": [
            {"id": "e1", "type": "warning", "summary": "Tillerson warns North Korea",
             "date_start": "2017-03-17", "date_end": "2017-03-17", "precision": "day",
             "place": {"name": "Seoul", "lat": 37.57, "lon": 126.98},
             "actors": ["Rex Tillerson"],
             "mentions": [{"article": "a1", "start": 0, "end": 24, "text": "x"},
                          {"article": "a2", "start": 0, "end": 5, "text": "y"}]},
            {"id": "e2", "type": "meeting", "summary": "Tillerson meets Wang Yi",
             "date_start": "2017-03-18", "date_end": "2017-03-18", "precision": "day",
             "place": {"name": "Beijing", "lat": 39.9, "lon": 116.4}, "place_source": "dateline",
             "actors": ["Rex Tillerson", "Wang Yi"], "mentions": []},
            {"id": "e3", "type": "planned_summit", "summary": "Xi–Trump summit",
             "date_start": "2017-04-01", "date_end": "2017-04-30", "precision": "month",
             "place": {"name": "Mar-a-Lago", "lat": 26.7, "lon": -80.0},
             "actors": ["Xi Jinping", "Donald Trump"], "mentions": []},
            {"id": "e4", "type": "other", "summary": "Undated", "date_start": None,
             "date_end": None, "precision": "day", "place": None, "actors": [],
             "mentions": []},
        ],
        "statements": [
            {"id": "s1", "speaker": "Rex Tillerson", "text": "All options are on the table",
             "direct": True, "article": "a1", "start": 37, "end": 65,
             "sentence_start": 36, "sentence_end": 77, "date_start": "2017-03-17",
             "date_end": "2017-03-17", "precision": "day",
             "place": {"name": "Seoul", "lat": 37.57, "lon": 126.98}, "place_source": "scene",
             "date_source": "dateline", "event": "e1"},
            {"id": "s2", "speaker": "Wang Yi", "text": "candid, pragmatic and productive",
             "direct": True, "article": "a2", "start": 0, "end": 5, "sentence_start": 0,
             "sentence_end": 5, "date_start": "2017-03-18", "date_end": "2017-03-18", "precision": "day",
             "place": {"name": "Beijing", "lat": 39.9, "lon": 116.4}, "event": "e2"},
        ],
    }, {"a1": text, "a2": "hello"}


@pytest.fixture
def store():
    doc, texts = _doc()
    return EventStore.from_document(doc, texts=texts)


def test_events_frame_sorted_with_exclusive_end_and_unknown_last(store):
    ev = store.events
    assert ev["id"].tolist() == ["e1", "e2", "e3", "e4"]
    assert ev.loc[0, "end"] == TS("2017-03-18")          # day after the inclusive end
    assert ev.loc[2, "end"] == TS("2017-05-01")
    assert pd.isna(ev.loc[3, "start"])
    assert ev.loc[0, "n_sources"] == 2
    assert ev.loc[0, "outlets"] == ("Reuters", "Unknown outlet")


def test_statement_date_and_place_are_extractions_own(store):
    st = store.statements.set_index("id")
    assert st.loc["s1", "place"] == "Seoul"
    assert st.loc["s2", "start"] == TS("2017-03-18")
    assert st.loc["s2", "outlet"] == "Unknown outlet"
    assert st.loc["s2", "event_type"] == "meeting"


def test_how_a_place_or_date_was_found_reaches_the_frames(store, tmp_path):
    """The side panel marks inferred places: ``place_source`` (events, statements) and
    ``date_source`` (statements) survive the frames and the Parquet cache; absent is None."""
    from dateline.model.cache_parquet import load_store_parquet, save_store_parquet
    loaded = load_store_parquet(save_store_parquet(store, tmp_path / "cache"))
    for s in (store, loaded):
        ev, st = s.events.set_index("id"), s.statements.set_index("id")
        assert ev.loc["e2", "place_source"] == "dateline"
        assert pd.isna(ev.loc["e1", "place_source"])
        assert (st.loc["s1", "place_source"], st.loc["s1", "date_source"]) == ("scene", "dateline")
        assert pd.isna(st.loc["s2", "place_source"]) and pd.isna(st.loc["s2", "date_source"])


def test_model_never_redates_or_replaces_a_statement():
    """statement_dates decides; an undated, unplaced statement linked to a dated, placed event
    stays undated and unplaced in the model."""
    doc, texts = _doc()
    doc["statements"][1].update(date_start=None, date_end=None, place=None)
    st = EventStore.from_document(doc, texts=texts).statements.set_index("id")
    assert pd.isna(st.loc["s2", "start"]) and pd.isna(st.loc["s2", "place"])
    assert st.loc["s2", "event"] == "e2"


def test_window_is_half_open_and_overlapping(store):
    r = store.query(Selection(window=(TS("2017-03-18"), TS("2017-03-19"))))
    assert r.event_ids == ["e2"]
    assert r.statements["id"].tolist() == ["s2"]
    # a month-precision event overlaps any window inside its month
    r = store.query(Selection(window=(TS("2017-04-10"), TS("2017-04-11"))))
    assert r.event_ids == ["e3"]


def test_cumulative_window_keeps_everything_before_end(store):
    sel = Selection(window=(TS("2017-03-18"), TS("2017-03-19")), cumulative=True)
    assert store.query(sel).event_ids == ["e1", "e2"]


def test_place_filter_keeps_other_places_in_counts(store):
    r = store.query(Selection(place="Seoul"))
    assert r.event_ids == ["e1"]
    assert r.statements["id"].tolist() == ["s1"]
    counts = r.place_counts.set_index("place")
    assert counts.loc["Beijing", "n_events"] == 1
    assert counts.loc["Beijing", "n_statements"] == 1
    assert list(r.place_counts.columns) == ["place", "lat", "lon", "n_events", "n_statements"]


def test_actor_type_outlet_and_search_filters(store):
    assert store.query(Selection(actors=frozenset({"Wang Yi"}))).event_ids == ["e2"]
    assert store.query(Selection(types=frozenset({"planned_summit"}))).event_ids == ["e3"]
    assert store.query(Selection(outlets=frozenset({"Reuters"}))).event_ids == ["e1"]
    r = store.query(Selection(search="PRAGMATIC"))
    assert r.statements["id"].tolist() == ["s2"] and r.event_ids == []
    assert store.query(Selection(search="wang")).event_ids == ["e2"]


def test_event_is_a_highlight_not_a_filter(store):
    assert len(store.query(Selection(event="e1")).events) == 4


def test_itinerary_in_date_order(store):
    it = store.itinerary("Rex Tillerson")
    assert it["place"].tolist() == ["Beijing"]            # warnings are not itinerary stops
    assert list(it.columns) == ["date", "place", "lat", "lon"]


def test_statement_context_highlights_quote(store):
    row = store.statements[store.statements["id"] == "s1"].iloc[0]
    before, quote, after = store.statement_context(row)
    assert quote == "All options are on the table"
    assert before == "“" and after.startswith(",” he said")


def test_text_of_reads_file_and_flags_changed_text(tmp_path):
    doc, _ = _doc()
    path = tmp_path / "a1.txt"
    path.write_text("changed", encoding="utf-8")
    doc["articles"][0].update(path=str(path), text_sha256="0" * 64)
    store = EventStore.from_document(doc)
    assert store.text_of("a1") == "changed"
    assert store.stale_articles == {"a1"}
    assert store.text_of("missing") == ""


def test_rejects_other_schema():
    with pytest.raises(ValueError, match="dateline/1"):
        EventStore.from_document({"schema": "other"})


def test_window_query_matches_bruteforce_on_synthetic():
    corpus = generate(n_events=800, n_articles=50, seed=3)
    store = EventStore.from_document(corpus.document, texts=corpus.texts)
    ev = store.events
    rng = np.random.default_rng(1)
    for _ in range(30):
        a = TS("2017-01-01") + pd.Timedelta(days=int(rng.integers(0, 365)))
        b = a + pd.Timedelta(days=int(rng.integers(0, 60)))
        got = set(store.query(Selection(window=(a, b))).event_ids)
        want = set(ev.loc[(ev["start"] < b) & (ev["end"] > a), "id"])
        assert got == want


def test_synthetic_offsets_point_at_quotes():
    corpus = generate(n_events=100, seed=5)
    for st in corpus.document["statements"]:
        assert corpus.texts[st["article"]][st["start"]:st["end"]] == st["text"]
    precisions = {e["precision"] for e in corpus.document["events"]}
    assert {"day", "month"} <= precisions


def test_selection_is_frozen():
    sel = Selection()
    with pytest.raises(dataclasses.FrozenInstanceError):
        sel.place = "Seoul"


def test_main_cluster_finds_the_burst():
    from dateline.model.lanes import main_cluster
    day = 86400.0
    xs = np.array([0, 1, 1, 2, 2, 3, 200, 400]) * day
    assert main_cluster(xs) == (0.0, 3 * day)
    assert main_cluster(np.array([0, 100, 200, 300]) * day) is None   # no dominant burst


def test_lane_layout_spans_and_other_lane():
    from dateline.model.lanes import OTHER_LANE, layout
    corpus = generate(n_events=200, seed=2)
    store = EventStore.from_document(corpus.document)
    lay = layout(store.events, by="place", max_lanes=5)
    assert len(lay.lanes) == 5 and lay.lanes[-1] == OTHER_LANE
    month = store.events["precision"].to_numpy() != "day"
    dated = store.events["start"].notna().to_numpy()
    assert lay.is_span.sum() == (month & dated).sum()
    assert (lay.x1 > lay.x0).all()


def test_same_day_markers_and_overlapping_spans_do_not_overlap():
    from dateline.model.lanes import layout
    doc, _ = _doc()
    extra = dict(doc["events"][1], id="e2b")
    month2 = dict(doc["events"][2], id="e3b", date_start="2017-04-10", date_end="2017-04-20",
                  precision="range")
    doc["events"] += [extra, month2]
    lay = layout(EventStore.from_document(doc).events, by="place")
    y, x = dict(zip(lay.ids, lay.y)), dict(zip(lay.ids, lay.xmid))
    day = pd.Timestamp("2017-03-18").value / 1e9
    assert y["e2"] != y["e2b"]
    assert abs(x["e2"] - x["e2b"]) >= 0.4 * 86400                # side by side ...
    assert all(day < x[i] < day + 86400 for i in ("e2", "e2b"))   # ... inside their day
    assert abs(y["e3"] - y["e3b"]) >= 0.2                        # spans on separate tracks
    assert all(abs(v - round(v)) <= 0.4 for v in lay.y)      # still inside their lane


def test_statement_keeps_its_own_precision_whatever_its_event():
    doc, texts = _doc()
    doc["statements"][1].update(event="e3", date_start="2017-04-01", date_end="2017-04-30",
                                precision="month")
    st = EventStore.from_document(doc, texts=texts).statements.set_index("id")
    assert st.loc["s2", "start"] == TS("2017-04-01")
    assert st.loc["s2", "precision"] == "month"        # never a fake exact day
    assert st.loc["s2", "event_type"] == "planned_summit"
    assert st.loc["s2", "place"] == "Beijing"


def test_empty_store_answers_queries():
    store = EventStore.empty()
    result = store.query(Selection(window=(TS("2017-01-01"), TS("2017-02-01")), place="X",
                                   search="a", actors=frozenset({"A"})))
    assert result.events.empty and result.statements.empty and result.place_counts.empty
    assert store.time_range() is None and store.itinerary("A").empty


def test_statements_without_events_keep_their_own_dates():
    doc, texts = _doc()
    doc["events"] = []
    doc["statements"][1].update(date_start=None, date_end=None)
    st = EventStore.from_document(doc, texts=texts).statements.set_index("id")
    assert st.loc["s1", "start"] == TS("2017-03-17") and pd.isna(st.loc["s2", "start"])
    assert (st["event_type"] == "statement").all()


def test_from_frames_round_trips_the_store(store):
    again = EventStore.from_frames(store.articles, store.events.sample(frac=1, random_state=1),
                                   store.statements)
    assert again.events["id"].tolist() == store.events["id"].tolist()    # re-sorted
    sel = Selection(window=(TS("2017-03-17"), TS("2017-03-19")), actors=frozenset({"Wang Yi"}))
    assert again.query(sel).event_ids == store.query(sel).event_ids
    assert again.places.equals(store.places)


def test_dates_outside_the_timeline_range_become_undated_not_a_crash():
    from dateline.model.store import EventStore
    doc = {"schema": "dateline/1", "articles": [], "statements": [
        {"id": "s1", "speaker": "A", "text": "t", "article": "a", "start": 0, "end": 1,
         "date_start": "1650-03-03", "date_end": "1650-03-03", "precision": "day"}],
        "events": [{"id": "e1", "type": "other", "summary": "Old", "date_start": "2300-07-04",
                    "date_end": "2300-07-04", "precision": "day", "place": None,
                    "actors": [], "mentions": []}]}
    store = EventStore.from_document(doc)
    assert store.events["start"].isna().all() and store.statements["start"].isna().all()
    assert len(store.events) == 1 and len(store.statements) == 1


def test_undated_statements_are_found_in_the_window_their_article_was_published():
    from dateline.model.store import EventStore
    doc = {"schema": "dateline/1",
           "articles": [{"id": "a", "path": "", "title": "", "outlet": "X",
                         "published": "2017-03-18"}],
           "events": [],
           "statements": [{"id": "undated", "speaker": "A", "text": "t", "article": "a",
                           "start": 0, "end": 1, "date_start": None, "date_end": None},
                          {"id": "friday", "speaker": "B", "text": "u", "article": "a",
                           "start": 0, "end": 1, "date_start": "2017-03-17",
                           "date_end": "2017-03-17", "precision": "day"}]}
    store = EventStore.from_document(doc)

    def ids(w0, w1, cumulative=False):
        sel = Selection(window=(pd.Timestamp(w0), pd.Timestamp(w1)), cumulative=cumulative)
        return set(store.query(sel).statements["id"])

    assert ids("2017-03-18", "2017-03-19") == {"undated"}          # reported that day
    assert ids("2017-03-17", "2017-03-18") == {"friday"}           # not before it was reported
    assert ids("2017-03-01", "2017-03-19", cumulative=True) == {"undated", "friday"}
    assert ids("2017-04-01", "2017-04-02") == set()


def test_article_records_match_the_frame_row_for_row(store, tmp_path):
    """article() builds records from cached column lists: same values and types as a
    one-row frame's record, for a document store and a Parquet round trip."""
    from dateline.model.cache_parquet import load_store_parquet, save_store_parquet
    save_store_parquet(store, tmp_path / "cache")
    for s in (store, load_store_parquet(tmp_path / "cache")):
        assert len(s.articles)
        for pos, article_id in enumerate(s.articles["id"].tolist()):
            expected = s.articles.iloc[[pos]].to_dict("records")[0]
            got = s.article(article_id)
            assert got.keys() == expected.keys()
            for key, value in expected.items():
                assert type(got[key]) is type(value), key
                assert (pd.isna(value) and pd.isna(got[key])) or got[key] == value, key
    assert store.article("no such article") is None
