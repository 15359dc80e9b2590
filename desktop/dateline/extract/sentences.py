"""Sentence and paragraph spans with exact character offsets.

Our own rule-based splitter (pysbd gives no reliable offsets and costs ~15 ms per
article, too slow for a large corpus). Rules:
- every line is its own paragraph; a line whose open quotation is closed on the
  next line (``“... China.\\nI'm sorry ...,” it said``) shares a paragraph index
  with it, so a quote never straddles two paragraphs;
- inside a line, a sentence ends at ``.!?`` (plus closing quotes/brackets)
  followed by space and a capital, digit or opening quote, unless the period
  ends an abbreviation or an initial ("George W. Bush", "Mr.", "U.S. officials");
- a wire dateline opening a paragraph ("BEIJING (Reuters) - ", "SEOUL, March 18 (Yonhap) --",
  "NEW DELHI: ") is not part of the sentence: ``wire.body_start`` skips it, and the
  pipeline starts statements' and event mentions' sentences after it (offsets stay exact);
- short lines without final punctuation ("Beijing irked", "Read more: ...") and
  web chrome are flagged ``chrome``: headings, not sentences that carry events.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    para: int = 0        # paragraph index (lines joined by an open quote share one)
    chrome: bool = False  # heading, caption, byline, link, navigation


_LINE_RE = re.compile(r"[^\n]+")
_CANDIDATE_RE = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD_RE = re.compile(r"\s+[“‘\"'(\[]?([A-Za-z]+)")
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres st jr sr rev hon
jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd dept
univ mt ft approx est fig al op
""".split())
# After "U.S." a capitalised word usually continues the phrase ("U.S. President");
# only these words start a new sentence there.
_SENTENCE_STARTERS = frozenset("""
the a an he she it they we i but and this that these those there his her its their
in on at after before while when however meanwhile still yet so if as
""".split())
_TERMINAL_RE = re.compile(r"[.!?…:;][”’\"')\]]*\s*$|[”\"]\s*$")
_CHROME_RE = re.compile(
    r"^\s*(?:read more\b|skip to\b|related\b|advertisement\b|follow\b|share\b|"
    r"subscribe\b|sign up\b|click here\b|photo\b|image\b|\(.*\)\s*$|by\s+[A-Z])"
    r"|follow @\w|this article was (?:updated|originally published)",
    re.IGNORECASE)
_CAPS_HEADING_RE = re.compile(r"(?:[A-Z][A-Z0-9'’-]+\s+){1,5}(?=[A-Z][a-z])")
_HEADING_MAX_WORDS = 20


def split_sentences(text: str) -> list[Span]:
    """All sentence spans of ``text`` in order; ``text[s.start:s.end]`` is the sentence."""
    spans: list[Span] = []
    para = -1
    open_quote = False
    for line in _LINE_RE.finditer(text or ""):
        start, end = _strip(text, line.start(), line.end())
        if start >= end:
            continue
        if not (open_quote and _closes_first(text, start, end)):
            para += 1
        open_quote = _quote_left_open(text, start, end)
        chrome = _is_chrome(text[start:end])
        if not chrome:
            start = _skip_caps_heading(text, start, end)
        spans.extend(Span(s, e, para, chrome) for s, e in _split_line(text, start, end))
    return spans


def paragraphs(spans: list[Span]) -> dict[int, tuple[int, int]]:
    """Paragraph index -> (start, end) covering its sentences."""
    out: dict[int, tuple[int, int]] = {}
    for s in spans:
        lo, hi = out.get(s.para, (s.start, s.end))
        out[s.para] = (min(lo, s.start), max(hi, s.end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote_left_open(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return chunk.count("“") > chunk.count("”")


def _closes_first(text: str, start: int, end: int) -> bool:
    """True if the first double quote mark on the line closes a quotation."""
    for ch in text[start:end]:
        if ch == "”":
            return True
        if ch == "“":
            return False
    return False


def _is_chrome(line: str) -> bool:
    if _CHROME_RE.search(line):
        return True
    words = line.split()
    if _TERMINAL_RE.search(line):
        return False
    return len(words) < _HEADING_MAX_WORDS


def _skip_caps_heading(text: str, start: int, end: int) -> int:
    """'XI-TRUMP SUMMIT However, ...' -> start at 'However'."""
    m = _CAPS_HEADING_RE.match(text, start, end)
    if m and sum(len(w) > 1 for w in m.group(0).split()) >= 2:
        return m.end()
    return start


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cur = start
    for m in _CANDIDATE_RE.finditer(text, start, end):
        if not _is_boundary(text, cur, m):
            continue
        s, e = _strip(text, cur, m.end())
        if s < e:
            out.append((s, e))
        cur = m.end()
    s, e = _strip(text, cur, end)
    if s < e:
        out.append((s, e))
    return out


def _is_boundary(text: str, cur: int, m: re.Match) -> bool:
    if text[m.start()] != ".":
        return True
    before = _WORD_BEFORE_RE.search(text, max(cur, m.start() - 20), m.start())
    if not before:
        return True
    word = before.group(1)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    low = word.lower().rstrip(".")
    if low in _ABBREVIATIONS:
        return False
    if "." in word:  # U.S., U.N., p.m.
        nxt = _NEXT_WORD_RE.match(text, m.end())
        return bool(nxt and nxt.group(1).lower() in _SENTENCE_STARTERS)
    return True
