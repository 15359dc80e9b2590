"""Who a pronoun or a description refers to.

- "he"/"she": a named person earlier in the same sentence, else the speaker of a
  statement in the last two sentences, else the last named subject of a recent
  sentence (gender from role words and first names; "she" needs a known woman);
- "it" as a speaker: a recent organisation, else a recent country subject;
- "the top Chinese diplomat", "the Texas oilman": the named person seen earlier whose
  learned role and nationality fit best, most recent on a tie;
- "the analysis", "the editorial": the most recent organisation (media first).
Anonymous groups ("a senior Chinese official", "U.S. officials") keep their wording.
"""
from __future__ import annotations

import bisect
import re

from .intervals import ByStart
from ._orgdesc import organisation_descriptions
from .gazetteer import lookup
from ._mention import (COUNTRY, CITY, DOCREF, GROUP, MEDIA, NOMINAL, ORG, PERSON, POSSESSIVE,
                       PRONOUN, SUBJECT, Mention, PersonInfo)

_DEMONYM_WORDS = r"(?:[A-Z][\w.]*\s+){0,3}"
_SP = "[ \xa0]"
# (?=[...]) lets the regex engine skip ahead to possible first letters (2-3x faster scans)
_GROUP_HEAD_RE = re.compile(r"(?=[OoDdSsAaEeLl])\b(?:(?P<plural>[Oo]fficials|[Dd]iplomats|[Ss]ources|[Aa]nalysts|[Ee]xperts|"
                            r"[Ll]awmakers|[Oo]bservers)|(?P<single>official|diplomat|source|analyst|expert|"
                            r"lawmaker|spokesman|spokeswoman|spokesperson|aide|adviser))\b(?![ \xa0]+[A-Z])")
_GROUP_LEAD_RE = re.compile(
    rf"(?:\b(?P<det>[Aa]n?|[Oo]ne|[Tt]wo|[Ss]ome|[Ss]everal){_SP}+)?"
    rf"(?P<mods>(?:(?:senior|top|unidentified|anonymous|former|other|[A-Z][\w.]*){_SP}+){{0,3}})$")
# "South Korea’s military", "the Japanese defense ministry": institutions named by their country
_INSTITUTION_HEAD_RE = re.compile(
    rf"(?=[fdtiumanpgecsob])\b(?:(?:foreign|defen[cs]e|finance|interior|trade|unification){_SP}+ministry|military|army|navy|"
    rf"forces|troops|"
    rf"(?:presidential|prime{_SP}+minister['’]s|foreign){_SP}+office|"
    rf"air{_SP}+force|coast{_SP}+guard|police|government|embassy|cabinet|parliament|central{_SP}+bank)\b")
_INSTITUTION_LEAD_RE = re.compile(
    rf"(?:\b[Tt]he{_SP}+)?(?P<country>(?:[A-Z][\w.]*{_SP}+){{0,2}}[A-Z][\w.]*)(?P<poss>['’]s)?{_SP}+$")


def description_mentions(text: str, lo: int, hi: int, lex) -> list[Mention]:
    """Definite descriptions of people and documents, anonymous groups, governments."""
    out: list[Mention] = []
    for m in _nominal_re(lex).finditer(text, lo, hi):
        if not _ends_noun_phrase(text, m.end()):
            continue  # "the official visit": the head word is an adjective here
        mods = m.group(1).split()
        nat = next((lex.demonyms[w] for w in mods if w in lex.demonyms), None)
        out.append(Mention(m.start(), m.end(), NOMINAL, m.group(0), nationality=nat,
                           head=m.group(2).lower()))
    described = organisation_descriptions(text, lo, hi)   # "the UN refugee agency": a named body
    for m in _docref_re(lex).finditer(text, lo, hi):
        if any(s <= m.start() < e for s, e, _ in described):
            continue
        mods = m.group(1).split()
        nat = next((lex.demonyms[w] for w in mods if w in lex.demonyms), None)
        if nat:   # "the Saudi foreign ministry": a named institution, not a back-reference
            body = " ".join([w.lower() for w in mods if w not in lex.demonyms] + [m.group(2).lower()])
            out.append(Mention(m.start(), m.end(), ORG, m.group(0), name=f"{nat} {body}"))
            continue
        out.append(Mention(m.start(), m.end(), DOCREF, m.group(0), head=m.group(2).lower()))
    taken = [(x.start, x.end) for x in out]
    for m in _GROUP_HEAD_RE.finditer(text, lo, hi):
        lead = _GROUP_LEAD_RE.search(text, max(lo, m.start() - 60), m.start())
        if m.group("single") and not (lead and lead.group("det")):
            continue   # "the official visit" / "an official": singular needs "a"/"one"
        start = lead.start() if lead else m.start()
        if any(s < m.end() and start < e for s, e in taken) or text[start:m.end()].istitle():
            continue
        words = text[start:m.end()].split()
        if words[0].lower() in ("a", "an", "one", "two", "some", "several"):
            words = words[1:]
        out.append(Mention(start, m.end(), GROUP, text[start:m.end()], name=" ".join(words)))
    for m in _INSTITUTION_HEAD_RE.finditer(text, lo, hi):
        lead = _INSTITUTION_LEAD_RE.search(text, max(lo, m.start() - 40), m.start())
        if not lead:
            continue
        name = lead.group("country")
        country = lex.demonyms.get(name) or (name if lead.group("poss") or _is_country(name) else None)
        if not country:
            continue
        body = m.group(0).lower().replace("\xa0", " ")
        if body in ("government", "forces", "troops"):   # "the Chinese government announced"
            out.append(Mention(lead.start(), m.end(), COUNTRY, text[lead.start():m.end()], name=country))
        else:
            out.append(Mention(lead.start(), m.end(), ORG, text[lead.start():m.end()],
                               name=f"{country} {body}"))
    spans = [(x.start, x.end) for x in out]   # the rules above know demonyms and countries better
    out += [Mention(s, e, ORG, text[s:e], name=name) for s, e, name in described
            if not any(a < e and s < b for a, b in spans)]
    return out


_NEXT_WORD_RE = re.compile(r"\s*([a-z]+)\b")
_AFTER_NP = frozenset("""
said says told added also was is has had will would who which that and but could can may
might should must did does do then later again now once earlier still himself herself
""".split())


def _ends_noun_phrase(text: str, pos: int) -> bool:
    m = _NEXT_WORD_RE.match(text, pos)
    if not m:
        return True
    word = m.group(1)
    return word in _AFTER_NP or word.endswith("ed")


_RE_CACHE: dict[str, re.Pattern] = {}


def _longest_first(word: str) -> tuple[int, str]:
    """Longest alternative first (regex alternation takes the first that matches); ties by
    the word itself, so the pattern is the same whatever order the lexicon's set has."""
    return -len(word), word


def _nominal_re(lex) -> re.Pattern:
    roles = "|".join(sorted(lex.role_nouns, key=_longest_first))
    key = "n" + roles
    if key not in _RE_CACHE:
        _RE_CACHE[key] = re.compile(
            rf"(?=[Tt])\b[Tt]he[ \xa0]+((?:[\w.\-]+[ \xa0]+){{0,3}}?)({roles})\b(?![ \xa0]+[A-Z])(?:[ \xa0]+of[ \xa0]+state)?")
    return _RE_CACHE[key]


def _docref_re(lex) -> re.Pattern:
    docs = "|".join(sorted(lex.doc_nouns, key=_longest_first))
    key = "d" + docs
    if key not in _RE_CACHE:
        _RE_CACHE[key] = re.compile(rf"(?=[TtIi])\b(?:[Tt]he|[Ii]ts)[ \xa0]+((?:[\w\-]+[ \xa0]+){{0,2}}?)({docs})\b(?![ \xa0]+[A-Z])")
    return _RE_CACHE[key]


def _is_country(name: str) -> bool:
    """'Kenya police', 'Nigeria army': a country name used as a modifier."""
    place = lookup(name)
    return place is not None and place.kind == "country"


_LOOKBACK = 20000   # characters an antecedent may lie back (keeps huge texts linear)
_PRONOUN_LOOKBACK = 4000   # a pronoun looks back a few sentences at most
_INSTITUTION_HEADS = frozenset({"ministry", "department", "office", "embassy", "agency", "government"})
_GENERIC_ORG_HEADS = frozenset("""
company firm group bank party union carmaker automaker airline manufacturer retailer insurer lender
giant conglomerate commission committee council court regulator organisation organization alliance
""".split())


class Resolver:
    """Resolves mentions to actor names using the article's discourse so far."""

    def __init__(self, mentions: list[Mention], people: dict[str, PersonInfo], spans, text: str = ""):
        self.text = text
        self.mentions = mentions
        self.index = ByStart(mentions)
        self.people = people
        self.sent_starts = [s.start for s in spans]
        self.speakers: list[tuple[int, str, str]] = []   # (position, name, kind) in text order

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def note_speaker(self, pos: int, name: str, kind: str) -> None:
        bisect.insort(self.speakers, (pos, name, kind))

    def resolve(self, m: Mention, for_speech: bool = True) -> tuple[str | None, str]:
        """(name, kind) of the actor a mention stands for; (None, '') if unknown.

        ``for_speech``: the mention is a speaker, so "it" prefers recent speakers."""
        if m.kind == PRONOUN:
            if m.text == "it" and not for_speech:
                return self._it_actor(m)
            return self._pronoun(m)
        if m.kind == NOMINAL:
            return self._nominal(m), PERSON
        if m.kind == DOCREF:
            return self._docref(m)
        if m.kind == GROUP and m.name and m.name.split()[-1].startswith("spokes"):
            org = self._salient_org(m.start)   # "a spokeswoman" of the company the story is about
            if org:
                return f"{org} {m.name}", GROUP
        return m.name, m.kind

    def _salient_org(self, pos: int) -> str | None:
        weight: dict[str, int] = {}
        for x in self._named_before(pos, {ORG}):
            weight[x.name] = weight.get(x.name, 0) + (2 if x.syntax == SUBJECT else 1)
        return max(weight, key=lambda n: weight[n]) if weight else None

    # -- pronouns -----------------------------------------------------------------
    def _pronoun(self, m: Mention) -> tuple[str | None, str]:
        if m.text in ("he", "she"):
            name = self._person_pronoun(m, female=m.text == "she")
            if name is None and m.text == "she":   # no known woman: a person of unknown gender
                name = self._person_pronoun(m, female=True, strict=False)
            return name, PERSON if name else ""
        if m.text == "it":
            return self._it(m)
        return None, ""

    def _gender_ok(self, name: str, female: bool, strict: bool = True) -> bool:
        info = self.people.get(name)
        gender = info.gender if info else None
        if female:
            return gender == "f" or (not strict and gender is None)
        return gender != "f"

    def _person_pronoun(self, m: Mention, female: bool, strict: bool = True) -> str | None:
        """Walk back sentence by sentence: speakers, then subjects, then any named person."""
        here = self.sentence_of(m.start)
        people = [x for x in self._named_before(m.start, {PERSON}, _PRONOUN_LOOKBACK)
                  if self._gender_ok(x.name, female, strict)]
        for distance in range(0, 7):
            index = here - distance
            if index < 0:
                break
            in_sentence = [x for x in people if self.sentence_of(x.start) == index]
            if distance == 0:
                ranked = ([x for x in in_sentence if x.syntax == SUBJECT],
                          [x for x in in_sentence if x.syntax == POSSESSIVE])
            else:
                spoke = [name for pos, name, kind in self._speakers_in(index, m.start)
                         if kind == PERSON and self._gender_ok(name, female, strict)]
                if spoke:
                    return spoke[-1]
                ranked = ([x for x in in_sentence if x.syntax == SUBJECT], in_sentence)
            for group in ranked:
                if group:
                    return group[-1].name
        return None

    def _speakers_in(self, sentence: int, before: int) -> list[tuple[int, str, str]]:
        """Speakers noted in sentence number ``sentence``, before position ``before``."""
        lo = self.sent_starts[sentence] if sentence < len(self.sent_starts) else before
        hi = self.sent_starts[sentence + 1] if sentence + 1 < len(self.sent_starts) else before
        i = bisect.bisect_left(self.speakers, (lo, "", ""))
        out = []
        while i < len(self.speakers) and self.speakers[i][0] < min(hi, before):
            out.append(self.speakers[i])
            i += 1
        return out

    def _it(self, m: Mention) -> tuple[str | None, str]:
        here = self.sentence_of(m.start)
        for pos, name, kind in reversed(self.speakers):
            if pos < m.start and here - self.sentence_of(pos) <= 3 and kind in (ORG, MEDIA, COUNTRY):
                return name, kind
            if here - self.sentence_of(pos) > 3:
                break
        for kinds in ({MEDIA, ORG}, {COUNTRY}):
            found = self._recent_named(m.start, kinds, 3, True, lambda x: True)
            if found:
                return found, self._kind_named(m.start, kinds, found)
        return None, ""

    def _it_actor(self, m: Mention) -> tuple[str | None, str]:
        for kinds in ({COUNTRY}, {MEDIA, ORG}):
            found = self._recent_named(m.start, kinds, 2, True, lambda x: True)
            if found:
                return found, self._kind_named(m.start, kinds, found)
        return None, ""

    def _kind_named(self, pos: int, kinds: set[str], name: str) -> str:
        """The kind of the latest mention named ``name``: the kind of the mention itself,
        never a pick from ``kinds`` (a set, whose order changes with the hash seed)."""
        return next(x.kind for x in reversed(self._named_before(pos, kinds)) if x.name == name)

    # -- descriptions -------------------------------------------------------------
    def _nominal(self, m: Mention) -> str | None:
        best, best_key = None, None
        synonyms = _synonyms(m.head)
        for x in self._named_before(m.start, {PERSON}):
            info = self.people.get(x.name) or PersonInfo()
            if m.nationality and info.nationality and info.nationality != m.nationality:
                continue
            role_hit = any(s in r for r in info.roles for s in synonyms)
            key = (role_hit, bool(m.nationality and info.nationality == m.nationality), x.start)
            if best_key is None or key > best_key:
                best, best_key = x.name, key
        return best

    def _docref(self, m: Mention) -> tuple[str | None, str]:
        """'the analysis' -> the last outlet; 'the ministry' -> the last ministry named;
        'the company' -> the last organisation."""
        if m.head in _GENERIC_ORG_HEADS:
            found = self._named_before(m.start, {ORG})
            return (found[-1].name, ORG) if found else (None, "")
        if m.head in _INSTITUTION_HEADS:
            found = [x for x in self._named_before(m.start, {ORG})
                     if m.head in x.name.lower() or m.head in x.text.lower()]
            if found:
                return found[-1].name, ORG
            return self._located_institution(m)
        for kinds in ({MEDIA}, {ORG}):
            found = [x for x in self._named_before(m.start, kinds)]
            if found:
                return found[-1].name, found[-1].kind
        return None, ""

    def _located_institution(self, m: Mention) -> tuple[str | None, str]:
        """'The foreign ministry in Tehran' -> 'Iran foreign ministry'."""
        from .gazetteer import lookup
        from .lexicon import country_name
        after = [x for x in self.index.between(m.end + 1, m.end + 6) if x.kind in (CITY, COUNTRY)]
        if not after or self.text[m.end:after[0].start].strip() != "in":
            return None, ""
        place = lookup(after[0].name)
        country = after[0].name if after[0].kind == COUNTRY else (
            country_name(place.country) if place and place.country else None)
        words = m.text.split()[1:]   # drop "the"
        return (f"{country} {' '.join(words).lower()}", ORG) if country else (None, "")

    # -- helpers ------------------------------------------------------------------
    def _named_before(self, pos: int, kinds: set[str], lookback: int = 0) -> list[Mention]:
        return [x for x in self.index.between(max(0, pos - (lookback or _LOOKBACK)), pos)
                if x.end <= pos and x.kind in kinds and x.name and not x.in_quote]

    def _recent_named(self, pos, kinds, window, strict, ok) -> str | None:
        here = self.sentence_of(pos)
        cands = [x for x in self._named_before(pos, kinds)
                 if here - self.sentence_of(x.start) <= window and (not strict or x.syntax == SUBJECT)
                 and ok(x)]
        if not cands:
            return None
        # the last subject of the most recent sentence that has one
        last_sentence = self.sentence_of(cands[-1].start)
        return [x for x in cands if self.sentence_of(x.start) == last_sentence][-1].name


def _synonyms(head: str) -> tuple[str, ...]:
    from .lexicon import lexicon
    return lexicon().role_nouns.get(head, (head,))

