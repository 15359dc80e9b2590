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
from dataclasses import dataclass

from ._placecontext import is_actor, is_dateline, location_context
from .gazetteer import Place, get_gazetteer

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
# A place preceded by one of these Title-case words is still a place.
_PLACE_ADJECTIVES = frozenset("""communist mainland red greater imperial soviet nationalist
southern northern eastern western central modern ancient north south east west upstate
downtown new old""".split())
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
                        r"Center|Centre|Voice|Port|Gulf|Bay|Sea|Straits?)\s+of\s+(?:the\s+)?$")


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]`` (offsets index ``text``).

    Only capitalised words can start a name, so one regex pass finds those and the
    gazetteer dicts are probed from each (the rest of the text is never tokenised)."""
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, min(start, hi))
    gaz = get_gazetteer()
    found: list[PlaceMention] = []
    resume = lo
    for m in _START_RE.finditer(text, lo, hi):
        if m.start() < resume or not m.group()[0].isupper():
            continue
        match = _longest_match(text, m, hi, gaz)
        if match is None:
            continue
        e, place, single = match
        mention = _accept(text, m.start(), e, place, single=single, prev=found[-1] if found else None)
        if mention is not None:
            found.append(mention)
        resume = e
    return found


_KEYS: dict[str, str] = {}


def _token_key(word: str) -> str:
    key = _KEYS.get(word)
    if key is None:
        key = word.replace("’", "'").replace(".", "").lower()
        if len(_KEYS) < 200_000:
            _KEYS[word] = key
    return key


def _longest_match(text, first, hi, gaz) -> tuple[int, Place, bool] | None:
    """(end, place, single word) of the longest gazetteer name starting at token ``first``."""
    best = None
    key = _token_key(first.group())
    pos, words = first.end(), 1
    while True:
        place = gaz.places.get(key)
        if place is not None:
            best = (pos, place, words == 1)
        if words >= gaz.max_words or key not in gaz.prefixes:
            break
        join = _JOIN_RE.match(text, pos, hi)
        token = _TOKEN_RE.match(text, join.end(), hi) if join else None
        if token is None:
            break
        key = f"{key} {_token_key(token.group())}"
        pos, words = token.end(), words + 1
    return best


_COORDINATION_RE = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)(?:the[ \t]+)?")


def _accept(text: str, s: int, e: int, place: Place, single: bool,
            prev: PlaceMention | None) -> PlaceMention | None:
    surface = text[s:e]
    letters = surface.replace(".", "").replace(" ", "")
    if len(letters) <= 3 and not letters.isupper():
        return None     # "Us", "Of": short names only as acronyms ("US", "UK")
    if _part_of_other_name(text, s, e, single):
        return None
    role = "mention" if place.vague else _role(text, s, e, place)
    if role == "mention" and not place.vague and prev is not None and prev.role != "mention" and \
            _COORDINATION_RE.fullmatch(text, prev.end, s) and not _possessive(text, e):
        # "from London and Hong Kong", "Washington and Seoul are trying"
        role = prev.role if prev.role == "location" or place.actor else "mention"
    if not place.strong and role != "location":
        return None     # small towns named "Summit" or "Most" need "in ..." to count
    return PlaceMention(s, e, surface, place.name, place.lat, place.lon, place.kind, role,
                        place.capital if place.kind == "country" else None, place.vague)


def _part_of_other_name(text: str, s: int, e: int, single: bool) -> bool:
    """True for "Washington Post", "University of Sydney", "President Jordan", "Joe Jordan"."""
    before = text[max(0, s - 60):s]
    if " of " in before[-24:] and _ORG_OF_RE.search(before):
        return True
    prev = _PREV_CAP_RE.search(before, max(0, len(before) - 30))
    if prev and single and prev[1].rstrip(".").lower() in _TITLES:
        return True
    after = re.match(r"[ \xa0]([A-Z][a-z]+)\b", text[e:e + 30])
    adjacent = (after and after[1].lower() not in _DESCRIPTORS) or (prev and single)
    if not adjacent or _in_title_case_line(text, s):
        return False    # headlines capitalise every word: adjacency says nothing there
    if after and after[1].lower() not in _DESCRIPTORS:
        return True
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
