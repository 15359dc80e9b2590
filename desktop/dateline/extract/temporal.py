"""Time expressions in news text, resolved against the publication date.

Our own small rule set (``dateparser`` misreads weekdays, "We" and "may" in raw
text). Every expression keeps honest precision: "early April" is a range of
days, "next month" a month, never a fake exact day.

Span conventions: an expression's span covers the words that fix its date
("Friday", "early April", "since the beginning of last year"); a plain
preposition ("in April", "by January") is left out. Offsets are ``str`` indices
into the text given, so ``text[e.start:e.end] == e.text``.

``find_timexes`` (``timex``) finds every TIMEX3 (dates, times, durations, sets) with its
TimeML value; ``find_time_expressions`` keeps the dated ones as :class:`TimeExpr`, the
shape the statement and event rules consume. Rules: ``_daterules`` (calendar dates),
``_timexrules`` (durations, references, quarters, years, times, sets), ``_relative``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .timex import find_timexes
from .wire import date_in_dateline

PRECISIONS = ("day", "week", "month", "year", "range")


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    date_start: date
    date_end: date
    precision: str


def find_time_expressions(text: str, published: date | None, start: int = 0,
                          end: int | None = None) -> list[TimeExpr]:
    """The dated time expressions in ``text[start:end]``, resolved against ``published``
    (durations without an anchor, "now", sets and bare clock times are left out)."""
    return dated_expressions(find_timexes(text, published, start, end))


def dated_expressions(timexes) -> list[TimeExpr]:
    """The :class:`TimeExpr` view of the timexes that name a stretch of the calendar."""
    return [TimeExpr(t.start, t.end, t.text, t.date_start, t.date_end, t.precision)
            for t in timexes if t.date_start is not None and t.precision in PRECISIONS]

# ---------------------------------------------------------------- publication date

_PUB_CUE_RE = re.compile(
    r"(?i:\b(?P<cue>(?:first\s+)?published|posted|(?:last\s+)?updated|date)\b"
    r"(?:\s+(?:on|at))?\s*:?\s*)$")


def find_publication_date(text: str) -> date | None:
    """The date a text states as its own publication date, or None.

    Looks for "Published/Posted/Updated <date>", a byline "by <date>" and a wire
    dateline "BEIJING, March 18, 2017 (Reuters) -". A date standing alone on its
    own line (a scraped page header such as "Sunday, September 20th, 2020") is
    not a publication date. "Published" beats "Updated".
    """
    best: tuple[int, date] | None = None
    for expr in find_time_expressions(text, None):
        if expr.precision != "day" or not re.search(r"\d{4}", expr.text):
            continue
        rank = _publication_rank(text, expr)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, expr.date_start)
    return best[1] if best else None


def _publication_rank(text: str, expr: TimeExpr) -> int | None:
    """0 for "Published <date>", 1 for a byline or wire dateline, 2 for "Updated"."""
    line_start = text.rfind("\n", 0, expr.start) + 1
    before = text[line_start:expr.start]
    cue = _PUB_CUE_RE.search(before, max(0, len(before) - 40))
    if cue:
        return 2 if cue["cue"].lower().endswith("updated") else 0
    if before.strip().lower() == "by" or date_in_dateline(text, expr.start):
        return 1
    return None
