"""EventStore keeps the document's timexes/toponyms per article (the article view's
highlights); malformed entries are skipped, and a store without them answers []."""
from dateline.model.store import EventStore


def _doc(**extra) -> dict:
    doc = {"schema": "dateline/1",
           "articles": [{"id": "a", "path": "", "title": "t", "outlet": "o",
                         "published": "2017-03-18", "published_source": "manifest",
                         "text_sha256": None}],
           "events": [{"id": "e", "type": "visit", "summary": "s", "date_start": "2017-03-18",
                       "date_end": "2017-03-18", "precision": "day",
                       "place": {"name": "Seoul", "lat": 37.57, "lon": 126.98},
                       "actors": ["X"], "mentions": [{"article": "a", "start": 0, "end": 1,
                                                      "text": "x"}]},
                      {"id": "f", "type": "visit", "summary": "s", "date_start": None,
                       "date_end": None, "precision": None,
                       "place": {"name": "Atlantis", "lat": None, "lon": None},
                       "actors": ["X"], "mentions": []}],
           "statements": []}
    doc.update(extra)
    return doc


def test_spans_grouped_by_article_in_text_order():
    late = {"article": "a", "start": 20, "end": 25, "text": "Seoul"}
    early = {"article": "a", "start": 3, "end": 9, "text": "Friday"}
    other = {"article": "b", "start": 0, "end": 4, "text": "2017"}
    store = EventStore.from_document(_doc(timexes=[late, early, other, "junk", {"start": 1}],
                                          toponyms=[late]))
    assert store.timexes_of("a") == [early, late]
    assert store.timexes_of("b") == [other]
    assert store.toponyms_of("a") == [late] and store.toponyms_of("b") == []


def test_documents_without_the_arrays_have_no_spans():
    store = EventStore.from_document(_doc())
    assert store.timexes_of("a") == [] and store.toponyms_of("a") == []
    assert EventStore.from_document(_doc(timexes="nonsense")).timexes_of("a") == []


def test_has_place_means_on_the_map():
    store = EventStore.from_document(_doc())
    assert store.has_place("Seoul")
    assert not store.has_place("Atlantis")        # named, but no coordinates to show
    assert not store.has_place("Paris") and not store.has_place(None)
