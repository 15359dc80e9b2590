"""TimelineView: lanes of events, a histogram strip and the time-window scrubber.

Observes AppState; user gestures become ``state.update(...)``. Dragging the window updates
the selection live (queries are cheap), and the markers in the window are restyled within
the same step (the overlay refill costs a few ms even at 1M events).
"""
from __future__ import annotations

import dataclasses
import html

import numpy as np
import pandas as pd
from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QCursor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QMenu,
    QStyle,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dateline._qt import theme
from dateline._qt.state import AppState
from dateline._qt.common.steady_label import SteadyLabel
from dateline._qt.timeline.overflow import OverflowMarkers
from dateline._qt.timeline.plot import DAY, TimelinePlots, tooltip_html
from dateline.model import lanes as lanes_mod
from dateline.model import playback
from dateline.model.dates import plural, window_label
from dateline.model.selection import Selection

PLAY_TICK_MS = 40
ONE_ROW_WIDTH = 860
DENSE_SHARE = 0.9               # Fit frames the span holding this share of the events...
OUTLIER_SQUASH = 0.2            # ...when it is narrower than this share of all dates             # narrower: the header's range label gets a second row
SPEEDS = {"1×": 1, "2×": 2, "4×": 4}
LANE_MODES = {"Place": "place", "Actor": "actor", "Type": "type"}


def legend_html(types: list[str]) -> str:
    """Colour key for the event types present, plus how to read sizes and bars."""
    t = theme.current()
    keys = "&nbsp;&nbsp;".join(
        f"<span style='color:{theme.TYPE_COLOURS.get(k, theme.TYPE_COLOURS['other'])}'>●</span>"
        f"&nbsp;{html.escape(theme.type_label(k))}" for k in types)
    return (f"<span style='color:{t.muted}'>{keys}&nbsp;&nbsp;&nbsp;·&nbsp;&nbsp;&nbsp;"
            "size = sources</span>")


def _padded(span: list[float]) -> tuple[float, float]:
    pad = max((span[1] - span[0]) * 0.04, DAY / 2)
    return span[0] - pad, span[1] + pad


def _seconds_or_nan(col: pd.Series) -> np.ndarray:
    """Epoch seconds, NaN where undated (``to_seconds`` turns NaT into a huge negative)."""
    return np.where(col.isna().to_numpy(), np.nan, lanes_mod.to_seconds(col))


def _same_range(a, b) -> bool:
    tolerance = 0.01 * max(b[1] - b[0], 1.0)
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


class TimelineView(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.plots = TimelinePlots(self)
        # "◀ 3 earlier" / "5 later ▶" above the lanes' ends when events lie beyond the view
        self.overflow = OverflowMarkers(self.plots, self.plots.lanes.getViewBox(), self)
        self.overflow.extend.connect(lambda lo, hi: self.plots.lanes.setXRange(lo, hi,
                                                                               padding=0))
        self._base_key: tuple | None = None     # (filters, marks they read)
        self._base_events = state.store.events.iloc[:0]
        self._bulk: tuple = (None, None)        # (base events, where most of them are)
        self._hist_starts: tuple | None = None      # (selection, start seconds) cache
        self._hist_key: tuple | None = None
        self._restyle_timer = QTimer(self, singleShot=True, interval=30)
        self._restyle_timer.timeout.connect(self._restyle)
        self._play_timer = QTimer(self, interval=PLAY_TICK_MS)
        self._play_timer.timeout.connect(self._play_tick)
        self._build_header()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.overflow)
        layout.addWidget(self.plots, 1)
        self.legend = QLabel(self)
        self.legend.setContentsMargins(10, 2, 10, 4)
        self.legend.setWordWrap(True)          # never widens the dock
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.legend.setToolTip("Colour: event type. Marker size: number of sources. "
                               "Bars: events dated to a week, month or range, not a day.")
        layout.addWidget(self.legend)
        self.plots.region_dragged.connect(self._on_region_dragged)
        self.plots.region_released.connect(self._on_region_released)
        self.plots.event_clicked.connect(lambda eid: self.state.update(event=eid))
        self.plots.hovered.connect(self._show_tooltip)
        self.plots.lanes_fit_changed.connect(self._on_lanes_fit)
        # Re-bin the histogram for the visible range once zooming/panning pauses.
        self._hist_timer = QTimer(self, singleShot=True, interval=120)
        self._hist_timer.timeout.connect(self._update_histogram)
        self.plots.lanes.getViewBox().sigXRangeChanged.connect(lambda *_: self._hist_timer.start())
        self._shown_event: str | None = None
        state.store_changed.connect(self._on_store)
        state.result_changed.connect(self._on_result)
        self._on_store(state.store)

    # ---------------------------------------------------------------- header
    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        self.header_layout.addWidget(button)
        return button

    def _build_header(self) -> None:
        self.header = QWidget(self)
        # Opaque: the window label and date field change on every scrub step, and a
        # transparent header would have the dock (title bar and all) repaint beneath them.
        self.header.setAutoFillBackground(True)
        rows = QVBoxLayout(self.header)
        rows.setContentsMargins(8, 4, 8, 4)
        rows.setSpacing(2)
        self.header_layout = row = QHBoxLayout()
        self._second_row = QHBoxLayout()      # the range and its buttons, when narrow
        self._second_row.addStretch(1)
        rows.addLayout(row)
        rows.addLayout(self._second_row)
        row.addWidget(QLabel("Lanes:"))
        self.lane_combo = QComboBox(self)
        self.lane_combo.addItems(list(LANE_MODES))
        self.lane_combo.setToolTip("Group events into lanes by place, actor or type")
        self.lane_combo.currentTextChanged.connect(lambda _: self._rebuild(force=True))
        row.addWidget(self.lane_combo)
        self._button("◀", "Previous event (Alt+Left)", lambda: self.step(-1))
        self._button("▶", "Next event (Alt+Right)", lambda: self.step(+1))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setToolTip("Jump to date (Ctrl+J)")
        row.addWidget(self.date_edit)
        # no "Go" button (the header must fit a 1024-px window): Enter or a day picked in
        # the calendar moves the window there
        self.date_edit.editingFinished.connect(self._jump_to_field)
        self.date_edit.calendarWidget().clicked.connect(lambda _day: self._jump_to_field())
        self.play_button = self._button("Play", "Play the window forward (Space)",
                                        self.toggle_play)
        # icons from the style, not "⏸" text: not every font has the media glyphs
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._update_play_icon()
        self.speed_combo = QComboBox(self)
        self.speed_combo.addItems(list(SPEEDS))
        self.speed_combo.setToolTip("Playback speed")
        row.addWidget(self.speed_combo)
        # Loop and Cumulative in one drop-down: as check boxes the header needed ~900 px
        # and a 1024-px window lost the range label.
        options = self._button("Options", "Loop playback, cumulative window", lambda: None)
        options.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(options)
        self.loop_box = menu.addAction("Loop playback")
        self.loop_box.setToolTip("Start again from the beginning at the end of the data")
        self.cumulative_box = menu.addAction("Cumulative (everything before the window's end)")
        for action in (self.loop_box, self.cumulative_box):
            action.setCheckable(True)
        self.cumulative_box.toggled.connect(lambda on: self.state.update(cumulative=on))
        options.setMenu(menu)
        row.addStretch(1)
        self.window_label = SteadyLabel("All dates", self)    # new text on every step
        self.window_label.setObjectName("windowLabel")
        self.window_label.setMinimumWidth(90)      # the range stays readable in a narrow dock
        row.addWidget(self.window_label)
        all_dates = self._button("All dates", "Clear the window: show all dates (Ctrl+Shift+A)",
                                 self.clear_window)
        fit = self._button("Fit", "Zoom to where the events are; again: to every date (Ctrl+0)",
                           self.fit)
        self._range_group = (self.window_label, all_dates, fit)

    def resizeEvent(self, event) -> None:
        """Below ``ONE_ROW_WIDTH`` the range label and its buttons take a second header
        row: in one row the header kept a 1024-px window's side column at 300 px."""
        super().resizeEvent(event)
        self.set_two_rows(event.size().width() < ONE_ROW_WIDTH)

    def set_two_rows(self, narrow: bool) -> None:
        """The range label and its buttons in a second header row (``narrow``) or not;
        the window calls it before it lays its docks out, so their minimums are right."""
        target = self._second_row if narrow else self.header_layout
        if self._range_group[0].parentWidget() and target.indexOf(self._range_group[0]) < 0:
            source = self.header_layout if narrow else self._second_row
            for widget in self._range_group:
                source.removeWidget(widget)
                target.addWidget(widget)

    # ------------------------------------------------------------- state in
    def _on_store(self, store) -> None:
        self.stop()
        self._base_key = None
        self._hist_starts = self._hist_key = None
        self.legend.setText(legend_html(store.types))
        self._on_result(self.state.result)
        if self.state.store_corrected:      # the user's edit: keep the range in view
            return
        first = self.focus_main_cluster()
        if first is not None:
            self.date_edit.setDate(QDate(first.year, first.month, first.day))

    def _on_result(self, result) -> None:
        self._rebuild()
        self._sync_region(result.selection)
        self.plots.show_selected(result.selection.event)
        if result.selection.event != self._shown_event:
            self._shown_event = result.selection.event
            row = self.state.store.event(self._shown_event) if self._shown_event else None
            if row is not None and not pd.isna(row["start"]):
                self.ensure_visible(row["start"], row["end"])
        self.window_label.setText(f"{window_label(self._effective_window())} · "
                                  f"{plural(result.n_events, 'event')}")
        window = result.selection.window
        if not self.date_edit.hasFocus():
            # The jump field follows the scrubber, so it always shows where the user is
            # (with all dates shown: the first day in view, not the last window's date).
            start = window[0] if window is not None else self._first_day_in_view()
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(QDate(start.year, start.month, start.day))
            self.date_edit.blockSignals(False)
        if self.cumulative_box.isChecked() != result.selection.cumulative:
            self.cumulative_box.blockSignals(True)
            self.cumulative_box.setChecked(result.selection.cumulative)
            self.cumulative_box.blockSignals(False)
        self._restyle_timer.stop()          # a pending restyle (after a rebuild) is done now
        self._restyle()

    def _effective_window(self):
        sel = self.state.selection
        if sel.window is None or not sel.cumulative:
            return sel.window
        rng = self.state.store.time_range()
        return (rng[0] if rng else sel.window[0], sel.window[1])

    def _rebuild(self, force: bool = False) -> None:
        """Re-lay-out lanes when filters other than window/place/event changed."""
        sel = self.state.selection
        key = dataclasses.replace(sel, window=None, place=None, event=None, cumulative=False)
        marks = self.state.marks
        # new stars or tags change the lanes only under a Starred or tag filter
        if (key, marks if key.starred or key.tags else None) == self._base_key and not force:
            return
        self._base_key = (key, marks if key.starred or key.tags else None)
        self._base_events = self.state.store.query(key, marks).events
        self.overflow.set_events(*(_seconds_or_nan(self._base_events[c])
                                   for c in ("start", "end")))
        self._hist_starts = self._hist_key = None
        mode = LANE_MODES[self.lane_combo.currentText()]
        self.plots.set_layout(lanes_mod.layout(self._base_events, by=mode,
                                               max_lanes=self.plots.lanes_fit))
        self.plots.show_selected(sel.event)
        self._restyle_timer.start()

    def _on_lanes_fit(self, fit: int) -> None:
        """The plot's height changed how many lanes fit: re-lay-out only if that changes
        the lanes (at start-up the first show would otherwise lay everything out twice)."""
        data = self.plots.layout_data
        if data is not None and lanes_mod.OTHER_LANE not in data.lanes \
                and len(data.lanes) <= fit:
            return          # every key already has its own lane: the same layout
        self._rebuild(force=True)

    def _restyle(self) -> None:
        data = self.plots.layout_data
        if data is None:
            return
        rows = self.state.result.event_rows
        self.plots.restyle_items(self.plots.layers.index.items_of_rows(rows))
        self._update_histogram()

    def _update_histogram(self) -> None:
        """Histogram of events passing every filter except the window itself."""
        sel = dataclasses.replace(self.state.selection, window=None, event=None)
        if self._hist_starts is None or self._hist_starts[0] != sel:   # not on every scrub
            events = self.state.store.query(sel, self.state.marks).events if sel.place \
                else self._base_events
            self._hist_starts = (sel, lanes_mod.to_seconds(events["start"].dropna()))
        starts = self._hist_starts[1]
        rng = self.state.store.time_range()
        if rng is None:
            self.plots.set_histogram(starts, 0, 0)
            return
        data_lo, data_hi = lanes_mod.to_seconds([rng[0], rng[1]])
        (view_lo, view_hi), _ = self.plots.lanes.getViewBox().viewRange()
        lo, hi = max(data_lo, view_lo), min(data_hi, view_hi)
        if hi <= lo:
            lo, hi = data_lo, data_hi
        key = (sel, float(lo), float(hi), len(starts))
        if key != self._hist_key:
            self._hist_key = key
            self.plots.set_histogram(starts, float(lo), float(hi))

    def _sync_region(self, sel: Selection) -> None:
        if sel.window is not None:
            x0, x1 = lanes_mod.to_seconds(list(sel.window))
        else:
            rng = self.state.store.time_range()
            if rng is None:
                return
            x0, x1 = lanes_mod.to_seconds(list(rng))
        self.plots.set_region(float(x0), float(x1), active=sel.window is not None)

    # ------------------------------------------------------------ state out
    def _on_region_dragged(self, x0: float, x1: float) -> None:
        self.state.update(window=(lanes_mod.from_seconds(x0), lanes_mod.from_seconds(x1)),
                          live=True)

    def _on_region_released(self, x0: float, x1: float) -> None:
        """Snap to whole days once the drag ends (events are dated to the day)."""
        self.state.update(window=playback.snap_to_days(lanes_mod.from_seconds(x0),
                                                       lanes_mod.from_seconds(x1)))

    def set_window(self, start, end) -> None:
        self.state.update(window=(pd.Timestamp(start), pd.Timestamp(end)))

    def clear_window(self) -> None:
        self.stop()
        self.state.update(window=None, cumulative=False)

    def play_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The dates Play sweeps: where the events are (the span holding most of them,
        around the publication period), so a few background dates (2016 in a 2017
        corpus, 1905 and 2030 in another) do not make it cross months or a century of
        nothing; the window can still be dragged to them."""
        bulk = self._bulk_span()
        if bulk is None:
            return self.state.store.time_range()
        return lanes_mod.from_seconds(bulk[0]), lanes_mod.from_seconds(bulk[1] + DAY)

    def _dense_span(self) -> tuple[float, float] | None:
        """The bulk of the events (``_bulk_span``) when the other dates would squash it
        on the axis (else None: Fit shows every date)."""
        rng, bulk = self.state.store.time_range(), self._bulk_span()
        if rng is None or bulk is None:
            return None
        every = [float(x) for x in lanes_mod.to_seconds(list(rng))]
        return bulk if bulk[1] - bulk[0] < OUTLIER_SQUASH * (every[1] - every[0]) else None

    def _bulk_span(self) -> tuple[float, float] | None:
        """(first, last) start in seconds of the span holding most events, around the
        publication period; once per layout (Play asks on every tick)."""
        if self._bulk[0] is not self._base_events:
            starts = lanes_mod.to_seconds(self._base_events["start"].dropna())
            bulk = lanes_mod.bulk_span(starts, self._published_s(), share=DENSE_SHARE) \
                if len(starts) else None
            self._bulk = (self._base_events, bulk)
        return self._bulk[1]

    def _published_s(self) -> np.ndarray | None:
        """The articles' publication dates (epoch seconds), if the store has them."""
        articles = getattr(self.state.store, "articles", None)
        if articles is None or "published" not in articles:
            return None
        published = pd.to_datetime(articles["published"], errors="coerce", utc=True)
        return _seconds_or_nan(published.dt.tz_localize(None))

    def _window_or_default(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        rng = self.play_range()
        if rng is None:
            return None
        sel = self.state.selection
        if sel.window is not None:
            return sel.window
        return playback.default_window(rng)

    def step(self, direction: int) -> None:
        """Select the previous/next event (one at a time, even on the same day) and move
        the window, keeping its width, to start on that event."""
        window = self._window_or_default()
        if window is None:
            return
        events = self._base_events.dropna(subset=["start"])
        ids = events["id"].tolist()
        current = self.state.selection.event
        if current in ids:
            i = ids.index(current) + direction
        else:
            starts = events["start"].to_numpy("datetime64[ns]")
            anchor = np.datetime64(window[0].to_datetime64(), "ns")
            side = "right" if direction > 0 else "left"
            i = int(np.searchsorted(starts, anchor, side=side)) - (direction < 0)
        if not 0 <= i < len(ids):
            return
        row = events.iloc[i]
        width = window[1] - window[0]
        self.state.update(window=(row["start"], row["start"] + width), event=row["id"])
        self.ensure_visible(row["start"], row["end"])

    def _first_day_in_view(self) -> pd.Timestamp:
        day = lanes_mod.from_seconds(self.plots.lanes.viewRange()[0][0]).ceil("D")
        rng = self.state.store.time_range()
        return min(max(day, rng[0]), rng[1]) if rng is not None else day

    def _jump_to_field(self) -> None:
        day = pd.Timestamp(self.date_edit.date().toPython())
        window = self.state.selection.window
        if window is None or window[0].normalize() != day:
            self.jump_to(day)

    def jump_to(self, day: pd.Timestamp) -> None:
        window = self._window_or_default()
        if window is None:
            return
        width = window[1] - window[0]
        self.state.update(window=(day.normalize(), day.normalize() + width))
        self.ensure_visible(day)

    def ensure_visible(self, start: pd.Timestamp, end: pd.Timestamp | None = None) -> None:
        """Pan (keeping the zoom) so some of [start, end) shows; no-op if it already does."""
        a = float(lanes_mod.to_seconds([start])[0])
        b = float(lanes_mod.to_seconds([end])[0]) if end is not None else a
        (lo, hi), _ = self.plots.lanes.getViewBox().viewRange()
        if b >= lo and a <= hi:
            return
        half = (hi - lo) / 2
        centre = a if a > hi else max(a, b - half)   # right: its start; left: its end
        self.plots.lanes.setXRange(centre - half, centre + half, padding=0)

    def zoom(self, factor: float) -> None:
        """Zoom the time axis about the view centre (factor < 1 zooms in)."""
        vb = self.plots.lanes.getViewBox()
        vb.scaleBy(x=factor, y=1.0)

    def fit(self) -> None:
        """Fit the axis to where the events are (the span holding 90 % of them, when the
        rest would squash it); pressed when the view already shows that, to every date,
        outlying background dates too."""
        rng = self.state.store.time_range()
        if rng is None:
            return
        target = _padded([float(x) for x in lanes_mod.to_seconds(list(rng))])
        dense = self._dense_span()
        if dense is not None:
            dense = _padded([dense[0], max(dense[1] + DAY, dense[0] + DAY)])
            shown = self.plots.lanes.viewRange()[0]
            if not _same_range(shown, dense):
                target = dense
        self.plots.lanes.setXRange(*target, padding=0)

    def focus_main_cluster(self) -> pd.Timestamp | None:
        """Open on the burst where most events are (Fit shows everything); returns its
        first day."""
        starts = lanes_mod.to_seconds(self._base_events["start"].dropna())
        burst = lanes_mod.main_cluster(starts)
        if burst is None:
            self.fit()                   # the dense span: outlying dates stay reachable
            rng = self.state.store.time_range()
            return rng[0] if rng else None
        lo, hi = burst[0], burst[1] + DAY
        pad = max((hi - lo) * 0.25, 2 * DAY)
        self.plots.lanes.setXRange(lo - pad, hi + pad, padding=0)
        return lanes_mod.from_seconds(lo)

    # -------------------------------------------------------------- playback
    @property
    def playing(self) -> bool:
        return self._play_timer.isActive()

    def toggle_play(self) -> None:
        self.stop() if self.playing else self.play()

    def play(self) -> None:
        window = self._window_or_default()
        rng = self.play_range()
        if window is None or rng is None:
            return
        self._move_played(playback.play_start(window, rng), live=False)
        self._play_timer.start()
        self.play_button.setText("Pause")
        self._update_play_icon()

    def stop(self) -> None:
        if self._play_timer.isActive():
            self._play_timer.stop()
            self.state.settle()          # every view catches up with where play stopped
        self.play_button.setText("Play")
        self._update_play_icon()

    def _update_play_icon(self) -> None:
        """The style's play or pause icon in the button's text colour: Fusion draws them
        near-black, invisible on the dark theme."""
        kind = QStyle.StandardPixmap.SP_MediaPause if self.playing else \
            QStyle.StandardPixmap.SP_MediaPlay
        size = self.play_button.iconSize()
        pixmap = self.style().standardIcon(kind).pixmap(size, self.devicePixelRatioF())
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), self.palette().color(QPalette.ColorRole.ButtonText))
        painter.end()
        self.play_button.setIcon(QIcon(pixmap))

    def changeEvent(self, event) -> None:
        """A new theme (the application palette changed): recolour the play icon."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "play_button"):
            self._update_play_icon()

    def _play_tick(self) -> None:
        rng = self.play_range()
        window = self.state.selection.window
        if rng is None or window is None:
            self.stop()
            return
        step = playback.play_step(rng, SPEEDS[self.speed_combo.currentText()])
        nxt = playback.play_tick(window, rng, step, self.loop_box.isChecked())
        if nxt is None:
            self.stop()
            return
        self._move_played(nxt, live=True)

    def _move_played(self, window, live: bool) -> None:
        """Move the window and keep it in view: the plot pans along with it."""
        self.state.update(window=window, live=live)
        view = self.plots.lanes.viewRange()[0]
        x0, x1 = lanes_mod.to_seconds(list(window))
        panned = playback.follow((view[0], view[1]), (float(x0), float(x1)))
        if panned is not None:
            self.plots.lanes.setXRange(*panned, padding=0)

    # ----------------------------------------------------------------- hover
    def _show_tooltip(self, event_id: str) -> None:
        row = self.state.store.event(event_id) if event_id else None
        if row is None:
            QToolTip.hideText()
            self.plots.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.plots.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), tooltip_html(row), self.plots)
