"""How the views show what the user added to an item: a star, tags, a note, corrections.

Read from ``AppState`` (``marks``, ``notes``, ``corrected``), so the list and the side
panel show the same marks without knowing about the project. Text is escaped here: tags
and notes are the user's, field values come from articles.
"""
from __future__ import annotations

import html

from dateline._qt.state import AppState

STAR = "★"
NOTE = "✎"


def plain_badge(state: AppState, item_id: str) -> str:
    """A short plain-text prefix for a list cell: "★ #thaad ✎ " ("" for a plain item)."""
    parts = []
    if state.marks.is_starred(item_id):
        parts.append(STAR)
    parts += [f"#{tag}" for tag in state.marks.tags_of(item_id)]
    annotation = state.notes.get(item_id)
    if annotation is not None and annotation.note:
        parts.append(NOTE)
    if state.corrected.get(item_id):
        parts.append("(corrected)")
    return " ".join(parts) + " " if parts else ""


def event_badges(state: AppState) -> dict[str, str]:
    """{event id: prefix} for the events carrying any mark (few: the user's own)."""
    ids = set(state.marks.starred) | set(state.notes) | set(state.corrected)
    for tagged in state.marks.tags.values():
        ids |= tagged
    out = {}
    for item_id in sorted(ids):
        badge = plain_badge(state, item_id)
        if badge:
            out[item_id] = badge
    return out


def marks_html(state: AppState, item_id: str) -> str:
    """The star, tags, note and corrected fields of an item as a side-panel line ("" if
    none), every user or article string escaped."""
    bits = []
    if state.marks.is_starred(item_id):
        bits.append(f"<span class='star'>{STAR} starred</span>")
    tags = state.marks.tags_of(item_id)
    if tags:
        bits.append(" ".join(f"<span class='tag'>#{html.escape(t)}</span>" for t in tags))
    fields = state.corrected.get(item_id)
    if fields:
        bits.append(f"<span class='corr'>corrected: {html.escape(', '.join(fields))}</span>")
    line = " · ".join(bits)
    annotation = state.notes.get(item_id)
    if annotation is not None and annotation.note:
        line += (("<br>" if line else "")
                 + f"<i>{NOTE} {html.escape(annotation.note)}</i>")
    return line
