"""Find a document's statements and events by ``ItemKey`` (article text hash + span).

After the rules change a quote may start a word later or a mention grow by a title, so a
key that matches no span exactly falls back to the one item of its article whose span
overlaps it most; a tie, or no overlap at all, finds nothing (the caller lists it as an
orphan rather than guess).
"""
from __future__ import annotations

import hashlib

from dateline.model.project.records import ItemKey

TEXT_GONE = "article text changed or missing (no article with this text hash)"


def article_hashes(doc: dict, texts: dict[str, str] | None = None) -> dict[str, str]:
    """{article id: sha256 of its text}: the document's ``text_sha256``, else the hash of
    ``texts[id]`` (the text as read) when the document lacks it."""
    texts = texts or {}
    out = {}
    for art in doc.get("articles", []):
        sha = art.get("text_sha256")
        if not sha and isinstance(texts.get(art.get("id")), str):
            sha = hashlib.sha256(texts[art["id"]].encode("utf-8")).hexdigest()
        if sha:
            out[art["id"]] = sha
    return out


class KeyIndex:
    """Statements by (text hash, quote span), events by (text hash, mention span).

    ``keys``: index only the articles these keys name (a few corrections in a corpus of
    100k events need not index every item)."""

    def __init__(self, doc: dict, texts: dict[str, str] | None = None, keys=None):
        self.sha_of = article_hashes(doc, texts)
        self._hashes = set(self.sha_of.values())
        if keys is not None:
            wanted = {key.text_sha256 for key in keys}
            self.sha_of = {a: sha for a, sha in self.sha_of.items() if sha in wanted}
        self._spans: dict[tuple[str, str], list[tuple[int, int, dict]]] = {}
        for st in doc.get("statements", []):
            self._add("statement", st.get("article"), st.get("start"), st.get("end"), st)
        for ev in doc.get("events", []):
            for m in ev.get("mentions", []):
                self._add("event", m.get("article"), m.get("start"), m.get("end"), ev)

    def _add(self, kind, article, start, end, item) -> None:
        sha = self.sha_of.get(article)
        if sha and isinstance(start, int) and isinstance(end, int):
            self._spans.setdefault((kind, sha), []).append((start, end, item))

    def find(self, key: ItemKey) -> tuple[dict | None, str]:
        """(the item, "") or (None, why not)."""
        spans = self._spans.get((key.kind, key.text_sha256))
        if not spans:
            if key.text_sha256 not in self._hashes:
                return None, TEXT_GONE
            return None, f"no {key.kind} in that article any more"
        found = _distinct(item for s, e, item in spans if (s, e) == (key.start, key.end))
        if not found:
            overlaps = [(min(e, key.end) - max(s, key.start), item) for s, e, item in spans]
            best = max(n for n, _ in overlaps)
            found = _distinct(item for n, item in overlaps if n == best > 0)
        if len(found) > 1:          # events sharing a sentence: the hint tells them apart
            scores = [_hint_score(item, key.hint) for item in found]
            found = [item for item, score in zip(found, scores) if score == max(scores)]
        if len(found) == 1:
            return found[0], ""
        where = f"characters {key.start}-{key.end}"
        if found:
            return None, f"several {key.kind}s fit {where}: ambiguous"
        return None, f"no {key.kind} at {where} any more"

    def key_of(self, kind: str, item: dict) -> ItemKey | None:
        """The key of a statement (its quote) or an event (its first mention)."""
        span = item if kind == "statement" else next(iter(item.get("mentions") or ()), None)
        if not span:
            return None
        sha = self.sha_of.get(span.get("article"))
        start, end = span.get("start"), span.get("end")
        if not sha or not isinstance(start, int) or not isinstance(end, int):
            return None
        hint = (extracted_type(item), *sorted(item.get("actors") or ())) \
            if kind == "event" else ()
        return ItemKey(kind, sha, start, end, hint)


def extracted_type(event: dict) -> str:
    """The event's type as extraction gave it (before any correction)."""
    return (event.get("extracted") or {}).get("type", event.get("type")) or ""


def _hint_score(event: dict, hint: tuple[str, ...]) -> tuple[bool, float]:
    """(same extracted type, share of actors in common) of an event and a key's hint."""
    if not hint:
        return (False, 0.0)
    actors, wanted = set(event.get("actors") or ()), set(hint[1:])
    shared = len(actors & wanted) / len(actors | wanted) if actors | wanted else 1.0
    return (extracted_type(event) == hint[0], shared)


def _distinct(items) -> list[dict]:
    """Items once each, in first-seen order (an event comes up once per mention)."""
    return list({id(item): item for item in items}.values())
