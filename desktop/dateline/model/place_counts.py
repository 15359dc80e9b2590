"""Events and statements per place for one query, as arrays over the store's place table.

A scrub step asks for these on every mouse move. Building a DataFrame each time (Arrow
strings for the names included) cost ~1.5 ms at 100k events, more than the rest of the
query, and the map only wanted the arrays back; the frame is now built only when asked.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

PLACE_COUNT_COLUMNS = ["place", "lat", "lon", "n_events", "n_statements"]


@dataclass(frozen=True, eq=False)
class PlaceTable:
    """The store's places (fixed for its life): name, lat, lon per position."""
    names: np.ndarray           # object array of str
    lat: np.ndarray             # float, NaN where unknown
    lon: np.ndarray
    # Events + statements per place over the whole store: which place leads a map
    # cluster (the same one whatever the time window); None: all equal.
    weight: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.names)

    @cached_property
    def name_list(self) -> list[str]:
        """Names as a list: indexing a list per shown place beats an object-array take."""
        return self.names.tolist()


@dataclass(frozen=True, eq=False)
class PlaceCounts:
    """Places with at least one event or statement passing a query (every filter but
    the place): positions into ``table``, ascending, and their two counts."""
    table: PlaceTable
    positions: np.ndarray       # int positions into table
    n_events: np.ndarray        # int per position
    n_statements: np.ndarray

    @classmethod
    def from_bins(cls, table: PlaceTable, ev_bins: np.ndarray,
                  st_bins: np.ndarray) -> PlaceCounts:
        """From per-table-position counts (``bincount`` output, same length as table)."""
        keep = np.flatnonzero((ev_bins + st_bins) > 0)
        return cls(table, keep, ev_bins[keep], st_bins[keep])

    def __len__(self) -> int:
        return len(self.positions)

    @property
    def names(self) -> list[str]:
        names = self.table.name_list
        return [names[i] for i in self.positions.tolist()]

    def same_as(self, other: PlaceCounts | None) -> bool:
        """Same places with the same counts (a step that changed nothing on the map)."""
        return (other is not None and other.table is self.table
                and np.array_equal(other.positions, self.positions)
                and np.array_equal(other.n_events, self.n_events)
                and np.array_equal(other.n_statements, self.n_statements))

    def frame(self) -> pd.DataFrame:
        """place, lat, lon, n_events, n_statements (a new frame per call)."""
        t, keep = self.table, self.positions
        return pd.DataFrame({"place": t.names[keep], "lat": t.lat[keep], "lon": t.lon[keep],
                             "n_events": self.n_events, "n_statements": self.n_statements},
                            columns=PLACE_COUNT_COLUMNS)
