"""The explorer's one state, Qt-free: the store, the selection, the query result, and each
change announced as one small typed value.

Views listen for the kinds they need instead of comparing old and new selections
themselves: a drag of the time window is ``WindowMoved(live=True)`` on every step and
``WindowMoved(live=False)`` once it settles (release, pause of playback, a click), so no
view has to guess whether the user is dragging. The Qt layer (``_qt/state.py``) only
forwards these values as a signal.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Union

from dateline.model.marks import NO_MARKS, Marks
from dateline.model.selection import Selection, normalise_window
from dateline.model.store import EventStore, QueryResult

_SETS = ("actors", "types", "outlets", "tags")


@dataclass(frozen=True)
class StoreReplaced:
    """New data: everything drawn from the old store goes; views fit the new data,
    unless it is the same corpus ``corrected`` by the user (views keep where they look)."""
    store: EventStore
    corrected: bool = False


@dataclass(frozen=True)
class WindowMoved:
    """The time window moved; ``live`` while dragged or played, False once settled."""
    window: tuple | None
    live: bool


@dataclass(frozen=True)
class FiltersChanged:
    """Actors, types, outlets, search, cumulative, starred or tags changed (``fields``
    names which)."""
    fields: tuple[str, ...]


@dataclass(frozen=True)
class MarksChanged:
    """Stars or tags changed (the "Starred"/tag filters' rows may change with them)."""
    marks: Marks


@dataclass(frozen=True)
class PlacePicked:
    place: str | None


@dataclass(frozen=True)
class EventPicked:
    """An event highlighted (not a filter: the result's rows are unchanged)."""
    event: str | None


Change = Union[StoreReplaced, WindowMoved, FiltersChanged, PlacePicked, EventPicked,
               MarksChanged]
Listener = Callable[[tuple], None]


def only_live_window(changes: tuple) -> bool:
    """True for a drag or play step: the window alone moved, and it is still moving."""
    return bool(changes) and all(isinstance(c, WindowMoved) and c.live for c in changes)


class Explorer:
    """Owns the selection and the result; ``update`` and ``set_store`` return (and tell
    every listener) the changes they made, in a fixed order: store, window, filters,
    place, event."""

    def __init__(self, store: EventStore | None = None):
        self.store: EventStore = store or EventStore.empty()
        self.selection = Selection()
        self.marks: Marks = NO_MARKS
        self.result: QueryResult = self.store.query(self.selection)
        self._listeners: list[Listener] = []
        self._window_live = False          # the last WindowMoved announced was live

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _announce(self, changes: tuple) -> tuple:
        for listener in list(self._listeners):
            listener(changes)
        return changes

    def set_store(self, store: EventStore, marks: Marks = NO_MARKS) -> tuple:
        """Replace the data (and the marks resolved against it); the selection resets
        (old ids and places may not exist)."""
        self.store = store
        self.marks = marks
        self.selection = Selection()
        self.result = store.query(self.selection, marks)
        self._window_live = False
        return self._announce((StoreReplaced(store),))

    def update(self, live: bool = False, **fields) -> tuple:
        """Change some selection fields. ``live``: a step of a drag or of playback. A
        settled update (``live`` False) of the same window after live ones still
        announces ``WindowMoved(live=False)``: the drag ended where it was."""
        if fields.get("window") is not None:
            fields["window"] = normalise_window(*fields["window"])
        for key in _SETS:
            if key in fields:
                fields[key] = frozenset(fields[key] or ())
        new = dataclasses.replace(self.selection, **fields)
        old = self.selection
        changes: list[Change] = []
        if new.window != old.window or ("window" in fields and not live and self._window_live):
            changes.append(WindowMoved(new.window, live))
            self._window_live = live
        names = tuple(f.name for f in dataclasses.fields(Selection)
                      if f.name not in ("window", "place", "event")
                      and getattr(new, f.name) != getattr(old, f.name))
        if names:
            changes.append(FiltersChanged(names))
        if new.place != old.place:
            changes.append(PlacePicked(new.place))
        if new.event != old.event:
            changes.append(EventPicked(new.event))
        if not changes:
            return ()
        self.selection = new
        if any(not isinstance(c, EventPicked) for c in changes) and new != old:
            self.result = self.store.query(new, self.marks)
        else:                               # picking an event only highlights: no re-query
            self.result = dataclasses.replace(self.result, selection=new)
        return self._announce(tuple(changes))

    def replace_store(self, store: EventStore, marks: Marks = NO_MARKS) -> tuple:
        """The same corpus, corrected (an edit or its undo): the selection stays, but
        an event that is gone (merged, hidden) or a place no longer there is let go."""
        keep = self.selection
        if keep.event is not None and store.event_position(keep.event) is None:
            keep = dataclasses.replace(keep, event=None)
        if keep.place is not None and not store.has_place(keep.place):
            keep = dataclasses.replace(keep, place=None)
        self.store, self.marks, self.selection = store, marks, keep
        self.result = store.query(keep, marks)
        return self._announce((StoreReplaced(store, corrected=True),))

    def set_marks(self, marks: Marks) -> tuple:
        """New stars/tags (a star toggled): re-query if a "Starred" or tag filter is on."""
        self.marks = marks
        if self.selection.starred or self.selection.tags:
            self.result = self.store.query(self.selection, marks)
        return self._announce((MarksChanged(marks),))

    def settle(self) -> tuple:
        """The window stopped moving (playback paused): one settled ``WindowMoved``."""
        if not self._window_live:
            return ()
        self._window_live = False
        return self._announce((WindowMoved(self.selection.window, False),))
