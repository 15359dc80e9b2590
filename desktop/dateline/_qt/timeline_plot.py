"""The pyqtgraph items of the timeline: lanes of events, spans, histogram, scrubber.

Items are created once and refilled with ``setData``/``setOpts`` (never recreated per scrub).
x is float seconds since the epoch, UTC (``DateAxisItem(utcOffset=0)``: no local-time drift).
"""
from __future__ import annotations

import html
from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics

from dateline._qt import theme
from dateline._qt.date_axis import UtcDateAxis
from dateline.model import lanes as lanes_mod
from dateline.model.dates import describe

DAY = 86400.0
LANE_HEIGHT_PX = 22          # minimum readable lane pitch; more lanes than fit go to "Other"


def _colour(event_type: str, alpha: int) -> QColor:
    c = theme.type_colour(event_type)
    c.setAlpha(int(alpha))
    return c


@lru_cache(maxsize=4096)
def _brush(event_type: str, alpha: int):
    """Brushes are shared per (type, alpha): creating one per marker is the slow part."""
    return pg.mkBrush(_colour(event_type, alpha))


@lru_cache(maxsize=4096)
def _pen(event_type: str, alpha: int, width: float = 1.5):
    return pg.mkPen(_colour(event_type, alpha), width=width)


class TimelinePlots(pg.GraphicsLayoutWidget):
    """Lanes plot over a histogram strip, x-linked, sharing one draggable time window."""

    region_dragged = Signal(float, float)        # live, while dragging
    region_released = Signal(float, float)       # drag finished
    event_clicked = Signal(str)
    hovered = Signal(str)                        # event id under the mouse ("" for none)
    lanes_fit_changed = Signal(int)              # how many lanes fit the current height

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.layout_data: lanes_mod.LaneLayout | None = None
        self.lanes_fit = 12
        self._syncing = False
        self._build_plots()
        self._build_items()
        self._mouse_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.lanes.getViewBox().sigResized.connect(self._on_lanes_resized)

    # -------------------------------------------------------------- building
    def _build_plots(self) -> None:
        t = theme.current()
        self.setBackground(t.plot_bg)
        self.ci.layout.setSpacing(0)
        self.ci.setContentsMargins(4, 6, 12, 4)
        self.lanes = self.addPlot(row=0, col=0, axisItems={"bottom": UtcDateAxis()})
        self.hist = self.addPlot(row=1, col=0, axisItems={"bottom": UtcDateAxis()})
        self.ci.layout.setRowStretchFactor(0, 5)
        self.ci.layout.setRowStretchFactor(1, 1)
        self.hist.setMaximumHeight(80)
        self.hist.setMinimumHeight(60)
        self.hist.setXLink(self.lanes)
        self.lanes.getAxis("bottom").setStyle(showValues=False)
        self.lanes.getAxis("bottom").setHeight(4)
        for plot in (self.lanes, self.hist):
            plot.showGrid(x=True, y=False, alpha=0.25)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getViewBox().setMouseEnabled(x=True, y=False)
            plot.getAxis("left").setStyle(tickFont=self._axis_font())
            plot.getAxis("bottom").setStyle(tickFont=self._axis_font())
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(t.grid))
                axis.setTextPen(pg.mkPen(t.text))
        self.lanes.invertY(True)
        self.hist.getAxis("left").setTicks(None)
        self.hist.getAxis("left").setStyle(showValues=False)
        self.hist.getAxis("left").setLabel("events", color=t.muted)

    def _axis_font(self):
        font = self.font()
        font.setPointSizeF(max(8.0, font.pointSizeF() - 0.5))
        return font

    def _build_items(self) -> None:
        t = theme.current()
        self.bands = pg.BarGraphItem(x0=[0], x1=[1], y0=[0], y1=[0], brush=t.alt_base,
                                     pen=pg.mkPen(None))
        self.bands.setZValue(-20)
        self.spans = pg.BarGraphItem(x0=[0], x1=[0], y0=[0], y1=[0], pen=pg.mkPen(None))
        self.points = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self.selected_ring = pg.ScatterPlotItem(pxMode=True, symbol="o", size=22,
                                                pen=pg.mkPen(t.text, width=2),
                                                brush=pg.mkBrush(None))
        self.selected_span = pg.BarGraphItem(x0=[0], x1=[0], y0=[0], y1=[0],
                                             brush=pg.mkBrush(None),
                                             pen=pg.mkPen(t.text, width=2))
        for item in (self.bands, self.spans, self.points, self.selected_span,
                     self.selected_ring):
            self.lanes.addItem(item)
        self.hist_curve = pg.PlotDataItem(stepMode="center", fillLevel=0,
                                          pen=pg.mkPen(t.accent, width=1),
                                          brush=pg.mkBrush(theme.translucent(t.accent, 90)))
        self.hist.addItem(self.hist_curve)
        self.region = self._make_region(self.lanes)
        self.region_hist = self._make_region(self.hist)

    def _make_region(self, plot) -> pg.LinearRegionItem:
        t = theme.current()
        region = pg.LinearRegionItem(values=(0, 1), orientation="vertical", swapMode="block",
                                     brush=pg.mkBrush(theme.translucent(t.region, 38)),
                                     hoverBrush=pg.mkBrush(theme.translucent(t.region, 60)),
                                     pen=pg.mkPen(t.accent, width=2),
                                     hoverPen=pg.mkPen(t.accent, width=3))
        region.setZValue(-10)
        region.sigRegionChanged.connect(self._on_region_changed)
        region.sigRegionChangeFinished.connect(self._on_region_finished)
        plot.addItem(region, ignoreBounds=True)
        return region

    def apply_theme(self) -> None:
        """Re-colour axes, regions and the histogram after a palette switch."""
        t = theme.current()
        self.setBackground(t.plot_bg)
        for plot in (self.lanes, self.hist):
            for name in ("left", "bottom"):
                plot.getAxis(name).setPen(pg.mkPen(t.grid))
                plot.getAxis(name).setTextPen(pg.mkPen(t.text))
        self.bands.setOpts(brush=t.alt_base)
        self.selected_ring.setPen(pg.mkPen(t.text, width=2))
        self.selected_span.setOpts(pen=pg.mkPen(t.text, width=2))
        self.hist_curve.setPen(pg.mkPen(t.accent, width=1))
        self.hist_curve.setBrush(pg.mkBrush(theme.translucent(t.accent, 90)))
        for region in (self.region, self.region_hist):
            region.setBrush(pg.mkBrush(theme.translucent(t.region, 38)))
            region.setHoverBrush(pg.mkBrush(theme.translucent(t.region, 60)))
            for line in region.lines:
                line.setPen(pg.mkPen(t.accent, width=2))

    # --------------------------------------------------------------- drawing
    def set_layout(self, data: lanes_mod.LaneLayout) -> None:
        self.layout_data = data
        n = max(len(data.lanes), 1)
        ticks = [(i, name) for i, name in enumerate(data.lanes)]
        axis = self.lanes.getAxis("left")
        axis.setTicks([ticks, []])
        metrics = QFontMetrics(self._axis_font())
        width = max((metrics.horizontalAdvance(name) for name in data.lanes), default=40)
        for plot in (self.lanes, self.hist):
            plot.getAxis("left").setWidth(min(max(width + 16, 60), 200))
        self.lanes.setYRange(-0.6, n - 0.4, padding=0)
        self._draw_bands(n)

    def _on_lanes_resized(self, vb) -> None:
        fit = max(4, int(vb.height() // LANE_HEIGHT_PX))
        if fit != self.lanes_fit:
            self.lanes_fit = fit
            self.lanes_fit_changed.emit(fit)

    def _draw_bands(self, n: int) -> None:
        rows = np.arange(0, n, 2, dtype=float)
        if len(rows) == 0 or self.layout_data is None or len(self.layout_data) == 0:
            self.bands.setOpts(x0=[0], x1=[0], y0=[0], y1=[0])
            return
        lo, hi = self.layout_data.x0.min() - 400 * DAY, self.layout_data.x1.max() + 400 * DAY
        self.bands.setOpts(x0=np.full(len(rows), lo), x1=np.full(len(rows), hi),
                           y0=rows - 0.5, y1=rows + 0.5)

    def restyle(self, in_result: np.ndarray) -> None:
        """Draw markers/spans; items outside the current result are faded, not hidden."""
        data = self.layout_data
        if data is None or len(data) == 0:
            self.points.setData([], [])
            self.spans.setOpts(x0=[0], x1=[0], y0=[0], y1=[0], brushes=None)
            return
        alpha = np.where(in_result, 230, 70)
        pts = ~data.is_span
        sizes = np.clip(7 + 3 * (data.n_sources[pts] - 1), 7, 19)
        brushes = [_brush(t, a) for t, a in zip(data.types[pts], alpha[pts].tolist())]
        self.points.setData(x=data.xmid[pts], y=data.y[pts], size=sizes,
                            brush=brushes, pen=pg.mkPen(theme.current().plot_bg, width=1),
                            data=data.ids[pts])
        sp = data.is_span
        half = np.clip(0.07 + 0.015 * (data.n_sources[sp] - 1), 0.07, 0.1)
        y = data.y[sp]
        if sp.any():
            # Long spans (a month, a year) are vaguer: fainter fill, so they don't dominate.
            days = np.maximum((data.x1[sp] - data.x0[sp]) / DAY, 1.0)
            fill = (alpha[sp] * np.clip(1.1 - 0.18 * np.log(days), 0.2, 0.8)).astype(int) // 8 * 8
            span_brushes = [_brush(t, a) for t, a in zip(data.types[sp], fill.tolist())]
            pens = [_pen(t, a) for t, a in zip(data.types[sp], alpha[sp].tolist())]
            self.spans.setOpts(x0=data.x0[sp], x1=data.x1[sp], y0=y - half, y1=y + half,
                               brushes=span_brushes, pens=pens)
        else:
            self.spans.setOpts(x0=[0], x1=[0], y0=[0], y1=[0], brushes=None, pens=None)

    def show_selected(self, event_id: str | None) -> None:
        data = self.layout_data
        hit = np.flatnonzero(data.ids == event_id) if data is not None and event_id else []
        pts = [i for i in hit if not data.is_span[i]]
        spans = [i for i in hit if data.is_span[i]]
        self.selected_ring.setData(x=[data.xmid[i] for i in pts], y=[data.y[i] for i in pts])
        if spans:
            self.selected_span.setOpts(x0=data.x0[spans], x1=data.x1[spans],
                                       y0=data.y[spans] - 0.13, y1=data.y[spans] + 0.13)
        else:
            self.selected_span.setOpts(x0=[0], x1=[0], y0=[0], y1=[0])

    def set_histogram(self, starts_s: np.ndarray, lo: float, hi: float) -> None:
        if hi <= lo:
            self.hist_curve.setData([], [])
            return
        edges, counts = lanes_mod.histogram(starts_s, lo, hi)
        self.hist_curve.setData(edges, counts.astype(float))
        self.hist.setYRange(0, max(1, counts.max()) * 1.15, padding=0)

    def set_region(self, x0: float, x1: float, active: bool = True) -> None:
        """Move the scrubber; inactive (no window set) it is just two handles, unfilled."""
        t = theme.current()
        self._syncing = True
        try:
            for region in (self.region, self.region_hist):
                region.setRegion((x0, x1))
                region.setBrush(pg.mkBrush(theme.translucent(t.region, 38 if active else 0)))
        finally:
            self._syncing = False

    # ---------------------------------------------------------------- events
    def _on_region_changed(self, region) -> None:
        if self._syncing:
            return
        x0, x1 = region.getRegion()
        other = self.region_hist if region is self.region else self.region
        self._syncing = True
        other.setRegion((x0, x1))
        self._syncing = False
        self.region_dragged.emit(float(x0), float(x1))

    def _on_region_finished(self, region) -> None:
        if not self._syncing:
            x0, x1 = region.getRegion()
            self.region_released.emit(float(x0), float(x1))

    def event_at(self, x: float, y: float) -> str | None:
        """The event drawn at view coordinates (x, y): markers first, then spans."""
        data = self.layout_data
        if data is None or len(data) == 0:
            return None
        px, py = self.lanes.getViewBox().viewPixelSize()
        radius_px = np.clip(7 + 3 * (data.n_sources - 1), 7, 19) / 2 + 3
        dist_px = np.hypot((data.xmid - x) / px, (data.y - y) / py)
        near = ~data.is_span & (dist_px <= radius_px)
        if near.any():
            return str(data.ids[np.flatnonzero(near)[np.argmin(dist_px[near])]])
        inside = (data.is_span & (np.abs(data.y - y) <= 0.12)
                  & (data.x0 - 2 * px <= x) & (x < data.x1 + 2 * px))
        if inside.any():
            idx = np.flatnonzero(inside)
            return str(data.ids[idx[np.argmin(np.abs(data.y[idx] - y))]])
        return None

    def _view_pos(self, scene_pos) -> QPointF | None:
        vb = self.lanes.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        return vb.mapSceneToView(scene_pos)

    def _on_mouse_moved(self, args) -> None:
        pos = self._view_pos(args[0])
        self.hovered.emit((self.event_at(pos.x(), pos.y()) or "") if pos is not None else "")

    def _on_mouse_clicked(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = self._view_pos(ev.scenePos())
        event_id = self.event_at(pos.x(), pos.y()) if pos is not None else None
        if event_id:
            self.event_clicked.emit(event_id)


def tooltip_html(row) -> str:
    """Hover text for one event row (all text escaped: it comes from articles)."""
    esc = html.escape
    when = describe(row["start"], row["end"], row["precision"])
    place = row["place"] if isinstance(row["place"], str) else "no place"
    actors = ", ".join(row["actors"]) or "no named actor"
    outlets = ", ".join(row["outlets"])
    n = int(row["n_sources"])
    return (f"<b>{esc(str(row['summary']))}</b><br>"
            f"{esc(when)} · {esc(place)} · {esc(theme.type_label(row['type']))}<br>"
            f"<span>{esc(actors)}</span><br>"
            f"<i>{n} source{'s' if n != 1 else ''}: {esc(outlets)}</i>")
