"""Several statements from one sentence: the side panel shows the sentence once, every span
highlighted and each speaker named (pytest-qt, offscreen)."""
from dateline._qt.panel.side_panel import SidePanel
from dateline._qt.state import AppState
from dateline.model.store import EventStore

TEXT = ("Talks ended. “We will not give in,” Wang said, while Tillerson said the door stayed open. "
        "Later, Abe said <b>nothing</b> had changed.\n")


def _statement(sid, speaker, words, sentence):
    start = TEXT.index(words)
    s0 = TEXT.index(sentence)
    return {"id": sid, "speaker": speaker, "text": words, "direct": True, "article": "a1",
            "start": start, "end": start + len(words), "sentence_start": s0,
            "sentence_end": s0 + len(sentence), "date_start": "2017-03-18",
            "date_end": "2017-03-18", "precision": "day", "place": None, "event": None}


def _store():
    shared = "“We will not give in,” Wang said, while Tillerson said the door stayed open."
    doc = {"schema": "dateline/1",
           "articles": [{"id": "a1", "path": "", "title": "T", "outlet": "Reuters",
                         "published": "2017-03-18", "published_source": "manifest",
                         "text_sha256": ""}],
           "events": [],
           "statements": [_statement("s1", "Wang Yi", "We will not give in", shared),
                          _statement("s2", "Rex Tillerson", "the door stayed open", shared),
                          _statement("s3", "Shinzo Abe", "<b>nothing</b> had changed",
                                     "Later, Abe said <b>nothing</b> had changed.")]}
    return EventStore.from_document(doc, texts={"a1": TEXT})


def test_one_sentence_with_two_statements_is_shown_once(qtbot):
    panel = SidePanel(AppState(_store()))
    qtbot.addWidget(panel)
    panel.flush()
    text = panel.browser.toPlainText()
    assert text.count("Tillerson said the door stayed open") == 1     # the sentence once
    assert "Wang Yi" in text and "Rex Tillerson" in text              # each speaker named
    assert set(panel.shown_statements) == {"s1", "s2", "s3"}          # none lost
    html = panel._page
    assert "<span class='q'>We will not give in</span>" in html       # every span highlighted
    assert "<span class='q'>the door stayed open</span>" in html
    assert "Later, Abe said" in text and "<b>nothing</b>" not in html  # escaped, shown apart
