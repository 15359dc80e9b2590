"""Property tests (hypothesis): the extractor takes any text without raising, and every
offset it reports indexes the input so that ``text[start:end]`` is the reported text.

Inputs mix arbitrary Unicode with news-like fragments (names, places, dates, quote marks of
every style, HTML-ish snippets, odd whitespace), so the rules' paths are actually reached.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dateline.corpus import Article, text_sha256
from dateline.extract import extract_article, extract_corpus
from dateline.extract.places import find_places
from dateline.extract.sentences import split_sentences
from dateline.extract.temporal import find_time_expressions

PRECISIONS = {"day", "week", "month", "year", "range"}
PUBLISHED = date(2017, 3, 18)

FRAGMENTS = [
    "Rex Tillerson", "Wang Yi", "Xi Jinping", "Kim Jong Un", "the Chinese foreign ministry",
    "President Donald Trump", "Mr. Tillerson", "He", "she", "officials", "A spokesman",
    "Beijing", "Seoul", "Tokyo", "North Korea", "the Korean peninsula", "Pyongyang", "China",
    "BEIJING (Reuters) -", "WASHINGTON, March 17 (AP) —", "in Seoul", "arrived in Beijing",
    "on Saturday", "last week", "March 18", "18 March 2017", "next month", "in April",
    "2017-03-18", "between March 1 and March 3", "yesterday", "on Sept. 30", "1999", "31 February",
    "said", "told reporters", "warned", "according to", "will meet", "is due to visit",
    "sanctions", "talks", "summit", "missile launch", "announced",
    '"', "“", "”", "'", "‘", "’", "«", "»", "„", "\"We will act,\" he said.",
    "“Unfinished quote", "said: \"", ",\" said", "\u201cNested 'quote' here\u201d",
    '<a href="http://x">click</a>', "<img src=x onerror=alert(1)>", "<script>", "&amp;", "</p>",
    ".", ",", ";", ":", "?", "!", "...", "…", " - ", " — ", "(", ")", "[", "]",
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u2028", "\ufeff", "\x00",
    "é", "Ş", "北京", "서울", "😀", "e\u0301", "\U0001F1F0\U0001F1F7", "\u202e", "ﬁ", "İ", "ß",
]

news_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                     max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_like,
                     st.lists(news_like, max_size=4).map("\n\n".join))
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1),
                                          max_value=date(2100, 12, 31)), st.just(PUBLISHED))

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def article(text: str, when: date | None = PUBLISHED, article_id: str = "a") -> Article:
    return Article(id=article_id, path=f"/tmp/{article_id}.txt", text=text, title="",
                   outlet=None, published=when, published_source="manifest" if when else
                   "unknown", sha256=text_sha256(text))


def check_span(text: str, start: int, end: int, reported: str | None = None, what=""):
    assert isinstance(start, int) and isinstance(end, int), what
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))
    if reported is not None:
        assert text[start:end] == reported, (what, text[start:end], reported)


def check_date(rec, what):
    if rec.date_start is None:
        assert rec.date_end is None or rec.date_start is None
        return
    start, end = date.fromisoformat(rec.date_start), date.fromisoformat(rec.date_end)
    assert start <= end, (what, rec)
    assert rec.precision in PRECISIONS, (what, rec)


def check_place(place, what):
    if place is None:
        return
    assert place["name"], what
    assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, (what, place)


# Cases that once broke extractors like this one; kept as fixed examples.
EXAMPLES = ["", " ", "\n", '"', "“", '"""', "“”", "\"\",\" said", "said", "Mr.", ". . .",
            '"<a href="http://x">click</a><img src=x onerror=alert(1)>," Wang Yi said.',
            "BEIJING (Reuters) -", "Tillerson\u2028said \"hi\"", "\ufeff\"Hi,\" he said.",
            "on 31 February 2017 in Seoul", "😀\"We will\u0301 act,\" said Kim Jong Un in 北京."]


@SETTINGS
@given(text=any_text, when=published)
def test_extract_article_never_raises_and_offsets_index_the_text(text, when):
    _check_extraction(text, when)


def _check_extraction(text: str, when):
    result = extract_article(article(text, when))
    assert result.sha256 == text_sha256(text)
    for s in result.statements:
        check_span(text, s.start, s.end, s.text, "statement")
        check_span(text, s.sentence_start, s.sentence_end, None, "statement sentence")
        assert s.sentence_start <= s.start and s.end <= s.sentence_end, s
        assert s.speaker and isinstance(s.direct, bool), s
        check_date(s, "statement")
        check_place(s.place, "statement")
    for e in result.events:
        check_span(text, e.start, e.end, e.text, "event mention")
        assert e.type in {"visit", "meeting", "statement", "warning", "announcement",
                          "military_action", "planned_summit", "sanctions", "other"}, e
        check_date(e, "event")
        check_place(e.place, "event")
    assert result.to_dict() == type(result).from_dict(result.to_dict()).to_dict()


@SETTINGS
@given(text=any_text)
def test_building_blocks_report_true_spans(text):
    previous_end = 0
    for span in split_sentences(text):
        check_span(text, span.start, span.end, None, "sentence")
        assert span.start >= previous_end, "sentences overlap or go backwards"
        previous_end = span.end
    for expr in find_time_expressions(text, PUBLISHED):
        check_span(text, expr.start, expr.end, expr.text, "time expression")
        assert expr.date_start <= expr.date_end and expr.precision in PRECISIONS, expr
    for place in find_places(text):
        check_span(text, place.start, place.end, place.text, "place")
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(any_text, min_size=1, max_size=3))
@example(texts=["", '"<img src=x>," Wang Yi said in Beijing on Saturday.'])
def test_corpus_document_offsets_index_each_article(texts):
    """The merged "dateline/1" document: statements and event mentions index their article."""
    articles = [article(t, PUBLISHED, f"a{i}") for i, t in enumerate(texts)]
    doc = extract_corpus(articles, cache=False)
    by_id = {a.id: a.text for a in articles}
    assert doc.get("problems", []) == [], doc["problems"]
    for s in doc["statements"]:
        text = by_id[s["article"]]
        check_span(text, s["start"], s["end"], s["text"], "document statement")
        check_span(text, s["sentence_start"], s["sentence_end"], None, "document sentence")
    for e in doc["events"]:
        for m in e["mentions"]:
            check_span(by_id[m["article"]], m["start"], m["end"], m["text"], "document mention")


@pytest.mark.parametrize("text", EXAMPLES)
def test_known_awkward_inputs(text):
    _check_extraction(text, PUBLISHED)
    _check_extraction(text, None)


# -- the corpus reader in front of the extractor: any bytes in, an Article or a Problem out --

html_ish = st.lists(st.one_of(st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<html>",
                                               "<!DOCTYPE html>", "<br/>", "&amp;", "&#x0;",
                                               "&#99999999;", "<!--", "-->", "<![CDATA[",
                                               "<a href='", "<style>", "<svg>", "</svg>",
                                               "<nav>", "<"]),
                              st.text(max_size=10)), max_size=40).map("".join)
raw_bytes = st.one_of(st.binary(max_size=600), any_text.map(lambda t: t.encode("utf-8")),
                      any_text.map(lambda t: t.encode("utf-16")),
                      any_text.map(lambda t: t.encode("latin-1", "replace")),
                      html_ish.map(lambda t: t.encode("utf-8")))


@SETTINGS
@given(data=raw_bytes, suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_decoding_any_bytes_gives_text_or_a_decode_error(data, suffix):
    from dateline.corpus.decode import DecodeError, decode_article_bytes
    try:
        text = decode_article_bytes(data, suffix)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str)


@SETTINGS
@given(data=raw_bytes, manifest=st.one_of(st.none(), st.binary(max_size=300),
                                          st.text(max_size=300).map(str.encode)))
def test_loading_any_file_never_raises(tmp_path_factory, data, manifest):
    from dateline.corpus import load_corpus
    folder = tmp_path_factory.mktemp("any")
    (folder / "x.txt").write_bytes(data)
    if manifest is not None:
        (folder / "manifest.csv").write_bytes(manifest)
    load = load_corpus([folder])
    for problem in load.problems:
        assert problem.path and problem.message and "\n" not in str(problem), problem
    for art in load.articles:
        assert art.text.strip() and art.sha256 == text_sha256(art.text)
        assert art.published_source in {"manifest", "text", "unknown"}
        assert "\n" not in art.title
