"""A scroll bar that repaints only when what it shows changes.

The event list's row count changes on every scrub step, so its scroll bar gets a new
range each step and Qt repaints it (~0.6 ms with the Fusion style's gradients) although,
with thousands of rows, the handle is at its minimum size at the same place, pixel for
pixel. This bar compares the handle's rectangle and skips those repaints.
"""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider


class SteadyScrollBar(QScrollBar):
    def __init__(self, *args):
        super().__init__(*args)
        self._shown: tuple | None = None        # (handle rect, enabled) last painted

    def _look(self) -> tuple:
        opt = QStyleOptionSlider()
        self.initStyleOption(opt)
        handle = self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                             QStyle.SubControl.SC_ScrollBarSlider, self)
        return QRect(handle).getRect(), self.isEnabled(), self.value() == self.minimum(), \
            self.value() == self.maximum()

    def sliderChange(self, change) -> None:  # noqa: N802 (Qt's name)
        if change == QAbstractSlider.SliderChange.SliderRangeChange and self.isVisible():
            look = self._look()
            if look == self._shown:
                return                            # same pixels: no repaint
            self._shown = look
        else:
            self._shown = None
        super().sliderChange(change)

    def paintEvent(self, event) -> None:  # noqa: N802
        self._shown = self._look()
        super().paintEvent(event)
