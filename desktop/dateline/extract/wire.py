"""The wire dateline: where the reporter filed from, opening a story or a paragraph.

"BEIJING (Reuters) - ", "SEOUL, March 18 (Yonhap) -- ", "NAIROBI, Kenya (AP) — ",
"Washington (CNN) — ", "(Bloomberg) -- ", "BRUSSELS — ", "NEW DELHI: ". The one home of
what a dateline looks like: sentences skip it (``body_start``), places take its city as the
story's dateline (``in_dateline``), dates in it are the day the story is told
(``date_in_dateline``), speakers and events never start inside it.

Beside these, ``LEAD_DATELINE_RE`` finds the looser lead datelines of local papers inside
running text: "WINONA -- The body ...", a byline's "March 29, 2009 PATASKALA -- City
officials", "[HANOI] Officials met".
"""
from __future__ import annotations

import re
from functools import lru_cache

_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}"
_ANY_PLACE = r"[A-Z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]*){0,3}"     # "Washington", "Hong Kong"
_QUALIFIER = r"(?:,[^()\n—–:]{1,40}?)?"                      # ", March 18", ", Kenya", ", Ind."
_AGENCY = r"\([A-Za-z][A-Za-z .&/-]{1,30}\)"
_DASH = r"(?:-{1,2}|[—–])"
# A place in capitals (its qualifier, an agency) and a dash; any place with an agency; an
# agency alone; a place in capitals and a colon. Then the story's first word.
DATELINE_RE = re.compile(
    rf"[ \t]*(?:{_CAPS_PLACE}{_QUALIFIER}[ \t]*(?:{_AGENCY}[ \t]*)?{_DASH}|"
    rf"{_ANY_PLACE}{_QUALIFIER}[ \t]*{_AGENCY}[ \t]*{_DASH}|"
    rf"{_AGENCY}[ \t]*{_DASH}|"
    rf"{_CAPS_PLACE}(?:[ ][A-Z][A-Z.'’\-]+)?:)[ \t]+(?=[“\"‘(A-Z0-9])")


def body_start(text: str, start: int) -> int:
    """Where the words of a line starting at ``start`` begin: after a wire dateline opening
    the line, else ``start`` (a position inside a line has no dateline)."""
    if start and text[start - 1] != "\n":
        return start
    return _line_body_start(text, start)


@lru_cache(maxsize=1024)    # asked for the line of every place and date in it (a str caches its hash)
def _line_body_start(text: str, start: int) -> int:
    m = DATELINE_RE.match(text, start)
    return m.end() if m else start


def dateline_end(text: str, start: int, limit: int | None = None) -> int | None:
    """The end of the wire dateline opening the line at ``start`` (not past ``limit``), or None."""
    body = body_start(text, start)
    return body if start < body and (limit is None or body <= limit) else None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def in_dateline(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` lies inside the wire dateline opening its line ("BEIJING" of
    "BEIJING (Reuters) -", "SOUTH KOREA" of "SEOUL, SOUTH KOREA —")."""
    line = _line_start(text, s)
    body = body_start(text, line)
    return body > line and e <= body


def date_in_dateline(text: str, s: int) -> bool:
    """A date at ``s`` is written inside its line's wire dateline ("SEOUL, March 18 (Yonhap) -")."""
    line = _line_start(text, s)
    return line < s < body_start(text, line)


# Lead datelines in running text (local papers), after a sentence's end, a byline's year or
# a line break; and bracketed ones ("[HANOI]"). Scanned in an article's first 400 characters.
_LEAD_PLACE = r"[A-Z][A-Z'.-]+(?:[ \t][A-Z][A-Z'.-]+){0,3}"
_LEAD_AFTER = r"[ \t]*(?:\([A-Za-z. ]{2,30}\))?[ \t]*(?:--|[-–—\x97:])[ \t]"     # "(AP) -- "
_LEAD_QUALIFIER = r",[ \t]*[A-Z][A-Za-z. ]{1,20}?"
LEAD_DATELINE_RE = re.compile(
    r"(?=[\n \t\[A-Z])"      # every alternative starts so: a quick test at each position
    rf"(?:^|(?<=[.!?\]])[ \t]+|(?<=\d\d\d\d)[ \t]+|\n[ \t]*)(?P<place>{_LEAD_PLACE})"
    rf"(?P<qual>{_LEAD_QUALIFIER})?{_LEAD_AFTER}"
    rf"|(?:^|\n)[ \t]*\[(?P<bracketed>{_LEAD_PLACE})\]")
# A lead dateline without what may come before it: in every text ``LEAD_DATELINE_RE`` finds
# one in, and a search for it starts at capitals only (that one tries every position): a
# cheap test first
LEAD_DATELINE_CORE_RE = re.compile(rf"{_LEAD_PLACE}(?:{_LEAD_QUALIFIER})?{_LEAD_AFTER}|\[{_LEAD_PLACE}\]")
