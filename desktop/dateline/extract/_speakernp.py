"""The noun phrase that speaks when no name does: "The administration said", "several
friends said", "police said", "..., said one former senior agency official."

Such a speaker is kept as its own words (an anonymous or described source), never resolved
to a name it does not give. Pure functions on the text, used by statements.py.
"""
from __future__ import annotations

import re

from ._mention import GROUP, MEDIA, ORG

_WORD_RE = re.compile(r"[\w.’'%$\-]+")
_BOUNDARY_RE = re.compile(r"[,;:()“”\"]|\s[—–]\s|\s--\s|[—–]")
# words that cannot be inside a subject noun phrase: verbs, clause words
_NOT_IN_NP = frozenset("""
that which who whom whose when where while because if as but although though unless whether
is are was were be been being do does did will would can could should may might must not
and or than said says told say tells added adds
""".split())
_AUXILIARIES = frozenset("""
has have had also later previously then recently repeatedly once again publicly privately first
quickly initially separately already often frequently earlier now simply flatly reportedly
further yesterday today tonight subsequently immediately officially formally allegedly apparently
similarly likewise too still never always ultimately eventually finally
""".split())
# a phrase cannot end with these: "Trump repeated his [claim]", "The [reports use]" -- the
# speech word is a noun there, not a verb with a subject before it
_DETERMINER_ENDS = frozenset(
    "a an the his her their its our my your this these those".split())
_LEADING_FILLERS = frozenset("""but and yet still however meanwhile now so also then instead while whereas
maybe perhaps afterwards afterward thus hence therefore moreover furthermore additionally""".split())
_PREPOSITIONS = frozenset("""
in on at to for with by from of about after before during since until into over under
like among between through without within against despite as
""".split())
_ARTICLES = frozenset("a an the".split())
_NP_STARTERS = frozenset("""
a an the one two three four five six seven eight nine ten some several many most other others few
both all each another his her their its our this these those my your no none half
""".split())
_MAX_WORDS = 10
_APPROX = frozenset("about nearly almost roughly around over".split())   # "About three in 10 said"
_NUMBER_RE = re.compile(r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|half|a)$", re.I)
_PLURAL_RE = re.compile(r"[a-z]{3,}[^s]s$")   # "opponents", "critics" (not "this", "press")


def subject_phrase(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase right before a speech verb, back to the previous
    punctuation, or None when the words there are not a plausible subject. An aside between
    commas is passed over: "Democratic economists, like their Republican counterparts, say"."""
    marks = list(_BOUNDARY_RE.finditer(text, lo, verb_start))
    seg = marks[-1].end() if marks else lo
    found = _phrase_before(text, seg, verb_start)
    if found is None and len(marks) >= 2 and marks[-1].group(0) == marks[-2].group(0) == "," and \
            text[marks[-1].end():verb_start].strip() == "":
        aside = _WORD_RE.search(text, marks[-2].end(), marks[-1].start())
        if aside and aside.group(0).lower() in _ASIDE_STARTERS:
            start = marks[-3].end() if len(marks) >= 3 else lo
            found = _phrase_before(text, start, marks[-2].start())
    return found


# words opening an aside between a subject and its verb: ", including Trump,", ", for instance,"
_ASIDE_STARTERS = _PREPOSITIONS | frozenset("including especially notably however too meanwhile instead".split())


def _phrase_before(text: str, seg: int, verb_start: int) -> tuple[int, int] | None:
    words = list(_WORD_RE.finditer(text, seg, verb_start))
    while words and words[-1].group(0) in _AUXILIARIES:     # lower case: not "USA Today"
        words.pop()
    while words and words[0].group(0).lower() in _LEADING_FILLERS:
        words.pop(0)
    if not 1 <= len(words) <= _MAX_WORDS:
        return None
    first = words[0].group(0)
    quantified = len(words) > 1 and first.lower() in _APPROX and _NUMBER_RE.match(words[1].group(0))
    if first.lower() in _PREPOSITIONS and not quantified or any(w.group(0).lower() in _NOT_IN_NP for w in words):
        return None
    if not (first.lower() in _NP_STARTERS or first[0].isupper() or first[0].isdigit()
            or len(words) == 1 and (_PERSON_HEADS.match(first) or _PLURAL_RE.match(first))):
        return None   # "..., police said.", "opponents say"
    last = words[-1].group(0)
    if last.lower() in _DETERMINER_ENDS:
        return None
    if last.lower() in _PREPOSITIONS or last.endswith("ing") or last.endswith("ly") and len(words) == 1:
        return None   # "Speaking to reporters, ...", "flatly": not a noun phrase's head
    return words[0].start(), words[-1].end()


_DASH_RE = re.compile(r"\s[—–-]{1,2}\s")
_PHRASE_RE = re.compile(r"(?:[^,;.“”\"()]|\.(?=[ \xa0]?[A-Z]\.)|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|St))\.)+")


def phrase_after(text: str, pos: int, hi: int, cut: bool = False) -> tuple[int, int] | None:
    """The noun phrase right after an inverted speech verb (", said one longtime friend."):
    up to the next comma or the sentence end. ``cut``: stop before a clause word ("people
    who attended" -> "people") instead of rejecting the phrase."""
    m = _PHRASE_RE.match(text, pos, hi)
    if not m:
        return None
    words = list(_WORD_RE.finditer(text, m.start(), m.end()))
    if cut:   # "according to a poll of 400 registered voters released on Friday by ...": its start
        dash = _DASH_RE.search(text, m.start(), m.end())
        stop = next((i for i, w in enumerate(words) if w.group(0).lower() in _NOT_IN_NP
                     or dash and w.start() >= dash.start()), len(words))
        words = words[:min(stop, _MAX_WORDS)]
    if not 1 <= len(words) <= _MAX_WORDS:
        return None
    first = words[0].group(0)
    if first.lower() in _PREPOSITIONS or any(w.group(0).lower() in _NOT_IN_NP for w in words):
        return None
    if not (cut or first.lower() in _NP_STARTERS or first[0].isupper() or first[0].isdigit()):
        return None   # after "according to" any noun phrase ("exit polls"); inverted, a determiner
    return words[0].start(), words[-1].end()


def phrase_name(text: str, start: int, end: int) -> str:
    """The phrase without its article: "The administration" -> "administration"."""
    words = text[start:end].split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    return " ".join(words)


# heads naming people: the phrase is an anonymous source ("a U.S. official", "several friends")
_PERSON_HEADS = re.compile(
    r"(?:officials?|spokes(?:man|woman|person)|sources?|aides?|advis[eo]rs?|friends?|residents?|"
    r"witness(?:es)?|analysts?|experts?|lawmakers?|members?|people|person|man|woman|men|women|"
    r"delegates?|voters?|supporters?|critics?|activists?|officers?|diplomats?|police|"
    r"reporters?|journalists?|insiders?|observers?|economists?|strategists?|operatives?|staffers?|employees?|workers?|"
    r"leaders?|users?|protesters?|organi[sz]ers?|owners?|student|students|parents?|others|some|"
    r"many|most|percent|majority|minority|half|none|all)$", re.I)
_MEDIA_HEADS = re.compile(r"(?:magazine|newspaper|paper|daily|network|broadcaster|outlet|website|"
                          r"channel|tabloid|news\s+agency)$", re.I)


_ORG_HEADS = re.compile(r"(?:agency|administration|campaign|committee|department|ministry|company|firm|group|"
                        r"party|government|office|council|commission|court|union|bank|board|team|"
                        r"organi[sz]ation|institute|foundation|association|coalition|alliance|PAC)$", re.I)


def phrase_kind(text: str, start: int, end: int) -> str:
    """anonymous (GROUP) for people, a publication (MEDIA) or an organisation (ORG) else."""
    words = text[start:end].split()
    head = words[-1]
    if _PERSON_HEADS.match(head):
        return GROUP
    if _MEDIA_HEADS.search(" ".join(words[-2:])):
        return MEDIA
    if _ORG_HEADS.match(head):
        return ORG
    named = words[1:] if words[0].lower() in _NP_STARTERS else words
    return ORG if any(w[0].isupper() for w in named) else GROUP
