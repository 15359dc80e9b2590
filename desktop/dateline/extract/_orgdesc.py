"""Organisations named by a description rather than a name: "the UN refugee agency",
"the EU's statistics office", "the country's election commission", "the national
statistics office said".

A definite description whose head is an institution noun (agency, office, watchdog,
regulator, commission, ...) with one to four modifiers. It counts as an organisation
(a possible speaker) when the first modifier is capitalised ("UN", "EU", "Kenyan", "World")
or the description is directly followed by a reporting verb; the name kept is the
description without "the" ("UN refugee agency"). General English, used by coref.py.
``appositive_organisations``: "the country's largest farm union, the FNSEA, said" (actors.py).
"""
from __future__ import annotations

import re

_HEADS = (r"agency|office|watchdog|regulator|commission|authority|body|programme|program|"
          r"bureau|ministry|institute|tribunal|secretariat|council|committee|board|mission")
_SP = "[ \xa0]"
_DESCRIPTION_RE = re.compile(
    rf"(?=[Tt])\b[Tt]he{_SP}+(?P<mods>(?:[\w.’'\-]+{_SP}+){{1,4}}?)(?P<head>{_HEADS})\b(?!{_SP}+[A-Z])")
_REPORTING_RE = re.compile(
    rf"(?:,[^,.;\n]{{2,80}},)?{_SP}+(?:has{_SP}+|had{_SP}+|also{_SP}+)?"
    rf"(?:said|says|told|added|warned|announced|reported|estimated|urged|called|stated|confirmed)\b")
# Modifiers that make a description a back-reference or a non-institution ("the same office")
_NOT_MODIFIERS = frozenset("""same other new former previous this that its their his her an a
whole entire first second last next""".split())


def organisation_descriptions(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of organisations described by their function in text[lo:hi]."""
    out = []
    for m in _DESCRIPTION_RE.finditer(text, lo, hi):
        mods = m.group("mods").split()
        if any(w.lower() in _NOT_MODIFIERS for w in mods) or any(ch.isdigit() for ch in m.group("mods")):
            continue
        if not (mods[0][0].isupper() or _REPORTING_RE.match(text, m.end())):
            continue
        name = " ".join(mods + [m.group("head")]).replace("\xa0", " ")
        out.append((m.start(), m.end(), name))
    return out


# "the country's largest farm union, the FNSEA, said"; "Japan's biggest union group, Rengo, said"
_APPOSITIVE_RE = re.compile(
    rf"(?=[ugacfpobrwlimn])\b(?:union|group|agency|company|firm|party|organi[sz]ation|body|association|regulator|operator|"
    rf"watchdog|federation|broadcaster|carrier|airline|lender|insurer|retailer|automaker|carmaker|"
    rf"charity|coalition|movement|militia|news{_SP}+agency),{_SP}+(?:the{_SP}+)?"
    rf"(?P<name>[A-Z][\w&.’'\-]*(?:{_SP}[A-Z][\w&.’'\-]*){{0,3}}),")


def appositive_organisations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names given in apposition to an organisation noun."""
    return [(m.start("name"), m.end("name"), m.group("name")) for m in _APPOSITIVE_RE.finditer(text)]
