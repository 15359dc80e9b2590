"""The Qt-free layers must import without PySide6 or pyqtgraph (testable, scriptable)."""
import subprocess
import sys

CHECK = """
import sys
import dateline.corpus, dateline.extract, dateline.model, dateline.geo
import dateline.model.store, dateline.model.selection, dateline.model.synthetic
import dateline.model.lanes, dateline.model.dates, dateline.model.export
import pkgutil, importlib
for pkg in (dateline.corpus, dateline.extract, dateline.model, dateline.geo):
    for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"))
print("QT:" + ",".join(bad))
"""


def test_qt_free_layers_do_not_import_qt():
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "QT:", proc.stdout
