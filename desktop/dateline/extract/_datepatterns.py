"""Regular expressions for ``dateline.extract.temporal`` (kept apart to stay readable).

Month and weekday names match only in Title case or UPPER case, so the modal
"may", the verb "march" and the pronoun "We" never fire; a bare month name
also needs a cue word ("in April", "early April", "by January").
"""
from __future__ import annotations

import re

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
               "Nov", "Dec")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _alternation(words) -> str:
    forms = [w for word in words for w in (word, word.upper())]
    return "|".join(sorted(forms, key=len, reverse=True))


FULL_MONTH = rf"(?:{_alternation(_MONTHS)})"
ANY_MONTH = rf"(?:(?:{_alternation(_MONTHS)})\b|(?:{_alternation(_MONTH_ABBR)})\b\.?)"
WEEKDAY = rf"(?:{_alternation(_WEEKDAYS)})"
_YEAR = r"(?:1[89]|20)\d{2}"
# After a month name any four-digit year is a year ("March 3, 1650"); alone, only 1800-2099
_ANY_YEAR = r"[12]\d{3}"
_ORDINAL = r"(?:st|nd|rd|th)?"
_LEADING_WEEKDAY = rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?"
_TRAILING_YEAR = rf"(?:,?\s+(?P<year>{_ANY_YEAR})\b(?![.,]\d))?"

# "March 18", "Sept. 30, 2017", "Sunday, September 20th, 2020"
# (a second day makes a range: "March 18-19", "18-19 March 2017")
_SECOND_DAY = rf"(?:[ \t]*[-–][ \t]*(?P<day2>\d{{1,2}}){_ORDINAL}\b)?"
MONTH_DAY_RE = re.compile(
    rf"{_LEADING_WEEKDAY}\b(?P<mon>{ANY_MONTH})\s*(?P<day>\d{{1,2}}){_ORDINAL}\b{_SECOND_DAY}"
    rf"(?![.,:]\d){_TRAILING_YEAR}")
# "30 September 2017", "18th of March"
DAY_MONTH_RE = re.compile(
    rf"{_LEADING_WEEKDAY}\b(?P<day>\d{{1,2}}){_ORDINAL}\b{_SECOND_DAY}\s+(?:of\s+)?"
    rf"(?P<mon>{ANY_MONTH}){_TRAILING_YEAR}")
# "September 2017"
MONTH_YEAR_RE = re.compile(rf"\b(?P<mon>{ANY_MONTH})\s+(?P<year>{_ANY_YEAR})\b(?![.,]\d)")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# "in 2016", "by 2020" (the cue word is not part of the span)
YEAR_RE = re.compile(
    rf"\b(?i:in|by|until|during|of|from|before|after|through|throughout)\s+"
    rf"(?P<year>{_YEAR})\b(?!\s*(?:%|(?i:percent))|[-–/]\d)")
# "since the beginning of last year", "since 2016"
SINCE_YEAR_RE = re.compile(
    rf"\b(?i:since)\s+(?:(?i:the)\s+(?i:beginning|start)\s+of\s+)?"
    rf"(?:(?P<rel>(?i:last|this))\s+(?i:year)\b|(?P<year>{_YEAR})\b)")

# "on Friday", "Saturday's talks", "Thursday night", "next Sunday"
WEEKDAY_RE = re.compile(
    rf"(?:\b(?P<rel>(?i:last|next|this|past|coming))\s+)?\b(?P<wd>{WEEKDAY})\b"
    rf"(?:\s+(?P<part>(?i:night|morning|afternoon|evening))\b)?")
DAY_WORD_RE = re.compile(
    r"(?<!USA )\b(?P<word>(?i:today|tonight|yesterday|tomorrow))\b"
    r"(?:\s+(?i:morning|afternoon|evening|night)\b)?")

# "last week", "earlier this week", "this fall", "next month", "over the weekend", "for the
# week", "ahead of the weekend", "the week's"
RELATIVE_UNIT_RE = re.compile(
    r"\b(?P<mod>(?i:earlier\s+this|later\s+this|(?:over|during|for|through|throughout|until|"
    r"ahead\s+of)\s+the|the(?=\s+week['’]s\b)|last|next|this\s+past|this|past|coming))\s+"
    r"(?P<unit>(?i:week|weekend|month|year|fall|autumn|spring|summer|winter))\b")

_COUNT = (r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"\d{1,2})")
# "two days ago", "a week ago", "three years ago"
AGO_RE = re.compile(rf"\b(?i:{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago)\b")
# "the past two weeks", "the next three days" (not years or decades: too vague to plot)
COUNTED_SPAN_RE = re.compile(
    rf"\b(?i:(?P<mod>past|last|next|coming)\s+{_COUNT}\s+(?P<unit>day|week|month)s)\b")

# "in April", "early April", "by January", "mid-April", "since March", "last May":
# the month name is found first, then the cue words just before it (much faster
# than a pattern that starts with optional words).
MONTH_NAME_RE = re.compile(rf"\b(?P<mon>{FULL_MONTH})\b(?!\s*\d|-\d)")
# "June last year", "February this year": the month in that year
MONTH_YEAR_REL_RE = re.compile(r"[ \t]+(?:of[ \t]+)?(?P<rel>(?i:last|this|next))[ \t]+(?i:year)\b")
MONTH_CUE_RE = re.compile(
    r"(?:\b(?P<cue>(?i:since|in|by|until|till|from|during|through|before|after|of|for|the|a|an|"
    r"between|and|to|on))\s+)?"
    r"(?P<body>(?:\b(?P<rel>(?i:last|next|this))\s+|\b(?P<part>(?i:early|mid|late|"
    r"(?:the\s+)?(?:beginning|start|middle|end)\s+of))[\s-]+)?)$")


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def count_number(word: str) -> int:
    """1 from "a"/"one"/"1", 12 from "twelve"."""
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def month_number(name: str) -> int:
    """1-12 from a month name or abbreviation ("Sept." -> 9)."""
    key = name.strip(".")[:3].lower()
    return [m[:3].lower() for m in _MONTHS].index(key) + 1


def weekday_number(name: str) -> int:
    """0 (Monday) - 6 (Sunday)."""
    return [d.lower() for d in _WEEKDAYS].index(name.lower())
