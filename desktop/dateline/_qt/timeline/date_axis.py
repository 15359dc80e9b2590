"""A UTC date axis whose day ticks never read as the wrong month.

pyqtgraph's default month/day level labels the 1st as "Mar" right after "28", which reads
as "28 Mar". Here the 1st of a month reads "1 Mar", and day-level ticks carry the month.
"""
from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime

import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as dai

DAY = dai.DAY_SPACING
# Our own label styles (strftime's "%-d" is not portable, so days are formatted here).
_FORMATS = {
    "@day_mon": lambda t: f"{t.day} {t:%b}",
    "@day": lambda t: str(t.day),
    "@wd_day_mon": lambda t: f"{t:%a} {t.day} {t:%b}",
}
_MONTH_DAY = dai.ZoomLevel([
    dai.TickSpec(dai.MONTH_SPACING, dai.makeMStepper(1), "@day_mon"),
    dai.TickSpec(DAY, dai.makeSStepper(DAY), "@day", autoSkip=[1, 2, 5]),
], "00 MMM")
_DAY_HOUR = dai.ZoomLevel([
    dai.TickSpec(DAY, dai.makeSStepper(DAY), "@wd_day_mon"),
    dai.TickSpec(dai.HOUR_SPACING, dai.makeSStepper(dai.HOUR_SPACING), "%H:%M",
                 autoSkip=[1, 6]),
], "MMM 00 MMM")


class UtcDateAxis(pg.DateAxisItem):
    """DateAxisItem fixed to UTC (no machine-timezone drift) with clearer day labels."""

    def __init__(self, orientation: str = "bottom", **kwargs):
        super().__init__(orientation=orientation, utcOffset=0, **kwargs)
        replace = {id(dai.MONTH_DAY_ZOOM_LEVEL): _MONTH_DAY, id(dai.DAY_HOUR_ZOOM_LEVEL): _DAY_HOUR}
        self.zoomLevels = OrderedDict((k, replace.get(id(v), v))
                                      for k, v in self.zoomLevels.items())

    def tickValues(self, minVal, maxVal, size):
        """Drop fine ticks crowding a coarser one ("28" right before "1 Mar")."""
        levels = super().tickValues(minVal, maxVal, size)
        if len(levels) < 2:
            return levels
        coarse = list(levels[0][1])
        out = [levels[0]]
        for spacing, ticks in levels[1:]:
            gap = 1.5 * self.minSpacing
            kept = [t for t in ticks if all(abs(t - c) >= gap for c in coarse)]
            out.append((spacing, kept))
            coarse += kept
        return out

    def tickStrings(self, values, scale, spacing):
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or spec.format not in _FORMATS:
            return super().tickStrings(values, scale, spacing)
        out = []
        for value in values:
            try:
                out.append(_FORMATS[spec.format](datetime.fromtimestamp(value, UTC)))
            except (OverflowError, ValueError, OSError):
                out.append("")
        return out
