"""Time expressions anchored on another one, not on the publication date.

- "two days after ...", "a year after ...": the thing after the phrase happened that long
  *before* the story's current day ("The launch came two days after Kim accused ...");
  "N days before ..." the other way round. Opening a sentence ("The day before his visit,
  he said"), or as "the day before/after ..." ("the day before police issued a warrant"),
  the phrase is anchored on the thing it names, which is not a date: skipped.
- "two days earlier", "a day later", "the day before" (ending its phrase), "the next day",
  "the following year": that long before/after the current day.
- "overnight": the night into the current day.

The current day is the last day-precision expression before the phrase in the same or
the previous paragraph, else the story's news day (the first one, in its lede).
"overnight" looks only in its own sentence, else means the night before publication.
No anchor, no date: never a guessed day. Used by ``temporal.find_time_expressions``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ._datepatterns import count_number

_COUNT = r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
# Found from their last word (rare) backwards, not by scanning every "the"/"two" in the text.
_TAIL_RE = re.compile(r"\b(?i:after|before|earlier|later|previously|day|morning|night|week|"
                      r"(?:following|previous)\s+(?:month|year))\b")
_SHIFT_RE = re.compile(
    rf"\b(?i:(?:{_COUNT}\s+(?P<unit>day|week|month|year)s?|the\s+(?P<unit1>day|week|month|year))\s+"
    rf"(?P<dir>after|before|earlier|later|previously))$"
    r"|\b(?i:the\s+(?P<next>next|following|previous)\s+(?P<unit2>day|morning|night|week))$"
    r"|\b(?i:the\s+(?P<next2>following|previous)\s+(?P<unit3>month|year))$"
    r"|\b(?i:(?P<same>earlier|later)\s+(?:that|the\s+same)\s+day)$")
# "the day before authorities issued a warrant", "the day after returning": "before" heads
# the clause or phrase that names the anchor, not the current day
_EVENT_AFTER_RE = re.compile(r"[ \t]+(?!(?i:and|or|but|yesterday|today|tomorrow)\b)[A-Za-z0-9]")
_OVERNIGHT_RE = re.compile(r"\b(?i:overnight)\b")
_REACH = 1500   # characters back to look for the current day (about a paragraph or two)
_LEDE = 600     # else the first dated expression of the story, if it is in its opening


def anchored(text: str, lo: int, hi: int, published: date | None, found) -> list[tuple]:
    """Extra (start, end, date_start, date_end, precision) tuples; ``found`` is the sorted
    list of tuples from the publication-anchored rules."""
    days = [(s, d0) for s, e, d0, d1, p in found if p == "day"]
    out = []
    for m in _shifts(text, lo, hi):
        anchor = _anchor(text, days, m.start())
        if anchor is None:
            continue
        direction = (m["dir"] or "").lower()
        event = direction in ("after", "before") and bool(_EVENT_AFTER_RE.match(text, m.end()))
        if event and (m["unit1"] or _opens_sentence(text, m.start())):
            continue   # "The day before Tillerson's visit, he said": dates the visit's eve, unknown here
        if m["same"]:          # "Earlier that day": the current day itself
            delta = timedelta(0)
        elif m["next2"]:       # "the following year": the current day's year, one on
            step = -1 if m["next2"].lower() == "previous" else 1
            delta = None
        elif m["next"]:
            delta = timedelta(days=(-1 if m["next"].lower() == "previous" else 1) * _unit_days(m["unit2"]))
        else:
            n = count_number(m["n"]) if m["n"] else 1
            # "two days after the vote": the vote was two days before the current day;
            # "the day before." on its own: the day before the current day
            back = direction in ("earlier", "previously") or \
                direction in ("after", "before") and (direction == "after") == event
            sign = -1 if back else 1
            delta = timedelta(days=sign * n * _unit_days(m["unit"] or m["unit1"]))
        try:
            day = anchor + delta if delta is not None else _step(anchor, m["unit3"], step)
        except (OverflowError, ValueError):
            continue
        unit = (m["unit"] or m["unit1"] or m["unit2"] or m["unit3"] or "day").lower()
        precision = unit if unit in ("week", "month", "year") else "day"
        start, end = _span_for(day, precision)
        out.append((m.start(), m.end(), start, end, precision))
    for m in _OVERNIGHT_RE.finditer(text, lo, hi):
        anchor = _anchor(text, days, m.start(), sentence_only=True)
        if anchor is not None:
            out.append((m.start(), m.end(), anchor, anchor + timedelta(days=1), "range"))
        elif published is not None and published > date.min:
            out.append((m.start(), m.end(), published - timedelta(days=1), published, "range"))
    return out


def _shifts(text: str, lo: int, hi: int):
    for tail in _TAIL_RE.finditer(text, lo, hi):
        m = _SHIFT_RE.search(text, max(lo, tail.start() - 30), tail.end())
        if m:
            yield m


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].strip(" \t\"“‘")
    return not before or before[-1] in ".!?\n"


def _step(day: date, unit: str, step: int) -> date:
    """The first day of the month or year ``step`` months or years from ``day``'s."""
    if unit.lower() == "year":
        return date(day.year + step, 1, 1)
    index = day.year * 12 + day.month - 1 + step
    return date(index // 12, index % 12 + 1, 1)


def _unit_days(unit: str | None) -> int:
    return {"week": 7, "month": 30, "year": 365}.get((unit or "day").lower(), 1)


def _span_for(day: date, precision: str) -> tuple[date, date]:
    """'a year after' is about a year: the day itself is not known, so widen to the unit."""
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        start = day.replace(day=1)
        nxt = (start + timedelta(days=32)).replace(day=1)
        return start, nxt - timedelta(days=1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _anchor(text: str, days, pos: int, sentence_only: bool = False) -> date | None:
    """The last day-precision date before ``pos`` in this or the previous paragraph (or
    in the same sentence)."""
    para = max(text.rfind("\n", 0, pos), 0)
    while para > 0 and not text[max(0, para - 1):para].strip():
        para -= 1                      # step over blank lines to the previous paragraph
    floor = max(text.rfind("\n", 0, para), pos - _REACH)
    if sentence_only:
        floor = max(floor, max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)))
    best = None
    for s, d0 in days:
        if floor <= s < pos:
            best = d0
    if best is None and not sentence_only and days and days[0][0] < min(pos, _LEDE):
        best = days[0][1]    # the story's news day, stated in its lede
    return best
