"""When and where each statement was made.

A statement's date is, in order (the first rule that applies wins):

a. a time expression governing its clause, outside the quoted/reported words ("Wang said on
   Saturday that ...", "..., he told reporters on Friday"), nearest the attribution;
b. the date of the event its sentence reports it at: "Speaking to reporters after the talks,
   Wang said ..." takes the talks' date (``date_from_events``, run once events are known);
c. the time context of the narrative: the same speaker's dated statement earlier in the same
   paragraph or in the sentence just before ("He said Friday that ... . “...,” he said.");
d. otherwise no date (None). A quote is certainly made on or before publication, but a
   "publication minus a week" range would be a guess dressed as data, would put every
   undated quote on the timeline, and would turn into statement events; so it is not done.

Never a fake exact day: a rule only copies a date (with its precision) the text states.
The place is the location named next to the attribution ("said in Seoul"), else inherited
with the date under rule c.
"""
from __future__ import annotations

import bisect
import re

from .intervals import ByStart, Intervals

# "..., a nurse at La Paz hospital in Madrid": where the speaker works, not where one spoke
_APPOSITION_PLACE_RE = re.compile(r",\s+(?:a|an|the|his|her)\s+[^,;.“”]*\b(?:at|of|for|from|in)\s+[^,;.“”]*$")
_PLACE_REACH = 60   # characters between a speech verb and the place it was spoken in
_ORG_IN_RE = re.compile(r"(?:Centre|Center|University|School|Institute|Council|Agency|Ministry|"
                        r"Department|Office|Studies|Policy|Foundation|Times|Post|[Hh]ospital|[Cc]linic)"
                        r"\s+(?:in|of)\s+$")
_AUDIENCE_RE = re.compile(r"\b(?:told|addressed|briefed|before)\s+(?:the\s+|a\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}\w$")
# "arrived Saturday after issuing a warning, saying ...": the Saturday is not the saying's
_BARRIER_RE = re.compile(r"\b(?:after|before|following|since|while)\b")
_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]*,")
_LINK_RE = re.compile(
    r"\b(?:after|following|at|during|told|addressed|briefed)\s+(?:the|a|an|their|his|her|its|this|that)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:talks|meeting|meetings|summit|conference|briefing|session|rally|hearing|"
    r"ceremony|debate|vote|interview|negotiations|discussions|press|reporters)\b")
_LINKED_KINDS = frozenset({"meeting", "other", "announcement"})   # not visits: "before his visit, he said"


def _after_org(text: str, pos: int) -> bool:
    """'Renmin University in Beijing': where the organisation is, not where one spoke
    (but 'told the Security Council in New York': the audience, met where one spoke)."""
    m = _ORG_IN_RE.search(text, max(0, pos - 40), pos)
    return bool(m) and not _AUDIENCE_RE.search(text, max(0, m.start() - 60), m.start() + 1)


def _usable_time(text: str, t, published) -> bool:
    """Not 'Tillerson’s Saturday trip' / 'Saturday’s talks', not after publication."""
    if text[max(0, t.start - 3):t.start].rstrip().endswith(("’s", "'s")):
        return False
    if text[t.end:t.end + 2] in ("’s", "'s"):
        return False
    return published is None or t.date_start <= published


def assign_when_where(items, times, places, quotes, spans, text="", published=None) -> None:
    """Rules a and c (see the module docstring) for every (statement, attribution) pair."""
    starts = [s.start for s in spans]
    paras = [s.para for s in spans]
    times, places, quotes = ByStart(times), ByStart(places), Intervals(quotes, open_ends=True)
    previous: list[tuple[object, int]] = []
    for rec, attribution in items:
        _stated_when_where(rec, attribution, times.between(rec.sentence_start, rec.sentence_end),
                           places.between(rec.sentence_start, rec.sentence_end), quotes, text, published)
        here = bisect.bisect_right(starts, attribution) - 1
        for prev, prev_pos in reversed(previous):
            there = bisect.bisect_right(starts, prev_pos) - 1
            same_para = here >= 0 and there >= 0 and paras[here] == paras[there]
            if here - there > 1 and not same_para:
                break
            if prev.speaker == rec.speaker:
                if rec.date_start is None and prev.date_start:
                    rec.date_start, rec.date_end, rec.precision = prev.date_start, prev.date_end, prev.precision
                if rec.place is None and prev.place:
                    rec.place = dict(prev.place)
                break
        previous.append((rec, attribution))


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
        if rec.date_start or not links_to_event(text, rec.sentence_start, rec.sentence_end, (rec.start, rec.end)):
            continue
        linked = by_sentence.get(rec.sentence_start, [])
        days = {e.date_start for e in linked}
        if len(days) == 1:   # two different days in one sentence: no way to tell which
            e = linked[0]
            rec.date_start, rec.date_end, rec.precision = e.date_start, e.date_end, e.precision


def _stated_when_where(rec, attribution, times, places, quotes, text, published) -> None:
    blocked = [] if rec.direct else [(rec.start - 1, rec.end + 1)]
    # "Merkel, who met Trump in Brussels on Thursday, added that": not when she spoke
    blocked += [(m.start(), m.end()) for m in _RELATIVE_RE.finditer(text, rec.sentence_start, rec.sentence_end)]

    def usable(x) -> bool:
        return (rec.sentence_start <= x.start and x.end <= rec.sentence_end and not quotes.contains(x.start)
                and not any(lo < x.start < hi for lo, hi in blocked))

    when = [t for t in times if usable(t) and _usable_time(text, t, published)
            and not _BARRIER_RE.search(text, min(t.end, attribution), max(t.start, attribution))]
    where = [p for p in places if usable(p) and p.role == "location"
             and abs(p.start - attribution) <= _PLACE_REACH and not _after_org(text, p.start)
             and not _APPOSITION_PLACE_RE.search(text, max(rec.sentence_start, p.start - 80), p.start)]
    if when:
        t = min(when, key=lambda t: abs(t.start - attribution))
        rec.date_start, rec.date_end = t.date_start.isoformat(), t.date_end.isoformat()
        rec.precision = t.precision
    if where:
        p = min(where, key=lambda p: abs(p.start - attribution))
        rec.place = {"name": p.name, "lat": round(float(p.lat), 4), "lon": round(float(p.lon), 4)}
