"""Actor mentions in an article: people, organisations, countries, pronouns, descriptions.

Names are capitalised word chains; leading titles ("US Secretary of State") become the
person's role and nationality, organisations are recognised by a small alias table or a
head word ("... News Agency", "... Centre"), and single surnames are resolved to the
longest full name seen in the article ("Tillerson" -> "Rex Tillerson"). Roles are also
learned from appositions ("his Chinese counterpart, Wang Yi"; "Wang, the foreign
minister,"), which later lets "the top Chinese diplomat" find Wang Yi (see coref.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .intervals import ByStart, Intervals
from .lexicon import lexicon

PERSON, ORG, MEDIA, COUNTRY, CITY = "person", "org", "media", "country", "city"
PRONOUN, NOMINAL, DOCREF, GROUP = "pronoun", "nominal", "docref", "group"
GROUP_KINDS = frozenset({GROUP})
SUBJECT, OBJECT, POSSESSIVE, MODIFIER = "subject", "object", "possessive", "modifier"


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    text: str
    name: str | None = None      # canonical actor name once known
    syntax: str = SUBJECT
    in_quote: bool = False
    nationality: str | None = None   # for nominals: "the top Chinese diplomat" -> China
    head: str = ""                   # for nominals/docrefs: "diplomat", "analysis"
    place_role: str = ""             # for places: "location" | "actor" | "mention"
    chain_start: int = -1            # for titled names: where "US Secretary of State ..." starts


@dataclass
class PersonInfo:
    roles: set[str] = field(default_factory=set)
    nationality: str | None = None
    gender: str | None = None        # "f" when known female, else None


_TOKEN = (r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.(?=[ \xa0][A-Z])|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr)\."
          r"|(?:Col|Lt|Maj|Capt|Sgt|Adm|Cmdr|Prof|Rev|Hon|Brig|Insp|Supt)\."
          r"|(?:al|el)-[A-Z][\w’'\-]*\w|[A-Z][\w’'\-]*\w|[A-Z])")
# Name particles ("Lula da Silva", "Musaed bin Mohammed al-Aiban", "Maria do Carmo Silva")
_PARTICLES = frozenset("de da do dos das di del della du van von der den ter bin ibn bint al el le la".split())
_CHAIN_RE = re.compile(rf"(?=[A-Z]){_TOKEN}(?:[ \xa0](?:(?:of|for|de|da|do|dos|das|di|del|della|du|van|von|der|den|"
                       rf"ter|bin|ibn|bint|al|el|le|la|and|&)[ \xa0](?:the[ \xa0])?)?{_TOKEN})*")
_CONJ_RE = re.compile(r"[ \xa0](?:and|&)[ \xa0]")
_OF_RE = re.compile(r"[ \xa0](?:of|for)[ \xa0](?:the[ \xa0])?")
_TOKEN_RE = re.compile(_TOKEN)
_PRONOUN_RE = re.compile(r"(?=[HhSsIiTt])\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\b(?!['’](?:s|d|ll|re|ve)\b)")
_STOP = frozenset("""
The A An But And Or In On At After Before While When However Meanwhile Still Yet So If As
This That These Those There Here It He She They We I You His Her Its Their Our My Your
Speaking During Despite Although Though Since Until With Without From For By Of To Over
Under Ahead Last Next Earlier Later Then Now Also Even Only One Two Three Some Many Few
Most All Both Neither Either No Not Such What Who Why How Where Which Whose Read Skip Like
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Sept Mon Tue Wed Thu Fri Sat Sun
Special Staff Summit Beijing's Washington's Let Are Is Was Were Do Does Did Has Have Had
East West North South Central Northern Southern Eastern Western Terminal High Area
""".split())
_PREPOSITIONS = frozenset("""
to with by of for against at in on from about over toward towards between than into
under like among as after before onto upon via behind near beside next
""".split())
_DETERMINERS = frozenset("the his her its their a an our this that".split())
_VERBISH = frozenset("told urged asked accused met meet meets meeting see sees".split())
_APPOSITION_ANCHOR_RE = re.compile(
    r"\b([A-Za-z]+)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,5}([\w\-]+),\s*$")
_WORDS_BACK_RE = re.compile(r"[A-Za-z][\w’'\-.]*|,|[.;:!?“”]")
_SENTENCE_BREAK_RE = re.compile(r"(?<![A-Z])[.!?][\"”’)]*\s|\n|[;“”]")
_NP_MODIFIERS = frozenset("top senior former acting deputy vice foreign policy chief new then".split())
_PREV_WORD_RE = re.compile(r"([A-Za-z\-]+)[ \xa0]*$")
_APPOS_AFTER_RE = re.compile(
    r",[ \xa0]+(?:(?:a|an|the|his|her)[ \xa0]+)?((?:[a-z][\w\-]*|[A-Z][\w.\-]*)(?:[ \xa0][^,.;“”\n]{0,70}?)?)"
    r"(?=,|\.|;| told| said| added)")
_APPOS_BEFORE_RE = re.compile(r"\b(?:a|an|the|his|her|its)[ \xa0]+([^,.;“”\n]{2,60}?),[ \xa0]*$")
_ROLE_TOKEN_RE = re.compile(r"[A-Za-z.\-]+")
_ROLE_WORDS = frozenset("""
correspondent writer editor reporter analyst fellow researcher professor dean chief head adviser
advisor aide negotiator envoy spokesperson spokesman spokeswoman minister secretary president
official diplomat counterpart director leader chairman chairwoman premier ambassador executive
commander general senator governor lawmaker expert scholar economist strategist founder
chancellor mayor king queen oilman businessman billionaire representative councilor counselor
""".split())
_FEMALE_ROLE_RE = re.compile(r"\b(?:spokeswoman|woman|mrs|ms|queen|madam|chairwoman|congresswoman)\b")


def actor_kinds(mentions: list[Mention]) -> dict[str, str]:
    """Canonical actor name -> kind, for every named mention."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.name and m.kind in (PERSON, ORG, MEDIA, COUNTRY, CITY):
            out.setdefault(m.name, m.kind)
    return out


def find_quote_ranges(text: str, spans) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations, close exclusive of the mark.

    Double quotes, and British single quotes (‘...’) when they open a quotation: a ’ that is
    followed by a letter is an apostrophe ("don’t"), not a close. Marks of the other kind
    inside an open quotation are nested quotes and belong to it. A quotation left open at
    the end of a paragraph ends there (the next paragraph reopens it: the newspaper
    convention for continued quotes)."""
    from .sentences import paragraphs
    out = []
    for lo, hi in paragraphs(spans).values():
        opened, kind, last_close = None, "", None
        for m in _MARK_RE.finditer(text, lo, hi):
            pos, ch = m.start(), m.group(0)
            if opened is None:
                if ch in "“\"":
                    opened, kind = pos, "double"
                elif ch == "‘" and _opens_single(text, pos, hi):
                    opened, kind, last_close = pos, "single", None
            elif kind == "double" and ch in "”\"":
                out.append((opened, pos))
                opened = None
            elif kind == "single" and ch == "‘" and last_close and _opens_single(text, pos, hi):
                out.append((opened, last_close))   # "‘regrets’ the strike ... ‘working hard’"
                opened, last_close = pos, None
            elif kind == "single" and ch == "’" and not _apostrophe(text, pos):
                if text[pos - 1:pos] == "s" and _LOWER_NEXT_RE.match(text, pos + 1):
                    last_close = pos   # "nurses’ pay" or "‘regrets’ the": decide at the end
                    continue
                out.append((opened, pos))
                opened = None
        if opened is not None:
            out.append((opened, last_close if kind == "single" and last_close else hi))
    return out


_MARK_RE = re.compile(r"[“”\"‘’]")
_LOWER_NEXT_RE = re.compile(r"\s+[a-z]")


def _opens_single(text: str, pos: int, hi: int) -> bool:
    """‘ opens a quotation at a word start, before a word (not "‘90s" or a lone mark)."""
    before = text[pos - 1:pos]
    after = text[pos + 1:pos + 2]
    return (not before or not before.isalnum()) and after[:1].isalpha() and "’" in text[pos:hi]


def _apostrophe(text: str, pos: int) -> bool:
    return text[pos + 1:pos + 2].isalpha()


def find_mentions(text: str, spans, places, quotes) -> tuple[list[Mention], dict[str, PersonInfo]]:
    """All actor mentions in order, and what was learned about each person."""
    lex = lexicon()
    people: dict[str, PersonInfo] = {}
    place_at = {(p.start, p.end): p for p in places}
    mentions: list[Mention] = []
    singles: list[tuple[Mention, bool]] = []
    for p in places:
        if p.kind in (COUNTRY, CITY):
            mentions.append(Mention(p.start, p.end, p.kind, p.text, name=p.name, place_role=p.role))
    covered = Intervals((p.start, p.end) for p in places)
    for span in spans:
        if span.chrome:
            continue
        for m in _CHAIN_RE.finditer(text, span.start, span.end):
            _classify_chain(text, m, lex, covered, place_at, people, mentions, singles)
    _resolve_singles(singles, people, mentions, text)
    mentions.extend(_pronouns_and_descriptions(text, spans, lex))
    mentions = [x for x in _drop_nested(mentions) if x.kind != "title"]
    quoted = Intervals(quotes, open_ends=True)
    index = ByStart(mentions)
    for x in mentions:
        x.in_quote = quoted.contains(x.start)
        if x.syntax == SUBJECT:
            x.syntax = _syntax(text, x, index)
    _learn_appositions(text, mentions, people)
    return mentions, people


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions ("U.S." inside "A U.S. official")."""
    mentions.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for x in mentions:
        if out and x.start < out[-1].end:
            continue
        out.append(x)
    return out


def _classify_chain(text, m, lex, covered, place_at, people, mentions, singles) -> None:
    whole = m.group(0)
    if " " not in whole and "\xa0" not in whole:   # one word: most chains, the fast path
        if whole not in _STOP:
            _classify_tokens(text, [(m.start(), m.end())], lex, covered, place_at, people, mentions, singles)
        return
    conj = _CONJ_RE.search(text, m.start(), m.end()) or _OF_RE.search(text, m.start(), m.end())
    if conj and _splits(text, m.start(), conj.start(), m.group(0), covered):
        # "Rex Tillerson and Wang Yi", "Gene Munster of Loup Ventures": two names;
        # "Securities and Exchange Commission", "University of Sydney": one
        for lo, hi in ((m.start(), conj.start()), (conj.end(), m.end())):
            part = _CHAIN_RE.match(text, lo, hi)
            if part:
                _classify_chain(text, part, lex, covered, place_at, people, mentions, singles)
        return
    tokens = [(t.start(), t.end()) for t in _TOKEN_RE.finditer(text, m.start(), m.end())]
    if any(text[s:e] in lex.orgs for s, e in _suffixes(tokens)):   # "People's Daily"
        _classify_tokens(text, tokens, lex, covered, place_at, people, mentions, singles)
        return
    for i, (_, e) in enumerate(tokens[:-1]):
        if text[e - 2:e] in ("’s", "'s"):   # "China’s President Xi Jinping": two chains
            _classify_tokens(text, tokens[:i + 1], lex, covered, place_at, people, mentions, singles)
            tokens = tokens[i + 1:]
            break
    _classify_tokens(text, tokens, lex, covered, place_at, people, mentions, singles)


def _suffixes(tokens):
    return [(tokens[i][0], tokens[-1][1]) for i in range(len(tokens))]


def _classify_tokens(text, tokens, lex, covered, place_at, people, mentions, singles) -> None:
    words = [text[s:e] for s, e in tokens]
    possessive = False
    if words and words[-1][-2:] in ("’s", "'s"):
        words[-1] = words[-1][:-2]
        tokens[-1] = (tokens[-1][0], tokens[-1][1] - 2)
        possessive = True
    while words and words[0] in _STOP:
        words, tokens = words[1:], tokens[1:]
    if not words:
        return
    start, end = tokens[0][0], tokens[-1][1]
    whole = text[start:end]
    shape = _shape(whole, tuple(words))
    if shape[0] == "org":
        mentions.append(Mention(start, end, MEDIA if shape[2] else ORG, whole, name=shape[1],
                                syntax=POSSESSIVE if possessive else SUBJECT))
        return
    if shape[0] is None and len(words) == 1 and 2 <= len(whole) <= 6 and whole.isupper() and \
            (start, end) not in place_at and _speaker_word(text, start, end):
        mentions.append(Mention(start, end, ORG, whole, name=whole))   # "RSF said", "TEPCO said"
        return
    if shape[0] is None or (start, end) in place_at:
        return  # not a name, or a place (already a mention)
    title_n = shape[1]
    name_words = words[title_n:]
    name_start = tokens[title_n][0]
    if covered.overlaps(name_start, end):
        return  # "US Secretary of State" with a place inside the name part: not a person
    role_words = words[:title_n]
    mention = Mention(name_start, end, PERSON, text[name_start:end],
                      syntax=POSSESSIVE if possessive else SUBJECT, chain_start=start)
    if start < name_start:   # the title chain ("US Secretary of State") is part of the name
        mentions.append(Mention(start, name_start, "title", text[start:name_start]))
    pre_role = _pre_role(text, start, lex)
    role = " ".join(w.lower() for w in role_words if w not in lex.demonyms)
    nationality = next((lex.demonyms[w] for w in role_words if w in lex.demonyms), None)
    if len(name_words) >= 2:
        mention.name = " ".join(text[name_start:end].split())
        _note_person(people, mention.name, " ".join(filter(None, [pre_role[0], role])),
                     nationality or pre_role[1], lex)
        mentions.append(mention)
    else:
        full_role = " ".join(filter(None, [pre_role[0], role]))
        singles.append((mention, full_role, nationality or pre_role[1]))


def _splits(text: str, lo: int, cut: int, whole: str, covered) -> bool:
    """Split a chain at 'and' unless it names one organisation ("Securities and Exchange
    Commission"); at 'of' only when its left part is already a full name or an organisation
    ("Gene Munster of Loup Ventures", not "Secretary of State")."""
    if _shape(whole, tuple(whole.split()))[0] == "org":
        return False
    if text[cut:cut + 5].strip().startswith(("and", "&")):
        return True
    words = [w for w in text[lo:cut].split() if w not in _STOP]
    if not words or covered.overlaps(lo, cut):
        return False
    shape = _shape(" ".join(words), tuple(words))
    return shape[0] == "org" or shape[0] == "person" and len(words) - shape[1] >= 2


@lru_cache(maxsize=65536)
def _shape(whole: str, words: tuple[str, ...]) -> tuple:
    """Context-free reading of a capitalised chain (cached: names recur):
    ("org", canonical, media) | ("person", number of leading title words) | (None,)."""
    lex = lexicon()
    # "European Council President Charles Michel", "Fed Chair Jerome Powell": an institution,
    # a title, then a full name is that person
    for i in range(len(words) - 3, 0, -1):
        if words[i] in lex.titles and words[i][0].isupper() and _looks_like_name(list(words[i + 1:]), lex):
            return "person", i + 1
    org = _org(whole, list(words), lex)
    if org:
        return "org", org[0], org[1]
    if words[-1] in lex.site_heads or any(w in lex.org_heads for w in words):
        return (None,)
    title_n = 0
    while title_n < len(words) - 1 and (words[title_n] in lex.titles or words[title_n] in lex.demonyms
                                        or words[title_n] in ("of", "for", "the")):
        title_n += 1
    # "Health Minister Salvador Illa": a title after an unknown qualifier still ends the title
    later = [i for i in range(title_n, len(words) - 1) if words[i] in lex.titles]
    if later:
        title_n = later[-1] + 1
    return ("person", title_n) if _looks_like_name(list(words[title_n:]), lex) else (None,)


def _org(whole: str, words: list[str], lex) -> tuple[str, bool] | None:
    for start in range(len(words)):
        alias = " ".join(words[start:])
        if alias in lex.orgs:
            return lex.orgs[alias]
    if whole in lex.orgs:
        return lex.orgs[whole]
    if len(words) >= 2 and words[-1] in lex.media_heads:
        return whole, True
    if len(words) >= 2 and any(w in lex.org_heads for w in words):
        return whole, False
    return None


def _looks_like_name(words: list[str], lex) -> bool:
    particles = sum(1 for w in words[1:-1] if w in _PARTICLES or w.startswith(("al-", "el-")))
    if not 1 <= len(words) - particles <= 4:
        return False
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and w in _PARTICLES or i > 0 and w.startswith(("al-", "el-")):
            continue
        if w in _STOP or w in lex.titles or w in lex.demonyms or w in lex.site_heads:
            return False
        if len(w) > 1 and w.isupper() and not w.endswith("."):
            return False  # acronyms and all-caps headings
        if not w[0].isupper() or any(ch.isdigit() for ch in w):
            return False
    return True


def _pre_role(text: str, start: int, lex) -> tuple[str, str | None]:
    """Lower-case role words just before a name: 'spokeswoman Hua Chunying'."""
    chunk = text[max(0, start - 60):start]
    if not chunk.endswith((" ", "\xa0")):
        return "", None
    role: list[str] = []
    for w in reversed(chunk.split()[-5:]):
        if not _ROLE_TOKEN_RE.fullmatch(w) or w.lower() in _DETERMINERS or w.lower() in _PREPOSITIONS:
            break
        role.insert(0, w)
    if not role or role[-1] not in _ROLE_WORDS:
        return "", None
    nationality = next((lex.demonyms[w] for w in role if w in lex.demonyms), None)
    return " ".join(w.lower() for w in role), nationality


def _note_person(people, name, role, nationality, lex) -> None:
    info = people.setdefault(name, PersonInfo())
    if role:
        info.roles.add(role)
        if _FEMALE_ROLE_RE.search(role):
            info.gender = "f"
    if nationality and not info.nationality:
        info.nationality = nationality
    if name.split()[0] in lex.female or name in lex.female:
        info.gender = "f"


# "Fraport said", "MetSul, a private weather service, said in a bulletin": a one-word name
# we know nothing else about is still a speaker when a speech verb follows it.
_SPEAKS_NEXT_RE = re.compile(r"(?:,[ \xa0][^,.;“”\"\n]{2,80},)?[ \xa0]+(?:said|says|told|added|announced|wrote|"
                             r"reported|warned|tweeted|posted|stated)\b")


def _speaker_word(text: str, start: int, end: int) -> bool:
    return bool(_SPEAKS_NEXT_RE.match(text, end)) and text[start:end] not in _STOP


def _resolve_singles(singles, people, mentions, text="") -> None:
    lex = lexicon()
    for mention, role, nationality in singles:
        if role and not any(mention.text in n.split() for n in people if " " in n):
            _note_person(people, mention.text, role, nationality, lex)   # "President Trump"
    full = list(people)
    for mention, role, nationality in singles:
        token = mention.text
        matches = [n for n in full if token in (n.split()[0], n.split()[-1])]
        if matches:
            mention.name = max(matches, key=len)
        elif role:
            mention.name = token
        elif _speaker_word(text, mention.start, mention.end):
            mention.name = token
            if not token[1:].islower():   # "MetSul", "TEPCO": an organisation's name
                mention.kind = ORG
        else:
            continue
        if role:
            _note_person(people, mention.name, role, nationality, lex)
        mentions.append(mention)


def _pronouns_and_descriptions(text, spans, lex) -> list[Mention]:
    from .coref import description_mentions
    chrome = Intervals((s.start, s.end) for s in spans if s.chrome)
    out = [Mention(m.start(), m.end(), PRONOUN, m.group(0).lower()) for m in _PRONOUN_RE.finditer(text)]
    out.extend(description_mentions(text, 0, len(text), lex))
    return [m for m in out if not chrome.contains(m.start)]


def _syntax(text: str, mention: Mention, mentions: list[Mention]) -> str:
    """subject / object / possessive / modifier, from the words before the mention.

    Walks back over the noun phrase (determiners, titles, role words: "with his Chinese
    counterpart Foreign Minister Wang Yi") to the word that governs it; an apposition
    after a role noun ("with a top official, Yang Jiechi") shares its anchor's role."""
    if text[mention.end:mention.end + 2] in ("’s", "'s"):
        return POSSESSIVE
    start = mention.chain_start if mention.chain_start >= 0 else mention.start
    if mention.kind == PERSON and text[max(0, start - 4):start].strip().lower() == "the":
        return MODIFIER          # "the Trump administration"
    before = text[max(0, start - 100):start]
    breaks = list(_SENTENCE_BREAK_RE.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    words = _WORDS_BACK_RE.findall(before)
    for word in reversed(words[-10:]):
        low = word.lower()
        if word == ",":
            anchor = _APPOSITION_ANCHOR_RE.search(before)
            if anchor and anchor.group(2).lower() in _ROLE_WORDS:
                return OBJECT if anchor.group(1).lower() in _PREPOSITIONS | _VERBISH else SUBJECT
            return SUBJECT
        if low in _DETERMINERS or low in _ROLE_WORDS or low in _NP_MODIFIERS or word[0].isupper():
            continue
        if low in _PREPOSITIONS or low in _VERBISH or low.endswith("ing"):
            return OBJECT
        if low in ("and", "or"):
            prev = [x for x in mentions.between(mention.start - 80, mention.start)
                    if mention.start - 40 <= x.end <= mention.start - 4]
            return prev[-1].syntax if prev else SUBJECT
        return SUBJECT
    return SUBJECT


def _learn_appositions(text: str, mentions: list[Mention], people) -> None:
    lex = lexicon()
    for x in mentions:
        if x.kind != PERSON or not x.name:
            continue
        info = people.setdefault(x.name, PersonInfo())
        after = _APPOS_AFTER_RE.match(text, x.end)
        before = _APPOS_BEFORE_RE.search(text, max(0, x.start - 70), x.start)
        for found in (after, before):
            if not found:
                continue
            role = found.group(1).strip()
            head = re.split(r" (?:of|at|for|in|on|with|from)\b", role)[0].split()
            if not head or not any(w.lower() in _ROLE_WORDS for w in head):
                continue
            info.roles.add(role.lower())
            nat = next((lex.demonyms[w] for w in head if w in lex.demonyms), None)
            if nat and not info.nationality:
                info.nationality = nat
            if _FEMALE_ROLE_RE.search(role.lower()):
                info.gender = "f"
