"""app.create_window: a document dict, a document file, or paths start the right loading."""
import json

from dateline._qt.app import create_window, make_app
from dateline.model.synthetic import synthetic_document


def test_document_dict_loads_immediately(qtbot, settings):
    make_app()
    window = create_window(document=synthetic_document(50), settings=settings)
    qtbot.addWidget(window)
    assert len(window.state.store.events) == 50
    assert window.self_test() == []


def test_document_file_loads_in_worker(qtbot, settings, tmp_path):
    path = tmp_path / "events.json"
    path.write_text(json.dumps(synthetic_document(30)), encoding="utf-8")
    window = create_window(document=path, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.state.store.events) == 30, timeout=10000)
    assert window.windowTitle().startswith("events.json")


def test_corrupt_document_shows_one_line_message(qtbot, settings, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    window = create_window(document=path, settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "broken.json" in shown[0] and "\n" not in shown[0]
    assert not window.progress.isVisible()
