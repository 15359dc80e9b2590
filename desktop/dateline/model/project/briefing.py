"""The cited briefing: the starred events and statements in date order, as one
self-contained HTML file (inline CSS, images as data: URIs) that opens offline.

Every line cites its source: the sentence it was read from, the outlet, the publication
date and the article file. All text from articles, the project and the user is escaped.
"""
from __future__ import annotations

import base64
import html
import os
from dataclasses import dataclass, field

import pandas as pd

from dateline.atomic import write_text_atomic
from dateline.model.dates import describe
from dateline.model.project.records import Annotation
from dateline.model.store import EventStore


@dataclass(frozen=True)
class Citation:
    """A source sentence split around the words that support the item."""
    before: str
    quote: str
    after: str
    outlet: str
    published: str          # a day label, or "" when unknown
    path: str
    title: str


@dataclass(frozen=True)
class BriefingItem:
    kind: str               # "event" | "statement"
    item_id: str
    date: str               # at its real precision ("March 2017", "Fri 17 Mar 2017")
    place: str
    who: str                # statement speaker; event actors, comma separated
    headline: str           # statement: the quote; event: its summary
    event_type: str
    citations: tuple[Citation, ...]
    corrected: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    sort_key: tuple = field(default=(), compare=False, repr=False)


def briefing_items(store: EventStore, annotations: dict[str, Annotation],
                   corrected: dict[str, tuple[str, ...]] | None = None
                   ) -> list[BriefingItem]:
    """The starred items of ``store`` (``annotations`` by item id, from
    ``corrections.resolve_annotations``) in date order, undated last."""
    corrected = corrected or {}
    starred = {i for i, a in annotations.items() if a.starred}
    items = []
    for row in store.events[store.events["id"].isin(starred)].itertuples(index=False):
        cites = tuple(_citation(store, m[0], m[1], m[2]) for m in row.mentions)
        items.append(_item("event", row, ", ".join(row.actors), row.summary,
                           row.type, cites, annotations, corrected))
    for row in store.statements[store.statements["id"].isin(starred)].itertuples(index=False):
        before, quote, after = store.statement_context(row._asdict())
        art = store.article(row.article) or {}
        cite = Citation(before, quote, after, row.outlet, _day(art.get("published")),
                        art.get("path") or "", art.get("title") or "")
        items.append(_item("statement", row, row.speaker, row.text,
                           row.event_type, (cite,), annotations, corrected))
    return sorted(items, key=lambda item: item.sort_key)


def _item(kind, row, who, headline, event_type, cites, annotations, corrected):
    note = annotations.get(row.id, Annotation())
    start = row.start
    sort_key = (pd.isna(start), start if not pd.isna(start) else pd.Timestamp(0),
                kind != "event", row.id)
    date = describe(row.start, row.end, row.precision)
    if pd.isna(start) and cites and cites[0].published:    # as the side panel shows it
        date = f"undated · reported {cites[0].published}"
    return BriefingItem(kind, row.id, date,
                        row.place if isinstance(row.place, str) else "", who or "",
                        headline or "", event_type or "", cites,
                        tuple(corrected.get(row.id, ())), note.note, note.tags, sort_key)


_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d")


def _citation(store: EventStore, article_id: str, start: int, end: int) -> Citation:
    before, quote, after = store.mention_context(article_id, int(start), int(end))
    if quote.rstrip().endswith(_SENTENCE_ENDS):
        after = ""              # the mention is the sentence: cite it, not the next one
    art = store.article(article_id) or {}
    return Citation(before, quote, after, art.get("outlet") or "",
                    _day(art.get("published")), art.get("path") or "", art.get("title") or "")


def _day(value) -> str:
    return "" if value is None or pd.isna(value) else describe(value, None, "day")


_CSS = """
body{font:15px/1.5 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}
h1{font:600 1.6em system-ui,sans-serif;margin-bottom:.2em}
.meta{color:#666;font:.85em system-ui,sans-serif}
figure{margin:1.2em 0}figure img{max-width:100%;border:1px solid #ccc}
figcaption{font:.8em system-ui,sans-serif;color:#666}
.item{border-top:1px solid #ddd;padding:.8em 0}
.head{font:600 .95em system-ui,sans-serif}
.date{color:#1a5490}.kind{color:#888;font-weight:400;text-transform:uppercase;font-size:.8em}
.corrected{color:#a35a00;font-size:.8em;font-weight:400}
blockquote{margin:.4em 0 .2em 1em;padding-left:.8em;border-left:3px solid #ccc}
mark{background:#fff3b0}
.cite{font:.8em system-ui,sans-serif;color:#555}.note{font-style:italic;color:#444}
.tags{font:.8em system-ui,sans-serif;color:#1a5490}
"""


def render_briefing(items: list[BriefingItem], title: str = "Briefing",
                    images: dict[str, bytes] | None = None, generated: str = "") -> str:
    """The briefing as one HTML document; ``images``: {caption: PNG bytes}."""
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{esc(title)}</h1>",
             f'<p class="meta">{len(items)} starred item{"" if len(items) == 1 else "s"}'
             f'{" · " + esc(generated) if generated else ""}</p>']
    for caption, png in (images or {}).items():
        data = base64.b64encode(png).decode("ascii")
        parts.append(f'<figure><img alt="{esc(caption)}" src="data:image/png;base64,{data}">'
                     f"<figcaption>{esc(caption)}</figcaption></figure>")
    parts += [_item_html(item) for item in items]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _item_html(item: BriefingItem) -> str:
    esc = html.escape
    flags = f' <span class="corrected">(corrected: {esc(", ".join(item.corrected))})</span>' \
        if item.corrected else ""
    place = f" · {esc(item.place)}" if item.place else ""
    who = f" · {esc(item.who)}" if item.who else ""
    kind_detail = f" · {item.event_type}" if item.event_type not in ("", item.kind) else ""
    lines = [f'<div class="item"><div class="head"><span class="date">{esc(item.date)}</span>'
             f'{place}{who} <span class="kind">{esc(item.kind)}{esc(kind_detail)}</span>{flags}</div>']
    if item.kind == "event":
        lines.append(f"<div>{esc(item.headline)}</div>")
    for cite in item.citations:
        quote = cite.quote or (item.headline if item.kind == "statement" else "")
        lines.append(f"<blockquote>{esc(cite.before)}<mark>{esc(quote)}</mark>"
                     f"{esc(cite.after)}</blockquote>")
        source = " · ".join(esc(s) for s in (cite.outlet, cite.published, cite.title) if s)
        lines.append(f'<div class="cite">{source}<br><code>{esc(cite.path)}</code></div>')
    if item.tags:
        lines.append(f'<div class="tags">{esc(" ".join("#" + t for t in item.tags))}</div>')
    if item.note:
        lines.append(f'<div class="note">{esc(item.note)}</div>')
    lines.append("</div>")
    return "\n".join(lines)


def write_briefing(path: str | os.PathLike, items: list[BriefingItem],
                   title: str = "Briefing", images: dict[str, bytes] | None = None,
                   generated: str = "") -> None:
    """Write the briefing atomically (temp file, then rename)."""
    write_text_atomic(path, render_briefing(items, title, images, generated))
