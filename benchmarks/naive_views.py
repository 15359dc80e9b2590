"""The naive baseline for a scrub step: what the views would cost written the obvious way.

Boolean masks over unsorted frames; every step clears the plots and creates new pyqtgraph
items (timeline markers for all events, faded outside the window; a histogram; one map
marker per place) and resets a plain list model with the events in the window.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QListView

from bench_store import naive_query

NS = 1_000_000_000


class NaiveViews:
    def __init__(self, store, size: tuple[int, int]):
        rng = np.random.default_rng(0)
        self.events = store.events.iloc[rng.permutation(len(store.events))]
        self.statements = store.statements.iloc[rng.permutation(len(store.statements))]
        dated = self.events["start"].notna().to_numpy()
        self.x = self.events["start"].to_numpy("datetime64[ns]").astype("int64")[dated] / NS
        lanes = self.events["place"].fillna("").astype("category").cat.codes.to_numpy()
        self.y = (lanes % 12)[dated].astype(float)
        self.starts = self.events["start"].to_numpy("datetime64[ns]")[dated]
        self.ends = self.events["end"].to_numpy("datetime64[ns]")[dated]
        self.coords = store.places.set_index("place")[["lat", "lon"]]
        self.timeline = pg.PlotWidget()
        self.hist = pg.PlotWidget()
        self.map = pg.PlotWidget()
        self.list = QListView()
        self.model = QStringListModel()
        self.list.setModel(self.model)
        w, h = size
        self.timeline.resize(w - 460, 260)
        self.hist.resize(w - 460, 80)
        self.map.resize(w - 460, h - 340)
        self.list.resize(460, 300)
        self.widgets = [self.timeline, self.hist, self.map, self.list]
        self.inside = pg.mkBrush(40, 90, 200, 230)
        self.outside = pg.mkBrush(40, 90, 200, 70)

    def show(self) -> None:
        for widget in self.widgets:
            widget.show()

    def update(self, window) -> None:
        ev, _st, counts = naive_query(self.events, self.statements, window)
        w0, w1 = np.datetime64(window[0], "ns"), np.datetime64(window[1], "ns")
        in_window = (self.starts < w1) & (self.ends > w0)
        self.timeline.clear()
        brushes = np.where(in_window, self.inside, self.outside).tolist()
        self.timeline.addItem(pg.ScatterPlotItem(x=self.x, y=self.y, brush=brushes, size=7,
                                                 pen=None))
        self.hist.clear()
        starts = self.x[in_window]
        if len(starts):
            counts_h, edges = np.histogram(starts, bins=120)
            self.hist.addItem(pg.BarGraphItem(x0=edges[:-1], x1=edges[1:], height=counts_h))
        self.map.clear()
        placed = counts[counts.index.isin(self.coords.index)]
        xy = self.coords.loc[placed.index]
        self.map.addItem(pg.ScatterPlotItem(x=xy["lon"].to_numpy(), y=xy["lat"].to_numpy(),
                                            size=np.clip(np.sqrt(placed.to_numpy()), 4, 30)))
        self.model.setStringList([str(s) for s in ev["summary"].tolist()])

    def paint(self, force: bool) -> None:
        if force:
            for widget in self.widgets:
                widget.grab()
