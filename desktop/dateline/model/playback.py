"""Window arithmetic for the timeline, Qt-free: default window, play ticks, loop, snap.

Events are dated to the day at best, so every window this module makes starts and ends
on whole days: a played or snapped window never reads "27 Feb 2017 20:34 – 19 Mar 07:20".
"""
from __future__ import annotations

import pandas as pd

DAY = pd.Timedelta(days=1)
PLAY_SWEEP_TICKS = 400          # at 1× the window crosses the whole data range in ~400 ticks

Window = tuple[pd.Timestamp, pd.Timestamp]


def snap_to_days(start, end) -> Window:
    """The nearest whole days, at least one day wide (a drag's release, a play start)."""
    a, b = pd.Timestamp(start).round("D"), pd.Timestamp(end).round("D")
    return (a, b if b > a else a + DAY)


def span_days(data_range: Window) -> float:
    """Days from start to end; exact past 292 years, where subtracting two Timestamps
    overflows pandas' Timedelta (a corpus citing 1700 and 2030)."""
    a, b = (pd.Timestamp(t) for t in data_range)
    return (b.value - a.value) / DAY.value          # Python ints: no overflow


def default_window(data_range: Window) -> Window:
    """A tenth of the data, in whole days, from its start (what Play and the step
    buttons use when no window is set)."""
    start = pd.Timestamp(data_range[0]).floor("D")
    return start, start + DAY * max(1, round(span_days(data_range) / 10))


def play_step(data_range: Window, speed: float) -> pd.Timedelta:
    """How far one tick moves the window: whole days, at least one."""
    return DAY * max(1, round(span_days(data_range) / PLAY_SWEEP_TICKS * speed))


def play_tick(window: Window, data_range: Window, step: pd.Timedelta,
              loop: bool) -> Window | None:
    """The next played window; at the end, back to the start (``loop``) or None (stop)."""
    if window[1] >= data_range[1]:
        if not loop:
            return None
        return restart(window, data_range)
    return window[0] + step, window[1] + step


def play_start(window: Window, data_range: Window) -> Window:
    """Where Play starts: the window snapped to days, or from the start when it is at or
    past the end of the data."""
    window = snap_to_days(*window)
    if window[1] >= data_range[1]:
        return restart(window, data_range)
    return window


def restart(window: Window, data_range: Window) -> Window:
    start = pd.Timestamp(data_range[0]).floor("D")
    return start, start + (window[1] - window[0])


def follow(view: tuple[float, float], window: tuple[float, float]) -> tuple[float, float] | None:
    """A view range (any unit) that keeps ``window`` visible while playing: None when it
    already is; else the view panned, its width kept unless the window is wider."""
    lo, hi = view
    a, b = window
    if a >= lo and b <= hi:
        return None
    width = max(hi - lo, (b - a) * 1.25)
    margin = (width - (b - a)) / 8
    start = a - margin if a < lo or b - a > hi - lo else b + margin - width
    return start, start + width
