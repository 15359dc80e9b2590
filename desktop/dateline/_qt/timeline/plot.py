"""The pyqtgraph items of the timeline: lanes of events, spans, histogram, scrubber.

Items are created once and refilled with ``setData``/``setOpts`` (never recreated per scrub).
x is float seconds since the epoch, UTC (``DateAxisItem(utcOffset=0)``: no local-time drift).
"""
from __future__ import annotations

import html
from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics

from dateline._qt import theme
from dateline._qt.timeline.date_axis import UtcDateAxis
from dateline._qt.common.paint_cache import cache_static
from dateline._qt.common.scatter import Scatter
from dateline._qt.timeline.layers import Bars, EventLayers, marker_sizes
from dateline._qt.timeline.window_region import WindowRegion
from dateline.model import lanes as lanes_mod
from dateline.model.dates import describe

DAY = 86400.0
LANE_HEIGHT_PX = 22          # minimum readable lane pitch; more lanes than fit go to "Other"



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
        self._region_active = False
        self._selected_key: tuple | None = None
        self._build_plots()
        self._build_items()
        self._mouse_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.lanes.getViewBox().sigResized.connect(self._on_lanes_resized)
        # Re-clip the event layers once panning/zooming pauses (cheap when still covered).
        self._clip_timer = QTimer(self, singleShot=True, interval=40)
        self._clip_timer.timeout.connect(self.update_clip)
        self.lanes.getViewBox().sigXRangeChanged.connect(self._on_x_range_changed)

    # -------------------------------------------------------------- building
    def _build_plots(self) -> None:
        t = theme.current()
        self.setBackground(t.plot_bg)
        self.ci.layout.setSpacing(0)
        self.ci.setContentsMargins(4, 6, 12, 4)
        # enableMenu=False: pyqtgraph's context menu is never shown here, and building it
        # costs ~15 ms of start-up per plot.
        self.lanes = self.addPlot(row=0, col=0, axisItems={"bottom": UtcDateAxis()},
                                  enableMenu=False)
        self.hist = self.addPlot(row=1, col=0, axisItems={"bottom": UtcDateAxis()},
                                 enableMenu=False)
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
        self.hist.getAxis("left").setLabel("per day", color=t.muted)

    def _axis_font(self):
        font = self.font()
        font.setPointSizeF(max(8.0, font.pointSizeF() - 0.5))
        return font

    def _build_items(self) -> None:
        t = theme.current()
        self.bands = Bars(x0=[0], x1=[1], y0=[0], y1=[0], brush=t.alt_base,
                                     pen=pg.mkPen(None))
        self.bands.setZValue(-20)
        self.layers = EventLayers(self.lanes)
        self.selected_ring = Scatter(pxMode=True, symbol="o", size=22,
                                                pen=pg.mkPen(t.text, width=2),
                                                brush=pg.mkBrush(None))
        self.selected_span = Bars(x0=[0], x1=[0], y0=[0], y1=[0],
                                             brush=pg.mkBrush(None),
                                             pen=pg.mkPen(t.text, width=2))
        for item in (self.bands, self.selected_span, self.selected_ring):
            self.lanes.addItem(item)
        self.selected_span.setZValue(5)          # above the event layers (z -5 and 0)
        self.selected_ring.setZValue(5)
        self.hist_curve = pg.PlotDataItem(stepMode="center", fillLevel=0,
                                          pen=pg.mkPen(t.accent, width=1),
                                          brush=pg.mkBrush(theme.translucent(t.accent, 90)))
        self.hist.addItem(self.hist_curve)
        self.region = self._make_region(self.lanes)
        self.region_hist = self._make_region(self.hist)
        # A scrub step moves the region and refills the overlay: everything else (lane
        # bands, axes and grid lines, the histogram) is blitted from pixmaps.
        cache_static(self.bands, self.hist_curve.curve, self.hist_curve.scatter,
                     *(plot.getAxis(name) for plot in (self.lanes, self.hist)
                       for name in ("left", "bottom")))

    def _make_region(self, plot) -> WindowRegion:
        t = theme.current()
        region = WindowRegion(values=(0, 1), orientation="vertical", swapMode="block",
                                     brush=pg.mkBrush(theme.translucent(t.region, 38)),
                                     hoverBrush=pg.mkBrush(theme.translucent(t.region, 60)),
                                     pen=pg.mkPen(t.accent, width=2),
                                     hoverPen=pg.mkPen(t.accent, width=3))
        region.setZValue(-10)
        for line in region.lines:               # grab handles: obviously draggable edges
            line.addMarker("<|>", position=0.5, size=12)
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
            region.setHoverBrush(pg.mkBrush(theme.translucent(t.region, 60)))
            for line in region.lines:
                line.setPen(pg.mkPen(t.accent, width=2))
        self.set_region(*getattr(self, "_data_range", (0.0, 1.0)), active=self._region_active)
        if self.layout_data is not None:               # overlay pens use the background
            shown = self.layers.shown
            self.set_layout(self.layout_data)
            self.layers.restyle(shown)

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
        self.layers.set_layout(data)
        vb = self.lanes.getViewBox()
        (lo, hi), _ = vb.viewRange()
        self.layers.set_view_range(lo, hi, int(vb.width()) or 800)

    def _on_lanes_resized(self, vb) -> None:
        self._clip_timer.start()
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
        """Items outside the result are faded, not hidden (boolean mask per item)."""
        self.restyle_items(np.flatnonzero(in_result))

    def restyle_items(self, items: np.ndarray) -> None:
        """Draw the items with these (sorted) indices at full strength."""
        self.layers.restyle(np.asarray(items, dtype=np.int64))

    def _on_x_range_changed(self, *_) -> None:
        if not self._region_active:
            self._follow_view()
        self._clip_timer.start()

    def update_clip(self) -> None:
        """Give the event layers the visible x-range (they clip and pick the mode)."""
        vb = self.lanes.getViewBox()
        (lo, hi), _ = vb.viewRange()
        width = int(vb.width()) or 800
        if not self.layers.covers(lo, hi, width):
            self.layers.set_view_range(lo, hi, width)

    def show_selected(self, event_id: str | None) -> None:
        data = self.layout_data
        key = self._selected_key
        if key is not None and key[0] is data and key[1] == event_id:
            return                                  # unchanged: skip the O(n) id search
        self._selected_key = (data, event_id)
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
        top = max(1, int(counts.max()))
        self.hist.setYRange(0, top * 1.15, padding=0)
        # Readable y-axis: just 0 and the tallest bar, labelled per bin width.
        self.hist.getAxis("left").setTicks([[(0, "0"), (top, str(top))], []])
        days = round((edges[1] - edges[0]) / DAY) if len(edges) > 1 else 1
        self.hist.getAxis("left").setLabel("per day" if days == 1 else f"per {days} days",
                                           color=theme.current().muted)

    def set_region(self, x0: float, x1: float, active: bool = True) -> None:
        """Move the scrubber. Inactive (no window set) it still shows, lightly filled, over
        the visible part of the data range, so its edges can be grabbed to narrow it."""
        self._region_active = active
        self._data_range = (x0, x1)
        if not active:
            self._follow_view()
            return
        self._place_region(x0, x1, alpha=38)

    def _follow_view(self) -> None:
        x0, x1 = getattr(self, "_data_range", (0.0, 0.0))
        (lo, hi), _ = self.lanes.getViewBox().viewRange()
        inset = (hi - lo) * 0.015                   # keep both handles on screen
        a, b = max(x0, lo + inset), min(x1, hi - inset)
        if b <= a:
            a, b = lo + inset, hi - inset
        self._place_region(a, b, alpha=16)

    def _place_region(self, x0: float, x1: float, alpha: int) -> None:
        brush = _region_brush(theme.current().region, alpha)
        for region in (self.region, self.region_hist):
            region.move_to(x0, x1)                # quietly: this is not the user's drag
            if region.brush != brush:             # most scrub steps: the same fill
                region.setBrush(brush)

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
        vis = self.layers.visible if len(self.layers.visible) else np.arange(len(data))
        near_lane = vis[np.abs(data.y[vis] - y) <= 0.5]          # cheap pre-filter
        xm, ym = data.xmid[near_lane], data.y[near_lane]
        radius_px = marker_sizes(data.n_sources[near_lane]) / 2 + 3
        dist_px = np.hypot((xm - x) / px, (ym - y) / py)
        near = ~data.is_span[near_lane] & (dist_px <= radius_px)
        if near.any():
            return str(data.ids[near_lane[np.flatnonzero(near)[np.argmin(dist_px[near])]]])
        inside = (data.is_span[near_lane] & (np.abs(ym - y) <= 0.12)
                  & (data.x0[near_lane] - 2 * px <= x) & (x < data.x1[near_lane] + 2 * px))
        if inside.any():
            idx = near_lane[np.flatnonzero(inside)]
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


@lru_cache(maxsize=16)
def _region_brush(colour: str, alpha: int):
    return pg.mkBrush(theme.translucent(colour, alpha))


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
