"""Pixel-sized graphics items for the map: haloed labels, edge indicators, arrowheads.

Each ignores the view transform (``ItemIgnoresTransformations``): it sits at a map
position but paints in screen pixels with y pointing down, so text stays upright
and the same size at any zoom. Items are created once and reused between updates.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGraphicsItem

from dateline._qt.common.paint_cache import cache_static

HALO_WIDTH = 3.5
GLYPH_PHASES = 4          # sub-pixel positions of a count's digits (1/4 px apart)
MAX_PIXMAPS = 3000        # text pieces kept rendered (names and counts: a few KB each)
_pixmaps: dict[tuple, tuple[QPixmap, QPointF]] = {}
_offsets: dict[tuple[str, str], list[float]] = {}   # (font key, text) -> x of each char


def _text_path(text: str, font: QFont) -> QPainterPath:
    path = QPainterPath()
    if text:
        path.addText(0.0, 0.0, font, text)   # baseline at y = 0; fonts fall back per script
    return path


def _halo_pixmap(text: str, font: QFont, fill: QColor | None, halo: QColor | None,
                 dpr: float, shift: float = 0.0, font_key: str | None = None
                 ) -> tuple[QPixmap, QPointF]:
    """``text`` haloed and filled (or only one of them: the other colour None), drawn
    ``shift`` px right of its origin, rendered once per (text, font, colours, pixel
    ratio, shift): stroking the halo costs ~0.5 ms a label, and every scrub step repaints
    the map. Returns the pixmap and its top-left relative to the text's baseline origin."""
    key = (text, font_key or font.key(), fill and fill.rgba(), halo and halo.rgba(), dpr,
           shift)
    hit = _pixmaps.get(key)
    if hit is not None:
        return hit
    path = _text_path(text, font).translated(shift, 0.0)
    m = HALO_WIDTH
    r = path.boundingRect().adjusted(-m, -m, m, m)
    left, top = math.floor(r.left()), math.floor(r.top())
    w, h = math.ceil(r.right()) - left, math.ceil(r.bottom()) - top
    pixmap = QPixmap(max(1, math.ceil(w * dpr)), max(1, math.ceil(h * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(-left, -top)
    if halo is not None:
        painter.strokePath(path, QPen(halo, HALO_WIDTH, Qt.PenStyle.SolidLine,
                                      Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    if fill is not None:
        painter.fillPath(path, QBrush(fill))
    painter.end()
    if len(_pixmaps) >= MAX_PIXMAPS:
        _pixmaps.clear()           # simple and rare: a new corpus or many themes
    _pixmaps[key] = hit = (pixmap, QPointF(left, top))
    return hit


def _glyph_pieces(text: str, font: QFont, fill: QColor, halo: QColor, dpr: float,
                  dx: float) -> list[tuple[QPixmap, QPointF]]:
    """``text`` (a count) put together from one cached pixmap per character, placed
    ``dx`` px right of the origin: the halos of all of them, then their fills, as one
    stroke and fill of the whole text would look. Counts change with every window: at 1M
    events a settled step rendered a dozen new ones, ~0.4 ms each."""
    font_key = font.key()
    offsets = _offsets.get((font_key, text))
    if offsets is None:
        if len(_offsets) >= MAX_PIXMAPS:
            _offsets.clear()
        fm = QFontMetricsF(font)
        offsets = _offsets[(font_key, text)] = [fm.horizontalAdvance(text[:i])
                                                for i in range(len(text))]
    halos, fills = [], []
    for char, offset in zip(text, offsets):
        if char.isspace():
            continue
        x = dx + offset
        whole = math.floor(x)
        phase = round((x - whole) * GLYPH_PHASES)       # a few sub-pixel positions
        whole, shift = whole + phase // GLYPH_PHASES, (phase % GLYPH_PHASES) / GLYPH_PHASES
        at = QPointF(whole, 0.0)
        for out, colours in ((halos, (None, halo)), (fills, (fill, None))):
            pixmap, top_left = _halo_pixmap(char, font, *colours, dpr, shift, font_key)
            out.append((pixmap, top_left + at))
    return halos + fills


SIDES = ("right", "left", "above", "below")


def side_boxes(anchor_x: np.ndarray, anchor_y: np.ndarray, size: np.ndarray,
               gap: np.ndarray) -> np.ndarray:
    """``LabelItem.text_rect`` for every side of many labels at once: (k, 4 sides, 4)
    boxes x0, y0, x1, y1 in scene pixels, sides in ``SIDES`` order. ``size`` rows are
    (name width, suffix width, ascent, descent), as ``LabelItem.metrics`` gives."""
    w = size[:, 0] + size[:, 1]
    h = size[:, 2] + size[:, 3]
    x = np.stack([gap, -gap - w, -w / 2, -w / 2], axis=1) + anchor_x[:, None]
    y = np.stack([-h / 2, -h / 2, -gap - h, gap], axis=1) + anchor_y[:, None]
    return np.stack([x, y, x + w[:, None], y + h[:, None]], axis=2)


class LabelItem(QGraphicsItem):
    """A map label: bold name plus an optional muted suffix (a count), with a halo.

    ``side`` places the text relative to the anchor (a marker centre) at ``gap``
    pixels: "right", "left", "above", "below" or "center".
    """

    def __init__(self, font: QFont, suffix_font: QFont | None = None):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Repainting the map (every scrub step) blits the label; paint() runs only when
        # its text or colours change.
        cache_static(self)
        self._font, self._suffix_font = font, suffix_font or font
        self._name, self._suffix = "", ""
        self._side, self._gap = "right", 0.0
        self._fg, self._muted, self._halo = QColor("black"), QColor("gray"), QColor("white")
        self._size = (0.0, 0.0, 0.0, 0.0)   # name width, suffix width, ascent, descent
        self._drawn: tuple | None = None     # (dpr, [(pixmap, top-left)]) for the text now
        self._bounds: QRectF | None = None   # Qt asks for it many times per repaint

    # -- content -------------------------------------------------------------
    def set_text(self, name: str, suffix: str = "") -> None:
        if (name, suffix) == (self._name, self._suffix):
            return
        self.prepareGeometryChange()
        self._name, self._suffix = name, suffix
        self._size = self.metrics(self._font, self._suffix_font, name, suffix)
        self._drawn = self._bounds = None
        self.update()

    @staticmethod
    def metrics(font: QFont, suffix_font: QFont, name: str, suffix: str = ""
                ) -> tuple[float, float, float, float]:
        """(name width, suffix width, ascent, descent) of a label's text."""
        fm, fs = QFontMetricsF(font), QFontMetricsF(suffix_font)
        suffix_w = fs.horizontalAdvance(" " + suffix) if suffix else 0.0
        return fm.horizontalAdvance(name), suffix_w, fm.ascent(), fm.descent()

    def set_colors(self, fg: QColor, muted: QColor, halo: QColor) -> None:
        if (fg, muted, halo) == (self._fg, self._muted, self._halo):
            return               # unchanged: keep the cached pixmap
        self._fg, self._muted, self._halo = QColor(fg), QColor(muted), QColor(halo)
        self._drawn = None
        self.update()

    def set_layout(self, side: str, gap: float) -> None:
        if (side, gap) != (self._side, self._gap):
            self.prepareGeometryChange()
            self._side, self._gap = side, gap
            self._bounds = None

    @property
    def name(self) -> str:
        return self._name

    # -- geometry --------------------------------------------------------------
    def text_rect(self, side: str | None = None, gap: float | None = None) -> QRectF:
        """The text box in pixels relative to the anchor, for a given layout."""
        side = side or self._side
        gap = self._gap if gap is None else gap
        name_w, suffix_w, ascent, descent = self._size
        w, h = name_w + suffix_w, ascent + descent
        x, y = {"right": (gap, -h / 2), "left": (-gap - w, -h / 2),
                "above": (-w / 2, -gap - h), "below": (-w / 2, gap)}.get(side, (-w / 2, -h / 2))
        return QRectF(x, y, w, h)

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            m = HALO_WIDTH
            self._bounds = self.text_rect().adjusted(-m, -m, m, m)
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self._name:
            return
        rect = self.text_rect()
        # Whole device pixels: the cached pixmaps are then drawn 1:1, as crisp as text.
        origin = painter.transform().map(QPointF(rect.left(), rect.top() + self._size[2]))
        painter.translate(round(origin.x()) - origin.x(), round(origin.y()) - origin.y())
        painter.translate(rect.left(), rect.top() + self._size[2])   # to the baseline
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        if self._drawn is None or self._drawn[0] != dpr:     # the map repaints every step
            self._drawn = (dpr, self._pieces(dpr))
        for pixmap, top_left in self._drawn[1]:
            painter.drawPixmap(top_left, pixmap)

    def _pieces(self, dpr: float) -> list[tuple[QPixmap, QPointF]]:
        out = []
        if self._name:
            pixmap, top_left = _halo_pixmap(self._name, self._font, self._fg, self._halo, dpr)
            out.append((pixmap, top_left))
        if self._suffix:         # the count: from per-character pieces, see _glyph_pieces
            out += _glyph_pieces(" " + self._suffix, self._suffix_font, self._muted,
                                 self._halo, dpr, self._size[0])
        return out


class ArrowHeadItem(QGraphicsItem):
    """A filled triangle pointing at ``angle`` degrees on screen (0 = right, 90 = up),
    its tip at the item position, or its middle there if ``centered``."""

    def __init__(self, length: float = 11.0, width: float = 8.0, centered: bool = False):
        super().__init__()
        self._shift = length / 2 if centered else 0.0
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        cache_static(self)        # blitted on each map repaint; re-drawn when turned
        self._length, self._width, self._angle = length, width, 0.0
        self._brush, self._pen = QBrush(QColor("black")), QPen(QColor("white"), 1.0)

    def set_angle(self, angle: float) -> None:
        if angle != self._angle:
            self._angle = angle
            self.update()

    def set_colors(self, fill: QColor, edge: QColor) -> None:
        if (fill, edge) != (self._brush.color(), self._pen.color()):
            self._brush, self._pen = QBrush(fill), QPen(edge, 1.0)
            self.update()

    def boundingRect(self) -> QRectF:
        r = max(self._length, self._width) + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.rotate(-self._angle)          # screen y points down: negate
        half = self._width / 2
        tip = self._shift
        tri = [QPointF(tip, 0), QPointF(tip - self._length, -half),
               QPointF(tip - self._length, half)]
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        painter.drawPolygon(tri)


class EdgeIndicatorItem(QGraphicsItem):
    """A place outside the view: an arrow at the view edge pointing towards it and
    its name and count beside the arrow, on the inner side of the edge."""

    def __init__(self, font: QFont, suffix_font: QFont):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.arrow = ArrowHeadItem(12.0, 10.0)
        self.arrow.setParentItem(self)
        self.label = LabelItem(font, suffix_font)
        self.label.setParentItem(self)
        self.place = ""
        self._shown: tuple | None = None      # (name, count, angle, inward) drawn
        self._ring = QPen(Qt.PenStyle.NoPen)
        # Without a ring it paints nothing itself (its arrow and label do): Qt then skips
        # a Python paint() call per arrow on every map repaint (every scrub step).
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._bounds = self.hit_rect().adjusted(-4, -4, 4, 4)

    def set_place(self, name: str, count: int, angle: float, inward: str) -> None:
        """``inward``: which side of the arrow the text goes ("right" for the left edge...)."""
        if (name, count, angle, inward) == self._shown and name == self.place:
            return                  # most arrows at a settled step: nothing to redo
        self._shown = (name, count, angle, inward)
        self.place = name
        self.prepareGeometryChange()
        self.label.set_text(name, str(count))
        self.label.set_layout(inward, 8.0)
        self._bounds = self.hit_rect().adjusted(-4, -4, 4, 4)
        self.arrow.set_angle(angle)
        # Tip of the arrow at the edge, body towards the inside.
        dx, dy = math.cos(math.radians(angle)), -math.sin(math.radians(angle))
        self.arrow.setPos(QPointF(dx * 6.0, dy * 6.0))

    def set_ring(self, colour: QColor | None, width: float = 2.0) -> None:
        """Outline the indicator (selected or hovered), or not (None)."""
        ring = QPen(colour, width) if colour is not None else QPen(Qt.PenStyle.NoPen)
        if ring == self._ring:
            return
        self._ring = ring
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, colour is None)
        self.update()

    def hit_rect(self) -> QRectF:
        """Clickable area in pixels relative to the item position."""
        return self.label.text_rect().united(QRectF(-10, -10, 20, 20))

    def boundingRect(self) -> QRectF:
        return self._bounds           # Qt asks for it many times per repaint

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._ring.style() == Qt.PenStyle.NoPen:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.hit_rect().adjusted(-2, -2, 2, 2), 5, 5)
