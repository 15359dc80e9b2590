"""Light and dark palettes, event-type colours and fonts shared by all views."""
from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

# Colour-blind-friendly categorical colours (Okabe–Ito + extras), one per event type.
TYPE_COLOURS = {
    "visit": "#0072B2", "meeting": "#009E73", "statement": "#56B4E9", "warning": "#D55E00",
    "announcement": "#CC79A7", "military_action": "#B2182B", "planned_summit": "#E69F00",
    "sanctions": "#7B3294", "other": "#8C8C8C",
}
TYPE_LABELS = {"military_action": "Military action", "planned_summit": "Planned summit"}
# Latin text first: CJK fonts draw Western quotes/apostrophes full-width, so they are only
# the fallback for Chinese/Japanese/Korean glyphs.
LATIN_FAMILIES = ("Inter", "Noto Sans", "Source Sans 3", "Segoe UI", "Helvetica Neue",
                  "Cantarell", "Ubuntu", "DejaVu Sans", "Liberation Sans", "Arial")
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans SC",
                "Source Han Sans SC", "WenQuanYi Zen Hei", "Droid Sans Fallback")


def type_label(event_type: str) -> str:
    return TYPE_LABELS.get(event_type, event_type.replace("_", " ").capitalize())


def type_colour(event_type: str) -> QColor:
    return QColor(TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"]))


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    accent: str
    plot_bg: str
    grid: str
    highlight_bg: str   # quoted span inside a sentence
    sentence_bg: str    # the rest of the source sentence
    region: str         # scrubber colour (drawn translucent)


LIGHT = Theme(name="light", window="#f3f4f6", base="#ffffff", alt_base="#f7f8fa",
              text="#1f2328", muted="#636a75", accent="#2563eb", plot_bg="#ffffff",
              grid="#e5e7eb", highlight_bg="#fde68a", sentence_bg="#fef9e7",
              region="#2563eb")
DARK = Theme(name="dark", window="#1e2127", base="#262a31", alt_base="#2b3038",
             text="#e6e8eb", muted="#9aa3ad", accent="#60a5fa", plot_bg="#1b1e23",
             grid="#353b44", highlight_bg="#854d0e", sentence_bg="#3a3320",
             region="#60a5fa")
THEMES = {"light": LIGHT, "dark": DARK}


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two opaque colours ("#rrggbb"): 1 (none) to 21. Body text
    needs 4.5, large text (18 pt, or 14 pt bold) 3."""
    def luminance(code: str) -> float:
        rgb = [int(code.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def translucent(colour: str, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def current() -> Theme:
    app = QApplication.instance()
    name = app.property("datelineTheme") if app is not None else None
    return THEMES.get(name or "light", LIGHT)


def apply(app: QApplication, name: str = "light") -> Theme:
    """Fusion style + a complete palette, so light/dark look the same on every platform."""
    theme = THEMES.get(name, LIGHT)
    app.setStyle("Fusion")
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window, QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base, QPalette.ColorRole.AlternateBase: theme.alt_base,
        QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text, QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Mid: theme.grid, QPalette.ColorRole.Midlight: theme.grid,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for group in (QPalette.ColorGroup.Disabled,):
        pal.setColor(group, QPalette.ColorRole.Text, QColor(theme.muted))
        pal.setColor(group, QPalette.ColorRole.ButtonText, QColor(theme.muted))
        pal.setColor(group, QPalette.ColorRole.WindowText, QColor(theme.muted))
    app.setPalette(pal)
    app.setProperty("datelineTheme", theme.name)
    app.setStyleSheet(_stylesheet(theme))
    pg.setConfigOptions(antialias=True, background=theme.plot_bg, foreground=theme.text)
    return theme


def _stylesheet(t: Theme) -> str:
    return f"""
    QToolTip {{ background: {t.base}; color: {t.text}; border: 1px solid {t.grid};
               padding: 4px; }}
    QDockWidget::title {{ padding: 5px 8px; background: {t.window}; font-weight: 600; }}
    QToolBar {{ spacing: 4px; border-bottom: 1px solid {t.grid}; padding: 2px 6px; }}
    QStatusBar {{ border-top: 1px solid {t.grid}; }}
    QTableView {{ gridline-color: {t.grid}; }}
    QHeaderView::section {{ padding: 4px 6px; border: none;
                            border-bottom: 1px solid {t.grid}; background: {t.window}; }}
    """


def setup_fonts(app: QApplication) -> str | None:
    """A readable UI font, with a CJK family as fallback so Chinese/Korean labels render.

    Returns the CJK family in use, or None if no CJK font is installed (fonts-noto-cjk).
    """
    families = set(QFontDatabase.families())
    cjk = next((f for f in CJK_FAMILIES if f in families), None)
    latin = next((f for f in LATIN_FAMILIES if f in families), None)
    base = app.font()
    if base.pointSizeF() < 9.0:
        base.setPointSizeF(9.0)
    chain = [f for f in (latin or base.family(), cjk) if f]
    base.setFamilies(chain)
    app.setFont(base)
    return cjk


def mono_font() -> QFont:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
