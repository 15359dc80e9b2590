"""The event layers of the timeline: a static faded layer, an in-result overlay, density.

Why: restyling every marker on each scrub step (a brush per point) is pyqtgraph's slow
path. Here the faded layer is drawn once per layout and visible x-range, as one item per
event type with a single brush; a scrub step only refills a small overlay per type with the
items in the result. Above DENSITY_THRESHOLD visible items, the lanes become density strips
(one image: counts per lane per pixel column) so a million events stay drawable.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from dateline._qt import theme
from dateline._qt.common.paint_cache import cache_static
from dateline._qt.common.scatter import Scatter
from dateline._qt.timeline.strip_image import StripImage
from dateline.model.lanes import LaneLayout

DENSITY_THRESHOLD = 5000      # visible items above which lanes are drawn as density strips
FADED, ACTIVE = 70, 230       # marker alpha outside / inside the result
SPAN_FADED, SPAN_ACTIVE = 45, 170
VAGUE_FADED, VAGUE_ACTIVE = 25, 70   # spans longer than LONG_SPAN_S
LONG_SPAN_S = 45 * 86400.0    # longer spans (a quarter, a year) are drawn thinner
ROWS_PER_LANE = 5             # density image rows per lane: a gap row above and below
DENSITY_FADED = (lambda t: t.muted, 35, 120)     # colour, alpha range: every visible item
DENSITY_ACTIVE = (lambda t: t.accent, 90, 255)   # the items in the result
EMPTY = np.zeros(0, dtype=np.int64)


class Bars(pg.BarGraphItem):
    """A BarGraphItem that remembers its bounding rect: Qt asks for it dozens of times per
    repaint (every scrub step), and pyqtgraph recomputes it with pixel-size lookups each
    time. It changes only with the bars or the view's scale."""

    _bounds = None

    def setOpts(self, **opts):  # noqa: N802 (pyqtgraph's name)
        self._bounds = None
        super().setOpts(**opts)

    def viewTransformChanged(self):  # noqa: N802
        self._bounds = None
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def boundingRect(self):  # noqa: N802
        if self._bounds is None:
            self._bounds = super().boundingRect()
        return self._bounds


@lru_cache(maxsize=512)
def type_brush(event_type: str, alpha: int):
    """Brushes are shared per (type, alpha): creating one per marker is the slow part."""
    colour = theme.type_colour(event_type)
    colour.setAlpha(int(alpha))
    return pg.mkBrush(colour)


def marker_sizes(n_sources: np.ndarray) -> np.ndarray:
    return np.clip(7 + 3 * (n_sources - 1), 7, 19)


def span_half_heights(x0: np.ndarray, x1: np.ndarray, n_sources: np.ndarray) -> np.ndarray:
    """Half bar height in lanes: more sources thicker, vague long spans thinner."""
    half = np.clip(0.08 + 0.015 * (n_sources - 1), 0.08, 0.11)
    return np.where(x1 - x0 > LONG_SPAN_S, 0.05, half)


class LayoutIndex:
    """Arrays computed once per layout: items by type, and sorted keys for fast lookups."""

    def __init__(self, data: LaneLayout):
        self.type_names, self.type_code = _sorted_codes(data.types)
        rows = np.asarray(data.rows)
        # place/type lanes list each event once, in row order: no sort (~0.15 s at 1M)
        self.order = np.arange(len(rows)) if bool(np.all(rows[1:] >= rows[:-1])) \
            else np.argsort(rows, kind="stable")
        self.sorted_rows = np.asarray(data.rows)[self.order]
        # Items of store row r: order[first[r]:first[r + 1]] (no binary search per step).
        n_rows = int(self.sorted_rows[-1]) + 1 if len(self.sorted_rows) else 0
        self.first = np.searchsorted(self.sorted_rows, np.arange(n_rows + 1), "left")
        self.in_row_order = bool(np.all(np.diff(self.order) > 0))   # then no sort per step
        self.sorted_points = np.sort(data.xmid[~data.is_span])

    def items_of_rows(self, rows: np.ndarray) -> np.ndarray:
        """Sorted item indices drawn for these store rows (an event may have several)."""
        rows = np.clip(np.asarray(rows, dtype=np.intp), 0, len(self.first) - 1)
        lo = self.first[rows]
        counts = self.first[np.minimum(rows + 1, len(self.first) - 1)] - lo
        total = int(counts.sum())
        if total == 0:
            return EMPTY
        run_start = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        items = self.order[run_start + np.arange(total)]
        sorted_rows = len(rows) < 2 or bool(np.all(rows[1:] > rows[:-1]))
        return items if self.in_row_order and sorted_rows else np.sort(items)

    def n_points_visible(self, lo: float, hi: float) -> int:
        """Day markers inside [lo, hi]: O(log n), to pick density mode cheaply."""
        return int(np.searchsorted(self.sorted_points, hi, "right")
                   - np.searchsorted(self.sorted_points, lo, "left"))


def _sorted_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted distinct values as str, each value's index in them): ``np.unique`` of the
    values as str, by hashing (a million rows of a few event types: ~40 ms, not ~1 s)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
    names = np.array([str(u) for u in uniques], dtype=str)
    order = np.argsort(names, kind="stable")
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    return names[order], rank[codes] if len(codes) else np.zeros(0, dtype=np.intp)


class TypeItems:
    """One event type's items in one layer: day markers, spans, and long (vague) spans
    drawn fainter so a year-long "sometime in 2016" does not shout over dated events."""

    def __init__(self, plot: pg.PlotItem, name: str, alphas: tuple[int, int, int], z: float,
                 pen):
        self.dots = Scatter(pxMode=True, symbol="o", pen=pen,
                                       brush=type_brush(name, alphas[0]))
        self.bars = Bars(x0=[0], x1=[0], y0=[0], y1=[0], pen=pg.mkPen(None),
                                    brush=type_brush(name, alphas[1]))
        self.vague = Bars(x0=[0], x1=[0], y0=[0], y1=[0], pen=pg.mkPen(None),
                                     brush=type_brush(name, alphas[2]))
        self.bars.span_ids = self.vague.span_ids = np.zeros(0, dtype=object)
        for item in self.items():
            item.setZValue(z)
            plot.addItem(item)

    def cache(self) -> None:
        """Blit from a pixmap when the plot repaints (the static layer changes only when
        the view is panned or zoomed, not on a scrub step)."""
        cache_static(*self.items())

    def items(self):
        return (self.vague, self.bars, self.dots)

    def fill(self, data: LaneLayout, idx: np.ndarray) -> None:
        sp = data.is_span[idx]
        pts, spans = idx[~sp], idx[sp]
        if len(pts) or len(self.dots.data):
            self.dots.setData(x=data.xmid[pts], y=data.y[pts],
                              size=marker_sizes(data.n_sources[pts]), data=data.ids[pts])
        long_ = data.x1[spans] - data.x0[spans] > LONG_SPAN_S
        _fill_bars(self.bars, data, spans[~long_])
        _fill_bars(self.vague, data, spans[long_])

    def span_ids(self) -> list[str]:
        return [str(d) for d in (*self.bars.span_ids, *self.vague.span_ids)]


def _fill_bars(bars: pg.BarGraphItem, data: LaneLayout, spans: np.ndarray) -> None:
    if len(spans):
        half = span_half_heights(data.x0[spans], data.x1[spans], data.n_sources[spans])
        y = data.y[spans]
        bars.setOpts(x0=data.x0[spans], x1=data.x1[spans], y0=y - half, y1=y + half)
    elif len(bars.span_ids):
        bars.setOpts(x0=[0], x1=[0], y0=[0], y1=[0])
    bars.span_ids = data.ids[spans]


class EventLayers:
    """Owns the lane plot's event items; ``restyle`` is the per-scrub entry point."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.data: LaneLayout | None = None
        self.index: LayoutIndex | None = None
        self.visible = EMPTY               # item indices inside the clipped x-range
        self._reps = EMPTY                 # one drawn item per group of coinciding items
        self._group_of = EMPTY             # item -> its group (-1: not visible)
        self.shown = EMPTY                 # item indices in the current result
        self.density_mode = False
        self._range = (0.0, 1.0, 1)        # clipped x-range and its width in pixels
        self.static: dict[str, TypeItems] = {}
        self.overlay: dict[str, TypeItems] = {}
        # Density mode: a static faded strip per lane for every visible item (cached),
        # and over it, each scrub step, the result's strip cut to the columns it covers.
        self.density = StripImage()
        self.density_active = StripImage()
        for item, z in ((self.density, -4), (self.density_active, -3)):
            item.setZValue(z)
            item.setVisible(False)
            plot.addItem(item)
        cache_static(self.density)
        self._base_counts = np.zeros((0, 0))
        self._overlay_filled = False       # overlay items may hold points (density: none)

    # ---------------------------------------------------------------- layout
    def set_layout(self, data: LaneLayout) -> None:
        for group in (*self.static.values(), *self.overlay.values()):
            for item in group.items():
                self.plot.removeItem(item)
        self.static, self.overlay = {}, {}
        self.data, self.index = data, LayoutIndex(data)
        # each item's first and last x as the density strip counts it (a span's ends, a
        # marker's x): once per layout, not gathered and chosen again at each scrub step
        self._ends = (np.where(data.is_span, data.x0, data.xmid),
                      np.where(data.is_span, data.x1, data.xmid))
        self.visible = self.shown = EMPTY
        self._overlay_filled = True       # the new overlay items are not known empty
        for name in self.index.type_names:
            self.static[name] = TypeItems(self.plot, name, (FADED, SPAN_FADED, VAGUE_FADED),
                                          z=-5, pen=None)
            self.static[name].cache()
            self.overlay[name] = TypeItems(self.plot, name, (ACTIVE, SPAN_ACTIVE, VAGUE_ACTIVE),
                                           z=0, pen=pg.mkPen(theme.current().plot_bg, width=1))

    def set_view_range(self, lo: float, hi: float, width_px: int) -> None:
        """Clip to the visible x-range (with a margin for panning); choose the mode."""
        data = self.data
        if data is None:
            return
        self._range = (lo, hi, max(int(width_px), 16))
        margin = (hi - lo) * 0.5
        dense = self.index.n_points_visible(lo, hi) > DENSITY_THRESHOLD
        if not dense:
            self.visible = np.flatnonzero((data.x1 >= lo - margin) & (data.x0 <= hi + margin))
            self._merge_coinciding(lo - margin, hi + margin, 2 * self._range[2])
            dense = len(self._reps) > DENSITY_THRESHOLD
        if dense:
            self.visible = np.flatnonzero((data.x1 >= lo) & (data.x0 <= hi))
            self._reps, self._group_of = EMPTY, EMPTY
            self._base_counts = self._counts(self.visible)
        self.density_mode = dense
        groups = self._by_type(EMPTY if dense else self._reps)
        for name, group in self.static.items():
            group.fill(data, groups.get(name, EMPTY))
        self.density.setVisible(self.density_mode)
        self.density_active.setVisible(self.density_mode)
        if dense:
            self._draw_strip(self.density, self._base_counts, 0, *DENSITY_FADED)
        self.restyle(self.shown)

    def _merge_coinciding(self, a: float, b: float, n_cols: int) -> None:
        """Group visible items drawn at the same pixels (same type, track and columns,
        after clipping to [a, b]): thousands of long spans overlapping the view collapse
        to a few bars, so zooming in shows markers again instead of a wall of bars."""
        data, items = self.data, self.visible
        px = max(b - a, 1e-9) / n_cols
        x0, x1 = self._ends[0][items], self._ends[1][items]
        c0 = np.clip(((x0 - a) / px).astype(np.int64), -1, n_cols) + 1
        c1 = np.clip(((x1 - a) / px).astype(np.int64), -1, n_cols) + 1
        track = np.round(data.y[items] * 64).astype(np.int64) + 64
        key = ((self.index.type_code[items] * (1 << 20) + track) * (n_cols + 2) + c0) \
            * (n_cols + 2) + c1
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        self._reps = np.sort(items[first])
        self._group_of = np.full(len(data), -1, dtype=np.int64)
        # groups numbered by the position of their representative in the sorted _reps
        rank = np.empty(len(first), dtype=np.int64)
        rank[np.argsort(items[first])] = np.arange(len(first))
        self._group_of[items] = rank[inverse.reshape(-1)]

    def covers(self, lo: float, hi: float, width_px: int) -> bool:
        """Whether the current clip still serves this view (panned within the margin)."""
        a, b, w = self._range
        if self.density_mode or self.data is None:
            return (a, b, w) == (lo, hi, max(int(width_px), 16))
        span = b - a
        return lo >= a - span * 0.5 and hi <= b + span * 0.5 and \
            0.67 < (hi - lo) / max(span, 1e-9) < 1.5 and \
            self.index.n_points_visible(lo, hi) <= DENSITY_THRESHOLD

    # --------------------------------------------------------------- restyle
    def restyle(self, items: np.ndarray) -> None:
        """Show ``items`` (sorted item indices in the result) at full strength."""
        self.shown = items
        if self.data is None:
            return
        if self.density_mode:
            if self._overlay_filled:          # every step: nine empty fills cost ~0.1 ms
                for group in self.overlay.values():
                    group.fill(self.data, EMPTY)
                self._overlay_filled = False
            self._draw_density(self._counts(items))
            return
        self._overlay_filled = True
        group = self._group_of[items] if len(items) else EMPTY
        seen = np.zeros(len(self._reps), dtype=bool)
        seen[group[group >= 0]] = True
        groups = self._by_type(self._reps[seen])
        for name, group in self.overlay.items():
            group.fill(self.data, groups.get(name, EMPTY))

    def _by_type(self, items: np.ndarray) -> dict[str, np.ndarray]:
        if len(items) == 0:
            return {}
        codes = self.index.type_code[items]
        order = np.argsort(codes, kind="stable")
        cuts = np.flatnonzero(np.diff(codes[order])) + 1
        return {str(self.index.type_names[codes[g[0]]]): items[g]
                for g in np.split(order, cuts)}

    # --------------------------------------------------------------- density
    def _counts(self, items: np.ndarray) -> np.ndarray:
        """Items per (lane, pixel column) over the clipped range; spans fill their columns."""
        lo, hi, width = self._range
        n_lanes = max(len(self.data.lanes), 1)
        data = self.data
        scale = width / max(hi - lo, 1e-9)
        x0, x1 = self._ends[0][items], self._ends[1][items]
        c0 = np.clip(((x0 - lo) * scale).astype(np.int64), 0, width - 1)
        c1 = np.clip(((x1 - lo) * scale).astype(np.int64), 0, width - 1)
        keep = (x1 >= lo) & (x0 <= hi)
        c0, c1 = c0[keep], c1[keep]
        flat = data.lane[items][keep] * (width + 1)
        n = n_lanes * (width + 1)
        share = 1.0 / (c1 - c0 + 1)         # a long span is one event spread thin
        diff = np.bincount(flat + c0, weights=share, minlength=n) - \
            np.bincount(flat + c1 + 1, weights=share, minlength=n)
        return np.cumsum(diff[:n].reshape(n_lanes, width + 1), axis=1)[:, :width]

    def _draw_density(self, active: np.ndarray) -> None:
        """The result's strip in the accent colour, over the faded one, cut to the pixel
        columns where the result has items (a window is a small part of the view)."""
        cols = np.flatnonzero((active > 1e-6).any(axis=0)) if active.size else EMPTY
        if len(cols) == 0:
            self.density_active.setVisible(False)
            return
        c0, c1 = int(cols[0]), int(cols[-1]) + 1
        self.density_active.setVisible(True)
        self._draw_strip(self.density_active, active[:, c0:c1], c0, *DENSITY_ACTIVE)

    def _draw_strip(self, item: StripImage, counts: np.ndarray, col0: int,
                    colour_of, a0: int, a1: int) -> None:
        """Counts per (lane, column) as an image from column ``col0`` of the clipped
        range; alpha grows with log(count), scaled to the busiest column in view."""
        base = self._base_counts
        if base.size == 0 or counts.size == 0:
            item.setVisible(False)
            return
        scale = np.log1p(max(base.max(), 1))
        img = np.zeros((counts.shape[0], counts.shape[1], 4), dtype=np.uint8)
        on = counts > 1e-6
        rgb = QColor(colour_of(theme.current()))
        c = counts[on]
        img[on, :3] = (rgb.red(), rgb.green(), rgb.blue())
        img[on, 3] = (a0 * np.minimum(c, 1) + (a1 - a0) * np.log1p(c) / scale).clip(0, 255)
        rows = np.repeat(img, ROWS_PER_LANE, axis=0)
        rows[0::ROWS_PER_LANE] = 0            # gap rows keep lanes apart
        rows[ROWS_PER_LANE - 1::ROWS_PER_LANE] = 0
        lo, hi, width = self._range
        px = (hi - lo) / width
        item.set_image(rows, QRectF(lo + col0 * px, -0.5, counts.shape[1] * px, counts.shape[0]))

    # ----------------------------------------------------------------- tests
    def drawn_ids(self, layer: str = "overlay", kind: str = "points") -> list[str]:
        """Event ids drawn in a layer ("static"/"overlay") as "points" or "spans"."""
        layers = self.static if layer == "static" else self.overlay
        out = []
        for group in layers.values():
            out += [str(d) for d in group.dots.data["data"]] if kind == "points" \
                else group.span_ids()
        return sorted(out)
