"""MapView: the regional map. Shows where things happened in the current window and
turns clicks into ``state.update(place=...)``; it never calls other views.

Layers (bottom to top): sea (background), land, graticule, borders, coastline,
country names, itinerary arrows, place markers and labels, edge indicators.
"""
from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dateline._qt.common.drag_defer import DragDeferral
from dateline._qt.map.edges import EdgeIndicators
from dateline._qt.map.itinerary import ItineraryLayer, describe, stops_from_frame
from dateline._qt.map.layers import BaseLayers
from dateline._qt.map.overlays import CornerOverlay, ElidedLabel
from dateline._qt.map.places import PlacesLayer, cluster_tooltip_html, tooltip_html
from dateline._qt.map.scale import km_per_unit_x
from dateline._qt.map.style import DARK, LIGHT, MapPalette
from dateline._qt.common.steady_label import SteadyLabel
from dateline.atomic import write_bytes_atomic
from dateline.geo.basemap import EAST_ASIA, HOME_FRAME, WORLD_FRAME, load_basemap
from dateline.geo.fit import bulk_box, is_worldwide, mostly_inside
from dateline.geo.clip import BBox
from dateline.geo.projection import DEFAULT_PROJECTION
from dateline.model.place_counts import PlaceCounts
from dateline.model.explorer import StoreReplaced, only_live_window

log = logging.getLogger(__name__)


class MapView(QWidget):
    # During a long drag or playback (40 ms ticks) the settle timer keeps restarting:
    # labels waiting this long (seconds) are laid out within the step anyway.
    MAX_LABEL_LAG_S = 1.0
    MIN_CLUSTER_ZOOM_WIDTH = 0.8     # view units: the viewbox's minimum range, doubled

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self._proj = DEFAULT_PROJECTION
        self._palette: MapPalette = LIGHT
        self._place_data = None       # the PlaceCounts (or frame) the markers show
        self._frame: BBox | None = None     # box to keep fitted on resize, until the user pans
        self._itinerary_key: tuple | None = None
        self._label_wait = DragDeferral()   # labels/edge arrows wait for the settle timer
        self._view_stale = False            # country names/level of detail too
        self._build_widgets()
        vb = self.viewbox
        self.base = BaseLayers(vb, self._proj, load_basemap("50m", EAST_ASIA), load_basemap("110m"))
        self.places = PlacesLayer(vb, self._proj)
        self.edges = EdgeIndicators(vb)
        self.itinerary = ItineraryLayer(vb, self._proj)
        # Country names and level of detail cost ~20 ms, label layout and edge arrows
        # ~15-25 ms at scale: while the user drags (the view or the time window) do them
        # once the drag pauses.
        self._settle = QTimer(self, singleShot=True, interval=60, timeout=self._on_settle)
        vb.sigRangeChanged.connect(self._on_range_changed)
        vb.sigResized.connect(self._on_resized)
        vb.sigRangeChangedManually.connect(self._forget_frame)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        state.changed.connect(self._on_changes)
        self.set_dark(False)
        self.reset_view()
        result = getattr(state, "result", None)
        if result is not None:
            self._on_result(result)

    # -- construction --------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.reset_button = QToolButton(text="Reset view", toolTip="Back to the East Asia view")
        self.world_button = QToolButton(text="World", checkable=True,
                                        toolTip="Zoom out to the whole world")
        self.summary = SteadyLabel()               # new counts on every scrub step
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setToolTip("Places on the map with events or statements in the time "
                                "window and filters, and those events and statements "
                                "(those without a located place are not on the map)")
        self.caption = ElidedLabel()     # the selected actor's itinerary
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 6, 2)
        for widget in (self.reset_button, self.world_button):
            widget.setAutoRaise(True)
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.caption, 1)
        bar.addWidget(self.summary)
        self.plot = pg.PlotWidget(enableMenu=False)     # no context menu: not built
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        for axis in ("left", "bottom"):
            self.plot.hideAxis(axis)
        self.viewbox: pg.ViewBox = self.plot.getViewBox()
        self.viewbox.setAspectLocked(True, 1.0)     # the projection already scales x
        self.viewbox.setDefaultPadding(0.0)
        self.viewbox.disableAutoRange()
        # Seam to seam in x; y is generous so a wide world fits a tall widget.
        half = 183.0 * self._proj.k
        self.viewbox.setLimits(xMin=-half, xMax=half, yMin=-125.0, yMax=125.0,
                               minXRange=0.4, minYRange=0.4)
        self.corner = CornerOverlay(self.plot)          # attribution and scale bar
        self.plot.setAccessibleName("Map")
        self.plot.setAccessibleDescription(
            "Places with events in the time window. Click a place to list its statements; "
            "Escape clears it, Home resets the view.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        self.reset_button.clicked.connect(self.reset_view)
        self.world_button.toggled.connect(self._on_world_toggled)

    # -- public API --------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        p = self._palette = DARK if dark else LIGHT
        self.plot.setBackground(p.sea)
        for layer in (self.base, self.places, self.edges, self.itinerary):
            layer.set_palette(p)
        self.caption.setStyleSheet(f"color: {p.itinerary}; font-weight: bold;")
        self.corner.set_colour(p.text_muted)
        self._relayout()

    def reset_view(self) -> None:
        """Frame Beijing, Pyongyang, Seoul and Tokyo."""
        self._uncheck_world()
        self.show_bbox(HOME_FRAME)

    def show_world(self) -> None:
        self.world_button.setChecked(True)

    def show_bbox(self, box: BBox) -> None:
        """Fit ``box`` (lon/lat) entirely in the view, centred, keeping the aspect;
        it stays fitted when the widget is resized, until the user pans or zooms."""
        self._frame = box
        (x0, x1), (y0, y1) = self._proj.forward_points(
            np.array([[box.west, box.south], [box.east, box.north]])).T
        w, h = x1 - x0, y1 - y0
        vw, vh = max(self.viewbox.width(), 1.0), max(self.viewbox.height(), 1.0)
        if w / h > vw / vh:          # box wider than the widget: grow the height
            grow = (w * vh / vw - h) / 2
            y0, y1 = y0 - grow, y1 + grow
        else:
            grow = (h * vw / vh - w) / 2
            x0, x1 = x0 - grow, x1 + grow
        self.viewbox.setRange(xRange=(float(x0), float(x1)), yRange=(float(y0), float(y1)),
                              padding=0.0)
        self._update_base()

    def view_bbox(self) -> BBox:
        """The visible area in lon/lat."""
        r = self.viewbox.viewRect()
        (w, e), (s, n) = self._proj.inverse([r.left(), r.right()], [r.top(), r.bottom()])
        return BBox(float(w), float(min(s, n)), float(e), float(max(s, n)))

    def place_at(self, scene_pos: QPointF) -> str | None:
        """The place a click at ``scene_pos`` would select (edge arrows first)."""
        return self.edges.hit(scene_pos) or self.places.hit(scene_pos)

    def center_on(self, name: str) -> None:
        """Pan (same zoom) so place ``name`` is in the middle of the view."""
        i = self.places.places.index(name)
        if i is not None:
            self._uncheck_world()
            self._frame = None
            r = self.viewbox.viewRect()
            x, y = float(self.places.places.x[i]), float(self.places.places.y[i])
            self.viewbox.setRange(xRange=(x - r.width() / 2, x + r.width() / 2),
                                  yRange=(y - r.height() / 2, y + r.height() / 2), padding=0.0)

    def zoom_to_cluster(self, name: str) -> bool:
        """Zoom in on a cluster's places so its markers split (centred on them, 2x to
        8x closer per click); False when the view cannot zoom in further."""
        box = self.places.cluster_box(name)
        r = self.viewbox.viewRect()
        if box is None or r.width() <= self.MIN_CLUSTER_ZOOM_WIDTH:
            return False
        aspect = r.height() / max(r.width(), 1e-9)
        width = max(box.width(), box.height() / aspect) * 2.5
        width = min(max(width, r.width() / 8), r.width() / 2)
        c = box.center()
        self._uncheck_world()
        self._frame = None
        self.viewbox.setRange(xRange=(c.x() - width / 2, c.x() + width / 2),
                              yRange=(c.y() - width * aspect / 2, c.y() + width * aspect / 2),
                              padding=0.0)
        return True

    def place_scene_pos(self, name: str) -> QPointF | None:
        """Where a user clicks to select ``name``: its marker, or its edge arrow when
        the place is outside the view; None if the map does not show it."""
        i = self.places.places.index(name)
        if i is None:
            return None
        if not self.places.in_view(self.viewbox.viewRect())[i]:
            return self.edges.scene_pos(name)
        return self.places.scene_points()[i]

    def export_png(self, path) -> bool:
        """Save what the map shows as PNG (atomic write); False if rendering failed."""
        buffer = QBuffer(data := QByteArray())
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        ok = self.grab().save(buffer, "PNG")
        buffer.close()
        if ok:
            write_bytes_atomic(path, bytes(data))
        return ok

    # -- state -> view ---------------------------------------------------------------
    def _on_store(self, store, fit: bool = True) -> None:
        """New data; ``fit`` False (the user's correction): the map stays where it is."""
        self._itinerary_key = None
        self._place_data = None
        self.places.reset_scale()
        self.places.set_hovered(None)       # the old data's hover mark must not linger
        if fit:
            self.fit_places(store)

    def fit_places(self, store) -> None:
        """Frame the new data's places: East Asia when they are there, the world when
        they are everywhere, else the box around the bulk of them."""
        places = getattr(store, "places", None)
        box = None if places is None or places.empty else bulk_box(
            places["lat"], places["lon"], places["n_events"] + places["n_statements"],
            projection=self._proj)
        if box is None or mostly_inside(box, HOME_FRAME):
            self.reset_view()
        elif is_worldwide(box):
            self.show_world()
        else:
            self._uncheck_world()
            self.show_bbox(box)

    def _on_changes(self, changes: tuple) -> None:
        for change in changes:
            if isinstance(change, StoreReplaced):
                self._on_store(change.store, fit=not change.corrected)
        self._on_result(self._state.result, dragging=only_live_window(changes))

    def _on_result(self, result, dragging: bool = False) -> None:
        data = getattr(result, "by_place", None)
        if not isinstance(data, PlaceCounts):           # a result made elsewhere: its frame
            data = getattr(result, "place_counts", None)
        selection = getattr(result, "selection", None) or getattr(self._state, "selection", None)
        if data is not self._place_data and not _same_places(data, self._place_data):
            self._place_data = data
            if dragging:      # only the counts change: no label layout on every step
                self.places.update_counts(data)
            else:
                self.places.set_places(data)
        place = getattr(selection, "place", None)
        self.places.set_selected(place)
        self._update_itinerary(selection)
        self._update_summary()
        if self._label_wait.defer(dragging, self.MAX_LABEL_LAG_S):
            self._settle.start()
        else:
            self._relayout()

    def _update_itinerary(self, selection) -> None:
        actors = tuple(getattr(selection, "actors", ()) or ())
        window = getattr(selection, "window", None)
        key = (actors, window, id(getattr(self._state, "store", None)))
        if key == self._itinerary_key:
            return
        self._itinerary_key = key
        stops = []
        if len(actors) == 1:
            try:
                stops = stops_from_frame(self._state.store.itinerary(actors[0], window))
            except Exception:   # the map must not die with a model bug; log it
                log.exception("itinerary for %r failed", actors[0])
        if not stops and not self.itinerary.stops:
            return          # most scrub steps: no itinerary before or after
        self.itinerary.set_stops(stops, *self._marker_gaps())
        self.caption.setText(("Itinerary — " + describe(actors[0], stops)) if stops else "")
        self.caption.setToolTip(self.caption.text())

    def _update_summary(self) -> None:
        p = self.places.raw             # places one by one, not cluster markers
        n_places = int((p.counts > 0).sum())
        self.summary.setText(" · ".join(_plural(n, word) for n, word in (
            (n_places, "place"), (int(p.events.sum()), "event"),
            (int(p.statements.sum()), "statement"))) + " on the map")

    # -- view -> state ---------------------------------------------------------------
    def _on_click(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        name = self.place_at(ev.scenePos())
        if name is not None and self.places.places.members_of(name):
            if not ev.double() and not self.zoom_to_cluster(name):
                self._state.update(place=name)      # cannot split them: pick the biggest
            ev.accept()
            return
        if ev.double():              # go there; keep it selected whatever the 1st click did
            if name is not None:
                self._state.update(place=name)
                self.center_on(name)
            ev.accept()
            return
        current = getattr(self._state.selection, "place", None)
        self._state.update(place=None if name is None or name == current else name)
        ev.accept()

    def _on_hover(self, scene_pos) -> None:
        name = self.place_at(scene_pos)
        if name == self.places.hovered:
            return
        self.places.set_hovered(name)
        self.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor if name
                                       else Qt.CursorShape.ArrowCursor)
        i = self.places.places.index(name)
        if i is None:
            QToolTip.hideText()
        else:
            p = self.places.places
            off_view = not self.places.in_view(self.viewbox.viewRect())[i]
            members = p.members_of(name)
            text = cluster_tooltip_html(members, int(p.events[i]), int(p.statements[i])) \
                if members else tooltip_html(name, int(p.events[i]), int(p.statements[i]),
                                             off_view, bool(p.area[i]))
            QToolTip.showText(QCursor.pos(), text, self.plot)
        self._relayout()

    def _uncheck_world(self) -> None:
        self.world_button.blockSignals(True)
        self.world_button.setChecked(False)
        self.world_button.blockSignals(False)

    def _on_world_toggled(self, checked: bool) -> None:
        if checked:
            self.show_bbox(WORLD_FRAME)
        else:
            self.reset_view()

    # -- layout ---------------------------------------------------------------------
    def _on_resized(self, *_args) -> None:
        if self._frame is not None:
            self.show_bbox(self._frame)
        self._on_range_changed()

    def _forget_frame(self, *_args) -> None:
        self._frame = None

    def _on_range_changed(self, *_args) -> None:
        self.places.follow_view()
        self._relayout()
        self._view_stale = True
        self._settle.start()

    @property
    def _labels_stale(self) -> bool:
        """Labels and edge arrows wait for the settle timer (a window drag)."""
        return self._label_wait.waiting

    def _on_settle(self) -> None:
        if self._labels_stale:
            self._relayout()
        if self._view_stale:
            self._view_stale = False
            self._update_base()

    def _relayout(self) -> None:
        if not hasattr(self, "edges"):
            return     # still constructing
        self._label_wait.done()
        outside = ~self.places.in_view(self.viewbox.viewRect())
        self.edges.update(self.places.places, outside, self.places.selected, self.places.hovered)
        edge_rects = self.edges.occupied_rects()
        self.places.layout_labels(reserved=edge_rects)
        self._update_scale()
        if self.itinerary.stops:
            self.itinerary.relayout(*self._marker_gaps())
        self.base.avoid(self._occupied(edge_rects))

    def _marker_gaps(self) -> tuple[float, dict[str, float]]:
        """View units per pixel, and each place's marker radius plus a margin (px)."""
        units_per_px = self.viewbox.viewRect().width() / max(self.viewbox.width(), 1.0)
        p = self.places.places
        return units_per_px, {n: s / 2 + 3 for n, s in zip(p.names, self.places.sizes())}

    def _update_scale(self) -> None:
        r, width_px = self.viewbox.viewRect(), max(self.viewbox.width(), 1.0)
        lat = min(max(r.center().y(), -85.0), 85.0)
        self.corner.set_scale(km_per_unit_x(self._proj.k, lat) * r.width() / width_px)

    def _update_base(self) -> None:
        self.base.update_for_view(self.view_bbox())
        self.base.avoid(self._occupied(self.edges.occupied_rects()))

    def _occupied(self, edge_rects: list[QRectF]) -> np.ndarray:
        """Scene boxes country names keep clear of: markers, labels, edge arrows."""
        edges = [[r.left(), r.top(), r.right(), r.bottom()] for r in edge_rects]
        return np.vstack([self.places.occupied_rects(), np.array(edges, float).reshape(-1, 4)])

    def keyPressEvent(self, event) -> None:
        """Esc clears the selected place; Home resets the view."""
        if event.key() == Qt.Key.Key_Escape and getattr(self._state.selection, "place", None):
            self._state.update(place=None)
        elif event.key() == Qt.Key.Key_Home:
            self.reset_view()
        else:
            super().keyPressEvent(event)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _same_places(a, b) -> bool:
    """Do two query results put the same counts on the same places?"""
    if a is None or b is None:
        return a is b
    if isinstance(a, PlaceCounts) or isinstance(b, PlaceCounts):
        return isinstance(a, PlaceCounts) and a.same_as(b)
    return a.shape == b.shape and a.equals(b)
