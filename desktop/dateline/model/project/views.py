"""Saved views: the explorer's selection and lane mode as plain JSON, and back.

A view stores the selected event both by id and by its ``ItemKey`` (ids may change when
the corpus is extracted again; the key finds the event in the new document).
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from dateline.model.project.records import ItemKey, ProjectError, SavedView
from dateline.model.selection import Selection, normalise_window

_SETS = ("actors", "types", "outlets", "tags")


def view_state(selection: Selection, lane_mode: str | None = None,
               event_key: ItemKey | None = None) -> dict:
    """JSON state of a selection: ISO window, filters, place, event, lane mode."""
    window = selection.window
    return {"window": [window[0].isoformat(), window[1].isoformat()] if window else None,
            "filters": {**{name: sorted(getattr(selection, name)) for name in _SETS},
                        "search": selection.search, "starred": selection.starred,
                        "cumulative": selection.cumulative},
            "place": selection.place, "event": selection.event,
            "event_key": event_key.to_json() if event_key else None,
            "lane_mode": lane_mode}


def save_view(name: str, selection: Selection, lane_mode: str | None = None,
              event_key: ItemKey | None = None) -> SavedView:
    return SavedView(name.strip(), view_state(selection, lane_mode, event_key))


def view_selection(view: SavedView) -> Selection:
    """The Selection a saved view restores (``view_extras`` has the lane mode and key)."""
    state = view.state
    try:
        filters = state.get("filters") or {}
        selection = Selection(place=state.get("place"), event=state.get("event"),
                              search=str(filters.get("search") or ""),
                              starred=bool(filters.get("starred")),
                              cumulative=bool(filters.get("cumulative")),
                              **{name: frozenset(filters.get(name) or ()) for name in _SETS})
        window = state.get("window")
        if window:
            selection = replace(selection, window=normalise_window(pd.Timestamp(window[0]),
                                                                   pd.Timestamp(window[1])))
    except (AttributeError, TypeError, ValueError) as exc:
        raise ProjectError(f"saved view {view.name!r} is damaged ({exc})") from None
    return selection


def view_extras(view: SavedView) -> tuple[str | None, ItemKey | None]:
    """(lane mode, selected event's key) of a saved view."""
    key = view.state.get("event_key")
    return view.state.get("lane_mode"), ItemKey.from_json(key) if key else None
