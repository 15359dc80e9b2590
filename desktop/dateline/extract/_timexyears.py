"""TIMEX3 rules for named stretches of the calendar: quarters and halves, fiscal years,
years, decades and year ranges, "the year" of business news, seasons, holidays and the
spoken years of broadcast transcripts ("nineteen ninety-six").

Rules yield ``(start, end, date_start, date_end, precision, type, value)`` like
``_timexrules``'s. Dateline's own rules, written from TimeML's guidelines and the data.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ._daterules import _is_future
from ._timexwords import MONTH_NAMES, SEASON_CODES, latest_quarter, number_value

# ---------------------------------------------------------------- quarters, halves, fiscal years

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_RE = re.compile(
    r"(?<![\w-])(?i:(?P<owner>(?:the|a|this|that|its|last\s+year['’]s|this\s+year['’]s|"
    r"next\s+year['’]s)\s+)?(?:(?P<owner_year>(?:1[89]|20)\d\d)\s+)?"
    r"(?:(?P<ago>year-(?:ago|earlier))\s+)?(?:(?:fiscal|flat|latest|"
    r"current|same|comparable|corresponding|previous|recent|calendar)\s+|fiscal-)*"
    r"(?:(?P<ago2>year-(?:ago|earlier))\s+(?=quarter|period))?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|latter)[- ]"
    r"(?:(?P<two>two)\s+(?=quarters))?(?P<unit>quarter|half|period)s?"
    r"(?:\s+of\s+(?P<year>(?:fiscal\s+)?(?:1[89]|20)\d\d))?"
    r"|(?P<plain>quarter|period)\b)"
    r"|(?P<bare_ago>year-(?:ago|earlier)(?:\s+(?:quarter|period))?))(?![\w-])")


def quarters(text, lo, hi, published):
    if published is None:
        return
    for m in QUARTER_RE.finditer(text, lo, hi):
        owner = (m["owner"] or "").lower().strip()
        back = 1 if ("last" in owner or m["ago"] or m["ago2"] or m["bare_ago"]) else 0
        ahead = 1 if "next" in owner else 0
        if m["owner_year"] and m["plain"] and owner == "the":
            _, q = latest_quarter(published)
            year = int(m["owner_year"])
            yield (m.start(), m.end(), *_quarter_days(year, q), "range", "DATE", f"{year}-Q{q}")
            continue
        if m["plain"]:
            if not owner or owner in ("a",) or (m["plain"].lower() == "period" and not (
                    re.search(r"(?i:latest|year-ago|year-earlier|same|comparable|corresponding)",
                              m.group()))):
                continue
            year, q = latest_quarter(published)
            yield (m.start(), m.end(), *_quarter_days(year - back, q), "range", "DATE",
                   f"{year - back}-Q{q}")
            continue
        if m["bare_ago"]:
            year, q = latest_quarter(published)
            yield (m.start(), m.end(), *_quarter_days(year - 1, q), "range", "DATE", f"{year - 1}-Q{q}")
            continue
        n, unit = _ord_unit(m)
        if n is None:
            continue
        if m["year"] or m["owner_year"]:
            year = int((m["year"] or m["owner_year"])[-4:])
        else:
            year = published.year - back + ahead
            first_month = 1 + (n - 1) * (3 if unit != "half" else 6)
            if not (back or ahead) and first_month > published.month + 3:
                year -= 1      # "the third quarter" in February: last year's
        at = _span_start(text, m, owner)
        if unit == "half":
            start = date(year, 1 + 6 * (n - 1), 1)
            end = date(year, 6, 30) if n == 1 else date(year, 12, 31)
            yield (at, m.end(), start, end, "range", "DATE", f"{year}-H{n}")
        else:
            yield (at, m.end(), *_quarter_days(year, n), "range", "DATE", f"{year}-Q{n}")


def _span_start(text: str, m: re.Match, owner: str) -> int:
    """"a third-quarter loss", "its fourth quarter": the determiner of the noun the
    quarter modifies, or a possessive, is no part of the expression ("the third quarter"
    as a noun phrase keeps its "the")."""
    if owner == "its" or owner in ("the", "a", "this", "that") and text[m.end("ord")] == "-":
        return m.end("owner")
    return m.start()


def _ord_unit(m: re.Match) -> tuple[int | None, str]:
    """(n, "quarter"|"half"|"period"): "the first two quarters" is the first half; "the
    last half"/"the latter half" only of a named year (else it may mean the previous one)."""
    word, unit = m["ord"].lower(), m["unit"].lower()
    plural = m.group().lower().rstrip().endswith("s")
    if word in ("last", "latter"):
        if not m["year"] or unit == "period" or m["two"] and unit != "quarter":
            return None, unit
        return (2 if unit == "half" or m["two"] else 4), "half" if m["two"] else unit
    n = _ORD[word]
    if m["two"]:
        return (1 if n == 1 else None), "half"
    if plural or unit == "half" and n > 2:
        return None, unit
    return n, unit


def _quarter_days(year: int, q: int) -> tuple[date, date]:
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - timedelta(days=1)
    return start, end


FISCAL_RE = re.compile(
    r"(?<![\w-])(?i:(?:the\s+)?fiscal(?:\s+year)?\s+(?P<year>(?:1[89]|20)\d\d|['’]\d\d)"
    r"|(?P<rel>this|last|next|the\s+current|the\s+previous)\s+fiscal\s+year)\b")


def fiscal_years(text, lo, hi, published):
    for m in FISCAL_RE.finditer(text, lo, hi):
        if m["year"]:
            digits = m["year"].lstrip("'’")
            year = int(digits) if len(digits) == 4 else _century(int(digits), published)
        elif published is None:
            continue
        else:
            rel = m["rel"].lower()
            year = published.year + (-1 if rel in ("last", "the previous") else
                                     1 if rel == "next" else 0)
        if year is not None and 1 <= year <= 9999:
            yield (m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), "year", "DATE", str(year))


def _century(two_digits: int, published: date | None) -> int | None:
    base = published.year if published else None
    if base is None:
        return None
    year = base // 100 * 100 + two_digits
    return year - 100 if year > base + 20 else year


# ---------------------------------------------------------------- years, decades, year ranges

_YEAR_MOD = r"(?:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|the\s+(?:first|second)\s+half\s+of)"
YEAR_ALONE_RE = re.compile(
    rf"(?<![\w$£€#.,:/'-])(?:(?P<mod>(?i:{_YEAR_MOD}))[\s-]+)?(?P<the>(?i:the)\s+)?"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?![-–/.]\d{1,2}[-–/.]\d)(?P<decade>['’]?s)?"
    r"(?:[-–/](?P<to>\d{2}|\d{4})(?!\d))?"
    r"(?![\d,]\d|\.\d|%|\s*(?i:percent|per\s+cent|people|persons|troops|soldiers|feet|ft|"
    r"meters|metres|miles|km|kilometers|kilometres|tons|tonnes|yards|pounds|units|shares|"
    r"acres|hectares|barrels|votes|cars|jobs|rooms|beds|points|students|workers|employees|"
    r"members|cases|dead|deaths|homes|houses|"
    # "(1500 UTC)", "at 1930 GMT", "2300 hours": a 24-hour clock time, not a year
    r"UTC|GMT|Z|hours|hrs|local\s+time|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|JST|KST|IST)\b)")
_DAY_BEFORE_RE = re.compile(r"\d(?:st|nd|rd|th)?,?[ \t]+$")
_DECADE_WORD_RE = re.compile(r"(?<![\w])(?i:the\s+)?['’](?P<yy>\d0)s\b")
_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8),
               "middle": (5, 8), "late": (9, 12), "end": (9, 12), "first": (1, 6), "second": (7, 12)}


_PREFIXED_YEAR_RE = re.compile(r"(?<![\w-])(?:post|pre)-(?P<year>1[5-9]\d\d|20\d\d)(?![\w-])")


def years(text, lo, hi, published):
    for prefix in ("post-", "pre-"):     # "the post-1959 politics": the year alone
        at = text.find(prefix, lo, hi)
        while at >= 0:
            m = _PREFIXED_YEAR_RE.match(text, at)
            if m:
                year = int(m["year"])
                yield (m.start("year"), m.end(), date(year, 1, 1), date(year, 12, 31), "year",
                       "DATE", str(year))
            at = text.find(prefix, at + 1, hi)
    for m in YEAR_ALONE_RE.finditer(text, lo, hi):
        year = int(m["year"])
        if _DAY_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue           # the year of an impossible date ("February 30, 2017")
        if m["decade"]:
            if year % 10 == 0:
                yield _decade(text, m, year)
            continue
        if not m["mod"] and not m["the"] and _in_name(text, m.start("year")):
            continue
        start = m.start() if m["mod"] else m.start("year")
        first, last = date(year, 1, 1), date(year, 12, 31)
        precision = "year"
        if m["mod"]:
            part = next(w for w in _YEAR_PARTS if w in m["mod"].lower())
            lo_m, hi_m = _YEAR_PARTS[part]
            first = date(year, lo_m, 1)
            last = (date(year + 1, 1, 1) if hi_m == 12 else date(year, hi_m + 1, 1)) - timedelta(days=1)
            precision = "range"
        yield (start, m.end("year"), first, last, precision, "DATE", str(year))
        if m["to"]:
            to = int(m["to"]) if len(m["to"]) == 4 else year // 100 * 100 + int(m["to"])
            if year < to <= year + 100:
                yield (m.start("to"), m.end("to"), date(to, 1, 1), date(to, 12, 31), "year",
                       "DATE", str(to))
    for m in _DECADE_WORD_RE.finditer(text, lo, hi):
        if published is None:
            continue
        decade = published.year // 100 * 100 + int(m["yy"])
        if decade > published.year:
            decade -= 100
        if decade < 1:
            continue
        yield (m.start(), m.end(), date(decade, 1, 1), date(decade + 9, 12, 31), "range", "DATE",
               str(decade)[:3] + "X")


_THE_BEFORE_RE = re.compile(r"(?i:\bthe\s+)$")
# "a joint venture called Orion 1980": a number in a name, after a capitalised word inside
# the sentence that is no month or season ("in July 1997", "Spring 1990")
_NAME_WORD_BEFORE_RE = re.compile(r"[a-z,][ \t]+(?P<word>[A-Z][a-z]+)[ \t]+$")
_CALENDAR_WORDS = frozenset([m.lower() for m in MONTH_NAMES] + (
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer fall autumn winter "
    "christmas easter fiscal year").split())


def _in_name(text: str, pos: int) -> bool:
    m = _NAME_WORD_BEFORE_RE.search(text, max(0, pos - 24), pos)
    return m is not None and m["word"].lower() not in _CALENDAR_WORDS


def _decade(text: str, m: re.Match, year: int) -> tuple:
    """"the 1980s" is 198X as TimeBank writes it; "the late 1980s" spans its modifier and
    takes the TIMEX3 decade value "198" (the modifier is a MOD, not a narrower date)."""
    first, last = date(year, 1, 1), date(year + 9, 12, 31)
    if not m["mod"]:
        return (m.start("year"), m.end("decade"), first, last, "range", "DATE", str(year)[:3] + "X")
    the = _THE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())
    return (the.start() if the else m.start(), m.end("decade"), first, last, "range", "DATE",
            str(year)[:3])


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
                  "twenty-first", "twenty-second")
CENTURY_RE = re.compile(
    r"(?<![\w-])(?i:(?:(?P<rel>this|last|next|the\s+(?:current|last|previous|next|coming))|"
    r"(?:the\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)|the\s+(?P<word>"
    + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r"))\s+century)\b")


def centuries(text, lo, hi, published):
    """"this century" (published 2017: "20"), "the 11th century" ("10"): TimeML writes a
    century as its first two digits."""
    for m in CENTURY_RE.finditer(text, lo, hi):
        if m["rel"]:
            if published is None:
                continue
            rel = m["rel"].lower().split()[-1]
            hundreds = published.year // 100 + {"last": -1, "previous": -1, "next": 1,
                                                 "coming": 1}.get(rel, 0)
        elif m["ord"]:
            hundreds = int(m["ord"]) - 1
        else:
            hundreds = _ORDINAL_WORDS.index(m["word"].lower())
        if not 1 <= hundreds <= 99:
            continue
        # no dates: a hundred years is no point or stretch to date an event or a quote by
        yield (m.start(), m.end(), None, None, None, "DATE", f"{hundreds:02d}")


# ---------------------------------------------------------------- seasons

SEASON_RE = re.compile(
    r"(?<![\w-])(?i:(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>spring|summer|fall|autumn|"
    r"winter)(?:\s+(?:of\s+)?(?P<year>(?:1[89]|20)\d\d))?)\b")
_SEASON_CUE_RE = re.compile(r"(?i:\b(?:in|during|by|until|this|last|next|the|early|late|since|"
                            r"through)\s+(?:the\s+)?)$")
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


_RELATIVE_CUE_RE = re.compile(r"(?i:this|last|next)\s+(?:the\s+)?$")
_FALL_OF_RE = re.compile(r"\s+of\b")


def seasons(text, lo, hi, published):
    """"summer 2012", "in the spring", "early winter": meteorological seasons; a season
    without a year is this year's, or last year's in a clause that is not about the future
    when it has not begun yet. "last fall" is the relative-unit rule's."""
    for m in SEASON_RE.finditer(text, lo, hi):
        code = SEASON_CODES[m["season"].lower()]
        if m["year"]:
            year = int(m["year"])
        else:
            cue = _SEASON_CUE_RE.search(text, max(lo, m.start() - 20), m.start())
            if cue is None or published is None or _RELATIVE_CUE_RE.search(cue.group()):
                continue
            if code == "FA" and _FALL_OF_RE.match(text, m.end()):
                continue       # "the fall of the Berlin Wall"
            year = published.year
            if not _is_future(text, m.start()) and date(year, _SEASON_START[code], 1) > published:
                year -= 1
        yield (m.start(), m.end(), *_season_days(year, code), "range", "DATE", f"{year}-{code}")


def _season_days(year: int, code: str) -> tuple[date, date]:
    """A meteorological season's first and last days (winter runs into the next year)."""
    first = date(year, _SEASON_START[code], 1)
    end_year, end_month = (year + 1, 2) if code == "WI" else (year, _SEASON_START[code] + 2)
    last = date(end_year + (end_month == 12), 1 if end_month == 12 else end_month + 1, 1) - \
        timedelta(days=1)
    return first, last


# ---------------------------------------------------------------- "the year", year-end

THE_YEAR_RE = re.compile(
    r"(?<![\w-])(?i:(?P<end>(?:the\s+end\s+of\s+the\s+year|year[- ]end|year['’]s\s+end))"
    r"|(?:earlier|later)\s+in\s+the\s+year"
    r"|the\s+(?:(?:full|fiscal|current|calendar)\s+)?year)(?![\w-])")
_THE_YEAR_CUE_RE = re.compile(r"(?i:\b(?:for|of|in|during|through|throughout|by|since)\s+)$")
_ENDED_RE = re.compile(r"[ \t]+(?i:ended|ending|to\s+date)\b")


def the_year(text, lo, hi, published):
    """"for the year ended Sept. 30" (a year's span: P1Y), "a high for the year", "by
    year-end" (the publication year): the year a business story is about."""
    if published is None:
        return
    for m in THE_YEAR_RE.finditer(text, lo, hi):
        words = m.group().lower()
        if _ENDED_RE.match(text, m.end()):
            yield (m.start(), m.end(), None, None, None, "DURATION", "P1Y")
        elif words.startswith(("earlier", "later")) or m["end"] or \
                _THE_YEAR_CUE_RE.search(text, max(0, m.start() - 12), m.start()):
            year = published.year
            if m["end"] and words.startswith("year") and \
                    re.search(r"(?i:since)\s+$", text[max(0, m.start() - 8):m.start()]):
                year -= 1        # "since year-end": the end of last year
            yield (m.start(), m.end(), date(year, 1, 1), date(year, 12, 31), "year", "DATE",
                   str(year))


# ---------------------------------------------------------------- holidays

def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous algorithm in Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (n > 0) or last (n = -1) weekday (0 = Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS = {
    "new year's day": lambda y: date(y, 1, 1), "new year's eve": lambda y: date(y, 12, 31),
    "christmas day": lambda y: date(y, 12, 25), "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25), "boxing day": lambda y: date(y, 12, 26),
    "valentine's day": lambda y: date(y, 2, 14), "halloween": lambda y: date(y, 10, 31),
    "independence day": lambda y: date(y, 7, 4), "bastille day": lambda y: date(y, 7, 14),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter sunday": _easter, "easter": _easter,
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
}
HOLIDAY_RE = re.compile(
    r"(?<![\w-])(?P<name>" + "|".join(
        re.escape(n).replace("'", "['’]").replace(r"\ ", r"\s+") for n in
        sorted(HOLIDAYS, key=len, reverse=True)) + r")(?:\s+(?P<year>(?:1[89]|20)\d\d))?(?![\w-])",
    re.IGNORECASE)


def holidays(text, lo, hi, published):
    for m in HOLIDAY_RE.finditer(text, lo, hi):
        if not m["name"][0].isupper():
            continue           # "christmas" in lower case is not a date in news prose
        rule = HOLIDAYS[" ".join(m["name"].lower().replace("’", "'").split())]
        if m["year"]:
            day = rule(int(m["year"]))
        elif published is None:
            continue
        else:
            options = [rule(y) for y in (published.year - 1, published.year, published.year + 1)]
            future = _is_future(text, m.start())
            if future:
                day = next(d for d in options if d >= published)
            else:
                before = [d for d in options if d <= published]
                day = before[-1] if before and (published - before[-1]).days <= 270 else \
                    min(options, key=lambda d: abs((d - published).days))
        yield (m.start(), m.end(), day, day, "day", "DATE", day.isoformat())


# ---------------------------------------------------------------- spoken years (transcripts)

_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SPOKEN_YEAR_RE = re.compile(
    r"(?<![\w-])(?:(?P<month>" + "|".join(MONTH_NAMES) + r")\s+"
    r"|(?P<season>(?i:(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of)\s+))?"
    r"(?:(?P<the>(?i:the\s+year)\s+)?(?i:(?P<century>nineteen|eighteen)\s+"
    r"(?P<rest>(?:" + "|".join(_TENS_WORDS) + r")(?:[- ](?:" + "|".join(_UNITS_WORDS) + r"))?|"
    + "|".join(_TEENS) + r"|hundred)"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?P<rest2>" + "|".join(_TEENS + _UNITS_WORDS) + r"))?))"
    r"(?![\w-])(?!\s+(?i:years|days|months|weeks|people|dollars|troops|times|miles|"
    r"kilometers|tons|points|percent|members|soldiers|pounds|feet|meters)\b)")


def spoken_years(text, lo, hi, published):
    """"nineteen ninety-six", "the year two thousand": years as broadcast transcripts write them."""
    for m in SPOKEN_YEAR_RE.finditer(text, lo, hi):
        if m["century"]:
            head = 1900 if m["century"].lower() == "nineteen" else 1800
            rest = m["rest"].lower()
            value = 0 if rest == "hundred" else number_value(rest.replace(" ", "-"))
        else:
            head, value = 2000, number_value(m["rest2"]) if m["rest2"] else 0
        if value is None:
            continue
        year = head + int(value)
        if m["month"]:         # "January nineteen ninety-seven"
            month = MONTH_NAMES.index(m["month"]) + 1
            last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            yield (m.start(), m.end(), date(year, month, 1), last, "month", "DATE",
                   f"{year}-{month:02d}")
        elif m["season"]:      # "the winter of nineteen ninety-four"
            code = SEASON_CODES[m["season"].split()[-2].lower()]
            yield (m.start(), m.end(), *_season_days(year, code), "range", "DATE",
                   f"{year}-{code}")
        else:
            start = m.start("the") if m["the"] else m.start("century") if m["century"] else \
                m.start()
            yield (start, m.end(), date(year, 1, 1), date(year, 12, 31), "year", "DATE",
                   str(year))
