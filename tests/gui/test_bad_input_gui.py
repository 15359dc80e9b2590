"""Bad input in the GUI (issue 6): a folder with bad files loads its good articles and lists
the bad ones non-modally; a corrupt events JSON gives one clear message naming the file and
keeps what was displayed; cancelling an extraction leaves the previous corpus displayed.

Modal dialogs would block a test, so ``QMessageBox`` is replaced by a recorder: a test fails
if a modal box appears where a status notice was expected.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import Qt  # QtGui.Qt adds mightBeRichText
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "articles").glob("*.txt"))


def as_displayed(text: str) -> str:
    """What a message box shows: auto-format text that looks like markup is rendered."""
    if not Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


@pytest.fixture
def boxes(monkeypatch):
    """Every QMessageBox static call is recorded (as the user would read it) instead of
    shown, and returns Ok."""
    shown: list[tuple[str, str, str]] = []
    for kind in ("warning", "critical", "information", "question"):
        def record(parent, title, text, *args, _kind=kind, **kwargs):
            shown.append((_kind, title, as_displayed(text)))
            return QMessageBox.StandardButton.Ok
        monkeypatch.setattr(QMessageBox, kind, record)

    def record_exec(box):                 # a box built by hand and exec()'d: never block
        shown.append(("exec", box.windowTitle(), as_displayed(box.text()) + "\n"
                      + box.detailedText()))
        return QMessageBox.StandardButton.Ok
    monkeypatch.setattr(QMessageBox, "exec", record_exec)
    return shown


def wait_idle(qtbot, window, timeout=60000):
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=timeout)
    window.runner.wait(timeout)
    qtbot.wait(20)


def bad_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Two real articles plus one file of each kind of trouble; returns (folder, bad names)."""
    folder = tmp_path / "news"
    folder.mkdir()
    for seed in SEEDS[:2]:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes("Café talks: Rex Tillerson arrived in Seoul on "
                                        "Friday, officials said.\n".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("\ufeffWang Yi met Rex Tillerson in Beijing on "
                                       "Saturday.\n".encode("utf-16-le"))
    (folder / "page.html").write_text("<html><body><p>Rex Tillerson arrived in Tokyo on "
                                      "Wednesday.</p><script>x()</script></body></html>",
                                      encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    with open(folder / "huge.txt", "wb") as handle:          # a 50 MB "article"
        handle.truncate(50 * 1024 * 1024)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
    (folder / "manifest.csv").write_text("file,outlet,published\n"
                                         f"{SEEDS[0].name},CNN,2017-02-30\n"
                                         "ghost.txt,AP,2017-03-18\n", encoding="utf-8")
    # a token found in exactly one problem line -> what that line must say
    bad = {"empty.txt": "empty", "binary.txt": "binary", "dangling.txt": "broken link",
           "huge.txt": "too large",
           "2017-02-30": "manifest.csv: line 2: bad date", "ghost.txt": "not among the articles"}
    if hasattr(os, "mkfifo"):
        bad["pipe.txt"] = "not a regular file"
    return folder, bad


def test_folder_with_bad_files_loads_the_rest_and_lists_problems(make_window, qtbot, boxes,
                                                                   tmp_path):
    folder, bad = bad_folder(tmp_path)
    window = make_window()
    window.open_paths([folder])
    wait_idle(qtbot, window)
    assert boxes == [], "problems must not pop up a modal box while loading"
    ids = set(window.state.store.articles["id"])
    assert ids == {p.stem for p in SEEDS[:2]} | {"latin1", "utf16", "page"}
    texts = window.state.store
    assert "Café" in texts.text_of("latin1") and "Wang Yi" in texts.text_of("utf16")
    assert "x()" not in texts.text_of("page") and "Tokyo" in texts.text_of("page")
    assert len(window.state.store.events) > 0
    for name, reason in bad.items():
        lines = [p for p in window.problems if name in p]
        assert len(lines) == 1 and reason in lines[0], (name, window.problems)
        assert "\n" not in lines[0]
    assert window.problems_button.isVisible()
    assert str(len(window.problems)) in window.problems_button.text()


def test_problems_button_lists_every_problem(make_window, qtbot, boxes, tmp_path):
    folder, bad = bad_folder(tmp_path)
    window = make_window()
    window.open_paths([folder])
    wait_idle(qtbot, window)
    assert boxes == []
    qtbot.mouseClick(window.problems_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    (_kind, _title, shown), = boxes
    for token in bad:
        assert token in shown, token


@pytest.mark.parametrize("content, reason", [
    (b'{"schema": "dateline/1", "articles": [], "ev', "corrupt or truncated JSON"),
    (b"", "corrupt or truncated JSON"),
    (b"\xff\xfe\x00\x01", "not UTF-8"),
    (b'{"schema": "something/else"}', "schema"),
    (b'{"schema": "dateline/1", "articles": [], "statements": [], "events": [{"id": 1}]}',
     "lacks"),
])
def test_corrupt_events_json_gives_one_clear_message(make_window, synthetic_store, qtbot, boxes,
                                                    tmp_path, content, reason):
    path = tmp_path / "events.json"
    path.write_bytes(content)
    window = make_window(synthetic_store)
    before = window.state.store
    window.open_paths([path])
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    ((_kind, _title, message),) = boxes
    assert str(path) in message and reason in message and "\n" not in message
    assert window.state.store is before, "a failed open must keep what is displayed"
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()


def test_failure_message_shows_file_name_as_text(make_window, qtbot, boxes, tmp_path):
    path = tmp_path / "<img src=x>report.json"      # no "/" possible in a file name
    path.write_bytes(b"{")
    window = make_window()
    window.open_paths([path])
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert str(path) in boxes[0][2]          # as the user reads it: literally, not an image


def test_folder_with_nothing_readable_keeps_previous_corpus(make_window, synthetic_store, qtbot,
                                                            boxes, tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    window = make_window(synthetic_store)
    before = window.state.store
    window.open_paths([folder])
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert str(folder) in boxes[0][2] and "\n" not in boxes[0][2]
    assert window.state.store is before


def test_folder_of_thousands_with_unreadable_files(make_window, qtbot, boxes, tmp_path):
    folder = tmp_path / "many"
    (folder / "deep" / "er").mkdir(parents=True)
    for i in range(1500):
        where = folder if i % 2 else folder / "deep" / "er"
        (where / f"n{i:04d}.txt").write_text(
            f"Officials met in Seoul on Friday about item {i}. \"We will act,\" Kim Lee said.\n",
            encoding="utf-8")
    broken = [f"broken{i}.txt" for i in range(5)]
    for name in broken:
        (folder / name).symlink_to(folder / "gone" / name)
    window = make_window()
    window.open_paths([folder])
    wait_idle(qtbot, window, timeout=120000)
    assert boxes == []
    assert len(window.state.store.articles) == 1500
    assert len(window.state.store.statements) >= 1500
    assert sorted(p.split("/")[-1].split(":")[0] for p in window.problems) == broken
    assert window.problems_button.isVisible()


def many_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    base = SEEDS[2].read_text(encoding="utf-8")
    for i in range(n):     # distinct texts: no cache hit can make the run instant
        (folder / f"copy{i:04d}.txt").write_text(f"{base}\nEditor's note {i}: updated.\n",
                                                 encoding="utf-8")
    return folder


def test_cancel_extraction_keeps_previous_corpus(make_window, synthetic_store, qtbot, boxes,
                                                 tmp_path, settle):
    window = make_window(synthetic_store)
    settle(window)
    window.state.update(place="Seoul")
    settle(window)
    before_store, before_sel = window.state.store, window.state.selection
    before_rows = window.event_table.model.rowCount()
    progress = []
    window.runner.progress.connect(lambda done, total, msg: progress.append(done))
    window.open_paths([many_articles(tmp_path / "big", 400)])
    assert window.cancel_button.isVisible() and window.act_cancel.isEnabled()
    qtbot.waitUntil(lambda: any(done > 0 for done in progress), timeout=30000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window.runner.busy
    window.runner.wait(60000)            # the worker notices the cancel and stops
    qtbot.wait(100)                       # any late signal would arrive now
    assert window.state.store is before_store and window.state.selection == before_sel
    settle(window)
    assert window.event_table.model.rowCount() == before_rows
    assert not window.cancel_button.isVisible() and not window.progress.isVisible()
    assert not window.act_cancel.isEnabled()
    assert boxes == []
    # Still fully usable: a new open after the cancel loads normally.
    folder = tmp_path / "small"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / SEEDS[0].name)
    window.open_paths([folder])
    wait_idle(qtbot, window)
    assert list(window.state.store.articles["id"]) == [SEEDS[0].stem]


def test_cancel_then_reopen_drops_the_stale_run(make_window, qtbot, boxes, tmp_path):
    """Open A, cancel, open B at once: only B's result may ever be displayed."""
    window = make_window()
    window.open_paths([many_articles(tmp_path / "a", 200)])
    window.runner.cancel()
    folder = tmp_path / "b"
    folder.mkdir()
    shutil.copy(SEEDS[1], folder / SEEDS[1].name)
    window.open_paths([folder])
    wait_idle(qtbot, window)
    qtbot.wait(200)
    assert list(window.state.store.articles["id"]) == [SEEDS[1].stem]


# -- a damaged events JSON that passes validation must still display without exceptions -------

def _paths(value, prefix=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix + (key,)
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield prefix + (index,)
            yield from _paths(item, prefix + (index,))


_ODD_VALUES = [None, "", 0, -1, 10**9, 1.5, True, [], {}, "2017-02-30", "9999-12-31", "0001-01-01",
               "range", "week", "x" * 500, "<b>", {"name": ""}, {"name": "Nowhere"},
               {"name": "Pole", "lat": 90, "lon": 180}, ["Rex Tillerson"], "st_missing"]


def test_damaged_documents_display_or_are_refused(make_window, seed_document, qtbot, boxes,
                                                  tmp_path, settle):
    """Seeded random one-field damage to the real extraction; whatever read_document accepts
    must load, select, scrub and open articles without an exception (pytest-qt fails the test
    on any exception raised in a Qt callback)."""
    import copy
    import json
    import random

    from dateline.document import DocumentError, read_document
    from dateline.model.store import EventStore
    doc, texts = seed_document
    doc = {k: v for k, v in doc.items() if k != "problems"}
    rng = random.Random(6)
    window = make_window()
    loaded = refused = 0
    for attempt in range(150):
        damaged = copy.deepcopy(doc)
        path = rng.choice(list(_paths(damaged)))
        target = damaged
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = copy.deepcopy(rng.choice(_ODD_VALUES))
        file = tmp_path / f"d{attempt}.json"
        file.write_text(json.dumps(damaged), encoding="utf-8")
        try:
            accepted = read_document(file)
        except DocumentError:
            refused += 1
            continue
        loaded += 1
        window.load_store(EventStore.from_document(accepted, texts=texts))
        settle(window)
        store = window.state.store
        if len(store.events):
            window.state.update(event=store.events["id"].iloc[rng.randrange(len(store.events))])
        places = list(window.state.result.place_counts["place"])
        if places:
            window.state.update(place=rng.choice(places))
        window.timeline.step(1)
        window.timeline.toggle_play()
        qtbot.wait(50)
        window.timeline.stop()
        if window.side_panel.shown_statements:
            window.side_panel.activate(f"open:statement:{window.side_panel.shown_statements[0]}")
        settle(window)
    assert loaded >= 15 and refused >= 15, (loaded, refused)   # both paths were exercised
