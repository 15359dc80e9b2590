"""Re-apply the user's corrections and marks to a freshly extracted "dateline/1" document.

Corrections find their item by article text hash and span (``keys.KeyIndex``), so they
survive re-extraction; one whose item is gone is returned as an ``Orphan``, never dropped
in silence. Each corrected item lists what was corrected in ``"corrected"`` (the views show
those values as corrected); hidden items move to ``doc["hidden"]`` (kept, not shown).
Order: splits, then merges, then field values, then hiding — so a field correction keyed
by a mention follows that mention into the event it was split into or merged with.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass

from dateline.model.marks import Marks
from dateline.model.project.keys import KeyIndex
from dateline.model.project.records import Annotation, Correction, ItemKey, ProjectError
from dateline.model.store import EventStore

_PHASES = (("split",), ("merge",), ("speaker", "type", "date", "place"), ("hidden",))


@dataclass(frozen=True)
class Orphan:
    """A correction (or an annotation) whose item was not found, and why."""
    key: ItemKey
    reason: str
    correction: Correction | None = None

    def describe(self) -> str:
        what = f"{self.correction.field} correction" if self.correction else "star/tag/note"
        return (f"{what} of {_a(self.key.kind)} at characters {self.key.start}-{self.key.end} "
                f"of text {self.key.text_sha256[:12]}: {self.reason}")


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def document_of(source) -> dict:
    """A private copy of the document behind ``source`` (a document or an EventStore)."""
    if isinstance(source, EventStore):
        doc = source.document
        if not doc.get("articles") and len(source.articles):
            raise ProjectError("this store was read from a Parquet cache without its "
                               "document: extract (or open the events JSON) to apply "
                               "corrections")
        return copy.deepcopy(doc)
    if not isinstance(source, dict) or not isinstance(source.get("events"), list):
        raise ProjectError("corrections apply to a dateline/1 document or an EventStore")
    return copy.deepcopy(source)


def apply_corrections(source, corrections, texts: dict[str, str] | None = None
                      ) -> tuple[dict, list[Orphan]]:
    """(corrected copy of the document, orphans in the order the corrections were made)."""
    doc = document_of(source)
    doc.setdefault("statements", [])
    orphans: list[tuple[int, Orphan]] = []
    hidden: dict[int, tuple[str, dict]] = {}
    merged: dict[int, dict] = {}            # id(absorbed event) -> the event it joined
    for fields in _PHASES:
        index = KeyIndex(doc, texts)        # rebuilt: splits and merges move mentions
        for order, correction in enumerate(corrections):
            if correction.field not in fields:
                continue
            item, reason = index.find(correction.key)
            if item is not None and correction.field == "merge":
                item, reason = _merge(doc, index, item, correction, merged)
            elif item is not None and correction.field == "split":
                _split(doc, index, item, correction)
            elif item is not None and correction.field == "hidden":
                hidden[id(item)] = (correction.key.kind, item)
            elif item is not None:
                _set_field(item, correction)
            if item is None:
                orphans.append((order, Orphan(correction.key, reason, correction)))
            else:
                _mark(item, correction.field)
    _hide(doc, hidden.values())
    return doc, [o for _, o in sorted(orphans, key=lambda pair: pair[0])]


def _mark(item: dict, field_name: str) -> None:
    item["corrected"] = sorted(set(item.get("corrected") or ()) | {field_name})


def _set_field(item: dict, correction: Correction) -> None:
    value = correction.value
    if correction.field in ("speaker", "type"):
        item[correction.field] = value
    elif correction.field == "date":
        item.update(date_start=value["start"], date_end=value["end"],
                    precision=value["precision"])
        if correction.key.kind == "statement":
            item["date_source"] = "corrected"
    else:                                                           # place
        item["place"] = dict(value) if value is not None else None
        item["place_source"] = "corrected" if value is not None else None


def _merge(doc: dict, index: KeyIndex, absorbed: dict, correction: Correction,
           merged: dict[int, dict]):
    """The event at the correction's key joins the event at its value's key (either may
    have joined another one by an earlier merge: ``merged`` follows them)."""
    target, reason = index.find(correction.value)
    if target is None:
        return None, f"the event to merge with is gone ({reason})"
    while id(target) in merged:
        target = merged[id(target)]
    while id(absorbed) in merged:
        absorbed = merged[id(absorbed)]
    if target is absorbed:
        return target, ""
    seen = {(m.get("article"), m.get("start"), m.get("end")) for m in target["mentions"]}
    target["mentions"] += [m for m in absorbed.get("mentions", [])
                           if (m.get("article"), m.get("start"), m.get("end")) not in seen]
    target["actors"] = list(dict.fromkeys(list(target.get("actors") or ())
                                          + list(absorbed.get("actors") or ())))
    doc["events"] = [ev for ev in doc["events"] if ev is not absorbed]
    merged[id(absorbed)] = target
    for st in doc["statements"]:
        if st.get("event") == absorbed["id"]:
            st["event"] = target["id"]
    return target, ""


def _split(doc: dict, index: KeyIndex, event: dict, correction: Correction) -> None:
    """The mention at the key, and those listed with it, leave ``event`` for a new one."""
    leaving = {id(m) for key in (correction.key, *correction.value)
               for m in _mentions_at(index, event, key)}
    moved = [m for m in event["mentions"] if id(m) in leaving]
    kept = [m for m in event["mentions"] if id(m) not in leaving]
    if not moved or not kept:
        return                                   # nothing left to split off: unchanged
    new = dict(copy.deepcopy(event), mentions=moved)
    digest = hashlib.sha1(repr(correction.key.to_json()).encode("utf-8")).hexdigest()[:8]
    new["id"] = f"{event['id']}~{digest}"
    event["mentions"] = kept
    _mark(new, "split")
    doc["events"].insert(doc["events"].index(event) + 1, new)


def _mentions_at(index: KeyIndex, event: dict, key: ItemKey) -> list[dict]:
    """The mentions of ``event`` that ``key`` names (exactly, or by the same fallback)."""
    found, _ = index.find(key)
    if found is not event:
        return []
    exact = [m for m in event["mentions"] if index.sha_of.get(m.get("article")) ==
             key.text_sha256 and (m.get("start"), m.get("end")) == (key.start, key.end)]
    if exact:
        return exact
    overlapping = [m for m in event["mentions"]
                   if index.sha_of.get(m.get("article")) == key.text_sha256
                   and min(m.get("end", 0), key.end) > max(m.get("start", 0), key.start)]
    return overlapping[:1]


def _hide(doc: dict, hidden) -> None:
    """Move hidden items to ``doc["hidden"]``: out of every view, but kept for undoing."""
    gone = {id(item) for _, item in hidden}
    if not gone:
        return
    out = {"events": [], "statements": []}
    for kind in ("events", "statements"):
        out[kind] = [item for item in doc[kind] if id(item) in gone]
        doc[kind] = [item for item in doc[kind] if id(item) not in gone]
    hidden_events = {ev["id"] for ev in out["events"]}
    for st in doc["statements"]:
        if st.get("event") in hidden_events:
            st["event"] = None
    doc["hidden"] = out


def corrected_fields(doc: dict) -> dict[str, tuple[str, ...]]:
    """{item id: corrected field names} of a corrected document (for the views)."""
    return {item["id"]: tuple(item["corrected"])
            for kind in ("events", "statements") for item in doc.get(kind, [])
            if item.get("corrected")}


def resolve_annotations(source, annotations: dict[ItemKey, Annotation],
                        texts: dict[str, str] | None = None
                        ) -> tuple[dict[str, Annotation], list[Orphan]]:
    """({item id: annotation} of ``source`` (a corrected document or its store), the
    annotations whose item is gone). Two keys finding one item (merged events) combine:
    starred if either is, tags united, notes joined."""
    doc = source.document if isinstance(source, EventStore) else source
    index = KeyIndex(doc, texts)
    by_id: dict[str, Annotation] = {}
    orphans = []
    for key, annotation in sorted(annotations.items()):
        item, reason = index.find(key)
        if item is None:
            orphans.append(Orphan(key, reason))
            continue
        old = by_id.get(item["id"])
        if old is not None:
            note = "\n\n".join(n for n in (old.note, annotation.note) if n)
            annotation = Annotation(old.starred or annotation.starred,
                                    old.tags + annotation.tags, note)
        by_id[item["id"]] = annotation
    return by_id, orphans


def resolve_marks(source, annotations: dict[ItemKey, Annotation],
                  texts: dict[str, str] | None = None) -> tuple[Marks, list[Orphan]]:
    """Stars and tags as the item ids of ``source`` (for the store's filters)."""
    by_id, orphans = resolve_annotations(source, annotations, texts)
    tagged: dict[str, set[str]] = {}
    for item_id, annotation in by_id.items():
        for tag in annotation.tags:
            tagged.setdefault(tag, set()).add(item_id)
    starred = frozenset(i for i, a in by_id.items() if a.starred)
    return Marks(starred, {t: frozenset(ids) for t, ids in tagged.items()}), orphans


def key_of(source, kind: str, item_id: str, texts: dict[str, str] | None = None
           ) -> ItemKey | None:
    """The key to correct or annotate the statement/event ``item_id`` of ``source`` (its
    quote span; an event's first mention), or None if it has no usable span."""
    doc = source.document if isinstance(source, EventStore) else source
    items = doc.get("statements" if kind == "statement" else "events", [])
    item = next((it for it in items if it.get("id") == item_id), None)
    return None if item is None else KeyIndex({"articles": doc.get("articles", [])},
                                              texts).key_of(kind, item)
