"""Row indexes of one store frame: the time window as ``searchsorted`` on sorted starts,
and per-value row positions (actors, outlets, types, places) grouped on first use."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dateline.model.listcol import as_tuple_column

LONG_SPAN = np.timedelta64(32, "D")     # longer rows are scanned apart (see RowIndex)


class RowIndex:
    """Sorted start/end arrays and per-value row positions for one frame."""

    def __init__(self, df: pd.DataFrame, multi: dict[str, str], single: dict[str, str],
                 codes: dict[str, tuple[np.ndarray, np.ndarray]]):
        self.n = len(df)
        self.start = df["start"].to_numpy("datetime64[ns]")
        self.end = df["end"].to_numpy("datetime64[ns]")
        dated = ~np.isnat(self.start)
        self.n_dated = int(dated.sum())           # NaT rows are sorted last
        self._init_long_rows()
        # {key: {value: sorted row positions}}, each key grouped on its first use (~30 ms
        # at 1M): a window scrub never needs them, a filter or itinerary does.
        self.positions = _Groups()
        for key, col in multi.items():            # tuple-valued columns (actors, outlets)
            self.positions.sources[key] = (
                lambda col=col: _group_positions(*as_tuple_column(df[col]).coded()))
        for key, col in single.items():           # shared-string columns, coded already
            self.positions.sources[key] = (
                lambda col=col: _group_positions(codes[col][0], None, codes[col][1]))
        self.place_code = np.zeros(self.n, dtype=np.int32)  # 0: no place; set by the store
        # Undated rows (sorted last) may be matched by the day their article was published:
        # an undated quote stays reachable in the window it was reported in.
        self.undated_published = (df["published"].to_numpy("datetime64[ns]")[self.n_dated:]
                                  if "published" in df else np.array([], "datetime64[ns]"))

    def _init_long_rows(self) -> None:
        """Rows lasting over LONG_SPAN (year, long ranges: ~8 %) kept apart, so a window
        scans back only LONG_SPAN for the rest, not a year of rows (3x faster late in a
        year of news)."""
        spans = (self.end - self.start)[: self.n_dated]
        spans = np.where(np.isnat(spans), np.timedelta64(0, "ns"), spans)
        long = spans > LONG_SPAN
        zero = np.timedelta64(0, "ns")
        self.max_short = spans[~long].max() if (~long).any() else zero
        self.max_long = spans[long].max() if long.any() else zero
        self.long_rows = np.flatnonzero(long)
        self.long_start, self.long_end = self.start[self.long_rows], self.end[self.long_rows]

    def window_rows(self, window, cumulative: bool) -> np.ndarray:
        """Sorted row positions overlapping [w0, w1) (cumulative: starting before w1).

        Rows are sorted by start, so this is ``searchsorted`` calls and a scan of the rows
        starting in [w0 - LONG_SPAN, w1), plus of the few long rows starting before that,
        never a full-length mask."""
        w0 = np.datetime64(window[0].to_datetime64(), "ns")
        w1 = np.datetime64(window[1].to_datetime64(), "ns")
        starts = self.start[: self.n_dated]
        hi = int(np.searchsorted(starts, w1, side="left"))        # start < w1
        pub = self.undated_published
        reported = pub < w1 if cumulative else (pub >= w0) & (pub < w1)
        undated = self.n_dated + np.flatnonzero(reported)
        if cumulative:
            return np.concatenate([np.arange(hi), undated])
        lo = int(np.searchsorted(starts, w0 - self.max_short))    # short rows end by w0
        dated = lo + np.flatnonzero(self.end[lo:hi] > w0)          # overlaps [w0, w1)
        k = int(np.searchsorted(self.long_rows, lo))               # long rows before lo
        k0 = int(np.searchsorted(self.long_start[:k], w0 - self.max_long))
        early = self.long_rows[k0:k][self.long_end[k0:k] > w0]
        parts = [p for p in (early, dated, undated) if len(p)]     # in row order already
        return np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else dated)

    def values_mask(self, key: str, values) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        table = self.positions[key]
        for value in values:
            pos = table.get(value)
            if pos is not None:
                mask[pos] = True
        return mask


class _Groups(dict):
    """{key: {value: positions}} filled on first access from ``sources[key]()``."""

    def __init__(self):
        super().__init__()
        self.sources = {}

    def __missing__(self, key):
        self[key] = groups = self.sources[key]()
        return groups


def _group_positions(codes: np.ndarray, positions: np.ndarray | None,
                     uniques: np.ndarray) -> dict[str, np.ndarray]:
    """{value: sorted row positions holding it} from int codes (-1: missing) and one
    stable argsort (a radix sort when the codes fit 16 bits). ``positions`` None: the
    codes are one per row."""
    if positions is None:
        positions = np.arange(len(codes), dtype=np.int32)
    if len(codes) and codes.min() < 0:
        keep = codes >= 0
        codes, positions = codes[keep], positions[keep]
    if not len(codes):
        return {}
    if len(uniques) < np.iinfo(np.int16).max:
        codes = codes.astype(np.int16)
    order = np.argsort(codes, kind="stable")
    codes, positions = codes[order], positions[order].astype(np.int32)
    cuts = np.flatnonzero(np.diff(codes)) + 1
    present = codes[np.concatenate([[0], cuts])].tolist()
    groups = np.split(positions, cuts)
    return {str(uniques[c]): g for c, g in zip(present, groups)}
