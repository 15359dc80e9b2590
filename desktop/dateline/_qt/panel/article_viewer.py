"""ArticleViewer: the full article text with the source sentence and span highlighted,
its time expressions (TIMEX3 value on hover) and its place names (click: the map selects
the place) marked."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
)

from dateline._qt import theme
from dateline._qt.panel.article_markup import TOPONYM_SCHEME, article_html
from dateline.model.dates import describe
from dateline.model.store import EventStore

__all__ = ["ArticleViewer", "ArticleBrowser", "article_html"]


class ArticleBrowser(QTextBrowser):
    """A text browser that shows the character format's tooltip (the HTML ``title`` of the
    span under the mouse): QTextBrowser itself only shows link targets."""

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip of the text at a viewport position ("" if none)."""
        return self.cursorForPosition(pos).charFormat().toolTip()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class ArticleViewer(QDialog):
    """Non-modal and reused: opening another article replaces the text.

    ``place_requested(name)`` asks for a place to be selected on the map; the main window
    turns it into a selection change (the viewer never touches the state itself)."""

    place_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Article")
        self.resize(760, 680)
        self.setModal(False)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b45309;")
        self.browser = ArticleBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.note = QLabel(self)          # what the highlights are; what a click did
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.article_id: str | None = None
        self.highlighted = ""
        self.timexes: list[dict] = []
        self.toponyms: list[dict] = []
        self._store: EventStore | None = None

    def show_article(self, store: EventStore, article_id: str, start: int, end: int,
                     sentence_start: int = -1, sentence_end: int = -1) -> None:
        text = store.text_of(article_id)
        art = store.article(article_id)
        self.article_id = article_id
        self.highlighted = text[start:end]
        title = (art["title"] if art is not None and art["title"] else article_id)
        outlet = art["outlet"] if art is not None else "Unknown outlet"
        published = describe(art["published"], None) if art is not None else "date unknown"
        self.setWindowTitle(f"{title} — {outlet}")
        self.heading.setText(f"<h2 style='margin:0'>{html.escape(title)}</h2>"
                             f"<span style='color:{theme.current().muted}'>"
                             f"{html.escape(outlet)} · {html.escape(published)}</span>")
        problems = []
        if not text:
            problems.append("The article file could not be read; it may have been moved.")
        elif article_id in store.stale_articles:
            problems.append("The article file changed since extraction; highlights may be off.")
        self.warning.setText(" ".join(problems))
        self.warning.setVisible(bool(problems))
        self._store = store
        self.timexes = store.timexes_of(article_id) if text else []
        self.toponyms = store.toponyms_of(article_id) if text else []
        self.browser.setHtml(article_html(text, start, end, sentence_start, sentence_end,
                                          self.timexes, self.toponyms, store.has_place))
        self.note.setText(self._legend())
        self.browser.scrollToAnchor("hit")
        self.show()
        self.raise_()

    def _legend(self) -> str:
        if not self.timexes and not self.toponyms:
            return ""
        return (f"{len(self.timexes)} time expressions (shaded; hover for the date) · "
                f"{len(self.toponyms)} place names (click one to show it on the map)")

    def _on_anchor(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == TOPONYM_SCHEME and rest.isdigit():
            self.activate_toponym(int(rest))

    def activate_toponym(self, index: int) -> bool:
        """Select the place of the article's ``index``-th toponym on the map; if the map has
        no such place, say so. True when a place was requested."""
        if not 0 <= index < len(self.toponyms) or self._store is None:
            return False
        rec = self.toponyms[index]
        name = rec.get("name")
        if isinstance(name, str) and self._store.has_place(name):
            self.note.setText(f"Showing {name} on the map.")
            self.place_requested.emit(name)
            return True
        shown = name if isinstance(name, str) and name else rec.get("text", "")
        self.note.setText(f"{shown} is not on the map: no event or statement is placed "
                          "there.")
        return False
