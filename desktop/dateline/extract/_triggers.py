"""Where each TIMEX3 rule needs to look: small windows around its trigger words.

Running every rule's regular expression over a whole article costs ~20 ms per 1,000 words;
most of the text holds no time expression. One cheap pass of a prefix-tree regex over the
lower-cased text finds the trigger words, and each rule then runs only on the merged
windows around its own triggers. Each rule says how far its
expressions reach before and after their trigger word ("the first nine months" ends with
its trigger, "Sept. 30, 2017" starts with it); at most ``_BEFORE``/``_AFTER``.
"""
from __future__ import annotations

import re

_BEFORE, _AFTER = 64, 64

# a month's first three letters also find its full name ("sep": "Sept.", "September")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("second", "minute", "hour", "day", "night", "week", "month", "quarter", "year",
         "decade", "centur")
SEASONS = ("spring", "summer", "fall", "autumn", "winter")
DAY_WORDS = ("today", "tonight", "yesterday", "tomorrow")
REFERENCES = ("now", "current", "recent", "lately", "past", "future", "present", "these days",
              "time", "term", "later date", "coming", "moment")
DAY_PARTS = ("morning", "afternoon", "evening", "night")
SETS = ("daily", "weekly", "monthly", "yearly", "hourly", "nightly", "every", "each", "once",
        "twice")
QUARTERS = ("quarter", "half", "period", "year-")
ANCHORED = ("after", "before", "earlier", "later", "previously", "day", "morning", "night",
            "week", "overnight", "following year", "following month", "previous year",
            "previous month")
CLOCK_WORDS = ("noon", "midnight", "midday", "a.m", "p.m", "am", "pm")
OTHER = ("fiscal", "ago", "nineteen", "eighteen", "two thousand")
HOLIDAYS = ("new year", "christmas", "boxing day", "valentine", "halloween", "independence day",
            "bastille day", "thanksgiving", "labor day", "memorial day", "election day", "easter",
            "good friday")
# Title-case words (months, weekdays) only count where the text capitalises them
CAPITALISED = frozenset(MONTHS + WEEKDAYS)

_DIGITS_RE = re.compile(r"[12]\d{3}(?!\d)|['’]\d0s")
_CLOCK_RE = re.compile(r"\d:\d\d")     # 24-hour clock times ("15:00 GMT")


def _trie(words) -> str:
    """One alternation shaped as a prefix tree: the regex engine then tries a handful of
    branches per position instead of every word (a plain alternation is 10x slower)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        branches = [re.escape(k) + emit(node[k]) for k in sorted(node) if k]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(tree)


ALL_WORDS = sorted(set(MONTHS + WEEKDAYS + UNITS + SEASONS + DAY_WORDS + REFERENCES + DAY_PARTS
                       + SETS + QUARTERS + ANCHORED + CLOCK_WORDS + OTHER + HOLIDAYS))
_WORDS_RE = re.compile(r"(?<![a-z])" + _trie(ALL_WORDS))


class Triggers:
    """Trigger positions of one text, found in one pass and shared by all the rules."""

    def __init__(self, text: str, lo: int, hi: int):
        self.text, self.lo, self.hi = text, lo, hi
        low = text.lower()
        if len(low) != len(text):       # a few characters lower-case to two: keep offsets
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self._hits: dict[str, list[tuple[int, int]]] = {}
        hits = self._hits
        for m in _WORDS_RE.finditer(low, max(0, lo - _AFTER), min(len(text), hi + _BEFORE)):
            word = m.group()
            if word in CAPITALISED and not text[m.start()].isupper():
                continue
            hits.setdefault(word, []).append(m.span())

    def words(self, *groups) -> list[tuple[int, int]]:
        hits = self._hits
        return [span for group in groups for word in group for span in hits.get(word, ())]

    def years(self) -> list[tuple[int, int]]:
        """Four-digit numbers and "'90s" (one plain digit scan: a lookbehind is 4x slower)."""
        hits = self._hits.get("years")
        if hits is None:
            text = self.text
            hits = [m.span() for m in _DIGITS_RE.finditer(
                        text, max(0, self.lo - _AFTER), min(len(text), self.hi + _BEFORE))
                    if not text[m.start() - 1:m.start()].isdigit()]
            self._hits["years"] = hits
        return hits

    def clocks(self) -> list[tuple[int, int]]:
        """"15:00"; "10 p.m." and "noon" are trigger words (``CLOCK_WORDS``)."""
        if ":" not in self.text:
            return []
        return self._regex("clocks", _CLOCK_RE)

    def _regex(self, key: str, regex) -> list[tuple[int, int]]:
        hits = self._hits.get(key)
        if hits is None:
            hits = [m.span() for m in regex.finditer(self.text, max(0, self.lo - _AFTER),
                                                     min(len(self.text), self.hi + _BEFORE))]
            self._hits[key] = hits
        return hits

    def windows(self, hits: list[tuple[int, int]], before: int = _BEFORE,
                after: int = _AFTER) -> list[tuple[int, int]]:
        """Merged [lo, hi) windows reaching ``before``/``after`` characters around the hits,
        clipped to the text range asked for; a window ends at a space, never in a word."""
        out: list[tuple[int, int]] = []
        lo, hi, text = self.lo, self.hi, self.text
        a0 = b0 = -1
        for s, e in sorted(hits):
            a, b = s - before, e + after
            if a <= b0:
                b0 = b if b > b0 else b0
                continue
            if b0 >= 0:
                out.append((a0, b0))
            a0, b0 = a, b
        if b0 >= 0:
            out.append((a0, b0))
        result = []
        for a, b in out:
            a, b = max(lo, a), min(hi, b)
            if b < hi:
                space = text.find(" ", b, hi)
                b = hi if space < 0 else space
            if a < b:
                result.append((a, b))
        return result
