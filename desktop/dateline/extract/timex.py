"""TIMEX3 time expressions: every date, time, duration and set, with its TimeML value."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .temporal import find_time_expressions

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


def value_of(d0: date, d1: date, precision: str) -> str:
    if precision == "day":
        return d0.isoformat()
    if precision == "week":
        year, week, _ = d0.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month" or (precision == "range" and (d0.year, d0.month) == (d1.year, d1.month)):
        return f"{d0.year:04d}-{d0.month:02d}"
    return f"{d0.year:04d}"


def find_timexes(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[Timex]:
    return [Timex(e.start, e.end, e.text, "DATE", value_of(e.date_start, e.date_end, e.precision),
                  e.date_start, e.date_end, e.precision)
            for e in find_time_expressions(text, published, start, end)]
