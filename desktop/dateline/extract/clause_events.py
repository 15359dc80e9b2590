"""Event mentions on the clause layer: the trigger rules' mentions gain their clause, roles,
category and flags, and predicates the rules do not know become mentions of their own.

Only sentences holding a trigger, or a time expression and a word the taxonomy may list,
are parsed (parsing costs ~0.2 ms a word). For a trigger rule's mention, the clause event at
its trigger gives:
- ``clause_start``/``clause_end``, ``category``, ``roles`` (names per role);
- the flags ``negated``, ``hypothetical``, ``reported`` (``future`` stays the planned flag,
  set by either layer);
- its date when the clause has a time of its own that differs (the clause's own time wins
  over one the sentence-level rules took from elsewhere in the sentence), and no date from
  another event noun of the sentence ("the 1950-1953 war"); "has announced" with no time of
  its own is the publication day's news (as an undated simple past is).
A predicate no rule caught becomes a mention when it is anchored in time and in people: its
clause has a time of its own and a named person, organisation or country in one of its
roles ("Japan signed the treaty on Monday"); for what happens at a place whoever does it (a
ruling, a crash, a killing, a death, an election: ``_PLACE_ANCHORED``) its own time and its
own place will do. A place or participants alone are not enough: measured on the sample
corpora, such mentions are mostly background, not news. Plain "said"
is left to the statement layer, and quoted words never carry events.

Predicates that news dates by the article rather than by themselves (``date_source`` says how):
- the headline's main verb with a named subject is the article's news: another mention of a
  recent body event of its kind ("antecedent"), else of the day the lede states ("scene") or
  of the publication day ("published");
  a headline the parser reads as a noun phrase gets its verb back first (``syntax_repair``);
- an undated simple-past or present-perfect report ("Jobs unveiled ...") is the news of the
  publication day ("published");
- further mentions of a reported event ("the deal") and other moves of a dated scene ("The
  Nasdaq lost 3 percent"): ``further_mentions``. Sentences that may hold one (a word of a
  category the article reports) are parsed for them.
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from .actors import CITY, COUNTRY, MODIFIER, ORG, PERSON
from ._datepatterns import _MONTHS, _WEEKDAYS
from .clauses import ClauseEvent, analyse
from .event_types import category_of_type, could_be_predicate, listed_verb, possible_categories, type_of
from .further_mentions import clause_sentence, event_anchor, further_mentions, scenes_of
from .intervals import ByStart, Intervals
from .records import EventMentionRec
from .syntax_repair import headline_verb
from .wire import body_start

_ACTOR_KINDS = (PERSON, ORG, COUNTRY)
# Kinds of event a time and a place anchor without a named actor: not talks, market moves or
# protests, which the article tells of again with their actors
_PLACE_ANCHORED = frozenset({"ACCIDENT", "ASSAULT", "LEGAL", "DEATH", "ELECTION"})
_TIME_NAMES = frozenset(_WEEKDAYS + _MONTHS)     # a parse may take "Thursday" for a subject
_ROLE_ORDER = ("agent", "patient", "target", "partner")
_MAX_ACTORS = 4
_LEFT_TO_STATEMENTS = frozenset({"STATEMENT"})
_LEDE_SENTENCES = 5
_FURTHER_PARAGRAPHS = 4
_LEDE_REACH_DAYS = 7
_SPEECH_TYPES = frozenset({"statement", "warning", "announcement"})
_WORD_RE = re.compile(r"[a-z]+")
_LONGEST_NAME = 80    # characters a mention may start before a role phrase it holds


def clause_events(text, spans, events: list[EventMentionRec], times, places, mentions, resolver,
                  quotes, published: date | None) -> list[EventMentionRec]:
    """Annotate ``events`` in place and return the new mentions of untriggered predicates."""
    quoted = Intervals([(lo + 1, hi) for lo, hi in quotes])
    wanted = _sentences_to_parse(text, spans, events, times)
    if not wanted:
        return []
    locations = [p for p in places if p.role == "location"]
    # imported here, not at the top: spaCy takes ~2 s to import, and the GUI's start path
    # imports this module's callers (tests/test_syntax.py); only extraction workers parse
    from . import syntax
    headline_end = _headline_end(spans)
    clauses = analyse([headline_verb(s, listed_verb) if s.start < headline_end else s
                       for s in syntax.parse(text, wanted)], times, locations)
    actors = _Actors(text, mentions, resolver, quoted, places)
    sentence_at = _sentence_lookup(spans)
    by_trigger = sorted(clauses, key=lambda c: c.trigger_start)
    trigger_starts = [c.trigger_start for c in by_trigger]
    taken: set[int] = set()
    lede_end = _lede_end(spans)
    for rec in events:
        c = _clause_at(by_trigger, trigger_starts, rec)
        if c is not None:
            taken.add(c.trigger_start)
            _annotate(text, rec, c, actors)
            _drop_background_date(rec, c, times)
            _news_of_the_day(rec, c, published, lede_end)
            _said_today(rec, c, published)
        else:
            rec.category = category_of_type(rec.type, rec.trigger)
    out, rest = [], []
    for c in clauses:
        if c.trigger_start in taken or quoted.contains(c.trigger_start) or c.category in _LEFT_TO_STATEMENTS:
            continue
        rec = _new_mention(text, c, actors, sentence_at, published)
        if rec is not None:
            out.append(rec)
        else:
            rest.append(c)
    return out + _mentions_in_context(text, spans, sentence_at, syntax.parse, wanted, events + out, rest,
                                      times, locations, actors, quoted, published)


def _mentions_in_context(text, spans, sentence_at, parse, parsed, known, rest, times, locations, actors,
                         quoted, published) -> list[EventMentionRec]:
    """Mentions of predicates (``rest``) that date by the article, not by themselves: the
    headline's, further mentions of ``known`` events and the moves of a dated scene
    (``further_mentions``). Sentences not ``parsed`` yet that may name one are parsed now
    (``parse``: ``syntax.parse``); ``sentence_at`` as ``_sentence_lookup`` makes it."""
    def own_time(c):
        return c.time if c.time is not None and not _since(c.time, text) else None
    scenes = scenes_of(known, rest, own_time, sentence_at)
    # where each category was last named with a date: a further mention follows it closely
    anchors = sorted({(e.category, sentence_at(event_anchor(e))[2])
                      for e in known if e.date_start and e.category} | {(s.category, s.paragraph) for s in scenes})
    anchors = [(c, para) for c, para in anchors if c not in _LEFT_TO_STATEMENTS]   # dropped below anyway
    more = _sentences_naming(text, spans, parsed, anchors)
    if more:
        rest = rest + [c for c in analyse(parse(text, more), times, locations)
                       if not quoted.contains(c.trigger_start) and c.category not in _LEFT_TO_STATEMENTS]
    headline_end = _headline_end(spans)
    # the headline first: it names an event of the body again, else it is the news of the day
    top = [c for c in rest if c.trigger_start < headline_end]
    linked = further_mentions(text, top, known, scenes, actors.roles, sentence_at, headline_end, published)
    done = {r.trigger_start for r in linked}
    news = [r for c in top if c.trigger_start not in done and _headline_news(c, spans, published)
            for r in [_new_mention(text, c, actors, sentence_at, published, headline=True)] if r is not None]
    day = _lede_day(spans, scenes, published)
    for r in news:
        if day is not None and r.date_source == "published":
            r.date_start, r.date_end, r.date_source = day.date_start, day.date_end, "scene"
    body = [c for c in rest if c.trigger_start >= headline_end]
    return linked + news + further_mentions(text, body, known + linked + news, scenes, actors.roles,
                                            sentence_at, headline_end, published)


def killed_in_attacks(events: list[EventMentionRec]) -> list[EventMentionRec]:
    """"US forces killed Qasem Soleimani in an airstrike": the killing and the airstrike in
    its clause are one military action. The verb's mention stays (its roles say who did what
    to whom), typed as the attack noun's kind and taking its place and date where it has none;
    the noun's mention goes. Only within one sentence and when their dates agree."""
    attacks = [e for e in events if e.type == "military_action" and e.trigger_start is not None]
    gone: set[int] = set()
    for verb in events:
        if verb.type != "other" or verb.category != "ASSAULT" or verb.clause_start is None:
            continue
        noun = next((n for n in attacks if id(n) not in gone and n.start == verb.start
                     and verb.clause_start <= n.trigger_start < verb.clause_end
                     and n.trigger_start != verb.trigger_start
                     and (not n.date_start or not verb.date_start or n.date_start == verb.date_start)), None)
        if noun is None:
            continue
        verb.type = noun.type
        if verb.place is None and noun.place is not None:
            verb.place, verb.place_source = noun.place, noun.place_source
        if not verb.date_start and noun.date_start:
            verb.date_start, verb.date_end, verb.precision = noun.date_start, noun.date_end, noun.precision
            verb.date_source, verb.dated = noun.date_source, noun.dated
        gone.add(id(noun))
    return [e for e in events if id(e) not in gone]


def one_per_trigger(events: list[EventMentionRec]) -> list[EventMentionRec]:
    """The trigger rules may report one trigger twice (the sentence's window and a reported
    clause's; "killed" as fighting and as a happening): one mention per trigger, the first
    with a specific type."""
    best: dict[int, EventMentionRec] = {}
    for rec in events:
        if rec.trigger_start is None:
            continue
        kept = best.get(rec.trigger_start)
        if kept is None or kept.type == "other" and rec.type != "other":
            best[rec.trigger_start] = rec
    return [e for e in events if e.trigger_start is None or best[e.trigger_start] is e]


def _sentences_to_parse(text, spans, events, times) -> list[tuple[int, int]]:
    """Sentences with a trigger (its mention gains a clause), or with a time expression and a
    word the taxonomy may list (a new mention needs a time of its own): the rest, often half
    of an article, is never parsed."""
    triggered = sorted(e.trigger_start for e in events if e.trigger_start is not None)
    dated = sorted(t.start for t in times)
    out = []
    for span in spans:
        if span.chrome and span.start > 0:
            continue
        body = body_start(text, span.start)   # "BUENOS AIRES, Jan 11 (Reuters) -": the filing
        # a headline's news has no time of its own (see _headline_news)
        if (_any_in(triggered, span.start, span.end) or _any_in(dated, body, span.end) or span.start == 0
                and span.chrome) and any(could_be_predicate(w) for w in text[body:span.end].lower().split()):
            out.append((body, span.end))
    return out


def _sentences_naming(text, spans, parsed: list[tuple[int, int]], anchors) -> list[tuple[int, int]]:
    """Sentences not in ``parsed`` with a word that may signal a category of ``anchors``
    ((category, paragraph) of dated events and scenes) named in the same paragraph or up to
    ``_FURTHER_PARAGRAPHS`` before: parsing every sentence with such a word cost a third of
    extraction for one useful sentence in five."""
    done = {lo for lo, _ in parsed}
    out = []
    for span in spans:
        if span.chrome and span.start > 0:
            continue
        near = {c for c, para in anchors if para <= span.para <= para + _FURTHER_PARAGRAPHS}
        body = body_start(text, span.start)
        if near and body not in done and any(possible_categories(w) & near
                                             for w in _WORD_RE.findall(text[body:span.end].lower())):
            out.append((body, span.end))
    return out


def _lede_end(spans) -> int:
    """Where the top of the story ends: its first body sentences (headings skipped), which
    tell the news; the background comes later ("Mugabe won independence in 1980")."""
    body = [s for s in spans if not s.chrome]
    return body[min(_LEDE_SENTENCES, len(body)) - 1].end if body else 0


def _headline_end(spans) -> int:
    """The end of the article's headline: a heading as its first line, else 0."""
    return spans[0].end if spans and spans[0].start == 0 and spans[0].chrome else 0


def _sentence_lookup(spans):
    """``sentence_at(pos)``: (start, end, paragraph) of the sentence holding ``pos`` (an empty
    one if none does); the sentence starts are listed once, not at every lookup."""
    starts = [s.start for s in spans]

    def sentence_at(pos: int) -> tuple[int, int, int]:
        k = bisect.bisect_right(starts, pos) - 1
        return (spans[k].start, spans[k].end, spans[k].para) if k >= 0 and pos < spans[k].end else (pos, pos, -1)
    return sentence_at


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _clause_at(clauses: list[ClauseEvent], starts: list[int], rec: EventMentionRec) -> ClauseEvent | None:
    """The clause event whose predicate lies within the rec's trigger (its first word first);
    ``clauses`` sorted by trigger, ``starts`` their trigger offsets."""
    if rec.trigger_start is None:
        return None
    k = bisect.bisect_left(starts, rec.trigger_start)
    return clauses[k] if k < len(clauses) and clauses[k].trigger_start < rec.trigger_end else None


def _annotate(text: str, rec: EventMentionRec, c: ClauseEvent, actors: "_Actors") -> None:
    rec.category = c.category if rec.type == "other" else category_of_type(rec.type, rec.trigger)
    rec.clause_start, rec.clause_end = c.start, c.end
    rec.roles = actors.roles(c)
    rec.negated, rec.hypothetical, rec.reported = c.negated, c.hypothetical, c.reported
    rec.future = rec.future or c.planned
    if c.place is not None and rec.place_source in (None, "scene", "actor", "dateline"):
        _set_place(rec, c.place)    # the clause names where: better than any inferred place
    own = c.time if c.time is not None and not _since(c.time, text) else None
    if own is not None and (rec.date_start != own.date_start.isoformat()
                            or rec.date_end != own.date_end.isoformat()):
        _set_date(rec, own, dated=True)


def _news_of_the_day(rec: EventMentionRec, c: ClauseEvent, published: date | None, lede_end: int = 0) -> None:
    """"Boeing has announced ...", "Jobs unveiled ..." with no time of its own, and none the
    sentence gives: news' present perfect, and the simple past at the top of the story (before
    ``lede_end``), report the news of the publication day (as "is visiting" does; not a date
    inferred from elsewhere); ``date_source`` says so."""
    if rec.date_start or not published or not (c.perfect or c.past and c.trigger_start < lede_end):
        return
    if c.negated or c.hypothetical or c.planned or c.reported or rec.future:
        return
    rec.date_start = rec.date_end = published.isoformat()
    rec.precision, rec.date_source = "day", "published"


def _said_today(rec: EventMentionRec, c: ClauseEvent, published: date | None) -> None:
    """"For the final quarter of 2009, Ford says it made ...": a statement in the simple present
    is made on the publication day; a month or year in its sentence is what it speaks of."""
    if rec.type not in _SPEECH_TYPES or not published or not c.present or rec.precision in ("day", "week"):
        return
    rec.date_start = rec.date_end = published.isoformat()
    rec.precision, rec.date_source, rec.dated = "day", "published", False


def _drop_background_date(rec: EventMentionRec, c: ClauseEvent, times) -> None:
    """A date the sentence-level rules took from another clause of the sentence ("the 1950-53
    war" in a sentence about a summit) is not this event's: it stays undated."""
    if not rec.date_start or c.time is not None:
        return
    sources = [t for t in times if c.sentence_start <= t.start < rec.end
               and (t.date_start.isoformat(), t.date_end.isoformat()) == (rec.date_start, rec.date_end)]
    if sources and all(t.start in c.foreign_times for t in sources):
        rec.date_start = rec.date_end = rec.precision = None
        rec.dated = False


def _new_mention(text, c: ClauseEvent, actors: "_Actors", sentence_at, published,
                 headline: bool = False) -> EventMentionRec | None:
    """A mention for a clause dated and anchored by itself: a time and a named actor of its
    own; or, with ``headline``, the headline's news (see ``_headline_news``)."""
    roles = actors.roles(c)
    names = []
    for role in _ROLE_ORDER:
        names += [n for n in roles.get(role, []) if n not in names]
    # someone named in the clause itself: a subject borrowed from the governing clause
    # ("left Taiwan after meeting ...") describes its clause, not an event of its own
    own = [n for r in _ROLE_ORDER if not (r == "agent" and c.borrowed_agent) for n in roles.get(r, [])]
    # anchored by its own time and by someone named -- or, for what happens at a place whoever
    # does it, a place of its own ("a ruling expected on Tuesday by an arbitration court in The
    # Hague", "a fire broke out on Saturday in Badalona")
    placed = c.place is not None and c.category in _PLACE_ANCHORED
    if not (c.time and not _since(c.time, text) and (own or placed)) and not headline:
        return None
    lo, hi = clause_sentence(c, sentence_at)
    rec = EventMentionRec(type=type_of(c.category, c.lemma), actors=names[:_MAX_ACTORS],
                          start=lo, end=hi, text=text[lo:hi], trigger=text[c.trigger_start:c.trigger_end],
                          future=c.planned, trigger_start=c.trigger_start, trigger_end=c.trigger_end,
                          category=c.category, clause_start=c.start, clause_end=c.end, roles=roles,
                          negated=c.negated, hypothetical=c.hypothetical, reported=c.reported)
    when = next((t for t in (c.time, c.inherited_time) if t is not None and not _since(t, text)), None)
    if when is not None:
        _set_date(rec, when, dated=c.time is not None)
        if published and when.date_start > published and not c.negated:
            rec.future = True
    _news_of_the_day(rec, c, published)
    if headline and not rec.date_start:
        rec.date_start = rec.date_end = published.isoformat()
        rec.precision, rec.date_source = "day", "published"
    if c.place is not None:
        _set_place(rec, c.place)
    return rec


def _lede_day(spans, scenes, published: date | None):
    """The day the lede's first dated clause states, when it is in the week before publication:
    the headline tells the lede's news ("Boeing unveils new jet" / "Boeing unveiled ... on
    Sunday"), which a paper often prints a day later. None if the lede states no such day."""
    body = [s for s in spans if not s.chrome]
    if not body or published is None:
        return None
    lede = body[0]
    return next((x for x in scenes if lede.start <= x.at < lede.end and x.precision == "day"
                 and 0 <= (published - date.fromisoformat(x.date_start)).days <= _LEDE_REACH_DAYS), None)


def _headline_news(c: ClauseEvent, spans, published: date | None) -> bool:
    """The headline's main predicate (a verb, or a noun a light verb carries: "A380 makes
    maiden flight") with a named subject ("Boeing unveils new jet", "North Korea fires
    missile as allies meet"): the article's news, of its publication day, though no time
    is stated. Not its subordinate clauses, nor a subject named only as a modifier
    ("Chile wildfires kill"): a parser reads headlines less surely than prose."""
    if published is None or c.trigger_start >= _headline_end(spans) or not c.main:
        return False
    if c.negated or c.hypothetical or c.planned or c.reported or c.borrowed_agent:
        return False
    # the name is the subject's head, not a modifier of it: it ends where the subject's head does
    return any(name_lo >= 0 and name_hi == hi for _, hi, name_lo, name_hi in c.roles.get("agent", []))


def _set_place(rec: EventMentionRec, place) -> None:
    rec.place = {"name": place.name, "lat": round(float(place.lat), 4), "lon": round(float(place.lon), 4)}
    rec.place_source = "text"


def _since(when, text: str) -> bool:
    """"since 1992", "its lowest level since October 1997": a stretch up to now says how
    long, not when, a single event happened."""
    return when.text.lower().startswith("since") or text[max(0, when.start - 7):when.start].lower().rstrip(
        ).endswith("since")


def _set_date(rec: EventMentionRec, when, dated: bool) -> None:
    rec.date_start, rec.date_end = when.date_start.isoformat(), when.date_end.isoformat()
    rec.precision, rec.dated = when.precision, dated


class _Actors:
    """Named actors in a phrase: people, organisations and states (not places)."""

    def __init__(self, text, mentions, resolver, quoted: Intervals, places):
        self.mentions, self.resolver, self.quoted = ByStart(mentions), resolver, quoted
        self.text, self.places = text, ByStart(places)

    def roles(self, c: ClauseEvent) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for role in _ROLE_ORDER:
            names = [n for lo, hi, name_lo, name_hi in c.roles.get(role, [])
                     for n in self.names(lo, hi) or self.proper(name_lo, name_hi)]
            if names:
                out[role] = list(dict.fromkeys(names))
        return out

    def proper(self, lo: int, hi: int) -> list[str]:
        """A proper-noun head the actor finder did not know ("Boeing", "Putin"), unless it
        is a place or a quoted word."""
        if lo < 0 or self.quoted.contains(lo) or self.places.between(lo, hi):
            return []
        name = " ".join(self.text[lo:hi].split())
        if name in _TIME_NAMES:
            return []     # "left his home on Thursday": a parse may take the day for a subject
        return [name] if len(name) > 1 and name[0].isupper() else []

    def names(self, lo: int, hi: int) -> list[str]:
        """Actors whose mention lies in [lo, hi), or holds it (a parse may split "Rex Tillerson")."""
        out = []
        for m in self.mentions.between(lo - _LONGEST_NAME, hi):
            if m.end <= lo or m.end > hi and m.start > lo or m.in_quote or m.syntax == MODIFIER or self.quoted.contains(m.start):
                continue
            if m.kind == CITY or m.kind == COUNTRY and m.place_role == "location":
                continue
            name, kind = self.resolver.resolve(m, for_speech=False)
            if name and kind in _ACTOR_KINDS and name not in out:
                out.append(name)
        return out
