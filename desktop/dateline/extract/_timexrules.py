"""TIMEX3 rules beyond calendar dates: durations, PRESENT/PAST/FUTURE_REF, quarters and
fiscal years, bare years and decades, seasons, clock times and sets.

Each rule yields ``(start, end, date_start, date_end, precision, type, value)``; the dates
are None where the expression names no stretch of the calendar (a duration, "now").
Dateline's own rules, written from TimeML's guidelines and the development data.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ._daterules import _is_future
from ._timexwords import (
    NUMBER,
    PART_OF_DAY,
    SEASON_CODES,
    UNIT,
    duration_value,
    latest_quarter,
    number_value,
    quarter_of,
)

# ---------------------------------------------------------------- durations

_APPROX = (r"(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|"
           r"over|under|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|only|barely)")
_SPAN_MOD = r"(?:past|last|next|first|coming|previous|following|final|remaining|latest)"
# Found from the unit word (rarer than the words before it) backwards: a pattern that
# starts with optional words is tried at every position and is several times slower.
_UNIT_WORD_RE = re.compile(
    rf"(?<!\w)(?i:(?P<unit>{UNIT})(?P<pl>s)?)\b(?!-old|\s+old\b|-\w|['’]s\b)")
_COUNT_BEFORE_RE = re.compile(
    rf"(?<![\w$£€.,-])(?i:(?P<the>the\s+)?(?:(?P<mod>{_SPAN_MOD})\s+)?(?P<approx>{_APPROX}\s+)?"
    rf"(?P<n>{NUMBER})(?:\s+(?:more|full|long|straight|consecutive|trading|business|"
    rf"calendar|working))?(?P<sep>\s+|-))$")
_BARE_CUE_RE = re.compile(r"(?i:\b(?:for|in|within|over|took|take|takes|lasted|last|lasts)\s+"
                          r"(?:(?:many|several|the|past)\s+)?)$")
# "in recent months", "in coming weeks": a vague stretch, its adjective in the span
_VAGUE_SPAN_RE = re.compile(r"(?i:\b(?:the\s+)?(?:recent|coming)\s+)$")


def durations(text, lo, hi, published):
    for u in _UNIT_WORD_RE.finditer(text, lo, hi):
        m = _COUNT_BEFORE_RE.search(text, max(0, u.start() - 70), u.start()) \
            if _counted_word_before(text, u.start()) else None
        if m is None:
            vague = _VAGUE_SPAN_RE.search(text, max(0, u.start() - 16), u.start()) \
                if u["pl"] and u["unit"].lower() not in ("year", "decade") else None
            if vague:
                yield (vague.start(), u.end(), None, None, None, "DURATION",
                       duration_value(None, u["unit"]))   # "recent months", "coming weeks"
            elif u["pl"] and _BARE_CUE_RE.search(text, max(0, u.start() - 30), u.start()):
                yield (u.start(), u.end(), None, None, None, "DURATION",
                       duration_value(None, u["unit"]))   # "for years", "within weeks"
            continue
        n_text = m["n"].lower()
        if m["sep"] == "-" and n_text in ("a", "an"):
            continue
        if u["unit"].lower() == "quarter" and (m["sep"] == "-" and u["pl"] or
                                               re.match(r"\s+of\b", text[u.end():u.end() + 4])):
            continue           # "three-quarters of the vote": a fraction
        if n_text in ("a", "an") and not (m["the"] or m["mod"] or m["approx"]) and \
                not _A_CUE_RE.search(text, max(0, m.start() - 12), m.start()) and \
                not _SHIFT_AFTER_RE.match(text, u.end()):
            continue           # "$5 a year", "24 hours a day": a rate, not a duration
        if n_text == "one" and _per_unit(text, m.start()):
            continue
        count = number_value(m["n"])
        if count is not None and count == 0:
            continue
        yield (m.start(), u.end(), None, None, None, "DURATION", duration_value(count, u["unit"]))


_COUNT_TAILS = frozenset(("more", "full", "long", "straight", "consecutive", "trading", "business",
                          "calendar", "working", "few", "several", "many", "some", "of", "dozen",
                          "a", "an"))


def _counted_word_before(text: str, pos: int) -> bool:
    """Cheap test before the costly backward search: is the word before the unit a count
    ("three", "90", "twenty-five", "a") or a word that may follow one ("trading", "more")?"""
    words = text[max(0, pos - 24):pos].replace("-", " ").split()
    if not words:
        return False
    word = words[-1].lower().rstrip(",")
    return word[-1:].isdigit() or word in _COUNT_TAILS or number_value(word) is not None


_SHIFT_AFTER_RE = re.compile(r"[ \t]+(?i:earlier|later|before|after)\b")   # "A month earlier"
_A_CUE_RE = re.compile(r"(?i:\b(?:for|in|within|over|about|nearly|almost|than|after|before|"
                       r"past|last|first|next|around|only|just|least|under|to|some|by|into|"
                       r"than|lasted|last|took|spent|extra|another)\s+)$")


def _per_unit(text: str, pos: int) -> bool:
    before = text[max(0, pos - 14):pos].lower()
    return bool(re.search(r"(?:\d|times|twice|once|cents?|share|\$\S*|percent|%)\s*$", before))


# ---------------------------------------------------------------- PRESENT/PAST/FUTURE_REF

_REF_RE = re.compile(
    r"(?<![\w-])(?:(?P<present>(?i:now|currently|nowadays|presently|at\s+present|these\s+days))"
    r"|(?P<past>(?i:recently|lately|(?:in\s+)?the\s+past|recent\s+(?:years|times|decades)|"
    r"(?<=the\s)recent|past\s+years|the\s+time))"
    r"|(?P<future>(?i:the\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date)))"
    r"(?![\w-])(?!\s+(?:\d|decade|century|week|month|year|day|quarter|summer|winter|spring|fall|"
    r"autumn|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|\w+teen)\b)")
_NOW_THAT_RE = re.compile(r"\s+that\b|\s*,?\s+(?:on|then)\b")


_AT_BY_RE = re.compile(r"(?i:\bat|\bby)\s+$")


def references(text, lo, hi, published):
    for m in _REF_RE.finditer(text, lo, hi):
        word = m.group().lower()
        if word == "now" and _NOW_THAT_RE.match(text, m.end()):
            continue
        if word == "the time" and not _AT_BY_RE.search(text, max(0, m.start() - 4), m.start()):
            continue           # only "at the time", "by the time"
        kind = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
        yield (m.start(), m.end(), None, None, None, "DATE", kind)


# ---------------------------------------------------------------- quarters, halves, fiscal years

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_RE = re.compile(
    r"(?<![\w-])(?i:(?P<owner>(?:the|a|this|that|its|last\s+year['’]s|this\s+year['’]s|"
    r"next\s+year['’]s)\s+)?(?:(?P<owner_year>(?:1[89]|20)\d\d)\s+)?(?:(?P<ago>year-(?:ago|earlier))\s+)?(?:(?:fiscal|flat|latest|"
    r"current|same|comparable|previous|recent|calendar)\s+)*"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?P<unit>quarter|half|period)"
    r"(?:\s+of\s+(?P<year>(?:fiscal\s+)?(?:1[89]|20)\d\d))?"
    r"|(?P<plain>quarter|period)\b)"
    r"|(?P<bare_ago>year-(?:ago|earlier)(?:\s+(?:quarter|period))?))(?![\w-])")


def quarters(text, lo, hi, published):
    if published is None:
        return
    for m in QUARTER_RE.finditer(text, lo, hi):
        owner = (m["owner"] or "").lower().strip()
        back = 1 if ("last" in owner or m["ago"] or m["bare_ago"]) else 0
        ahead = 1 if "next" in owner else 0
        if m["owner_year"] and m["plain"] and owner == "the":
            _, q = latest_quarter(published)
            year = int(m["owner_year"])
            yield (m.start(), m.end(), *_quarter_days(year, q), "range", "DATE", f"{year}-Q{q}")
            continue
        if m["plain"]:
            if not owner or owner in ("a",) or (m["plain"].lower() == "period" and not (
                    re.search(r"(?i:latest|year-ago|year-earlier|same|comparable)", m.group()))):
                continue
            year, q = latest_quarter(published)
            yield (m.start(), m.end(), *_quarter_days(year - back, q), "range", "DATE",
                   f"{year - back}-Q{q}")
            continue
        if m["bare_ago"]:
            year, q = latest_quarter(published)
            yield (m.start(), m.end(), *_quarter_days(year - 1, q), "range", "DATE", f"{year - 1}-Q{q}")
            continue
        n, unit = _ORD[m["ord"].lower()], m["unit"].lower()
        if unit == "half" and n > 2:
            continue
        if m["year"] or m["owner_year"]:
            year = int((m["year"] or m["owner_year"])[-4:])
        else:
            year = published.year - back + ahead
            first_month = 1 + (n - 1) * (3 if unit != "half" else 6)
            if not (back or ahead) and first_month > published.month + 3:
                year -= 1      # "the third quarter" in February: last year's
        if unit == "half":
            start = date(year, 1 + 6 * (n - 1), 1)
            end = date(year, 6, 30) if n == 1 else date(year, 12, 31)
            yield (m.start(), m.end(), start, end, "range", "DATE", f"{year}-H{n}")
        else:
            yield (m.start(), m.end(), *_quarter_days(year, n), "range", "DATE", f"{year}-Q{n}")


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
    r"members|cases|dead|deaths|homes|houses)\b)")
_DAY_BEFORE_RE = re.compile(r"\d(?:st|nd|rd|th)?,?[ \t]+$")
_DECADE_WORD_RE = re.compile(r"(?<![\w])(?i:the\s+)?['’](?P<yy>\d0)s\b")
_YEAR_PARTS = {"early": (1, 4), "beginning": (1, 4), "start": (1, 4), "mid": (5, 8),
               "middle": (5, 8), "late": (9, 12), "end": (9, 12), "first": (1, 6), "second": (7, 12)}


def years(text, lo, hi, published):
    for m in YEAR_ALONE_RE.finditer(text, lo, hi):
        year = int(m["year"])
        if _DAY_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue           # the year of an impossible date ("February 30, 2017")
        if m["decade"]:
            if year % 10 == 0:      # "the late 1980s": the decade alone, as TimeBank marks it
                yield (m.start("year"), m.end("decade"), date(year, 1, 1), date(year + 9, 12, 31),
                       "range", "DATE", str(year)[:3] + "X")
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
        first = date(year, _SEASON_START[code], 1)
        end_year, end_month = (year + 1, 2) if code == "WI" else (year, _SEASON_START[code] + 2)
        last = date(end_year + (end_month == 12), 1 if end_month == 12 else end_month + 1, 1) - \
            timedelta(days=1)
        yield (m.start(), m.end(), first, last, "range", "DATE", f"{year}-{code}")


# ---------------------------------------------------------------- clock times

_ZONE = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|KST|HKT|IST|local\s+time)\)?)"
CLOCK_RE = re.compile(
    r"(?<![\w:.$])(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?=" + _ZONE + r"|\s+(?i:hours|hrs|h)\b)"
    r"|(?P<word>(?i:noon|midnight|midday)))" + rf"(?P<zone>{_ZONE})?")


def clock_times(text, lo, hi, published):
    """Clock times alone; ``timex`` joins them with a neighbouring day ("10 p.m. Wednesday")."""
    for m in CLOCK_RE.finditer(text, lo, hi):
        if m["word"]:
            hhmm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["word"].lower()]
        elif m["ap"]:
            hour = int(m["h"])
            if not 1 <= hour <= 12:
                continue
            pm = m["ap"][0].lower() == "p"
            hour = (hour % 12) + (12 if pm else 0)
            hhmm = f"{hour:02d}:{m['m'] or '00'}"
        else:
            hhmm = f"{int(m['h24']):02d}:{m['m24']}"
        day = published
        value = f"{day.isoformat()}T{hhmm}" if day else f"XXXX-XX-XXT{hhmm}"
        yield (m.start(), m.end(), day, day, "day" if day else None, "TIME", value)


_DAY_PART_RE = re.compile(
    r"(?<![\w-])(?i:(?P<rel>this|last|yesterday|tomorrow|early\s+this|late\s+last|late\s+this)\s+"
    r"(?P<part>morning|afternoon|evening|night))\b")


def day_parts(text, lo, hi, published):
    if published is None:
        return
    for m in _DAY_PART_RE.finditer(text, lo, hi):
        rel = m["rel"].lower().split()[-1]
        part = m["part"].lower()
        shift = {"this": 0, "last": -1 if part in ("night", "evening") else 0, "yesterday": -1,
                 "tomorrow": 1}[rel]
        if rel == "last" and part in ("morning", "afternoon"):
            continue
        day = published + timedelta(days=shift)
        yield (m.start(), m.end(), day, day, "day", "TIME",
               f"{day.isoformat()}T{PART_OF_DAY[part]}")


# ---------------------------------------------------------------- sets

_SET_UNITS = {"day": "P1D", "night": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y",
              "quarter": "P1Q", "season": "P1Y", "morning": "P1D", "evening": "P1D",
              "hour": "PT1H", "minute": "PT1M", "decade": "P10Y", "weekend": "P1W"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SET_RE = re.compile(
    r"(?<![\w-])(?:(?P<every>(?i:every|each))\s+(?:(?P<n>other|two|three|four|five|six|ten|"
    r"\d{1,2})\s+)?(?P<unit>(?i:day|night|week|month|year|quarter|season|morning|evening|hour|"
    r"minute|decade|weekend)s?|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday))"
    r"|(?P<adverb>(?i:daily|weekly|monthly|yearly|hourly|nightly))(?![ \t]+[a-z])"
    r"|(?P<times>(?i:once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|each)\s+"
    r"(?P<unit2>day|week|month|year|quarter|season|hour|minute|night))"
    r"|(?i:on\s+)(?P<wds>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b")
_ADVERB_UNITS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                 "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D"}
_NEWSPAPER_RE = re.compile(r"(?i:\b(?:the|a|party|newspaper|business|financial|official|"
                           r"government|national|state|leading|english-language)\s+)$")


def sets(text, lo, hi, published):
    for m in SET_RE.finditer(text, lo, hi):
        if m["adverb"]:
            word = m["adverb"].lower()
            if _NEWSPAPER_RE.search(text, max(0, m.start() - 25), m.start()) or \
                    re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]):
                continue       # "the Communist Party daily Granma": a newspaper
            yield (m.start(), m.end(), None, None, None, "SET", _ADVERB_UNITS[word])
        elif m["times"]:
            yield (m.start(), m.end(), None, None, None, "SET", _SET_UNITS[m["unit2"].lower()])
        elif m["wds"]:
            n = _WEEKDAYS.index(m["wds"].lower()[:-1]) + 1
            yield (m.start("wds"), m.end(), None, None, None, "SET", f"XXXX-WXX-{n}")
        elif m["wd"]:
            n = _WEEKDAYS.index(m["wd"].lower()) + 1
            yield (m.start(), m.end(), None, None, None, "SET", f"XXXX-WXX-{n}")
        else:
            unit = m["unit"].lower().rstrip("s")
            value = _SET_UNITS[unit]
            count = m["n"]
            if count:
                k = 2 if count.lower() == "other" else number_value(count)
                if k is None:
                    continue
                value = re.sub(r"\d+", str(int(k) * int(re.search(r"\d+", value)[0])), value, 1)
            yield (m.start(), m.end(), None, None, None, "SET", value)


AGO_RE = re.compile(
    rf"(?<![\w$£€.,-])(?i:(?:{_APPROX}\s+)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})s?\s+ago)\b")


def ago(text, lo, hi, published):
    """"almost four years ago", "a decade ago", "a few years ago": a date before
    publication (its days only where the count is exact: the calendar rules)."""
    if published is None:
        return
    for m in AGO_RE.finditer(text, lo, hi):
        count, unit = number_value(m["n"]), m["unit"].lower().rstrip("s")
        if count is None:
            yield (m.start(), m.end(), None, None, None, "DATE", "PAST_REF")
            continue
        n = int(count)
        if unit in ("year", "decade", "century"):
            years = n * {"year": 1, "decade": 10, "century": 100}[unit]
            if published.year - years > 0:
                yield (m.start(), m.end(), None, None, None, "DATE", str(published.year - years))
        elif unit == "month":
            index = published.year * 12 + published.month - 1 - n
            yield (m.start(), m.end(), None, None, None, "DATE", f"{index // 12:04d}-{index % 12 + 1:02d}")
        elif unit in ("week", "day"):
            day = published - timedelta(days=n * (7 if unit == "week" else 1))
            value = day.isoformat()
            if unit == "week":
                year, week, _ = day.isocalendar()
                value = f"{year}-W{week:02d}"
            yield (m.start(), m.end(), None, None, None, "DATE", value)


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
    r"(?<![\w-])(?:(?P<the>(?i:the\s+year)\s+)?(?i:(?P<century>nineteen|eighteen)\s+"
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
        start = m.start("the") if m["the"] else m.start("century") if m["century"] else m.start()
        yield (start, m.end(), date(year, 1, 1), date(year, 12, 31), "year", "DATE", str(year))


RULES = (the_year, holidays, spoken_years, ago, durations, references, quarters, fiscal_years, years, clock_times, day_parts, sets)
