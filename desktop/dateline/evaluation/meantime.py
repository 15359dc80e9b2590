"""Reader for the MEANTIME English corpus (NewsReader CAT XML, ``events/meantime_english``).

Each article is a list of ``<token t_id sentence>`` elements plus markables anchored on
token ids. We rebuild the text from the tokens (sentence 0 is the title, sentence 1 the
date line, each its own paragraph; the body's sentences follow as one paragraph, tokens
joined by a space except before closing punctuation and after opening brackets) and keep
every token's character offsets, so gold markables become character spans.

Kept per article: the DCT (the CREATION_TIME TIMEX3), every EVENT_MENTION (character span),
the cross-document instance each mention REFERS_TO (only EVENT targets with an
``instance_id``: the corpus-level annotation), and the date each mention is anchored to by
a TLINK (IS_INCLUDED / SIMULTANEOUS / DURING) to a DATE TIMEX3 with a concrete value.
Instances' own TIME column (``list_instances.csv``) is read as a fallback anchor.
"""
from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

CORPUS = Path("events") / "meantime_english"
_ANNOTATED = "intra_cross-doc_annotation"
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "'", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
_ANCHORING = {"IS_INCLUDED", "SIMULTANEOUS", "DURING"}
_VALUE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class GoldMention:
    m_id: str
    start: int
    end: int
    instance: str | None = None            # cross-document event instance id
    anchor: tuple[date, date] | None = None


@dataclass
class MeantimeDoc:
    name: str
    topic: str                             # the sub-corpus folder: airbus, apple, gm, stock
    text: str
    dct: date | None
    mentions: list[GoldMention] = field(default_factory=list)
    # where the annotation stops: the end of the last sentence with any markable (a few
    # articles are annotated only in their first sentences; predictions after it are unjudged)
    annotated_end: int = 0


def corpus_files(corpora: Path) -> list[Path]:
    root = corpora / CORPUS / _ANNOTATED
    return sorted(root.glob("corpus_*/*.xml")) if root.is_dir() else []


def read_instance_times(corpora: Path) -> dict[str, tuple[date, date]]:
    """Instance id -> the interval of its TIME column, where it is a concrete date."""
    out: dict[str, tuple[date, date]] = {}
    path = corpora / CORPUS / "list_instances.csv"
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 7 and cols[1] == "EVENT":
            span = value_interval(cols[7].strip())
            if span:
                out[cols[0]] = span
    return out


def value_interval(value: str) -> tuple[date, date] | None:
    """"2009-06-01" -> that day; "2009-06" -> the month; "2009" -> the year; else None."""
    m = _VALUE_RE.match(value)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(3):
        day = date(year, int(m.group(2)), int(m.group(3)))
        return day, day
    if m.group(2):
        month = int(m.group(2))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def read_meantime(path: Path, instance_times: dict | None = None) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    text, offsets = _rebuild_text(tokens)
    markables = root.find("Markables")
    markables = markables if markables is not None else []
    annotated_end = _annotated_end(tokens, offsets, markables)
    instances = {e.get("m_id"): e.get("instance_id") for e in markables
                 if e.tag == "EVENT" and e.get("instance_id")}
    timexes = {e.get("m_id"): e for e in markables if e.tag == "TIMEX3"}
    dct = next((value_interval(t.get("value", "")) for t in timexes.values()
                if t.get("functionInDocument") == "CREATION_TIME"), None)
    refers, anchors = _relations(root.find("Relations"), instances, timexes)
    mentions = []
    for e in markables:
        if e.tag != "EVENT_MENTION":
            continue
        spans = [offsets[a.get("t_id")] for a in e.findall("token_anchor") if a.get("t_id") in offsets]
        if not spans:
            continue
        instance = refers.get(e.get("m_id"))
        anchor = anchors.get(e.get("m_id")) or (instance_times or {}).get(instance)
        mentions.append(GoldMention(e.get("m_id"), min(s for s, _ in spans), max(t for _, t in spans),
                                    instance, anchor))
    mentions.sort(key=lambda m: (m.start, m.end, m.m_id))
    return MeantimeDoc(path.stem, path.parent.name.removeprefix("corpus_"), text,
                       dct[0] if dct else None, mentions, annotated_end)


def _annotated_end(tokens, offsets, markables) -> int:
    sentence_of = {t.get("t_id"): int(t.get("sentence", "0")) for t in tokens}
    marked = [sentence_of[a.get("t_id")] for m in markables for a in m.findall("token_anchor")
              if a.get("t_id") in sentence_of]
    if not marked:
        return 0
    last = max(marked)
    return max(offsets[t.get("t_id")][1] for t in tokens if sentence_of[t.get("t_id")] == last)


def _rebuild_text(tokens) -> tuple[str, dict[str, tuple[int, int]]]:
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, previous_sentence, previous = 0, None, ""
    for tok in tokens:
        word = tok.text or ""
        sentence = int(tok.get("sentence", "0"))
        if previous_sentence is None:
            gap = ""
        elif sentence != previous_sentence and sentence <= 2:
            gap = "\n\n"       # title, date line and body are paragraphs of their own
        elif word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            gap = ""
        else:
            gap = " "
        parts.append(gap)
        pos += len(gap)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        previous_sentence, previous = sentence, word
    return "".join(parts), offsets


def _relations(relations, instances: dict, timexes: dict):
    """(mention m_id -> instance id, mention m_id -> anchored date interval)."""
    refers: dict[str, str] = {}
    anchors: dict[str, tuple[date, date]] = {}
    if relations is None:
        return refers, anchors
    for rel in relations:
        target = rel.find("target")
        target_id = target.get("m_id") if target is not None else None
        sources = [s.get("m_id") for s in rel.findall("source")]
        if rel.tag == "REFERS_TO" and target_id in instances:
            for s in sources:
                refers[s] = instances[target_id]
        elif rel.tag == "TLINK" and rel.get("reltype") in _ANCHORING and target_id in timexes:
            timex = timexes[target_id]
            span = value_interval(timex.get("value", "")) if timex.get("type") == "DATE" else None
            for s in sources:
                if span and s not in anchors:
                    anchors[s] = span
    return refers, anchors
