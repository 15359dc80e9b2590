"""ArticleViewer: the full article text with the source sentence and span highlighted."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
)

from dateline._qt import theme
from dateline.model.dates import describe
from dateline.model.store import EventStore, sentence_bounds


class ArticleViewer(QDialog):
    """Non-modal and reused: opening another article replaces the text."""

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
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.article_id: str | None = None
        self.highlighted = ""

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
        self.browser.setHtml(article_html(text, start, end, sentence_start, sentence_end))
        self.browser.scrollToAnchor("hit")
        self.show()
        self.raise_()

def article_html(text: str, start: int, end: int, s0: int = -1, s1: int = -1) -> str:
    """Escaped article text; the sentence shaded, the span marked, paragraphs kept."""
    t = theme.current()
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if s0 < 0 or s1 < 0 or not (s0 <= start <= end <= s1 <= n):
        s0, s1 = sentence_bounds(text, start, end)
    pieces = [
        html.escape(text[:s0]),
        f"<span style='background-color:{t.sentence_bg}'>{html.escape(text[s0:start])}</span>",
        (f"<a name='hit'></a><span style='background-color:{t.highlight_bg}; "
         f"font-weight:600'>{html.escape(text[start:end])}</span>"),
        f"<span style='background-color:{t.sentence_bg}'>{html.escape(text[end:s1])}</span>",
        html.escape(text[s1:]),
    ]
    body = "".join(pieces).replace("\n", "<br>")
    return f"<div style='line-height:140%; font-size:11pt'>{body}</div>"
