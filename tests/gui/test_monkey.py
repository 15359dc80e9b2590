"""GUI monkey test (issue 6): thousands of seeded random gestures on the real MainWindow with
the extracted seed corpus — scrubbing, clicks on map places and empty sea, zooms, filters,
search, table rows, side-panel links, playback — and not one exception.

Any exception reaching ``sys.excepthook`` (Qt slots, virtual overrides) or logged at ERROR
(views that swallow a bug to stay alive) fails the test, with the seed and the last actions
to replay it: ``DATELINE_MONKEY_SEED=<seed> pytest tests/gui/test_monkey.py``.
"""
from __future__ import annotations

import logging
import os
import random
import socket
import sys
import traceback
from collections import deque

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

N_ACTIONS = int(os.environ.get("DATELINE_MONKEY_ACTIONS", "2000"))
SEED = int(os.environ.get("DATELINE_MONKEY_SEED", "20170318"))
WORDS = ["Tillerson", "wang yi", "Beijing", "north korea", "sanctions", "", " ", "xyz-nothing",
         "“", "<img src=x>", "a" * 300, "Seoul Tokyo", "ß", "北京", "(", "[", "\\", "*", "%"]


class Monkey:
    """Random gestures on one window; each returns a short description for the replay log."""

    def __init__(self, window, qtbot, rng: random.Random):
        self.w, self.qtbot, self.rng = window, qtbot, rng
        self.tl = window.timeline
        span = window.state.store.time_range() or (pd.Timestamp("2017-03-01"),
                                                     pd.Timestamp("2017-04-01"))
        self.t0, self.t1 = span[0] - pd.Timedelta(days=30), span[1] + pd.Timedelta(days=30)
        self.places = list(window.state.store.places["place"]) if hasattr(
            window.state.store, "places") and "place" in window.state.store.places else []
        self.actions = [(self.scrub, 14), (self.drag_timeline, 6), (self.click_map, 8),
                        (self.click_place, 8), (self.wheel_map, 5), (self.wheel_timeline, 4),
                        (self.timeline_button, 8), (self.toggle_filter, 6), (self.search, 5),
                        (self.table, 8), (self.panel_link, 8), (self.play, 5), (self.keys, 5),
                        (self.map_buttons, 3), (self.lanes, 3), (self.hover, 4),
                        (self.resize, 1), (self.theme, 1)]
        self.weights = [w for _, w in self.actions]

    def step(self) -> str:
        action = self.rng.choices(self.actions, self.weights)[0][0]
        return action()

    def _time(self) -> pd.Timestamp:
        return self.t0 + (self.t1 - self.t0) * self.rng.random()

    def _viewport_point(self, widget) -> QPoint:
        rect = widget.rect()
        return QPoint(self.rng.randrange(max(rect.width(), 1)),
                      self.rng.randrange(max(rect.height(), 1)))

    # -- timeline ---------------------------------------------------------------------
    def scrub(self) -> str:
        a = self._time()
        b = a + pd.Timedelta(hours=self.rng.choice([1, 24, 72, 24 * 20, 24 * 400]))
        x0, x1 = a.timestamp(), b.timestamp()
        region = self.tl.plots.region
        for k in range(self.rng.randint(1, 2)):            # a live drag: one or two moves
            shift = k * 3600 * self.rng.randint(0, 48)
            region.setRegion((x0 + shift, x1 + shift))
        if self.rng.random() < 0.5:
            region.sigRegionChangeFinished.emit(region)      # mouse released
        return f"scrub {a} .. {b}"

    def drag_timeline(self) -> str:
        view = self.tl.plots.viewport()
        p, q = self._viewport_point(view), self._viewport_point(view)
        self.qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=p)
        self.qtbot.mouseMove(view, pos=(p + q) / 2)
        self.qtbot.mouseMove(view, pos=q)
        self.qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=q)
        return f"drag timeline {p.toTuple()} -> {q.toTuple()}"

    def wheel_timeline(self) -> str:
        return self._wheel(self.tl.plots.viewport(), "timeline")

    def timeline_button(self) -> str:
        choice = self.rng.randrange(8)
        if choice == 0:
            self.tl.zoom(self.rng.choice([0.25, 0.5, 2.0, 4.0]))
        elif choice == 1:
            self.tl.fit()
        elif choice == 2:
            self.tl.clear_window()
        elif choice in (3, 4):
            self.tl.step(self.rng.choice([-1, 1]))
        elif choice == 5:
            self.tl.jump_to(self._time())
        elif choice == 6:
            self.tl.cumulative_box.toggle()   # a checkable action in the Options menu
        else:
            self.tl.speed_combo.setCurrentIndex(self.rng.randrange(self.tl.speed_combo.count()))
        return f"timeline control {choice}"

    def play(self) -> str:
        self.tl.toggle_play()
        self.qtbot.wait(self.rng.choice([0, 5, 45]))        # let some ticks run
        return f"play/pause (playing={self.tl.playing})"

    def lanes(self) -> str:
        combo = self.tl.lane_combo
        combo.setCurrentIndex(self.rng.randrange(combo.count()))
        return f"lanes {combo.currentText()}"

    # -- map --------------------------------------------------------------------------
    def click_map(self) -> str:
        if not self.w.map_ok:
            return "no map"
        view = self.w.map_view.plot.viewport()
        pos = self._viewport_point(view)
        if self.rng.random() < 0.2:
            self.qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=pos)
        else:
            self.qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
        return f"click map at {pos.toTuple()}"

    def click_place(self) -> str:
        if not self.w.map_ok or not self.places:
            return "no map"
        view = self.w.map_view
        name = self.rng.choice(self.places)
        scene = view.place_scene_pos(name)
        if scene is None:
            return f"place {name} not shown"
        pos = view.plot.mapFromScene(scene)
        self.qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        return f"click place {name}"

    def wheel_map(self) -> str:
        if not self.w.map_ok:
            return "no map"
        return self._wheel(self.w.map_view.plot.viewport(), "map")

    def map_buttons(self) -> str:
        if not self.w.map_ok:
            return "no map"
        view = self.w.map_view
        button = self.rng.choice([view.reset_button, view.world_button])
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return f"map button {button.text()}"

    def hover(self) -> str:
        widget = self.rng.choice([self.tl.plots.viewport()] + (
            [self.w.map_view.plot.viewport()] if self.w.map_ok else []))
        pos = self._viewport_point(widget)
        self.qtbot.mouseMove(widget, pos=pos)
        return f"hover {pos.toTuple()}"

    def _wheel(self, widget, what: str) -> str:
        pos = QPointF(self._viewport_point(widget))
        delta = self.rng.choice([-360, -120, 120, 360])
        event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                            QPoint(0, delta), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(widget, event)
        return f"wheel {what} {delta} at {pos.toTuple()}"

    # -- filters, search, list, panel ------------------------------------------------
    def toggle_filter(self) -> str:
        button = self.rng.choice(self.w.filter_buttons)
        if button.menu() is None:           # a plain toggle ("★ Starred")
            button.click()
            return f"filter {button.text()}: {'on' if button.isChecked() else 'off'}"
        button.menu().aboutToShow.emit()
        actions = [a for a in button.menu().actions() if not a.isSeparator()]
        if not actions:
            return f"filter {button.label}: empty"
        action = self.rng.choice(actions)
        action.trigger()
        return f"filter {button.label}: {action.text()}"

    def search(self) -> str:
        text = self.rng.choice(WORDS)
        self.w.search.setText(text)
        if self.rng.random() < 0.7:
            self.w.search.apply()
        return f"search {text[:20]!r}"

    def table(self) -> str:
        table = self.w.event_table
        table.flush()
        rows = table.view.model().rowCount()
        choice = self.rng.randrange(4)
        if choice == 0 and rows:
            table.view.selectRow(self.rng.randrange(rows))
        elif choice == 1:
            table.view.sortByColumn(self.rng.randrange(table.view.model().columnCount()),
                                    self.rng.choice([Qt.SortOrder.AscendingOrder,
                                                     Qt.SortOrder.DescendingOrder]))
        elif choice == 2:
            table.filter_edit.setText(self.rng.choice(WORDS[:8]))
        elif rows:
            index = table.view.model().index(self.rng.randrange(rows), 1)
            table.view.doubleClicked.emit(index)            # opens the article viewer
        return f"table {choice} ({rows} rows)"

    def panel_link(self) -> str:
        panel = self.w.side_panel
        panel.flush()
        anchors = [f"event:{e}" for e in panel.shown_events[:20]]
        anchors += [f"open:statement:{s}" for s in panel.shown_statements[:20]]
        anchors += [f"open:mention:{e}:0" for e in panel.shown_events[:5]]
        anchors += ["place:" + p for p in self.places[:10]] + ["event:no-such-id",
                                                                "open:statement:nope"]
        anchor = self.rng.choice(anchors)
        panel.activate(anchor)
        return f"panel link {anchor}"

    def keys(self) -> str:
        key, mods = self.rng.choice([
            (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
            (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier),
            (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
            (Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier),
            (Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier
             | Qt.KeyboardModifier.ShiftModifier)])
        target = self.rng.choice([self.w, self.w.map_view, self.tl.plots])
        self.qtbot.keyClick(target, key, mods)
        return f"key {key.name}+{mods}"

    def resize(self) -> str:
        size = (self.rng.randint(700, 1600), self.rng.randint(500, 1000))
        self.w.resize(*size)
        return f"resize {size}"

    def theme(self) -> str:
        self.w.set_dark(not self.w.act_dark.isChecked())
        return "toggle theme"


def check_consistency(window, settle, where: str = "", recent=()) -> None:
    """Every view shows the one state (after debounced redraws are flushed)."""
    settle(window)
    result = window.state.result
    problems = []
    rows, n_events = window.event_table.model.rowCount(), len(result.events)
    list_filtered = bool(window.event_table.filter_edit.text().strip())   # the list's own box
    if rows > n_events or (rows != n_events and not list_filtered):
        problems.append(f"event list shows {rows} rows, the state has {n_events} events")
    if not set(window.side_panel.shown_statements) <= set(result.statements["id"]):
        problems.append("side panel shows statements outside the selection")
    if not set(window.side_panel.shown_events) <= set(result.events["id"]):
        problems.append("side panel shows events outside the selection")
    if problems:
        pytest.fail(f"{where}: {'; '.join(problems)}\nselection: {result.selection}\n"
                    "last actions:\n" + "\n".join(recent))


@pytest.fixture
def offline(monkeypatch, caplog):
    """No network (the app is offline by default), no blocking dialogs, ERROR logs recorded."""
    def refuse(*_args, **_kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    caplog.set_level(logging.ERROR)
    # A modal dialog would wait forever offscreen: answer it at once instead.
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)
    for kind in ("getSaveFileName", "getOpenFileName", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, kind, lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")


def capture_excepthook(seen: list[str]):
    """Record exceptions reaching sys.excepthook (Qt slots and overrides), then pass them on
    to the hook in place (pytest-qt's, which also fails the test). Returns the restorer."""
    previous = sys.excepthook

    def hook(kind, value, tb):
        seen.append("".join(traceback.format_exception(kind, value, tb)))
        previous(kind, value, tb)

    sys.excepthook = hook
    return lambda: setattr(sys, "excepthook", previous)


def run_monkey(window, qtbot, settle, caplog, n_actions: int, seed: int) -> set[str]:
    """Run the gestures; fail with the seed and the last actions on the first exception.
    Returns the kinds of gesture performed."""
    monkey = Monkey(window, qtbot, random.Random(seed))
    recent: deque[str] = deque(maxlen=25)
    kinds: set[str] = set()
    errors: list[str] = []
    restore = capture_excepthook(errors)
    try:
        for i in range(n_actions):
            try:
                recent.append(f"{i}: {monkey.step()}")
            except Exception:
                pytest.fail(f"seed {seed}, action {i} raised:\n{traceback.format_exc()}\n"
                            "last actions:\n" + "\n".join(recent))
            kinds.add(recent[-1].split(": ", 1)[1].split()[0])
            if i % 3 == 0:                    # repaint now and then (paints coalesce)
                QApplication.processEvents()
            if i % 25 == 0:
                qtbot.wait(1)                 # debounce timers fire now and then
            if i % 250 == 0:
                check_consistency(window, settle, f"seed {seed}, after action {i}", recent)
            logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
            if errors or logged:
                detail = errors[0] if errors else f"{logged[0].getMessage()}\n{logged[0].exc_text}"
                pytest.fail(f"seed {seed}, action {i}: {detail}\nlast actions:\n"
                            + "\n".join(recent))
        window.timeline.stop()
        check_consistency(window, settle, f"seed {seed}, at the end", recent)
    finally:
        restore()
    return kinds


def test_monkey(make_window, seed_store, qtbot, settle, offline, caplog):
    window = make_window(seed_store)
    settle(window)
    assert len(window.state.store.events) > 5, "the monkey needs the real seed corpus"
    kinds = run_monkey(window, qtbot, settle, caplog, N_ACTIONS, SEED)
    assert len(kinds) >= 12, f"the monkey only exercised {sorted(kinds)}"


@pytest.mark.parametrize("corpus", ["empty", "one undated statement", "one event"])
def test_monkey_on_tiny_corpora(make_window, qtbot, settle, offline, caplog, corpus):
    """Edge cases that break views: no rows at all, nothing dated, a single point in time."""
    from dateline.model.store import EventStore
    doc = {"schema": "dateline/1", "events": [], "statements": [],
           "articles": [{"id": "a", "path": "", "title": "A", "outlet": None,
                         "published": None, "published_source": "unknown"}]}
    if corpus == "one undated statement":
        doc["statements"] = [{"id": "s", "speaker": "Wang Yi", "text": "We", "direct": True,
                              "article": "a", "start": 1, "end": 3, "sentence_start": 0,
                              "sentence_end": 4, "date_start": None, "date_end": None,
                              "precision": None, "place": None, "event": None}]
    elif corpus == "one event":
        doc["events"] = [{"id": "e", "type": "visit", "summary": "Visit", "precision": "day",
                          "date_start": "2017-03-18", "date_end": "2017-03-18",
                          "place": {"name": "Seoul", "lat": 37.57, "lon": 126.98},
                          "actors": ["Rex Tillerson"],
                          "mentions": [{"article": "a", "start": 0, "end": 4, "text": "\"We\" "}]}]
    window = make_window(EventStore.from_document(doc, texts={"a": "\"We\" said."}))
    settle(window)
    run_monkey(window, qtbot, settle, caplog, 300, SEED)
