"""``pyside_hook.import_pyqtgraph``: pyqtgraph sees the same Qt names as after a plain
import, while only the Qt classes actually used get created at start-up.

Each check runs in a fresh interpreter: pyqtgraph can only be imported once per process.
"""
import json
import os
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("pyqtgraph")

NAMES = ["QPointF", "QRectF", "QTimer", "Signal", "Slot", "QGraphicsView", "QGraphicsObject",
         "QPainterPath", "QFileSystemModel", "QOpenGLWidget", "QAction", "QPalette",
         "NoSuchName"]

_PROBE = textwrap.dedent("""
    import json, sys
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
    lean = sys.argv[1] == "lean"
    if lean:
        from dateline._qt import pyside_hook
        pg = pyside_hook.import_pyqtgraph()
    else:
        import pyqtgraph as pg
    from pyqtgraph.Qt import QtCore, QtGui, QtWidgets
    from pyqtgraph.graphicsItems.BoxplotItem import QPointF       # "from mirror import"
    names = json.loads(sys.argv[2])
    out = {"made": len(PySide6.QtWidgets.__dict__), "dir": sorted(dir(QtWidgets)),
           "same": {}, "has": {}, "pyside_dir": len(dir(PySide6.QtWidgets))}
    for mod_name, mirror in (("QtCore", QtCore), ("QtGui", QtGui), ("QtWidgets", QtWidgets)):
        source = getattr(PySide6, mod_name)
        for name in names:
            key = f"{mod_name}.{name}"
            out["has"][key] = hasattr(mirror, name)
            if hasattr(mirror, name) and hasattr(source, name):
                out["same"][key] = getattr(mirror, name) is getattr(source, name)
    out["from_import"] = QPointF is PySide6.QtCore.QPointF
    out["stand_in"] = getattr(QtWidgets, "_dateline_lazy", False)
    out["file"] = QtWidgets.__file__
    app = pg.mkQApp()
    plot = pg.PlotWidget()
    plot.plot([1, 2, 3], [3, 1, 2])
    out["plot"] = len(plot.getPlotItem().listDataItems())
    out["grab"] = not plot.grab().isNull()
    print(json.dumps(out))
""")


def _probe(mode: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _PROBE, mode, json.dumps(NAMES)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def probes():
    return _probe("plain"), _probe("lean")


def test_same_names_same_objects(probes):
    plain, lean = probes
    assert lean["has"] == plain["has"]
    assert lean["same"] == plain["same"]
    assert all(lean["same"].values())            # every name is PySide's own object
    assert not lean["has"]["QtCore.NoSuchName"]
    assert lean["from_import"]
    assert lean["stand_in"] and not plain["stand_in"]
    assert lean["file"] == plain["file"]
    public = {name for name in plain["dir"] if not name.startswith("__")}
    assert public <= set(lean["dir"])              # dir() still lists every Qt name


def test_fewer_qt_classes_created(probes):
    plain, lean = probes
    # A plain import creates every QtWidgets class; the lean one only those used so far.
    assert plain["made"] >= plain["pyside_dir"] * 0.9
    assert lean["made"] < plain["made"] * 0.6
    assert lean["pyside_dir"] == plain["pyside_dir"]     # PySide's dir() was restored


def test_pyqtgraph_still_plots(probes):
    plain, lean = probes
    assert lean["plot"] == plain["plot"] == 1
    assert lean["grab"] and plain["grab"]


def test_already_imported_is_a_plain_import():
    import pyqtgraph

    from dateline._qt import pyside_hook
    assert pyside_hook.import_pyqtgraph() is pyqtgraph


def test_only_empty_mirror_files_are_stood_in_for(tmp_path, monkeypatch):
    import importlib.util

    from dateline._qt import pyside_hook
    assert pyside_hook._empty_mirrors() is not None  # the installed pyqtgraph: empty files
    package = tmp_path / "pyqtgraph"
    for name in ("QtCore", "QtGui", "QtWidgets"):
        (package / "Qt" / name).mkdir(parents=True)
        (package / "Qt" / name / "__init__.py").write_text("# mirror\n")
    spec = importlib.util.spec_from_file_location(
        "pyqtgraph", package / "__init__.py", submodule_search_locations=[str(package)])
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    assert pyside_hook._empty_mirrors() == package / "Qt"   # comments only: no code
    (package / "Qt" / "QtGui" / "__init__.py").write_text("from PySide6.QtGui import *\n")
    assert pyside_hook._empty_mirrors() is None      # code there: import it as it comes


@pytest.mark.parametrize("plain", ["", "1"])
def test_plain_imports_switch_turns_the_shortcuts_off(plain):
    """DATELINE_PLAIN_IMPORTS=1 is the way out if a PySide/pyqtgraph upgrade breaks the
    start-up shortcuts: the app then imports pyqtgraph the plain way."""
    probe = ("import sys, dateline._qt.app; "
             "print(getattr(sys.modules['pyqtgraph.Qt.QtWidgets'], '_dateline_lazy', False))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DATELINE_PLAIN_IMPORTS=plain)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ("False" if plain else "True")
