"""AppState: holds the EventStore and the one Selection; every view observes it.

Views never call each other: a gesture becomes ``state.update(...)``, the state recomputes
the QueryResult once and emits ``result_changed``; each view redraws from that result.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, Signal

from dateline.model.selection import Selection, normalise_window
from dateline.model.store import EventStore, QueryResult


class AppState(QObject):
    store_changed = Signal(object)       # EventStore
    selection_changed = Signal(object)   # Selection
    result_changed = Signal(object)      # QueryResult

    def __init__(self, store: EventStore | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store: EventStore = store or EventStore.empty()
        self.selection: Selection = Selection()
        self.result: QueryResult = self.store.query(self.selection)

    def set_store(self, store: EventStore) -> None:
        """Replace the data; the selection resets (old ids and places may not exist)."""
        self.store = store
        self.selection = Selection()
        self.result = store.query(self.selection)
        self.store_changed.emit(store)
        self.selection_changed.emit(self.selection)
        self.result_changed.emit(self.result)

    def update(self, **changes) -> None:
        """Change some Selection fields; emits only if the selection actually changed."""
        if changes.get("window") is not None:
            changes["window"] = normalise_window(*changes["window"])
        for key in ("actors", "types", "outlets"):
            if key in changes:
                changes[key] = frozenset(changes[key] or ())
        new = dataclasses.replace(self.selection, **changes)
        if new == self.selection:
            return
        filters_changed = dataclasses.replace(new, event=None) != dataclasses.replace(
            self.selection, event=None)
        self.selection = new
        if filters_changed:           # picking an event only highlights: no re-query
            self.result = self.store.query(new)
        else:
            self.result = dataclasses.replace(self.result, selection=new)
        self.selection_changed.emit(new)
        self.result_changed.emit(self.result)

    def select_event(self, event_id: str | None) -> None:
        self.update(event=event_id)


SelectionState = AppState   # the name DEVELOPERS.md uses
