"""Numbers, units and TimeML value pieces shared by the TIMEX3 rules (``timex``)."""
from __future__ import annotations

import re
from datetime import date, timedelta

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_VAGUE = ("several", "a few", "few", "many", "some", "a couple of", "couple of")
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL)} | _TENS | {
    "a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "a half": 0.5, "half a": 0.5}

# A count: digits, number words ("twenty-five"), "a"/"an", or a vague "several"/"a few"
NUMBER = (r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?|(?:" + "|".join(sorted(_TENS, key=len, reverse=True))
          + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
          + "|".join(sorted(_SMALL[1:], key=len, reverse=True)) + r"|a\s+dozen|dozen|an?|"
          + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in _VAGUE) + ")")

# unit word -> (TimeML letter, time part?, multiplier)
UNITS = {"second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
         "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
         "month": ("M", False, 1), "quarter": ("M", False, 3), "year": ("Y", False, 1),
         "decade": ("Y", False, 10), "century": ("Y", False, 100), "centurie": ("Y", False, 100)}
UNIT = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie))"


def number_value(word: str) -> float | None:
    """12 from "12"/"twelve", 25 from "twenty-five", None for a vague "several"."""
    key = " ".join(word.lower().replace(",", "").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return float(key)
    if re.fullmatch(r"\d+ 1/2", key):
        return int(key.split()[0]) + 0.5
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    tens, _, ones = key.partition("-")
    if tens in _TENS and ones in NUMBER_WORDS:
        return _TENS[tens] + NUMBER_WORDS[ones]
    return None


def duration_value(count: float | None, unit: str) -> str:
    """TimeML duration: "P3Y", "PT5H", "P10Y" (a decade), "PXD" (an unknown count)."""
    unit = unit.lower().rstrip("s")
    letter, clock, factor = UNITS.get(unit, ("X", False, 1))
    if count is None:
        amount = "X"
    else:
        total = count * factor
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
        if not float(total).is_integer() and letter in ("Y", "H"):   # "2 1/2 years"
            smaller = "M"
            parts = (int(total), int(round((total % 1) * (12 if letter == "Y" else 60))))
            return f"P{'T' if clock else ''}{parts[0]}{letter}{parts[1]}{smaller}"
    if count is None and factor == 100:
        letter = "CE"
    elif count is None and factor == 10:
        letter = "DE"
    elif count is None and factor == 3:
        letter = "Q"
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def latest_quarter(published: date) -> tuple[int, int]:
    """The quarter news is reporting on: results come out in the weeks after it ends."""
    return quarter_of(published - timedelta(days=45))


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
               "tonight": "NI", "overnight": "NI", "midday": "MI"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
