"""Organisation names found after the chain scan in actors.py (kept apart to stay small):

- acronyms: "ECB" after "European Central Bank"; an unknown acronym that speaks ("the FNSEA,
  said", "NHS England said") is an organisation of that name;
- appositions: "Japan's biggest union group, Rengo, said" (``_orgdesc.appositive_organisations``);
- the fullest form of a person's name ("Lula da Silva" -> "Luiz Inacio Lula da Silva").
"""
from __future__ import annotations

import re

from .intervals import Intervals
from ._mention import MEDIA, ORG, PERSON, Mention
from ._orgdesc import appositive_organisations

_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")
_ACRONYM_SPEAKS_RE = re.compile(r"(?P<more>[ \xa0][A-Z][a-z]+)?,?[ \xa0]+(?:has[ \xa0]+|had[ \xa0]+|also[ \xa0]+)?(?:said|says|told|added|warned|"
                                r"announced|reported|urged|estimated|stated|confirmed)\b")
_MINOR_WORDS = frozenset("of for the and on in".split())


def acronym_mentions(text, spans, mentions) -> list[Mention]:
    """'ECB' in a story that names the European Central Bank: the same organisation."""
    initials: dict[str, str] = {}
    for m in mentions:
        if m.kind in (ORG, MEDIA) and m.name and " " in m.name:
            key = "".join(w[0] for w in m.name.split() if w.lower() not in _MINOR_WORDS)
            if len(key) >= 2 and key.isupper():
                initials.setdefault(key, m.name)
    taken = Intervals((m.start, m.end) for m in mentions)
    chrome = Intervals((s.start, s.end) for s in spans if s.chrome)
    out = []
    for a in _ACRONYM_RE.finditer(text):
        if taken.overlaps(a.start(), a.end()) or chrome.contains(a.start()):
            continue
        if a.group() in initials:
            out.append(Mention(a.start(), a.end(), ORG, a.group(), name=initials[a.group()]))
        elif len(a.group()) >= 3 and (speaks := _ACRONYM_SPEAKS_RE.match(text, a.end())):
            # "the FNSEA, said", "CONAF said", "NHS England said": an unknown acronym that speaks
            end = speaks.end("more") if speaks.group("more") else a.end()
            out.append(Mention(a.start(), end, ORG, text[a.start():end], name=text[a.start():end]))
    return out


def longest_full_names(mentions, people) -> None:
    """'Lula da Silva' after 'Luiz Inacio Lula da Silva': the fullest form of a name wins."""
    names = sorted((n for n in people if " " in n), key=len, reverse=True)
    for m in mentions:
        if m.kind == PERSON and m.name and " " in m.name:
            longer = next((n for n in names if len(n) > len(m.name) and n.endswith(" " + m.name)), None)
            if longer:
                m.name = longer


def appositive_orgs(text: str, mentions: list[Mention]) -> None:
    """'Japan's biggest union group, Rengo, said': a name in apposition to an organisation noun."""
    at = {m.start: m for m in mentions}
    for s, e, name in appositive_organisations(text):
        m = at.get(s)
        if m is None:
            mentions.append(Mention(s, e, ORG, text[s:e], name=name))
        elif m.kind in (PERSON, ORG) and m.end == e:
            m.kind, m.name = ORG, name
