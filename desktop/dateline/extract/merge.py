"""Cross-article merging: one real-world event = one event with all its mentions.

Mentions are clustered greedily, dated ones first. A mention joins a cluster when
- the type family matches (statement/warning/announcement are one family), and for events
  typed only "other" the taxonomy category too (a protest never joins an agreement);
- the polarity matches: what did not happen, or only might, never joins what happened;
- the people/organisations overlap enough: at least min(2, |mention actors|) shared
  (Tillerson–Wang talks never absorb Tillerson–Yang talks); a news outlet is no party;
- the date spans overlap; an undated mention only joins a cluster dated within a week
  of its article's publication (the same trip, not one six months later), or an undated
  one of another article with two parties in common;
- the places agree (same name, or a city inside the named country) or one is unknown.
Among compatible clusters the best shared actors / date / place / wording wins.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from .records import EventMentionRec

_FAMILY = {"warning": "statement", "announcement": "statement"}
_UNDATED_REACH = timedelta(days=7)
# The widest date (days) that can tell one event from another: a statement is made on a day
# (or in a stated week), other events at most within a month ("the April summit") unless
# both state the very same stretch, or one from the same start ("fighting cancer since 2004"
# in articles of different days).
_IDENTIFYING_WIDTH = {"statement": 6, None: 30}
_FUTURE_REACH = timedelta(days=92)
_TYPE_PRIORITY = ("warning", "announcement", "statement")
_WORD_RE = re.compile(r"[a-z]{4,}")
_PERSONISH = ("person", "org", "media")


@dataclass
class _Mention:
    article: str
    published: date | None
    rec: EventMentionRec
    actors: list[str]
    kinds: dict[str, str]
    people: list[str] = field(default_factory=list)      # person/organisation actors, in order
    parties: list[str] = field(default_factory=list)     # actors but news outlets
    span: tuple[date, date] | None = None
    words: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        # an outlet that reports or interviews ("Wikinews spoke to", "told CNN") is no party to
        # the event: two reports by one outlet are not one event
        self.parties = [a for a in self.actors if self.kinds.get(a) != "media"]
        self.people = [a for a in self.parties if self.kinds.get(a) in _PERSONISH]
        self.span = _span(self.rec)
        self.words = _words(self.rec.text)


@dataclass
class Cluster:
    family: str
    category: str | None = None       # for "other" events: the taxonomy category
    polarity: str = "pos"
    members: list[_Mention] = field(default_factory=list)
    span: tuple[date, date] | None = None
    place: dict | None = None
    actors: Counter = field(default_factory=Counter)
    parties: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    published: set[date] = field(default_factory=set)
    implied_day: str | None = None

    def add(self, m: _Mention) -> None:
        self.members.append(m)
        self.actors.update(m.actors)
        self.parties.update(m.parties)
        self.people.update(m.people)
        self.words |= m.words
        if m.published:
            self.published.add(m.published)
        span = m.span
        if span and m.rec.dated and (self.span is None or _width(span) < _width(self.span)):
            self.span = span
        elif span and self.span is None:
            self.span = span
        if self.place is None and stated_place(m.rec):
            self.place = m.rec.place


def cluster_mentions(items: list[tuple[str, date | None, EventMentionRec]],
                     person_kinds: dict[str, str]) -> list[Cluster]:
    """Group (article id, published, mention) triples into events.

    Clusters are indexed by (family, actor): a mention is only compared with clusters
    that share one of its actors (a requirement anyway), so merging stays near-linear."""
    mentions = [_Mention(a, pub, rec, rec.actors, person_kinds) for a, pub, rec in items]
    order = sorted(range(len(mentions)), key=lambda i: _seed_rank(mentions[i].rec) + (i,))
    clusters: list[Cluster] = []
    index: dict[tuple[str, str], list[int]] = {}
    for i in order:
        m = mentions[i]
        family = _FAMILY.get(m.rec.type, m.rec.type)
        kind = (_category(m.rec), polarity(m.rec))
        candidates = sorted({k for a in _keys(m) for k in index.get((family, a), ())
                             if (clusters[k].category, clusters[k].polarity) == kind})
        best, best_score = None, None
        for k in candidates:
            score = _score(m, clusters[k])
            if score is not None and (best_score is None or score > best_score):
                best, best_score = k, score
        if best is None:
            best = len(clusters)
            clusters.append(Cluster(family, *kind))
        clusters[best].add(m)
        for a in _keys(m):
            bucket = index.setdefault((family, a), [])
            if not bucket or bucket[-1] != best:
                bucket.append(best)
    return clusters


def polarity(rec: EventMentionRec) -> str:
    """"neg" for what did not happen or only might ("refused to", "if"), else "pos"."""
    return "neg" if rec.negated or rec.hypothetical else "pos"


def _category(rec: EventMentionRec) -> str | None:
    return rec.category if rec.type == "other" else None


def _keys(m: _Mention) -> list[str]:
    """The actors a matching cluster must share: people/organisations if named, else all."""
    return m.people or list(m.parties)


def _seed_rank(rec: EventMentionRec) -> tuple:
    span = _span(rec)
    return (0 if rec.dated else 1 if span else 2, _width(span) if span else 9999)


def _score(m: _Mention, c: Cluster) -> float | None:
    if _FAMILY.get(m.rec.type, m.rec.type) != c.family:
        return None
    span = m.span
    date_score = _date_score(m, span, c)
    if date_score is None:
        return None
    shared = _actor_overlap(m, c)
    if shared is None:
        return None
    if span is None and c.span is None and shared < 2 and any(x.article != m.article for x in c.members):
        return None   # undated in two articles: a week's news shares a name, not an event
    place_score = _place_score(stated_place(m.rec), c.place)
    if place_score is None:
        return None
    return shared + date_score + place_score + _similarity(m.words, c.words)


def _date_score(m: _Mention, span, c: Cluster) -> float | None:
    if span and c.span:
        if span[0] > c.span[1] or c.span[0] > span[1] or not _comparable(span, c.span):
            return None
        same_stretch = span == c.span or span[0] == c.span[0] and m.rec.precision == "range"
        if min(_width(span), _width(c.span)) > _IDENTIFYING_WIDTH.get(c.family, _IDENTIFYING_WIDTH[None]) \
                and (not same_stretch or c.family == "statement"):
            return None   # "in 2009" twice: two statements of one year are not one statement
        date_score = 2.0 if span == c.span else 1.0
    elif c.span is None and span is None:
        if not _near_publications(m, c):
            return None
        date_score = 0.0
    else:
        known = span or c.span
        undated = [m] if span is None else c.members
        if not any(_within_reach(known, x) for x in undated):
            return None
        date_score = 0.0
    return date_score


def _actor_overlap(m: _Mention, c: Cluster) -> int | None:
    mine, theirs = m.people, c.people
    if c.family == "visit" and mine:
        mine = mine[:1]     # a visit is matched on the visitor, not on whom it mentions
    if not mine or not theirs:
        mine, theirs = list(m.parties), c.parties
    shared = len(set(mine) & theirs)
    if shared == 0 or shared < min(2, len(mine), len(theirs)):
        return None
    return shared


def _within_reach(known: tuple[date, date], undated: _Mention) -> bool:
    """An undated mention refers to something near its article's publication date
    (further ahead when it speaks of the future: "a planned summit")."""
    pub = undated.published
    if pub is None:
        return False
    ahead = _FUTURE_REACH if undated.rec.future or undated.rec.type == "planned_summit" else _UNDATED_REACH
    return pub - _UNDATED_REACH <= known[0] <= pub + ahead


def _comparable(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """A day and 'since last year' overlap but are not the same event."""
    wa, wb = _width(a) + 1, _width(b) + 1
    return max(wa, wb) <= 14 or max(wa, wb) <= 4 * min(wa, wb)


def _near_publications(m: _Mention, c: Cluster) -> bool:
    return bool(m.published) and any(abs(m.published - p) <= _UNDATED_REACH for p in c.published)


def _place_score(a: dict | None, b: dict | None) -> float | None:
    if not a or not b:
        return 0.0
    if a["name"] == b["name"]:
        return 1.0
    ca, cb = _country_code(a["name"]), _country_code(b["name"])
    if ca and ca == cb and (_is_country(a["name"]) or _is_country(b["name"])):
        return 0.5
    return None


@lru_cache(maxsize=4096)
def _country_code(name: str) -> str:
    from .gazetteer import lookup
    place = lookup(name)
    return place.country if place else ""


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    from .gazetteer import lookup
    place = lookup(name)
    return bool(place and place.kind in ("country", "region"))


def _span(rec: EventMentionRec) -> tuple[date, date] | None:
    if not rec.date_start:
        return None
    try:
        return date.fromisoformat(rec.date_start), date.fromisoformat(rec.date_end or rec.date_start)
    except ValueError:
        return None


def _width(span: tuple[date, date]) -> int:
    return (span[1] - span[0]).days


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(text.lower()))


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a and b else 0.0   # containment: big clusters are not penalised


# ------------------------------------------------------------------ event fields

_PAST_VERB_RE = re.compile(r"(?:ed|met|held|took|made|saw|flew|struck|went|came|gave)$", re.IGNORECASE)


def news_days(items) -> dict[str, Counter]:
    """Per article, how often each stated day is the date of a past event ("on Saturday")."""
    days: dict[str, Counter] = {}
    for article, _pub, rec in items:
        if rec.dated and not rec.future and rec.precision == "day":
            days.setdefault(article, Counter())[(rec.date_start, frozenset(rec.actors))] += 1
    return days


def borrow_news_day(clusters: list[Cluster], days: dict[str, Counter]) -> None:
    """'The Texas oilman also met Yang Jiechi' (no date): an undated past event of a person
    whose past events the article dates to one day above all others happened that day."""
    for c in clusters:
        if c.span or any(m.rec.future or not _PAST_VERB_RE.search(m.rec.trigger) for m in c.members):
            continue
        people = {a for a in c.actors if c.members[0].kinds.get(a) in _PERSONISH}
        votes: Counter = Counter()
        for m in c.members:
            for (day, actors), n in days.get(m.article, {}).items():
                if people & actors:
                    votes[day] += n
        if votes:
            (day, n), *rest = votes.most_common(2)
            if not rest or rest[0][1] < n:
                c.span = (date.fromisoformat(day), date.fromisoformat(day))
                c.implied_day = day


def borrow_places(clusters: list[Cluster]) -> None:
    """A meeting with no stated place happened where its participant was visiting that day."""
    visits = [c for c in clusters if c.family == "visit" and c.place and c.span]
    for c in clusters:
        if c.family != "meeting" or c.place or not c.span:
            continue
        for v in visits:
            if (set(c.actors) & set(v.actors)) and v.span[0] <= c.span[0] <= v.span[1]:
                c.place = v.place
                break


# Places inferred, not stated (``events.py``): they neither keep mentions apart nor outvote a
# stated place; an event takes one only when no mention states its place.
_INFERRED = ("scene", "actor")


def stated_place(rec: EventMentionRec) -> dict | None:
    return rec.place if rec.place_source not in _INFERRED else None


def event_fields(c: Cluster) -> dict:
    """type, dates, precision, place, actors of a cluster (most precise stated values)."""
    types = Counter(m.rec.type for m in c.members)
    kind = next((t for t in _TYPE_PRIORITY if t in types), None) if c.family == "statement" else None
    kind = kind or types.most_common(1)[0][0]
    dated = [m.rec for m in c.members if m.rec.dated and m.rec.date_start]
    pool = dated or [m.rec for m in c.members if m.rec.date_start]
    best = min(pool, key=lambda r: (_width(_span(r)), r.date_start)) if pool else None
    if best is None and c.implied_day:
        best = EventMentionRec(type=c.family, actors=[], start=0, end=0, text="", trigger="",
                               date_start=c.implied_day, date_end=c.implied_day, precision="day")
    places = Counter()
    for m in c.members:
        if stated_place(m.rec):
            places[(m.rec.place["name"], m.rec.place["lat"], m.rec.place["lon"])] += (
                1 if _is_country(m.rec.place["name"]) else 2)
    # only inferred places: the most trusted way wins
    inferred = sorted((_INFERRED.index(m.rec.place_source), i) for i, m in enumerate(c.members)
                      if m.rec.place and m.rec.place_source in _INFERRED)
    place = (c.place or (c.members[inferred[0][1]].rec.place if inferred else None)) if not places else None
    if places:
        name, lat, lon = places.most_common(1)[0][0]
        place = {"name": name, "lat": lat, "lon": lon}
    first = c.members[0].actors
    actors = [a for a, _ in sorted(c.actors.items(), key=lambda kv: (
        -_actor_rank(kv[0], c), -kv[1], first.index(kv[0]) if kv[0] in first else 99))]
    if len(c.members) >= 3:   # drop names only one report mentions in passing
        actors = [a for a in actors if c.actors[a] >= 2 or a == actors[0]]
    if c.family == "visit":   # visitors are people; the countries are what the visit is about
        actors = [a for a in actors if a in c.people] or actors[:1]
    return {"type": kind, "date_start": best.date_start if best else None,
            "date_end": best.date_end if best else None,
            "precision": best.precision if best else None, "place": place, "actors": actors[:4]}


def _actor_rank(name: str, c: Cluster) -> int:
    return 1 if c.members[0].kinds.get(name) in _PERSONISH else 0


def event_id(fields_: dict) -> str:
    key = "|".join([fields_["type"], fields_["date_start"] or "", (fields_["place"] or {}).get("name", ""),
                    ",".join(sorted(fields_["actors"]))])
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def summary(fields_: dict, future: bool, people: set[str] | frozenset = frozenset(), trigger: str = "") -> str:
    """'Rex Tillerson meets Wang Yi in Beijing': type + the first two actors (people first) + place."""
    actors = sorted(fields_["actors"], key=lambda a: a not in people) if people else fields_["actors"]
    a = actors[0] if actors else "Unknown actor"
    b = actors[1] if len(actors) > 1 else None
    where = f" in {fields_['place']['name']}" if fields_["place"] else ""
    kind = fields_["type"]
    if kind == "visit":
        target = fields_["place"]["name"] if fields_["place"] else "abroad"
        return f"{a} {'to visit' if future else 'visits'} {target}"
    if kind == "meeting":
        return f"{a} {'to meet' if future else 'meets'} {b}{where}" if b else f"Talks involving {a}{where}"
    if kind == "planned_summit":
        return f"Planned summit: {a} and {b}{where}" if b else f"Planned summit of {a}{where}"
    if kind == "warning":
        return f"{a} warns {b}" if b else f"Warning by {a}{where}"
    if kind == "statement":
        return f"Statement by {a}{where}"
    if kind == "announcement" and actors:
        return f"Announcement by {a}{where}"
    if kind == "military_action":
        return f"Military action by {a}{where}"
    if kind == "sanctions":
        roles = fields_.get("roles") or {}
        if roles:   # the clause layer's roles: who imposed them, on whom ("on North Korea")
            a = (roles.get("agent") or [a])[0]
            on = [n for n in roles.get("target", []) + roles.get("patient", []) if n != a]
            b = on[0] if on else None
        return f"Sanctions by {a}" + (f" on {b}" if b else "")
    what = " ".join(trigger.split()).lower()
    if what and kind in ("other", "announcement"):   # "Protest in Nairobi", "Sudan army: signed"
        noun = what[0].upper() + what[1:]
        return f"{a}: {what}{where}" if actors else f"{noun}{where}"
    return f"{a}{where}"
