"""Guard against the PySide6 6.12 / Python 3.11 abort (none_dealloc after ~hundreds of
repaints). Runs in a subprocess: an abort there fails this test instead of killing pytest."""
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from dateline._qt.state import AppState
    from dateline._qt.timeline.view import TimelineView
    from dateline.model.synthetic import synthetic_store
    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
    curve = plot.plot(pen="b")
    scatter = pg.ScatterPlotItem()
    plot.addItem(scatter)
    plot.resize(640, 360); plot.show()
    view = TimelineView(AppState(synthetic_store(200)))
    view.resize(900, 320); view.show()
    rng = np.random.default_rng(0)
    region = view.plots.region
    x0, x1 = region.getRegion()
    for i in range(REPAINTS):
        curve.setData(rng.normal(size=200))
        scatter.setData(rng.normal(size=50), rng.normal(size=50), brush=pg.mkBrush(i % 255, 80, 80))
        plot.repaint()
        shift = (x1 - x0) * (i % 50) / 50
        region.setRegion((x0 + shift, x0 + shift + (x1 - x0) / 5))
        view._restyle()
        view.repaint()
        app.processEvents()
    print("repainted", REPAINTS)
""")


def test_many_repaints_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT.replace("REPAINTS", "600")],
                          capture_output=True, text=True, timeout=600, env=env,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "repainted 600" in proc.stdout
