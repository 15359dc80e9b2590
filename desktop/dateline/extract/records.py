"""Per-article extraction results: plain dataclasses, picklable and JSON round-trippable.

Dates are ISO strings (or None) so a result can be cached as JSON and sent between
processes without custom encoders. Places are {"name", "lat", "lon"} dicts or None.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

Place = dict  # {"name": str, "lat": float, "lon": float}


@dataclass
class StatementRec:
    speaker: str
    speaker_kind: str          # person | org | media | country | city | group
    text: str
    direct: bool
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    date_start: str | None = None
    date_end: str | None = None
    precision: str | None = None
    place: Place | None = None
    cue: str = ""                      # the speech verb or phrase ("said", "according to")
    source_start: int | None = None    # the speaker's words in the text ("he", "a U.S. official")
    source_end: int | None = None
    place_source: str | None = None    # text | scene | dateline | actor (statement_dates)
    date_source: str | None = None     # text | scene | dateline (statement_dates)


@dataclass
class EventMentionRec:
    type: str
    actors: list[str]
    start: int                 # the sentence (or clause) that reports the event
    end: int
    text: str
    trigger: str               # the word that signalled the event ("talks", "arrived")
    date_start: str | None = None
    date_end: str | None = None
    precision: str | None = None
    dated: bool = False        # date stated in the clause (not inherited or defaulted)
    place: Place | None = None
    future: bool = False       # "will meet", "is due to", "scheduled"
    # how the place was found: "text" (its clause) | "dateline" | "scene" | "actor" (_scene.py)
    place_source: str | None = None
    trigger_start: int | None = None   # the trigger's offsets in the article text
    trigger_end: int | None = None
    # the clause layer (clause_events.py): its clause, taxonomy category (event_types.py),
    # actors per role ("agent", "patient", "target", "partner") and polarity/modality flags
    category: str | None = None
    clause_start: int | None = None
    clause_end: int | None = None
    roles: dict[str, list[str]] = field(default_factory=dict)
    negated: bool = False      # "refused to impose", "did not meet"
    hypothetical: bool = False  # "if talks fail", "could strike"
    reported: bool = False     # under a speech verb: "says it put a satellite into orbit"
    # how a date not stated by the clause or sentence was found (None: stated there):
    # "antecedent" (an earlier mention of the same event) or "scene" (the day of a dated
    # clause of its kind: further_mentions.py; for a headline, the lede's day),
    # "published" (the headline's news, undated
    # simple-past news, a statement in the simple present: clause_events.py)
    date_source: str | None = None


@dataclass
class ArticleExtraction:
    sha256: str
    published: str | None
    statements: list[StatementRec] = field(default_factory=list)
    events: list[EventMentionRec] = field(default_factory=list)
    people: dict[str, list[str]] = field(default_factory=dict)   # full name -> roles learned
    actor_kinds: dict[str, str] = field(default_factory=dict)    # actor name -> person/org/country...
    # every time expression: {"start", "end", "text", "type", "value", "date_start",
    # "date_end", "precision"} (``Timex.to_dict`` without the article)
    timexes: list[dict] = field(default_factory=list)
    # every place name in the article: {"start", "end", "text", "name", "lat", "lon", "kind",
    # "role", "geonameid"} (see places.toponym_record)
    toponyms: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleExtraction":
        """Rebuild from ``to_dict`` output; raises (KeyError/TypeError) on a malformed dict."""
        return cls(
            sha256=str(data["sha256"]),
            published=data.get("published"),
            statements=[_build(StatementRec, s) for s in data.get("statements", [])],
            events=[_build(EventMentionRec, e) for e in data.get("events", [])],
            people={str(k): list(v) for k, v in data.get("people", {}).items()},
            actor_kinds={str(k): str(v) for k, v in data.get("actor_kinds", {}).items()},
            timexes=[dict(t) for t in data.get("timexes", [])],
            toponyms=[dict(t) for t in data.get("toponyms", [])],
        )


def _build(cls, data: dict):
    names = {f.name for f in fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    return cls(**data)
