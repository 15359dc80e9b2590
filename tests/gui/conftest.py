"""GUI test fixtures. Qt must run offscreen: set the platform before anything imports Qt."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DATELINE_NO_SAMPLE", "1")
if "DATELINE_CACHE_DIR" not in os.environ:      # never read or write the user's cache
    import tempfile
    os.environ["DATELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="dateline-test-cache-")

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"
MANIFEST = ROOT / "data" / "manifest.csv"


@pytest.fixture(autouse=True)
def _themed(qapp):
    from dateline._qt import theme
    theme.apply(qapp, "light")
    theme.setup_fonts(qapp)
    yield


@pytest.fixture
def settings(tmp_path):
    """Private QSettings per test, so tests never touch (or read) the user's settings."""
    from PySide6.QtCore import QSettings
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def seed_document():
    """The real extraction of the seed corpus (no hand-typed events)."""
    from dateline.corpus import load_corpus
    try:
        from dateline.extract import extract_corpus
    except ImportError as exc:               # extraction is built in parallel
        pytest.skip(f"extraction not available yet: {exc}")
    load = load_corpus([ARTICLES], manifest=MANIFEST)
    assert load.articles, "seed corpus missing"
    return extract_corpus(load.articles, cache=False), {a.id: a.text for a in load.articles}


@pytest.fixture
def seed_store(seed_document):
    from dateline.model.store import EventStore
    doc, texts = seed_document
    return EventStore.from_document(doc, texts=texts)


@pytest.fixture
def synthetic_store():
    from dateline.model.synthetic import synthetic_store
    return synthetic_store(n_events=300, n_articles=40, seed=7)


@pytest.fixture
def make_window(qtbot, settings):
    """make_window(store) -> a shown 1400x900 MainWindow holding ``store``."""
    from dateline._qt.main_window import MainWindow

    def make(store=None):
        window = MainWindow(settings=settings)
        qtbot.addWidget(window)
        if store is not None:
            window.load_store(store)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        return window
    return make


@pytest.fixture
def settle(qtbot):
    """settle(window): flush debounced redraws (panel, list) before asserting."""
    def flush(window):
        qtbot.wait(10)
        window.side_panel.flush()
        window.event_table.flush()
    return flush


@pytest.fixture
def click_place(qtbot):
    """click_place(window, name): click the place's marker on the map like a user would."""
    from PySide6.QtCore import Qt

    def click(window, name):
        assert window.map_ok, "map view failed to build"
        view = window.map_view
        qtbot.waitUntil(lambda: view.place_scene_pos(name) is not None, timeout=3000)
        point = view.plot.mapFromScene(view.place_scene_pos(name))
        qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.waitUntil(lambda: window.state.selection.place == name, timeout=3000)
    return click


@pytest.fixture
def seed_window(make_window, seed_store, settle):
    """The main window on the real extraction of the seed corpus, settled."""
    window = make_window(seed_store)
    settle(window)
    return window


@pytest.fixture
def bundled_sample(tmp_path, monkeypatch):
    """The bundled articles with a private extraction cache folder, and a builder of a
    one-event document over them (Wang Yi meets in Beijing on 18 March 2017):
    (folder, manifest, articles, make_doc(summary, mentions))."""
    from dateline import paths
    from dateline.corpus import load_corpus
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    folder, manifest = paths.bundled_articles_dir(), paths.bundled_manifest()
    articles = load_corpus([folder], manifest=manifest).articles

    def make_doc(summary: str, mentions: list) -> dict:
        return {"schema": "dateline/1",
                "articles": [{"id": a.id, "path": "", "title": "", "outlet": "Reuters",
                              "published": a.published.isoformat() if a.published else None,
                              "published_source": "manifest", "text_sha256": a.sha256}
                             for a in articles],
                "events": [{"id": "e1", "type": "meeting", "summary": summary,
                            "date_start": "2017-03-18", "date_end": "2017-03-18",
                            "precision": "day", "place": {"name": "Beijing", "lat": 39.9,
                                                          "lon": 116.4},
                            "actors": ["Wang Yi"], "mentions": mentions}],
                "statements": []}
    return folder, manifest, articles, make_doc
