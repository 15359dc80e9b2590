"""Place mentions in news text, with the role each plays in its sentence.

A mention is found by scanning capitalised tokens for the longest gazetteer name
("South Korea" beats "Korea", "New York Times" is rejected as a whole), then
filtered so that people and organisations are not places ("President Xi",
"Global Times", "Washington Post": ``_placenames``; the place a body is named for, "Sydney"
in "University of Sydney", is kept as a mention, never a location), then
resolved to one reading with the article's own context (``_placeresolve``: "Alexandria,
La.", the states and places the article names, its dateline). Beside gazetteer names it
finds demonyms ("Russian"), AP state abbreviations ("Calif."), lead datelines ("WINONA --"),
listed counties ("Douglas and Sarpy counties") and streets (``_placeforms``; an address or a
numbered road only where something happens). Its role is:

- "location": where something happened -- "in Seoul", "arrived in Beijing",
  "traveled to Beijing", "at Diaoyutai State Guesthouse", "reported from
  Beijing", a wire dateline "BEIJING (Reuters) -";
- "actor": a country or seat of government as grammatical subject of a verb --
  "China dismissed ...", "Beijing, however, has been irked";
- "mention": anything else, e.g. possessives ("China's President").

Continents, oceans and macro-regions ("Asia", "the Middle East", "Latin America", the
Pacific; ``kind`` "macro" in aliases.csv) are found and flagged ``vague`` but always get
the role "mention": a point for "Asia" would be a fake location, so they never become an
event's or a statement's map place ("Trump to visit Asia" has place null). "the West" is
never a place at all (``NEVER_PLACES``).
"""
from __future__ import annotations

import re

from ._placecontext import is_actor, location_context, named_as_place
from ._placeforms import STATE_FORMS, qualifier_after, streets
from ._placenames import (COORDINATION_RE, OF_NAME_RE, PERSON_AFTER_RE, Surnames, in_body_name,
                          lowercase_words, part_of_other_name, possessive, token_key)
from ._placeresolve import resolve
from ._placetypes import Hit, PlaceMention
from .gazetteer import _ABBREVIATED, Place, get_gazetteer, lookup, normalize_name
from .intervals import Intervals
from .lexicon import lexicon
from .wire import LEAD_DATELINE_CORE_RE, LEAD_DATELINE_RE, in_dateline

__all__ = ["ROLES", "PlaceMention", "dateline_place", "find_places", "toponym_kind", "toponym_record"]

ROLES = ("location", "actor", "mention")


# Words (periods allowed in "U.S.", "N. Korea"); a possessive "'s" is not part of a word.
_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
# A token that starts a word (not the "Brien" of "O'Brien", not the "Phone" of "iPhone"):
# _TOKEN_RE's alternatives with their first letter matched first. A pattern that starts with
# a character class lets the regex engine skip to the next capital in C (a lookahead or
# lookbehind first makes it try every position): this scan is twice as fast as with a
# lookahead, eight times as fast as with the lookbehinds first.
_CAPITAL = r"[A-Z\u00C0-\u00DE\u0100-\u017F]"
_START_RE = re.compile(
    _CAPITAL + r"(?<![^\W\d_].)(?<![^\W\d_]['’].)"
    r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Z])\.(?=\s+[A-Z])|(?<=[^\W\d_])[^\W\d_]*(?:['’](?![sS]\b)[^\W\d_]+)*)")
_JOIN_RE = re.compile(r"[ \t\xa0]+|-|[ \t]*\n[ \t]*(?=[a-z])")
# The join, then the next word: one match (atomic: the join the first regex alone would take)
_NEXT_TOKEN_RE = re.compile(f"(?>{_JOIN_RE.pattern})({_TOKEN_RE.pattern})")
_FACILITY_RE = re.compile(
    r"[ \t\xa0]+(?:hospital|clinic|airport|university|college|school|stadium|station|prison|hotel|"
    r"church|mosque|temple|market|square|street|avenue|road|bridge|park|neighbou?rhood)\b")
# What the character after a name's first following one must be for a pattern that starts
# with spaces and a word to match: another space or the word's first letter. Most names are
# followed by other words, and this test costs a fraction of a regex call (asked of every
# name found). Each set is the pattern's alternatives' initials, read off below it.
_FACILITY_NEXT = frozenset(" \t\xa0hcauspmtrbn")
_OF_NEXT = frozenset(" \to")                                      # OF_NAME_RE
_PERSON_NEXT = frozenset(" \tstaenwr")                            # PERSON_AFTER_RE's words,
_PERSON_FIRST = frozenset(",'’")                                  # or what its others start with


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]`` (offsets index ``text``), resolved with the
    article's own context (see ``_placeresolve``).

    Only capitalised words can start a name, so one regex pass finds those and the
    gazetteer dicts are probed from each (the rest of the text is never tokenised)."""
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, min(start, hi))
    gaz = get_gazetteer()
    hits = _recognise(text, lo, hi, gaz)
    return [m for m in resolve(text, hits) if m is not None]


def dateline_place(text: str) -> PlaceMention | None:
    """The article's dateline place ("TAIPEI (Reuters) -", "WINONA --"), or None."""
    head_end = min(len(text), 400)
    for m in find_places(text, 0, head_end):
        if m.role == "location" and m.feature not in ("street", "demonym") and (
                in_dateline(text, m.start, m.end) or _lead_dateline_at(text, m.start)):
            return m
    return None


def _lead_dateline_at(text: str, s: int) -> bool:
    for m in LEAD_DATELINE_RE.finditer(text, 0, min(len(text), 400)):
        if _lead_span(m)[0] == s:
            return True
    return False


def _lead_span(m) -> tuple[int, int]:
    """The place name's span in a lead dateline match ("WINONA --" or "[HANOI]")."""
    group = "place" if m.group("place") else "bracketed"
    return m.start(group), m.end(group)


def _recognise(text: str, lo: int, hi: int, gaz) -> list[Hit]:
    hits: list[Hit] = []
    head_end = min(hi, lo + 400)
    lead = {}
    if LEAD_DATELINE_CORE_RE.search(text, lo, head_end):     # (rare: the full search is slow)
        lead = {_lead_span(m)[0]: m for m in LEAD_DATELINE_RE.finditer(text, lo, head_end)
                if _lead_span(m)[0] < 400}
    street_spans = list(streets(text, lo, hi))
    lowered = lowercase_words(text)
    people = Surnames(text, gaz, lowered)
    counties = {h.start: h for h in _listed_divisions(text, lo, hi, gaz)}
    counties.update((h.start, h) for h in _state_abbreviations(text, lo, hi, gaz))
    counties.update((h.start, h) for h in _townships(text, lo, hi, gaz))
    in_street = Intervals(street_spans)
    resume = lo
    first_steps = gaz.first_steps
    for m in _START_RE.finditer(text, lo, hi):
        s = m.start()
        if s < resume:
            continue
        word = m.group()
        if not word[0].isupper():
            continue
        county = counties.get(s)
        if county is None and len(word) <= _LONGEST_FORM and word[0] in _FORM_INITIALS and (
                word[-1] == "." or text.startswith(".", m.end())):    # every form ends "Xx."
            county = _standalone_state(text, m, gaz)
        if county is not None:
            hits.append(county)
            resume = county.end
            continue
        step = first_steps.get(word, _UNSEEN)
        if step is _UNSEEN:
            step = _first_step(word, gaz)
        if step is None:
            continue    # most capitalised words ("He", "Friday"): known to start no name
        match = _longest_match(text, m, hi, gaz, step)
        if match is None:
            continue
        e, readings, single = match
        if street_spans and in_street.overlaps(s, e):
            resume = e
            continue
        dateline = lead.get(s)
        if dateline is not None and _lead_span(dateline)[1] != e:
            dateline = None     # "RIDGE FARM, Ill.": the dateline names a place we do not know
        if single and not readings[0].strong and word.lower() in lowered and dateline is None:
            resume = e
            if not location_context(text, s, readings[0].kind):
                continue     # "Over the past year", "Church & State": the article writes it as a word
        hit = _accept(text, s, e, readings, single, hits[-1] if hits else None, dateline, people)
        if hit is not None:
            hits.append(hit)
        resume = e
    hits += _street_hits(text, street_spans)
    hits.sort(key=lambda h: h.start)
    return [h for i, h in enumerate(hits) if i == 0 or (h.start, h.end) != (hits[i - 1].start, hits[i - 1].end)]


def _street_hits(text: str, spans) -> list[Hit]:
    """Streets where something happens ("on Main Street", "at 775 Main St.") are locations;
    one named in passing ("a new plant on Main Street") a mention -- but not an address
    ("the 800 block of Locust Street") or a numbered road ("Interstate 35") in passing: those
    only locate a spot."""
    out = []
    for s, e in spans:
        if location_context(text, s, "region"):
            out.append(Hit(s, e, (), False, "location", feature="street"))
        elif not (_ADDRESS_BEFORE_RE.search(text, max(0, s - 12), s) or text[e - 1].isdigit()):
            out.append(Hit(s, e, (), False, "mention", feature="street"))
    return out


_ADDRESS_BEFORE_RE = re.compile(r"(?:\d[\w-]*|\bblock[ \t]+of)[ \t]+(?:[NSEW]\.[ \t]+)?$")
_DIVISIONS_LIST_RE = re.compile(
    r"((?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?){1,8})"
    r"(counties|parishes|townships)\b")
_DIVISION_NAME_RE = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?")
_DIVISION_SUFFIX = {"counties": "County", "parishes": "Parish", "townships": "Township"}


def _listed_divisions(text: str, lo: int, hi: int, gaz) -> list[Hit]:
    """"Douglas, Lancaster and Sarpy counties": each name is a county (the list says so)."""
    out = []
    if "counties" not in text and "parishes" not in text and "townships" not in text:
        return out      # the list regex backtracks: skip it where it cannot match
    for m in _DIVISIONS_LIST_RE.finditer(text, lo, hi):
        suffix = _DIVISION_SUFFIX[m.group(2)]
        for name in _DIVISION_NAME_RE.finditer(text, m.start(1), m.end(1)):
            readings = tuple(p for p in gaz.candidates(normalize_name(f"{name.group()} {suffix}"))
                             if p.feature == "admin2")
            if readings:
                out.append(Hit(name.start(), name.end(), readings, True, "mention", supported=True))
    return out


_STATE_ABBREVIATION_RE = re.compile(
    r", (" + "|".join(sorted((re.escape(f) for f in STATE_FORMS if "." in f), key=len, reverse=True))
    + r")(?![\w])")


def _state_abbreviations(text: str, lo: int, hi: int, gaz) -> list[Hit]:
    """"Fresno, Calif.", "RIDGE FARM, Ill.", "Washington, D.C.": an AP state abbreviation
    after a place name is that state, known town or not."""
    out = []
    for m in _STATE_ABBREVIATION_RE.finditer(text, lo, hi):
        if m.start() == 0 or not (text[m.start() - 1].isalpha() or text[m.start() - 1] == "."):
            continue
        state = gaz.admin1(STATE_FORMS[m.group(1)])
        if state is not None:
            out.append(Hit(m.start(1), m.end(1), (state,), True, "mention", supported=True))
    return out


# AP abbreviations that stand for their state on their own ("open in S.C. today", "a Calif.
# law"); not those that are also words or names at a sentence's end ("Miss.", "Mass.", "Ind.")
_AMBIGUOUS_STATE_FORMS = frozenset("Miss. Mass. Ind. Del. Wash. La. Mo. Cal. Ill. Ark. Penn. Me.".split())
_STANDALONE_FORMS = frozenset(f for f in STATE_FORMS if "." in f and f not in _AMBIGUOUS_STATE_FORMS)
_LONGEST_FORM = max(len(f) for f in _STANDALONE_FORMS)
_FORM_INITIALS = frozenset(f[0] for f in _STANDALONE_FORMS)


def _standalone_state(text: str, token, gaz) -> Hit | None:
    """The state an AP abbreviation starting at ``token`` stands for, if any. Asked of the
    main scan's capitalised tokens (a regex of its own cost a tenth of place finding)."""
    s = token.start()
    if token.end() - s > _LONGEST_FORM or text[s] not in _FORM_INITIALS:
        return None
    dots = []     # every form ends with a period: try each one near the token, longest first
    i = text.find(".", token.end() - 1, s + _LONGEST_FORM)
    while i >= 0:
        dots.append(i + 1)
        i = text.find(".", i + 1, s + _LONGEST_FORM)
    if not dots or (s and (_is_word(text[s - 1]) or text[s - 1] in ".’'")) or text[max(0, s - 2):s] == ", ":
        return None     # after ", " it qualifies a town: _state_abbreviations
    for end in reversed(dots):
        form = text[s:end]
        if form in _STANDALONE_FORMS and not (end < len(text) and _is_word(text[end])):
            n = end - s
            state = gaz.admin1(STATE_FORMS[form])
            if state is None:
                return None
            role = "location" if location_context(text, s, "region") else "mention"
            return Hit(s, s + n, (state,), True, role, supported=True)
    return None


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


_TOWNSHIP_RE = re.compile(r"\b((?:St\.[ \t])?(?:[A-Z][a-z]+[ \t]){1,2})(?:Township|Twp\.)")


def _townships(text: str, lo: int, hi: int, gaz) -> list[Hit]:
    """"Madison Township", "St. Clair Twp.": a township is placed at the town it is named for
    (the one the article's context picks), GeoNames having no townships in this gazetteer."""
    out = []
    if "Township" not in text and "Twp." not in text:
        return out
    for m in _TOWNSHIP_RE.finditer(text, lo, hi):
        readings = tuple(p for p in gaz.candidates(normalize_name(m.group(1))) if p.kind == "city")
        if readings:
            out.append(Hit(m.start(), m.end(), readings, False, "mention", supported=True,
                           feature="township"))
    return out


# Words that head a body's name before "of" ("Bank of America", "Council of Europe")
_BODY_HEADS = frozenset("""Bank University College School Institute Academy Museum Council Center
Centre Church Department Ministry Bureau Office Board Court Chamber Federation Association Society
Club""".split())
# A weak longer name ending in one of these loses to the strong place it starts with
_BODY_WORDS = frozenset("""court jail airport hospital school college university station park center centre
hall church prison library museum""".split())
# Lower-case words inside place names ("Port-au-Prince", "Stratford-upon-Avon", "Rio de Janeiro",
# "Mar-a-Lago", and the Korean village and ward endings of "Punggye-ri", "Jongno-gu")
_NAME_PARTICLES = frozenset("""of on upon the and a de du des da do dos das di del della la le les lès au aux
en sur sous y e el al am an im in der den die bei ob ad op aan van von zu ter ri dong gu""".split()) | frozenset(
    # and the generic words news writes in lower case ("Kermanshah province", "Chinese capital")
    """capital city town village county state province region district prefecture parish borough
    township governorate oblast territory department municipality island islands peninsula sea
    strait bay gulf river valley mountains desert""".split())


_UNSEEN = object()


class _Step:
    """A name scan's state after the words read so far (as written): their key, its
    readings, whether a longer name extends it, and the states after each next word met
    (a long-running extraction reads the same names again: "New" -> "York" -> "City" is
    then three dict lookups, not a key built and looked up per word)."""

    __slots__ = ("key", "readings", "extends", "body_word", "abbreviated", "after")

    def __init__(self, key: str, readings: tuple[Place, ...], extends: bool) -> None:
        self.key, self.readings, self.extends = key, readings, extends
        last = key.rsplit(" ", 1)[-1]
        self.body_word = last in _BODY_WORDS        # "Meigs County Court" loses to "Meigs County"
        self.abbreviated = last in _ABBREVIATED     # "St. Louis", "Ft. Worth": a period may follow
        # next word as written -> its _Step, or None where the scan stops (no name goes on so)
        self.after: dict[str, _Step | None] = {}


_MAX_AFTER = 256     # next words kept per step (most steps meet a handful)


def _first_step(word: str, gaz) -> _Step | None:
    """The scan's state after a token as written, or None when it starts no name; kept
    (a long-running extraction meets the same words again)."""
    key = token_key(word)
    readings, extends = gaz.step(key)
    step = _Step(key, readings, extends) if readings or extends else None
    if len(gaz.first_steps) < 200_000:
        gaz.first_steps[word] = step
    return step


def _next_step(step: _Step, word: str, gaz) -> _Step | None:
    """The state after ``step`` and the next word, or None when no name goes on so."""
    if not (word[0].isupper() or word in _NAME_PARTICLES):
        found = None     # "Red deer: 7" is no Red Deer; "Stratford-upon-Avon", "Port-au-Prince" are
    else:
        key = f"{step.key} {token_key(word)}"
        found = _Step(key, *gaz.step(key))
    if len(step.after) < _MAX_AFTER:
        step.after[word] = found
    return found


def _longest_match(text, first, hi, gaz, step: _Step) -> tuple[int, tuple[Place, ...], bool] | None:
    """(end, readings, single word) of the longest gazetteer name starting at token ``first``
    (``step``: its ``_first_step``)."""
    best = None
    pos, words = first.end(), 1
    while True:
        readings = step.readings
        if readings and (best is None or readings[0].strong or not best[1][0].strong or
                         not step.body_word):
            best = (pos, readings, words == 1)   # "Meigs County" (strong), not "Meigs County Court"
        if words >= gaz.max_words or not step.extends:
            break
        if step.abbreviated and text.startswith(".", pos):
            pos += 1      # "St. Louis", "Ft. Worth"
        token = _NEXT_TOKEN_RE.match(text, pos, hi)
        if token is None:
            break
        word = token.group(1)
        after = step.after.get(word, _UNSEEN)
        step = _next_step(step, word, gaz) if after is _UNSEEN else after
        if step is None:
            break
        pos, words = token.end(), words + 1
    return best


def _accept(text: str, s: int, e: int, readings: tuple[Place, ...], single: bool,
            prev: Hit | None, lead, people) -> Hit | None:
    surface = text[s:e]
    letters = surface.replace(".", "").replace(" ", "")
    if len(letters) <= 3 and not letters.isupper() and not _cued_short_name(text, s, e, letters, readings):
        return None     # "Us", "Of": short names only as acronyms ("US", "UK")
    best = readings[0]
    if _names_an_outlet(text, s, surface):
        return None     # "a report from The Hill", "The Atlantic claimed": a publication
    if surface.isupper() and len(letters) <= 4 and not best.strong and lead is None:
        return None     # "BOE", "SWAT": an unsupported all-caps abbreviation is not a small town
    if single and not best.strong and text[s - 2:s] in _COMPASS_ENDS and \
            _COMPASS_BEFORE_RE.search(text, max(0, s - 12), s) and \
            not _named_bare(text, surface):
        return None     # "East Bank", "North Central": a place the gazetteer lacks, not "Bank"
    # "Bank of America", "Council of Europe": a continent's name in a body's is no place it serves
    in_name = best.feature != "demonym" and not best.vague and surface not in _CONTINENT_NAMES and \
        in_body_name(text, s)
    if part_of_other_name(text, s, e, single, strong=best.strong and best.feature != "demonym",
                          city=best.kind == "city", people=best.feature == "demonym", body_ok=in_name):
        return None
    nxt = text[e + 1:e + 2]     # the first letter of the word after a space (see _FACILITY_NEXT)
    if single and not best.strong and surface in _BODY_HEADS and nxt in _OF_NEXT and OF_NAME_RE.match(text, e):
        return None     # "at the Bank of America branch": a body, not the town of Bank
    if single and not best.strong and lead is None and (
            (nxt in _OF_NEXT and OF_NAME_RE.match(text, e)) or
            ((nxt in _PERSON_NEXT or text[e:e + 1] in _PERSON_FIRST) and PERSON_AFTER_RE.match(text, e))) and not (
            named_as_place(text, s) or location_context(text, s, best.kind)):
        return None     # "Bank of America", "Nelson said", "Flores, 26,"
    readings = _readings_for_form(text, s, surface, readings, prev)
    hit = Hit(s, e, readings, single, feature="demonym" if best.feature == "demonym" else "")
    if lead is not None:
        hit.role, hit.supported = "location", True
        qual = lead["qual"]
        if qual:
            hit.qualifier = _matching_qualifier(readings, STATE_FORMS.get(qual.strip(" ,\t")), qual.strip(" ,\t"))
    elif best.vague:
        hit.role = "mention"
    else:
        hit.role = _role(text, s, e, best)
        if hit.role == "mention" and best.kind in ("region", "country") and _qualifies_unknown_place(text, s, prev):
            hit.role = "location"   # "died at her home in Carmel Valley, California": in California
    if in_name:
        hit.role, hit.in_name = "mention", True     # "Bank of Canada": named, nothing happens there
    elif hit.role == "mention" and not best.vague and prev is not None and prev.role != "mention" and \
            COORDINATION_RE.fullmatch(text, prev.end, s) and not possessive(text, e):
        # "from London and Hong Kong", "Washington and Seoul are trying"
        hit.role = prev.role if prev.role == "location" or best.actor else "mention"
    qualified = qualifier_after(text, e)
    if qualified is not None and hit.qualifier is None:
        hit.qualifier = _matching_qualifier(readings, qualified[0], text[qualified[1]:qualified[2]])
    hit.supported = hit.supported or hit.role == "location" or hit.qualifier is not None or \
        (nxt in _INSTITUTION_NEXT and bool(_INSTITUTION_AFTER_RE.match(text, e))) or named_as_place(text, s) or \
        surface.rsplit(None, 1)[-1].lower() in _DIVISION_NAMES     # "Kermanshah Province"
    if single and not best.strong and not hit.supported and (
            (nxt in _NAMED_FACILITY_NEXT and _NAMED_FACILITY_RE.match(text, e)) or surface in people):
        # "the Webb Center", "Bryant Hall": named for a person, not a small town; a surname
        # seen in full ("Gary Flores"), and no "in Flores" here
        return None
    return hit


# "in Carmel Valley, " right before a state or country: a place the gazetteer lacks, cued
_UNKNOWN_QUALIFIED_RE = re.compile(r"\b(?:in|at|near|outside)[ \t]+(?P<name>(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*),[ \t]*$")


def _qualifies_unknown_place(text: str, s: int, prev: Hit | None) -> bool:
    """A state or country after a cued name the gazetteer does not know ("in Carmel Valley,
    California"): the event is in that state, the nearest place the text gives."""
    if "," not in text[max(0, s - 2):s]:
        return False
    head = text[max(0, s - 60):s]
    m = _UNKNOWN_QUALIFIED_RE.search(head)
    if m is None:
        return False
    name_start = s - len(head) + m.start("name")
    return prev is None or prev.end <= name_start     # "in Tulsa, Oklahoma": Tulsa is known


def _cued_short_name(text: str, s: int, e: int, letters: str, readings) -> bool:
    """"in Qom", "the state of Goa": a three-letter name is a major place when the text says
    it is a place (not "Roe v. Wade", "Carrie Lam", "the Rue des Soubirous", "Ras al-Ain",
    "Ain Issa")."""
    return len(letters) == 3 and letters.istitle() and text[s - 1:s] != "-" and \
        not _CAPITAL_NEXT_RE.match(text, e) and \
        any(p.strong and not p.alternate for p in readings) and \
        (named_as_place(text, s) or location_context(text, s, readings[0].kind))


_CAPITAL_NEXT_RE = re.compile(r"[ \t\xa0]+[A-Z]")
_CONTINENT_NAMES = frozenset(("America", "Americas", "Europe", "Asia", "Africa"))
_THE_BEFORE_RE = re.compile(r"(?<![\w.])The[ \t\xa0]$")
_REPORTS_AFTER_RE = re.compile(r"[ \t\xa0]+(?:said|says|reported|reports|claimed|claims|wrote|noted|"
                               r"published|revealed|quoted|cited|found|added|stated|described)\b")


def _names_an_outlet(text: str, s: int, surface: str) -> bool:
    """"The Hill", "The Atlantic": a publication the lexicon knows, written with a capital
    "The" mid-sentence, or opening one before a reporting verb ("The Atlantic claimed")."""
    if surface.startswith("The "):     # the gazetteer's own "The Hill" (New South Wales)
        name, the = surface, s
    elif text.startswith("The", s - 4) and _THE_BEFORE_RE.search(text, max(0, s - 5), s):
        name, the = f"The {surface}", s - 4
    else:
        return False
    known = lexicon().orgs.get(name)
    if known is None or not known[1]:
        return False
    head = text[max(0, the - 3):the].rstrip(" \t\xa0\"“‘'(")
    opens = not head or head[-1] in ".!?:\n"
    return not opens or bool(_REPORTS_AFTER_RE.match(text, s + len(surface)))


_COMPASS_BEFORE_RE = re.compile(r"(?<![\w.])(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest)[ \t]$")
_COMPASS_ENDS = frozenset(("h ", "h\t", "t ", "t\t"))     # what every compass word and its space end with


def _readings_for_form(text: str, s: int, surface: str, readings, prev: Hit | None):
    """The readings the way it is written allows: an acronym ("US") only expands to what
    it abbreviates, never to a village spelt "Us"; a name before "province" or "region" is
    the division ("the Donetsk region"), not its city; a name qualifying the place before it
    ("Tulsa, Oklahoma", "Vienna, Austria") is a state or a country, not a city."""
    if surface.isupper() and len(surface) <= 5:
        kept = tuple(p for p in readings if p.strong or p.feature in ("alias", "country"))
    elif text[s + len(surface) + 1:s + len(surface) + 2] in _DIVISION_NEXT and \
            _DIVISION_AFTER_RE.match(text, s + len(surface)):
        # (a division smaller than the city is a namesake elsewhere: "the Charlotte region"
        # is the city's area, not Charlotte parish in Saint Vincent)
        cities = max((p.population for p in readings if p.kind == "city"), default=0)
        kept = tuple(p for p in readings if p.feature in ("admin1", "admin2") and p.population >= cities) or \
            tuple(p for p in readings if p.feature not in ("admin1", "admin2"))
    elif prev is not None and prev.end < s and text[prev.end:s] in (", ", ",") and prev.readings:
        towns = [q for q in prev.readings if q.kind == "city"]     # "Tulsa" lies in Oklahoma
        kept = tuple(p for p in readings if (p.feature == "admin1" and any(q.admin1 == p.admin1 for q in towns))
                     or (p.feature == "country" and any(q.country == p.country for q in towns)))
    else:
        return readings
    return kept or readings


# "the Donetsk region", "Idlib province", "Gyeonggi Province": the division, not its city
_DIVISION_AFTER_RE = re.compile(r"[ \t]+(?i:province|region|oblast|prefecture|governorate|county)s?\b")
_DIVISION_NEXT = frozenset(" \tprogcPROGC")     # (see _FACILITY_NEXT; no other letter folds to these)


def _named_bare(text: str, name: str) -> bool:
    """The article also names ``name`` without a compass word before it ("East Oxford" in an
    Oxford story is part of that town; "East Bank" alone is not a "Bank")."""
    i = text.find(name)
    while i >= 0:
        if not _COMPASS_BEFORE_RE.search(text, max(0, i - 12), i):
            return True
        i = text.find(name, i + 1)
    return False


# A name ending in one of these says it is a division ("Kermanshah province", "Orange County")
_DIVISION_NAMES = frozenset("county parish borough district province region prefecture governorate oblast".split())
_NAMED_FACILITY_RE = re.compile(r"[ \t](?:Center|Centre|Hall|Park|Stadium|Arena|Field|Theatre|"
                                r"Theater|Building|Tower|House|Auditorium|Gymnasium|Pavilion)\b")
_NAMED_FACILITY_NEXT = frozenset("CHPSAFTBG")     # (see _FACILITY_NEXT)


# "Gainesville Police", "Newark City Council", "Erie County Sheriff": a town's own institutions
_INSTITUTION_AFTER_RE = re.compile(
    r"[ \t](?:Police|Sheriff|Fire|City[ \t](?:Council|Hall|Manager|Commission)|Town[ \t](?:Council|Hall)|"
    r"Board[ \t]of[ \t](?:Education|Supervisors|Commissioners)|Township|Borough|Mayor|Village|Council|"
    r"(?:High|Middle|Elementary)[ \t]School|Public[ \t](?:Schools?|Library)|Historical[ \t]Society|"
    r"Chamber[ \t]of[ \t]Commerce|City[ \t]Schools|School[ \t]District)\b|"
    r"[ \t]+(?:residents|officials|police|firefighters|deputies|authorities|city[ \t]council)\b|"
    # "Iran's Kermanshah province", "the Cobb County suburbs": said to be a place
    r"[ \t]+(?:province|region|district|county|suburbs?|outskirts|neighbou?rhood)\b|"
    # "Chapin man dies", "the 20-year-old Camarillo resident", "Albany driver": a local person
    r"[ \t]+(?:man|woman|teen|teens|teenager|boy|girl|couple|resident|native|driver|"
    r"motorist|homeowner)\b")
_INSTITUTION_NEXT = frozenset(" \tPSFCTBMVHEropfdacsnmwtbgh")     # (see _FACILITY_NEXT)


def _matching_qualifier(readings, state: str | None, surface: str) -> str | None:
    """The state or country code in "Alexandria, La." or "TBILISI, Georgia" that one of the
    name's readings lies in (Georgia is a state for Atlanta and a country for Tbilisi)."""
    if state and any(p.admin1 == state for p in readings):
        return state
    country = lookup(surface)
    if country is not None and country.kind == "country" and any(p.country == country.country for p in readings):
        return country.country
    return None


def _role(text: str, s: int, e: int, place: Place) -> str:
    if possessive(text, e):
        return "mention"
    if (s > 0 and text[s - 1] == "-") or (text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha()):
        return "mention"    # "US-China ties", "Washington-Pyongyang confrontation"
    if text[e + 1:e + 2] in _FACILITY_NEXT and _FACILITY_RE.match(text, e):
        return "mention"    # "at La Paz hospital (in Madrid)": the hospital's name, not the city
    if in_dateline(text, s, e) or location_context(text, s, place.kind):
        return "location"
    if place.actor and is_actor(text, s, e):
        return "actor"
    return "mention"


def toponym_kind(p: PlaceMention) -> str:
    """The public ``kind`` of a toponym: "country", "admin", "city" or "other"."""
    if p.kind == "country":
        return "country"
    if p.feature in ("admin1", "admin2") or (p.kind == "region" and p.admin1 and not p.vague):
        return "admin"      # also curated states ("Texas") and state residents ("Ohioans")
    if p.kind == "city":
        return "city"
    return "other"      # sites, streets, seas, continents and other regions


def toponym_record(p: PlaceMention) -> dict:
    """A toponym as it appears in the document's top-level ``toponyms`` array (without
    its article id)."""
    return {"start": p.start, "end": p.end, "text": p.text, "name": p.name,
            "lat": round(p.lat, 4), "lon": round(p.lon, 4), "kind": toponym_kind(p),
            "role": "mention" if p.feature == "demonym" and p.role == "location" else p.role,
            "geonameid": p.geonameid}
