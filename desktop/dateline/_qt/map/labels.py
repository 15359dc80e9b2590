"""Place labels: a small pool of LabelItems placed beside markers without overlaps.

Only places inside the view get a label, at most ``MAX_LABELS`` of them, chosen
by priority (selected, hovered, then by count); the pool is reused between
updates, so scrubbing creates no items.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

from dateline._qt.map.items import SIDES, LabelItem, side_boxes
from dateline._qt.map.style import MapPalette, color, label_font

Z_LABEL = 12
MAX_LABELS = 40


def _hits(rects: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Which of ``rects`` (k x 4, rows x0, y0, x1, y1) intersect which of ``boxes``
    (m x 4): a k x m matrix."""
    r, b = rects[:, None, :], boxes[None, :, :]
    return (b[..., 0] < r[..., 2]) & (b[..., 2] > r[..., 0]) & (b[..., 1] < r[..., 3]) \
        & (b[..., 3] > r[..., 1])


class PlaceLabels:
    def __init__(self, viewbox: pg.ViewBox):
        self._vb = viewbox
        self._pool: list[LabelItem] = []
        self._palette: MapPalette | None = None
        self.shown: dict[int, LabelItem] = {}     # place index -> its label this layout
        self._fonts = (label_font(9.0, True), label_font(8.5, False))
        self._sizes: dict[tuple[str, str], tuple] = {}   # text -> LabelItem.metrics

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
        cands = order[:MAX_LABELS] + [i for i in order[MAX_LABELS:] if i in must]
        if not cands:
            self.clear()
            return
        sx, sy = scene_xy
        half = sizes / 2
        texts = [(names[i], str(int(counts[i])) if counts[i] else "") for i in cands]
        idx = np.asarray(cands, dtype=np.intp)
        boxes = side_boxes(sx[idx], sy[idx], self._metrics(texts).reshape(-1, 4), gaps[idx])
        # Sides blocked by a marker in view (its own excepted), for all labels at once;
        # only the labels placed before need checking one label at a time.
        inview = np.asarray(order, dtype=np.intp)
        markers = np.column_stack([sx - half, sy - half, sx + half, sy + half])[inview]
        hit = _hits(boxes.reshape(-1, 4), markers).reshape(len(cands), len(SIDES), -1)
        hit &= (inview[None, :] != idx[:, None])[:, None, :]
        blocked = hit.any(axis=2)
        # a side running off the map (Washington at the right edge) is cut: another side
        view = self._vb.sceneBoundingRect()
        blocked |= (boxes[..., 0] < view.left()) | (boxes[..., 2] > view.right()) \
            | (boxes[..., 1] < view.top()) | (boxes[..., 3] > view.bottom())
        taken = np.zeros((len(reserved) + len(cands), 4))
        for n, r in enumerate(reserved):
            taken[n] = (r.left(), r.top(), r.right(), r.bottom())
        n_taken = len(reserved)
        self.shown = {}
        for k, i in enumerate(cands):
            free = ~blocked[k] & ~_hits(boxes[k], taken[:n_taken]).any(axis=1)
            if not free.any() and i not in must:
                continue
            side = int(np.argmax(free)) if free.any() else 0      # none free: "right"
            label = self._label(len(self.shown))
            label.set_text(*texts[k])
            label.set_layout(SIDES[side], float(gaps[i]))
            label.setPos(float(view_xy[0][i]), float(view_xy[1][i]))
            taken[n_taken] = boxes[k, side]
            n_taken += 1
            self.shown[i] = label
        in_use = set(map(id, self.shown.values()))
        for label in self._pool:
            label.setVisible(id(label) in in_use)

    def _metrics(self, texts: list[tuple[str, str]]) -> np.ndarray:
        """``LabelItem.metrics`` of each (name, suffix), remembered per text."""
        out = np.zeros((len(texts), 4))
        for n, text in enumerate(texts):
            size = self._sizes.get(text)
            if size is None:
                if len(self._sizes) > 20000:
                    self._sizes.clear()
                size = self._sizes[text] = LabelItem.metrics(*self._fonts, *text)
            out[n] = size
        return out

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
            label = LabelItem(*self._fonts)
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
