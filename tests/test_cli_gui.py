"""``dateline`` with no arguments opens the sample through the fast start-up path; ``open``
passes its paths on (the GUI itself is stubbed: these tests never build a window)."""
from pathlib import Path

import pytest

from dateline import cli


@pytest.fixture
def calls(monkeypatch):
    pytest.importorskip("PySide6")
    from dateline._qt import app
    seen = []
    monkeypatch.setattr(app, "run_gui", lambda **kwargs: seen.append(kwargs) or 0)
    return seen


def test_no_arguments_open_the_sample_from_its_cache(calls):
    assert cli.main([]) == 0
    assert calls == [{"sample": True}]


def test_gui_main_is_the_same_as_no_arguments(calls):
    assert cli.gui_main() == 0
    assert calls == [{"sample": True}]


def test_open_passes_paths_and_manifest(calls, tmp_path):
    manifest = tmp_path / "m.csv"
    assert cli.main(["open", str(tmp_path), "--manifest", str(manifest)]) == 0
    assert calls == [{"paths": [Path(tmp_path)], "manifest": manifest}]
