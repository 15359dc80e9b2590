"""Sample corpus quick open: a cached merged document replaces the worker round trip."""
import pytest
from dateline._qt import quick_open
from dateline.model.store import EventStore


@pytest.fixture
def sample(bundled_sample):
    folder, manifest, articles, make_doc = bundled_sample
    doc = make_doc("<b>talks</b>", [{"article": articles[0].id, "start": 0, "end": 4,
                                     "text": articles[0].text[:4]}])
    return folder, manifest, EventStore.from_document(doc), articles


def test_saved_sample_loads_without_the_worker(sample):
    folder, manifest, store, articles = sample
    assert quick_open.load(folder, manifest) is None                 # nothing cached yet
    assert quick_open.save(store, folder, manifest)
    back, fingerprint = quick_open.load(folder, manifest)
    assert quick_open.is_current(fingerprint)
    assert list(back.events["id"]) == ["e1"]
    assert back.events["summary"].iloc[0] == "<b>talks</b>"          # data, not markup
    assert back.text_of(articles[0].id) == articles[0].text      # texts re-read


def test_stale_or_damaged_cache_is_ignored(sample, monkeypatch):
    folder, manifest, store, _ = sample
    assert quick_open.save(store, folder, manifest)
    from dateline.extract import cache as extract_cache
    _, fingerprint = quick_open.load(folder, manifest)
    with monkeypatch.context() as patch:
        patch.setattr(extract_cache, "rules_fingerprint", lambda: "other rules")
        assert not quick_open.is_current(fingerprint)                # rules changed: stale
    path = next(quick_open.cache_dir().glob("sample/*.json"))
    path.write_text('{"fingerprint": "x", "document": {"schema": "dateline/1", "events": 3}}',
                    encoding="utf-8")
    assert quick_open.load(folder, manifest) is None                 # invalid: ignored


def test_other_corpora_and_failed_extractions_are_not_cached(sample):
    folder, manifest, store, _ = sample
    doc = dict(store.document, articles=store.document["articles"][:1])
    assert not quick_open.save(EventStore.from_document(doc), folder, manifest)
    doc = dict(store.document, problems=[{"article": "a", "message": "failed"}])
    assert not quick_open.save(EventStore.from_document(doc), folder, manifest)
    assert not list(quick_open.cache_dir().glob("sample/*.json"))


def test_window_opens_the_cached_sample_at_once(sample, qtbot, tmp_path, monkeypatch):
    from dateline._qt.app import create_window
    from PySide6.QtCore import QSettings
    monkeypatch.delenv("DATELINE_NO_SAMPLE", raising=False)
    folder, manifest, store, _ = sample
    assert quick_open.save(store, folder, manifest)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=settings)
    qtbot.addWidget(window)
    assert list(window.state.store.events["id"]) == ["e1"]        # no worker round trip
    assert "Sample corpus" in window.windowTitle()
