"""The project UI through the real window: corrections with undo/redo, stars and the
Starred filter, saved views, save/reopen, the unsaved-changes marker and prompt, and the
briefing export (issue 17)."""
from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from dateline.model.project.file import Project
from dateline.model.project.records import Correction, ItemKey


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch):
    """Windows left with unsaved edits are closed at teardown: answer the prompt."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: QMessageBox.StandardButton.Discard)


def _statement(window):
    """A statement of the seed corpus with a span (so it can be keyed)."""
    st = window.state.store.statements
    return st.iloc[0]


def _event(window, n=0):
    return window.state.store.events.iloc[n]


def _with_dialog(qtbot, act):
    """Run ``act(dialog)`` on the next modal dialog once it is shown."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)
    QTimer.singleShot(0, poll)


def test_correcting_a_speaker_through_the_dialog_is_undoable(qtbot, seed_window, settle):
    window = seed_window
    row = _statement(window)
    st_id, old_speaker = row["id"], row["speaker"]

    def fill(dialog):
        combo = dialog.field("speaker")
        assert isinstance(combo, QComboBox)
        combo.setCurrentText("Corrected Speaker")
        dialog.accept()
    _with_dialog(qtbot, fill)
    window.project.edits.correct("statement", st_id)

    def speaker():
        st = window.state.store.statements
        return st.loc[st["id"] == st_id, "speaker"].iloc[0]
    assert speaker() == "Corrected Speaker"
    assert window.state.corrected[st_id] == ("speaker",)
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    window.state.update(search="Corrected Speaker")
    settle(window)
    assert "corrected: speaker" in window.side_panel.browser.toHtml()

    window.project.act_undo.trigger()
    assert speaker() == old_speaker
    assert st_id not in window.state.corrected
    assert not window.isWindowModified()          # back at the saved (empty) state
    window.project.act_redo.trigger()
    assert speaker() == "Corrected Speaker"
    assert window.project.session.stack.count() == 1


def test_event_date_and_place_correction_keeps_the_selection(seed_window):
    window = seed_window
    event = _event(window)
    window.state.update(event=event["id"])
    edits = window.project.edits
    key = window.project.session.key("event", event["id"])
    from dateline._qt.project.commands import CorrectionsCommand
    from dateline._qt.project.item_edits import parse_date
    window.project.session.stack.push(CorrectionsCommand(
        window.project.session, "fix", [Correction(key, "date", parse_date("2017-03")),
                                         Correction(key, "place", edits.place_value("Seoul"))]))
    fixed = window.state.store.event(event["id"])
    assert fixed["precision"] == "month" and str(fixed["start"].date()) == "2017-03-01"
    assert fixed["place"] == "Seoul" and fixed["lat"] == pytest.approx(37.57, abs=0.1)
    assert window.state.selection.event == event["id"]      # the edit kept the selection


def test_hide_merge_and_split_change_the_events_and_undo_restores_them(seed_window):
    window = seed_window
    edits, stack = window.project.edits, window.project.session.stack
    n = len(window.state.store.events)
    first, second = _event(window, 0)["id"], _event(window, 1)["id"]
    edits.hide("event", first)
    assert window.state.store.event(first) is None and len(window.state.store.events) == n - 1
    stack.undo()
    assert window.state.store.event(first) is not None
    from dateline._qt.project.commands import CorrectionsCommand
    session = window.project.session
    stack.push(CorrectionsCommand(session, "merge", [Correction(
        session.key("event", first), "merge", session.key("event", second))]))
    assert len(window.state.store.events) == n - 1
    merged = window.state.store.event(second)
    assert window.state.corrected[second] == ("merge",)
    assert len(merged["mentions"]) >= 2
    stack.undo()
    assert len(window.state.store.events) == n
    events = window.state.store.events
    multi = events[events["mentions"].map(len) > 1]
    assert len(multi), "the seed corpus has events with several sources"
    many = multi.iloc[0]
    article, start, end, _ = many["mentions"][-1]
    sha = window.state.store.article(article)["text_sha256"]
    stack.push(CorrectionsCommand(session, "split", [Correction(
        ItemKey("event", sha, int(start), int(end)), "split", ())]))
    assert len(window.state.store.events) == n + 1
    assert len(window.state.store.event(many["id"])["mentions"]) == len(many["mentions"]) - 1
    stack.undo()
    assert len(window.state.store.events) == n


def test_star_shortcut_and_starred_filter(qtbot, seed_window, settle):
    window = seed_window
    event_id = _event(window, 2)["id"]
    window.state.update(event=event_id)
    window.project.act_star.trigger()                 # Edit → Toggle Star (Ctrl+D)
    assert window.state.marks.is_starred(event_id)
    settle(window)
    row = window.event_table.model.row_of(event_id)
    assert window.event_table.model.data(window.event_table.model.index(row, 1)).startswith("★")
    starred = next(b for b in window.filter_buttons if b.text() == "★ Starred")
    qtbot.mouseClick(starred, Qt.MouseButton.LeftButton)
    settle(window)
    assert window.state.selection.starred
    assert window.event_table.visible_ids() == [event_id]
    assert window.state.result.n_statements == 0
    window.project.act_undo.trigger()                 # unstarred: the filter shows nothing
    assert window.state.result.n_events == 0
    window.project.act_redo.trigger()
    assert window.event_table.visible_ids() == [event_id]
    window.clear_filters()
    assert not starred.isChecked()


def test_tags_and_note_show_in_side_panel_and_filter(qtbot, seed_window, settle):
    window = seed_window
    event_id = _event(window, 1)["id"]

    def fill(dialog):
        dialog.tags_edit.setText("THAAD, <b>missile</b>")
        dialog.note_edit.setPlainText("check <this> & that")
        dialog.accept()
    _with_dialog(qtbot, fill)
    window.project.edits.edit_marks("event", event_id)
    assert window.state.marks.tags_of(event_id) == ("<b>missile</b>", "thaad")
    window.state.update(event=event_id)
    settle(window)
    page = window.side_panel.browser.toHtml()
    assert "#thaad" in page and "check &lt;this&gt; &amp; that" in page
    assert "<b>missile</b>" not in page              # the user's text is escaped
    window.state.update(tags=frozenset({"thaad"}))
    assert window.state.result.event_ids == [event_id]


def test_saved_view_restores_selection_and_lanes(qtbot, seed_window, settle):
    window = seed_window
    panel = window.project.views_panel
    rng = window.state.store.time_range()
    place = window.state.store.places["place"].iloc[0]
    window.state.update(window=(rng[0], rng[0] + (rng[1] - rng[0]) / 2), place=place)
    window.timeline.lane_combo.setCurrentIndex(1)
    lanes = window.timeline.lane_combo.currentText()
    wanted = window.state.selection
    panel.save_requested.emit("First look")
    window.state.update(window=None, place=None, search="nothing like this")
    window.timeline.lane_combo.setCurrentIndex(0)
    panel.save_requested.emit("Second")
    assert panel.names() == ["First look", "Second"]
    item = panel.list.item(0)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection == wanted
    assert window.timeline.lane_combo.currentText() == lanes
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert window.state.selection.search == "nothing like this"
    assert not panel.next_button.isEnabled()
    window.project.act_undo.trigger()                 # the second view was one step
    assert panel.names() == ["First look"]


def test_save_reopen_round_trip_and_recent(make_window, seed_store, tmp_path):
    window = make_window(seed_store)
    st_id = window.state.store.statements["id"].iloc[0]
    ev_id = window.state.store.events["id"].iloc[0]
    window.project.edits.set_star("statement", st_id, True)
    window.project.edits.hide("event", ev_id)
    window.project.views_panel.save_requested.emit("Story")
    path = tmp_path / "story.dateline"
    assert window.project._save_to(str(path))
    assert window.windowTitle().startswith("story[*]") and not window.isWindowModified()
    assert window.project.recent.paths()[0] == str(path.resolve())
    window.close()

    again = make_window()
    assert again.project.open_project(path)
    again.load_store(seed_store)                    # the corpus, as the worker hands it
    assert again.state.marks.is_starred(st_id)
    assert again.state.store.event(ev_id) is None   # hidden again
    assert again.project.views_panel.names() == ["Story"]
    assert not again.isWindowModified()
    again.project.recent_menu.aboutToShow.emit()
    assert any(a.text().endswith("story.dateline") for a in again.project.recent_menu.actions())


def test_opening_another_folder_in_a_saved_project_is_an_unsaved_change(make_window,
                                                                        seed_store, tmp_path):
    window = make_window(seed_store)
    window.corpus_paths = [(tmp_path / "first", None)]
    path = tmp_path / "story.dateline"
    assert window.project._save_to(str(path)) and not window.isWindowModified()
    other = tmp_path / "second"
    other.mkdir()
    started = []
    window.runner.start_paths = lambda paths, manifest: started.append(paths)  # no worker
    window.open_paths([other])
    assert started == [[other]]
    assert window.isWindowModified()                # the corpus is the project's too
    assert [p for p, _ in window.project.session.project.corpus_paths()] == [other.resolve()]


def test_newer_schema_is_refused_with_a_message_and_left_alone(make_window, tmp_path,
                                                               monkeypatch):
    path = tmp_path / "future.dateline"
    Project().save(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = path.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = make_window()
    assert not window.project.open_project(path)
    assert shown and "newer Dateline" in shown[0] and "future.dateline" in shown[0]
    assert path.read_bytes() == before
    assert window.project.session.project.path is None


@pytest.mark.parametrize("answer, closes", [(QMessageBox.StandardButton.Cancel, False),
                                            (QMessageBox.StandardButton.Discard, True)])
def test_closing_with_unsaved_changes_asks(seed_window, monkeypatch, answer, closes):
    window = seed_window
    window.project.edits.set_star("event", _event(window)["id"], True)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or answer)
    window.close()
    assert asked and "Untitled" in asked[0]
    assert window.isVisible() is not closes


def test_orphaned_correction_is_listed(qtbot, seed_window):
    window = seed_window
    session = window.project.session
    from dateline._qt.project.commands import CorrectionsCommand
    from dateline._qt.project.orphans import CorrectionsDialog
    gone = ItemKey("statement", "0" * 64, 5, 40)
    session.stack.push(CorrectionsCommand(session, "fix", [Correction(gone, "speaker", "X")]))
    assert [o.key for o in session.orphans] == [gone]
    dialog = CorrectionsDialog(session, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.list.item(0).text().startswith("ORPHANED")
    dialog.list.item(0).setSelected(True)
    dialog.remove_selected()
    assert session.orphans == [] and session.project.corrections == []


def test_briefing_export_writes_escaped_html_and_a_pdf(seed_window, tmp_path):
    window = seed_window
    from dateline._qt.project.briefing_export import export_briefing
    from dateline._qt.project.commands import AnnotationCommand
    from dateline.model.project.records import Annotation
    session = window.project.session
    st_id = window.state.store.statements["id"].iloc[0]
    session.stack.push(AnnotationCommand(session, "note", session.key("statement", st_id),
                                         Annotation(True, ("x",), "<script>alert(1)</script>")))
    html_path, pdf_path = export_briefing(window, session, tmp_path / "brief.html")
    text = html_path.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
    assert text.count("data:image/png;base64,") == 2       # map and timeline, inline
    assert pdf_path.read_bytes().startswith(b"%PDF") and pdf_path.stat().st_size > 10_000


def test_reopened_project_extracts_its_corpus_and_reapplies_corrections(qtbot, make_window,
                                                                       tmp_path):
    """The story end to end: open the sample corpus, fix and star, save, reopen: the
    worker extracts the project's folder again and the fix and star come back."""
    from conftest import ARTICLES, MANIFEST
    window = make_window()
    window.open_paths([ARTICLES], MANIFEST)
    qtbot.waitUntil(lambda: len(window.state.store.statements) > 0, timeout=120_000)
    st = window.state.store.statements
    st_id = st["id"].iloc[0]
    window.project.edits.set_star("statement", st_id, True)
    key = window.project.session.key("statement", st_id)
    from dateline._qt.project.commands import CorrectionsCommand
    window.project.session.stack.push(CorrectionsCommand(
        window.project.session, "fix", [Correction(key, "speaker", "Someone Else")]))
    path = tmp_path / "sample.dateline"
    assert window.project._save_to(str(path))
    assert [p for p, _ in Project.open(path).corpus_paths()] == [ARTICLES.resolve()]
    window.close()

    again = make_window()
    assert again.project.open_project(path)
    qtbot.waitUntil(lambda: len(again.state.store.statements) > 0, timeout=120_000)
    fixed = again.state.store.statements
    assert fixed.loc[fixed["id"] == st_id, "speaker"].iloc[0] == "Someone Else"
    assert again.state.marks.is_starred(st_id)
    assert again.windowTitle().startswith("sample[*]") and not again.isWindowModified()


def test_event_dialog_rejects_a_bad_date_then_corrects_type_and_date(qtbot, seed_window):
    window = seed_window
    event = _event(window, 4)
    new_type = "sanctions" if event["type"] != "sanctions" else "warning"
    seen = []

    def fill(dialog):
        dialog.field("type").setCurrentText(new_type)
        dialog.field("date").setText("March 2017")          # not ISO: refused, stays open
        dialog.buttons.accepted.emit()
        seen.append((dialog.isVisible(), dialog.error.text()))
        dialog.field("date").setText("2017-03")
        dialog.buttons.accepted.emit()
    _with_dialog(qtbot, fill)
    window.project.edits.correct("event", event["id"])
    assert seen[0][0] and "ISO" in seen[0][1]
    fixed = window.state.store.event(event["id"])
    assert fixed["type"] == new_type and fixed["precision"] == "month"
    assert window.state.corrected[event["id"]] == ("date", "type")
    assert window.project.session.stack.undoText().startswith("Correct event")


def test_a_correction_keeps_the_map_and_timeline_where_the_user_looks(seed_window, settle):
    window = seed_window
    window.timeline.zoom(0.5)
    window.map_view.center_on("Seoul")
    settle(window)
    box = window.map_view.view_bbox()
    span = window.timeline.plots.lanes.getViewBox().viewRange()[0]
    window.project.edits.hide("event", _event(window, 3)["id"])
    settle(window)
    assert window.map_view.view_bbox() == box
    assert window.timeline.plots.lanes.getViewBox().viewRange()[0] == span


def test_a_corrupt_project_file_gets_a_message_and_the_open_project_stays(seed_window,
                                                                         tmp_path, monkeypatch):
    window = seed_window
    window.project.edits.set_star("event", _event(window)["id"], True)
    path = tmp_path / "broken.dateline"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 300)
    shown = []
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or
                        QMessageBox.StandardButton.Cancel)
    assert not window.project.open_project(path)
    assert asked == []                  # the bad file is refused before any question
    assert shown and "broken.dateline" in shown[0]
    assert window.state.marks.is_starred(_event(window)["id"])   # nothing was replaced
    assert window.isWindowModified()


def test_merge_through_the_item_menu_picks_the_other_event(qtbot, seed_window):
    window = seed_window
    events = window.state.store.events
    first, second = events["id"].iloc[0], events["id"].iloc[1]
    menu = window.project.edits.menu("event", first)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:3] == ["Star", "Tags and Note…", "Correct Event…"]
    assert "Mark as Wrong (Hide)" in texts

    def pick(dialog):
        items = dialog.comboBoxItems()
        assert len(items) == len(events) - 1
        dialog.setTextValue(items[0])                 # the list's first other event
        dialog.accept()
    _with_dialog(qtbot, pick)
    next(a for a in menu.actions() if a.text().startswith("Merge")).trigger()
    assert window.state.store.event(first) is None
    assert len(window.state.store.event(second)["mentions"]) >= 2
