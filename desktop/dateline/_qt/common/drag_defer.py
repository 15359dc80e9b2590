"""When a costly redraw may wait for a window drag to pause, and for how long at most.

The side panel and the map's labels follow a drag of the time window on a settle timer
(rendering them on every step would cost more than the step), but during a long drag or
playback the timer keeps restarting: after ``max_lag_s`` of deferred steps the owner
renders within the step anyway.
"""
from __future__ import annotations

import time


class DragDeferral:
    def __init__(self):
        self._since: float | None = None      # time.monotonic() of the first deferred step

    @property
    def waiting(self) -> bool:
        """A deferred redraw is pending (the owner has not rendered since)."""
        return self._since is not None

    def defer(self, dragging: bool, max_lag_s: float) -> bool:
        """Should this step leave the redraw to the settle timer? If not, the owner
        renders now."""
        now = time.monotonic()
        if dragging and self._since is None:
            self._since = now                   # the first step of a drag
        if dragging and now - self._since < max_lag_s:
            return True
        self._since = None
        return False

    def done(self) -> None:
        """The owner rendered: the next deferred step starts a new wait."""
        self._since = None
