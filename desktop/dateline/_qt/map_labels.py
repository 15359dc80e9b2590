"""Place labels: a small pool of LabelItems placed beside markers without overlaps.

Only places inside the view get a label, at most ``MAX_LABELS`` of them, chosen
by priority (selected, hovered, then by count); the pool is reused between
updates, so scrubbing creates no items.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

from dateline._qt.map_items import LabelItem
from dateline._qt.map_style import MapPalette, color, label_font

Z_LABEL = 12
MAX_LABELS = 40
SIDES = ("right", "left", "above", "below")


def overlaps(rect: QRectF, boxes: np.ndarray) -> bool:
    """Does ``rect`` intersect any row (x0, y0, x1, y1) of ``boxes``?"""
    if not len(boxes):
        return False
    return bool(np.any((boxes[:, 0] < rect.right()) & (boxes[:, 2] > rect.left())
                       & (boxes[:, 1] < rect.bottom()) & (boxes[:, 3] > rect.top())))


class PlaceLabels:
    def __init__(self, viewbox: pg.ViewBox):
        self._vb = viewbox
        self._pool: list[LabelItem] = []
        self._palette: MapPalette | None = None
        self.shown: dict[int, LabelItem] = {}     # place index -> its label this layout

    def layout(self, order: list[int], names: list[str], counts: np.ndarray,
               view_xy: tuple[np.ndarray, np.ndarray], scene_xy: tuple[np.ndarray, np.ndarray],
               sizes: np.ndarray, gaps: np.ndarray, must: set[int],
               reserved: list[QRectF] = ()) -> None:
        """Label places in ``order`` (already filtered to the view, by priority).

        A place gets the first side whose box touches neither a placed label nor
        another marker; with none free it gets no label (tooltip still works),
        unless it is in ``must`` (selected or hovered), which is labelled anyway.
        ``reserved`` boxes (edge arrows) are avoided like placed labels.
        """
        sx, sy = scene_xy
        half = sizes / 2
        markers = np.column_stack([sx - half, sy - half, sx + half, sy + half])
        inside = np.zeros(len(sizes), bool)
        inside[order] = True
        taken = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in reserved]
                         ).reshape(-1, 4)
        self.shown = {}
        for i in order[:MAX_LABELS] + [i for i in order[MAX_LABELS:] if i in must]:
            label = self._label(len(self.shown))
            label.set_text(names[i], str(int(counts[i])) if counts[i] else "")
            anchor = QPointF(float(sx[i]), float(sy[i]))
            others = markers[inside & (np.arange(len(sizes)) != i)]
            side = self._free_side(label, anchor, float(gaps[i]), taken, others)
            if side is None and i not in must:
                continue
            label.set_layout(side or "right", float(gaps[i]))
            label.setPos(float(view_xy[0][i]), float(view_xy[1][i]))
            r = label.text_rect().translated(anchor)
            taken = np.vstack([taken, [r.left(), r.top(), r.right(), r.bottom()]])
            self.shown[i] = label
        in_use = set(map(id, self.shown.values()))
        for label in self._pool:
            label.setVisible(id(label) in in_use)

    def keep(self, shown: dict[int, LabelItem]) -> None:
        """Keep only these labels (place index -> label) until the next layout."""
        self.shown = dict(shown)
        in_use = set(map(id, self.shown.values()))
        for label in self._pool:
            label.setVisible(id(label) in in_use)

    def clear(self) -> None:
        """Forget the layout (the place indices it refers to are about to change)."""
        self.shown = {}
        for label in self._pool:
            label.setVisible(False)

    @staticmethod
    def _free_side(label: LabelItem, anchor: QPointF, gap: float, taken: np.ndarray,
                   markers: np.ndarray) -> str | None:
        for side in SIDES:
            rect = label.text_rect(side, gap).translated(anchor)
            if not overlaps(rect, taken) and not overlaps(rect, markers):
                return side
        return None

    def hit(self, scene_pos: QPointF, scene_xy: tuple[np.ndarray, np.ndarray]) -> int | None:
        for i, label in self.shown.items():
            anchor = QPointF(float(scene_xy[0][i]), float(scene_xy[1][i]))
            if label.text_rect().translated(anchor).contains(scene_pos):
                return i
        return None

    def rects(self, scene_xy: tuple[np.ndarray, np.ndarray]) -> list[QRectF]:
        return [label.text_rect().translated(QPointF(float(scene_xy[0][i]),
                                                     float(scene_xy[1][i])))
                for i, label in self.shown.items()]

    def set_palette(self, p: MapPalette) -> None:
        self._palette = p
        for label in self._pool:
            self._colour(label)

    def highlight(self, index: int | None) -> None:
        """The selected place's label in the selection colour."""
        for i, label in self.shown.items():
            self._colour(label, selected=(i == index))

    def _label(self, k: int) -> LabelItem:
        while len(self._pool) <= k:
            label = LabelItem(label_font(9.0, True), label_font(8.5, False))
            label.setZValue(Z_LABEL)
            self._colour(label)
            self._vb.addItem(label, ignoreBounds=True)
            self._pool.append(label)
        return self._pool[k]

    def _colour(self, label: LabelItem, selected: bool = False) -> None:
        if self._palette:
            p = self._palette
            label.set_colors(color(p.selected if selected else p.text), color(p.text_muted),
                             color(p.halo, 225))
