"""Start-up on the bundled sample: the window is built around the cached store (no empty
store drawn first, no worker), the rules check runs off the GUI thread, and a stale cache
still gets re-extracted unless the user opened something else meanwhile."""
import threading

import pytest
from dateline import paths
from dateline._qt import app as app_mod
from dateline._qt import quick_open
from dateline._qt.worker import call_in_background
from dateline.model.store import EventStore


@pytest.fixture
def cached_sample(bundled_sample, monkeypatch):
    """A one-event sample cache for the bundled articles, in a private cache folder."""
    monkeypatch.delenv("DATELINE_NO_SAMPLE", raising=False)
    folder, manifest, _, make_doc = bundled_sample
    assert quick_open.save(EventStore.from_document(make_doc("talks", [])), folder, manifest)
    return folder, manifest


def _window(qtbot, settings, **kwargs):
    window = app_mod.create_window(settings=settings, **kwargs)
    qtbot.addWidget(window)
    return window


def test_window_is_built_around_the_cached_sample(cached_sample, qtbot, settings, monkeypatch):
    started, empties = [], []
    monkeypatch.setattr(app_mod, "_extract_sample", lambda *a: started.append(a))
    monkeypatch.setattr(EventStore, "empty", classmethod(lambda cls: empties.append(1)))
    window = _window(qtbot, settings)
    assert empties == []                                      # no empty store drawn first
    assert list(window.state.store.events["id"]) == ["e1"]    # at once: no worker
    assert window.windowTitle() == "Sample corpus — Dateline"
    assert "1 event" in window.counts_label.text()            # the views drew it
    assert window.timeline.plots.layout_data is not None and len(window.timeline.plots.layout_data)
    assert not window.runner.busy
    qtbot.wait(800)                                           # the rules check ran: fresh
    assert started == [] and list(window.state.store.events["id"]) == ["e1"]


def test_stale_rules_re_extract_the_sample(cached_sample, qtbot, settings, monkeypatch):
    started, threads = [], []
    monkeypatch.setattr(app_mod, "_extract_sample", lambda *a: started.append(a))

    def stale(_fingerprint):
        threads.append(threading.current_thread())
        return False
    monkeypatch.setattr(quick_open, "is_current", stale)
    window = _window(qtbot, settings)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    assert threads and threads[0] is not threading.main_thread()   # off the GUI thread
    assert started[0][0] is window


def test_stale_check_leaves_a_store_the_user_opened_meanwhile(cached_sample, qtbot, settings,
                                                              monkeypatch):
    from dateline.model.synthetic import synthetic_document
    started, checked = [], []
    monkeypatch.setattr(app_mod, "_extract_sample", lambda *a: started.append(a))
    monkeypatch.setattr(quick_open, "is_current", lambda _f: checked.append(1) or False)
    window = _window(qtbot, settings)
    window.load_store(EventStore.from_document(synthetic_document(5)))
    qtbot.waitUntil(lambda: bool(checked), timeout=5000)
    qtbot.wait(50)
    assert started == [] and len(window.state.store.events) == 5


def test_explicit_sample_ignores_the_test_switch(qtbot, settings, monkeypatch):
    monkeypatch.setenv("DATELINE_NO_SAMPLE", "1")
    built = []
    monkeypatch.setattr(app_mod, "_sample_window", lambda s: built.append(s) or "window")
    assert app_mod.create_window(settings=settings, sample=True) == "window"
    assert built == [settings]
    window = _window(qtbot, settings)                          # implicit: switched off
    assert window.state.store.events.empty and built == [settings]


def test_without_a_cache_the_sample_is_extracted_and_cached(tmp_path, qtbot, settings,
                                                            monkeypatch):
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    opened = []
    from dateline._qt.main_window import MainWindow
    monkeypatch.setattr(MainWindow, "open_paths", lambda self, p, m=None: opened.append((p, m)))
    window = _window(qtbot, settings, sample=True)
    assert opened == [([paths.bundled_articles_dir()], paths.bundled_manifest())]
    assert window.state.store.events.empty


def test_call_in_background_delivers_in_the_gui_thread(qtbot):
    from PySide6.QtCore import QObject
    owner, got = QObject(), []
    call_in_background(lambda: threading.current_thread(),
                       lambda worker: got.append((worker, threading.current_thread())), owner)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    worker, receiver = got[0]
    assert worker is not threading.main_thread() and receiver is threading.main_thread()


def test_call_in_background_drops_failures_and_deleted_owners(qtbot, caplog):
    from PySide6.QtCore import QObject
    got, gate = [], threading.Event()

    def boom():
        raise RuntimeError("broken")
    call_in_background(boom, got.append, QObject())
    owner = QObject()
    call_in_background(lambda: gate.wait(5) and "late", got.append, owner)
    owner.deleteLater()
    qtbot.wait(20)                      # the owner (a closed window) is gone...
    gate.set()                          # ...before the result comes back
    qtbot.wait(200)
    assert got == []
    assert "background call failed" in caplog.text
