"""A one-line label whose text changes on every scrub step without re-laying out the window.

``QLabel.setText`` asks every enclosing layout up to the main window to recompute (~1-2
ms a step), and when its width sets a dock's minimum size, the docks, map and timeline are
all resized (~100 ms at a million events). This label only repaints: it asks for room once
the text is wider than any shown before (its size hint grows, never shrinks), its minimum
width is zero (it never constrains the window: a too narrow label elides at the right), and
its text is plain. It fills its own background, so Qt treats it as opaque: a new text
repaints the label alone, not the dock, status bar or window beneath it as well.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)
        self._text, self._width, self._text_width = "", 0, 0
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's names)
        if text == self._text:
            return
        self._text = text
        self.setAccessibleName(text)            # what QLabel would tell screen readers
        width = self._text_width = math.ceil(self.fontMetrics().horizontalAdvance(text)) + 4
        if width > self._width:
            self._width = width
            self.updateGeometry()                # wider than ever: one relayout
        self.update()

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:  # noqa: N802
        m = self.contentsMargins()
        return QSize(self._width + m.left() + m.right(),
                     self.fontMetrics().height() + m.top() + m.bottom())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self.sizeHint().height())

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:   # theme or zoom: measure again
            text, self._text, self._width = self._text, "", 0
            self.setText(text)

    def paintEvent(self, event) -> None:  # noqa: N802
        rect = self.contentsRect()
        text = self._text
        if self._text_width > rect.width():       # measured in setText: elide only if needed
            text = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         text)
