"""The side panel says when a place or date was inferred rather than read in the sentence,
and why extraction merged several reports into one event (pytest-qt, offscreen)."""
from dateline._qt.panel.side_panel import SidePanel
from dateline._qt.state import AppState
from dateline.model.store import EventStore

TEXT = ("SEOUL (Reuters) - The talks ended on Saturday. <i>We will go on</i>, Moon said.\n")
REASON = "2 reports in 2 articles: same type CONSULT; dates 2017-03-18 (day) match"


def _store():
    quote = "<i>We will go on</i>"
    start = TEXT.index(quote)
    s0 = TEXT.index(quote)
    doc = {"schema": "dateline/1",
           "articles": [{"id": "a1", "path": "", "title": "T", "outlet": "Reuters",
                         "published": "2017-03-18", "published_source": "manifest",
                         "text_sha256": ""}],
           "events": [{"id": "e1", "type": "meeting", "summary": "Talks in Seoul",
                       "date_start": "2017-03-18", "date_end": "2017-03-18",
                       "precision": "day",
                       "place": {"name": "Seoul", "lat": 37.57, "lon": 126.98},
                       "place_source": "dateline", "merge_reason": REASON,
                       "actors": ["South Korea"],
                       "mentions": [{"article": "a1", "start": 16, "end": 46,
                                     "text": "The talks ended on Saturday."}]}],
           "statements": [{"id": "s1", "speaker": "Moon Jae-in", "text": quote,
                           "direct": False, "article": "a1", "start": start,
                           "end": start + len(quote), "sentence_start": s0,
                           "sentence_end": len(TEXT) - 1, "date_start": "2017-03-18",
                           "date_end": "2017-03-18", "precision": "day",
                           "date_source": "scene", "place_source": "dateline",
                           "place": {"name": "Seoul", "lat": 37.57, "lon": 126.98},
                           "event": None}]}
    return EventStore.from_document(doc, texts={"a1": TEXT})


def test_inferred_place_and_date_are_marked_and_the_merge_explained(qtbot):
    state = AppState(_store())
    panel = SidePanel(state)
    qtbot.addWidget(panel)
    state.update(place="Seoul")
    panel.flush()
    text = panel.browser.toPlainText()
    assert "Seoul (from the dateline)" in text          # the statement's and the event's place
    assert "(date from the article's scene)" in text
    assert "<i>We will go on</i>" in text                # article text stays text
    state.update(event="e1")
    panel.flush()
    text = panel.browser.toPlainText()
    assert f"Merged: {REASON}" in text


def test_a_place_the_sentence_names_carries_no_note(qtbot):
    store = _store()
    doc_place = store.statements["place_source"].tolist()
    assert doc_place == ["dateline"]
    store.statements.loc[:, "place_source"] = "text"
    store.statements.loc[:, "date_source"] = "text"
    panel = SidePanel(AppState(store))
    qtbot.addWidget(panel)
    panel.flush()
    text = panel.browser.toPlainText()
    assert "date from" not in text
    assert text.count("(from the dateline)") <= 1       # only the event's, if it is listed
