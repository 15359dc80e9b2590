"""Main window wiring on synthetic data: views follow one state, export, settings, themes."""
import json
import sys

import pandas as pd
import pytest
from pathlib import Path
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

TS = pd.Timestamp


def test_scrubbing_changes_map_panel_and_list(make_window, synthetic_store, qtbot, settle):
    window = make_window(synthetic_store)
    settle(window)
    all_places = set(window.state.result.place_counts["place"])
    all_panel = list(window.side_panel.shown_statements)
    region = window.timeline.plots.region
    x0, _ = region.getRegion()
    region.setRegion((x0, x0 + 20 * 86400))                    # a 20-day window
    settle(window)
    window_places = set(window.state.result.place_counts["place"])
    assert window_places < all_places
    if window.map_ok:
        assert set(window.map_view.places.raw.names) == window_places
    assert window.side_panel.shown_statements != all_panel
    a, b = window.state.selection.window
    shown = window.state.store.statements.set_index("id").loc[window.side_panel.shown_statements]
    assert ((shown["start"] < b) & (shown["end"] > a)).all()
    assert window.event_table.model.rowCount() == len(window.state.result.events)


def test_place_selection_filters_panel_but_not_map(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    window.state.update(place="Seoul")
    settle(window)
    shown = window.state.store.statements.set_index("id").loc[window.side_panel.shown_statements]
    assert len(shown) and (shown["place"] == "Seoul").all()
    assert len(window.state.result.place_counts) > 1          # other places stay on the map
    assert "Seoul" in window.side_panel.title.text()


def test_panel_entry_click_selects_event_everywhere(make_window, synthetic_store, qtbot, settle):
    window = make_window(synthetic_store)
    settle(window)
    event_id = window.side_panel.shown_events[3]
    window.side_panel.browser.anchorClicked.emit(QUrl(f"event:{event_id}"))
    settle(window)
    assert window.state.selection.event == event_id
    selected = window.event_table.view.selectionModel().selectedRows()
    assert [i.data(Qt.ItemDataRole.UserRole + 2) for i in selected] == [event_id]
    assert len(window.timeline.plots.selected_ring.data) + \
        int(window.timeline.plots.selected_span.opts["x1"][0] > 0) >= 1


def test_open_article_highlights_quote(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    st_id = window.side_panel.shown_statements[0]
    window.side_panel.activate(f"open:statement:{st_id}")
    viewer = window.article_viewer
    row = window.state.store.statements.set_index("id").loc[st_id]
    assert viewer.isVisible() and viewer.highlighted == row["text"]
    assert "background-color" in viewer.browser.toHtml()
    window.close()
    assert not viewer.isVisible()              # the article window goes with the main one


def test_side_panel_escapes_article_text(make_window, synthetic_store, settle, monkeypatch):
    store = synthetic_store
    monkeypatch.setattr(store, "statement_context",
                        lambda row: ("<b>bold</b> ", "<img src=x>", " after"))
    window = make_window(store)
    settle(window)
    plain = window.side_panel.browser.toPlainText()
    assert "<b>bold</b>" in plain and "<img src=x>" in plain      # shown as text, not markup


def test_event_list_sort_filter_and_selection(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    table = window.event_table
    table.filter_edit.setText("Pyongyang")
    ids = table.visible_ids()
    events = window.state.store.events.set_index("id").loc[ids]
    assert ids and events.apply(lambda r: "pyongyang" in (r["summary"] + str(r["place"]))
                                .lower(), axis=1).all()
    table.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)    # Sources
    sources = [window.state.store.event(i)["n_sources"] for i in table.visible_ids()]
    assert sources == sorted(sources, reverse=True)
    table.view.selectRow(0)
    assert window.state.selection.event == table.visible_ids()[0]


def test_filters_and_search_update_all_views(make_window, synthetic_store, settle, qtbot):
    window = make_window(synthetic_store)
    window.search.setText("wang yi")
    window.search.apply()
    settle(window)
    assert window.state.selection.search == "wang yi"
    assert all("Wang Yi" in a for a in window.state.result.events["actors"])
    window.clear_filters()
    assert not window.state.selection.is_filtered
    button = window.filter_buttons[1]          # Types
    button.menu().aboutToShow.emit()
    action = next(a for a in button.menu().actions() if a.text() == "Meeting")
    action.setChecked(True)
    assert window.state.selection.types == {"meeting"}
    assert set(window.state.result.events["type"]) == {"meeting"}
    assert button.text() == "Types: Meeting"


@pytest.mark.parametrize("suffix", [".csv", ".json", ".geojson"])
def test_export_filtered_events(make_window, synthetic_store, tmp_path, monkeypatch, suffix):
    window = make_window(synthetic_store)
    window.state.update(place="Tokyo")
    target = tmp_path / f"out{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_events()
    n = len(window.state.result.events)
    text = target.read_text(encoding="utf-8")
    if suffix == ".csv":
        table = pd.read_csv(target)
        assert (table["record"] == "event").sum() == n
        assert (table["record"] == "statement").sum() == len(window.state.result.statements)
    elif suffix == ".json":
        assert len(json.loads(text)["events"]) == n
    else:
        features = [f for f in json.loads(text)["features"] if f["properties"]["record"] == "event"]
        assert len(features) == n and features[0]["properties"]["place"]["name"] == "Tokyo"


def test_exported_json_reopens_with_the_same_events(make_window, synthetic_store, tmp_path,
                                                    monkeypatch):
    """The app's JSON export is a "dateline/1" document that `dateline open` reads back."""
    from dateline.document import read_document
    from dateline.model.store import EventStore
    window = make_window(synthetic_store)
    window.state.update(place="Tokyo")
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_events()
    reopened = EventStore.from_document(read_document(target))
    before = window.state.result.events
    assert sorted(reopened.events["id"]) == sorted(before["id"])
    assert list(reopened.events.sort_values("id")["start"]) == list(before.sort_values("id")["start"])
    assert len(reopened.statements) == len(window.state.result.statements)


def test_export_timeline_png(make_window, synthetic_store, tmp_path, monkeypatch):
    window = make_window(synthetic_store)
    target = tmp_path / "timeline.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_png("timeline")
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_settings_remember_layout_folder_and_lanes(make_window, settings, tmp_path, qtbot):
    window = make_window()
    window.timeline.lane_combo.setCurrentText("Actor")
    window.settings.setValue("lastFolder", str(tmp_path))
    window.close()
    assert settings.value("windowState") is not None
    again = make_window()
    assert again.timeline.lane_combo.currentText() == "Actor"
    assert again._last_folder() == str(tmp_path)


def test_dark_theme_switches_palette(make_window, qtbot):
    window = make_window()
    light = QApplication.palette().window().color().lightness()
    window.act_dark.trigger()
    assert QApplication.palette().window().color().lightness() < light
    assert window.settings.value("theme") == "dark"
    window.set_dark(False)


def test_drop_folder_starts_extraction(make_window, tmp_path, monkeypatch):
    window = make_window()
    started = []
    monkeypatch.setattr(window.runner, "start_paths", lambda paths, m=None: started.append(paths))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert started == [[tmp_path]]


def test_window_survives_broken_map(monkeypatch, make_window, synthetic_store):
    monkeypatch.setitem(sys.modules, "dateline._qt.map.view", None)   # import fails
    window = make_window(synthetic_store)
    assert not window.map_ok
    assert "Map unavailable" in window.centralWidget().text()
    assert "the map could not be created" in window.self_test()


def test_self_test_reports_empty_data(make_window):
    problems = make_window().self_test()
    assert "no events were extracted" in problems
    assert "the timeline shows no events" in problems


def test_self_test_passes_with_data(make_window, synthetic_store, qtbot):
    window = make_window(synthetic_store)
    qtbot.wait(20)
    assert window.self_test() == []


def test_clicking_a_map_place_selects_it(make_window, synthetic_store, qtbot, settle,
                                         click_place):
    window = make_window(synthetic_store)
    settle(window)
    click_place(window, "Tokyo")
    settle(window)
    shown = window.state.store.statements.set_index("id").loc[window.side_panel.shown_statements]
    assert len(shown) and (shown["place"] == "Tokyo").all()


def test_panel_place_link_selects_place(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    settle(window)
    window.side_panel.browser.anchorClicked.emit(QUrl("place:Hong%20Kong"))
    assert window.state.selection.place == "Hong Kong"


def test_selected_event_card_lists_its_sources(make_window, synthetic_store, settle):
    window = make_window(synthetic_store)
    events = window.state.store.events
    row = events[events["n_sources"] >= 2].iloc[0]
    window.state.update(event=row["id"])
    settle(window)
    text = window.side_panel.browser.toPlainText()
    assert "selected event" in text.lower()
    # the card's title plus one excerpt per source (synthetic mentions quote the summary)
    assert text.count(row["summary"]) >= 1 + len(row["mentions"])


def test_double_click_in_list_opens_article(make_window, synthetic_store, settle, qtbot):
    window = make_window(synthetic_store)
    settle(window)
    index = window.event_table.proxy.index(0, 1)
    window.event_table.view.doubleClicked.emit(index)
    assert window.article_viewer is not None and window.article_viewer.isVisible()
    event_id = window.event_table.visible_ids()[0]
    assert window.article_viewer.highlighted == window.state.store.event(event_id)["mentions"][0][3]


def test_empty_window_explains_how_to_start(make_window, settle):
    window = make_window()
    settle(window)
    assert "Open a folder" in window.side_panel.browser.toPlainText()


def test_shortcuts_are_unique_and_drive_the_timeline(make_window, synthetic_store):
    from PySide6.QtGui import QKeySequence
    window = make_window(synthetic_store)
    keys = [a.shortcut().toString() for a in window.findChildren(QAction)
            if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert window.act_next.shortcut() == QKeySequence("Alt+Right")
    window.timeline.set_window(TS("2017-01-01"), TS("2017-01-02"))
    window.act_next.trigger()
    first = window.state.selection.event
    assert first is not None
    window.act_next.trigger()
    assert window.state.selection.event != first
    window.act_prev.trigger()
    assert window.state.selection.event == first


def test_odd_ids_survive_panel_links(make_window, settle):
    from dateline.model.store import EventStore
    from dateline.model.synthetic import generate
    corpus = generate(n_events=5, n_articles=3, seed=1)
    odd = "ev 'x':1"
    ev = corpus.document["events"][0]
    old = ev["id"]
    ev["id"] = odd
    for st in corpus.document["statements"]:
        if st["event"] == old:
            st["event"] = odd
    window = make_window(EventStore.from_document(corpus.document, texts=corpus.texts))
    window.state.update(event=odd)
    settle(window)
    html = window.side_panel.browser.toHtml()
    anchors = [a for a in html.split("href=\"")[1:]]
    target = next(a.split("\"")[0] for a in anchors if a.startswith("event:ev%20"))
    window.state.update(event=None)
    window.side_panel.browser.anchorClicked.emit(QUrl(target))
    assert window.state.selection.event == odd
    window.side_panel.activate("open:mention:" + target.split(":", 1)[1] + ":0")
    assert window.article_viewer.isVisible()


def _wait_loaded(qtbot, window):
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30000)
    window.runner.wait(30000)
    qtbot.wait(20)


def test_open_parquet_cache_folder_loads_its_store(make_window, qtbot, tmp_path, monkeypatch):
    from dateline.model.cache_parquet import save_store_parquet
    from dateline.model.synthetic import synthetic_store
    saved = synthetic_store(n_events=120, n_articles=15, seed=3)
    folder = tmp_path / "news-cache"
    save_store_parquet(saved, folder)
    window = make_window()
    monkeypatch.setattr(window.runner, "start_paths",
                        lambda *a, **k: pytest.fail("a cache folder must not be extracted"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.act_open_folder.trigger()
    _wait_loaded(qtbot, window)
    store = window.state.store
    assert sorted(store.events["id"]) == sorted(saved.events["id"])
    assert len(store.statements) == len(saved.statements) > 0
    assert set(window.state.result.place_counts["place"]) == set(
        saved.events["place"].dropna())
    assert window.windowTitle().startswith("news-cache")
    assert not window.problems_button.isVisible()


def test_dropped_parquet_cache_folder_is_opened_as_a_cache(make_window, tmp_path, monkeypatch):
    from dateline.model.cache_parquet import save_store_parquet
    from dateline.model.synthetic import synthetic_store
    folder = tmp_path / "cache"
    save_store_parquet(synthetic_store(n_events=10, n_articles=3, seed=1), folder)
    window = make_window()
    started = []
    monkeypatch.setattr(window.runner, "start_cache", started.append)
    monkeypatch.setattr(window.runner, "start_paths", lambda *a, **k: started.append("extract"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert started == [folder]


def test_loaded_status_counts_problems(make_window, synthetic_store, qtbot):
    window = make_window()
    window.runner.start(lambda p, c: (synthetic_store, ["a.txt: empty", "b.txt: binary"]))
    _wait_loaded(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith("Loaded 40 articles") and "(2 problems)" in message
    window.runner.start(lambda p, c: (synthetic_store, []))
    _wait_loaded(qtbot, window)
    assert "problem" not in window.statusBar().currentMessage()


def test_nothing_readable_message_lists_why(make_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "<b>b.txt").write_bytes(b"\x00\x01\x02" * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    window = make_window()
    window.open_paths([folder])
    _wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    (text,) = shown
    assert "a.txt" in text and "empty" in text and "binary" in text
    assert "&lt;b&gt;b.txt" in text and "<b>b.txt" not in text     # escaped rich text


def test_file_menu_goes_back_to_the_sample_corpus(make_window, synthetic_store, qtbot):
    window = make_window(synthetic_store)
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Open &Sample Corpus" in titles
    window.act_sample.trigger()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=120_000)
    qtbot.waitUntil(lambda: window.state.store is not synthetic_store, timeout=10_000)
    root = Path(__file__).resolve().parents[2]
    assert set(window.state.store.articles["id"]) == {p.stem for p in
                                                      (root / "data" / "articles").glob("*.txt")}
    assert window.windowTitle().startswith("Sample corpus")
    message = window.statusBar().currentMessage()
    assert message.startswith("Loaded 5 articles:") and " 1 articles" not in message
