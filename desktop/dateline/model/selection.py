"""The one source of truth for what the user has selected and filtered.

Immutable: every change makes a new ``Selection`` (``dataclasses.replace``), so views can
compare the old and new value and nobody mutates shared state behind another view's back.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Selection:
    window: tuple[pd.Timestamp, pd.Timestamp] | None = None   # UTC-naive, [start, end)
    place: str | None = None
    actors: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    search: str = ""
    event: str | None = None         # selected event id (highlight, not a filter)
    cumulative: bool = False         # playback: window start pinned to the data start
    starred: bool = False            # only starred items (``model.marks``)
    tags: frozenset[str] = frozenset()   # only items with any of these tags

    def with_window(self, start, end) -> Selection:
        """A copy with the window normalised to UTC-naive Timestamps (start <= end)."""
        from dataclasses import replace
        return replace(self, window=normalise_window(start, end))

    @property
    def is_filtered(self) -> bool:
        return bool(self.window or self.place or self.actors or self.types
                    or self.outlets or self.search.strip() or self.starred or self.tags)


def to_naive_utc(value) -> pd.Timestamp:
    """Any date-like value as a UTC-naive Timestamp (aware values are converted to UTC)."""
    ts = pd.Timestamp(value)
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


def normalise_window(start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    a, b = to_naive_utc(start), to_naive_utc(end)
    return (a, b) if a <= b else (b, a)
