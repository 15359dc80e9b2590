"""Public time-expression output: the ``timexes`` array of ``dateline extract`` and its
TimeML export (one .tml per article), read back by the TimeML reader."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from dateline import paths
from dateline.cli import main
from dateline.corpus import load_corpus
from dateline.document import DocumentError, read_document, validate_document
from dateline.evaluation.timeml import parse_timeml, read_timeml
from dateline.extract import extract_corpus
from dateline.extract.timeml import to_timeml
from dateline.extract.timex import find_timexes

FIELDS = ["article", "start", "end", "text", "type", "value", "date_start", "date_end", "precision"]


@pytest.fixture(scope="module")
def sample():
    corpus = load_corpus([paths.bundled_articles_dir()], manifest=paths.bundled_manifest())
    return corpus.articles, extract_corpus(corpus.articles, cache=False)


def test_extract_writes_every_timex_with_offsets_into_the_article(sample):
    articles, doc = sample
    texts = {a.id: a.text for a in articles}
    assert doc["timexes"], "the sample corpus has dates"
    for t in doc["timexes"]:
        assert list(t) == FIELDS
        assert texts[t["article"]][t["start"]:t["end"]] == t["text"]
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
    values = {(t["text"], t["value"]) for t in doc["timexes"]}
    assert ("Friday", "2017-03-17") in values
    # a week is a week value (never a day), its days a range up to publication
    weeks = [t for t in doc["timexes"] if t["text"] == "last week"]
    assert weeks and all(t["value"].count("-W") == 1 and t["precision"] == "week" for t in weeks)
    validate_document(doc)


def test_open_accepts_documents_with_and_without_timexes(sample, tmp_path):
    _, doc = sample
    with_timexes = tmp_path / "with.json"
    with_timexes.write_text(json.dumps(doc), encoding="utf-8")
    assert read_document(with_timexes)["timexes"] == doc["timexes"]
    without = {k: v for k, v in doc.items() if k != "timexes"}
    validate_document(without)


@pytest.mark.parametrize("bad, message", [
    ("not a list", "'timexes' must be a list"),
    ([{"article": "a", "start": 0, "end": 3, "type": "DAY", "value": "x"}], "is not one of"),
    ([{"article": "a", "start": 5, "end": 3, "type": "DATE", "value": "2017"}], "is after"),
    ([{"article": "a", "start": 0, "type": "DATE", "value": "2017"}], "lacks end"),
    ([{"article": "a", "start": 0, "end": 3, "type": "DATE", "value": "2017",
       "date_start": "2017-13-01"}], "not a YYYY-MM-DD date"),
])
def test_malformed_timexes_are_named(sample, bad, message):
    _, doc = sample
    with pytest.raises(DocumentError, match=message):
        validate_document({**doc, "timexes": bad})


def test_timeml_is_xml_and_round_trips_through_the_reader():
    text = 'Talks <b> & "more" ran\r\nfrom Friday until 10 p.m. Saturday\x01, for three days.'
    timexes = find_timexes(text, date(2017, 3, 18))
    assert [t.text for t in timexes] == ["Friday", "10 p.m. Saturday", "three days"]
    xml = to_timeml("a<1>", date(2017, 3, 18), text, timexes)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.find("DCT/TIMEX3").get("value") == "2017-03-18"
    back = parse_timeml(xml.encode("utf-8"))
    assert back.text == text.replace("\x01", " ")
    assert [(g.start, g.end, g.type, g.value) for g in back.timexes] == \
        [(t.start, t.end, t.type, t.value) for t in timexes]
    assert [g.tid for g in back.timexes] == ["t1", "t2", "t3"]


def test_cli_writes_one_timeml_file_per_article(tmp_path, sample):
    articles, _ = sample
    out = tmp_path / "tml"
    assert main(["extract", "--no-cache", "--format", "timeml", "-o", str(out)]) == 0
    files = sorted(out.glob("*.tml"))
    assert len(files) == len(articles)
    by_id = {a.id: a for a in articles}
    for path in files:
        doc = read_timeml(path)
        article = by_id[path.stem]
        assert doc.text == article.text
        assert doc.dct == article.published
        assert all(doc.text[g.start:g.end] == g.text for g in doc.timexes)
    assert any(g.value == "2017-03-17" for path in files for g in read_timeml(path).timexes)


def test_cli_timeml_needs_a_folder(tmp_path):
    target = tmp_path / "file.tml"
    target.write_text("keep", encoding="utf-8")
    assert main(["extract", "--no-cache", "--format", "timeml", "-o", str(target)]) == 3
    assert target.read_text(encoding="utf-8") == "keep"
