"""AppState: the Qt face of the one explorer state (``dateline.model.explorer``).

The explorer owns the store, the selection, the result and the window arithmetic; this
wrapper only forwards its announcements as signals. ``changed`` carries the tuple of
typed changes (``WindowMoved(live)``, ``FiltersChanged``, ``PlacePicked``,
``EventPicked``, ``StoreReplaced``); ``store_changed``, ``selection_changed`` and
``result_changed`` follow for views that only need the new values. Views never call each
other: a gesture becomes ``state.update(...)``.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from dateline.model.explorer import Explorer, StoreReplaced
from dateline.model.marks import NO_MARKS, Marks
from dateline.model.store import EventStore


class AppState(QObject):
    changed = Signal(object)             # tuple of dateline.model.explorer changes
    store_changed = Signal(object)       # EventStore
    selection_changed = Signal(object)   # Selection
    result_changed = Signal(object)      # QueryResult

    def __init__(self, store: EventStore | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.explorer = Explorer(store)
        self.explorer.listen(self._forward)
        # what the user added, by item id (the project session sets them before it
        # announces the change): corrected field names, and Annotation (tags, note)
        self.corrected: dict[str, tuple[str, ...]] = {}
        self.notes: dict = {}
        # the store last replaced is the same corpus, corrected (StoreReplaced.corrected):
        # for ``store_changed`` listeners, which keep their view then
        self.store_corrected = False

    @property
    def store(self) -> EventStore:
        return self.explorer.store

    @property
    def selection(self):
        return self.explorer.selection

    @property
    def result(self):
        return self.explorer.result

    @property
    def marks(self) -> Marks:
        """The user's stars and tags as item ids of the current store."""
        return self.explorer.marks

    def set_store(self, store: EventStore, marks: Marks = NO_MARKS) -> None:
        """Replace the data; the selection resets (old ids and places may not exist)."""
        self.explorer.set_store(store, marks)

    def replace_store(self, store: EventStore, marks: Marks = NO_MARKS) -> None:
        """The same data, corrected: the selection stays."""
        self.explorer.replace_store(store, marks)

    def set_marks(self, marks: Marks) -> None:
        self.explorer.set_marks(marks)

    def update(self, live: bool = False, **changes) -> None:
        """Change some Selection fields (``live``: a drag or playback step); emits only
        if something changed."""
        self.explorer.update(live=live, **changes)

    def settle(self) -> None:
        """The window stopped moving without a last update (playback paused)."""
        self.explorer.settle()

    def select_event(self, event_id: str | None) -> None:
        self.update(event=event_id)

    def _forward(self, changes: tuple) -> None:
        replaced = [c for c in changes if isinstance(c, StoreReplaced)]
        if replaced:
            self.store_corrected = all(c.corrected for c in replaced)
            self.store_changed.emit(self.store)
        self.selection_changed.emit(self.selection)
        self.changed.emit(changes)
        self.result_changed.emit(self.result)


SelectionState = AppState   # the name DEVELOPERS.md uses
