"""SidePanel: the sources behind the current selection — statements and event excerpts.

Every entry shows its sentence with the quoted span highlighted; clicking an entry selects
its event (timeline, map and list follow through AppState); "open article" asks the main
window (via a signal) to show the whole article. All article text is html-escaped.
"""
from __future__ import annotations

import html
import re
import time
from urllib.parse import quote, unquote

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCursor, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dateline._qt import theme
from dateline._qt.common.drag_defer import DragDeferral
from dateline._qt.common.steady_rich_label import SteadyRichLabel
from dateline._qt.project.badges import marks_html
from dateline._qt.state import AppState
from dateline.model.dates import describe, plural, window_label
from dateline.model.explorer import (EventPicked, FiltersChanged, MarksChanged, PlacePicked,
                                     StoreReplaced, only_live_window)

PAGE = 10                # entries per section at first (~20 in all: each setHtml lays all
                         # of them out, ~0.3 ms an entry); "Show more" adds a page
SETTLE_MS = 100          # a window drag: render this long after the last step
MAX_LAG_S = 1.0          # a long drag or playback still renders at least this often (s)
MAX_ENTRIES = PAGE       # (old name)
_CACHE_LIMIT = 5000      # cached entry HTML fragments
esc = html.escape


# The columns the entries show (the page is read row by row from the store's frames).
STATEMENT_COLUMNS = ("id", "event", "speaker", "start", "end", "precision", "published",
                     "place", "outlet", "article", "sentence_start", "sentence_end",
                     "start_char", "end_char", "text", "place_source", "date_source")
EVENT_COLUMNS = ("id", "summary", "start", "end", "precision", "place", "place_source", "type",
                 "mentions")

# Places and dates the sentence itself does not give are shown as inferred, with how
# (extraction's place_source / date_source; "text" and corrected ones need no note)
INFERRED_PLACE = {"dateline": "from the dateline", "scene": "from the article's scene",
                  "actor": "the actor's country"}
INFERRED_DATE = {"dateline": "date from the dateline", "scene": "date from the article's scene"}


# The section counts are named anchors (styled as the text around them), so a step that
# changes only the counts edits those numbers in place instead of a whole new setHtml
COUNT_RE = re.compile(r"(<a class='n' name='(count-[a-z-]+)'>)(\d+)(</a>)")


def _count(name: str, n: int) -> str:
    return f"<a class='n' name='count-{name}'>{n}</a>"


def _count_positions(document) -> dict[str, tuple[int, object]]:
    """Where each count anchor starts in ``document``, with its character format."""
    out = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            for name in fragment.charFormat().anchorNames():
                if name.startswith("count-"):
                    out[name] = (fragment.position(), fragment.charFormat())
            it += 1
        block = block.next()
    return out


def _inferred(note: str | None) -> str:
    return f" <span class='muted'>({esc(note)})</span>" if note else ""


def _rows(frame: pd.DataFrame, rows, columns: tuple[str, ...]) -> pd.DataFrame:
    """Rows (positions) of ``frame``, only the columns the panel shows (all of them if
    one is missing: an older or foreign frame)."""
    if all(c in frame.columns for c in columns):
        # one positional take of rows and columns (~2 ms at 1M events); a frame built
        # from one Series per column cost ~9 ms a render
        return frame.iloc[rows, [frame.columns.get_loc(c) for c in columns]]
    return frame.iloc[rows]


def _source_line(store, article_id: str) -> tuple[str, str]:
    """(outlet, publication date as shown) of the article a mention comes from."""
    art = store.article(article_id)
    if art is None:
        return "Unknown outlet", "date unknown"
    outlet = art["outlet"]
    return (outlet if isinstance(outlet, str) else "Unknown outlet",
            describe(pd.Timestamp(art["published"]), None))


def _q(ident: str) -> str:
    """Ids and names inside link targets: percent-encoded (quotes, spaces, colons, markup)."""
    return quote(str(ident), safe="")


def _item_of_anchor(anchor: str) -> tuple[str, str] | None:
    """("statement" | "event", id) a link stands for: an event, a statement's source or
    an entry's "edit…" link; None for places, mentions and the rest."""
    kind, _, rest = anchor.partition(":")
    if kind == "event":
        return "event", unquote(rest)
    item_kind, _, ident = rest.partition(":")
    if (kind == "menu" and item_kind in ("statement", "event")) or \
            (kind == "open" and item_kind == "statement"):
        return item_kind, unquote(ident)
    return None


NEW_LIST = (FiltersChanged, PlacePicked, StoreReplaced)
TITLE_EVERY_S = 0.15     # while dragged or played, the heading follows at least this often


class SidePanel(QWidget):
    # article id, (highlight start, end), (sentence start, end)
    open_article_requested = Signal(str, int, int, int, int)
    # "statement" | "event", item id, global position: the window offers the edits there
    item_menu_requested = Signal(str, str, QPoint)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.shown_statements: list[str] = []    # ids, in display order (tests read these)
        self.shown_events: list[str] = []
        self.title = SteadyRichLabel(self)      # new text at every step: no window relayout
        self.title.setObjectName("panelTitle")
        self.clear_place = QToolButton(self)
        self.clear_place.setText("Show all places")
        self.clear_place.setAutoRaise(True)
        self.clear_place.clicked.connect(lambda: self.state.update(place=None))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        # A scroll bar shown and hidden as setHtml empties and refills the document
        # resized the text twice per render, so laid it out twice (~2 ms at each step)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self._context_menu)
        head = QHBoxLayout()
        head.setContentsMargins(10, 6, 6, 4)
        head.addWidget(self.title, 1)
        head.addWidget(self.clear_place)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.browser, 1)
        # While the time window is dragged (or played), every step restarts the timer: the
        # panel renders once the drag pauses or is released (the release snaps the window,
        # one more step), not on every step; during playback at least every MAX_LAG_S.
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self.render)
        self._wait = DragDeferral()                   # a render deferred by a drag
        self._limits = {"statements": PAGE, "events": PAGE}
        self._html: dict[tuple, str] = {}             # entry HTML per (kind, id, theme, sel)
        self._html_store = None
        self._page = ""                               # the HTML shown (skip equal ones)
        self._template = None                         # ...without its counts' numbers
        self._counts: dict[str, str] = {}             # count anchor -> the number shown
        self._count_at: dict | None = None            # count anchor -> (position, format)
        self._taken: dict[tuple, tuple] = {}          # (columns, rows) -> (frame, page)
        self._expanded: set[str] = set()              # events showing all their sources
        self._new_list = True                         # the next render opens at the top
        self._title_at = 0.0                          # time.monotonic() of the last heading
        state.changed.connect(self._on_changes)
        self.render()

    # -------------------------------------------------------------- rendering
    def flush(self) -> None:
        """Render now if an update is pending (tests, screenshots)."""
        if self._timer.isActive():
            self._timer.stop()
            self.render()

    def _on_changes(self, changes: tuple) -> None:
        # the kinds of change decide, not a copy of the selection kept here
        if not all(isinstance(c, EventPicked) for c in changes):
            self._limits = {"statements": PAGE, "events": PAGE}   # a new list: first page
        if any(isinstance(c, NEW_LIST) for c in changes):
            self._new_list = True     # another place, filter or corpus: open at the top
        if any(isinstance(c, (MarksChanged, StoreReplaced)) for c in changes):
            self._html = {}           # stars, tags, notes or corrections changed
        if self._wait.defer(only_live_window(changes), MAX_LAG_S):
            self._timer.start()                       # only the window moved: a drag step
            # the heading names the range the map and list show; a rich-text label costs
            # ~5 ms a relayout, so during a drag it follows a few times a second, not every step
            if time.monotonic() - self._title_at >= TITLE_EVERY_S:
                self._render_title()
        else:                                         # a click, a filter: show it at once
            self.render()

    def render(self) -> None:
        self._timer.stop()
        self._wait.done()
        result, store = self.state.result, self.state.store
        sel = result.selection
        n_st, n_ev = result.n_statements, result.n_events
        if self._html_store is not store or len(self._html) > _CACHE_LIMIT:
            if self._html_store is not store:
                self._expanded = set()
            self._html, self._html_store = {}, store
        self._render_title()
        parts = []
        if store.events.empty and store.statements.empty:
            parts.append("<p class='muted'>No articles loaded. Open a folder of news articles "
                         "(File → Open Folder, Ctrl+O) or drop files on the window.</p>")
        if sel.event is not None:
            parts.append(self._selected_event_html(sel.event))
        if sel.place is not None:
            # Many events at one place: every one reachable, its statements beneath it.
            parts.append(self._grouped_by_event(result.statements, result.events))
        else:
            # Only the first page of each list is read from the store: the result's full
            # frames would cost more than the panel itself at a million events.
            st = self._page_rows(store.statements,
                                 result.statement_rows[:self._limits["statements"]],
                                 STATEMENT_COLUMNS)
            ev = self._page_rows(store.events, result.event_rows[:self._limits["events"]],
                                 EVENT_COLUMNS)
            self.shown_statements = st["id"].tolist()
            self.shown_events = ev["id"].tolist()
            parts.append(self._section("Statements", "statements", st, n_st,
                                       self._statement_html))
            parts.append(self._section("Event excerpts", "events", ev, n_ev, self._event_html))
        if not n_st and not n_ev:
            parts.append("<p class='muted'>Nothing matches the current selection. Widen the "
                         "time window or clear filters.</p>")
        page = "".join(parts)
        # Another place, filter or corpus is a new list: it opens at the top. The same
        # list (a window step, a picked event, "show more") keeps the reader's place.
        keep_scroll, self._new_list = not self._new_list, False
        css = self._css()
        document = self.browser.document()
        template = COUNT_RE.sub(r"\1\4", page)
        counts = {m[2]: m[3] for m in COUNT_RE.finditer(page)}
        same_css = css == document.defaultStyleSheet()
        if page != self._page and same_css and template == self._template \
                and self._set_counts(document, counts):
            # the same entries (a window step under long-running events): only counts
            # changed. Parsing, laying out and painting the page anew took ~10 ms at 1M.
            self._page = page
            if not keep_scroll:
                self.browser.verticalScrollBar().setValue(0)
        elif page != self._page or not same_css:          # setHtml: costly
            self._page, self._template, self._count_at = page, template, None
            self._counts = counts
            scroll = self.browser.verticalScrollBar().value() if keep_scroll else 0
            # The rules as the document's default style sheet, not a <style> block parsed
            # again with every page (~2 ms of each render)
            document.setDefaultStyleSheet(css)
            self.browser.setHtml(page)
            self.browser.verticalScrollBar().setValue(scroll)
        elif not keep_scroll:
            self.browser.verticalScrollBar().setValue(0)

    def _page_rows(self, frame: pd.DataFrame, rows, columns: tuple[str, ...]) -> pd.DataFrame:
        """``_rows``, kept while the rows stay the same: a window step under long-running
        events shows the same first page (the take cost ~2 ms a render at 1M events)."""
        key = (columns, np.asarray(rows).tobytes())
        hit = self._taken.get(key)
        if hit is None or hit[0] is not frame:
            hit = self._taken[key] = (frame, _rows(frame, rows, columns))
            for old in [k for k in self._taken if k[0] == columns and k != key]:
                del self._taken[old]            # one page per kind: the one shown
        return hit[1]

    def _set_counts(self, document, counts: dict[str, str]) -> bool:
        """Replace the numbers of the count anchors that changed, last first (so the
        positions before each edit stay valid), then move the positions on. False if
        an anchor is not in the document (then nothing is changed)."""
        if self._count_at is None:
            self._count_at = _count_positions(document)
        if not counts.keys() <= self._count_at.keys() <= self._counts.keys():
            return False
        edits = sorted(((self._count_at[name][0], name) for name, text in counts.items()
                        if text != self._counts[name]), reverse=True)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for pos, name in edits:
            old, fmt = self._counts[name], self._count_at[name][1]
            cursor.setPosition(pos)
            cursor.setPosition(pos + len(old), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(counts[name], fmt)
        cursor.endEditBlock()
        moved = {}
        for name, (pos, fmt) in self._count_at.items():
            moved[name] = (pos + sum(len(counts[n]) - len(self._counts[n])
                                     for p, n in edits if p < pos), fmt)
        self._count_at = moved
        self._counts.update(counts)
        return True

    def _render_title(self) -> None:
        self._title_at = time.monotonic()
        result = self.state.result
        sel = result.selection
        where = esc(sel.place) if sel.place else "All places"
        self.title.setText(f"<b>{where}</b> · {esc(window_label(sel.window))}<br>"
                           f"<span style='color:{theme.current().muted}'>"
                           f"{plural(result.n_statements, 'statement')} · "
                           f"{plural(result.n_events, 'event')}</span>")
        self.clear_place.setVisible(sel.place is not None)

    def _css(self) -> str:
        t = theme.current()
        return (f"h3 {{ margin: 10px 0 4px 0; color: {t.muted}; font-size: small;"
                f" text-transform: uppercase; }} .muted {{ color: {t.muted}; }}"
                f" .q {{ background-color: {t.highlight_bg}; }}"
                f" a {{ color: {t.accent}; text-decoration: none; }}"
                f" a.n {{ color: {t.muted}; }}"
                f" .sel {{ background-color: {t.alt_base}; }}"
                f" .star {{ color: #c08a00; }} .tag {{ color: {t.accent}; }}"
                f" .corr {{ color: #b35900; font-style: italic; }}")

    def _section(self, title: str, kind: str, head: pd.DataFrame, total: int,
                 render_row) -> str:
        """A heading with the ``total``, the entries of ``head`` (the first page), and a
        "Show more" link when there are more."""
        if not total:
            return ""
        limit = self._limits[kind]
        rows = self._entries(kind, head if len(head) <= limit else head.iloc[:limit],
                             render_row)
        more = total - limit
        tail = (f"<p class='muted'>… and {_count(kind + '-more', more)} more. "
                f"<a href='more:{kind}'>Show more</a>,"
                " or narrow the time window or pick a place.</p>") if more > 0 else ""
        return f"<h3>{esc(title)} ({_count(kind, total)})</h3>" + "".join(rows) + tail

    def _grouped_by_event(self, st: pd.DataFrame, ev: pd.DataFrame) -> str:
        """Events at the selected place, each followed by its statements; then the
        statements made there that belong to no listed event."""
        limit = self._limits["events"]
        picked = self.state.selection.event
        if picked is not None:                 # shown once, at the top, as the selected event
            ev = ev[ev["id"] != picked]
            st = st[st["event"] != picked]
        shown = ev.head(limit)
        positions: dict[str, list[int]] = {}
        for pos, event_id in enumerate(st["event"].tolist()):
            if isinstance(event_id, str):
                positions.setdefault(event_id, []).append(pos)
        parts, shown_statements = [], []
        if len(shown):
            parts.append(f"<h3>Events here ({len(ev)})</h3>")
        event_html = self._entries("events", shown, self._event_html)
        for event_id, html_ in zip(shown["id"].tolist(), event_html):
            parts.append(html_)
            linked = st.iloc[positions.get(event_id, [])]
            if len(linked):
                shown_statements += linked["id"].tolist()
                parts.append("<div style='margin-left:18px'>"
                             + "".join(self._entries("statements", linked, self._statement_html))
                             + "</div>")
        if len(ev) > limit:
            parts.append(f"<p class='muted'>… and {len(ev) - limit} more events. "
                         "<a href='more:events'>Show more</a></p>")
        listed = set(shown["id"].tolist()) if len(ev) <= limit else set(ev["id"].tolist())
        others = st[~st["event"].isin(listed)]
        parts.append(self._section("Other statements here", "statements", others, len(others),
                                   self._statement_html))
        self.shown_statements = shown_statements + others["id"].head(
            self._limits["statements"]).tolist()
        self.shown_events = shown["id"].tolist()
        return "".join(parts)

    def _entries(self, kind: str, df: pd.DataFrame, render_row) -> list[str]:
        """Entry HTML, built once per (entry, theme, highlighted or not); only entries not
        yet cached are turned into rows (scrubbing mostly re-shows the same ones)."""
        if kind == "statements" and render_row == self._statement_html:
            return self._statement_entries(df)
        ids = df["id"].tolist()
        events = df["event"].tolist() if kind == "statements" else ids
        name, selected = theme.current().name, self.state.selection.event
        keys = [(kind, i, name, e == selected, kind == "events" and i in self._expanded)
                for i, e in zip(ids, events)]
        missing = [n for n, key in enumerate(keys) if key not in self._html]
        if missing:
            for n, row in zip(missing, df.iloc[missing].itertuples(index=False)):
                self._html[keys[n]] = render_row(row)
        return [self._html[key] for key in keys]

    def _statement_entries(self, df: pd.DataFrame) -> list[str]:
        """One entry per sentence: several statements from one sentence ('“...,” she said,
        adding that ...') show it once, every span highlighted and each speaker named; the
        entry stands where the first of them is listed."""
        if df.empty:
            return []
        ids, events = df["id"].tolist(), df["event"].tolist()
        sentences = list(zip(df["article"].tolist(), df["sentence_start"].tolist(),
                             df["sentence_end"].tolist()))
        groups: dict[tuple, list[int]] = {}
        for pos, sentence in enumerate(sentences):
            groups.setdefault(sentence, []).append(pos)
        name, selected = theme.current().name, self.state.selection.event
        out = []
        for members in groups.values():
            key = ("statements", tuple(ids[p] for p in members), name,
                   any(events[p] == selected for p in members))
            if key not in self._html:
                rows = list(df.iloc[members].itertuples(index=False))
                self._html[key] = (self._statement_html(rows[0]) if len(rows) == 1
                                   else self._shared_sentence_html(rows))
            out.append(self._html[key])
        return out

    def _shared_sentence_html(self, rows) -> str:
        """Statements of one sentence: their speakers, then the sentence with every span."""
        first, store = rows[0], self.state.store
        speakers, seen = [], set()
        for row in rows:
            if row.speaker not in seen:
                seen.add(row.speaker)
                link = (f"event:{_q(row.event)}" if isinstance(row.event, str)
                        else f"open:statement:{_q(row.id)}")
                speakers.append(f"<a href='{link}'><b>{esc(row.speaker)}</b></a>")
        when = describe(first.start, first.end, first.precision)
        if pd.isna(first.start) and not pd.isna(first.published):
            when = f"undated · reported {describe(first.published, None)}"
        selected = " class='sel'" if any(r.event == self.state.selection.event for r in rows) else ""
        marks = "".join(self._marks_line(row.id) for row in rows)
        edits = " · ".join(f"<a href='menu:statement:{_q(row.id)}'>edit {esc(row.speaker)}…</a>"
                           for row in rows)
        return (f"<p{selected}>{' · '.join(speakers)}"
                f" <span class='muted'>· {esc(when)}"
                f"{_inferred(INFERRED_DATE.get(first.date_source))} · </span>"
                f"{self._place_link(first.place, first.place_source)}<br>"
                f"{marks}{self._spans_html(store, rows)}<br>"
                f"<span class='muted'>{esc(first.outlet)}</span> · "
                f"<a href='open:statement:{_q(first.id)}'>open article</a> · {edits}</p>")

    def _spans_html(self, store, rows) -> str:
        """The sentence with each statement's span highlighted (overlapping spans merged)."""
        first = rows[0]
        s0, s1 = int(first.sentence_start), int(first.sentence_end)
        text = store.text_of(first.article)
        spans = sorted((int(r.start_char), int(r.end_char)) for r in rows)
        if not text or not all(s0 <= a <= b <= s1 <= len(text) for a, b in spans):
            return "<br>".join(self._sentence_html("", r.text, "") for r in rows)   # stale offsets
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        parts, pos = [], s0
        for a, b in merged:
            parts.append(f"{esc(text[pos:a])}<span class='q'>{esc(text[a:b])}</span>")
            pos = b
        return "".join(parts) + esc(text[pos:s1])

    def _sentence_html(self, before: str, span: str, after: str) -> str:
        return f"{esc(before)}<span class='q'>{esc(span)}</span>{esc(after)}"

    def _statement_html(self, row) -> str:
        store = self.state.store
        before, quote, after = store.statement_context(row)
        when = describe(row.start, row.end, row.precision)
        if pd.isna(row.start) and not pd.isna(row.published):
            # Undated quotes are listed where they were reported, and say so.
            when = f"undated · reported {describe(row.published, None)}"
        # No event to select: the speaker link opens the source instead.
        link = (f"event:{_q(row.event)}" if isinstance(row.event, str)
                else f"open:statement:{_q(row.id)}")
        selected = " class='sel'" if row.event == self.state.selection.event else ""
        return (f"<p{selected}><a href='{link}'><b>{esc(row.speaker)}</b></a>"
                f" <span class='muted'>· {esc(when)}"
                f"{_inferred(INFERRED_DATE.get(row.date_source))} · </span>"
                f"{self._place_link(row.place, row.place_source)}<br>"
                f"{self._marks_line(row.id)}"
                f"{self._sentence_html(before, quote, after)}<br>"
                f"<span class='muted'>{esc(row.outlet)}</span> · "
                f"<a href='open:statement:{_q(row.id)}'>open article</a> · "
                f"<a href='menu:statement:{_q(row.id)}'>edit…</a></p>")

    def _marks_line(self, item_id: str) -> str:
        """The user's star, tags, note and corrections of an item, on a line of its own."""
        line = marks_html(self.state, item_id)
        return f"{line}<br>" if line else ""

    def _place_link(self, place, source=None) -> str:
        """A place name that selects the place when clicked (muted text if unknown), and
        how it was inferred when the sentence itself does not name it."""
        if not isinstance(place, str):
            return "<span class='muted'>place unknown</span>"
        link = f"<a href='place:{_q(place)}'>{esc(place)}</a>"
        return link + _inferred(INFERRED_PLACE.get(source))

    def _event_html(self, row) -> str:
        when = describe(row.start, row.end, row.precision)
        selected = " class='sel'" if row.id == self.state.selection.event else ""
        out = [(f"<p{selected}><a href='event:{_q(row.id)}'><b>{esc(row.summary)}</b></a><br>"
                f"<span class='muted'>{esc(when)} · </span>"
                f"{self._place_link(row.place, row.place_source)}"
                f"<span class='muted'> · {esc(theme.type_label(row.type))} · </span>"
                f"<a href='menu:event:{_q(row.id)}'>edit…</a>")]
        marks = marks_html(self.state, row.id)
        if marks:
            out.append(f"<br>{marks}")
        shown = len(row.mentions) if row.id in self._expanded else 3
        for i, mention in enumerate(row.mentions[:shown]):
            out.append("<br>" + self._mention_html(row.id, i, mention))
        if len(row.mentions) > shown:
            more = len(row.mentions) - shown
            out.append(f"<br><a href='sources:{_q(row.id)}'>+{plural(more, 'more source')}</a>")
        out.append("</p>")
        return "".join(out)

    def _mention_html(self, event_id: str, index: int, mention) -> str:
        article_id, start, end, _ = mention
        store = self.state.store
        outlet, published = _source_line(store, article_id)
        before, span, after = store.mention_context(article_id, start, end)
        return (f"<span class='muted'>{esc(outlet)}, {esc(published)}:</span> "
                f"{self._sentence_html(before, span, after)} "
                f"<a href='open:mention:{_q(event_id)}:{index}'>open article</a>")

    def _selected_event_html(self, event_id: str) -> str:
        """The selected event with all its sources and the statements tied to it."""
        store = self.state.store
        row = store.event(event_id)
        if row is None:
            return ""
        actors = ", ".join(row["actors"]) or "no named actor"
        when = describe(row["start"], row["end"], row["precision"])
        out = [(f"<h3>Selected event</h3><p class='sel'><b>{esc(row['summary'])}</b><br>"
                f"<span class='muted'>{esc(when)} · </span>"
                f"{self._place_link(row['place'], row['place_source'])}"
                f"<span class='muted'> · {esc(theme.type_label(row['type']))} · {esc(actors)} · "
                f"{esc(plural(int(row['n_sources']), 'source'))} · </span>"
                f"<a href='menu:event:{_q(event_id)}'>edit…</a>")]
        marks = marks_html(self.state, event_id)
        if marks:
            out.append(f"<br>{marks}")
        reason = row.get("merge_reason")
        if isinstance(reason, str) and reason:
            # why extraction took these reports for one event, so the reader can judge it
            out.append(f"<br><span class='muted'>Merged: {esc(reason)}</span>")
        for i, mention in enumerate(row["mentions"][:6]):
            out.append("<br>" + self._mention_html(event_id, i, mention))
        out.append("</p>")
        linked = store.statements[store.statements["event"] == event_id]
        out += [self._statement_html(r) for r in linked.head(10).itertuples(index=False)]
        return "".join(out)

    # ---------------------------------------------------------------- clicks
    def _on_anchor(self, url: QUrl) -> None:
        self.activate(url.toString())

    def activate(self, anchor: str) -> None:
        """Handle a link: ``event:<id>`` selects; ``open:...`` opens the article."""
        kind, _, rest = anchor.partition(":")
        if kind == "event":
            self.state.update(event=unquote(rest))
        elif kind == "place":
            self.state.update(place=unquote(rest))
        elif kind == "open":
            self._open(rest)
        elif kind == "menu" and _item_of_anchor(anchor) is not None:
            self.item_menu_requested.emit(*_item_of_anchor(anchor), QCursor.pos())
        elif kind == "sources":
            self._expanded.add(unquote(rest))
            self._page = self._template = None
            self.render()
        elif kind == "more" and rest in self._limits:
            self._limits[rest] += PAGE
            self.render()

    def _context_menu(self, pos: QPoint) -> None:
        """Right-click on an entry's link: the edits of that statement or event."""
        item = _item_of_anchor(self.browser.anchorAt(pos))
        if item is not None:
            self.item_menu_requested.emit(*item, self.browser.viewport().mapToGlobal(pos))

    def _open(self, what: str) -> None:
        kind, _, ident = what.partition(":")
        ident = unquote(ident)
        store = self.state.store
        if kind == "statement":
            st = store.statements[store.statements["id"] == ident]
            if st.empty:
                return
            r = st.iloc[0]
            if isinstance(r["event"], str):
                self.state.update(event=r["event"])
            self.open_article_requested.emit(r["article"], int(r["start_char"]),
                                             int(r["end_char"]), int(r["sentence_start"]),
                                             int(r["sentence_end"]))
        elif kind == "mention":
            event_id, _, index = ident.rpartition(":")
            row = store.event(event_id)
            if row is None or not index.isdigit() or int(index) >= len(row["mentions"]):
                return
            article_id, start, end, _ = row["mentions"][int(index)]
            self.state.update(event=event_id)
            self.open_article_requested.emit(article_id, start, end, -1, -1)
