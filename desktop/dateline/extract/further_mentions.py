"""Predicates without a time of their own that news still dates: further mentions of an
event the article already reports, and the other moves of a scene it dated.

**Further mentions.** News names its main event again and again, mostly without repeating
its time: the headline, the lede ("... fell on Monday"), then "the fall", "the deal", "its
purchase". A predicate of the clause layer that is not a mention by itself (no time of its
own, or no named actor) is another mention of an event the article already has when
- both are of the same taxonomy category (not OTHER, nor plain speech);
- a visit only names a visit again, a meeting a meeting (both are CONSULT);
- it has the same polarity and modality (what did not or might happen, or is only planned,
  never joins what happened), and no other place or time of its own;
- it is tied to that event: it shares a named actor with it, or it names none and it is a
  definite noun ("the deal", "its purchase", "this sale") or a headline's predicate (a
  headline announces the article's main event).
The nearest earlier event of the kind with a named actor (events are merged on their actors)
is its antecedent (a headline's: the first one that ends in the week before publication:
a headline tells news). The mention takes the antecedent's type, date, place and actors
(plus its own), so merging puts both in one event; its ``date_source`` is "antecedent".

**Scene siblings.** "Stock markets fell sharply on Monday. ... The Nasdaq Composite lost 3
percent": a verb with a named subject of its own, of the category of an earlier clause that
states a time (a dated event, or a dated clause whose actor is unnamed), is another event of
that scene and day ("scene"), in the scene's paragraph or the next. Not what is only
planned, reported or borrowed from a governing clause, and only a verb with a proper-noun
subject: "the company" or "shares" name no one, and nouns ("the sale") are further mentions
or nothing.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from .clauses import ClauseEvent
from .event_types import travel, type_of
from .records import EventMentionRec

# Categories whose words name too many different happenings in one article to be linked by
# kind alone ("said", a "statement") or say nothing of the kind (OTHER).
_UNLINKED = frozenset({"OTHER", "STATEMENT"})
_ROLE_ORDER = ("agent", "patient", "target", "partner")
_MAX_ACTORS = 4
_NEWS_REACH = timedelta(days=7)


class Scene(NamedTuple):
    """A clause that states when something of a category happened."""
    at: int                  # its trigger's offset
    category: str
    date_start: str
    date_end: str
    precision: str | None
    paragraph: int


def further_mentions(text: str, clauses: list[ClauseEvent], events: list[EventMentionRec],
                     scenes: list[Scene], names_of, sentence_at, headline_end: int,
                     published: date | None) -> list[EventMentionRec]:
    """Mentions for ``clauses`` (not mentions by themselves) that refer back to ``events``
    or happen in one of the ``scenes``.

    ``names_of(c)``: the clause's named actors per role; ``sentence_at(offset)``: the (start,
    end, paragraph) of the sentence there; ``headline_end``: where the article's headline
    ends (0 if it has none)."""
    recent = _recent(published)
    by_category: dict[str, list[EventMentionRec]] = {}
    for e in sorted(events, key=lambda e: (event_anchor(e), e.type)):
        if e.category and e.category not in _UNLINKED and e.date_start and e.actors:
            by_category.setdefault(e.category, []).append(e)
    scenes = sorted(scenes, key=_scene_order)
    out = []
    for c in sorted(clauses, key=lambda c: c.trigger_start):
        if c.negated or c.hypothetical:
            continue
        roles = names_of(c)
        own = [n for role in _ROLE_ORDER if not (role == "agent" and c.borrowed_agent)
               for n in roles.get(role, [])]
        headline = c.trigger_start < headline_end
        candidates = by_category.get(c.category, [])
        if headline:      # a headline tells news, not the background events of its article
            candidates = [e for e in candidates if recent(e)]
        antecedent = _antecedent(c, candidates, own, headline)
        if antecedent is not None:
            out.append(_mention(text, c, antecedent, roles, clause_sentence(c, sentence_at)))
            continue
        scene = _scene(c, scenes, sentence_at(c.trigger_start)[2])
        if scene is not None:
            out.append(_sibling(text, c, scene, roles, clause_sentence(c, sentence_at)))
    return out


def scenes_of(events: list[EventMentionRec], clauses: list[ClauseEvent], stated,
              sentence_at) -> list[Scene]:
    """Scenes: dated events that happened, and clauses with a time of their own (``stated(c)``:
    the time if it says when, else None) that are neither planned, reported nor hypothetical;
    ``sentence_at`` as for ``further_mentions``."""
    out = [Scene(event_anchor(e), e.category, e.date_start, e.date_end, e.precision,
                 sentence_at(event_anchor(e))[2])
           for e in events if e.dated and e.category and not (e.future or e.negated or e.hypothetical)]
    for c in clauses:
        when = stated(c)
        if when is not None and not (c.planned or c.negated or c.hypothetical or c.reported):
            out.append(Scene(c.trigger_start, c.category, when.date_start.isoformat(),
                             when.date_end.isoformat(), when.precision, sentence_at(c.trigger_start)[2]))
    return sorted(out, key=_scene_order)


def _scene_order(s: Scene) -> tuple:
    return s.at, s.category, s.date_start, s.date_end, s.precision or "", s.paragraph


def _recent(published: date | None):
    """Whether an event is news on the publication day: it ends within the week before."""
    if published is None:
        return lambda e: False
    lo, hi = (published - _NEWS_REACH).isoformat(), published.isoformat()
    return lambda e: lo <= (e.date_end or e.date_start) and e.date_start <= hi


def clause_sentence(c: ClauseEvent, sentence_at) -> tuple[int, int]:
    """The clause's sentence (the clause itself outside any sentence)."""
    lo, hi, paragraph = sentence_at(c.trigger_start)
    return (lo, hi) if paragraph >= 0 else (c.start, c.end)


def event_anchor(e: EventMentionRec) -> int:
    """Where an event mention is: its trigger, else its sentence."""
    return e.trigger_start if e.trigger_start is not None else e.start


def _antecedent(c: ClauseEvent, candidates: list[EventMentionRec], own: list[str],
                headline: bool) -> EventMentionRec | None:
    if not (own or c.definite or headline):
        return None
    fitting = [e for e in candidates if _compatible(c, e, own)]
    if not fitting:
        return None
    if headline:
        return fitting[0]
    earlier = [e for e in fitting if event_anchor(e) < c.trigger_start]
    return earlier[-1] if earlier else None


def _compatible(c: ClauseEvent, e: EventMentionRec, own: list[str]) -> bool:
    if e.negated or e.hypothetical or bool(e.future) != c.planned:
        return False
    if c.category == "CONSULT" and travel(c.lemma) != (e.type == "visit" or travel(e.trigger)):
        return False          # "the visit" is not the meeting held during it
    if own and not set(own) & set(e.actors):
        return False          # someone else's deal
    if c.place is not None and e.place and e.place.get("name") != c.place.name:
        return False
    when = c.time or c.inherited_time
    if when is not None and not (when.date_start.isoformat() <= (e.date_end or e.date_start)
                                 and e.date_start <= when.date_end.isoformat()):
        return False          # a time of its own that is not the antecedent's
    return True


def _scene(c: ClauseEvent, scenes: list[Scene], paragraph: int) -> Scene | None:
    """The latest earlier scene of the clause's category in its paragraph or the one before
    (older scenes have moved on), for a verb with a proper-noun subject."""
    if c.pos != "VERB" or c.time is not None or c.planned or c.reported or c.borrowed_agent:
        return None
    if not any(name_lo >= 0 for _, _, name_lo, _ in c.roles.get("agent", [])):
        return None
    earlier = [s for s in scenes if s.at < c.trigger_start and s.category == c.category
               and s.paragraph >= paragraph - 1]
    return earlier[-1] if earlier else None


def _mention(text: str, c: ClauseEvent, e: EventMentionRec, roles: dict[str, list[str]],
             sentence: tuple[int, int]) -> EventMentionRec:
    rec = _record(text, c, e.type, _names(roles, list(e.actors)), roles, sentence, "antecedent")
    rec.date_start, rec.date_end, rec.precision, rec.future = e.date_start, e.date_end, e.precision, e.future
    rec.place, rec.place_source = (dict(e.place), e.place_source) if e.place else (None, None)
    return rec


def _sibling(text: str, c: ClauseEvent, scene: Scene, roles: dict[str, list[str]],
             sentence: tuple[int, int]) -> EventMentionRec:
    kind = type_of(c.category, c.lemma)
    rec = _record(text, c, kind, _names(roles, []), roles, sentence, "scene")
    rec.date_start, rec.date_end, rec.precision = scene.date_start, scene.date_end, scene.precision
    if c.place is not None:
        place = c.place
        rec.place = {"name": place.name, "lat": round(float(place.lat), 4), "lon": round(float(place.lon), 4)}
        rec.place_source = "text"
    return rec


def _names(roles: dict[str, list[str]], first: list[str]) -> list[str]:
    out = first
    for role in _ROLE_ORDER:
        out += [n for n in roles.get(role, []) if n not in out]
    return out[:_MAX_ACTORS]


def _record(text: str, c: ClauseEvent, kind: str, actors: list[str], roles, sentence,
            source: str) -> EventMentionRec:
    lo, hi = sentence
    return EventMentionRec(type=kind, actors=actors, start=lo, end=hi, text=text[lo:hi],
                           trigger=text[c.trigger_start:c.trigger_end], dated=False,
                           trigger_start=c.trigger_start, trigger_end=c.trigger_end,
                           category=c.category, clause_start=c.start, clause_end=c.end, roles=roles,
                           reported=c.reported, date_source=source)
