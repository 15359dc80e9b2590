"""What every statement rule shares: who spoke (Speaker), the cue, and building the record."""
from __future__ import annotations

import re
from typing import NamedTuple

from ._mention import GROUP, MEDIA, ORG, PERSON
from .records import StatementRec

MIN_WORDS = 3   # a claim has at least this many words
TITLE_GAP_RE = re.compile(r"[\s,.!?\xa0—–-]*(?:(?:[A-Z][\w.’'\-]*|of|the|[a-z]+(?:man|woman|person|er|or|ist|ent|ary|ant)|"
                          r"ministry|foreign|defen[cs]e|state|party|union|police|army|military|court|agency|office|"
                          r"department|government|chief|senior|deputy|former)"
                          r"[ \xa0]+)*")
THAT_RE = re.compile(r"\s*(?:[\w.’'\-]+\s+){0,7}?that\s+")


# The public speaker kinds of the "dateline/1" document, from the mention kinds: a city
# speaking is its government ("Beijing said"); an unnamed group is an anonymous source.
PUBLIC_KINDS = {PERSON: "person", ORG: "organisation", MEDIA: "publication", "country": "country",
                "city": "country", GROUP: "anonymous"}


def public_speaker_kind(kind: str) -> str:
    """person | organisation | country | publication | anonymous."""
    return PUBLIC_KINDS.get(kind, "anonymous")


class Speaker(NamedTuple):
    """Who spoke: the resolved name and kind, and the words in the text that name them."""
    name: str | None
    kind: str
    start: int | None = None
    end: int | None = None


NOBODY = Speaker(None, "")


class Cue(NamedTuple):
    """The speech verb or phrase ("said", "according to", ":") and where the attribution is."""
    text: str
    pos: int
    end: int


def cue_of(verb: re.Match) -> Cue:
    return Cue(" ".join(verb.group(0).split()), verb.start(), verb.end())


def make_record(text: str, speaker: Speaker, cue: Cue | None, content: tuple[int, int], direct: bool,
                sentence_start: int, sentence_end: int) -> StatementRec:
    lo, hi = content
    return StatementRec(speaker=speaker.name, speaker_kind=speaker.kind, text=text[lo:hi], direct=direct,
                        start=lo, end=hi, sentence_start=sentence_start, sentence_end=sentence_end,
                        cue=cue.text if cue is not None else "",
                        source_start=speaker.start, source_end=speaker.end)


def trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    hi = min(hi, len(text))    # callers may ask for one past a quote that ends the text
    while lo < hi and (text[lo].isspace() or text[lo] in "“”\"‘’'"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in "“”\"‘’',;:—–-"):
        hi -= 1
    return lo, hi
