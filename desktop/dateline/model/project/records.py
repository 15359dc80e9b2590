"""The plain values a project holds: item keys, corrections, annotations, saved views.

Everything the user adds is keyed by where the item comes from in the article text — the
sha256 of the text as read and a character span — never by an extraction id, so it
re-applies after the rules change or the corpus is extracted again.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from dateline.document import PRECISIONS

KINDS = ("statement", "event")
# The dateline/1 event types (docs/contracts.md).
EVENT_TYPES = ("visit", "meeting", "statement", "warning", "announcement", "military_action",
               "planned_summit", "sanctions", "other")
# Fields a correction may set, per kind. "merge": this event joins another one (value: the
# other event's key); "split": this mention (and the listed others) leave their event to
# form a new one; "hidden": the extraction is wrong (kept, not shown).
FIELDS = {"statement": ("speaker", "date", "place", "hidden"),
          "event": ("type", "date", "place", "hidden", "merge", "split")}


class ProjectError(ValueError):
    """A project file or value that cannot be used; the message names the file/problem."""


@dataclass(frozen=True, order=True)
class ItemKey:
    """A statement (its quoted span) or an event (one of its mentions) in one article text.

    ``text_sha256`` is the sha256 of the article text as read (``articles[].text_sha256``);
    ``start``/``end`` index that text (statement ``start``/``end``, mention ``start``/``end``).
    ``hint`` tells apart events that share a mention (one sentence reporting a visit and a
    meeting): the event's extracted type, then its actors. It only breaks such ties.
    """
    kind: str
    text_sha256: str
    start: int
    end: int
    hint: tuple[str, ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ProjectError(f"item kind {self.kind!r} is not one of {list(KINDS)}")
        if not (isinstance(self.start, int) and isinstance(self.end, int)
                and 0 <= self.start <= self.end):
            raise ProjectError(f"bad character span {self.start!r}-{self.end!r}")
        object.__setattr__(self, "hint", tuple(str(h) for h in self.hint))

    def to_json(self) -> list:
        return [self.kind, self.text_sha256, self.start, self.end, list(self.hint)]

    @classmethod
    def from_json(cls, value) -> ItemKey:
        if not (isinstance(value, (list, tuple)) and len(value) in (4, 5)):
            raise ProjectError(f"not an item key: {value!r:.80}")
        hint = value[4] if len(value) == 5 else ()
        if not isinstance(hint, (list, tuple)):
            raise ProjectError(f"not an item key: {value!r:.80}")
        return cls(str(value[0]), str(value[1]), value[2], value[3], tuple(hint))


@dataclass(frozen=True)
class Correction:
    """One user fix: ``field`` of the item at ``key`` becomes ``value`` (see ``FIELDS``).

    Values: speaker/type: str; date: ``{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD",
    "precision": "day|week|month|year|range"}`` (end inclusive, as in the document);
    place: ``{"name", "lat", "lon"}`` or None (no place); hidden: True; merge: the
    ``ItemKey`` of the event this one joins; split: a tuple of further ``ItemKey`` mentions
    that leave with this one (may be empty)."""
    key: ItemKey
    field: str
    value: object = None

    def __post_init__(self):
        if self.field not in FIELDS[self.key.kind]:
            raise ProjectError(f"a {self.key.kind} has no correctable field {self.field!r} "
                               f"(one of {list(FIELDS[self.key.kind])})")
        object.__setattr__(self, "value", _checked_value(self.key.kind, self.field, self.value))

    @property
    def slot(self) -> tuple:
        """What a newer correction of the same item and field replaces."""
        return (self.key, self.field)

    def value_json(self) -> str:
        value = self.value
        if isinstance(value, ItemKey):
            value = value.to_json()
        elif self.field == "split":
            value = [k.to_json() for k in value]
        return json.dumps(value, sort_keys=True)

    @classmethod
    def from_row(cls, key: ItemKey, field_name: str, value_json: str) -> Correction:
        value = json.loads(value_json)
        if field_name == "merge":
            value = ItemKey.from_json(value)
        elif field_name == "split":
            value = tuple(ItemKey.from_json(v) for v in value or ())
        return cls(key, field_name, value)


def date_value(start: str | date, end: str | date | None = None,
               precision: str = "day") -> dict:
    """A correction's date: ISO days (end inclusive, default the start) and a precision."""
    start = start.isoformat() if isinstance(start, date) else start
    end = end.isoformat() if isinstance(end, date) else (end or start)
    return _checked_date({"start": start, "end": end, "precision": precision})


def _checked_value(kind: str, field_name: str, value):
    if field_name in ("speaker", "type"):
        if not isinstance(value, str) or not value.strip():
            raise ProjectError(f"{kind} {field_name} must be a non-empty string")
        if field_name == "type" and value not in EVENT_TYPES:
            raise ProjectError(f"event type {value!r} is not one of {list(EVENT_TYPES)}")
        return value.strip()
    if field_name == "date":
        return _checked_date(value)
    if field_name == "place":
        return _checked_place(value)
    if field_name == "hidden":
        return True
    if field_name == "merge":
        if not isinstance(value, ItemKey) or value.kind != "event":
            raise ProjectError("a merge names the event key it joins")
        return value
    value = tuple(value or ())                                   # split
    if not all(isinstance(k, ItemKey) and k.kind == "event" for k in value):
        raise ProjectError("a split lists event mention keys")
    return value


def _checked_date(value) -> dict:
    if not isinstance(value, dict):
        raise ProjectError("a corrected date is {start, end, precision}")
    try:
        start = date.fromisoformat(value.get("start"))
        end = date.fromisoformat(value.get("end") or value.get("start"))
    except (TypeError, ValueError):
        raise ProjectError(f"corrected date {value!r:.80} is not ISO 8601 (YYYY-MM-DD)") from None
    precision = value.get("precision")
    if precision not in PRECISIONS:
        raise ProjectError(f"date precision {precision!r} is not one of {sorted(PRECISIONS)}")
    if end < start:
        raise ProjectError(f"corrected date ends ({end}) before it starts ({start})")
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision}


def _checked_place(value) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) \
            or not value["name"].strip():
        raise ProjectError("a corrected place is {name, lat, lon} (or None for no place)")
    out = {"name": value["name"].strip(), "lat": None, "lon": None}
    for axis, limit in (("lat", 90.0), ("lon", 180.0)):
        coord = value.get(axis)
        if coord is not None:
            if not isinstance(coord, (int, float)) or not -limit <= float(coord) <= limit:
                raise ProjectError(f"place {axis} {coord!r} out of range")
            out[axis] = float(coord)
    return out


@dataclass(frozen=True)
class Annotation:
    """A star, tags and a note on one item (an empty one is removed from the project)."""
    starred: bool = False
    tags: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self):
        tags = sorted({str(t).strip() for t in self.tags if str(t).strip()})
        object.__setattr__(self, "tags", tuple(tags))
        object.__setattr__(self, "note", str(self.note or ""))
        object.__setattr__(self, "starred", bool(self.starred))

    @property
    def empty(self) -> bool:
        return not (self.starred or self.tags or self.note)


@dataclass(frozen=True)
class SavedView:
    """A named snapshot of the explorer: ``state`` is plain JSON (``views.view_state``)."""
    name: str
    state: dict = field(default_factory=dict)

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name.strip():
            raise ProjectError("a saved view needs a name")
        try:
            json.dumps(self.state)
        except (TypeError, ValueError) as exc:
            raise ProjectError(f"saved view {self.name!r}: state is not JSON ({exc})") from None
