"""Overflow markers at the ends of the time axis: "◀ 3 earlier" and "5 later ▶" when
events lie outside the visible range (Fit frames the dense span, so background dates
such as 1905 sit outside it); a click extends the view to reach them."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from dateline.model.dates import plural
from dateline.model.lanes import Overflow, OverflowIndex, from_seconds

MARGIN = 3          # px from the plot's edges


class OverflowMarkers(QObject):
    """Two buttons over a plot widget's view box; ``extend(lo, hi)`` asks for a new range."""

    extend = Signal(float, float)

    def __init__(self, host: QWidget, viewbox):
        super().__init__(host)
        self._host, self._vb = host, viewbox
        self._index = OverflowIndex([], [])
        self._last: Overflow | None = None
        self.before = self._button("before")
        self.after = self._button("after")
        viewbox.sigXRangeChanged.connect(lambda *_: self.refresh())
        viewbox.sigResized.connect(lambda *_: self._place())

    def _button(self, side: str) -> QToolButton:
        button = QToolButton(self._host)
        button.setObjectName(f"overflow_{side}")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        # compact: it lies over the top lane, so it should cover few of its events
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
        self._place()

    def _place(self) -> None:
        rect = self._host.mapFromScene(self._vb.sceneBoundingRect()).boundingRect()
        self.before.move(rect.left() + MARGIN, rect.top() + MARGIN)
        self.after.move(rect.right() - self.after.width() - MARGIN, rect.top() + MARGIN)

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
