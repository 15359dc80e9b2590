"""Place mentions in news text, with the role each plays in its sentence.

A mention is found by scanning capitalised tokens for the longest gazetteer name
("South Korea" beats "Korea", "New York Times" is rejected as a whole), then
filtered so that people and organisations are not places ("President Xi",
"Global Times", "Washington Post", "University of Sydney"). Its role is:

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
from collections import Counter
from dataclasses import dataclass

from ._placecontext import is_actor, is_dateline, location_context, named_as_place
from ._placeforms import LEAD_DATELINE_RE, STATE_FORMS, qualifier_after, streets
from ._placeresolve import _SUPPORT_KM, Context, unambiguous
from .gazetteer import _ABBREVIATED, WEAK_ONLY, Place, get_gazetteer, lookup, normalize_name
from .intervals import Intervals
from .lexicon import lexicon

ROLES = ("location", "actor", "mention")


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    name: str                 # canonical ("Beijing", "North Korea")
    lat: float
    lon: float
    kind: str                 # "city" | "country" | "region" | "site"
    role: str                 # "location" | "actor" | "mention"
    capital: str | None = None   # for countries: the capital (map anchor for actors)
    vague: bool = False          # continent / macro-region: named, never mapped as a point
    geonameid: int | None = None
    feature: str = ""            # gazetteer feature; "demonym" and "street" are names of other kinds
    country: str = ""            # ISO code of the resolved place
    admin1: str = ""             # its GeoNames first-level division ("US.TX"), "" if unknown


# Words (periods allowed in "U.S.", "N. Korea"); a possessive "'s" is not part of a word.
_TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*")
# A token that starts a word (not the "Brien" of "O'Brien", not the "Phone" of "iPhone").
_START_RE = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?=[A-Z\u00C0-\u00DE\u0100-\u017F])" + _TOKEN_RE.pattern)
_JOIN_RE = re.compile(r"[ \t\xa0]+|-|[ \t]*\n[ \t]*(?=[a-z])")
_TITLES = frozenset("""president premier minister secretary mr mrs ms dr general gen senator
sen governor gov rep representative king queen prince princess ambassador spokesman
spokeswoman chairman leader mayor judge justice pope saint st lord lady sir""".split())
# Title-case words that may follow a place without making it part of another name.
_DESCRIPTORS = frozenset("""president prime foreign defense defence secretary minister
ministry ambassador embassy consulate navy army air coast marine marines forces force
government state congress senate treasury trade commerce vice deputy special envoy
officials official leader leaders premier chairman general governor mayor police
military central communist national ambassadors administration department
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())
# A place before one of these is still that place: "Gainesville Police Officer", "Ohio
# Coalition for ...", "the Walker County Fair", "Newark City Council" name the place's own
# institutions. ("Washington Post", "Michigan State" are not followed by these.)
_LOCAL_HEADS = _DESCRIPTORS | frozenset("""high middle elementary museum historical library marina
memorial hospital business businesses officer officers sheriff sheriff's fire firefighters county city
council councilman commission commissioner commissioners comptroller coalition school schools district
museum fair center centre chamber board library courthouse court office community area region metro
public regional township town village attorney attorney's township's parish borough municipal
elections election legislature legislative delegation health housing planning transit water
residents citizens voters neighbors neighbours""".split())
# A place preceded by one of these Title-case words is still a place.
_PLACE_ADJECTIVES = frozenset("""communist mainland red greater imperial soviet nationalist
southern northern eastern western central modern ancient north south east west upstate
downtown new old northeast northwest southeast southwest northeastern northwestern southeastern
southwestern suburban rural greater metro coastal
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())
_SENTENCE_STARTERS = frozenset("""in at on from to for with and but both when while after
before since unlike like across inside outside near around throughout within into toward
towards neither either only even meanwhile the a an as if then also so yet or nor until
whereas although though because where via over under beyond against between among than
about despite during without through upon why how what who whom whose which will would
can could does did is are was were has have had should must may might not no""".split())
_FACILITY_RE = re.compile(
    r"[ \t\xa0]+(?:hospital|clinic|airport|university|college|school|stadium|station|prison|hotel|"
    r"church|mosque|temple|market|square|street|avenue|road|bridge|park|neighbou?rhood)\b")
_PREV_CAP_RE = re.compile(r"([A-Z][\w.]*)[ \t\xa0]$")
_ORG_OF_RE = re.compile(r"\b(?:University|College|School|Bank|Institute|Academy|Museum|Council|"
                        r"Center|Centre|Voice|Port|Gulf|Bay|Sea|Straits?|Church|Department|Ministry|"
                        r"Bureau|Office|Board|Court|Chamber|Federation|Association|Society|Club)\s+of\s+(?:the\s+)?$")


@dataclass
class _Hit:
    """A recognised name before resolution: its readings and the evidence around it."""
    start: int
    end: int
    readings: tuple[Place, ...]
    single: bool
    role: str = "mention"
    qualifier: str | None = None      # admin1 code ("US.LA") or ISO country code after "Name, "
    supported: bool = False           # a cue makes even a small place count
    feature: str = ""                 # "demonym" / "street" for names of other kinds
    chosen: Place | None = None
    key: str = ""                     # the normalised name


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]`` (offsets index ``text``), resolved with the
    article's own context (see ``_placeresolve``).

    Only capitalised words can start a name, so one regex pass finds those and the
    gazetteer dicts are probed from each (the rest of the text is never tokenised)."""
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, min(start, hi))
    gaz = get_gazetteer()
    hits = _recognise(text, lo, hi, gaz)
    return [m for m in resolve(text, hits, gaz) if m is not None]


def dateline_place(text: str) -> PlaceMention | None:
    """The article's dateline place ("TAIPEI (Reuters) -", "WINONA --"), or None."""
    head_end = min(len(text), 400)
    for m in find_places(text, 0, head_end):
        if m.role == "location" and m.feature not in ("street", "demonym") and (
                is_dateline(text, m.start, m.end) or _lead_dateline_at(text, m.start)):
            return m
    return None


def _lead_dateline_at(text: str, s: int) -> bool:
    for m in LEAD_DATELINE_RE.finditer(text, 0, min(len(text), 400)):
        if m.start("place") == s:
            return True
    return False


def _recognise(text: str, lo: int, hi: int, gaz) -> list[_Hit]:
    hits: list[_Hit] = []
    lead = {m.start("place"): m for m in LEAD_DATELINE_RE.finditer(text, lo, min(hi, lo + 400))
            if m.start("place") < 400}
    street_spans = list(streets(text, lo, hi))
    people = _Lazy(lambda: _surnames(text, gaz))
    lowered = _lowercase_words(text)
    counties = {h.start: h for h in _listed_divisions(text, lo, hi, gaz)}
    counties.update((h.start, h) for h in _state_abbreviations(text, lo, hi, gaz))
    in_street = Intervals(street_spans)
    resume = lo
    for m in _START_RE.finditer(text, lo, hi):
        if m.start() < resume or not m.group()[0].isupper():
            continue
        county = counties.get(m.start())
        if county is not None:
            hits.append(county)
            resume = county.end
            continue
        match = _longest_match(text, m, hi, gaz)
        if match is None:
            continue
        e, readings, single = match
        if in_street.overlaps(m.start(), e):
            resume = e
            continue
        dateline = lead.get(m.start())
        if dateline is not None and dateline.end("place") != e:
            dateline = None     # "RIDGE FARM, Ill.": the dateline names a place we do not know
        if single and not readings[0].strong and m.group().lower() in lowered and dateline is None:
            resume = e
            if not location_context(text, m.start(), readings[0].kind):
                continue     # "Over the past year", "Church & State": the article writes it as a word
        hit = _accept(text, m.start(), e, readings, single, hits[-1] if hits else None, dateline, people)
        if hit is not None:
            hits.append(hit)
            hits += _qualifier_hits(text, hit, gaz)
        resume = e
    # only where something happens ("on Main Street", "at 775 Main St."): a street named in
    # passing ("Highway 35 near Los Gatos", "the Webb Center on Evergreen Street") adds no place
    hits += [_Hit(s, e, (), False, "location", feature="street") for s, e in street_spans
             if location_context(text, s, "region")]
    hits.sort(key=lambda h: h.start)
    return hits


_DIVISIONS_LIST_RE = re.compile(
    r"((?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?(?:,[ \t]*|[ \t]+)(?:(?:and|or)[ \t]+)?){1,8})"
    r"(counties|parishes|townships)\b")
_DIVISION_NAME_RE = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?")
_DIVISION_SUFFIX = {"counties": "County", "parishes": "Parish", "townships": "Township"}


def _listed_divisions(text: str, lo: int, hi: int, gaz) -> list[_Hit]:
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
                out.append(_Hit(name.start(), name.end(), readings, True, "mention", supported=True))
    return out


_STATE_ABBREVIATION_RE = re.compile(
    r"(?<=[A-Za-z.], )(" + "|".join(sorted((re.escape(f) for f in STATE_FORMS if "." in f), key=len, reverse=True))
    + r")(?![\w])")


def _state_abbreviations(text: str, lo: int, hi: int, gaz) -> list[_Hit]:
    """"Fresno, Calif.", "RIDGE FARM, Ill.", "Washington, D.C.": an AP state abbreviation
    after a place name is that state, known town or not."""
    out = []
    for m in _STATE_ABBREVIATION_RE.finditer(text, lo, hi):
        state = gaz.admin1(STATE_FORMS[m.group(1)])
        if state is not None:
            out.append(_Hit(m.start(1), m.end(1), (state,), True, "mention", supported=True))
    return out


def _qualifier_hits(text: str, hit: _Hit, gaz) -> list[_Hit]:
    """The state in "Fresno, Calif." or "CHARLESTON, W.Va. --" is a toponym of its own
    (abbreviations are found by ``_state_abbreviations``)."""
    if not hit.qualifier or "." not in hit.qualifier:
        return []
    span = qualifier_after(text, hit.end)
    if span is not None and "." in text[span[1]:span[2]]:
        return []
    span = qualifier_after(text, hit.end)
    state = gaz.admin1(hit.qualifier)
    if span is None or state is None or not span[0]:
        return []
    return [_Hit(span[1], span[2], (state,), True, "mention", supported=True)]


# A weak longer name ending in one of these loses to the strong place it starts with
_BODY_WORDS = frozenset("""court jail airport hospital school college university station park center centre
hall church prison library museum""".split())
_KEYS: dict[str, str] = {}


def _token_key(word: str) -> str:
    key = _KEYS.get(word)
    if key is None:
        key = word.replace("’", "'").replace(".", "").lower()
        if len(_KEYS) < 200_000:
            _KEYS[word] = key
    return key


def _longest_match(text, first, hi, gaz) -> tuple[int, tuple[Place, ...], bool] | None:
    """(end, readings, single word) of the longest gazetteer name starting at token ``first``."""
    best = None
    key = _token_key(first.group())
    pos, words = first.end(), 1
    while True:
        readings = gaz.candidates(key)
        if readings and (best is None or readings[0].strong or not best[1][0].strong or
                         key.rsplit(" ", 1)[-1] not in _BODY_WORDS):
            best = (pos, readings, words == 1)   # "Meigs County" (strong), not "Meigs County Court"
        if words >= gaz.max_words or not gaz.has_prefix(key):
            break
        if text.startswith(".", pos) and key.rsplit(" ", 1)[-1] in _ABBREVIATED:
            pos += 1      # "St. Louis", "Ft. Worth"
        join = _JOIN_RE.match(text, pos, hi)
        token = _TOKEN_RE.match(text, join.end(), hi) if join else None
        if token is None:
            break
        key = f"{key} {_token_key(token.group())}"
        pos, words = token.end(), words + 1
    return best


_COORDINATION_RE = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)(?:the[ \t]+)?")


_OF_NAME_RE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
_PERSON_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:said|says|told|added|explained|asked|noted|wrote|testified|argued|recalled|"
    r"who|whose)\b|,[ \t]*(?:\d{1,3}|who|whose)\b|['’]s?[ \t]+(?:wife|husband|son|daughter|mother|father|"
    r"family|attorney|lawyer|death|arrest|case|body|car|home)\b)")
# "Marvin F. Lane", "Gary Flores": the surname of a full name met anywhere in the article
_FULL_NAME_RE = re.compile(r"\b([A-Z][a-z]+)(?:[ \t][A-Z]\.)?[ \t]([A-Z][a-z]+)\b(?![ \t]*[A-Z])")


_PERSON_CUE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sgt|Lt|Capt|Det|Officer|Deputy|Coach|Judge|Sen|Rep|Gov)\.?[ \t]+([A-Z][\w’']+)"
    r"|\b([A-Z][\w’']+)(?=(?:['’]s?)?[ \t]+(?:said|says|told|added|explained|asked|noted|wrote|testified|"
    r"argued|recalled|recalls|believes|thinks|hopes|wants)\b)")


class _Lazy:
    """A set computed on first membership test (most articles never need it)."""

    def __init__(self, make) -> None:
        self._make, self._value = make, None

    def __contains__(self, item) -> bool:
        if self._value is None:
            self._value = self._make()
        return item in self._value


_LOWER_RE = re.compile(r"(?<![\w'’])[a-z]{3,}(?![\w'’])")


def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_RE.findall(text))


def _surnames(text: str, gaz) -> frozenset[str]:
    """Words the article uses as people's names: surnames of full names ("Marvin F. Lane")
    and names with a title or a speech verb ("Mr. Jones", "Turner said")."""
    out = {m.group(1) or m.group(2) for m in _PERSON_CUE_RE.finditer(text)}
    for m in _FULL_NAME_RE.finditer(text):
        first = m.group(1)
        if first.lower() in _SENTENCE_STARTERS or first.lower() in _LOCAL_HEADS or \
                first.lower() in _PLACE_ADJECTIVES or \
                any(p.strong for p in gaz.candidates(_token_key(first))) or \
                gaz.candidates(f"{_token_key(first)} {_token_key(m.group(2))}"):
            continue    # "In Richmond", "County Durham", "Rock Hill": not a person
        out.add(m.group(2))
    return frozenset(out)


def _accept(text: str, s: int, e: int, readings: tuple[Place, ...], single: bool,
            prev: _Hit | None, lead, people) -> _Hit | None:
    surface = text[s:e]
    letters = surface.replace(".", "").replace(" ", "")
    if len(letters) <= 3 and not letters.isupper():
        return None     # "Us", "Of": short names only as acronyms ("US", "UK")
    best = readings[0]
    if surface.isupper() and len(letters) <= 4 and not best.strong and lead is None:
        return None     # "BOE", "SWAT": an unsupported all-caps abbreviation is not a small town
    if _part_of_other_name(text, s, e, single, strong=best.strong and best.feature != "demonym"):
        return None
    if single and not best.strong and lead is None and (
            _OF_NAME_RE.match(text, e) or _PERSON_AFTER_RE.match(text, e)) and not (
            named_as_place(text, s) or location_context(text, s, best.kind)):
        return None     # "Bank of America", "Nelson said", "Flores, 26,"
    hit = _Hit(s, e, readings, single, feature="demonym" if best.feature == "demonym" else "")
    if lead is not None:
        hit.role, hit.supported = "location", True
        qual = lead["qual"]
        if qual:
            hit.qualifier = _matching_qualifier(readings, STATE_FORMS.get(qual.strip(" ,\t")), qual.strip(" ,\t"))
    elif best.vague:
        hit.role = "mention"
    else:
        hit.role = _role(text, s, e, best)
    if hit.role == "mention" and not best.vague and prev is not None and prev.role != "mention" and \
            _COORDINATION_RE.fullmatch(text, prev.end, s) and not _possessive(text, e):
        # "from London and Hong Kong", "Washington and Seoul are trying"
        hit.role = prev.role if prev.role == "location" or best.actor else "mention"
    qualified = qualifier_after(text, e)
    if qualified is not None and hit.qualifier is None:
        hit.qualifier = _matching_qualifier(readings, qualified[0], text[qualified[1]:qualified[2]])
    hit.supported = hit.supported or hit.role == "location" or hit.qualifier is not None or \
        bool(_INSTITUTION_AFTER_RE.match(text, e)) or named_as_place(text, s)
    if single and not best.strong and not hit.supported and surface in people:
        return None     # a surname seen in full ("Gary Flores"), and no "in Flores" here
    return hit


# "Gainesville Police", "Newark City Council", "Erie County Sheriff": a town's own institutions
_INSTITUTION_AFTER_RE = re.compile(
    r"[ \t](?:Police|Sheriff|Fire|City[ \t](?:Council|Hall|Manager|Commission)|Town[ \t](?:Council|Hall)|"
    r"Board[ \t]of[ \t](?:Education|Supervisors|Commissioners)|Township|Borough|Mayor|Village|"
    r"(?:High|Middle|Elementary)[ \t]School|Public[ \t](?:Schools?|Library)|Historical[ \t]Society|"
    r"Chamber[ \t]of[ \t]Commerce|City[ \t]Schools|School[ \t]District)\b|[ \t]+(?:residents|officials)\b")


def _matching_qualifier(readings, state: str | None, surface: str) -> str | None:
    """The state or country code in "Alexandria, La." or "TBILISI, Georgia" that one of the
    name's readings lies in (Georgia is a state for Atlanta and a country for Tbilisi)."""
    if state and any(p.admin1 == state for p in readings):
        return state
    country = lookup(surface)
    if country is not None and country.kind == "country" and any(p.country == country.country for p in readings):
        return country.country
    return None


_NOT_A_BODY = frozenset("""state tech times post journal herald tribune daily news gazette telegraph
chronicle globe mail star sun observer examiner courier press review record inquirer standard
express mirror guardian independent today weekly magazine radio tv television airlines airways
cowboys rangers giants""".split())


def _modifier_of_body(text: str, e: int, word: str) -> bool:
    """True when the capitalised words after a place start a body named after it."""
    word = word.rstrip("'’s").lower()
    if word in _NOT_A_BODY or word in lexicon().media_heads:
        return False
    chain = _CHAIN_AFTER_RE.match(text, e)
    tail = chain.group(1).split() if chain else []
    if any(w.lower() in _NOT_A_BODY for w in tail):
        return False
    # "Georgia Smith said", "Jordan Peterson, 45,": a person, not a body
    return not (chain and len(tail) == 1 and _PERSON_AFTER_RE.match(text, chain.end()))


_CHAIN_AFTER_RE = re.compile(r"((?:[ \t][A-Z][\w'’&-]*){1,5})")


def _part_of_other_name(text: str, s: int, e: int, single: bool, demonym: bool = False,
                        strong: bool = False) -> bool:
    """True for "Washington Post", "University of Sydney", "President Jordan", "Joe Jordan"
    (but not for "Gainesville Police Officer": a place's own institutions name the place)."""
    before = text[max(0, s - 60):s]
    if " of " in before[-24:] and _ORG_OF_RE.search(before):
        return True
    if single and _PARTICLE_NAME_RE.match(text, e):
        return True     # "Maria do Carmo Silva", "Ursula von der Leyen"
    prev = _PREV_CAP_RE.search(before, max(0, len(before) - 30))
    if prev and single and prev[1].rstrip(".").lower() in _TITLES:
        return True
    after = re.match(r"[ \xa0]([A-Z][a-z]+(?:['’]s)?)\b", text[e:e + 30])
    heads = _DESCRIPTORS if demonym else _LOCAL_HEADS
    adjacent = (after and after[1].lower() not in heads) or (prev and single)
    if not adjacent or _in_title_case_line(text, s):
        return False    # headlines capitalise every word: adjacency says nothing there
    if after and after[1].lower() not in heads:
        # a major place names its own bodies ("Florida Association of Realtors", "Kentucky
        # Workforce Cabinet") but not a newspaper, a team or a person ("Washington Post",
        # "Michigan State", "Georgia Smith")
        return not (strong and _modifier_of_body(text, e, after[1]))
    word = prev[1].rstrip(".").lower()
    if prev[1].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", prev[1]):
        return False    # "... in Lincoln. Washington state": a sentence ended before
    if word in _PLACE_ADJECTIVES or prev[1].isupper():
        return False
    head = before[:prev.start()].rstrip().rstrip("\"“‘'(").rstrip()
    if head and head[-1] not in ".!?:\n":
        return True     # a capitalised word mid-sentence: "Michael Jordan", "Global Times"
    # sentence-initial: "In Jordan" and "Visiting Jordan" are places, "Michael Jordan" is not
    return not (word in _SENTENCE_STARTERS or word.endswith(("ing", "ed", "ly")))


_PARTICLE_NAME_RE = re.compile(r"[ \t](?:de|da|do|dos|das|di|del|della|du|van|von|der|den|bin|ibn|al|el|la|le)"
                               r"(?:[ \t](?:der|den|la|los|las))?[ \t][A-Z][a-z]")


def _possessive(text: str, e: int) -> bool:
    """"China's", "the U.S.' commitment" (but not a closing quote mark before a letter)."""
    return text.startswith(("'s", "’s"), e) or (
        text.startswith(("'", "’"), e) and not text[e + 1:e + 2].isalpha())


_LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def _in_title_case_line(text: str, pos: int) -> bool:
    """True inside a short headline line such as "Tillerson Arrives in Beijing Amid Rift"."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line) > 160 or re.search(r"[.!?][ \t]+[A-Z]", line) or \
            line.rstrip().endswith((".", "!", "?", "”", '"')):
        return False    # sentences, not headlines
    words = _LONG_WORD_RE.findall(line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _role(text: str, s: int, e: int, place: Place) -> str:
    if _possessive(text, e):
        return "mention"
    if (s > 0 and text[s - 1] == "-") or (text[e:e + 1] == "-" and text[e + 1:e + 2].isalpha()):
        return "mention"    # "US-China ties", "Washington-Pyongyang confrontation"
    if _FACILITY_RE.match(text, e):
        return "mention"    # "at La Paz hospital (in Madrid)": the hospital's name, not the city
    if is_dateline(text, s, e) or location_context(text, s, place.kind):
        return "location"
    if place.actor and is_actor(text, s, e):
        return "actor"
    return "mention"


def resolve(text: str, hits: list[_Hit], gaz) -> list[PlaceMention | None]:
    """Pick each hit's reading with the article's context; drop unsupported small places."""
    for h in hits:
        h.key = normalize_name(text[h.start:h.end])
    ctx = Context(hits)
    repeated = _repeated(text, hits)
    chosen: dict[str, Place] = {}      # one sense per article: surface key -> place
    ordered = sorted((h for h in hits if h.readings),
                     key=lambda h: (not unambiguous(h), not h.supported, h.start))
    for h in ordered:                  # unambiguous and cued names first: they set the scene
        key = normalize_name(text[h.start:h.end])
        if h.qualifier is None and key in chosen:
            h.chosen = chosen[key]
            continue
        place = ctx.best(h.readings, h.qualifier, h.key)
        if not (place.strong or h.supported or (_nearby(ctx, h.readings) and h.key not in WEAK_ONLY) or
                _known_without_cue(text, h, place, repeated)):
            continue
        h.chosen = place
        chosen.setdefault(key, place)
        ctx.add(place, anchor=unambiguous(h) or h.supported)
    _second_look(text, ordered)
    anchor = next((h.chosen for h in hits if h.chosen is not None and h.role == "location"
                   and h.chosen.kind in ("city", "region") and not h.chosen.vague), None)
    return [_mention(text, h, anchor) for h in hits]


def _second_look(text: str, hits: list[_Hit]) -> None:
    """Re-pick each ambiguous name with the whole article as context (its own vote removed):
    "Richmond ... Twickenham" is Richmond, London even when Twickenham comes later."""
    ctx = Context(hits)
    for h in hits:
        if h.chosen is not None:
            ctx.add(h.chosen, anchor=True)
    picks: dict[str, Place] = {}
    by_key: dict[str, list[_Hit]] = {}
    for h in hits:
        if h.chosen is not None:
            by_key.setdefault(normalize_name(text[h.start:h.end]), []).append(h)
    peers = _listed_peers(text, hits)
    for h in hits:
        if h.chosen is None or len(h.readings) < 2 or h.feature == "demonym":
            continue
        key = normalize_name(text[h.start:h.end])
        if key not in picks or h.qualifier or h.start in peers:
            same = by_key.get(key, [])     # every mention of the name, so none votes for itself
            for other in same:
                ctx.add(other.chosen, True, sign=-1)
            picks[key] = ctx.best(h.readings, h.qualifier, key, peers.get(h.start, ""))
            for other in same:
                ctx.add(other.chosen, True)
        if picks[key] in h.readings and (picks[key].strong or h.supported or h.chosen is picks[key]
                                         or ctx.near(picks[key], _SUPPORT_KM)):
            h.chosen = picks[key]


def _listed_peers(text: str, hits: list[_Hit]) -> dict[int, str]:
    """start -> the feature its list neighbours share: in "Missouri, New York and North
    Carolina" New York is a state; in "Paris, London and Rome", a city."""
    ordered = sorted((h for h in hits if h.chosen is not None), key=lambda h: h.start)
    out: dict[int, str] = {}
    for a, b in zip(ordered, ordered[1:]):
        if not _COORDINATION_RE.fullmatch(text, a.end, b.start):
            continue
        for this, other in ((a, b), (b, a)):
            if len(other.readings) == 1 or unambiguous(other):
                out.setdefault(this.start, other.chosen.feature)
    return out


def _known_without_cue(text: str, h: _Hit, place: Place, repeated: set[str]) -> bool:
    """A town named twice, or a city of 100,000 mid-sentence, is a place even without "in"
    (not an alternate name, not a common word such as "Nice" or "Mobile")."""
    if place.alternate or normalize_name(text[h.start:h.end]) in WEAK_ONLY:
        return False
    if text[h.start:h.end] in repeated and place.population >= 5000:
        return True
    return place.population >= 100_000 and not _sentence_initial(text, h.start)


def _nearby(ctx: Context, readings) -> bool:
    """A reading a few dozen km from the article's places, or in a state it names twice."""
    return any(ctx.near(p, _SUPPORT_KM) or (p.admin1 and ctx.admin1.get(p.admin1, 0) >= 2)
               for p in readings[:5] if not p.alternate)


def _mention(text: str, h: _Hit, anchor: Place | None) -> PlaceMention | None:
    surface = text[h.start:h.end]
    if h.feature == "street":
        if anchor is None:
            return None     # a street with no town named: no honest point
        return PlaceMention(h.start, h.end, surface, surface, anchor.lat, anchor.lon, "site", h.role,
                            feature="street", country=anchor.country)
    p = h.chosen
    if p is None:
        return None
    role = h.role
    if h.feature == "demonym":
        role = "actor" if role == "actor" else "mention"
    return PlaceMention(h.start, h.end, surface, p.name, p.lat, p.lon, p.kind, role,
                        p.capital if p.kind == "country" else None, p.vague, p.geonameid,
                        h.feature or p.feature, p.country, p.admin1)


def _repeated(text: str, hits: list[_Hit]) -> set[str]:
    """Names met at least twice mid-sentence: an article that keeps naming a town is about it."""
    seen: Counter = Counter()
    for h in hits:
        if h.readings and h.start > 0 and text[h.start - 1] in " \t\xa0(\"“" and not _sentence_initial(text, h.start):
            seen[text[h.start:h.end]] += 1
    return {name for name, n in seen.items() if n >= 2}


def _sentence_initial(text: str, s: int) -> bool:
    head = text[max(0, s - 3):s].rstrip(" \t\xa0\"“‘'(")
    return not head or head[-1] in ".!?:\n"


def toponym_kind(p: PlaceMention) -> str:
    """The public ``kind`` of a toponym: "country", "admin", "city" or "other"."""
    if p.kind == "country":
        return "country"
    if p.feature in ("admin1", "admin2") or (p.feature == "demonym" and p.kind == "region"):
        return "admin"
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
