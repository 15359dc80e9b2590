"""The article view on the sample corpus: every time expression shaded with its TIMEX3 value
on hover, every place name a link whose click selects that place on the map (or says it is
not on the map), and no highlights at all for a store without the arrays (Parquet cache)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from dateline._qt.panel.article_markup import TIMEX_BG, timex_tooltip, toponym_tooltip
from tests.gui.test_untrusted_gui import as_displayed


def _first_statement(store, article: str = "002_5fd2057b704f9e4e"):
    """The first statement of the Reuters article of 18 March 2017 ("Wang said Saturday")."""
    st = store.statements[store.statements["article"] == article].iloc[0]
    return (st["article"], int(st["start_char"]), int(st["end_char"]),
            int(st["sentence_start"]), int(st["sentence_end"]))


def _format_at(viewer, pos: int):
    """The character format of the article text at offset ``pos`` (document positions are
    text offsets: one <div>, line breaks as one character each)."""
    cursor = QTextCursor(viewer.browser.document())
    cursor.setPosition(pos + 1)          # the format of the character before the cursor
    return cursor.charFormat()


@pytest.fixture
def seed_viewer(make_window, seed_store, settle):
    window = make_window(seed_store)
    settle(window)
    window.open_article(*_first_statement(seed_store))
    return window, window.article_viewer


def test_document_timexes_and_toponyms_reach_the_store(seed_document, seed_store):
    doc, _ = seed_document
    assert doc["timexes"] and doc["toponyms"]
    for kind, lookup in (("timexes", seed_store.timexes_of), ("toponyms", seed_store.toponyms_of)):
        by_article = {}
        for rec in doc[kind]:
            by_article.setdefault(rec["article"], []).append(rec)
        for article, recs in by_article.items():
            assert lookup(article) == sorted(recs, key=lambda r: (r["start"], r["end"]))
    assert seed_store.timexes_of("no such article") == []


def test_every_time_expression_is_shaded_with_its_value(seed_viewer):
    _, viewer = seed_viewer
    text = viewer._store.text_of(viewer.article_id)
    assert len(viewer.timexes) >= 5
    for rec in viewer.timexes:
        for pos in (rec["start"], rec["end"] - 1):
            fmt = _format_at(viewer, pos)
            assert as_displayed(fmt.toolTip()).startswith(timex_tooltip(rec)), rec
        assert text[rec["start"]:rec["end"]] == rec["text"]
    tips = [timex_tooltip(r) for r in viewer.timexes]
    assert "DATE 2017-03-18 (day)" in tips        # "Wang said Saturday", published 18 March
    _, q0, q1, _, _ = _first_statement(viewer._store)
    outside = [r for r in viewer.timexes if r["end"] <= q0 or r["start"] >= q1]
    colours = {_format_at(viewer, r["start"]).background().color().name() for r in outside}
    assert outside and colours == {TIMEX_BG["light"]}      # the quoted span keeps its colour
    before = viewer.timexes[0]["start"] - 1         # plain text carries no timex tooltip
    assert "DATE" not in _format_at(viewer, before).toolTip()


def test_every_toponym_is_a_link_with_name_kind_and_coordinates(seed_viewer):
    window, viewer = seed_viewer
    store = window.state.store
    assert len(viewer.toponyms) >= 10
    for i, rec in enumerate(viewer.toponyms):
        fmt = _format_at(viewer, rec["start"])
        assert fmt.isAnchor() and fmt.anchorHref() == f"toponym:{i}"
        shown = as_displayed(fmt.toolTip())
        assert f"{rec['name']} — {rec['kind']}, {rec['lat']:.2f}, {rec['lon']:.2f}" in shown
        on_map = store.has_place(rec["name"])
        assert ("Click to show it on the map" in shown) == on_map
        assert toponym_tooltip(rec, on_map).split("\n")[0] in shown


def test_hover_shows_the_tooltip(seed_viewer, qtbot):
    _, viewer = seed_viewer
    rec = viewer.timexes[-1]
    cursor = QTextCursor(viewer.browser.document())
    cursor.setPosition(rec["start"] + 1)
    viewer.browser.setTextCursor(cursor)
    viewer.browser.ensureCursorVisible()
    rect = viewer.browser.cursorRect(cursor)
    point = QPoint(rect.x(), rect.center().y())
    assert as_displayed(viewer.browser.tooltip_at(point)) == timex_tooltip(rec)
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewer.browser.viewport().mapToGlobal(point))
    viewer.browser.viewportEvent(event)
    assert QToolTip.isVisible() and as_displayed(QToolTip.text()) == timex_tooltip(rec)
    QToolTip.hideText()


def _toponym_point(viewer, rec):
    cursor = QTextCursor(viewer.browser.document())
    cursor.setPosition(rec["start"] + 1)
    viewer.browser.setTextCursor(cursor)
    viewer.browser.ensureCursorVisible()
    rect = viewer.browser.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def test_clicking_a_toponym_selects_its_place_on_the_map(seed_viewer, qtbot, settle):
    window, viewer = seed_viewer
    store = window.state.store
    index, rec = next((i, r) for i, r in enumerate(viewer.toponyms)
                      if store.has_place(r["name"]))
    assert window.state.selection.place is None
    qtbot.mouseClick(viewer.browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=_toponym_point(viewer, rec))
    assert window.state.selection.place == rec["name"]
    assert rec["name"] in set(window.state.result.place_counts["place"])
    assert f"Showing {rec['name']}" in viewer.note.text()
    settle(window)
    assert window.side_panel.shown_statements or window.side_panel.shown_events


def test_a_toponym_the_map_lacks_is_said_to_be_not_on_the_map(seed_viewer):
    window, viewer = seed_viewer
    store = window.state.store
    missing = [(i, r) for i, r in enumerate(viewer.toponyms) if not store.has_place(r["name"])]
    assert missing, "the sample names places no event is placed at (e.g. the United States)"
    index, rec = missing[0]
    viewer.browser.anchorClicked.emit(QUrl(f"toponym:{index}"))
    assert window.state.selection.place is None
    assert "not on the map" in viewer.note.text() and rec["name"] in viewer.note.text()
    viewer.browser.anchorClicked.emit(QUrl("toponym:99999"))     # out of range: ignored
    viewer.browser.anchorClicked.emit(QUrl("toponym:x"))
    assert window.state.selection.place is None


def test_store_without_the_arrays_shows_no_highlights(make_window, seed_document, tmp_path):
    from dateline.model.cache_parquet import load_store_parquet, save_store_parquet
    doc, texts = seed_document
    save_store_parquet(doc, tmp_path / "cache")
    store = load_store_parquet(tmp_path / "cache")
    store._texts.update(texts)
    window = make_window(store)
    article = doc["statements"][0]["article"]
    assert store.timexes_of(article) == [] and store.toponyms_of(article) == []
    window.open_article(article, 0, 10, -1, -1)
    viewer = window.article_viewer
    assert viewer.isVisible() and viewer.timexes == [] and viewer.toponyms == []
    assert "toponym:" not in viewer.browser.toHtml() and viewer.note.text() == ""


def test_stale_offsets_are_not_highlighted():
    from dateline._qt.panel.article_markup import article_html
    text = "Talks in Seoul on Friday."
    recs = [{"start": 9, "end": 14, "text": "Seoul", "name": "Seoul", "kind": "city",
             "lat": 37.57, "lon": 126.98},
            {"start": 0, "end": 5, "text": "Paris", "name": "Paris", "kind": "city",
             "lat": 48.85, "lon": 2.35},            # the text changed under it
            {"start": 20, "end": 40, "text": "x", "name": "Nowhere"}]   # out of range
    out = article_html(text, 0, 5, toponyms=recs)
    assert "toponym:0" in out and "toponym:1" not in out and "toponym:2" not in out


def test_screenshot_of_the_article_view(seed_viewer, tmp_path):
    _, viewer = seed_viewer
    viewer.resize(760, 680)
    path = tmp_path / "article_view.png"
    assert viewer.grab().save(str(path)) and path.stat().st_size > 10_000
