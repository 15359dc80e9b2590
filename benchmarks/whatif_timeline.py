"""What-if: the timeline's scrub cost with "static faded layer + small in-window overlay".

Evidence for recommendation 1 of docs/performance.md, not app code: it patches
``TimelinePlots.restyle`` in this process only and times the timeline alone (restyle +
paint) on N synthetic events, before and after.

    QT_QPA_PLATFORM=offscreen python benchmarks/whatif_timeline.py 100000
"""
from __future__ import annotations

import os
import sys
import time

import _common  # noqa: F401  (sets sys.path)
import numpy as np
import pyqtgraph as pg
from _common import emit, ms_stats

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def overlay_restyle(self, in_result: np.ndarray) -> None:
    """Faded markers/spans drawn once per layout (one item per type, one brush each, cached
    as a pixmap); each scrub only refills the overlay with the in-window items."""
    from dateline._qt.timeline_plot import _brush, _pen
    data = self.layout_data
    if data is None or len(data) == 0:
        return ORIGINAL(self, in_result)
    if getattr(self, "_static_for", None) is not data:
        for item in getattr(self, "_static_items", []):
            self.lanes.removeItem(item)
        self._static_items = []
        sizes = np.clip(7 + 3 * (data.n_sources - 1), 7, 19)
        for t in np.unique(data.types):
            pts = (data.types == t) & ~data.is_span
            sp = (data.types == t) & data.is_span
            if pts.any():
                item = pg.ScatterPlotItem(x=data.xmid[pts], y=data.y[pts], size=sizes[pts],
                                          brush=_brush(t, 70), pen=None, pxMode=True)
                self._static_items.append(item)
            if sp.any():
                item = pg.BarGraphItem(x0=data.x0[sp], x1=data.x1[sp], y0=data.y[sp] - 0.07,
                                       y1=data.y[sp] + 0.07, brush=_brush(t, 40), pen=None)
                self._static_items.append(item)
        for item in self._static_items:
            item.setCacheMode(item.CacheMode.DeviceCoordinateCache)
            item.setZValue(-5)
            self.lanes.addItem(item)
        self._static_for = data
    if not getattr(self, "_overlays", None):       # one overlay pair per type, reused
        self._overlays = {}
        for t in np.unique(data.types):
            dots = pg.ScatterPlotItem(brush=_brush(t, 230), pen=None, pxMode=True)
            bars = pg.BarGraphItem(x0=[0], x1=[0], y0=[0], y1=[0], brush=_brush(t, 120),
                                   pen=_pen(t, 230))
            for item in (dots, bars):
                self.lanes.addItem(item)
            self._overlays[t] = (dots, bars)
        self.points.setData([], [])
        self.spans.setOpts(x0=[0], x1=[0], y0=[0], y1=[0], brushes=None, pens=None)
    for t, (dots, bars) in self._overlays.items():
        of_type = in_result & (data.types == t)
        on, sp = of_type & ~data.is_span, of_type & data.is_span
        dots.setData(x=data.xmid[on], y=data.y[on], data=data.ids[on],
                     size=np.clip(7 + 3 * (data.n_sources[on] - 1), 7, 19))
        if sp.any():
            bars.setOpts(x0=data.x0[sp], x1=data.x1[sp], y0=data.y[sp] - 0.08,
                         y1=data.y[sp] + 0.08)
        else:
            bars.setOpts(x0=[0], x1=[0], y0=[0], y1=[0])

ORIGINAL = None


def measure(n: int, steps: int, patched: bool) -> dict:
    from bench_gui import _load_store
    from bench_store import scrub_windows
    from dateline._qt import timeline_plot
    from dateline._qt.app import make_app
    from dateline._qt.state import AppState
    from dateline._qt.timeline import TimelineView
    global ORIGINAL
    ORIGINAL = timeline_plot.TimelinePlots.restyle
    if patched:
        timeline_plot.TimelinePlots.restyle = overlay_restyle
    app = make_app([])
    state = AppState(_load_store(n))
    view = TimelineView(state)
    view.resize(1400, 330)
    view.show()
    app.processEvents()
    view._restyle()
    app.processEvents()
    times = []
    for w in scrub_windows(steps):
        t = time.perf_counter()
        state.update(window=w)
        view._restyle_timer.stop()
        view._restyle()                       # the debounced restyle, done now
        app.sendPostedEvents()
        app.processEvents()                   # paint
        times.append(time.perf_counter() - t)
    return {"n_events": n, "patched": patched, "step": ms_stats(times)}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    emit(measure(n, 30, patched="--patched" in sys.argv))
    sys.stdout.flush()
    os._exit(0)
