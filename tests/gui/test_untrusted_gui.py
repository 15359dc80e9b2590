"""Untrusted article text in the GUI (issue 6): markup inside a quote, a title, an outlet, a
speaker or a place name is shown as the literal characters, never rendered as a link or an
image, wherever the GUI shows rich text (side panel, article viewer, labels, tooltips).

``as_displayed`` reproduces what Qt shows for a string: widgets with automatic text format
(QLabel, tooltips, message boxes) render it as HTML when ``Qt.mightBeRichText`` says so.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import Qt  # QtGui.Qt adds mightBeRichText to QtCore.Qt
from PySide6.QtGui import QTextDocument

PAYLOAD = '<a href="http://x">click</a><img src=x onerror=alert(1)>'
TITLE = f"Talks <b>bold</b> {PAYLOAD}"
OUTLET = "<i>Reuters</i>"
SPEAKER = "Wang <u>Yi</u>"
PLACE = "<s>Beijing</s>"
SUMMARY = f"Meeting in Beijing {PAYLOAD}"
LEAD = "BEIJING (Reuters) - Wang Yi said \""
TAIL = "\" in Beijing on Saturday. Rex Tillerson met Xi Jinping in Beijing.\n"
TEXT = LEAD + PAYLOAD + TAIL
Q0, Q1 = len(LEAD), len(LEAD) + len(PAYLOAD)
SENTENCE_END = TEXT.index(".") + 1
PLACE_REC = {"name": PLACE, "lat": 39.9, "lon": 116.4}


def hostile_document() -> dict:
    return {
        "schema": "dateline/1",
        "articles": [{"id": "evil", "path": "", "title": TITLE, "outlet": OUTLET,
                      "published": "2017-03-18", "published_source": "manifest",
                      "text_sha256": None}],
        "events": [{"id": "ev1", "type": "meeting", "summary": SUMMARY,
                    "date_start": "2017-03-18", "date_end": "2017-03-18", "precision": "day",
                    "place": PLACE_REC, "actors": [SPEAKER, "Rex <script>Tillerson</script>"],
                    "mentions": [{"article": "evil", "start": 0, "end": SENTENCE_END,
                                  "text": TEXT[:SENTENCE_END]}]}],
        "statements": [{"id": "st1", "speaker": SPEAKER, "text": PAYLOAD, "direct": True,
                        "article": "evil", "start": Q0, "end": Q1, "sentence_start": 0,
                        "sentence_end": SENTENCE_END, "date_start": "2017-03-18",
                        "date_end": "2017-03-18", "precision": "day", "place": PLACE_REC,
                        "event": "ev1"}],
    }


def as_displayed(text: str) -> str:
    """The characters a user sees for ``text`` in an auto-format Qt widget."""
    if not Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def html_is_inert(html: str) -> None:
    """A rich-text widget's document holds no live link or image from the payload."""
    assert 'href="http://x"' not in html and "<img" not in html.lower()
    assert "onerror" not in html or "&lt;img" in html


@pytest.fixture
def hostile_window(make_window, settle):
    from dateline.model.store import EventStore
    store = EventStore.from_document(hostile_document(), texts={"evil": TEXT})
    window = make_window(store)
    settle(window)
    return window


def test_side_panel_shows_markup_as_text(hostile_window, settle):
    panel = hostile_window.side_panel
    assert panel.shown_statements == ["st1"] and panel.shown_events == ["ev1"]
    plain = panel.browser.toPlainText()
    assert PAYLOAD in plain                   # the quote, literally
    assert SUMMARY in plain and SPEAKER in plain and OUTLET in plain and PLACE in plain
    html_is_inert(panel.browser.toHtml())
    hostile_window.state.update(event="ev1")   # the "selected event" section too
    settle(hostile_window)
    plain = panel.browser.toPlainText()
    assert plain.count(PAYLOAD) >= 2 and "Rex <script>Tillerson</script>" in plain
    html_is_inert(panel.browser.toHtml())


def test_side_panel_title_shows_place_name_as_text(hostile_window, settle):
    hostile_window.state.update(place=PLACE)
    settle(hostile_window)
    assert PLACE in as_displayed(hostile_window.side_panel.title.text())
    assert hostile_window.side_panel.shown_statements == ["st1"]


def test_side_panel_place_link_round_trips_hostile_name(hostile_window, settle):
    """The place link is percent-encoded, so a name full of markup still selects itself."""
    from PySide6.QtCore import QUrl
    from urllib.parse import quote
    hostile_window.side_panel.browser.anchorClicked.emit(QUrl(f"place:{quote(PLACE)}"))
    assert hostile_window.state.selection.place == PLACE


def test_article_viewer_shows_markup_as_text(hostile_window):
    hostile_window.side_panel.activate("open:statement:st1")
    viewer = hostile_window.article_viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.highlighted == PAYLOAD
    plain = viewer.browser.toPlainText()
    assert TEXT.strip() in plain
    html_is_inert(viewer.browser.toHtml())
    heading = as_displayed(viewer.heading.text())
    assert TITLE in heading and OUTLET in heading
    assert TITLE in viewer.windowTitle()       # window titles are always plain


def test_timeline_tooltip_escapes(hostile_window):
    from dateline._qt.timeline.plot import tooltip_html
    shown = as_displayed(tooltip_html(hostile_window.state.store.event("ev1")))
    assert SUMMARY in shown and PLACE in shown and OUTLET in shown and SPEAKER in shown


def test_map_tooltip_escapes(hostile_window):
    from dateline._qt.map.places import tooltip_html
    assert PLACE in as_displayed(tooltip_html(PLACE, 1, 1))


def test_event_list_cells_and_tooltips_show_markup_as_text(hostile_window):
    model = hostile_window.event_table.view.model()
    assert model.rowCount() == 1
    shown = []
    for col in range(model.columnCount()):
        index = model.index(0, col, QModelIndex())
        display = index.data(Qt.ItemDataRole.DisplayRole)   # item views paint plain text
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if tip is not None:
            assert as_displayed(str(tip)) == str(display), f"column {col} tooltip renders markup"
        shown.append(str(display))
    assert SUMMARY in shown and PLACE in shown


def test_filter_menus_and_search_show_names_as_text(hostile_window):
    from dateline._qt.filter_bar import FilterButton
    actors = hostile_window.filter_buttons[0]
    assert isinstance(actors, FilterButton)
    actors.menu().aboutToShow.emit()
    labels = [a.text() for a in actors.menu().actions()]
    assert SPEAKER in labels
    hostile_window.search.setText(PAYLOAD)
    hostile_window.search.apply()
    assert hostile_window.state.selection.search == PAYLOAD
    assert list(hostile_window.state.result.statements["id"]) == ["st1"]


def test_map_labels_and_caption_are_plain(hostile_window, settle):
    if not hostile_window.map_ok:
        pytest.skip("map unavailable")
    view = hostile_window.map_view
    assert PLACE in view.places.places.names
    assert view.caption.textFormat() == Qt.TextFormat.PlainText
    assert view.summary.textFormat() == Qt.TextFormat.PlainText


def test_article_viewer_time_and_place_highlights_escape(make_window, settle):
    """Toponym names and TIMEX3 values come from the document: shown in tooltips as the
    literal characters, and a place full of markup still selects itself on a click."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextCursor
    from dateline.model.store import EventStore
    doc = hostile_document()
    city = TEXT.index("Beijing on")
    day = TEXT.index("Saturday")
    doc["toponyms"] = [{"article": "evil", "start": city, "end": city + 7, "text": "Beijing",
                        "name": PLACE, "lat": 39.9, "lon": 116.4, "kind": "<b>city</b>",
                        "role": "location", "geonameid": None}]
    doc["timexes"] = [{"article": "evil", "start": day, "end": day + 8, "text": "Saturday",
                       "type": "DATE", "value": PAYLOAD, "date_start": "2017-03-18",
                       "date_end": "2017-03-18", "precision": "day"}]
    window = make_window(EventStore.from_document(doc, texts={"evil": TEXT}))
    settle(window)
    window.side_panel.activate("open:statement:st1")
    viewer = window.article_viewer
    html_is_inert(viewer.browser.toHtml())
    assert TEXT.strip() in viewer.browser.toPlainText()
    tips = []
    for pos in (city, day):
        cursor = QTextCursor(viewer.browser.document())
        cursor.setPosition(pos + 1)
        tips.append(as_displayed(cursor.charFormat().toolTip()))
    assert PLACE in tips[0] and "<b>city</b>" in tips[0]
    assert PAYLOAD in tips[1]
    viewer.browser.anchorClicked.emit(QUrl("toponym:0"))
    assert window.state.selection.place == PLACE
    assert PLACE in viewer.note.text()      # a plain-text label
