"""Is a capitalised place name part of a person's or an organisation's name? (``places.py``)

"Washington Post", "Gulf of Mexico", "Michael Jordan", "Maria do Carmo Silva" hold place
names that are not places; "Gainesville Police" and "the Florida Association of Realtors"
name a place's own bodies and keep it; "University of Sydney" names the place a body
serves (``in_body_name``: a toponym, but no place where anything happens). Also the article-
wide evidence used for that: surnames met in full, words the article writes in lower case.
"""
from __future__ import annotations

import re

from ._names import INITIALS_RE
from .lexicon import lexicon

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
province prefecture oblast governorate
elections election legislature legislative delegation health housing planning transit water
residents citizens voters neighbors neighbours""".split())
# A place preceded by one of these Title-case words is still a place.
_PLACE_ADJECTIVES = frozenset("""communist mainland red greater imperial soviet nationalist
southern northern eastern western central modern ancient north south east west upstate
downtown new old northeast northwest southeast southwest northeastern northwestern southeastern
southwestern suburban rural greater metro coastal
one two three four five six seven eight nine ten several many some all both few other local area
nearby former fellow neighboring neighbouring
the a an another every each this that these those our their his her its my your
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december""".split())
_SENTENCE_STARTERS = frozenset("""in at on from to for with and but both when while after
before since unlike like across inside outside near around throughout within into toward
towards neither either only even meanwhile the a an as if then also so yet or nor until
whereas although though because where via over under beyond against between among than
about despite during without through upon why how what who whom whose which will would
can could does did is are was were has have had should must may might not no""".split())

_KEYS: dict[str, str] = {}


_PREV_CAP_RE = re.compile(r"([A-Z][\w.]*)[ \t\xa0]$")
# "Gulf of Mexico", "Port of Spain", "Voice of America": the place is part of another name
_FEATURE_OF_RE = re.compile(r"\b(?:Voice|Port|Gulf|Bay|Sea|Straits?)\s+of\s+(?:the\s+)?$")
# "University of Cincinnati", "Bank of Canada": a body named for the place it serves
_BODY_OF_RE = re.compile(r"\b(?:University|College|School|Bank|Institute|Academy|Museum|Council|"
                         r"Center|Centre|Church|Department|Ministry|Bureau|Office|Board|Court|Chamber|"
                         r"Federation|Association|Society|Club)\s+of\s+(?:the\s+)?$")
_LONGEST_OF_WORD = len("Association")


def _of_search(pattern: re.Pattern, before: str):
    """``pattern.search(before)`` for _FEATURE_OF_RE or _BODY_OF_RE, started where their word
    can start: before the last "of" (nothing but spaces and "the" may follow theirs)."""
    i = before.rfind("of")
    if i < 0:
        return None
    return pattern.search(before, max(0, len(before[:i].rstrip()) - _LONGEST_OF_WORD))


def token_key(word: str) -> str:
    key = _KEYS.get(word)
    if key is None:
        key = word.replace("’", "'").replace(".", "").lower()
        if len(_KEYS) < 200_000:
            _KEYS[word] = key
    return key


COORDINATION_RE = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)(?:the[ \t]+)?")


OF_NAME_RE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
PERSON_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:said|says|told|added|explained|asked|noted|wrote|testified|argued|recalled|"
    r"who|whose)\b|,[ \t]*(?:\d{1,3}|who|whose)\b|['’]s?[ \t]+(?:wife|husband|son|daughter|mother|father|"
    r"family|attorney|lawyer|death|arrest|case|body|car|home)\b)")
# "Marvin F. Lane", "Gary Flores": the surname of a full name met anywhere in the article
# (the capital first, then the word boundary behind it: the engine skips to capitals in C)
_FULL_NAME_RE = re.compile(r"([A-Z](?<!\w.)[a-z]+)(?:[ \t][A-Z]\.)?[ \t]([A-Z][a-z]+)\b(?![ \t]*[A-Z])")


# "Mr. Jones", "Sgt. Lane"; and a name before a speech verb ("Turner said"), found from the
# verbs (few) backwards, not by trying every capitalised word
# (each title's first letter first, as a character class: the engine skips to those in C)
_TITLE_CUE_RE = re.compile(
    r"[MDSLCOJRG](?<!\w.)(?:(?<=M)(?:rs|r|s)|(?<=D)(?:r|et|eputy)|(?<=S)(?:gt|en)|(?<=L)t|"
    r"(?<=C)(?:apt|oach)|(?<=O)fficer|(?<=J)udge|(?<=R)ep|(?<=G)ov)\.?[ \t]+([A-Z][\w’']+)")
_SPEECH_VERBS = tuple("""said says told added explained asked noted wrote testified argued recalled
recalls believes thinks hopes wants""".split())


def _cued_names(text: str) -> set[str]:
    out = {m.group(1) for m in _TITLE_CUE_RE.finditer(text)}
    for verb in _SPEECH_VERBS:      # ``str.find`` per verb: far faster than a regex alternation
        i = text.find(verb)
        while i >= 0:
            end = i + len(verb)
            if i and text[i - 1] in " \t" and not (end < len(text) and _is_word_char(text[end])):
                _add_name_before(text, i, out)
            i = text.find(verb, end)
    return out


def _add_name_before(text: str, verb_at: int, out: set[str]) -> None:
    """The capitalised word right before the spaces before a speech verb ("Turner said")."""
    stop = verb_at
    while stop and text[stop - 1] in " \t":
        stop -= 1
    # the run of word characters and apostrophes ending there (at most 60 back), scanned
    # backwards: a regex search for it would try every one of the 60 positions
    start, limit = stop, max(0, stop - 60)
    while start > limit and (_is_word_char(text[start - 1]) or text[start - 1] in "’'"):
        start -= 1
    if start == stop:
        return
    # the first capital in the word run that starts a word ("Artagnan" of "d'Artagnan")
    for i in range(start, stop):
        if text[i].isupper() and text[i].isascii() and (i == 0 or not _is_word_char(text[i - 1])):
            if i + 1 < stop:
                out.add(text[i:stop])
            return


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


class Surnames:
    """``word in Surnames(...)``: is ``word`` one of the article's ``surnames``? The set is
    built on the first question that needs it: a word the article never writes after a
    capitalised word ("Gary Flores", "Mr. Flores", "F. Flores") or before a speech verb
    ("Flores said") cannot be in it, and most questions end there."""

    def __init__(self, text: str, gaz, lowered) -> None:
        self._text, self._gaz, self._lowered = text, gaz, lowered
        self._cued: set[str] | None = None
        self._answers: dict[str, bool] = {}     # an article asks about the same names again

    def __contains__(self, word: str) -> bool:
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = self._is_surname(word)
        return found

    def _is_surname(self, word: str) -> bool:
        text = self._text
        if not _may_be_surname(text, word):
            return False
        if self._cued is None:
            self._cued = _cued_names(text)
        if word in self._cued:
            return True
        # the full names ending in ``word``, found from its occurrences (a scan of the whole
        # article for every full name cost a tenth of place finding)
        if not _SURNAME_RE.fullmatch(word):
            return False
        i = text.find(word)
        while i >= 0:
            first = _first_name_before(text, i, i + len(word))
            if first is not None and _is_first_name(first, word, self._gaz, self._lowered):
                return True
            i = text.find(word, i + 1)
        return False


_SURNAME_RE = re.compile(r"[A-Z][a-z]+")
_INITIAL_BEFORE_RE = re.compile(r"[ \t][A-Z]\.[ \t]")


def _first_name_before(text: str, i: int, j: int) -> str | None:
    """The first name of the ``_FULL_NAME_RE`` match whose surname is ``text[i:j]``, if any
    ("Marvin" for "Kent" in "Marvin F. Kent"): the regex's tests, made from the surname back."""
    if not (i and text[i - 1] in " \t") or _WORD_CHAR_RE.match(text, j) or _CAPITAL_NEXT_RE.match(text, j):
        return None
    # with an initial between ("Marvin F. Kent") the first name can only end before it
    end = i - 4 if _INITIAL_BEFORE_RE.match(text, max(0, i - 4), i) and i >= 4 else i - 1
    start = end
    while start > 0 and "a" <= text[start - 1] <= "z":
        start -= 1
    capital = start - 1
    if start == end or capital < 0 or not "A" <= text[capital] <= "Z" or (
            capital > 0 and _WORD_CHAR_RE.match(text, capital - 1)):
        return None     # no capitalised word there, or one inside a word ("McDonald")
    return text[capital:end]


_WORD_CHAR_RE = re.compile(r"\w")
_CAPITAL_NEXT_RE = re.compile(r"[ \t]*[A-Z]")


def _is_first_name(first: str, last: str, gaz, lowered) -> bool:
    lower = first.lower()
    if lower in _SENTENCE_STARTERS or lower in _LOCAL_HEADS or lower in _PLACE_ADJECTIVES:
        return False    # "In Richmond", "County Durham": not a person
    if lower in lowered:
        return False    # "Rodeo Gainesville": the article writes "rodeo" as a word, not a first name
    key = token_key(first)
    # "Virginia Beach", "Rock Hill": a place's name, not a person's
    return not (any(p.strong for p in gaz.candidates(key)) or gaz.candidates(f"{key} {token_key(last)}"))


def _may_be_surname(text: str, word: str) -> bool:
    """Some occurrence of ``word`` follows a capitalised word or an initial (spaces between)
    or precedes a speech verb: a necessary condition for each way ``surnames`` finds one."""
    i = text.find(word)
    while i >= 0:
        if _capitalised_before(text, i) or _speech_verb_after(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


def _capitalised_before(text: str, i: int) -> bool:
    if not (i and text[i - 1] in " \t"):
        return False
    while i and text[i - 1] in " \t":
        i -= 1
    if i and text[i - 1] == ".":
        i -= 1
    j = i
    while j and _is_word_char(text[j - 1]):
        j -= 1
    return j < i and "A" <= text[j] <= "Z"


def _speech_verb_after(text: str, e: int) -> bool:
    if not (e < len(text) and text[e] in " \t"):
        return False
    while e < len(text) and text[e] in " \t":
        e += 1
    return text.startswith(_SPEECH_VERBS, e)


class LowerWords:
    """``word in LowerWords(text)``: does the article write ``word`` (lower case, three or
    more ASCII letters) as a word of its own? Answered per word asked, with a literal
    search (fast) and cached: collecting every lower-case word of the article up front
    took a tenth of place finding, and only a few words are ever asked about."""

    def __init__(self, text: str) -> None:
        self._text, self._seen = text, {}

    def __contains__(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            found = len(word) >= 3 and word.isascii() and word.isalpha() and word.islower() and \
                _stands_alone(self._text, word)
            self._seen[word] = found
        return found


def _stands_alone(text: str, word: str) -> bool:
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if not (i and _in_word(text[i - 1])) and not (j < len(text) and _in_word(text[j])):
            return True
        i = text.find(word, i + 1)
    return False


def _in_word(c: str) -> bool:
    return c.isalnum() or c in "_'’"


def lowercase_words(text: str) -> LowerWords:
    return LowerWords(text)


def surnames(text: str, gaz, lowered=frozenset()) -> frozenset[str]:
    """Words the article uses as people's names: surnames of full names ("Marvin F. Lane")
    and names with a title or a speech verb ("Mr. Jones", "Turner said")."""
    out = _cued_names(text)
    for m in _FULL_NAME_RE.finditer(text):
        first, last = m.groups()
        if last not in out and _is_first_name(first, last, gaz, lowered):
            out.add(last)
    return frozenset(out)


_NOT_A_BODY = frozenset("""state tech times post journal herald tribune daily news gazette telegraph
chronicle globe mail star sun observer examiner courier press review record inquirer standard
express mirror guardian independent today weekly magazine radio tv television airlines airways
cowboys rangers giants""".split())


def _modifier_of_body(text: str, e: int, word: str, city: bool = False) -> bool:
    """True when the capitalised words after a place start a body named after it."""
    word = word.rstrip("'’s").lower()
    if word in _NOT_A_BODY or word in lexicon().media_heads:
        return False
    chain = _CHAIN_AFTER_RE.match(text, e)
    tail = chain.group(1).split() if chain else []
    if any(w.lower() in _NOT_A_BODY for w in tail):
        return False
    # "Georgia Smith said", "Kobe Bryant died", "Jordan Peterson, 45,": a person, not a body
    return not (chain and len(tail) == 1 and tail[0].lower() not in _LOCAL_HEADS and (
        PERSON_AFTER_RE.match(text, chain.end()) or (city and _LOWER_NEXT_RE.match(text, chain.end()))))


_LOWER_NEXT_RE = re.compile(r"[ \t]+(?!of\b|and\b|or\b)[a-z]")


_CHAIN_AFTER_RE = re.compile(r"((?:[ \t][A-Z][\w'’&-]*){1,5})")


def in_body_name(text: str, s: int) -> bool:
    """"University of Cincinnati", "Bank of Canada": the place names the body it serves. The
    name is a toponym of the text (annotators count it) but no place where anything happens."""
    return text.find(" of ", max(0, s - 24), s) >= 0 and bool(_of_search(_BODY_OF_RE, text[max(0, s - 60):s]))


def part_of_other_name(text: str, s: int, e: int, single: bool, demonym: bool = False,
                       strong: bool = False, city: bool = False, people: bool = False,
                       body_ok: bool = False) -> bool:
    """True for "Washington Post", "Gulf of Mexico", "President Jordan", "Joe Jordan" (but
    not for "Gainesville Police Officer": a place's own institutions name the place); for
    "University of Sydney" too unless ``body_ok`` (see ``in_body_name``)."""
    before = text[max(0, s - 60):s]
    if text.find(" of ", max(0, s - 24), s) >= 0 and (_of_search(_FEATURE_OF_RE, before) or
                                   (not body_ok and _of_search(_BODY_OF_RE, before))):
        return True
    if single and text[e + 1:e + 2] in _PARTICLE_INITIALS and _PARTICLE_NAME_RE.match(text, e):
        return True     # "Maria do Carmo Silva", "Ursula von der Leyen"
    prev = _PREV_CAP_RE.search(before, max(0, len(before) - 30))
    if prev and single and prev[1].rstrip(".").lower() in _TITLES:
        return True
    if prev and single and prev[1] in ("By", "BY") and not before[:prev.start()].strip(" \t\xa0").endswith(
            tuple("abcdefghijklmnopqrstuvwxyz,")):
        return True     # a byline: "BY CHAD KLIMACK", "By Jordan Smith"
    after = _WORD_AFTER_RE.match(text, e, e + 30) if text[e + 1:e + 2] in _ASCII_CAPITALS else None
    heads = _DESCRIPTORS if demonym else _LOCAL_HEADS
    adjacent = (after and after[1].lower() not in heads) or (prev and single)
    if not adjacent or in_title_case_line(text, s):
        return False    # headlines capitalise every word: adjacency says nothing there
    if after and after[1].lower() not in heads:
        # a major place names its own bodies ("Florida Association of Realtors", "Kentucky
        # Workforce Cabinet") but not a newspaper, a team or a person ("Washington Post",
        # "Michigan State", "Georgia Smith")
        return not (strong and _modifier_of_body(text, e, after[1], city))
    word = prev[1].rstrip(".").lower()
    if _INITIAL_RE.fullmatch(prev[1]) and single:
        return True     # "Robert F. Kennedy": a middle initial
    if prev[1].endswith(".") and not INITIALS_RE.fullmatch(prev[1]):
        return False    # "... in Lincoln. Washington state": a sentence ended before
    if word in _PLACE_ADJECTIVES or (prev[1].isupper() and text[s:e].isupper()) or prev[1] in ("U.S.", "US"):
        return False    # "BEIJING, CHINA", "U.S. Virginia": not a name
    head = before[:prev.start()].rstrip().rstrip("\"“‘'(").rstrip()
    if head[-2:-1] in ".!?" and head[-1:] in "”’\"'":
        head = head[:-1]    # 'near Gori.” A Russian officer': the quotation closed a sentence
    if head and head[-1] not in ".!?:\n":
        return True     # a capitalised word mid-sentence: "Michael Jordan", "Global Times"
    # sentence-initial: "In Jordan" and "Visiting Jordan" are places, "Michael Jordan" is not;
    # a people's name is no surname ("Rival Palestinian families", "Several Russian jets")
    # ("United Russia" is a party: "-ed" words otherwise lead into a place, "Visited Jordan")
    return word == "united" or not (people or word in _SENTENCE_STARTERS or word.endswith(("ing", "ed", "ly")))


_WORD_AFTER_RE = re.compile(r"[ \xa0]([A-Z][a-z]+(?:['’]s)?)\b")
_INITIAL_RE = re.compile(r"[A-Z]\.")
_SENTENCE_END_RE = re.compile(r"[.!?][ \t]+[A-Z]")
_PARTICLE_NAME_RE = re.compile(r"[ \t](?:de|da|do|dos|das|di|del|della|du|van|von|der|den|bin|ibn|al|el|la|le)"
                               r"(?:[ \t](?:der|den|la|los|las))?[ \t][A-Z][a-z]")
# The second character each of these patterns needs (after the space): tested first, a
# fraction of a regex call, as most names are followed by no particle, no capital
_PARTICLE_INITIALS = frozenset("dvbiael")
_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")      # _WORD_AFTER_RE


def possessive(text: str, e: int) -> bool:
    """"China's", "the U.S.' commitment" (but not a closing quote mark before a letter)."""
    return text.startswith(("'s", "’s"), e) or (
        text.startswith(("'", "’"), e) and not text[e + 1:e + 2].isalpha())


_LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")


def in_title_case_line(text: str, pos: int) -> bool:
    """True inside a short headline line such as "Tillerson Arrives in Beijing Amid Rift"."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line) > 160 or _SENTENCE_END_RE.search(line) or \
            line.rstrip().endswith((".", "!", "?", "”", '"')):
        return False    # sentences, not headlines
    words = _LONG_WORD_RE.findall(line)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
