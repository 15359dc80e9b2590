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

from .intervals import ByStart, Intervals
from ._actornames import acronym_mentions, appositive_orgs, longest_full_names
from ._mention import (CITY, COUNTRY, DOCREF, GROUP, GROUP_KINDS, MEDIA, MODIFIER, NOMINAL,  # noqa: F401
                       OBJECT, ORG, PERSON, POSSESSIVE, PRONOUN, SUBJECT, Mention, PersonInfo)
from ._names import _STOP, INITIALS_RE, _shape
from .coref import description_mentions
from .gazetteer import lookup
from .lexicon import lexicon



_TOKEN = (r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z]\.(?=[ \xa0][A-Z])|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr)\."
          r"|(?:Col|Lt|Maj|Capt|Sgt|Adm|Cmdr|Prof|Rev|Hon|Brig|Insp|Supt)\."
          r"|(?:al|el)-[A-Z][\w’'\-]*\w|[A-Z][\w’'\-]*\w|[A-Z])")
# "on" joins only after a body's head word: "Commission on Human Rights", not "Trump on Monday"
_ON_AFTER_HEAD = r"(?:(?<=Commission[ \xa0])|(?<=Council[ \xa0])|(?<=Committee[ \xa0])|(?<=Conference[ \xa0])|(?<=Panel[ \xa0])|(?<=Office[ \xa0]))on"
_CHAIN_RE = re.compile(rf"(?=[A-Z]){_TOKEN}(?:[ \xa0](?:(?:of|for|de|da|do|dos|das|di|del|della|du|van|von|der|den|"
                       rf"ter|bin|ibn|bint|al|el|le|la|and|&|{_ON_AFTER_HEAD})[ \xa0](?:the[ \xa0])?)?{_TOKEN})*")
_CONJ_RE = re.compile(r"[ \xa0](?:and|&)[ \xa0]")
_OF_RE = re.compile(r"[ \xa0](?:of|for)[ \xa0](?:the[ \xa0])?")
_TOKEN_RE = re.compile(_TOKEN)
_PRONOUN_RE = re.compile(r"(?=[HhSsIiTt])\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\b(?!['’](?:s|d|ll|re|ve)\b)")
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


from .quotes import find_quote_ranges  # noqa: E402,F401  (moved; old imports keep working)


def actor_kinds(mentions: list[Mention]) -> dict[str, str]:
    """Canonical actor name -> kind, for every named mention."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.name and m.kind in (PERSON, ORG, MEDIA, COUNTRY, CITY):
            out.setdefault(m.name, m.kind)
    return out


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
    longest_full_names(mentions, people)
    mentions.extend(acronym_mentions(text, spans, mentions))
    mentions.extend(_pronouns_and_descriptions(text, spans, lex))
    appositive_orgs(text, mentions)
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


_COMPASS = frozenset(("North", "South", "East", "West"))


def _classify_tokens(text, tokens, lex, covered, place_at, people, mentions, singles) -> None:
    words = [text[s:e] for s, e in tokens]
    possessive = False
    if words and words[-1][-2:] in ("’s", "'s"):
        words[-1] = words[-1][:-2]
        tokens[-1] = (tokens[-1][0], tokens[-1][1] - 2)
        possessive = True
    if len(words) > 2 and words[0] in _COMPASS and f"{words[0]} {words[1]}" in lex.demonyms:
        # "South Korean President Moon": one demonym (South Korea), not "South" and "Korean"
        words = [f"{words[0]} {words[1]}"] + words[2:]
        tokens = [(tokens[0][0], tokens[1][1])] + tokens[2:]
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
    nationality = _nationality(role_words, lex)
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


def _pre_role(text: str, start: int, lex) -> tuple[str, str | None]:
    """Lower-case role words just before a name: 'spokeswoman Hua Chunying'."""
    chunk = text[max(0, start - 60):start]
    if not chunk.endswith((" ", "\xa0")):
        return "", None
    chunk = chunk[chunk.rfind("\n") + 1:]      # a role never runs over a line's start
    role: list[str] = []
    owner = None
    for w in reversed(chunk.split()[-5:]):
        if not _ROLE_TOKEN_RE.fullmatch(w) or w.lower() in _DETERMINERS or w.lower() in _PREPOSITIONS or (
                w.endswith(".") and not INITIALS_RE.fullmatch(w)):
            # "China's foreign ministry spokesperson Mao Ning": whose role it is
            owner = w if w.endswith(("'s", "’s")) else None
            break       # "... would resume. North Korean leader Kim": the sentence before ended
        role.insert(0, w)
    if not role or role[-1] not in _ROLE_WORDS:
        return "", None
    return " ".join(w.lower() for w in role), _nationality(role, lex) or (
        _nationality([owner], lex) if owner else None)


def _nationality(words: list[str], lex) -> str | None:
    """The country a role's words name: a demonym ("North Korean" before "Korean"), else a
    country's own name ("New Zealand Prime Minister", "Japan's foreign minister")."""
    candidates = [f"{a} {b}" for a, b in zip(words, words[1:])] + list(words)
    found = next((lex.demonyms[w] for w in candidates if w in lex.demonyms), None)
    if found is None:
        for w in candidates:
            place = lookup(w.removesuffix("'s").removesuffix("’s")) if w[:1].isupper() else None
            if place is not None and place.kind == "country" and place.feature != "demonym":
                return place.name
    return found


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
    if mention.kind == COUNTRY and _names_what_follows(text, mention, mentions):
        return MODIFIER          # "the United States Barack Obama", "the U.S. automaker General Motors"
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


# a country's name before a name, or before a kind of firm and its name, describes that name
_DESCRIBED_NAME_RE = re.compile(r"[ \t\xa0]+(?:(?:[a-z-]+[ \t\xa0]+){0,3}(?:firm|company|group|maker|automaker|"
                                r"carmaker|carrier|airline|giant|producer|manufacturer|agency|network|"
                                r"operator|retailer|bank|lender|insurer)[ \t\xa0]+)?")


def _names_what_follows(text: str, mention: Mention, mentions) -> bool:
    gap = _DESCRIBED_NAME_RE.match(text, mention.end)
    at = gap.end() if gap else mention.end
    if at == mention.end or not text[at:at + 1].isupper():
        return False
    return any(m.start == at and m.kind in (PERSON, ORG) for m in mentions.between(at, at + 1))


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
