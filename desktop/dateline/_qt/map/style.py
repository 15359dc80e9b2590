"""Colours and fonts of the map, light and dark (muted cartographic palette)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QColor, QFont


@dataclass(frozen=True)
class MapPalette:
    sea: str
    land: str
    coast: str
    border: str
    graticule: str
    country_label: str
    text: str
    text_muted: str
    halo: str
    marker: str
    marker_edge: str
    marker_empty: str          # places known but with nothing in the window
    selected: str
    hover: str
    itinerary: str
    edge_fill: str


LIGHT = MapPalette(
    sea="#d7e4ee", land="#f5f2ea", coast="#7f97aa", border="#a89f90", graticule="#c8d7e3",
    country_label="#6a6252", text="#1d2731", text_muted="#5b6670", halo="#fbfaf6",
    marker="#d4541c", marker_edge="#ffffff", marker_empty="#9aa5ae", selected="#1864ab",
    hover="#0b7285", itinerary="#6741d9", edge_fill="#ffffff",
)

DARK = MapPalette(
    sea="#0e1821", land="#222c35", coast="#5b7489", border="#5f6670", graticule="#182634",
    country_label="#9aa4ae", text="#e9eef3", text_muted="#9aa7b3", halo="#0e1821",
    marker="#ff8a3d", marker_edge="#10161c", marker_empty="#56616b", selected="#74c0fc",
    hover="#66d9e8", itinerary="#b197fc", edge_fill="#1b252e",
)


def color(hex_code: str, alpha: int = 255) -> QColor:
    c = QColor(hex_code)
    c.setAlpha(alpha)
    return c


def label_font(point_size: float = 9.0, bold: bool = True) -> QFont:
    """Default UI family (never a forced Latin-only face, so CJK names fall back)."""
    font = QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def country_font() -> QFont:
    font = QFont()
    font.setPointSizeF(8.0)
    font.setCapitalization(QFont.Capitalization.AllUppercase)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 118)
    return font


MIN_MARKER, MAX_MARKER = 10.0, 44.0


def marker_size(count: int, reference: int) -> float:
    """Marker diameter in pixels, sqrt scale so the area grows with the count.

    ``reference`` (the largest count seen for this data) gets the largest marker,
    so 15 events and 900 events both use the full range. Whole pixels keep
    pyqtgraph's symbol atlas small while scrubbing.
    """
    share = math.sqrt(max(count, 0) / max(reference, 1))
    return float(round(MIN_MARKER + (MAX_MARKER - MIN_MARKER) * min(share, 1.0)))


def marker_sizes(counts, reference: int):
    """``marker_size`` for an array of counts at once (same rounding: half to even)."""
    share = np.sqrt(np.maximum(np.asarray(counts, float), 0.0) / max(reference, 1))
    return np.round(MIN_MARKER + (MAX_MARKER - MIN_MARKER) * np.minimum(share, 1.0))
