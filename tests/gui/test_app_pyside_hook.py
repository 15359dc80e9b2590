"""The cheaper PySide6 feature-scan check gives PySide's own answers, installs once, and
leaves PySide alone when its internals are not where expected."""
import importlib.util
import sys

import pytest

import PySide6.QtCore  # noqa: F401  (installs PySide's import hook)
from dateline._qt import pyside_hook

feature = pytest.importorskip("shibokensupport.feature")


def _load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def original(monkeypatch):
    """PySide's own check (unwrapped), restored after the test."""
    current = feature._mod_uses_pyside
    own = current.__wrapped__ if getattr(current, pyside_hook._MARK, False) else current
    monkeypatch.setattr(feature, "_mod_uses_pyside", own)
    return own


def test_same_answers_as_pyside(original, tmp_path):
    (tmp_path / "uses_qt.py").write_text("# built on PySide6 widgets\nX = 1\n")
    (tmp_path / "plain.py").write_text("X = 'no Qt here'\n")
    modules = [sys, importlib.import_module("dateline._qt.theme"),
               importlib.import_module("dateline.model.store"), importlib.import_module("numpy"),
               importlib.import_module("numpy._core._multiarray_umath"),      # an extension
               _load(tmp_path / "uses_qt.py", "uses_qt"), _load(tmp_path / "plain.py", "plain")]
    expected = [original(m) for m in modules]
    assert expected[1] and expected[5] and not expected[2] and not expected[6]   # sanity
    assert pyside_hook.speed_up_feature_scan()
    fast = feature._mod_uses_pyside
    assert fast is not original
    assert [fast(m) for m in modules] == expected
    (tmp_path / "plain.py").unlink()                    # a vanished file: PySide decides
    assert fast(modules[6]) == original(modules[6]) is False


def test_installs_once(original):
    assert pyside_hook.speed_up_feature_scan()
    first = feature._mod_uses_pyside
    assert pyside_hook.speed_up_feature_scan()
    assert feature._mod_uses_pyside is first


def test_missing_internals_change_nothing(original, monkeypatch):
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert not pyside_hook.speed_up_feature_scan()
    assert feature._mod_uses_pyside is original
