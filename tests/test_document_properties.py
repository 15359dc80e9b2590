"""An events JSON is untrusted input (``dateline open events.json``, issue 6).

Property: ``read_document`` either rejects a document with one DocumentError line naming the
file, or the document loads into the model and answers queries without any exception.
Damaged documents are made by replacing one random field of a real extraction with a random
JSON value, which is how hand-edited or truncated-and-repaired files go wrong.
"""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.document import DocumentError, read_document, validate_document

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from(["2017-03-18", "2017-02-30", "day", "range", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)


@pytest.fixture(scope="module")
def seed_doc():
    from dateline import paths
    from dateline.corpus import load_corpus
    from dateline.extract import extract_corpus
    load = load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())
    doc = extract_corpus(load.articles[:3], cache=False)
    doc.pop("problems", None)
    return doc, {a.id: a.text for a in load.articles[:3]}


def test_our_own_extraction_is_a_valid_document(seed_doc, tmp_path):
    from dateline.extract.formats import write_document
    doc, _ = seed_doc
    validate_document(doc)
    path = tmp_path / "events.json"
    write_document(doc, path, "json")
    assert read_document(path) == doc


def _paths(value, prefix=()):
    """Every (path) to a field or list item inside a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix + (key,)
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield prefix + (index,)
            yield from _paths(item, prefix + (index,))


def _replace(doc, path, value):
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def exercise_store(doc: dict, texts: dict) -> None:
    """What the GUI does with a loaded document: frames, queries, contexts, itineraries."""
    from dateline.model.selection import Selection
    from dateline.model.store import EventStore
    store = EventStore.from_document(doc, texts=texts)
    result = store.query(Selection())
    for row in result.statements.itertuples(index=False):
        store.statement_context(row)
    for row in result.events.itertuples(index=False):
        for article, start, end, _ in row.mentions:
            store.mention_context(article, start, end)
    rng = store.time_range()
    if rng is not None:
        store.query(Selection(window=rng))
    for place in result.place_counts["place"].head(3):
        store.query(Selection(place=place))
    for actor in store.actors[:3]:
        store.query(Selection(actors=frozenset([actor])))


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_document_is_rejected_clearly_or_loads(seed_doc, tmp_path, data):
    doc, texts = seed_doc
    damaged = copy.deepcopy(doc)
    paths = list(_paths(damaged))
    for _ in range(data.draw(st.integers(1, 3))):
        _replace(damaged, data.draw(st.sampled_from(paths)), data.draw(json_values))
        paths = list(_paths(damaged)) or paths
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(damaged), encoding="utf-8")
    try:
        loaded = read_document(path)
    except DocumentError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
        return
    exercise_store(loaded, texts)


@pytest.mark.parametrize("content", [
    "[" * 100000 + "]" * 100000,
    '{"schema": "dateline/1", "articles": [], "statements": [], "events": ' + "[" * 50000,
])
def test_deeply_nested_json_is_a_clear_error(tmp_path, content):
    path = tmp_path / "deep.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match="deep.json"):
        read_document(path)


@pytest.mark.parametrize("field, value, expected", [
    (("statements", 0, "start"), "12", "character offset"),
    (("statements", 0, "start"), -5, "character offset"),
    (("statements", 0, "start"), True, "character offset"),
    (("statements", 0, "speaker"), ["a"], "must be a string"),
    (("events", 0, "actors"), [1, 2], "list of strings"),
    (("events", 0, "mentions"), [{"article": "a", "start": 9, "end": 3}], "is after"),
    (("events", 0, "mentions"), ["just text"], "is not an object"),
    (("events", 0, "id"), 7, "must be a string"),
    (("events", 0, "date_start"), 20170318, "YYYY-MM-DD"),
    (("events", 0, "place"), {"name": "X", "lat": True, "lon": 0}, "not a number"),
    (("articles", 0, "published"), "yesterday", "YYYY-MM-DD"),
])
def test_wrong_field_types_are_named(seed_doc, tmp_path, field, value, expected):
    doc, _ = seed_doc
    damaged = copy.deepcopy(doc)
    _replace(damaged, field, value)
    path = tmp_path / "typed.json"
    path.write_text(json.dumps(damaged), encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert expected in str(info.value) and str(path) in str(info.value)


def test_duplicate_ids_are_rejected(seed_doc, tmp_path):
    doc, _ = seed_doc
    damaged = copy.deepcopy(doc)
    damaged["events"].append(copy.deepcopy(damaged["events"][0]))
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(damaged), encoding="utf-8")
    with pytest.raises(DocumentError, match="appears twice"):
        read_document(path)
