"""Extraction cache: JSON per article text hash, versioned, atomic, robust to corruption."""
from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

import dateline.extract.pipeline as pipeline
from dateline.corpus import Article
from dateline.extract import extract_article, extract_corpus
from dateline.extract import cache as cache_module
from dateline.extract.cache import ExtractionCache
from dateline.extract.records import ArticleExtraction

TEXT = ("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Rex Tillerson in Beijing on Saturday.\n"
        "“We are ready for talks,” Wang said.")


def make(text=TEXT, published=date(2017, 3, 18), article_id="a1") -> Article:
    return Article(id=article_id, path=f"/tmp/{article_id}.txt", text=text, title="", outlet=None,
                   published=published, published_source="manifest",
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def test_round_trip_is_json_and_equal(tmp_path):
    cache = ExtractionCache(tmp_path)
    article = make()
    result = extract_article(article)
    cache.put(article, result)
    files = list(tmp_path.rglob("*.json"))
    assert len(files) == 1
    json.loads(files[0].read_text(encoding="utf-8"))     # plain JSON, never pickle
    assert cache.get(article) == result
    assert not list(tmp_path.rglob("*.tmp"))             # atomic write left no temp file


def test_key_depends_on_text_and_publication_date(tmp_path):
    cache = ExtractionCache(tmp_path)
    a, b, c = make(), make(TEXT + " More."), make(published=date(2017, 3, 19))
    assert len({cache.key(a), cache.key(b), cache.key(c)}) == 3
    assert cache.key(a) == cache.key(make(article_id="other-file"))


def test_corrupt_file_is_ignored_and_rewritten(tmp_path):
    cache = ExtractionCache(tmp_path)
    article = make()
    path = cache.path(article)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert cache.get(article) is None
    path.write_text(json.dumps({"fingerprint": cache_module.rules_fingerprint(),
                                "result": {"sha256": article.sha256, "statements": [{"bogus": 1}]}}))
    assert cache.get(article) is None
    doc = extract_corpus([article], cache=cache)
    assert doc["statements"]
    assert cache.get(article) is not None


def test_rule_change_invalidates(tmp_path, monkeypatch):
    cache = ExtractionCache(tmp_path)
    article = make()
    cache.put(article, extract_article(article))
    monkeypatch.setattr(cache_module, "rules_fingerprint", lambda: "changed-rules")
    assert cache.get(article) is None


def test_second_run_uses_the_cache(tmp_path, monkeypatch):
    articles = [make(), make(TEXT.replace("Saturday", "Friday"), article_id="a2")]
    first = extract_corpus(articles, cache=tmp_path)

    def fail(_article):
        raise AssertionError("extract_article called despite a warm cache")
    monkeypatch.setattr(pipeline, "extract_article", fail)
    calls = []
    second = extract_corpus(articles, cache=tmp_path, progress=lambda d, t: calls.append((d, t)))
    assert second == first
    assert calls[-1] == (2, 2)


def test_failing_article_is_reported_not_raised(tmp_path, monkeypatch):
    def boom(_article):
        raise RuntimeError("rule bug")
    monkeypatch.setattr(pipeline, "extract_article", boom)
    doc = extract_corpus([make()], cache=False)
    assert doc["problems"] and "rule bug" in doc["problems"][0]["message"]
    assert doc["events"] == [] and len(doc["articles"]) == 1


def test_cancel_returns_none():
    assert extract_corpus([make(), make(article_id="a2")], cache=False, cancelled=lambda: True) is None


def test_from_dict_rejects_unknown_fields():
    with pytest.raises(TypeError):
        ArticleExtraction.from_dict({"sha256": "x", "events": [{"nope": 1}]})


def test_parallel_workers_give_the_same_document():
    texts = [TEXT, TEXT.replace("Saturday", "Friday"), "Xi Jinping visited Moscow on Monday for talks with "
             "Vladimir Putin.", "“No,” said Angela Merkel in Berlin on Sunday."]
    articles = [make(t, article_id=f"p{i}") for i, t in enumerate(texts)]
    assert extract_corpus(articles, cache=False, workers=2) == extract_corpus(articles, cache=False, workers=1)
