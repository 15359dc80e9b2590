"""Event mentions: what happened in a sentence, who took part, when and where.

A sentence is split at its trigger words (verb/noun lexicons: "talks", "arrived",
"warning", "flew", "summit" ...). Each trigger's clause runs to the next trigger; its
date and place come from that clause, else from the sentence's opening (before the
first trigger: "On Friday, Tillerson issued ..."; "In Beijing, he will meet ..."),
so "arrived Saturday after issuing a warning" dates the arrival, not the warning.
Actors are the named people, organisations and countries of the opening and the
clause (pronouns and descriptions resolved). Dated statements by named speakers
become statement/warning events too. Same-event mentions are merged later (merge.py).
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from .actors import CITY, COUNTRY, MODIFIER, ORG, PERSON, POSSESSIVE, SUBJECT, Mention
from .coref import Resolver
from .intervals import ByStart, Intervals
from .records import EventMentionRec, StatementRec
from ._scene import Scenes, actor_country, seat_of
from ._eventwords import ACTORLESS, EXTRA_TRIGGERS, KIND_OF, TRIGGER_WORDS
from .wire import in_dateline

_TRIGGERS = (
    ("meeting", r"talks|meet|meets|meeting|meetings|met|convened|(?:news|press)\s+conference"
                r"|discuss(?:ed|es)?(?=\s+(?:[\w-]+\s+){0,4}with\b)"
                r"|see(?=\s+(?:President|Prime|Chancellor|King|[A-Z][a-z]+\s+[A-Z]))"),
    ("visit", r"visit|visits|visited|visiting|arriv(?:e|es|ed|ing|al)|travel(?:s|ed|led|ing)?|trip|tour"
              r"|flew(?=\s+(?:to|over|into|back)\b)"),
    ("planned_summit", r"summit"),
    ("warning", r"warn(?:s|ed|ing)?|threaten(?:s|ed|ing)?"),
    ("announcement", r"announc(?:e|es|ed|ement)"),
    ("military_action", r"(?:launch(?:ed|es)?|fired|test-fired|tested|conducted|carried\s+out)\s+(?:[\w-]+\s+){0,6}?"
                        r"(?:missiles?|rockets?|bombs?|shells?|(?:nuclear\s+)?tests?|strikes?|drills?|exercises?|"
                        r"attacks?|drones?|artillery|salvos?|torpedo(?:es)?|raids?)"
                        r"|(?:bombers|jets|warplanes|aircraft|planes|drones|troops|warships|forces)\s+(?:[\w-]+\s+){0,4}?"
                        r"(?:flew|struck|bombed|entered|crossed|attacked|invaded|shelled)"
                        r"|bombed|shelled|invaded|air\s?strikes?|(?:traded|exchanged)\s+(?:\w+\s+)?fire"
                        r"|(?:missile|nuclear|weapons?|rocket)\s+tests?"
                        r"|(?:missiles?|rockets?|ICBMs?)\s+(?:was|were)\s+(?:launched|fired)"
                        r"|(?:launch(?:ed|es)?|fired|test-fired|tested)\s+(?:[\w-]+\s+){0,3}?ICBMs?"
                        r"|tests?\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,5}?(?:missiles?|rockets?|ICBMs?|bombs?|weapons?)"),
    ("sanctions", r"(?:impos\w*|back(?:ed|s)?|adopt\w*|approv\w*|lift\w*|tighten\w*)\s+(?:[\w.-]+\s+){0,3}"
                  r"sanctions|suspend\w*\s+(?:\w+\s+){0,2}imports"),
) + EXTRA_TRIGGERS
_TRIGGER_RE = re.compile("|".join(rf"\b(?P<{t}>{p})\b" for t, p in _TRIGGERS))
# Words a trigger can start with: a cheap word scan finds the few places worth matching.
_TRIGGER_WORDS = frozenset("""
talks meet meets meeting meetings met news press see summit trip tour fired tested conducted carried
bombers jets warplanes aircraft planes drones troops warships forces bombed shelled invaded air
traded exchanged back backed backs launch launched launches test tests missile nuclear weapon weapons rocket
missiles rockets
""".split()) | TRIGGER_WORDS
_TRIGGER_PREFIXES = ("discuss", "visit", "arriv", "travel", "warn", "threaten", "announc",
                     "airstrike", "impos", "adopt", "approv", "lift", "tighten", "suspend")
_WORD_RE = re.compile(r"[a-z]+")


def find_triggers(text: str) -> list[re.Match]:
    """All trigger matches in ``text`` (same as _TRIGGER_RE.finditer, several times faster)."""
    out: list[re.Match] = []
    last_end = 0
    for word in _WORD_RE.finditer(text):
        w = word.group(0)
        if word.start() < last_end or not (w in _TRIGGER_WORDS or w.startswith(_TRIGGER_PREFIXES)):
            continue
        if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] == "_"):
            continue   # inside a longer word ("Summit" is capitalised, "submit" is not "summit")
        m = _TRIGGER_RE.match(text, word.start())
        if m:
            out.append(m)
            last_end = m.end()
    return out
_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|to\s+be|(?:is|are|was|were)\s+(?:due|scheduled|set|expected|slated|planned|"
    r"going)|planned|plans?\s+to|scheduled|tentative|upcoming|possibly|expected\s+to)\b|['’]ll\b")
_PLUPERFECT_RE = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|already\s+|never\s+)?$")
_BETWEEN_RE = re.compile(r"\bbetween\b")
_PROGRESSIVE_RE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?\w+ing\b")
_ACTOR_KINDS = (PERSON, ORG, COUNTRY)          # media report events, they rarely act in them
_STATEMENT_KINDS = (PERSON, ORG, "media", COUNTRY)
_EVENT_NOUNS = frozenset({"summit", "visit", "trip", "talks", "tour", "meeting", "meetings"})
_ANAPHORIC_RE = re.compile(r"\b(?:the|their|these|those|this|that)\s+$", re.IGNORECASE)
_GROUP_KEY = {"planned_summit": "meeting"}
_BARRIER_RE = re.compile(r"\b(?:after|before|while|since|following|then|but)\b|;|,\s+and\b")
_CLAUSE_SPLIT_RE = re.compile(r"\band\s+(?:will|is|are|was|were|has|have|had|would|could)\b|;|,\s+but\b"
                              r"|\b(?:after|before|since|following)\b")
_MAX_ACTORS = 4
_LOCAL_KINDS = frozenset({"other", "announcement"})
_LONGEST_CLAUSE = 5000   # characters; reported clauses never span more than a paragraph


def find_event_mentions(text, spans, mentions: list[Mention], resolver: Resolver, times, places,
                        quotes, published, reported=()) -> list[EventMentionRec]:
    """Event mentions per sentence.

    Quoted words never carry events. A reported clause (``reported``: "China said *North
    Korea fired a missile on Wednesday*") is its own window: its events need their own
    subject inside it, and take dates, places and actors from it alone; the rest of the
    sentence ignores the clause."""
    ctx = _Context(text, mentions, resolver, times, places, Intervals([(lo + 1, hi) for lo, hi in quotes]),
                   published)
    reported = sorted(reported)
    starts = [lo for lo, _ in reported]
    all_triggers = find_triggers(text)
    trigger_starts = [m.start() for m in all_triggers]
    out: list[EventMentionRec] = []
    for span in spans:
        ctx.para_start.setdefault(span.para, span.start)
        if span.chrome:
            continue
        first = bisect.bisect_left(starts, span.start - _LONGEST_CLAUSE)
        last = bisect.bisect_left(starts, span.end)
        inner = [(max(lo, span.start), min(hi, span.end)) for lo, hi in reported[first:last]
                 if span.start < hi]
        windows = [((span.start, span.end), Intervals(inner), False)]
        windows += [((lo, hi), Intervals([]), True) for lo, hi in inner if lo < hi]
        for window, excluded, is_reported in windows:
            ctx.excluded = excluded
            lo_i = bisect.bisect_left(trigger_starts, window[0])
            hi_i = bisect.bisect_left(trigger_starts, window[1])
            triggers = [m for m in all_triggers[lo_i:hi_i] if m.end() <= window[1] and not ctx.blocked(m.start())]
            previous = None
            for group in _group_triggers(text, triggers, window[1]):
                rec = ctx.event(span, window, group, triggers[0].start(), is_reported)
                if rec and rec.type == "meeting" and _ANAPHORIC_RE.search(text, max(0, group[1][0][0].start() - 12),
                                                                           group[1][0][0].start()):
                    _refer_back(rec, out)
                if rec and rec.place is None and not rec.future and not _background(rec, published) and \
                        (not is_reported or _local_report(rec, published)):   # "In 1998, ...": set elsewhere
                    ctx.story_place(rec, span)
                if rec and previous:
                    _inherit(text, rec, previous, group)
                if rec and rec.place is None:
                    ctx.infer_place(rec, span, is_reported)
                if rec:
                    out.append(rec)
                    previous = (rec, group)
    return out


def place_events(events: list[EventMentionRec], text, spans, mentions: list[Mention],
                 resolver: Resolver, times, places, quotes, published, kinds: dict[str, str],
                 said=()) -> None:
    """Events found otherwise than by trigger (a clause's, ``clause_events``; a dated
    statement's, ``said``, from ``statement_events``) whose text names no place take one by
    the same chain as the events above: the paragraph's place, the wire dateline, the scene,
    the acting state's country or institution's seat (``place_source`` says which; ``kinds``:
    the article's ``actors.actor_kinds``). A
    statement's is not the paragraph's place: that is what it speaks of ("the depression
    dissipated off the coast of Florida, the National Hurricane Center reported")."""
    speech = {id(rec) for rec in said}
    todo = [rec for rec in list(said) + list(events) if rec.place is None]
    if not todo:
        return
    ctx = _Context(text, mentions, resolver, times, places, Intervals([(lo + 1, hi) for lo, hi in quotes]),
                   published)
    for span in spans:
        ctx.para_start.setdefault(span.para, span.start)
    ctx.actor_kinds = kinds
    body = [span for span in spans if not span.chrome]
    starts = [span.start for span in body]
    for rec in todo:
        k = bisect.bisect_right(starts, rec.start) - 1
        if k < 0 or rec.start >= body[k].end:
            continue     # the headline: no paragraph, no scene before it
        span = body[k]
        # the acting state: the clause's agent; none if it names no agent, or a person ("US
        # singer Doris Day died": her country names her, it does not act)
        agents = (rec.roles or {}).get("agent", [])
        if any(ctx.actor_kinds.get(a) == PERSON for a in agents):
            agents = []
        # an older event ("In 2016, ...", "born in 1922") is background: no scene is its
        # (it keeps the acting state's country)
        news = not rec.future and not rec.reported and not ctx.blocked(rec.start) and _recent(rec, published)
        local_report = rec.reported and not ctx.blocked(rec.start) and _local_report(rec, published)
        if (news or local_report) and id(rec) not in speech:
            ctx.story_place(rec, span)
        if rec.place is None:
            ctx.infer_place(rec, span, is_reported=not news, subject=agents)


# How far before publication a clause's event is the story's news, whose scene is the
# paragraph's: older ones ("In 2016, ...", "born in 1922") are background, set elsewhere
_RECENT_DAYS = 7


def _background(rec: EventMentionRec, published: date | None) -> bool:
    """Dated, and over before the ``_RECENT_DAYS`` before publication ("In 1998, ...")."""
    end = rec.date_end or rec.date_start
    return bool(end and published) and (published - date.fromisoformat(end)).days > _RECENT_DAYS


def _local_report(rec: EventMentionRec, published: date | None) -> bool:
    """A recent event a speaker reports and no one named did: it happened where the story is
    ("Police arrested 79 people ..., the Paris prosecutor's office said"), unlike what a
    named party did ("North Korea says it put a satellite into orbit" under a Seoul dateline)."""
    return not rec.actors and not rec.future and _recent(rec, published)


def _recent(rec: EventMentionRec, published: date | None) -> bool:
    """Dated to a day or week in the ``_RECENT_DAYS`` before publication (not a month or a
    year that merely holds it)."""
    if not (rec.date_start and published) or rec.precision not in ("day", "week"):
        return False
    return date.fromisoformat(rec.date_start) <= published and not _background(rec, published)


def _group_triggers(text, triggers, end):
    """[(kind, [(trigger, segment_end), ...]), ...]: same-kind triggers of one clause join."""
    groups: list[tuple[str, list]] = []
    for i, trig in enumerate(triggers):
        seg_end = triggers[i + 1].start() if i + 1 < len(triggers) else end
        kind = trig.lastgroup
        key = _GROUP_KEY.get(kind, kind)
        same = [g for g in groups if _GROUP_KEY.get(g[0], g[0]) == key]
        if same and not _CLAUSE_SPLIT_RE.search(text, same[-1][1][-1][0].end(), trig.start()):
            same[-1][1].append((trig, seg_end))
            if kind == "planned_summit":   # "met at the summit" / "talks at a planned summit"
                groups[groups.index(same[-1])] = (kind, same[-1][1])
        elif not same or key == "meeting":
            groups.append((kind, [(trig, seg_end)]))
    return groups


def _refer_back(rec: EventMentionRec, earlier: list[EventMentionRec]) -> None:
    """'after the talks', 'their meeting': the meeting this article already reported
    (unless the words state another place or day: "a year after their talks in Bali")."""
    meetings = [e for e in earlier if e.type == "meeting" and len(e.actors) >= 2]
    dated = [e for e in meetings if e.dated]   # the story's meeting, not one recalled in passing
    before = (dated or meetings or [None])[-1]
    if before is None or len(rec.actors) >= 2 and not set(rec.actors) & set(before.actors):
        return
    if rec.place and before.place and rec.place["name"] != before.place["name"]:
        return
    if rec.date_start and before.date_start and rec.date_start != before.date_start:
        return
    rec.actors = before.actors + [a for a in rec.actors if a not in before.actors][:1]
    if rec.date_start is None and before.date_start:
        rec.date_start, rec.date_end, rec.precision = before.date_start, before.date_end, before.precision
    if rec.place is None and before.place:
        rec.place, rec.place_source = dict(before.place), before.place_source


def _inherit(text, rec, previous, group) -> None:
    """'visit Seoul next week for talks with Park': the talks share the visit's when/where."""
    before, before_group = previous
    gap = text[before_group[1][-1][0].end():group[1][0][0].start()]
    if _BARRIER_RE.search(gap):
        return
    if rec.date_start is None and before.date_start:
        rec.date_start, rec.date_end, rec.precision = before.date_start, before.date_end, before.precision
        rec.dated = before.dated
    if rec.place is None and before.place:
        rec.place, rec.place_source = dict(before.place), before.place_source


def _set_place(rec: EventMentionRec, place: dict | None, source: str) -> None:
    if rec.place is None and place is not None:
        rec.place, rec.place_source = place, source


_MILITARY_VERB_RE = re.compile(r"(?:launch|fire|fired|test-fired|tested|conduct|carried|bomb|shell|invad|traded|"
                               r"exchanged|air)|\w+\s+(?:[\w-]+\s+){0,4}?(?:flew|struck|bombed|entered|crossed|"
                               r"attacked|invaded|shelled)")
_PLACE_PREPOSITIONS = {"meeting": {"in", "at", "near"},
                       "visit": {"in", "to", "at", "into", "visit", "visits", "visited", "visiting", "toured"}}
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|"
                             r"(?:north|south)-?(?:east|west)(?:ern)?\s+)?$", re.IGNORECASE)


# Happenings where the people taking part are (the scene the article set): not decisions,
# strikes or fighting that the scene's visitors merely talk about.
_AT_THE_SCENE = frozenset({"meeting", "statement", "warning"})
_SCENE_REACH = 200     # characters around a scene's place searched for its sentence's ends
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s|\n")
# A state meets and visits abroad: its own country is no default place for those.
_NOT_AT_HOME = frozenset({"visit", "meeting", "planned_summit"})


class _LocationsFor:
    """Location mentions that can be where an event of ``kind`` happened: people meet *in*
    or *at* a place, visit *to*/*in* it; "talks on the Korean Peninsula" is a topic."""

    def __init__(self, locations, text: str, kind: str):
        self.locations, self.text, self.allowed = locations, text, _PLACE_PREPOSITIONS.get(kind)

    def between(self, lo: int, hi: int) -> list:
        found = self.locations.between(lo, hi)
        if self.allowed is None:
            return found
        return [p for p in found if self._preposition(p.start) in self.allowed]

    def _preposition(self, pos: int) -> str:
        m = _WORD_BEFORE_RE.search(self.text, max(0, pos - 20), pos)
        return m.group(1).lower() if m else ""


class _Context:
    def __init__(self, text, mentions, resolver, times, places, quoted, published):
        self.text, self.mentions, self.resolver = text, ByStart(mentions), resolver
        self.times, self.places, self.quoted, self.published = ByStart(times), ByStart(places), quoted, published
        # not the wire dateline's city ("SEOUL --", "BEIJING (Reuters) -"): where the reporter files from
        self.locations = ByStart(p for p in places if p.role == "location" and not in_dateline(text, p.start, p.end))
        self.person_names = {m.name for m in mentions if m.kind == PERSON}
        self.dateline = next((p for p in places if p.start < 600 and p.kind == CITY
                              and in_dateline(text, p.start, p.end)), None)
        self.excluded = Intervals([])
        self.para_start: dict[int, int] = {}
        self.scenes = Scenes(text, places)
        self.actor_kinds: dict[str, str] = {}

    def blocked(self, pos: int) -> bool:
        return self.quoted.contains(pos) or self.excluded.contains(pos)

    def event(self, span, window, group, first_trigger, is_reported) -> EventMentionRec | None:
        kind, parts = group
        kind = KIND_OF.get(kind, kind)
        trig = parts[0][0]
        segments = [(t.start(), e) for t, e in parts]
        prefix = (window[0], first_trigger)
        subject = self._subject_before(window[0], trig.start())
        if is_reported and subject is None and kind not in ACTORLESS:
            return None   # "talks were the best means": no one does anything in this clause
        ranges = [prefix] + segments
        if kind == "planned_summit" and _BETWEEN_RE.search(self.text, trig.end(), segments[0][1]):
            subject = None   # "a summit between Trump and Xi": the two leaders, not who prepares it
            ranges = [(trig.start(), segments[0][1])]
        elif subject is None:   # "On the first visit to China under Trump, Tillerson had hoped"
            subject = self._subject_before(trig.end(), segments[0][1], PERSON)
        actors = [] if is_reported and subject is None else self._actors(ranges, subject)
        when = self._first(self.times, _own_clauses(self.text, segments)) or self._first(self.times, [prefix])
        dated_day = when is not None and when.precision in ("day", "week")
        # a disaster or evacuation reported by an agency still happened if the clause dates it
        if not actors and not (kind in ACTORLESS and dated_day):
            return None   # no one acts, and nothing dates it: a topic, not news
        if kind == "other" and when is None:
            return None   # "they agreed to work together": background unless the text dates it
        if kind == "visit" and self._people(actors) == 0:
            return None
        if kind == "meeting" and len(actors) < 2 and self._people(actors) == 0:
            return None   # "if talks with Europe failed": no one is meeting anyone
        places = _LocationsFor(self.locations, self.text, kind)
        where = (self._adjectival_place(trig) or self._first(places, segments) or self._first(places, [prefix]))
        future = bool(_FUTURE_RE.search(self.text, max(window[0], trig.start() - 60),
                                        min(window[1], trig.end() + 25)))
        if kind == "planned_summit" and not future and not (
                when and self.published and when.date_start > self.published):
            kind = "meeting"
        if future and kind in ("warning", "statement", "announcement"):
            return None   # "he was expected to warn": nothing has happened yet
        if when is None and _PLUPERFECT_RE.search(self.text, max(window[0], trig.start() - 20), trig.start()):
            return None   # "Bush also had threatened ...": undated background, not news
        if kind == "military_action" and when is None and not _MILITARY_VERB_RE.match(trig.group(0)):
            return None   # "its nuclear and missile tests": a topic unless the text dates it
        rec = EventMentionRec(type=kind, actors=actors, start=span.start, end=span.end,
                              text=self.text[span.start:span.end], trigger=trig.group(0), future=future,
                              place=_place_dict(where) if where else None,
                              place_source="text" if where else None,
                              trigger_start=trig.start(), trigger_end=trig.end())
        if when:
            rec.date_start, rec.date_end = when.date_start.isoformat(), when.date_end.isoformat()
            rec.precision, rec.dated = when.precision, True
        elif self.published and not future and _PROGRESSIVE_RE.search(
                self.text, max(window[0], trig.start() - 30), trig.end()):
            # "Tillerson is visiting China": ongoing on the day of publication
            rec.date_start = rec.date_end = self.published.isoformat()
            rec.precision = "day"
        return rec

    def _subject_before(self, lo, hi, kind=None):
        subjects = [m for m in self.mentions.between(lo, hi) if m.end <= hi and m.syntax == SUBJECT
                    and not m.in_quote and not self.blocked(m.start) and m.place_role != "location"
                    and m.kind != CITY and (kind is None or m.kind == kind)]
        return subjects[0] if subjects else None

    def _people(self, actors) -> int:
        return sum(1 for a in actors if a in self.person_names or self.resolver.people.get(a))

    def _actors(self, ranges, subject) -> list[str]:
        names: list[str] = []
        cands = [subject] if subject else []
        for lo, hi in ranges:
            cands += [m for m in self.mentions.between(lo, hi) if m.end <= hi]
        for m in cands:
            if m.in_quote or m.syntax == MODIFIER or self.blocked(m.start):
                continue
            if m.kind in (COUNTRY, CITY) and (m.place_role == "location" or m.kind == CITY
                                               or m.syntax == POSSESSIVE):
                continue
            name, kind = self.resolver.resolve(m, for_speech=False)
            if name and kind in _ACTOR_KINDS and name not in names:
                names.append(name)
                self.actor_kinds.setdefault(name, kind)
        return names[:_MAX_ACTORS]

    def _locations(self):
        return self.locations

    def _first(self, items: ByStart, ranges):
        for lo, hi in ranges:
            for x in items.between(lo, hi):
                if x.end <= hi and not self.blocked(x.start):
                    return x
        return None

    def story_place(self, rec: EventMentionRec, span) -> None:
        """The place the story is at for its own news: the paragraph's, else the dateline's."""
        _set_place(rec, self.context_place(span), "scene")
        _set_place(rec, self.dateline_place(rec, span), "dateline")

    def context_place(self, span) -> dict | None:
        """Where the paragraph already is ("In Beijing, ... . He met ..."). Not the wire
        dateline: that is where the reporter files from, not where the event happened."""
        lo = self.para_start.get(span.para, span.start)
        earlier = [p for p in self.locations.between(lo, span.start) if not self.blocked(p.start)]
        return _place_dict(earlier[-1]) if earlier else None

    def dateline_place(self, rec, span) -> dict | None:
        """The wire dateline city for the lede's news of the day ("BRUSSELS — EU leaders agreed
        on Thursday ..."): only for local happenings (not visits, talks or statements, which
        the reporter may follow from elsewhere), dated the publication day or the day before,
        in the article's first paragraphs."""
        if self.dateline is None or rec.type not in _LOCAL_KINDS or not rec.dated or not self.published:
            return None
        if span.para > self.dateline_para(span) + 1:
            return None
        if any(p.kind != COUNTRY and p.start > self.dateline.end for p in self.places.between(span.start, span.end)):
            return None   # "from the Fukushima plant": the sentence names its own place
        lag = (self.published - date.fromisoformat(rec.date_start)).days
        return _place_dict(self.dateline) if 0 <= lag <= 1 and rec.precision == "day" else None

    def infer_place(self, rec: EventMentionRec, span, is_reported: bool, subject=None) -> None:
        """No place in the clause, its paragraph or the dateline: the scene the article set
        earlier (not for what is yet to happen, nor inside a reported clause, whose scene is
        the speaker's), else the country of the one state acting ("North Korea launched"),
        or the seat of the institution acting ("the World Health Organization declared").
        ``subject``: who acts, when the parse says (else the first actor)."""
        # the acting state is the subject, the first actor ("sanctions on North Korea": not it)
        acting = rec.actors[:1] if subject is None else subject[:1]
        states = [a for a in acting if self.actor_kinds.get(a) == COUNTRY]
        country = None
        if rec.type not in _NOT_AT_HOME:
            country = actor_country(states) or next(
                (seat for a in acting if self.actor_kinds.get(a) == ORG and (seat := seat_of(a)) is not None), None)
        if not rec.future and not is_reported and rec.type in _AT_THE_SCENE:
            scene = self.scenes.before(span.start, skip=lambda p: self.quoted.contains(p.start))
            if scene is not None and self._took_there(rec.actors, scene) and not (
                    country and scene.country != country.country):
                _set_place(rec, _place_dict(scene), "scene")
        _set_place(rec, _place_dict(country) if country else None, "actor")

    def _took_there(self, actors, scene) -> bool:
        """One of the people acting is named by the sentence that set the scene ("Obama will
        visit Hiroshima" for "a solemn Obama said"): the scene is theirs, not someone else's."""
        lo, hi = max(0, scene.start - _SCENE_REACH), min(len(self.text), scene.end + _SCENE_REACH)
        head = list(_SENTENCE_END_RE.finditer(self.text, lo, scene.start))
        tail = _SENTENCE_END_RE.search(self.text, scene.end, hi)
        sentence = self.text[head[-1].end() if head else lo:tail.start() if tail else hi]
        return any(a.split()[-1] in sentence for a in actors
                   if a in self.person_names or self.resolver.people.get(a))

    def dateline_para(self, span) -> int:
        paras = [p for p, lo in self.para_start.items() if lo <= self.dateline.start]
        return max(paras) if paras else span.para

    def _adjectival_place(self, trig):
        """'a Florida summit', 'his China visit': the place right before a trigger noun."""
        if trig.group(0).lower() not in _EVENT_NOUNS:
            return None
        pos = trig.start()
        for p in self.places.between(pos - 80, pos):
            if 0 <= pos - p.end <= 1 and not p.vague and not self.blocked(p.start):
                return p
        return None


def statement_events(statements: list[tuple[StatementRec, int]], text: str,
                     existing: list[EventMentionRec]) -> list[EventMentionRec]:
    """Dated statements by named speakers are events ("Wang said Saturday that ...")."""
    out = []
    said: set[tuple[int, str]] = {(e.start, a) for e in existing
                                  if e.type in ("warning", "statement", "announcement") for a in e.actors}
    for st, attribution in statements:
        if not st.date_start or st.speaker_kind not in _STATEMENT_KINDS:
            continue
        if (st.sentence_start, st.speaker) in said:
            continue
        said.add((st.sentence_start, st.speaker))
        verb = text[attribution:attribution + 12].lower()
        cue = _CUE_WORD_RE.match(text, attribution)   # the whole speech verb: "predicted", "according"
        cue = cue.group(0) if cue else text[attribution:attribution + 8].split(" ")[0]
        kind = "warning" if verb.startswith(("warn", "threat")) else "statement"
        out.append(EventMentionRec(type=kind, actors=[st.speaker], start=st.sentence_start,
                                   end=st.sentence_end, text=text[st.sentence_start:st.sentence_end],
                                   trigger=cue, trigger_start=attribution,
                                   trigger_end=attribution + len(cue),
                                   date_start=st.date_start, date_end=st.date_end,
                                   precision=st.precision, dated=True, place=st.place,
                                   # statements record their own source once they find one
                                   place_source=getattr(st, "place_source", None) or (
                                       "text" if st.place else None)))
    return out


_CUE_WORD_RE = re.compile(r"[\w’'-]+")


# a relative clause, or a second coordinated verb ("raised rates and signaled it may pause
# in September"): its time is not the first verb's
_RELATIVE_CUT_RE = re.compile(r",\s+(?:where|which|who|whose)\b|\band\s+(?:\w+ed|said|says|warned)\b")


def _own_clauses(text, segments):
    """A trigger's segment without a trailing relative or coordinated clause: in "the
    evacuation of ... Porto Alegre, where the river rose on Sunday" the Sunday dates the river."""
    out = []
    for lo, hi in segments:
        cut = _RELATIVE_CUT_RE.search(text, lo, hi)
        out.append((lo, cut.start() if cut else hi))
    return out


def _place_dict(p) -> dict:
    return {"name": p.name, "lat": round(float(p.lat), 4), "lon": round(float(p.lon), 4)}
