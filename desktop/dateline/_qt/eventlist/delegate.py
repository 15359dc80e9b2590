"""The event list's cell painter: one Python call per cell instead of Qt's generic path.

Every scrub step repaints the whole list. Qt's own delegate asks ``data()`` for ~7 roles
per cell, then the (style-sheet) style lays each cell's text out two or three times. Here
a plain cell is drawn from the model's formatted row: the chip as a filled square, the
text where the style would put it, drawn directly the first time it is seen and as a
``QStaticText`` (shaped once) when it comes back: steps repaint the same rows, and dates,
places and counts repeat. Selected, focused, disabled, right-to-left or editing cells and
text with tabs or line breaks take Qt's path, so they look as they always did; the tests
compare the pixels of both paths.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QStaticText, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from dateline._qt import theme
from dateline._qt.eventlist.model import CHIP_COLUMNS, RIGHT_ALIGNED

_S = QStyle.StateFlag
_FALLBACK = int((_S.State_Selected | _S.State_HasFocus | _S.State_Editing).value)
_ENABLED, _ACTIVE = int(_S.State_Enabled.value), int(_S.State_Active.value)
_ELIDE = Qt.TextElideMode.ElideRight
_TEXT = QPalette.ColorRole.Text
_NORMAL, _INACTIVE = QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive
_LTR = QTextOption()
_LTR.setTextDirection(Qt.LayoutDirection.LeftToRight)
_LTR.setWrapMode(QTextOption.WrapMode.NoWrap)
_SHAPED_CACHE = 4096        # elided / shaped strings kept; cleared when full
_SLACK = 12.0               # px: margin of the summed-advance estimate of a text's width


class EventDelegate(QStyledItemDelegate):
    """Paints the cells of an ``EventTableModel`` shown in ``view``."""

    def __init__(self, view, parent=None):
        super().__init__(parent or view)
        self._view = view
        self._font = None                           # the font the caches below are for
        self._geometry: dict[tuple, tuple | None] = {}   # (col, w, h, dir) -> layout
        # (text, width) -> the elided string when seen once, then its static text and
        # advance: in a forward scrub most summaries are painted once, and shaping them
        # for QStaticText costs more than drawing them directly.
        self._shaped: dict[tuple, object] = {}
        self._pens: dict[tuple, QColor] = {}        # (palette, group) -> text colour
        self._chips: dict[str, QColor] = {}

    def paint(self, painter, option, index) -> None:
        state = option.state.value
        geo = None
        if not state & _FALLBACK and state & _ENABLED:
            font, rect, col = option.font, option.rect, index.column()
            if font != self._font:
                self._reset(font)
            key = (col, rect.width(), rect.height(), option.direction)
            geo = self._geometry.get(key, False)
            if geo is False:
                if len(self._geometry) > 256:      # columns resized many times
                    self._geometry.clear()
                geo = self._geometry[key] = self._layout(option, index, col)
        cells = index.model().cells(index.row()) if geo is not None else None
        shaped = self._text(cells[col], geo) if cells is not None else None
        if shaped is None:
            super().paint(painter, option, index)
            return
        chip, text_x, box, baseline, width, right = geo
        x, y = rect.x(), rect.y()
        if chip is not None:
            painter.fillRect(chip.translated(x, y), self._chip(cells[-1]))
        painter.setPen(self._pen(option.palette, state & _ACTIVE))
        painter.setFont(font)
        if type(shaped) is str:
            painter.drawText(QPointF(x + text_x, y + baseline), shaped)
        else:
            static, advance, height = shaped
            left = x + text_x + (width - advance if right else 0.0)
            # centred on its own line height, as the style does (a fallback font for
            # CJK, say, makes the line taller than the list font's)
            painter.drawStaticText(QPointF(left, y + _centred(box, height)), static)

    def _text(self, text: str, geo: tuple):
        """``text`` elided to the cell: a string to draw (first sighting), a (static text,
        advance, height) triple, or None for text only Qt's path lays out right (line
        breaks, tabs and the like)."""
        key = (text, geo[4])
        hit = self._shaped.get(key, False)
        if hit is False:
            if not text.isprintable():
                hit = None
            elif text.isascii():
                hit = self._elided_ascii(text, geo[4])
                if geo[5]:                          # right-aligned: needs its advance
                    hit = _static(hit, self._font)
            else:                       # the list font may lack glyphs: Qt lays it out
                hit = _static(self._metrics.elidedText(text, _ELIDE, geo[4]), self._font)
            if len(self._shaped) >= _SHAPED_CACHE:
                self._shaped.clear()
            self._shaped[key] = hit
        elif type(hit) is str:
            hit = self._shaped[key] = _static(hit, self._font)
        return hit

    def _elided_ascii(self, text: str, width: float) -> str:
        """``elidedText`` without shaping what cannot matter: the summed advances of
        ASCII text (kerning moves the real width by far less than the margins) say
        whether it surely fits, or where it surely overflows: the tail past there is
        dropped, not shaped."""
        widths = list(accumulate(map(self._advances.__getitem__, text.encode())))
        if not widths or widths[-1] <= width - _SLACK:
            return text
        cut = bisect_right(widths, width * 1.25 + _SLACK) + 1
        return self._metrics.elidedText(text[:cut], _ELIDE, width)

    def _reset(self, font) -> None:
        self._font = QFont(font)        # a copy: the option's font dies with the option
        self._metrics = metrics = QFontMetricsF(font)
        self._advances = [metrics.horizontalAdvance(chr(c)) for c in range(128)]
        self._geometry.clear()
        self._shaped.clear()

    def _layout(self, option, index, col: int) -> tuple | None:
        """Where the style puts this column's chip and text, relative to the cell: asked
        once per column size (the style's own rectangles, so margins match). None if the
        cell is not one this class paints like the style does."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        geo = None
        if opt.direction == Qt.LayoutDirection.LeftToRight:
            style, widget = self._view.style(), self._view
            origin = opt.rect.topLeft()
            chip = None
            if col in CHIP_COLUMNS:
                deco = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt,
                                            widget)
                chip = QRect(deco.topLeft() - origin, deco.size())
            box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                       widget) + 1
            box.adjust(margin, 0, -margin, 0)
            metrics = self._metrics
            span = (box.y() - origin.y(), box.height())     # the text's rows in the cell
            line = math.ceil(metrics.ascent() + metrics.descent())    # as QTextLine
            baseline = _centred(span, line) + metrics.ascent()
            geo = (chip, box.x() - origin.x(), span, baseline, float(box.width()),
                   col in RIGHT_ALIGNED)
        return geo

    def _pen(self, palette: QPalette, active: int) -> QColor:
        key = (palette.cacheKey(), active)
        colour = self._pens.get(key)
        if colour is None:
            if len(self._pens) > 16:
                self._pens.clear()
            group = _NORMAL if active else _INACTIVE
            # a copy: the option's palette (and what it returns) dies with the option
            colour = self._pens[key] = QColor(palette.color(group, _TEXT))
        return colour

    def _chip(self, event_type: str) -> QColor:
        colour = self._chips.get(event_type)
        if colour is None:
            colour = self._chips[event_type] = theme.type_colour(event_type)
        return colour


def _static(text: str, font) -> tuple[QStaticText, float, float]:
    """``text`` shaped once: (static text, advance, line height in whole pixels)."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextOption(_LTR)        # as the style lays out left-to-right items
    static.prepare(font=font)
    size = static.size()
    return static, size.width(), math.ceil(size.height())


def _centred(span: tuple[int, int], height: int) -> int:
    """Top of a line ``height`` high centred in ``span`` (top, height), in whole pixels
    as ``QStyle.alignedRect`` places it (each height halved on its own)."""
    return span[0] + span[1] // 2 - height // 2
