"""Human labels for dated intervals that never pretend to more precision than they have."""
from __future__ import annotations

import pandas as pd


def describe(start, end, precision: str = "day") -> str:
    """Label for [start, end) (end exclusive) at ``precision``: 'Fri 17 Mar 2017', 'March 2017'."""
    if start is None or pd.isna(start):
        return "date unknown"
    start = pd.Timestamp(start)
    last = pd.Timestamp(end) - pd.Timedelta(days=1) if end is not None and not pd.isna(end) \
        else start
    if precision == "month":
        return start.strftime("%B %Y")
    if precision == "year":
        return start.strftime("%Y")
    if precision == "week":
        return f"week of {start.day} {start.strftime('%b %Y')}"
    if precision == "range" or last > start:
        return span_label(start, last + pd.Timedelta(days=1))
    return f"{start.strftime('%a')} {start.day} {start.strftime('%b %Y')}"


def span_label(start, end) -> str:
    """'17–19 Mar 2017' for the days of [start, end) (end exclusive)."""
    a = pd.Timestamp(start)
    b = pd.Timestamp(end) - pd.Timedelta(days=1)
    if b <= a:
        return f"{a.day} {a.strftime('%b %Y')}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b.strftime('%b %Y')}"
    if a.year == b.year:
        return f"{a.day} {a.strftime('%b')} – {b.day} {b.strftime('%b %Y')}"
    return f"{a.day} {a.strftime('%b %Y')} – {b.day} {b.strftime('%b %Y')}"


def window_label(window) -> str:
    """Label for a selection window: the days it covers. Events are dated to the day at
    best, so a window caught mid-drag reads "27 Feb – 19 Mar 2017", never "20:34 UTC"."""
    if window is None:
        return "All dates"
    a, b = pd.Timestamp(window[0]).floor("D"), pd.Timestamp(window[1]).ceil("D")
    return span_label(a, b if b > a else a + pd.Timedelta(days=1))


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
