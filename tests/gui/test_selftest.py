"""--self-test and the screenshot tool: they pass on the sample corpus and can fail."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from dateline._qt.selftest import distinct_colours, run_self_test


def test_self_test_passes_on_sample_corpus(qapp):
    assert run_self_test() == []
    assert not QApplication.topLevelWidgets() or all(
        not w.isVisible() for w in QApplication.topLevelWidgets()), "self-test left a window open"


def test_self_test_reports_an_empty_corpus_without_hanging(qapp, tmp_path):
    problems = run_self_test([tmp_path], None, timeout_s=60)
    text = "\n".join(problems)
    assert "no events were extracted" in text
    assert "timeline shows no events" in text
    assert "no readable articles" in text            # the app's own message, from its dialog
    assert QApplication.activeModalWidget() is None  # the dialog was closed, not left modal


def test_self_test_reports_a_bundle_without_resources(qapp, tmp_path, monkeypatch):
    """A bundle that forgot resources/ (icons, map, gazetteer) must not pass."""
    shutil.copytree(pytest.importorskip("dateline.paths").data_dir(), tmp_path / "data")
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path))
    try:
        problems = run_self_test()
    finally:
        monkeypatch.undo()
        from dateline._qt.icons import app_icon
        qapp.setWindowIcon(app_icon())               # later tests expect the real icon
    assert any("icon missing" in p for p in problems), problems


def test_self_test_reports_a_missing_sample_corpus(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path))
    assert run_self_test() == [f"sample corpus missing: {tmp_path / 'data' / 'articles'}"]


def test_distinct_colours_tells_blank_from_drawn(qapp):
    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(0)
    assert distinct_colours(blank) == 1
    drawn = blank.copy()
    for x in range(200):
        drawn.setPixel(x, x % 100, 0xFF000000 | (x * 997))
    assert distinct_colours(drawn, step=1) > 100


def test_screenshot_writes_a_png_of_the_requested_size(qapp, tmp_path, capsys):
    from dateline._qt import screenshot

    out = tmp_path / "shot.png"
    assert screenshot.main([str(out), "--size", "1280x760", "--dark"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 760)
    assert "(1280x760, dark)" in capsys.readouterr().out
    assert distinct_colours(image) > 50
    from dateline._qt import theme
    assert theme.current().name == "dark"
    theme.apply(qapp, "light")


def test_screenshot_says_when_the_window_is_larger_than_asked(qapp, tmp_path, capsys):
    from dateline._qt import screenshot

    out = tmp_path / "tiny.png"
    assert screenshot.main([str(out), "--size", "400x300", "--place", ""]) == 0
    image = QImage(str(out))
    printed = capsys.readouterr().out
    assert f"({image.width()}x{image.height()}" in printed
    assert image.width() > 400 and "minimum size" in printed


def test_screenshot_rejects_a_bad_size(capsys):
    from dateline._qt import screenshot

    with pytest.raises(SystemExit):
        screenshot.main(["out.png", "--size", "big"])
    assert "1400x900" in capsys.readouterr().err


def test_self_test_open_checks_the_given_events_file(qapp, tmp_path):
    """`dateline --self-test open events.json` checks that file, not the sample: an export
    can be re-opened and checked from a script."""
    import json
    import subprocess
    import sys
    full = tmp_path / "all.json"
    subprocess.run([sys.executable, "-m", "dateline.cli", "extract", "--no-cache", "-o", str(full)],
                   check=True, capture_output=True, timeout=300)
    doc = json.loads(full.read_text(encoding="utf-8"))
    doc["events"] = doc["events"][:3]
    part = tmp_path / "three.json"
    part.write_text(json.dumps(doc), encoding="utf-8")
    assert run_self_test([part], None, timeout_s=120) == []


def test_check_input_shown_reports_a_window_on_other_data(qapp, tmp_path):
    import json
    from types import SimpleNamespace

    import pandas as pd
    from dateline._qt.selftest import check_input_shown
    doc = {"schema": "dateline/1", "articles": [], "statements": [],
           "events": [{"id": f"e{i}", "type": "other", "summary": "x"} for i in range(4)]}
    path = tmp_path / "four.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    window = SimpleNamespace(state=SimpleNamespace(store=SimpleNamespace(
        events=pd.DataFrame({"id": ["a", "b"]}), articles=pd.DataFrame({"path": []}))))
    assert check_input_shown(window, [path]) == [f"{path}: 4 events in the file, 2 in the window"]
