"""TIMEX3 rules beyond calendar dates: durations, "N years ago", PRESENT/PAST/FUTURE_REF,
clock times, parts of the day and sets (years, quarters, seasons, holidays: ``_timexyears``).

Each rule yields ``(start, end, date_start, date_end, precision, type, value)``; the dates
are None where the expression names no stretch of the calendar (a duration, "now").
Dateline's own rules, written from TimeML's guidelines and the development data.
"""
from __future__ import annotations

import re
from datetime import timedelta

from ._timexwords import MONTH_NAMES, NUMBER, PART_OF_DAY, UNIT, duration_value, number_value

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
    rf"calendar|working|additional|extra|further))?(?P<sep>\s+|-))$")
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
                if u["pl"] else None
            if vague and u["unit"].lower() in ("year", "decade") and \
                    "recent" in vague.group().lower():
                vague = None   # "recent years": PAST_REF, the references' rule
            past = _PAST_ONE_RE.search(text, max(0, u.start() - 12), u.start()) \
                if not u["pl"] and u["unit"].lower() == "decade" else None
            if past:           # "over the past decade": ten years back from now
                yield (past.start(), u.end(), None, None, None, "DURATION", "P10Y")
            elif vague:
                yield (vague.start(), u.end(), None, None, None, "DURATION",
                       duration_value(None, u["unit"]))   # "recent months", "coming weeks"
            elif u["pl"] and _BARE_CUE_RE.search(text, max(0, u.start() - 30), u.start()):
                yield (u.start(), u.end(), None, None, None, "DURATION",
                       duration_value(None, u["unit"]))   # "for years", "within weeks"
            continue
        n_text = m["n"].lower()
        if m["sep"] == "-" and n_text in ("a", "an"):
            continue
        if u["unit"].lower() == "quarter" and number_value(n_text) is not None and (
                m["sep"] == "-" and u["pl"] or re.match(r"\s+of\b", text[u.end():u.end() + 4])):
            continue           # "three-quarters of the vote": a fraction ("several quarters
            #                    of losses" is a stretch of time)
        if n_text in ("a", "an") and not (m["the"] or m["mod"] or m["approx"]) and \
                not _A_CUE_RE.search(text, max(0, m.start() - 12), m.start()) and \
                not _SHIFT_AFTER_RE.match(text, u.end()) and not _OR_TWO_RE.match(text, u.end()):
            continue           # "$5 a year", "24 hours a day": a rate, not a duration
        if n_text == "one" and _per_unit(text, m.start()):
            continue
        if n_text == "one" and u["unit"].lower() == "day" and not u["pl"] and \
                not (m["the"] or m["mod"] or m["approx"]) and \
                _SOMEDAY_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()) and \
                not _SHIFT_AFTER_RE.match(text, u.end()):
            yield (m.start(), u.end(), None, None, None, "DATE", "FUTURE_REF")
            continue           # "Islam will one day be ...": some day, not a day long
        count = number_value(m["n"])
        if count is not None and count == 0 or _RATE_AFTER_RE.match(text, u.end()) or \
                _PAY_AFTER_RE.match(text, u.end()):
            continue           # "24 hours a day", "six months of base pay": a rate, an amount
        yield (m.start(), u.end(), None, None, None, "DURATION", duration_value(count, u["unit"]))


_PAST_ONE_RE = re.compile(r"(?i:\bthe\s+(?:past|last)\s+)$")
_OR_TWO_RE = re.compile(r"[ \t]+or[ \t]+(?:two|so)\b")    # "a month or two": a rough length
_LONG_RE = re.compile(rf"(?<![\w-])(?:(?P<n>{NUMBER})-)?(?P<unit>{UNIT})(?P<pl>s)?-long\b",
                      re.IGNORECASE)


def long_durations(text, lo, hi, published):
    """"a decades-long battle", "a day-long meeting", "a 10-year-long war"."""
    for m in _LONG_RE.finditer(text, lo, hi):
        count = number_value(m["n"]) if m["n"] else (None if m["pl"] else 1)
        yield (m.start(), m.end(), None, None, None, "DURATION", duration_value(count, m["unit"]))


# a modal or a hope before "one day": "will one day be", "hopes to one day fly"
_SOMEDAY_BEFORE_RE = re.compile(r"(?i:\b(?:will|would|could|may|might|can|shall|should|must|"
                                r"'ll|to)\s+)$")

_COUNT_TAILS = frozenset(("more", "full", "long", "straight", "consecutive", "trading", "business",
                          "calendar", "working", "additional", "extra", "further", "few",
                          "several", "many", "some", "of", "dozen", "a", "an"))


def _counted_word_before(text: str, pos: int) -> bool:
    """Cheap test before the costly backward search: is the word before the unit a count
    ("three", "90", "twenty-five", "a") or a word that may follow one ("trading", "more")?"""
    words = text[max(0, pos - 24):pos].replace("-", " ").split()
    if not words:
        return False
    word = words[-1].lower().rstrip(",")
    return word[-1:].isdigit() or word in _COUNT_TAILS or number_value(word) is not None


_PAY_AFTER_RE = re.compile(r"[ \t]+of[ \t]+(?:[a-z]+[ \t]+)?(?i:pay|salary|wages|severance|rent)\b")
_RATE_AFTER_RE = re.compile(r"[ \t]+(?i:a|an|per|each)[ \t]+(?i:day|week|month|year)\b")
_SHIFT_AFTER_RE = re.compile(r"[ \t]+(?i:earlier|later|before|after)\b")   # "A month earlier"
_A_CUE_RE = re.compile(r"(?i:\b(?:for|in|within|over|about|nearly|almost|than|after|before|"
                       r"past|last|first|next|around|only|just|least|under|to|some|by|into|"
                       r"than|lasted|last|took|spent|extra|another)\s+)$")


def _per_unit(text: str, pos: int) -> bool:
    before = text[max(0, pos - 14):pos].lower()
    return bool(re.search(r"(?:\d|times|twice|once|cents?|share|\$\S*|percent|%)\s*$", before))


# ---------------------------------------------------------------- PRESENT/PAST/FUTURE_REF

_REF_RE = re.compile(
    r"(?<![\w-])(?:(?P<present>(?i:now|currently|nowadays|presently|at\s+present|these\s+days|"
    r"(?<=at\s)this\s+time|(?<=at\s)the\s+moment))"
    r"|(?P<past>(?i:recently|lately|(?:in\s+)?the\s+past|recent\s+(?:years|times|decades)|"
    r"past\s+years|the\s+time))"
    r"|(?P<future>(?i:the\s+future|the\s+(?:near|short)\s+term|a\s+later\s+date)))"
    r"(?![\w-])(?!\s+(?:\d|decade|century|week|month|year|day|quarter|summer|winter|spring|fall|"
    r"autumn|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|\w+teen)\b)")
_NOW_THAT_RE = re.compile(r"\s+that\b|\s*,?\s+(?:on|then)\b")


_OF_RE = re.compile(r"\s+of\b")
_AT_BY_RE = re.compile(r"(?i:\bat|\bby)\s+$")
# "in the future", "well into the future", "worried about the future": the time to come;
# elsewhere "the future" is a noun for prospects ("the future looks bleak", "an approach to
# the future")
_FUTURE_CUE_RE = re.compile(r"(?i:\b(?:in|into|about|for|near|toward|towards|until|till)\s+)$")
_COMMA_RE = re.compile(r"[ \t]*,")
# a determiner or possessive right before "recently"/"currently": the adverb modifies an
# adjective inside a noun phrase ("the recently passed bill"), it dates no event of its own
_NP_INSIDE_RE = re.compile(r"(?i:\b(?:the|a|an|its|his|her|their|our|this|these|those)\s+)$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?][\"'`’”\s]*|\n)[\"'`‘“\s]*$")


def references(text, lo, hi, published):
    for m in _REF_RE.finditer(text, lo, hi):
        word = m.group().lower()
        if word == "now" and _NOW_THAT_RE.match(text, m.end()):
            continue
        if word in ("the time", "the future") and _OF_RE.match(text, m.end()):
            continue           # "the time of its founding", "the future of our peoples"
        if word == "the time" and not _AT_BY_RE.search(text, max(0, m.start() - 4), m.start()):
            continue           # only "at the time", "by the time"
        if word == "the future" and not _FUTURE_CUE_RE.search(text, max(0, m.start() - 12),
                                                               m.start()):
            continue
        if word == "now" and _COMMA_RE.match(text, m.end()) and _opens_sentence(text, m.start()):
            continue           # "Now, he says, ...": a discourse marker opening the sentence
        if word in ("recently", "currently") and _NP_INSIDE_RE.search(
                text, max(0, m.start() - 8), m.start()):
            continue
        if word == "the time" and text[m.start() - 3:m.start() - 1] == "At" and \
                _opens_sentence(text, m.start() - 3) and not _COMMA_RE.match(text, m.end()):
            continue           # "At the time Howes was captured, ...": a conjunction, = "when"
        kind = "PRESENT_REF" if m["present"] else "PAST_REF" if m["past"] else "FUTURE_REF"
        yield (m.start(), m.end(), None, None, None, "DATE", kind)
    at = text.find("for some time", lo, hi)      # a stretch of no stated length
    while at >= 0:
        if not text[at - 1:at].isalnum() and not text[at + 13:at + 14].isalnum():
            yield (at + 4, at + 13, None, None, None, "DURATION", "PXX")
        at = text.find("for some time", at + 1, hi)


def _opens_sentence(text: str, pos: int) -> bool:
    """Nothing but quotes or spaces between ``pos`` and the previous sentence's end."""
    return bool(_SENTENCE_START_RE.search(text, max(0, pos - 8), pos))


# ---------------------------------------------------------------- clock times

_ZONE = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|KST|HKT|IST|local\s+time)\)?)"
CLOCK_RE = re.compile(
    r"(?<![\w:.$])(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?=" + _ZONE + r"|\s+(?i:hours|hrs|h)\b)"
    r"|(?P<word>(?i:noon|midnight|midday)))" + rf"(?P<zone>{_ZONE})?")


_TITLE_BEFORE_RE = re.compile(r"[a-z,;]\s+[A-Z][a-z]+\s+$")


def clock_times(text, lo, hi, published):
    """Clock times alone; ``timex`` joins them with a neighbouring day ("10 p.m. Wednesday")."""
    for m in CLOCK_RE.finditer(text, lo, hi):
        if m["word"]:
            if m["word"][0].isupper() and _TITLE_BEFORE_RE.search(text, max(0, m.start() - 20),
                                                                  m.start()):
                continue       # "High Noon", "Midnight Express": a title
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
    r"Sunday)|(?P<month>" + "|".join(MONTH_NAMES) + "))"
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
        elif m["month"]:       # "each July"
            n = MONTH_NAMES.index(m["month"]) + 1
            yield (m.start(), m.end(), None, None, None, "SET", f"XXXX-{n:02d}")
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
    rf"(?<![\w$£€.,-])(?i:(?:{_APPROX}\s+)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})s?"
    r"(?:\s+or\s+so)?\s+ago)\b")


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
