"""Calendar-date rules resolved against the publication date (used by ``timex``).

Choices (documented for the timeline):
- "early/mid/late April" -> days 1-10 / 11-20 / 21-end, precision "range".
- "this week", "earlier this week" -> Monday of the publication week up to the
  publication date, precision "range"; "last/next week" -> Monday-Sunday, "week".
- seasons are meteorological (fall = Sep 1 - Nov 30), precision "range".
- a weekday or a month without a year is read in the tense of its clause: future
  ("will", "is due to", "until" ...) -> the next one after publication; past ("said",
  "was", "-ed") -> the latest on or before publication; otherwise the latest on or
  before (weekdays) or the nearest (months, month-day dates).
- with ``published=None`` only expressions carrying their own year are dated.
Each rule yields (start, end, date_start, date_end, precision).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ._datepatterns import (
    AGO_RE,
    COUNTED_SPAN_RE,
    DAY_MONTH_RE,
    DAY_WORD_RE,
    ISO_RE,
    MONTH_CUE_RE,
    MONTH_DAY_RE,
    MONTH_NAME_RE,
    MONTH_YEAR_REL_RE,
    MONTH_YEAR_RE,
    RELATIVE_UNIT_RE,
    SINCE_YEAR_RE,
    WEEKDAY_RE,
    YEAR_RE,
    count_number,
    month_number,
    weekday_number,
)

# ---------------------------------------------------------------- calendar helpers

def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won['’]t|"
    r"(?:is|are|be|'s|’s)\s+(?:due|scheduled|set|expected|going|slated)"
    r"\s+to|plans?\s+to|planned\s+to|planning\s+to|intends?\s+to|is\s+to|are\s+to|would|"
    r"(?:planning|plans|preparations?|preparing)\s+for|"
    r"(?:agreed|agreement|offered|decided|voted)\s+to|"
    r"as\s+(?:soon|early)\s+as|until|till|postponed|put\s+off|delayed|deadline|expires?|payable|"
    r"effective|(?:scheduled|set|slated)\s+(?:for|to)|expected\s+(?:on|by)|due(?!\s+to\b))\b|['’]ll\b",
    re.IGNORECASE)
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s|\n")
# Past-tense verbs: irregular ones news uses most, and lower-case "-ed" words that are
# verbs more often than not (not "need", "hundred", "based", "expected", "scheduled")
_PAST_VERB_RE = re.compile(
    r"\b(?:said|told|was|were|had|did|made|met|came|went|took|gave|began|began|left|sent|"
    r"held|won|lost|fell|rose|saw|found|spent|paid|sold|bought|struck|broke|hit|"
    r"(?!need|feed|seed|speed|indeed|hundred|based|expected|scheduled|planned|proposed|"
    r"related|supposed|succeed|proceed|exceed|red\b|bed\b|united)[a-z]{2,}ed)\b")
# "a.m." and initials ("U.S.") do not end a clause
_CLAUSE_BREAK_RE = re.compile(r"(?<!a\.m)(?<!p\.m)(?<!\b[A-Z])[.!?;]\s|\n")
# "had been due to expire", "previously had been scheduled to expire": a past plan
_HAD_BEFORE_RE = re.compile(r"(?i:\bhad\s+(?:been\s+)?(?:(?:due|scheduled|set|slated|expected|"
                            r"supposed|planned|going)\s+to\s+)?)$")
_PAST_AFTER_VERB_RE = re.compile(r"[^.;!?\n]{0,40}?\b(?:was|were|had|said|[a-z]{3,}ed)\b")
_PAST_AFTER_RE = re.compile(r"(?i:[^.;!?\n]{0,60}?\b(?:had|was|were)\b)")
_PAST_RE = re.compile(r"\b(?:said|says|told|tells|was|were|did|tweeted|wrote|added|predicted|"
                      r"announced|reported|warned|insisted|stated|declared|noted|claimed|vowed)\b",
                      re.IGNORECASE)


def _is_future(text: str, pos: int, weak: bool = False) -> bool:
    """True if the clause leading up to ``pos`` is in the future tense.

    A reporting verb after the future marker wins: in "He will go, he said on
    Friday" the Friday is past. ``weak``: "would" counts too (for months and dates,
    where reported plans are common; for weekdays it is as often a past report).
    """
    lo = max(0, pos - 160)
    window = text[lo:pos]
    if not _FUTURE_RE.search(window):
        return False         # most windows: no marker, no need to find the clause
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    if breaks:
        window = window[breaks[-1].end():]
    futures = [f for f in _FUTURE_RE.finditer(window) if weak or f.group().lower() != "would"]
    if not futures:
        return False
    marker = futures[-1]
    if _HAD_BEFORE_RE.search(window, 0, marker.start()):
        return False         # "had been due to expire Friday", "was scheduled to meet": past plans
    if marker.group().lower() in ("until", "till") and _PAST_AFTER_RE.match(text, pos):
        return False         # "Until Thursday, they had not called him a suspect"
    if marker.group().lower() == "would" and _PAST_AFTER_VERB_RE.match(text, pos):
        return False         # "aid for countries where the Aug. 7 blasts killed 257"
    return _PAST_RE.search(window, marker.end()) is None


_FUTURE_AFTER_RE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|expected|due|set|to)|"
                              r"plans?\s+to|intends?\s+to)\b")
_PAST_OR_SAID_RE = re.compile(r"\b(?:said|says|told|was|were|had|[a-z]{3,}ed)\b|[.;!?\n]")


def _future_after(text: str, start: int, end: int) -> bool:
    """"On Tuesday, the league plans to hold a news conference": a clause that opens with
    its day and puts its verb, in the future, after it."""
    after = text[end:end + 100]
    if "will" not in after and "shall" not in after and " to " not in after:
        return False         # most weekdays: no future verb follows at all
    marker = _FUTURE_AFTER_RE.search(text, end, end + 100)
    if marker is None or _PAST_OR_SAID_RE.search(text, end, marker.start()):
        return False         # no future verb before the clause ends or a past verb comes
    lo = max(0, start - 80)
    breaks = list(_CLAUSE_BREAK_RE.finditer(text, lo, start))
    # "officials said Tuesday they will ...": the saying is past
    return not _PAST_VERB_RE.search(text, breaks[-1].end() if breaks else lo, start)


def _is_past(text: str, pos: int) -> bool:
    """True if the sentence around ``pos`` has a past-tense verb (and no future marker
    before ``pos``): "told CNN in August" is last August, not next."""
    if _is_future(text, pos):
        return False
    lo, hi = max(0, pos - 160), min(len(text), pos + 200)
    before = list(_SENTENCE_BREAK_RE.finditer(text, lo, pos))
    if before:
        lo = before[-1].end()
    after = _SENTENCE_BREAK_RE.search(text, pos, hi)
    if after:
        hi = after.start()
    return _PAST_VERB_RE.search(text, lo, hi) is not None


_SOON = timedelta(days=45)   # "has called a strike for Jan. 24" (published Jan. 11): that one
_NEXT_MONTH_SOON = timedelta(days=21)
# News names a date months ahead with a future cue ("will", "is due to", "by"); without one,
# "since the Oct. 23 slaying" in May is last October, not next.
_FAR_AHEAD = timedelta(days=60)   # "planned for early March" on Feb. 10: this March


def _year_for(month: int, day: int, published: date, text: str, pos: int) -> date | None:
    """Month/day without a year, in the tense of its sentence: a future one takes the next
    after publication, a past one the last before it, unless the nearest is only weeks
    away ("has called a strike for Jan. 24" on Jan. 11; "by Jan. 14" on Jan. 15)."""
    nearest = _nearest_year(month, day, published)
    if nearest is None or abs(nearest - published) <= _SOON:
        return nearest
    if _PARTICIPLE_BEFORE_RE.search(text, max(0, pos - 24), pos):
        future = False       # "shares issued July 1" even in a sentence about the future
    else:
        future = _is_future(text, pos, weak=True)
    if future:
        options = [_safe_date(published.year, month, day), _safe_date(published.year + 1, month, day)]
        return next((d for d in options if d is not None and d >= published), None)
    if nearest > published and (_is_past(text, pos) or nearest - published > _FAR_AHEAD):
        options = [_safe_date(published.year, month, day), _safe_date(published.year - 1, month, day)]
        return next((d for d in options if d is not None and d <= published), None)
    return nearest


# "arrested on Friday": a past participle dates a past happening -- not one that plans
# ("a ruling expected on Tuesday", "talks scheduled for Friday")
_PARTICIPLE_BEFORE_RE = re.compile(
    r"\b(?!need|speed|feed|expected|scheduled|slated|planned)[a-z]{3,}ed\s+(?:on\s+|in\s+)?$")


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The year that puts month/day nearest to publication ("March 18")."""
    options = [d for y in (published.year - 1, published.year, published.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def _month_year(month: int, published: date, mode: str) -> int:
    """Year for a bare month name: "future" (on/after), "past" (on/before), "this"
    (the publication year), "nearest"."""
    if mode == "this":
        return published.year
    if mode == "future":
        return published.year if month >= published.month else published.year + 1
    if mode == "past":
        return published.year if month <= published.month else published.year - 1
    years = (published.year, published.year + 1, published.year - 1)
    return min(years, key=lambda y: abs((date(y, month, 15) - published).days))


# ---------------------------------------------------------------- rules
# Each rule yields (start, end, date_start, date_end, precision).

def _explicit_dates(text, lo, hi, published):
    for regex in (MONTH_DAY_RE, DAY_MONTH_RE):
        for m in regex.finditer(text, lo, hi):
            month, day = month_number(m["mon"]), int(m["day"])
            if m["year"]:
                when = _safe_date(int(m["year"]), month, day)
            else:
                when = _year_for(month, day, published, text, m.start()) if published else None
            if when is None:
                continue
            last = _safe_date(when.year, month, int(m["day2"])) if m["day2"] else when
            if last is not None and last > when:
                yield m.start(), m.end(), when, last, "range"      # "March 18-19"
            elif last == when:
                yield m.start(), m.end(), when, when, "day"
    for m in ISO_RE.finditer(text, lo, hi):
        when = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if when:
            yield m.start(), m.end(), when, when, "day"
    for m in MONTH_YEAR_RE.finditer(text, lo, hi):
        year, month = int(m["year"]), month_number(m["mon"])
        yield m.start(), m.end(), date(year, month, 1), _month_end(year, month), "month"


def _years(text, lo, hi, published):
    for m in SINCE_YEAR_RE.finditer(text, lo, hi):
        if published is None:
            continue
        year = published.year - (1 if m["rel"].lower() == "last" else 0) \
            if m["rel"] else int(m["year"])
        if date(year, 1, 1) <= published:
            yield m.start(), m.end(), date(year, 1, 1), published, "range"
    for m in YEAR_RE.finditer(text, lo, hi):
        year = int(m["year"])
        yield m.start("year"), m.end(), date(year, 1, 1), date(year, 12, 31), "year"


def _weekdays(text, lo, hi, published):
    if published is None:
        return
    for m in WEEKDAY_RE.finditer(text, lo, hi):
        if _looks_like_name(text, m.start("wd"), m.end("wd")):
            continue
        target = weekday_number(m["wd"])
        rel = (m["rel"] or "").lower()
        back = (published.weekday() - target) % 7
        ahead = (target - published.weekday()) % 7
        if rel in ("next", "coming"):
            when = published + timedelta(days=ahead or 7)
        elif rel not in ("last", "past") and not _PARTICIPLE_BEFORE_RE.search(
                text, max(0, m.start() - 24), m.start()) and (
                    _is_future(text, m.start()) or _future_after(text, m.start(), m.end())):
            when = published + timedelta(days=ahead)   # "will meet Saturday" on a Saturday: today
        elif rel == "last":
            when = published - timedelta(days=back or 7)
        else:
            when = published - timedelta(days=back)
        yield m.start(), m.end(), when, when, "day"


_NAME_PREFIXES = frozenset({
    "On", "Last", "Next", "This", "Since", "By", "Until", "Till", "Before", "After", "Early",
    "Late", "Each", "Every", "From", "Through", "And", "Or", "But", "The", "A", "In", "At",
    "Of", "For", "Said", "Says", "Reuters", "Xinhua", "Also", "Earlier", "Later", "Then",
    "Starting", "Beginning", "Ending", "Since", "Today", "Until", "Through", "Thru"})


def _looks_like_name(text: str, pos: int, end: int) -> bool:
    """"Joe Friday", "Good Friday": a Title-case word (not "On", "Last"...) just before.

    Not when a name ends just before it ("The World Court Friday rejected", "President
    Bill Clinton Saturday vowed"), nor when a comma or a past-tense verb follows ("in
    Tanzania Friday, killing", "Iran Saturday condemned")."""
    m = re.search(r"\b([A-Z][a-z]+)[ \t\xa0]$", text[max(0, pos - 30):pos])
    if not m or m[1] in _NAME_PREFIXES:
        return False
    if re.match(r"[,.;:]|[ \t]+[a-z]+ed\b", text[end:end + 30]):
        return False
    head = pos - len(m[0])
    return not re.search(r"\b[A-Z][\w.'’-]*[ \t\xa0]$", text[max(0, head - 30):head])


def _day_words(text, lo, hi, published):
    if published is None:
        return
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for m in DAY_WORD_RE.finditer(text, lo, hi):
        when = published + timedelta(days=offsets[m["word"].lower()])
        yield m.start(), m.end(), when, when, "day"


def _relative_units(text, lo, hi, published):
    if published is None:
        return
    for m in RELATIVE_UNIT_RE.finditer(text, lo, hi):
        mod = " ".join(m["mod"].lower().split())
        mod = "past" if mod == "this past" else mod
        resolved = _resolve_unit(mod, m["unit"].lower(), published)
        if resolved:
            # "over the weekend": the preposition is no part of the expression
            start = m.start() + m["mod"].lower().rfind("the") if mod.endswith("the") else m.start()
            yield (start, m.end()) + resolved


def _counted(text, lo, hi, published):
    """"two days ago", "three weeks ago", "the past two weeks"."""
    if published is None:
        return
    ago = "ago" in text[lo:hi].lower()   # cheap guard: the regex tries every "a"/"one" otherwise
    for m in AGO_RE.finditer(text, lo, hi) if ago else ():
        n, unit = count_number(m["n"]), m["unit"].lower()
        if unit == "day":
            when = published - timedelta(days=n)
            yield m.start(), m.end(), when, when, "day"
        elif unit == "week":
            monday = _monday(published - timedelta(weeks=n))
            yield m.start(), m.end(), monday, monday + timedelta(days=6), "week"
        elif unit == "month":
            year, month = _add_months(published.year, published.month, -n)
            yield m.start(), m.end(), date(year, month, 1), _month_end(year, month), "month"
        elif published.year - n >= 1:
            year = published.year - n
            yield m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), "year"
    for m in COUNTED_SPAN_RE.finditer(text, lo, hi):
        days = timedelta(days=count_number(m["n"]) * _SPAN_DAYS[m["unit"].lower()])
        if m["mod"].lower() in ("past", "last"):
            yield m.start(), m.end(), published - days, published, "range"
        else:
            yield m.start(), m.end(), published, published + days, "range"


_SPAN_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _resolve_unit(mod: str, unit: str, pub: date):
    if mod in ("past", "coming") and unit in _SPAN_DAYS:
        days = timedelta(days=_SPAN_DAYS[unit])
        return (pub - days, pub, "range") if mod == "past" else (pub, pub + days, "range")
    if mod == "the" or mod.endswith(" the"):     # "over the weekend", "for the week"
        if unit not in ("week", "weekend") or unit == "week" and mod == "over the":
            return None
        ahead = mod in ("until the", "ahead of the")
        mod = "this" if pub.weekday() >= 5 or unit == "week" or ahead else "last"
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(mod, 0)
    monday = _monday(pub)
    if unit == "week":
        if mod == "earlier this":
            return monday, pub, "range"
        if mod == "later this":
            return pub, monday + timedelta(days=6), "range"
        if shift == 0:
            return monday, pub, "range"
        start = monday + timedelta(weeks=shift)
        return start, start + timedelta(days=6), "week"
    if unit == "weekend":
        saturday = monday + timedelta(days=5, weeks=shift)
        return saturday, saturday + timedelta(days=1), "range"
    if unit == "month":
        year, month = _add_months(pub.year, pub.month, shift)
        if mod == "earlier this":
            return date(year, month, 1), pub, "range"
        if mod == "later this":
            return pub, _month_end(year, month), "range"
        return date(year, month, 1), _month_end(year, month), "month"
    if unit == "year":
        year = pub.year + shift
        if mod == "earlier this":
            return date(year, 1, 1), pub, "range"
        if mod == "later this":
            return pub, date(year, 12, 31), "range"
        return date(year, 1, 1), date(year, 12, 31), "year"
    first = _SEASONS[unit]
    year = pub.year + shift
    if unit == "winter" and pub.month <= 2:
        year -= 1    # Jan/Feb belong to the winter that began last December
    if shift < 0:    # "last spring", "this past summer": the latest one already over
        year = max(y for y in (pub.year, pub.year - 1, pub.year - 2)
                   if _month_end(*_add_months(y, first, 2)) < pub)
    end_year, end_month = _add_months(year, first, 2)
    return date(year, first, 1), _month_end(end_year, end_month), "range"


_PARTS = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10),
          "mid": (11, 20), "middle of": (11, 20), "late": (21, 31), "end of": (21, 31)}


def _months_alone(text, lo, hi, published):
    if published is None:
        return
    for m in MONTH_NAME_RE.finditer(text, lo, hi):
        c = MONTH_CUE_RE.search(text, max(lo, m.start() - 40), m.start())
        cue = (c["cue"] or "").lower()
        part = " ".join((c["part"] or "").lower().replace("the ", "").split())
        rel = (c["rel"] or "").lower()
        if not (cue or part or rel):
            continue
        end = m.end()
        then = MONTH_YEAR_REL_RE.match(text, end)
        if then and not rel and cue != "since":
            year = published.year + {"last": -1, "this": 0, "next": 1}[then["rel"].lower()]
            month = month_number(m["mon"])
            start = c.start("body") if c["body"] else m.start()
            first, last = date(year, month, 1), _month_end(year, month)
            if part:
                lo_day, hi_day = _PARTS[part]
                first, last = first.replace(day=lo_day), last.replace(day=min(hi_day, last.day))
            yield start, then.end(), first, last, "range" if part else "month"
            continue
        settled = (rel or cue) in _MONTH_MODES     # the cue word decides: no tense needed
        first, last = _month_bounds(month_number(m["mon"]), cue, part, rel, published,
                                    not settled and _is_future(text, m.start(), weak=True),
                                    not settled and _is_past(text, m.start()))
        if cue == "since":
            if first <= published:
                yield c.start("cue"), m.end(), first, published, "range"
            continue
        start = c.start("body") if c["body"] else m.start()
        yield start, m.end(), first, last, "range" if part else "month"


_MONTH_MODES = {"last": "past", "since": "past", "next": "future", "by": "future",
                "until": "future", "till": "future", "through": "future", "this": "this"}


def _month_bounds(month, cue, part, rel, published, future, past=False):
    mode = _MONTH_MODES.get(rel or cue)
    if mode is None:
        mode = "future" if future else "past" if past else "nearest"
    if mode == "past" and not rel and _month_year(month, published, "nearest") == published.year \
            and date(published.year, month, 1) <= published + _NEXT_MONTH_SOON:
        mode = "nearest"     # "planned for early March" (published in February): this March
    year = _month_year(month, published, mode)
    if mode == "nearest" and date(year, month, 1) - published > _FAR_AHEAD:
        year -= 1            # no future cue: "In January, ..." written in October is past
    if rel == "last" and month in (published.month, published.month - 1):
        year -= 1            # "last February" said in March is a year back, as TimeBank reads it
    if rel == "next" and month == published.month:
        year += 1
    first, last = date(year, month, 1), _month_end(year, month)
    if part:
        lo_day, hi_day = _PARTS[part]
        first, last = first.replace(day=lo_day), last.replace(day=min(hi_day, last.day))
    return first, last


RULES = (_explicit_dates, _years, _weekdays, _day_words, _relative_units, _months_alone,
          _counted)