"""A word-wrapped rich-text label whose text changes without re-laying out the window.

``QLabel.setText`` always asks for a new layout, and Qt passes layout requests from a dock
up to the main window, which then lays out and repaints all of itself: ~8 ms of each
settled step at a million events for the side panel's heading. This label only repaints
while its wrapped text keeps its height; it asks for a new layout only when the height
changes (a longer place name wrapping onto another line).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget


class SteadyRichLabel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._html = ""
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self._height = 0
        # Width comes from the layout (never from the text); the height follows the text.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)     # opaque: a new text repaints the label alone

    def setText(self, html: str) -> None:  # noqa: N802 (QLabel's name)
        if html == self._html:
            return
        self._html = html
        self._doc.setDefaultFont(self.font())
        self._doc.setHtml(html)
        self._fit()
        self.update()

    def text(self) -> str:
        return self._html

    def plain_text(self) -> str:
        return self._doc.toPlainText()

    def _fit(self) -> None:
        """Wrap to the current width; a new height (only) asks for a new layout."""
        m = self.contentsMargins()
        self._doc.setTextWidth(max(self.width() - m.left() - m.right(), 1))
        height = math.ceil(self._doc.size().height()) + m.top() + m.bottom()
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, self._height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._doc.setDefaultFont(self.font())
            self._fit()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        m = self.contentsMargins()
        painter.translate(m.left(), m.top())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text,
                                 self.palette().color(QPalette.ColorRole.WindowText))
        self._doc.documentLayout().draw(painter, context)
