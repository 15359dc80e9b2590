"""When and where each statement was made: the one place that decides it.

Extraction decides; the document and the model only copy what is decided here.

Date, the first rule that applies:

a. a time expression governing its clause, outside the quoted/reported words ("Wang said on
   Saturday that ...", "..., he told reporters on Friday"), nearest the attribution; not a
   year that dates a noun ("over its 2018 Act, saying") unless the noun is where the words
   were said ("in her 1976 autobiography"), not one inside a clause that opens the sentence
   ("While ... under the 1789 view, he says");
b. the date of the event its sentence reports it at: "Speaking to reporters after the talks,
   Wang said ..." takes the talks' date;
c. the time context of the narrative: the same speaker's dated statement earlier in the same
   paragraph or in the sentence just before ("He said Friday that ... . “...,” he said.");
d. the scene: the last day named in an earlier sentence of the same or the previous
   paragraph ("On Saturday in Beijing, Wang met Tillerson. ... Wang said ..."), within
   ``_SCENE_MAX_DAYS`` of publication (older days are background: a birth, a referendum);
e. the date in the wire dateline ("MOSCOW, July 7 (Reuters) -"), the day the story is told;
f. otherwise no date (None). A quote is certainly made on or before publication, but a
   "publication minus a week" range would be a guess dressed as data; so it is not done.

Place, the first rule that applies, recorded in ``place_source``:

- ``text``: the place named next to the attribution ("said in Seoul"), else the place of the
  event the sentence links it to (rule b), else the same speaker's previous statement's
  (rule c, keeping that statement's source);
- ``scene``: the last city or site where the story was set just before ("in Seoul" earlier in the
  same or the previous paragraph, not in a sentence set on another day, not where someone works:
  "a professor at the university in Singapore"), a new scene ending the old;
- ``dateline``: the wire dateline's city ("SEOUL (Reuters) -"), unless a voice that stays
  home (a country, an institution, a ministry's spokesman; not a travelling minister) has a
  capital or seat in another country (next rule);
- ``actor``: a country speaking ("China said") speaks from its capital, and so does a
  government's own official ("Chinese Foreign Ministry spokesman Lu Kang", "South Korean
  President Moon Jae-in"; not an ambassador or an envoy, who speak abroad) -- also under
  another country's dateline ("HIROSHIMA (AP) - ... Lu Kang said": Beijing);
- else no place.

Never a fake exact day: a rule only copies a date (with its precision) the text states.
``date_source`` records which: ``text`` (rules a-c), ``scene`` (d) or ``dateline`` (e).
"""
from __future__ import annotations

import bisect
import re
from datetime import date

from ._scene import Scenes, seat_of
from ._mention import ORG
from .gazetteer import lookup
from .intervals import ByStart, Intervals
from .wire import date_in_dateline, dateline_end

# "..., a nurse at La Paz hospital in Madrid": where the speaker works, not where one spoke
_APPOSITION_PLACE_RE = re.compile(r",\s+(?:a|an|the|his|her)\s+[^,;.“”]*\b(?:at|of|for|from|in)\s+[^,;.“”]*$")
_PLACE_REACH = 60   # characters between a speech verb and the place it was spoken in
_ORG_IN_RE = re.compile(r"(?:Centre|Center|University|School|Institute|Council|Agency|Ministry|"
                        r"Department|Office|Studies|Policy|Foundation|Times|Post|[Hh]ospital|[Cc]linic)"
                        # "the University of Guelph in Ontario": the body's own name first
                        r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?"
                        r"\s+(?:in|of)\s+$")
_AUDIENCE_RE = re.compile(r"\b(?:told|addressed|briefed|before)\s+(?:the\s+|a\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}\w$")
# "arrived Saturday after issuing a warning, saying ...": the Saturday is not the saying's
_BARRIER_RE = re.compile(r"\b(?:after|before|following|since|while)\b")
_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]*,")
# "Kishida, who is in Lithuania for a NATO summit, told reporters": where the speaker is now
_WHERE_NOW_RE = re.compile(r",\s+who\s+(?:is|are)\s+(?:in|at|visiting)\s")
_LINK_RE = re.compile(
    r"\b(?:after|following|at|during|told|addressed|briefed)\s+(?:the|a|an|their|his|her|its|this|that)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:talks|meeting|meetings|summit|conference|briefing|session|rally|hearing|"
    r"ceremony|debate|vote|interview|negotiations|discussions|press|reporters)\b")
# "its 2018 Ballot Act", "the 1789 view", "ahead of the 2018 primary": a year that modifies a
# noun dates that thing, not the saying -- unless the thing is where the words were said ("in
# her 1976 autobiography", "a 2006 interview", "a 1989 report")
_NOUN_YEAR_BEFORE_RE = re.compile(r"(?:\b(?i:the|a|an|its|his|her|their|our|this|that)|['’]s?)\s+$")
_NOUN_AFTER_YEAR_RE = re.compile(r"\s+[A-Za-z]")
_FRAME_BEFORE_RE = re.compile(r"\b(?i:during|throughout|at|in)\s+(?i:the|a|an|its|his|her|their)\s+$")
_SPEECH_MEDIUM_RE = re.compile(
    r"(?:\s+[\w’'-]+){0,3}?\s+(?i:interviews?|autobiography|memoirs?|books?|speech|statement|"
    r"reports?|letters?|essays?|op-eds?|articles?|columns?|address|testimony|posts?|tweets?|"
    r"documentary|podcast|broadcast|conference|briefing|lecture|hearing|survey|poll|study|"
    r"retelling|account|remarks|comments|message|video|editorial|profile)\b")
# "While he believes ... under the 1789 view, he says": a time in a clause that leads the
# sentence and ends with a comma before the speech verb belongs to that clause
_LEADING_CLAUSE_RE = re.compile(
    r"\s*[\"“]?(?i:while|although|though|because|if|unless|whereas|despite|when|whenever)\b")
_SCENE_KINDS = ("city", "site")   # "in North Korea" two sentences back is a topic more often than a scene
# A scene's day more than half a year before publication is background ("born 11 December 1935", "the
# 2016 referendum"), not the day of the story's statements
_SCENE_MAX_DAYS = 183
_SCENE_PARAGRAPHS = 1   # a scene set in the previous paragraph still holds; older ones have moved on
_AT_SCENE_SPEAKERS = frozenset({"person", "anonymous"})
# voices that comment from wherever they work, not from where the story is set
_COMMENTATORS_RE = re.compile(r"(?i:analyst|expert|economist|observer|critic|scholar|researcher|commentator|"
                              r"professor|strategist)")
_LINKED_KINDS = frozenset({"meeting", "other", "announcement"})   # not visits: "before his visit, he said"


def _after_org(text: str, pos: int) -> bool:
    """'Renmin University in Beijing': where the organisation is, not where one spoke
    (but 'told the Security Council in New York': the audience, met where one spoke)."""
    m = _ORG_IN_RE.search(text, max(0, pos - 40), pos)
    return bool(m) and not _AUDIENCE_RE.search(text, max(0, m.start() - 60), m.start() + 1)


_SPAN_BEFORE_RE = re.compile(r"\b(?i:since|until|till|through)\s+$")


def _usable_time(text: str, t, published) -> bool:
    """Not 'Tillerson’s Saturday trip' / 'Saturday’s talks', not 'since 2014' (a state that
    lasts, not the moment of saying), not after publication."""
    if text[max(0, t.start - 3):t.start].rstrip().endswith(("’s", "'s")):
        return False
    if _SPAN_BEFORE_RE.search(text, max(0, t.start - 8), t.start):
        return False
    if text[t.end:t.end + 2] in ("’s", "'s"):
        return False
    return published is None or t.date_start <= published


def decide_when_where(items, events, times, places, quotes, spans, text="", published=None,
                      people=None) -> None:
    """Every rule of the module docstring, in order, for every (statement, attribution) pair;
    ``people``: what the article says of each person (roles, nationality), for the actor rule."""
    times, places = list(times), list(places)
    quoted = Intervals(quotes, open_ends=True)
    by_start_times, by_start_places = ByStart(times), ByStart(places)
    for rec, attribution in items:
        _stated_when_where(rec, attribution, by_start_times.between(rec.sentence_start, rec.sentence_end),
                           by_start_places.between(rec.sentence_start, rec.sentence_end), quoted, text,
                           published)
    date_from_events(items, events, text)
    _carry_from_previous(items, spans)
    dateline = _dateline(text, spans, times, places, published)
    starts = [s.start for s in spans]
    scenes = Scenes(text, places)
    for rec, attribution in items:
        if rec.date_start is None:
            scene = _scene_time(rec, attribution, times, quoted, spans, starts, text, published)
            if scene is not None:
                _set_date(rec, scene, "scene")
            elif dateline[0] is not None:
                _set_date(rec, dateline[0], "dateline")
        if rec.place is None:
            _inferred_place(rec, attribution, scenes, quoted, spans, starts, dateline[1], times, text,
                            people or {}, published)


def _carry_from_previous(items, spans) -> None:
    """Rule c: the same speaker's statement in the same paragraph or the sentence before."""
    starts = [s.start for s in spans]
    paras = [s.para for s in spans]
    previous: list[tuple[object, int]] = []
    for rec, attribution in items:
        here = bisect.bisect_right(starts, attribution) - 1
        for prev, prev_pos in reversed(previous):
            there = bisect.bisect_right(starts, prev_pos) - 1
            same_para = here >= 0 and there >= 0 and paras[here] == paras[there]
            if here - there > 1 and not same_para:
                break
            if prev.speaker == rec.speaker:
                if rec.date_start is None and prev.date_start:
                    rec.date_start, rec.date_end, rec.precision = prev.date_start, prev.date_end, prev.precision
                    rec.date_source = prev.date_source
                if rec.place is None and prev.place:
                    rec.place, rec.place_source = dict(prev.place), prev.place_source
                break
        previous.append((rec, attribution))


def _dateline(text, spans, times, places, published):
    """(time, place) named in the wire dateline opening the story ("SEOUL, March 17 (Reuters) -")."""
    for first in spans:
        body = None if first.chrome else dateline_end(text, first.start)
        if body is not None:
            break
    else:
        return None, None
    if first.para > 2:
        return None, None
    when = [t for t in times if first.start <= t.start < body and t.precision == "day" and
            (published is None or t.date_start <= published)]
    where = [p for p in places if first.start <= p.start < body and not p.vague]
    return (when[0] if when else None), (where[0] if where else None)


def _inferred_place(rec, attribution, scenes, quoted, spans, starts, dateline_place, times, text,
                    people, published=None) -> None:
    """scene, else dateline, else actor (see the module docstring). What sets a scene is
    ``Scenes``' rule (events use it too); a statement's scene is also a city or a site, in
    this or the previous paragraph (anywhere earlier for a person in a story with no
    dateline), outside quotations and outside its own words, on the
    statement's day, and not where an organisation or the speaker's job is."""
    here = max(0, bisect.bisect_right(starts, attribution) - 1)
    # with no dateline to fall back on, a person's words are where the story last was set
    # (a new scene ends the old); a country, an institution, a publication or a government's
    # official speaks from its own place (the actor rule), not from the story's
    capital = _home_capital(rec, people)
    story_scene = dateline_place is None and rec.speaker_kind in _AT_SCENE_SPEAKERS and \
        capital is None and not _long_before(rec, published)
    reach = len(spans) if story_scene else _SCENE_PARAGRAPHS
    lowest_para = spans[here].para - reach if spans else 0

    def out_of_scope(p) -> bool:
        at = max(0, bisect.bisect_right(starts, p.start) - 1)
        para = spans[at].para if spans else 0
        return (para < lowest_para or p.kind not in _SCENE_KINDS or quoted.contains(p.start)
                or rec.start <= p.start < rec.end or _other_day(rec, spans[at], times)
                or _after_org(text, p.start)
                or bool(_APPOSITION_PLACE_RE.search(text, max(spans[at].start, p.start - 80), p.start)))

    # commentators speak from where they work, not from where the story was just set
    commentator = _COMMENTATORS_RE.search(rec.speaker) or _COMMENTATORS_RE.search(_person(rec, people)[1])
    scene = None if commentator else scenes.before(attribution, skip=out_of_scope)
    if scene is not None and capital is not None and capital.country != scene.country and _stays_home(rec, people):
        scene = None    # "the World Health Organization said" after a New York scene: from Geneva
    if scene is not None:
        rec.place, rec.place_source = _as_place(scene), "scene"
    elif dateline_place is not None and (capital is None or capital.country == dateline_place.country
                                         or not _stays_home(rec, people)):
        rec.place, rec.place_source = _as_place(dateline_place), "dateline"
    elif capital is not None:
        # "HIROSHIMA (AP) - ... Chinese Foreign Ministry spokesman Lu Kang said": a government's
        # voice speaks from its own capital, not from another country's dateline
        rec.place, rec.place_source = _as_place(capital), "actor"


# A government's own officials speak from its capital; its envoys speak abroad
_OFFICIAL_ROLE_RE = re.compile(r"\b(?:president|prime minister|premier|chancellor|minister|ministry|"
                               r"spokes(?:man|woman|person)|secretary|government|cabinet|king|queen|leader)\b")
_ABROAD_ROLE_RE = re.compile(r"\b(?:ambassador|envoy|consul|delegate|delegation|representative|"
                             r"negotiator|emissary|mission)\b")
# ... and these speak from home even where the story is datelined abroad
_HOME_VOICE_RE = re.compile(r"\b(?:spokes(?:man|woman|person)|ministry|press secretary)\b")


def _person(rec, people):
    """(what the article says of the speaker, their roles as one string), for a person."""
    info = people.get(rec.speaker) if rec.speaker_kind == "person" else None
    return info, " ".join(sorted(info.roles)) if info is not None else ""


def _stays_home(rec, people) -> bool:
    """A voice that speaks from home even when the story is datelined abroad: a country, an
    institution, a ministry's spokesman -- not a president or a minister, who travel (the
    Secretary of State in a Beijing-datelined story speaks in Beijing)."""
    if rec.speaker_kind in ("country", ORG):
        return True
    return bool(_HOME_VOICE_RE.search(_person(rec, people)[1]))


def _home_capital(rec, people):
    """The capital a country speaking, or one of its government's officials, speaks from; the
    seat an institution speaks from ("the World Health Organization said": Geneva)."""
    if rec.speaker_kind == ORG:
        return seat_of(rec.speaker)
    if rec.speaker_kind == "country":
        country = lookup(rec.speaker)
    else:
        info, roles = _person(rec, people)
        if info is None or not info.nationality or not _OFFICIAL_ROLE_RE.search(roles) or \
                _ABROAD_ROLE_RE.search(roles):
            return None
        country = lookup(info.nationality)
    if country is None or country.kind != "country" or not country.capital:
        return None
    return lookup(country.capital)


def _set_date(rec, t, source: str) -> None:
    rec.date_start, rec.date_end, rec.precision = t.date_start.isoformat(), t.date_end.isoformat(), t.precision
    rec.date_source = source


def _scene_time(rec, attribution, times, quoted, spans, starts, text, published):
    """The day the story was set on just before the statement: the last day named outside
    quotations in an earlier sentence of the same or the previous paragraph ("On Saturday in
    Beijing, Wang met Tillerson. ... Wang said ...")."""
    here = max(0, bisect.bisect_right(starts, attribution) - 1)
    lowest_para = spans[here].para - _SCENE_PARAGRAPHS if spans else 0
    scene = None
    for t in times:
        if t.start >= rec.sentence_start:   # its own sentence is rule a's ("arrived Saturday after ..., saying")
            break
        para = spans[max(0, bisect.bisect_right(starts, t.start) - 1)].para if spans else 0
        if para < lowest_para or t.precision != "day" or quoted.contains(t.start) or \
                rec.start <= t.start < rec.end or not _usable_time(text, t, published) or \
                (published is not None and (published - t.date_start).days > _SCENE_MAX_DAYS) or \
                date_in_dateline(text, t.start):
            continue   # a dateline's date is the dateline rule's
        scene = t
    return scene


def _long_before(rec, published) -> bool:
    """Dated more than ``_SCENE_MAX_DAYS`` before publication ("in her 1976 autobiography"):
    words from another time, not from where today's story is set."""
    return bool(rec.date_end and published) and \
        (published - date.fromisoformat(rec.date_end)).days > _SCENE_MAX_DAYS


def _other_day(rec, span, times) -> bool:
    """The scene's sentence is set on another day than the statement's: a flashback
    ("On Friday, Tillerson ... in Seoul") is not where Saturday's words were spoken."""
    if not rec.date_start:
        return False
    days = {t.date_start.isoformat() for t in times if span.start <= t.start < span.end and t.precision == "day"}
    return bool(days) and rec.date_start not in days


def _as_place(p) -> dict:
    return {"name": p.name, "lat": round(float(p.lat), 4), "lon": round(float(p.lon), 4)}


def links_to_event(text: str, lo: int, hi: int, said: tuple[int, int]) -> bool:
    """The sentence says the words were spoken at or after an event it names ("Speaking
    after the talks", "told a news conference"), outside the words said and outside a
    relative clause ("Merkel, who met Trump on Thursday, added" is not linked)."""
    relative = [(m.start(), m.end()) for m in _RELATIVE_RE.finditer(text, lo, hi)]
    for m in _LINK_RE.finditer(text, lo, hi):
        if not (said[0] <= m.start() < said[1]) and not any(a <= m.start() < b for a, b in relative):
            return True
    return False


def date_from_events(items, events, text: str) -> None:
    """Rule b: an undated statement takes the date of a dated, past event reported in its own
    sentence outside the quoted words ("after the talks", "at a news conference on Friday")."""
    by_sentence: dict[int, list] = {}
    for e in events:
        if e.date_start and not e.future and e.precision == "day" and e.type in _LINKED_KINDS:
            by_sentence.setdefault(e.start, []).append(e)
    for rec, _ in items:
        if rec.date_start and rec.place or \
                not links_to_event(text, rec.sentence_start, rec.sentence_end, (rec.start, rec.end)):
            continue
        linked = by_sentence.get(rec.sentence_start, [])
        days = {e.date_start for e in linked}
        if len(days) == 1 and not rec.date_start:   # two different days in one sentence: no way to tell which
            e = linked[0]
            rec.date_start, rec.date_end, rec.precision = e.date_start, e.date_end, e.precision
            rec.date_source = "text"
        placed = [e for e in linked if e.place]
        if rec.place is None and len({e.place["name"] for e in placed}) == 1:
            rec.place, rec.place_source = dict(placed[0].place), "text"


def _dates_a_noun(text: str, t, attribution: int) -> bool:
    """A year or coarser written before a noun ("its 2018 Ballot Act"), not before one that
    names where words were said ("her 1976 autobiography") nor a time frame the sentence
    opens with ("During the 2016 campaign, Johnson responded")."""
    if t.precision == "day" or not _NOUN_AFTER_YEAR_RE.match(text, t.end):
        return False
    if not _NOUN_YEAR_BEFORE_RE.search(text, max(0, t.start - 8), t.start):
        return False
    if t.start < attribution and _FRAME_BEFORE_RE.search(text, max(0, t.start - 24), t.start):
        return False
    return not _SPEECH_MEDIUM_RE.match(text, t.end, min(len(text), t.end + 60))


def _in_leading_clause(text: str, t, sentence_start: int, attribution: int) -> bool:
    """The time sits in a "While/Although/When ..., " clause that opens the sentence and closes
    before the speech verb. "When asked on Monday, he said" is the same day: a day counts."""
    if t.start > attribution or not _LEADING_CLAUSE_RE.match(text, sentence_start, t.start):
        return False
    opener = text[sentence_start:t.start].lstrip(" \"“").lower()
    if t.precision == "day" and opener.startswith(("when", "whenever")):
        return False
    return "," in text[t.end:attribution]


def _stated_when_where(rec, attribution, times, places, quotes, text, published) -> None:
    blocked = [] if rec.direct else [(rec.start - 1, rec.end + 1)]
    # "Merkel, who met Trump in Brussels on Thursday, added that": not when she spoke
    blocked += [(m.start(), m.end()) for m in _RELATIVE_RE.finditer(text, rec.sentence_start, rec.sentence_end)
                if not _WHERE_NOW_RE.match(text, m.start())]

    def usable(x) -> bool:
        return (rec.sentence_start <= x.start and x.end <= rec.sentence_end and not quotes.contains(x.start)
                and not any(lo < x.start < hi for lo, hi in blocked))

    when = [t for t in times if usable(t) and _usable_time(text, t, published)
            and not _BARRIER_RE.search(text, min(t.end, attribution), max(t.start, attribution))
            and not _dates_a_noun(text, t, attribution)
            and not _in_leading_clause(text, t, rec.sentence_start, attribution)]
    where = [p for p in places if usable(p) and p.role == "location"
             and abs(p.start - attribution) <= _PLACE_REACH and not _after_org(text, p.start)
             and not _APPOSITION_PLACE_RE.search(text, max(rec.sentence_start, p.start - 80), p.start)]
    if when:
        t = min(when, key=lambda t: abs(t.start - attribution))
        _set_date(rec, t, "text")
    if where:
        p = min(where, key=lambda p: abs(p.start - attribution))
        rec.place, rec.place_source = _as_place(p), "text"
