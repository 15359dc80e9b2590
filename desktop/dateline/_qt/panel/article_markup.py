"""The article view's rich text: the article escaped, its source sentence and span shaded,
every time expression shaded with its TIMEX3 value on hover, every place name a link.

The text and every field shown come from an untrusted document, so each piece is
``html.escape``d, tooltips included (Qt shows a tooltip as rich text when it looks like it).
"""
from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass

from dateline._qt import theme
from dateline.model.store import sentence_bounds

TOPONYM_SCHEME = "toponym"      # link target "toponym:<index into the article's toponyms>"
# Shading of time expressions and colour of place links, per theme name.
TIMEX_BG = {"light": "#dbeafe", "dark": "#1e3a5f"}
PLACE_FG = {"light": "#047857", "dark": "#34d399"}


@dataclass(frozen=True)
class Spans:
    """Non-overlapping [start, end) spans, each with the index of the record it shows."""
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    index: tuple[int, ...] = ()

    @classmethod
    def of(cls, text: str, records) -> Spans:
        """The records whose offsets still fit ``text`` (their ``text`` where it is given
        must match: a changed article file shows no misplaced highlights); the first wins
        where two overlap."""
        kept: list[tuple[int, int, int]] = []
        for i, rec in enumerate(records):
            start, end = rec.get("start"), rec.get("end")
            if not (isinstance(start, int) and isinstance(end, int)
                    and 0 <= start < end <= len(text)):
                continue
            said = rec.get("text")
            if isinstance(said, str) and said != text[start:end]:
                continue
            kept.append((start, end, i))
        kept.sort()
        out: list[tuple[int, int, int]] = []
        for span in kept:
            if not out or span[0] >= out[-1][1]:
                out.append(span)
        return cls(tuple(s for s, _, _ in out), tuple(e for _, e, _ in out),
                   tuple(i for _, _, i in out))

    def at(self, pos: int) -> int | None:
        """Index of the record whose span covers ``pos``, or None."""
        k = bisect_right(self.starts, pos) - 1
        return self.index[k] if k >= 0 and pos < self.ends[k] else None

    def bounds(self) -> set[int]:
        return set(self.starts) | set(self.ends)


def timex_tooltip(rec: dict) -> str:
    """Plain text: 'DATE 2017-03-18 (day)', 'DATE 2017-W11 (week, 2017-03-13 to
    2017-03-19)', 'DURATION P3Y'."""
    head = " ".join(str(rec[k]) for k in ("type", "value") if rec.get(k))
    start, end, precision = rec.get("date_start"), rec.get("date_end"), rec.get("precision")
    detail = [str(precision)] if precision else []
    if start and end and start != end:
        detail.append(f"{start} to {end}")
    elif start and not precision:
        detail.append(str(start))
    return f"{head} ({', '.join(detail)})" if detail else head


def toponym_tooltip(rec: dict, on_map: bool) -> str:
    """Plain text lines: resolved name, kind, lat/lon; whether a click shows it on the map."""
    name = str(rec.get("name") or rec.get("text") or "")
    kind = str(rec.get("kind") or "place")
    lat, lon = rec.get("lat"), rec.get("lon")
    where = (f"{lat:.2f}, {lon:.2f}" if isinstance(lat, (int, float))
             and isinstance(lon, (int, float)) else "no coordinates")
    hint = "Click to show it on the map" if on_map else "Not on the map (no event or " \
                                                       "statement placed there)"
    return f"{name} — {kind}, {where}\n{hint}"


def rich_tooltip(plain: str) -> str:
    """A tooltip Qt renders as rich text on purpose, with every line escaped."""
    lines = "<br>".join(html.escape(line) for line in plain.split("\n"))
    return f"<qt>{lines}</qt>"


def article_html(text: str, start: int, end: int, s0: int = -1, s1: int = -1,
                 timexes=(), toponyms=(), on_map=None) -> str:
    """Escaped article text with paragraphs kept: the sentence shaded, the span marked
    (anchor ``hit``), time expressions shaded with a tooltip, place names as
    ``toponym:<i>`` links with a tooltip. ``on_map(name)`` says if the map shows a place."""
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if s0 < 0 or s1 < 0 or not (s0 <= start <= end <= s1 <= n):
        s0, s1 = sentence_bounds(text, start, end)
    tx, tp = Spans.of(text, timexes), Spans.of(text, toponyms)
    cuts = sorted({0, n, s0, s1, start, end} | tx.bounds() | tp.bounds())
    style = _Style(theme.current(), timexes, toponyms, on_map or (lambda _name: False))
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        if a == start:
            pieces.append("<a name='hit'></a>")
        where = ("hit" if start <= a < end else "sentence" if s0 <= a < s1 else "")
        pieces.append(style.segment(text[a:b], where, tx.at(a), tp.at(a)))
    if not pieces or start == n:
        pieces.append("<a name='hit'></a>")
    body = "".join(pieces).replace("\n", "<br>")
    return f"<div style='line-height:140%; font-size:11pt'>{body}</div>"


class _Style:
    """How one stretch of text is shown, given the layers covering it."""

    def __init__(self, t: theme.Theme, timexes, toponyms, on_map):
        self.t, self.timexes, self.toponyms, self.on_map = t, timexes, toponyms, on_map
        self.timex_bg = TIMEX_BG.get(t.name, TIMEX_BG["light"])
        self.place_fg = PLACE_FG.get(t.name, PLACE_FG["light"])

    def segment(self, piece: str, where: str, timex: int | None, toponym: int | None) -> str:
        css, tips = [], []
        if where == "hit":
            css += [f"background-color:{self.t.highlight_bg}", "font-weight:600"]
        elif timex is not None:
            css.append(f"background-color:{self.timex_bg}")
        elif where == "sentence":
            css.append(f"background-color:{self.t.sentence_bg}")
        if timex is not None:
            tips.append(timex_tooltip(self.timexes[timex]))
        on_map = False
        if toponym is not None:
            rec = self.toponyms[toponym]
            on_map = bool(self.on_map(rec.get("name")))
            tips.append(toponym_tooltip(rec, on_map))
        out = html.escape(piece)
        if css or tips:
            title = html.escape(rich_tooltip("\n".join(tips)), quote=True) if tips else ""
            attrs = f" style='{'; '.join(css)}'" if css else ""
            attrs += f" title=\"{title}\"" if title else ""
            out = f"<span{attrs}>{out}</span>"
        if toponym is not None:      # places the map lacks are links too, but muted
            colour = self.place_fg if on_map else self.t.muted
            out = f"<a href='{TOPONYM_SCHEME}:{toponym}' style='color:{colour}'>{out}</a>"
        return out
