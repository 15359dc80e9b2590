"""Further mentions of an event the article already reports: "the deal", "its purchase",
the headline's "Ford posts profit", "GM filed for bankruptcy" after "GM's bankruptcy filing
on Monday".

News names its main event again and again, mostly without repeating its time: the
headline, the lede ("... fell on Monday"), then "the fall", "the deal", "the purchase". A
predicate of the clause layer that is not a mention by itself (it has no time of its own,
or no named actor) is another mention of an event the article already has when
- both are of the same taxonomy category (not OTHER, nor plain speech);
- it has the same polarity and modality (what did not or might happen, or is only planned,
  never joins what happened), and no other place or time of its own;
- it is tied to that event: it shares a named actor with it, or it names none and it is a
  definite noun ("the deal", "its purchase", "this sale") or a headline's predicate (a
  headline announces the article's main event).
The nearest earlier event of the kind with a named actor (events are merged on their actors)
is its antecedent (a headline's: the first one). The
mention takes the antecedent's type, date, place and actors (plus its own), so merging puts
both in one event; ``date_source`` says the date came from the antecedent ("antecedent").
"""
from __future__ import annotations

from .clauses import ClauseEvent
from .records import EventMentionRec

# Categories whose words name too many different happenings in one article to be linked by
# kind alone ("said", a "statement") or say nothing of the kind (OTHER).
_UNLINKED = frozenset({"OTHER", "STATEMENT"})
_MAX_ACTORS = 4


def further_mentions(text: str, clauses: list[ClauseEvent], events: list[EventMentionRec],
                     names_of, sentence_of, headline_end: int) -> list[EventMentionRec]:
    """Mentions for ``clauses`` (not mentions by themselves) that refer back to ``events``.

    ``names_of(c)``: the clause's named actors per role; ``sentence_of(c)``: the (start, end)
    of its sentence; ``headline_end``: where the article's headline ends (0 if it has none)."""
    by_category: dict[str, list[EventMentionRec]] = {}
    for e in sorted(events, key=lambda e: (_anchor(e), e.type)):
        if e.category and e.category not in _UNLINKED and e.date_start and e.actors:
            by_category.setdefault(e.category, []).append(e)
    out = []
    for c in sorted(clauses, key=lambda c: c.trigger_start):
        candidates = by_category.get(c.category)
        if not candidates or c.negated or c.hypothetical:
            continue
        roles = names_of(c)
        own = [n for role in ("agent", "patient", "target", "partner")
               if not (role == "agent" and c.borrowed_agent) for n in roles.get(role, [])]
        headline = c.trigger_start < headline_end
        antecedent = _antecedent(c, candidates, own, headline)
        if antecedent is not None:
            out.append(_mention(text, c, antecedent, roles, sentence_of(c)))
    return out


def _anchor(e: EventMentionRec) -> int:
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
    earlier = [e for e in fitting if _anchor(e) < c.trigger_start]
    return earlier[-1] if earlier else None


def _compatible(c: ClauseEvent, e: EventMentionRec, own: list[str]) -> bool:
    if e.negated or e.hypothetical or bool(e.future) != c.planned:
        return False
    if own and not set(own) & set(e.actors):
        return False          # someone else's deal
    if c.place is not None and e.place and e.place.get("name") != c.place.name:
        return False
    when = c.time or c.inherited_time
    if when is not None and not (when.date_start.isoformat() <= (e.date_end or e.date_start)
                                 and e.date_start <= when.date_end.isoformat()):
        return False          # a time of its own that is not the antecedent's
    return True


def _mention(text: str, c: ClauseEvent, e: EventMentionRec, roles: dict[str, list[str]],
             sentence: tuple[int, int]) -> EventMentionRec:
    actors = list(e.actors)
    for role in ("agent", "patient", "target", "partner"):
        actors += [n for n in roles.get(role, []) if n not in actors]
    lo, hi = sentence
    return EventMentionRec(type=e.type, actors=actors[:_MAX_ACTORS], start=lo, end=hi, text=text[lo:hi], trigger=text[c.trigger_start:c.trigger_end],
                           date_start=e.date_start, date_end=e.date_end, precision=e.precision,
                           dated=False, place=dict(e.place) if e.place else None,
                           place_source=e.place_source, future=e.future,
                           trigger_start=c.trigger_start, trigger_end=c.trigger_end,
                           category=c.category, clause_start=c.start, clause_end=c.end, roles=roles,
                           reported=c.reported, date_source="antecedent")
