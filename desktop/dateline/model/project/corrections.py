"""Re-apply the user's corrections and marks to a freshly extracted "dateline/1" document.

Corrections find their item by article text hash and span (``keys.KeyIndex``), so they
survive re-extraction; one whose item is gone is returned as an ``Orphan``, never dropped
in silence. Each corrected item lists what was corrected in ``"corrected"`` (the views show
those values as corrected); hidden items move to ``doc["hidden"]`` (kept, not shown).
Order: merges and splits as they were made, then field values, then hiding — so a field
correction keyed by a mention follows that mention into the event it now belongs to.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, replace

from dateline.model.marks import Marks
from dateline.model.project.keys import KeyIndex
from dateline.model.project.records import Annotation, Correction, ItemKey, ProjectError
from dateline.model.store import EventStore

_PHASES = (("split", "merge"), ("speaker", "type", "date", "place"), ("hidden",))
_STRUCTURAL = ("split", "merge")


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


@dataclass(frozen=True, eq=False)
class Applied:
    """A project applied to one extraction: what the views and exports need."""
    document: dict                              # corrected copy (see apply_corrections)
    marks: Marks                                # stars/tags as item ids (store filters)
    annotations: dict[str, Annotation]          # item id -> star, tags, note
    corrected: dict[str, tuple[str, ...]]       # item id -> corrected field names
    orphans: list[Orphan]                       # corrections first, then annotations
    stored_keys: dict[tuple[str, str], ItemKey] = field(default_factory=dict)

    def key(self, kind: str, item_id: str) -> ItemKey | None:
        """The key to edit an item under: the one the project already holds for it (so a
        star toggles the existing annotation), else a new one (``key_of``)."""
        return self.stored_keys.get((kind, item_id)) or key_of(self.document, kind, item_id)

    def annotated(self, item_id: str, annotation: Annotation) -> Applied:
        """This result with one item's annotation replaced (a star toggled): no
        re-application of the corrections."""
        annotations = dict(self.annotations)
        if annotation.empty:
            annotations.pop(item_id, None)
        else:
            annotations[item_id] = annotation
        return replace(self, annotations=annotations, marks=marks_of(annotations))


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def document_of(source) -> dict:
    """A private copy of the document behind ``source`` (a document or an EventStore): its
    lists and item records are copied (corrections replace values, never edit them in
    place), so the source document is never changed."""
    if isinstance(source, EventStore):
        doc = source.document
        if not doc.get("articles") and len(source.articles):
            raise ProjectError("this store was read from a Parquet cache without its "
                               "document: extract (or open the events JSON) to apply "
                               "corrections")
    elif isinstance(source, dict) and isinstance(source.get("events"), list):
        doc = source
    else:
        raise ProjectError("corrections apply to a dateline/1 document or an EventStore")
    return {**doc, "events": [dict(ev) for ev in doc["events"]],
            "statements": [dict(st) for st in doc.get("statements") or []]}


def apply_corrections(source, corrections, texts: dict[str, str] | None = None
                      ) -> tuple[dict, list[Orphan]]:
    """(corrected copy of the document, orphans in the order the corrections were made)."""
    doc = document_of(source)
    keys = _keys_named(corrections)
    orphans: list[tuple[int, Orphan]] = []
    hidden: dict[int, dict] = {}
    for fields in _PHASES:
        index = None
        for order, correction in enumerate(corrections):
            if correction.field not in fields:
                continue
            if index is None or correction.field in _STRUCTURAL:
                index = KeyIndex(doc, texts, keys)  # a merge or split moves mentions
            item, reason = index.find(correction.key)
            if item is not None and correction.field == "merge":
                item, reason = _merge(doc, index, item, correction)
            elif item is not None and correction.field == "split":
                _split(doc, index, item, correction)
            elif item is not None and correction.field == "hidden":
                hidden[id(item)] = item
            elif item is not None:
                _set_field(item, correction)
            if item is None:
                orphans.append((order, Orphan(correction.key, reason, correction)))
            else:
                _mark(item, correction.field)
    _hide(doc, hidden.values())
    return doc, [o for _, o in sorted(orphans, key=lambda pair: pair[0])]


def _keys_named(corrections) -> list[ItemKey]:
    """Every key the corrections name (merges and splits name more than their own)."""
    keys = []
    for correction in corrections:
        keys.append(correction.key)
        if correction.field == "merge":
            keys.append(correction.value)
        elif correction.field == "split":
            keys += correction.value
    return keys


def _mark(item: dict, field_name: str) -> None:
    item["corrected"] = sorted(set(item.get("corrected") or ()) | {field_name})


def _set_field(item: dict, correction: Correction) -> None:
    """Set a corrected value; ``item["extracted"]`` keeps what extraction said."""
    value = correction.value
    original = {"speaker": ("speaker",), "type": ("type",),
                "date": ("date_start", "date_end", "precision"), "place": ("place",)}
    extracted = item.setdefault("extracted", {})
    for name in original[correction.field]:
        extracted.setdefault(name, copy.deepcopy(item.get(name)))
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


def _merge(doc: dict, index: KeyIndex, absorbed: dict, correction: Correction):
    """The event at the correction's key joins the event at its value's key."""
    target, reason = index.find(correction.value)
    if target is None:
        return None, f"the event to merge with is gone ({reason})"
    if target is absorbed:
        return target, ""
    seen = {(m.get("article"), m.get("start"), m.get("end")) for m in target["mentions"]}
    target["mentions"] = target["mentions"] + [
        m for m in absorbed.get("mentions", [])
        if (m.get("article"), m.get("start"), m.get("end")) not in seen]
    target["actors"] = list(dict.fromkeys(list(target.get("actors") or ())
                                          + list(absorbed.get("actors") or ())))
    doc["events"] = [ev for ev in doc["events"] if ev is not absorbed]
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
    gone = {id(item) for item in hidden}
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
    index = KeyIndex(doc, texts, annotations)
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


def apply_project(source, project, texts: dict[str, str] | None = None) -> Applied:
    """Apply ``project``'s corrections to ``source``, then resolve its annotations on the
    result (``project``: anything with ``corrections`` and ``annotations``, a Project)."""
    doc, orphans = apply_corrections(source, project.corrections, texts)
    annotations, lost = resolve_annotations(doc, project.annotations, texts)
    stored = [*project.annotations, *(c.key for c in project.corrections)]
    return Applied(doc, marks_of(annotations), annotations, corrected_fields(doc),
                   orphans + lost, _stored_keys(doc, stored, texts))


def _stored_keys(doc: dict, keys, texts) -> dict[tuple[str, str], ItemKey]:
    """{(kind, item id): the first of ``keys`` that finds it}, hidden items included."""
    hidden = doc.get("hidden") or {}
    index = KeyIndex({**doc, "events": doc["events"] + hidden.get("events", []),
                      "statements": doc["statements"] + hidden.get("statements", [])},
                     texts, keys)
    out: dict[tuple[str, str], ItemKey] = {}
    for key in keys:
        item, _ = index.find(key)
        if item is not None:
            out.setdefault((key.kind, item["id"]), key)
    return out


def marks_of(annotations: dict[str, Annotation]) -> Marks:
    """Stars and tags of annotations by item id, for the store's filters."""
    tagged: dict[str, set[str]] = {}
    for item_id, annotation in annotations.items():
        for tag in annotation.tags:
            tagged.setdefault(tag, set()).add(item_id)
    starred = frozenset(i for i, a in annotations.items() if a.starred)
    return Marks(starred, {t: frozenset(ids) for t, ids in tagged.items()})


def resolve_marks(source, annotations: dict[ItemKey, Annotation],
                  texts: dict[str, str] | None = None) -> tuple[Marks, list[Orphan]]:
    """Stars and tags as the item ids of ``source`` (for the store's filters)."""
    by_id, orphans = resolve_annotations(source, annotations, texts)
    return marks_of(by_id), orphans


def key_of(source, kind: str, item_id: str, texts: dict[str, str] | None = None
           ) -> ItemKey | None:
    """The key to correct or annotate the statement/event ``item_id`` of ``source`` (its
    quote span; an event's first mention), or None if it has no usable span."""
    doc = source.document if isinstance(source, EventStore) else source
    plural = "statements" if kind == "statement" else "events"
    items = doc.get(plural, []) + (doc.get("hidden") or {}).get(plural, [])
    item = next((it for it in items if it.get("id") == item_id), None)
    return None if item is None else KeyIndex({"articles": doc.get("articles", [])},
                                              texts).key_of(kind, item)
