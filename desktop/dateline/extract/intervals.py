"""Fast "is this offset inside any of these ranges?" queries (bisect over merged ranges)."""
from __future__ import annotations

import bisect


class Intervals:
    """Half-open or open ranges, merged once; ``contains`` is O(log n)."""

    def __init__(self, ranges, open_ends: bool = False):
        # open_ends: (lo, hi) excludes both ends (quotation marks); else [lo, hi)
        merged: list[list[int]] = []
        for lo, hi in sorted(ranges):
            if open_ends:
                lo += 1
            if lo >= hi:
                continue
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.starts = [lo for lo, _ in merged]
        self.ends = [hi for _, hi in merged]

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlaps(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self.ends, lo + 1)
        return i < len(self.starts) and self.starts[i] < hi


class ByStart:
    """Items with a ``.start``, sorted once; ranges by bisect (keeps long texts linear)."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def between(self, lo: int, hi: int) -> list:
        """Items starting in [lo, hi)."""
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def __iter__(self):
        return iter(self.items)
