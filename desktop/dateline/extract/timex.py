"""TIMEX3 time expressions: every date, time, duration and set in a text, with its TimeML
type and value, resolved against the publication date.

A :class:`Timex` carries both views of an expression:
- ``type``/``value``: TimeML TIMEX3 ("DATE" "2017-W11", "DURATION" "P3Y", "DATE"
  "PRESENT_REF", "TIME" "2013-03-22TAF", "SET" "XXXX-WXX-2"), as TempEval-3 scores them;
- ``date_start``/``date_end``/``precision``: the stretch of calendar the timeline shows
  (None where the expression names none: a bare duration, "now", a set). A week or a
  month is never a day: "this week" is the week's days so far, precision "range".

The rules: ``_daterules`` (calendar dates, tense-aware), ``_relative`` (dates anchored on
the narrated day: "two days later"), ``_timexyears`` (quarters, years, seasons, holidays),
``_timexrules`` (durations, references, clock times, sets). Where two candidates
overlap the longer wins ("three years ago" over "three years").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import _daterules, _timexrules, _timexyears
from . import _triggers as T
from ._datepatterns import _MONTH_ABBR, _MONTHS, _WEEKDAYS
from ._triggers import Triggers
from ._relative import anchored
from ._timexwords import PART_OF_DAY, SEASON_CODES, duration_value, number_value, week_value

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: date | None = None
    date_end: date | None = None
    precision: str | None = None

    def to_dict(self, article: str | None = None) -> dict:
        """The public ``timexes`` record (dates as ISO days or null)."""
        return {"article": article, "start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value,
                "date_start": self.date_start.isoformat() if self.date_start else None,
                "date_end": self.date_end.isoformat() if self.date_end else None,
                "precision": self.precision}


_MIN_ANCHOR, _MAX_ANCHOR = date(2, 1, 1), date(9998, 12, 31)
# rank breaks ties between candidates of the same span: calendar rules know the dates best
_DATE_RANK, _ANCHORED_RANK, _OTHER_RANK = 0, 1, 2


def find_timexes(text: str, published: date | None, start: int = 0,
                 end: int | None = None) -> list[Timex]:
    """Every TIMEX3 in ``text[start:end]`` (offsets index the whole text), sorted."""
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, min(start, hi))
    if published is not None and not _MIN_ANCHOR <= published <= _MAX_ANCHOR:
        published = None    # no calendar arithmetic at the edges of date's range
    triggers = Triggers(text, lo, hi)
    dated = [c for rule, hits, before, after in _date_rules(triggers)
             for a, b in triggers.windows(hits, before, after) for c in rule(text, a, b, published)]
    dated.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    dated += [c for a, b in triggers.windows(triggers.words(T.ANCHORED), 34, 14)
              for c in anchored(text, a, b, published, dated)]   # "two days after", "overnight"
    found = [(*c, *describe(text, c), _DATE_RANK) for c in dated]
    for rule, hits, before, after in _other_rules(triggers):
        found += [(*c, _OTHER_RANK) for a, b in triggers.windows(hits, before, after)
                  for c in rule(text, a, b, published)]
    timexes = _trimmed(text, _non_overlapping(text, found))
    timexes = _join_clock_and_day(text, _without_titles(text, timexes))
    return _quarters_a_year_back(text, _year_ago_quarters(text, _weeks_of(text, timexes)))


_SINCE_RE = re.compile(r"(?i:since)\s+")
_EARLY_LATE_RE = re.compile(r"\b(?i:early|late)\s+$")
_RELATIVE_UNIT_TEXT_RE = re.compile(r"(?i:(?:next|last|this)\s+(?:year|month|week))")


def _trimmed(text: str, timexes: list[Timex]) -> list[Timex]:
    """TimeML's extents: "since 1995" is the signal "since" and the date "1995"; "early"
    belongs to "early next year" (a MOD of the date, which keeps its value)."""
    out = []
    for t in timexes:
        first = t.text[:1]
        if first not in "sSnNlLtT":      # the common case: nothing to trim or extend
            out.append(t)
            continue
        since = _SINCE_RE.match(t.text) if first in "sS" else None
        if since and since.end() < len(t.text):
            t = Timex(t.start + since.end(), t.end, t.text[since.end():], t.type, t.value,
                      t.date_start, t.date_end, t.precision)
        elif _RELATIVE_UNIT_TEXT_RE.fullmatch(t.text) and (
                m := _EARLY_LATE_RE.search(text, max(0, t.start - 8), t.start)):
            t = Timex(m.start(), t.end, text[m.start():t.end], t.type, t.value, t.date_start,
                      t.date_end, t.precision)
        out.append(t)
    return out


_WEEK_OF_RE = re.compile(r"(?i:\b(?:the\s+)?week\s+of\s+)$")


def _weeks_of(text: str, timexes: list[Timex]) -> list[Timex]:
    """"a hearing the week of March 6": that day's week (a week, never shown as a day)."""
    out = []
    for t in timexes:
        m = _WEEK_OF_RE.search(text, max(0, t.start - 16), t.start) \
            if t.precision == "day" and t.type == "DATE" and t.date_start else None
        if m:
            monday = t.date_start - timedelta(days=t.date_start.weekday())
            t = Timex(m.start(), t.end, text[m.start():t.end], "DATE", week_value(t.date_start),
                      monday, monday + timedelta(days=6), "week")
        out.append(t)
    return out


# Time words written in lower case in running text: capitalised inside a sentence they are
# part of a title or name ("VOA Today", "This Week With David Brinkley", "60 Minutes").
_LOWER_TIME_WORDS = frozenset({
    "today", "tonight", "tomorrow", "yesterday", "now", "noon", "midnight", "week", "weeks",
    "weekend", "month", "months", "year", "years", "day", "days", "hour", "hours", "minute",
    "minutes", "morning", "afternoon", "evening", "night", "decade", "decades", "century"})
_WORD_RE = re.compile(r"[A-Za-z]+")
_SENTENCE_OPENERS = frozenset(".!?:;\"'`“‘(—-_[\n")
_DETERMINERS = frozenset({"This", "Next", "Last", "Every", "Each", "The", "A", "Past", "Coming"})
_HIGH_NOON_RE = re.compile(r"(?i:\bhigh\s+)$")


def _without_titles(text: str, timexes: list[Timex]) -> list[Timex]:
    return [t for t in timexes if not _in_title(text, t) and not _generic_day(text, t)]


# "today's youth", "the people of tomorrow": the present or coming age in general, not the
# day of publication or the next
_GENERIC_AFTER_RE = re.compile(
    r"['’]s\s+(?i:youth|young|children|kids|generation|world|society)\b")
_GENERIC_BEFORE_RE = re.compile(r"\b(?i:the)\s+(?P<noun>[a-z]+)\s+of\s+$")
_DAY_SPAN_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "end", "close", "start",
                             "beginning", "rest", "events", "session", "middle"})


def _generic_day(text: str, t: Timex) -> bool:
    if t.text[:1] not in "tT" or t.text.lower() not in ("today", "tomorrow"):
        return False
    if _GENERIC_AFTER_RE.match(text, t.end):
        return True
    m = _GENERIC_BEFORE_RE.search(text, max(0, t.start - 24), t.start)
    return m is not None and m["noun"].lower() not in _DAY_SPAN_NOUNS and \
        text[t.end:t.end + 1] not in ("'", "’")


def _in_title(text: str, t: Timex) -> bool:
    """A capitalised lower-case time word inside a sentence, or the idiom "high noon"."""
    if t.text[:4].lower() == "noon" and _HIGH_NOON_RE.search(text, max(0, t.start - 8),
                                                              t.start):
        return True
    if t.text.islower() or t.text[:1].isdigit() and t.text[1:].islower():
        return False           # the common case: no capital to look at
    previous = ""
    for k, m in enumerate(_WORD_RE.finditer(t.text)):
        word, before, previous = m.group(), previous, m.group()
        if word.lower() not in _LOWER_TIME_WORDS or not word[0].isupper() or word.isupper():
            continue
        if k > 0 and before[:1].isupper() and before not in _DETERMINERS:
            continue       # a holiday's own name: "Thanksgiving Day", "Election Night"
        if k > 0 or not _opens_sentence(text, t.start + m.start()):
            return True
    return False


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


# (rule, its trigger hits, how far its expressions reach before and after a trigger)
def _date_rules(t: Triggers):
    d = _daterules
    return ((d._explicit_dates, t.words(T.MONTHS) + t.years(), 18, 34),
            (d._years, t.years() + t.words(("year",)), 42, 12),
            (d._weekdays, t.words(T.WEEKDAYS), 12, 24),
            (d._day_words, t.words(T.DAY_WORDS), 6, 20),
            (d._relative_units, t.words(("week", "month", "year"), T.SEASONS), 16, 12),
            (d._months_alone, t.words(T.MONTHS), 42, 30),
            (d._counted, t.words(T.UNITS), 24, 12))


def _other_rules(t: Triggers):
    r, y = _timexrules, _timexyears
    return ((y.the_year, t.words(("year", "year-")), 24, 12),
            (y.holidays, t.words(T.HOLIDAYS), 4, 24),
            (y.spoken_years, t.words(("nineteen", "eighteen", "two thousand")), 26, 30),
            (r.ago, t.words(("ago",)), 60, 4), (r.durations, t.words(T.UNITS), 0, 24),
            (r.long_durations, t.words(T.UNITS, ("year-",)) if "-long" in t.text else [], 24, 8),
            (r.references, t.words(T.REFERENCES), 12, 24),
            (y.quarters, t.words(T.QUARTERS), 34, 24),
            (y.fiscal_years, t.words(("fiscal",)), 16, 24),
            (y.years, t.years(), 42, 12),
            (r.clock_times, t.clocks() + t.words(T.CLOCK_WORDS), 8, 32),
            (r.day_parts, t.words(T.DAY_PARTS), 16, 4),
            (r.sets, t.words(T.SETS, T.WEEKDAYS), 16, 14),
            (y.seasons, t.words(T.SEASONS), 24, 12),
            (y.centuries, t.words(("centur",)), 28, 10))


def _non_overlapping(text: str, found: list[tuple]) -> list[Timex]:
    found.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[7]))
    result: list[list] = []
    last_end = -1
    for s, e, d0, d1, precision, kind, value, _ in found:
        if d0 is not None and (d1 is None or d0 > d1):
            continue
        if s >= last_end:
            result.append([s, e, d0, d1, precision, kind, value])
            last_end = e
        elif result and result[-1][2] is None and d0 is not None and kind == result[-1][5] \
                and result[-1][0] <= s and e <= result[-1][1]:
            result[-1][2:5] = [d0, d1, precision]   # "the past two weeks": keep its days
    return [Timex(s, e, text[s:e], kind, value, d0, d1, precision)
            for s, e, d0, d1, precision, kind, value in result]


_CLOCK_GAP_RE = re.compile(r",?\s+(?:on\s+)?")
_DAY_NAME_RE = re.compile(r"[A-Z]|(?i:today|yesterday|tomorrow)")


def _join_clock_and_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """"10 p.m. Wednesday", "5 p.m. EST, Nov. 6": one TIME on that day."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if t.type == "TIME" and "T" in t.value and nxt is not None and nxt.precision == "day" \
                and nxt.type == "DATE" and _CLOCK_GAP_RE.fullmatch(text, t.end, nxt.start) \
                and _DAY_NAME_RE.match(nxt.text):
            clock = t.value.split("T", 1)[1]
            out.append(Timex(t.start, nxt.end, text[t.start:nxt.end], "TIME",
                             f"{nxt.date_start.isoformat()}T{clock}", nxt.date_start,
                             nxt.date_end, "day"))
            i += 2
            continue
        if t.type == "TIME" and t.precision == "day" and t.date_start is not None and \
                re.match(r"\d", t.text) and t.value[:10] == (t.date_start.isoformat()) and \
                not _day_named_nearby(text, t, timexes):
            t = Timex(t.start, t.end, t.text, t.type, t.value)   # a bare clock time: no day known
        out.append(t)
        i += 1
    return out


_SENTENCE_END_RE = re.compile(r"[.!?][\"”’']?\s")
# a day by its name or date, not "tonight" (often a quoted speaker's) or a clock time
_NAMED_DAY_RE = re.compile(rf"(?i:today|yesterday|tomorrow|{'|'.join(_WEEKDAYS + _MONTHS + _MONTH_ABBR)})")


def _day_named_nearby(text: str, clock: Timex, timexes: list[Timex]) -> bool:
    """"at 16:00 UTC today, ... following the 12:00 UTC announcement": the sentence names
    the day the bare clock time falls on, so its day is known."""
    for t in timexes:
        if t is clock or t.precision != "day" or t.date_start != clock.date_start or \
                not _NAMED_DAY_RE.match(t.text):
            continue
        lo, hi = (t.end, clock.start) if t.end <= clock.start else (clock.end, t.start)
        if not _SENTENCE_END_RE.search(text, lo, hi):
            return True
    return False


_YEAR_AGO_RE = re.compile(r"(?i:(?:an?\s+|the\s+)?year[- ](?:ago|earlier))$")
_EARLIER_RE = re.compile(r"[ \t]+(?i:earlier)\b")
_QUARTER_VALUE_RE = re.compile(r"^(\d{4})-Q(\d)$")
_QUARTER_REACH = 400
# "compared with a loss of $3 million last year": a quarter's result against last year's
_COMPARED_RE = re.compile(r"(?i:\b(?:compared\s+with|compared\s+to|from|versus|vs\.|against)\b"
                          r"[^.;]*)$")


def _year_ago_quarters(text: str, timexes: list[Timex]) -> list[Timex]:
    """In results news "from $4 million a year earlier" compares quarters: after "the third
    quarter" (1989-Q3), "a year ago" is 1988-Q3, not all of 1988."""
    last_quarter: tuple[int, int, int] | None = None      # (end offset, year, quarter)
    out = []
    for t in timexes:
        q = _QUARTER_VALUE_RE.match(t.value)
        near = last_quarter and t.start - last_quarter[0] < _QUARTER_REACH
        if q and not _YEAR_AGO_RE.search(t.text):
            last_quarter = (t.end, int(q[1]), int(q[2]))
        elif near and re.fullmatch(r"\d{4}", t.value) and (_YEAR_AGO_RE.search(t.text) or (
                t.text.lower() == "last year" and _COMPARED_RE.search(
                    text, max(0, t.start - 60), t.start))):
            t = Timex(t.start, t.end, t.text, t.type, f"{last_quarter[1] - 1}-Q{last_quarter[2]}",
                      t.date_start, t.date_end, t.precision)
        elif near and t.type == "DURATION" and t.value == "P1Y" and \
                t.text.lower() in ("a year", "one year") and (m := _EARLIER_RE.match(text, t.end)):
            t = Timex(t.start, m.end(), text[t.start:m.end()], "DATE",
                      f"{last_quarter[1] - 1}-Q{last_quarter[2]}")   # no anchor day: no dates
        out.append(t)
    return out


_QUARTER_TEXT_RE = re.compile(r"(?i:(?:the\s+)?(?:(?:first|second|third|fourth)[- ])?quarter"
                              r"|the\s+(?:same|comparable|corresponding)\s+period)$")
_LAST_YEAR_RE = re.compile(r"(?i:last\s+year)$")


def _quarters_a_year_back(text: str, timexes: list[Timex]) -> list[Timex]:
    """"For the quarter a year ago, it earned ...", "the corresponding period last year": one
    expression, that quarter a year back."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        q = _QUARTER_VALUE_RE.match(prev.value) if prev is not None else None
        if q and _QUARTER_TEXT_RE.fullmatch(prev.text) and text[prev.end:t.start].strip() == "" \
                and (_YEAR_AGO_RE.search(t.text) or _LAST_YEAR_RE.fullmatch(t.text)):
            year, quarter = int(q[1]) - 1, int(q[2])
            first, last = _timexyears._quarter_days(year, quarter)
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE",
                            f"{year}-Q{quarter}", first, last, prev.precision)
            continue
        out.append(t)
    return out


# ---------------------------------------------------------------- values of calendar dates

_SPAN_RE = re.compile(r"(?i:(?:the\s+)?(?:past|last|next|coming)\s+(?P<n>\S+)\s+(?P<unit>day|week|"
                      r"month|year)s)$")
_ONE_UNIT_RE = re.compile(r"(?i:(?:the\s+)?(?:past|coming)\s+(?P<unit>week|month|year))$")
_PART_RE = re.compile(r"(?i:\b(morning|afternoon|evening|night|tonight|overnight))$")


def describe(text: str, cand: tuple) -> tuple[str, str]:
    """(type, value) of a calendar-rule candidate (start, end, date_start, date_end, precision)."""
    s, e, d0, d1, precision = cand
    words = text[s:e].lower()
    span = _SPAN_RE.search(words)
    if span:
        return "DURATION", duration_value(number_value(span["n"]), span["unit"])
    one = _ONE_UNIT_RE.search(words)
    if one and precision == "range":
        return "DURATION", duration_value(1, one["unit"])
    if precision == "day":
        part = _PART_RE.search(words)
        if part and part[1] != "overnight":
            return "TIME", f"{d0.isoformat()}T{PART_OF_DAY[part[1]]}"
        return "DATE", d0.isoformat()
    if precision == "week":
        return "DATE", week_value(d0)
    if precision == "month":
        return "DATE", f"{d0.year:04d}-{d0.month:02d}"
    if precision == "year":
        return "DATE", f"{d0.year:04d}"
    return "DATE", _range_value(words, d0, d1)


def _range_value(words: str, d0: date, d1: date) -> str:
    if "weekend" in words:
        return week_value(d0) + "-WE"
    for season, code in SEASON_CODES.items():
        if season in words:
            return f"{d0.year}-{code}"
    if "overnight" in words:
        return d0.isoformat()
    if words.startswith("since"):
        if (d0.month, d0.day) == (1, 1):
            return f"{d0.year:04d}"
        return f"{d0.year:04d}-{d0.month:02d}" if d0.day == 1 else d0.isoformat()
    if "week" in words:
        return week_value(d0)
    if (d0.year, d0.month) == (d1.year, d1.month):
        if re.search(r"\d", words) and (d0.day > 1 or d0 == d1):
            return d0.isoformat()     # "March 18-19"
        return f"{d0.year:04d}-{d0.month:02d}"
    return f"{d0.year:04d}"
