"""Quotation ranges in article text: double quotes and British single quotes."""
from __future__ import annotations

import re


def find_quote_ranges(text: str, spans) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations, close exclusive of the mark.

    Double quotes, and British single quotes (‘...’) when they open a quotation: a ’ that is
    followed by a letter is an apostrophe ("don’t"), not a close. Marks of the other kind
    inside an open quotation are nested quotes and belong to it. A quotation left open at
    the end of a paragraph ends there (the next paragraph reopens it: the newspaper
    convention for continued quotes). Two apostrophes ('') are a double quotation mark (the
    New York Times archive's plain-text convention); the range then runs from the second mark
    of the opening pair to the second of the closing pair."""
    from .sentences import paragraphs
    out = []
    for lo, hi in paragraphs(spans).values():
        opened, kind, last_close = None, "", None
        for m in _MARK_RE.finditer(text, lo, hi):
            pos, ch = m.start(), m.group(0)
            if ch == "''":   # the range runs from its second mark to the closing pair's second
                pos, ch = (pos + 1, "“") if opened is None else (pos + 1, "”")
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


_MARK_RE = re.compile(r"''|[“”\"‘’]")
_LOWER_NEXT_RE = re.compile(r"\s+[a-z]")


def _opens_single(text: str, pos: int, hi: int) -> bool:
    """‘ opens a quotation at a word start, before a word (not "‘90s" or a lone mark)."""
    before = text[pos - 1:pos]
    after = text[pos + 1:pos + 2]
    return (not before or not before.isalnum()) and after[:1].isalpha() and "’" in text[pos:hi]


def _apostrophe(text: str, pos: int) -> bool:
    return text[pos + 1:pos + 2].isalpha()
