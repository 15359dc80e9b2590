"""The cited briefing: starred items only, in date order, dates at their precision, every
citation present, all text escaped, images inline, nothing fetched from elsewhere."""
import base64
import hashlib
import re

from dateline.model.project.briefing import briefing_items, render_briefing, write_briefing
from dateline.model.project.corrections import (apply_corrections, corrected_fields, key_of,
                                                resolve_annotations)
from dateline.model.project.file import Project
from dateline.model.project.records import Annotation, Correction, date_value
from dateline.model.store import EventStore

TEXT = ('SEOUL - The minister said <script>alert("x")</script> & more was "fine" today. '
        "North Korea fired a missile in March. Officials met in Seoul on Friday.")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))


def _doc(path: str) -> dict:
    quote = '<script>alert("x")</script> & more was "fine" today'
    q0 = TEXT.index(quote)
    m0 = TEXT.index("North Korea fired")
    m1 = TEXT.index(" Officials")
    o0 = TEXT.index("Officials met")
    return {"schema": "dateline/1",
            "articles": [{"id": "a", "path": path, "title": "<i>Title</i>", "outlet": "Wire & Co",
                          "published": "2017-03-18", "published_source": "manifest",
                          "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest()}],
            "events": [{"id": "ev_missile", "type": "military_action", "summary": "Missile <b>",
                        "date_start": "2017-03-01", "date_end": "2017-03-31",
                        "precision": "month", "place": None, "actors": ["North Korea"],
                        "mentions": [{"article": "a", "start": m0, "end": m1,
                                      "text": TEXT[m0:m1]}]},
                       {"id": "ev_meet", "type": "meeting", "summary": "Meeting",
                        "date_start": "2017-03-17", "date_end": "2017-03-17",
                        "precision": "day", "place": {"name": "Seoul", "lat": 37.5, "lon": 127.0},
                        "actors": ["Officials"],
                        "mentions": [{"article": "a", "start": o0, "end": len(TEXT),
                                      "text": TEXT[o0:]}]}],
            "statements": [{"id": "st_min", "speaker": "The <minister>", "text": quote,
                            "direct": False, "article": "a", "start": q0,
                            "end": q0 + len(quote), "sentence_start": 8,
                            "sentence_end": TEXT.index(" North"),
                            "date_start": "2017-03-18", "date_end": "2017-03-18",
                            "precision": "day", "place": {"name": "Seoul", "lat": 37.5,
                                                          "lon": 127.0},
                            "event": None}]}


def _briefing(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    doc = _doc(str(article))
    project = Project()
    project.set_star(key_of(doc, "statement", "st_min"))
    project.set_star(key_of(doc, "event", "ev_missile"))
    project.set_note(key_of(doc, "event", "ev_missile"), "check </div><script>1</script>")
    project.set_correction(Correction(key_of(doc, "statement", "st_min"), "date",
                                      date_value("2017-03-16")))
    fixed, _ = apply_corrections(doc, project.corrections)
    annotations, _ = resolve_annotations(fixed, project.annotations)
    store = EventStore.from_document(fixed)
    return briefing_items(store, annotations, corrected_fields(fixed))


def test_starred_items_in_date_order_at_their_precision(tmp_path):
    items = _briefing(tmp_path)
    assert [(i.item_id, i.date) for i in items] == [("ev_missile", "March 2017"),
                                                     ("st_min", "Thu 16 Mar 2017")]
    statement = items[1]
    assert statement.corrected == ("date",) and statement.place == "Seoul"
    cite = statement.citations[0]
    assert cite.quote.startswith("<script>") and cite.before == "The minister said "
    assert (cite.outlet, cite.published, cite.path) == ("Wire & Co", "Sat 18 Mar 2017",
                                                        str(tmp_path / "a.txt"))
    assert items[0].citations[0].quote == "North Korea fired a missile in March."
    assert items[0].citations[0].after == ""      # the mention is the whole sentence


def test_everything_is_escaped_and_self_contained(tmp_path):
    items = _briefing(tmp_path)
    out = tmp_path / "briefing.html"
    write_briefing(out, items, title="Story <1>", images={"Map <view>": PNG})
    html_text = out.read_text(encoding="utf-8")
    assert "<script" not in html_text.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html_text
    assert "The &lt;minister&gt;" in html_text and "&lt;i&gt;Title&lt;/i&gt;" in html_text
    assert "check &lt;/div&gt;&lt;script&gt;1&lt;/script&gt;" in html_text
    assert "Story &lt;1&gt;" in html_text and "(corrected: date)" in html_text
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in html_text
    assert 'alt="Map &lt;view&gt;"' in html_text
    # offline: no reference to anything outside the file
    assert not re.search(r'(src|href)="(?!data:)', html_text)
    assert "http" not in html_text and "@import" not in html_text
    assert html_text.count('<div class="item">') == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "briefing.html"]


def test_an_undated_item_says_when_it_was_reported(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    doc = _doc(str(article))
    doc["statements"][0].update(date_start=None, date_end=None, precision=None)
    store = EventStore.from_document(doc)
    items = briefing_items(store, {"st_min": Annotation(True)})
    assert [i.date for i in items] == ["undated · reported Sat 18 Mar 2017"]


def test_empty_briefing_still_renders():
    text = render_briefing([], title="Nothing")
    assert "0 starred items" in text and text.startswith("<!DOCTYPE html>")
