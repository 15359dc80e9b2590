"""Assemble per-article extractions into the "dateline/1" document (docs/contracts.md)."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from .merge import (borrow_news_day, borrow_places, cluster_mentions, event_fields, event_id, news_days,
                    summary)
from .merged_fields import event_category, event_roles, event_status, mention_status, merge_reason
from .records import ArticleExtraction
from ._scene import PLACE_SOURCES
from ._speech import public_speaker_kind

SCHEMA = "dateline/1"
_STATEMENT_FAMILY = ("statement", "warning", "announcement")
_NOT_HAPPENED_PREFIX = {"negated": "Did not happen: ", "hypothetical": "Hypothetical: "}


def build_document(pairs: list[tuple[object, ArticleExtraction]]) -> dict:
    """``pairs``: (Article, its extraction) in corpus order."""
    names = canonical_names(pairs)
    kinds: dict[str, str] = {}
    items = []
    for article, ex in pairs:
        for st in ex.statements:
            kinds.setdefault(names.get(st.speaker, st.speaker), st.speaker_kind)
        for rec in ex.events:   # a copy: extractions may be shared with the cache
            items.append((article.id, published_date(article, ex)[0],
                          replace(rec, actors=_dedupe(names.get(a, a) for a in rec.actors))))
        for name, kind in ex.actor_kinds.items():
            kinds.setdefault(names.get(name, name), kind)
    for _, _, rec in items:
        for a in rec.actors:
            kinds.setdefault(a, "person" if " " in a else "country")
    clusters = cluster_mentions(items, kinds)
    borrow_news_day(clusters, news_days(items))
    borrow_places(clusters)
    events, where = _events(clusters)
    statements = _statements(pairs, names, where)
    return {"schema": SCHEMA, "articles": [_article(a, ex) for a, ex in pairs],
            "events": events, "statements": statements,
            "timexes": [{"article": a.id, **t} for a, ex in pairs for t in ex.timexes],
            "toponyms": [{"article": a.id, **t} for a, ex in pairs for t in ex.toponyms]}


def canonical_names(pairs) -> dict[str, str]:
    """Short person names -> the longest full name seen in the corpus ("Trump" -> "Donald Trump")."""
    full: set[str] = set()
    for _, ex in pairs:
        full.update(n for n in ex.people if " " in n)
    out: dict[str, str] = {}
    for _, ex in pairs:
        singles = {st.speaker for st in ex.statements if st.speaker_kind == "person"}
        singles |= {a for rec in ex.events for a in rec.actors}
        for name in singles:
            if " " in name:
                continue
            matches = [f for f in full if name in (f.split()[0], f.split()[-1])]
            if len(matches) == 1 or len({m.split()[-1] for m in matches}) == 1 and matches:
                # ties broken by the name itself: `full` is a set, its order varies with the hash seed
                out[name] = max(sorted(matches), key=len)
    return out


def _events(clusters):
    events, where = [], {}
    seen: dict[str, int] = {}
    for c in clusters:
        fields = event_fields(c)
        eid = event_id(fields)
        seen[eid] = seen.get(eid, 0) + 1
        if seen[eid] > 1:
            eid = f"{eid}_{seen[eid]}"
        mentions = _mention_entries(c.members)
        latest = max((m.published for m in c.members if m.published), default=None)
        future = all(m.rec.future for m in c.members) or bool(
            latest and fields["date_start"] and fields["date_start"] > latest.isoformat())
        people = {a for a in fields["actors"] if c.members[0].kinds.get(a) == "person"}
        status, category = event_status(c), event_category(c)
        fields["roles"] = event_roles(c, fields["actors"])
        events.append({"id": eid, "type": fields["type"], "category": category, "status": status,
                       "summary": _status_prefix(status) + summary(fields, future, people,
                                                                   c.members[0].rec.trigger),
                       "date_start": fields["date_start"], "date_end": fields["date_end"],
                       "precision": fields["precision"], "place": fields["place"],
                       "place_source": _place_source(c, fields["place"]),
                       "actors": fields["actors"], "roles": fields["roles"],
                       "merge_reason": merge_reason(c, category or fields["type"]),
                       "mentions": mentions})
        for m in c.members:
            where.setdefault((m.article, m.rec.start), []).append((eid, fields, future))
    events.sort(key=lambda e: (e["date_start"] is None, e["date_start"] or "", e["id"]))
    return events, where


def _status_prefix(status: str) -> str:
    """What did not happen says so wherever its summary is shown."""
    return _NOT_HAPPENED_PREFIX.get(status, "")


def _mention_entries(members) -> list[dict]:
    """One entry per reporting clause (article, start, end, text), with the offsets of the
    first trigger that reported it (highlighted in the excerpt; absent in older documents)."""
    entries: dict[tuple, dict] = {}
    for m in sorted(members, key=lambda m: (m.article, m.rec.start, m.rec.end, m.rec.trigger_start or 0)):
        key = (m.article, m.rec.start, m.rec.end, m.rec.text)
        entries.setdefault(key, {"article": m.article, "start": m.rec.start, "end": m.rec.end,
                                 "text": m.rec.text, "trigger_start": m.rec.trigger_start,
                                 "trigger_end": m.rec.trigger_end, "clause_start": m.rec.clause_start,
                                 "clause_end": m.rec.clause_end, "status": mention_status(m.rec),
                                 # how a date the clause does not state was found (records.py)
                                 "date_source": m.rec.date_source})
    return [entries[k] for k in sorted(entries)]


def _place_source(cluster, place: dict | None) -> str | None:
    """How the merged event's place was found: the most trusted way any mention naming that
    place found it; a place borrowed from a participant's visit (``borrow_places``) is the
    scene."""
    if place is None:
        return None
    sources = {m.rec.place_source or "text" for m in cluster.members
               if m.rec.place and m.rec.place["name"] == place["name"]}
    return next((s for s in PLACE_SOURCES if s in sources), "scene")


def _statements(pairs, names, where) -> list[dict]:
    """Statements as extraction dated and placed them (``statement_dates`` is the only place
    that decides): the document adds the link to the event of their sentence, nothing else."""
    out = []
    for article, ex in pairs:
        for st in ex.statements:
            speaker = names.get(st.speaker, st.speaker)
            linked = _linked_event(where.get((article.id, st.sentence_start), []), speaker)
            key = f"{ex.sha256}|{st.start}|{st.end}"
            out.append({"id": "st_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
                        "speaker": speaker, "speaker_kind": public_speaker_kind(st.speaker_kind),
                        "source_start": st.source_start, "source_end": st.source_end, "cue": st.cue,
                        "text": st.text,
                        "direct": st.direct, "article": article.id, "start": st.start, "end": st.end,
                        "sentence_start": st.sentence_start, "sentence_end": st.sentence_end,
                        "date_start": st.date_start, "date_end": st.date_end, "precision": st.precision,
                        "date_source": st.date_source,
                        "place": st.place, "place_source": st.place_source,
                        "event": linked[0] if linked else None})
    out.sort(key=lambda s: (s["date_start"] is None, s["date_start"] or "", s["article"], s["start"]))
    return out


def _linked_event(candidates, speaker: str):
    """The event the statement's sentence reports and its speaker takes part in (not a
    future one: words are spoken before what they announce; not a visit: "the day before
    his visit, he said"); statement-like events first."""
    usable = [c for c in candidates if speaker in c[1]["actors"] and not c[2] and c[1]["type"] != "visit"]
    if not usable:
        return None
    return sorted(usable, key=lambda c: c[1]["type"] not in _STATEMENT_FAMILY)[0]


def published_date(article, ex: ArticleExtraction) -> tuple[date | None, str]:
    """The manifest's date, else the date the text states (found by extraction)."""
    if isinstance(article.published, date):
        return article.published, article.published_source
    if ex.published:
        return date.fromisoformat(ex.published), "text"
    return None, article.published_source


def _article(a, ex: ArticleExtraction) -> dict:
    day, source = published_date(a, ex)
    return {"id": a.id, "path": a.path, "title": a.title, "outlet": a.outlet,
            "published": day.isoformat() if day else None,
            "published_source": source, "text_sha256": a.sha256}


def _dedupe(names) -> list[str]:
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out
