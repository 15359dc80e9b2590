"""Sentence context that decides a place mention's role (see ``places.py``).

Plain regular expressions over the few words around a mention: no parser, so
these are heuristics tuned on wire-style English and covered by tests.
"""
from __future__ import annotations

import re

# --- location: "in Seoul", "at the lakeside Diaoyutai ...", "traveled to Beijing"
_MODIFIERS = (r"lakeside|west|east|north|south|western|eastern|northern|southern|central|"
              r"downtown|nearby|neighbou?ring|restive|disputed|capital|city\s+of|town\s+of|"
              r"southwestern|southeastern|northwestern|northeastern|coastal|border\s+city\s+of|"
              # "in the Saudi city of Jeddah", "from low-lying areas of Porto Alegre"
              r"(?:[\w-]+\s+)?(?:city|cities|towns?|villages?|port|provinces?|states?|regions?|districts?|islands?|areas?|"
              r"parts?|outskirts|streets|suburbs?|cent(?:re|er)|heart)\s+of|"
              # "in the hills above Viña del Mar", "in the mountains outside Kabul"
              r"(?:hills|mountains|slopes|forests?|valleys?|countryside)\s+(?:above|around|near|outside|beyond|behind)")
# "an earthquake struck Surigao del Sur", "the typhoon battered Luzon": where it happened
_IMPACT_WORDS = ("struck", "strikes", "hit", "hits", "rocked", "battered", "devastated", "ravaged",
                 "jolted", "lashed", "pounded", "flooded")
_PREPOSITIONS = ("in", "at", "inside", "outside", "near", "across", "throughout", "around", "within",
                 "on", "to", "into", "toward", "towards", "from", "over", "via", "through", "visit",
                 "visits", "visited", "visiting", "toured", "touring") + _IMPACT_WORDS
_PREP_BEFORE_RE = re.compile(
    rf"(?i:\b(?P<prep>{'|'.join(_PREPOSITIONS)})\s+"
    rf"(?:(?:the|a|an)\s+)?(?:(?:{_MODIFIERS})\s+){{0,2}})$")
_PREP_WORDS = frozenset(_PREPOSITIONS)
# The word right before a name that _PREP_BEFORE_RE can end with: a preposition, an article or
# a modifier's last word ("in the city of", "outside"). Any other word: no match, no search.
_LAST_WORDS = _PREP_WORDS | frozenset(re.findall(r"[a-z]+", _MODIFIERS)) | frozenset(
    "the a an neighboring neighbouring".split())
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_NOT_LOCATION_RE = re.compile(r"(?i:\b(?:rein|interest|interests|confidence|trust|role|part)\s+$)")
_LONGEST_NOT_LOCATION = len("confidence")
_MOTION_RE = re.compile(
    r"(?i:\b(?:travel\w*|trip|trips|visit\w*|flew|fly|flying|flies|went|go|goes|going|came|"
    r"come|comes|coming|return\w*|head\w*|moved?|sail\w*|deployed|sent|send|journey\w*|tour\w*|"
    r"way|route|back|arriv\w*|fled|flee\w*|launched|fired|drove|driven|walked|crossed|"
    r"delegation|mission|transferred|shipped|exported|evacuat\w*|rescued|displaced|discharg\w*|"
    r"released|withdr[ae]w\w*|expelled|deported)\b)")
_REPORTING_RE = re.compile(
    r"(?i:\b(?:report\w*|contribut\w*|wrote|writ\w*|speak\w*|spoke|filed|dispatch\w*|"
    r"correspondent|staff\s+writer)\b)")
# words spoken from a place: "said in a televised address from the Chilean capital"
_SPOKEN_FROM_RE = re.compile(r"(?i:\b(?:address|speech|remarks|statement|broadcast|message|interview|"
                             r"briefing|conference)\s*)$")
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+(?=[A-Z“\"‘'])|\n")


def _sentence_before(text: str, s: int, limit: int = 200) -> str:
    window = text[max(0, s - limit):s]
    breaks = list(_SENTENCE_BREAK_RE.finditer(window))
    return window[breaks[-1].end():] if breaks else window


# The forms that say a name is a place, by how they end ("of", "from", a comma, a hyphen):
# named_as_place searches only those that can end the text before the name.
_NAMED_OF = (
    r"(?i:\b(?:city|town|village|county|state|province|borough|township)\s+of\s+)$"
    # "Robin Garcia, 32, of Columbus", "formerly of Augusta", "a native of Erie"
    # "Michael Durr, of Trenton", "John Smith Sr. of Lititz", "Pack 136 of Madison"
    r"|(?:\d{1,3},|\b(?:formerly|both|all|native|resident|residents|natives))\s+of\s+$"
    r"|[a-z],[ \t]+of[ \t]+$|\b(?:Sr|Jr)\.?,?[ \t]+of[ \t]+$|\b\d{1,4}[ \t]+of[ \t]+$")
_NAMED_FROM = (
    # "Alan, 79, from Barton", "Troop 149 from Bloomfield", "a Republican from Florence",
    # "a student from Paris"
    r"\d{1,3},\s+from\s+$|\b\d{1,4}[ \t]+from[ \t]+$"
    r"|\b(?:man|woman|boy|girl|teen|teenager|couple|family|resident|native|student|"
    r"Republican|Democrat|lawmaker|senator|native)\s+from\s+$")
_NAMED_COMMA = r"[a-z],[ \t]*\d{1,3},[ \t]+$"      # "Joyce Glover, 22, Palestine,"
_NAMED_HYPHEN = r"\b(?:[DRI]|DFL)-$"                # "D-Charleston", "DFL-Cook"
_CITY_OF_RE = re.compile("|".join((_NAMED_OF, _NAMED_FROM, _NAMED_COMMA, _NAMED_HYPHEN)))
_NAMED_OF_RE, _NAMED_FROM_RE, _NAMED_COMMA_RE, _NAMED_HYPHEN_RE = (
    re.compile(form) for form in (_NAMED_OF, _NAMED_FROM, _NAMED_COMMA, _NAMED_HYPHEN))


def named_as_place(text: str, s: int) -> bool:
    """"the city of Sevierville", "32, of Columbus": the text says it is a place."""
    lo = max(0, s - 24)
    if text.endswith("-", 0, s):
        return bool(_NAMED_HYPHEN_RE.search(text, lo, s))
    tail = text[max(0, s - 8):s].rstrip()
    if not tail:    # a run of spaces: every form may end the text before it
        return bool(_CITY_OF_RE.search(text, lo, s))
    if tail.endswith(","):
        return bool(_NAMED_COMMA_RE.search(text, lo, s))
    last = tail[-4:].lower()
    if last.endswith("of"):
        return bool(_NAMED_OF_RE.search(text, lo, s))
    if last.endswith("from"):
        return bool(_NAMED_FROM_RE.search(text, lo, s))
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ASCII_LOWER = frozenset(_LETTERS)
# What usually lies between a word and a name (none of it a-z): stripped in C first
_SPACING = " \t\n\xa0\"'“”‘’(),.;:-–—!?"


def _last_word(lowered: str) -> tuple[int, str]:
    """(start, the last run of a-z letters; "" if none): usually a few characters back
    (``str.rstrip`` steps over them in C; a loop is left for rarer characters)."""
    j = len(lowered.rstrip(_SPACING))
    while j and lowered[j - 1] not in _ASCII_LOWER:
        j -= 1
    i = len(lowered[:j].rstrip(_LETTERS))
    return i, lowered[i:j]


_ANY_CASE_WORD_RE = re.compile(r"(?i:[a-z]+)")
_ARTICLES = frozenset(("the", "a", "an"))
# Prepositions that also end a modifier ("in the hills near"): a match may start before them
_MODIFIER_ENDS = frozenset(re.findall(r"[a-z]+", _MODIFIERS)) & _PREP_WORDS


def _prep_before(before: str, lowered: str, last_at: int, last: str):
    """``_PREP_BEFORE_RE.search(before)``, tried only where a preposition starts: the
    leftmost match starts at one, and a search would try all 80 positions. When the last
    word (``last``, at ``last_at``) is a preposition that ends no modifier, a match can only
    start there; when it is an article, only at the word before it ("in the")."""
    if last in _PREP_WORDS and last not in _MODIFIER_ENDS:
        return _PREP_BEFORE_RE.match(before, last_at)
    if last in _ARTICLES:
        prev_at, prev = _last_word(lowered[:last_at])
        return _PREP_BEFORE_RE.match(before, prev_at) if prev in _PREP_WORDS else None
    for w in _ANY_CASE_WORD_RE.finditer(before):
        if w.group().lower() in _PREP_WORDS:
            m = _PREP_BEFORE_RE.match(before, w.start())
            if m:
                return m
    return None


def location_context(text: str, s: int, kind: str) -> bool:
    """True when the words before a mention place an event there."""
    before = text[max(0, s - 80):s]
    lowered = before.lower()
    last_at, last = _last_word(lowered)
    if last not in _LAST_WORDS or (last not in _PREP_WORDS and
                                   _PREP_WORDS.isdisjoint(_LOWER_WORD_RE.findall(lowered))):
        return False   # cheap tests first: most mentions have no preposition right before them
    if len(lowered) != len(before):
        last = ""       # lower-casing moved the offsets ("İ"): no shortcut
    m = _prep_before(before, lowered, last_at, last)
    if not m:
        return False
    prep = m["prep"].lower()
    head = before[:m.start()]
    if prep in ("in", "at", "inside", "outside", "near", "across", "throughout", "around",
                "within"):
        # (started at the last word: the search would try every position of the head)
        return not _NOT_LOCATION_RE.search(head, max(0, len(head.rstrip()) - _LONGEST_NOT_LOCATION))
    if prep == "on":
        return kind == "region"
    if prep.startswith(("visit", "tour")):
        return True     # "is visiting China", "toured Seoul"
    if prep in _IMPACT_WORDS:
        return kind != "country" or not head.rstrip().lower().endswith(("sanctions", "tariffs"))
    words_before = " ".join(head.split()[-3:])
    if re.fullmatch(r"(?i:.*(?:,|\band|\bthen))\s*", head[-12:]):
        words_before = _sentence_before(text, s - len(before) + m.start())   # ", then to Seoul"
    if prep == "from":
        prep_at = s - len(before) + m.start()
        return bool(_REPORTING_RE.search(_sentence_before(text, prep_at)) or
                    _MOTION_RE.search(" ".join(head.split()[-6:])) or   # "evacuated 900 people from"
                    _SPOKEN_FROM_RE.search(head, max(0, len(head) - 30)))   # "a televised address from"
    return bool(_MOTION_RE.search(words_before))     # to/into/toward/over/via


# --- actor: subject of a verb ("China dismissed", "Beijing, however, has been irked")
_SUBJECT_START_RE = re.compile(
    r"(?:^|[.!?:;,]\s*[\"“‘']?|\n\s*|[\"“‘']|\s[-–—]{1,2}\s+|\b(?i:both)\s+|"
    r",\s*(?i:and|or)\s+|"
    r"\b(?i:but|that|while|as|because|if|when|though|although|so|where|whereas|since|until|"
    r"unless|then|however|yet)\s+)"
    r"(?:(?i:the|both|even|only|also)\s+)?$")
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ADVERBS = (r"also|still|now|already|again|however|too|itself|then|once|repeatedly|recently|"
            r"reportedly|officially|increasingly|largely|especially|long|never|not|always|"
            r"quickly|publicly|previously|even|only|just|finally|strongly|apparently|"
            r"particularly|clearly|firmly|initially|swiftly|privately|openly|so\s+far")
_SKIP = (rf"(?:[ \t]*,[^,.;\n]{{1,80}}?,|\s+(?:on\s+)?{_WEEKDAYS}|\s+(?i:today|yesterday)|"
         rf"\s+(?:last|this|earlier\s+this|later\s+this)\s+(?:week|month|year)|"
         rf"\s+(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w.’']*\s+){{0,2}}[A-Z][\w.]*|"
         rf"\s+(?:{_ADVERBS}))*")
_VERB_S = (r"says|claims|sees|regards|views|wants|needs|believes|insists|denies|rejects|"
           r"accuses|urges|warns|plans|hopes|fears|remains|continues|seeks|considers|argues|"
           r"appears|seems|agrees|opposes|supports|faces|makes|takes|gives|holds|keeps|calls|"
           r"tells|expects|tries|uses|threatens|refuses|demands|announces|maintains|controls|"
           r"intends|denounces|condemns|dismisses|welcomes|knows|thinks|feels|wins|loses|leads|"
           r"lacks|sends|pushes|cautions|strikes|bars|launches|fires|tests|conducts|imposes|"
           r"backs|blames|criticizes|criticises|protests|responds|vows|pledges|shares|"
           r"objects|suspects|worries|reports|confirms|signals|proposes|offers|provides|"
           # irregular past tenses
           r"took|made|said|told|gave|sent|held|met|saw|began|became|came|went|got|kept|left|"
           r"led|lost|paid|put|ran|set|spoke|stood|struck|thought|threw|won|wrote|sought|"
           r"brought|bought|fought|felt|found|knew|meant|withdrew|drew|hit|cut|let|rose|fell|"
           r"broke|chose|drove|flew|froze|hid|shook|swore|tore|built|spent|forced|beat|bore|"
           r"overtook|undertook|understood|upheld|withheld|sold|shot|slid|split|spread|sank")
_VERB_AFTER_RE = re.compile(
    rf"{_SKIP}\s+[\"“]?(?:is|are|was|were|has|have|had|will|would|can|cannot|could|may|might|"
    rf"must|should|shall|does|did|do|(?:does|did|is|was|has|have|had|wo|ca|could|would)n['’]t|"
    rf"[a-z]+ed|{_VERB_S})\b")


def is_actor(text: str, s: int, e: int) -> bool:
    """True when the mention is the subject of the verb that follows it."""
    if not _SUBJECT_START_RE.search(text, max(0, s - 40), s):
        return False
    return _VERB_AFTER_RE.match(text, e, min(len(text), e + 200)) is not None
