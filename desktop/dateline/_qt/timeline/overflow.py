"""Overflow markers at the ends of the time axis: "◀ 3 earlier" and "5 later ▶" when
events lie outside the visible range (Fit frames the dense span, so background dates
such as 1905 sit outside it); a click extends the view to reach them.

They sit in a strip of their own above the plot, lined up with the ends of the lanes,
so they never cover the events drawn at the ends of the top lane (as an overlay on the
plot they did, at 1024×700). The strip takes no height while no event lies outside."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from dateline.model.dates import plural
from dateline.model.lanes import Overflow, OverflowIndex, from_seconds

PAD = 2             # px above and below the buttons in the strip


class OverflowMarkers(QWidget):
    """A strip holding two buttons lined up with the ends of ``viewbox`` (a view box of
    ``plots``, the strip's sibling); ``extend(lo, hi)`` asks for a new range."""

    extend = Signal(float, float)

    def __init__(self, plots: QWidget, viewbox, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overflowStrip")
        self._plots, self._vb = plots, viewbox
        self._index = OverflowIndex([], [])
        self._last: Overflow | None = None
        self.before = self._button("before")
        self.after = self._button("after")
        self.setFixedHeight(self.before.sizeHint().height() + 2 * PAD)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.hide()
        viewbox.sigXRangeChanged.connect(lambda *_: self.refresh())
        viewbox.sigResized.connect(lambda *_: self._place())

    def _button(self, side: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"overflow_{side}")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("QToolButton { padding: 0px 4px; border: 1px solid palette(mid);"
                             " border-radius: 3px; background: palette(base); }")
        font = button.font()
        font.setPointSizeF(max(font.pointSizeF() - 1.0, 7.0))
        button.setFont(font)
        button.hide()
        button.clicked.connect(lambda: self._on_click(side))
        return button

    def set_events(self, starts_s, ends_s) -> None:
        self._index = OverflowIndex(starts_s, ends_s)
        self.refresh()

    def refresh(self) -> None:
        lo, hi = self._vb.viewRange()[0]
        o = self._last = self._index(lo, hi)
        for button, n, text, when in (
                (self.before, o.n_before, f"◀ {o.n_before} earlier",
                 o.earliest),
                (self.after, o.n_after, f"{o.n_after} later ▶", o.latest)):
            button.setVisible(n > 0)
            if n:
                button.setText(text)
                edge = "earliest" if button is self.before else "latest"
                day = from_seconds(when)
                button.setToolTip(f"{plural(n, 'event')} outside the view, the {edge} on "
                                  f"{day.day} {day:%b %Y}: click to extend the view")
                button.adjustSize()
        # the strip (and so the plot's height) changes only when events go in or out
        # of view (Fit, a click here, panning past the data's ends), not on a scrub step
        self.setVisible(bool(o.n_before or o.n_after))
        self._place()

    def _place(self) -> None:
        """Each button at its end of the lanes, as the plot lays them out now."""
        lanes = self._plots.mapFromScene(self._vb.sceneBoundingRect()).boundingRect()
        window = self.window()
        left = self.mapFrom(window, self._plots.mapTo(window, lanes.topLeft())).x()
        right = self.mapFrom(window, self._plots.mapTo(window, lanes.topRight())).x()
        left = max(0, left)
        right = min(self.width(), right)
        self.before.move(QPoint(left, PAD))
        self.after.move(QPoint(max(left, right - self.after.width()), PAD))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._place()

    def _on_click(self, side: str) -> None:
        """Extend the view (keeping the other end) to the earliest or latest event, with
        a little room beyond it."""
        lo, hi = self._vb.viewRange()[0]
        o = self._last
        if o is None:
            return
        if side == "before" and o.earliest is not None:
            lo = o.earliest - 0.04 * (hi - o.earliest)
        elif side == "after" and o.latest is not None:
            hi = o.latest + 0.04 * (o.latest - lo)
        self.extend.emit(lo, hi)
