"""EventStore: a dateline/1 document as pandas frames, with fast selection queries.

Queries are numpy work over precomputed arrays: the time window is two ``searchsorted``
calls on the sorted start times, actor/outlet filters are unions of precomputed row-position
arrays, so scrubbing a window over 100k events stays in the low milliseconds.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dateline.model import frames
from dateline.model.listcol import (MENTION_FIELDS, TupleArray, as_tuple_column,
                                    shared_strings)
from dateline.model.marks import NO_MARKS, Marks
from dateline.model.place_counts import PlaceCounts, PlaceTable
from dateline.model.row_index import RowIndex
from dateline.model.selection import Selection

# Few distinct values: held as object arrays of shared str objects (8 bytes a row, and a
# query's row take is a numpy take, not an Arrow string take — ~1 ms per column at 1M).
SHARED_STRINGS = {"events": ("type", "precision", "place", "place_source", "merge_reason"),
                  "statements": ("speaker", "article", "precision", "place", "place_source",
                                 "date_source", "event_type", "outlet")}
TUPLE_COLUMNS = {"actors": ("value",), "outlets": ("value",), "articles": ("value",),
                 "mentions": MENTION_FIELDS}
ITINERARY_TYPES = ("visit", "meeting", "statement")


@dataclass(frozen=True, eq=False)
class QueryResult:
    """What passes a Selection, as row positions into the store's frames.

    The frames ``events`` / ``statements`` are built on first use only: a scrub step's
    views need the positions and a few columns, and materialising every column of a
    1M-event store costs more than the whole query."""
    selection: Selection
    event_rows: np.ndarray      # sorted positions in store.events passing ALL filters
    statement_rows: np.ndarray  # sorted positions in store.statements passing all filters
    by_place: PlaceCounts       # events/statements per place; all filters but the place
    all_events: pd.DataFrame = field(repr=False)
    all_statements: pd.DataFrame = field(repr=False)

    @cached_property
    def place_counts(self) -> pd.DataFrame:
        """place, lat, lon, n_events, n_statements (``by_place`` as a frame, on first use)."""
        return self.by_place.frame()

    @cached_property
    def events(self) -> pd.DataFrame:
        """The events passing all filters (index labels are store positions)."""
        return _take(self.all_events, self.event_rows)

    @cached_property
    def statements(self) -> pd.DataFrame:
        return _take(self.all_statements, self.statement_rows)

    @property
    def n_events(self) -> int:
        return len(self.event_rows)

    @property
    def n_statements(self) -> int:
        return len(self.statement_rows)

    def event_values(self, column: str) -> np.ndarray:
        """One column of the passing events, without building the frame."""
        return self.all_events[column].iloc[self.event_rows].to_numpy()

    def statement_values(self, column: str) -> np.ndarray:
        return self.all_statements[column].iloc[self.statement_rows].to_numpy()

    @property
    def event_ids(self) -> list[str]:
        return self.event_values("id").tolist()


def _by_start(df: pd.DataFrame) -> pd.DataFrame:
    """Rows sorted by start (stable, unknown dates last) with a RangeIndex. Frames from
    the cache are sorted already: checking is cheap, re-sorting copies every column."""
    start = df["start"].to_numpy("datetime64[ns]")
    n_dated = int((~np.isnat(start)).sum())
    dated = start[:n_dated]
    if not np.isnat(dated).any() and bool(np.all(dated[1:] >= dated[:-1])):
        if isinstance(df.index, pd.RangeIndex) and df.index.start == 0 \
                and df.index.step == 1:
            return df
        return df.reset_index(drop=True)
    return df.sort_values("start", kind="stable", na_position="last").reset_index(drop=True)


def _share_strings(df: pd.DataFrame, columns) -> tuple[pd.DataFrame, dict]:
    """Low-cardinality string columns as object arrays whose equal values share one str,
    and {column: (codes, uniques)} for the indexes (no second hashing pass)."""
    out, codes = {}, {}
    for col in columns:
        if col in df.columns:
            out[col], col_codes, uniques = shared_strings(df[col])
            codes[col] = (col_codes, uniques)
    return (df.assign(**out) if out else df), codes


def _tuple_columns(events: pd.DataFrame) -> pd.DataFrame:
    """List columns as TupleArrays (frames built elsewhere may hold object tuples)."""
    out = {col: as_tuple_column(events[col], fields)
           for col, fields in TUPLE_COLUMNS.items()
           if col in events.columns and not isinstance(events[col].array, TupleArray)}
    return events.assign(**out) if out else events


def _take(df: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """Rows by position; a contiguous run is a slice (no copy of every column)."""
    if len(rows) and rows[-1] - rows[0] + 1 == len(rows):
        return df.iloc[int(rows[0]): int(rows[-1]) + 1]
    return df.iloc[rows]


class _LazyTimestamps:
    """A date column read as ``tolist()`` would, one Timestamp per lookup: ``tolist`` of
    100k publication dates builds 100k Timestamps (~0.15 s) for a few excerpts."""

    def __init__(self, column: pd.Series):
        self._values = column.array

    def __getitem__(self, row: int):
        return self._values[row]


class EventStore:
    """Immutable view of one extraction document; build with :meth:`from_document`."""

    def __init__(self, doc: dict, texts: dict[str, str] | None = None):
        articles = frames.articles_frame(doc)
        events = frames.events_frame(doc, dict(zip(articles["id"], articles["outlet"])))
        statements = frames.statements_frame(doc, events, articles)
        self._init_frames(articles, events, statements, texts, doc)

    def _init_frames(self, articles, events, statements, texts, doc) -> None:
        self.document = doc
        self.articles = articles
        # Queries rely on rows sorted by start (unknown dates last) with a RangeIndex.
        self.events, ev_codes = _share_strings(_by_start(_tuple_columns(events)),
                                               SHARED_STRINGS["events"])
        self.statements, st_codes = _share_strings(_by_start(statements),
                                                   SHARED_STRINGS["statements"])
        self.places = frames.places_frame(self.events, self.statements,
                                          ev_codes.get("place"), st_codes.get("place"))
        self._texts = dict(texts or {})
        self.stale_articles: set[str] = set()   # article files changed since extraction
        self._ev = RowIndex(self.events, {"actors": "actors", "outlets": "outlets"},
                          {"types": "type", "place": "place"}, ev_codes)
        self._st = RowIndex(self.statements, {}, {"actors": "speaker", "outlets": "outlet",
                                                "types": "event_type", "place": "place"},
                          st_codes)
        self._init_place_codes(ev_codes["place"], st_codes["place"])
        self._search: dict[str, pd.Series] = {}     # lowercased haystacks, on first search
        self._codes = {"events": ev_codes, "statements": st_codes}
        art_ids = self.articles["id"].to_numpy(dtype=object).tolist()
        self._article_row = dict(zip(art_ids, range(len(art_ids))))
        self._article_info: dict[str, dict] = {}    # records built on first lookup
        self._article_lists: dict[str, list] | None = None
        self._spans: dict[str, dict[str, list[dict]]] = {}   # per kind, per article

    @cached_property
    def _ids(self) -> pa.Array | pa.ChunkedArray:
        """Event ids as Arrow strings (zero-copy for an Arrow-backed str column)."""
        ids = self.events["id"].array
        if isinstance(ids, pd.arrays.ArrowStringArray):
            return pa.array(ids)
        return pa.array(np.asarray(ids, dtype=object), type=pa.string(), from_pandas=True)

    def _init_place_codes(self, ev_place, st_place) -> None:
        """An int code per row (0: no place, i + 1: ``places`` row i) for ``bincount``,
        from the place columns' codes (a lookup per distinct place, not per row)."""
        names = pd.Index(self.places["place"], dtype=object)
        self._place_code_of = {name: i + 1 for i, name in enumerate(names.tolist())}
        for index, (codes, uniques) in ((self._ev, ev_place), (self._st, st_place)):
            lut = np.append(names.get_indexer(uniques[:-1]) + 1, 0)   # code -1: no place
            index.place_code = lut[codes].astype(np.int32)      # bincount input
        self._place_table = PlaceTable(self.places["place"].to_numpy(dtype=object),
                                       self.places["lat"].to_numpy(dtype=float),
                                       self.places["lon"].to_numpy(dtype=float),
                                       (self.places["n_events"]
                                        + self.places["n_statements"]).to_numpy(dtype=float))

    @classmethod
    def from_document(cls, doc: dict, texts: dict[str, str] | None = None) -> EventStore:
        if doc.get("schema") != "dateline/1":
            raise ValueError(f"not a dateline/1 document (schema={doc.get('schema')!r})")
        return cls(doc, texts)

    @classmethod
    def from_frames(cls, articles: pd.DataFrame, events: pd.DataFrame,
                    statements: pd.DataFrame, texts: dict[str, str] | None = None
                    ) -> EventStore:
        """A store from frames already in the store's column layout (e.g. a Parquet cache);
        ``store.document`` is then an empty shell."""
        store = cls.__new__(cls)
        shell = {"schema": "dateline/1", "articles": [], "events": [], "statements": []}
        store._init_frames(articles, events, statements, texts, shell)
        return store

    @classmethod
    def from_json(cls, path: str | Path) -> EventStore:
        with open(path, encoding="utf-8") as handle:
            return cls.from_document(json.load(handle))

    @classmethod
    def empty(cls) -> EventStore:
        return cls({"schema": "dateline/1", "articles": [], "events": [], "statements": []})

    # ----------------------------------------------------------------- lookups
    @property
    def actors(self) -> list[str]:
        """Actors by number of events, most first (ties: first seen first)."""
        groups = self._ev.positions["actors"]
        return sorted(groups, key=lambda a: (-len(groups[a]), int(groups[a][0])))

    @property
    def types(self) -> list[str]:
        return sorted(self.events["type"].dropna().unique().tolist())

    @property
    def outlets(self) -> list[str]:
        return sorted(set(self.articles["outlet"].tolist()))

    def time_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """[first start, last end) over dated events and statements, or None (cached: the
        store never changes)."""
        if not hasattr(self, "_time_range"):
            starts = pd.concat([self.events["start"], self.statements["start"]]).dropna()
            ends = pd.concat([self.events["end"], self.statements["end"]]).dropna()
            self._time_range = None if starts.empty else (starts.min(), ends.max())
        return self._time_range

    def event(self, event_id: str) -> pd.Series | None:
        row = self.event_position(event_id)
        return None if row is None else self.events.iloc[row]

    def event_position(self, event_id: str) -> int | None:
        """Row of an event id. A vectorised scan (~2-5 ms at 1M), called per click or
        hover: a dict of every id would cost ~0.8 s and ~100 MB to build at 1M events."""
        if not isinstance(event_id, str) or not len(self._ids):
            return None
        row = pc.index(self._ids, event_id).as_py()
        return None if row < 0 else row

    def article(self, article_id: str) -> dict | None:
        """id, path, title, outlet, published, published_source, text_sha256 (or None)."""
        rec = self._article_info.get(article_id)
        if rec is None:
            row = self._article_row.get(article_id)
            if row is None:
                return None
            rec = {col: values[row] for col, values in self._article_columns().items()}
            self._article_info[article_id] = rec
        return rec

    def _article_columns(self) -> dict:
        """Article columns as Python lists (built once; dates read one at a time): a
        record per lookup is then a dict of list items, not a one-row frame (~1-2 ms each
        at 100k articles, and the side panel looks up one per excerpt)."""
        if self._article_lists is None:
            self._article_lists = {col: _LazyTimestamps(col_values) if
                                   col_values.dtype.kind == "M" else col_values.tolist()
                                   for col, col_values in self.articles.items()}
        return self._article_lists

    # ------------------------------------------------------------------ query
    def query(self, selection: Selection, marks: Marks = NO_MARKS) -> QueryResult:
        """Rows passing ``selection``; its "Starred" and tag filters read ``marks``."""
        ev_rows = self._rows(self._ev, selection, self.events, marks)
        st_rows = self._rows(self._st, selection, self.statements, marks)
        counts = self._place_counts(ev_rows, st_rows)
        if selection.place is not None:
            code = self._place_code_of.get(selection.place, -1)
            ev_rows = ev_rows[self._ev.place_code[ev_rows] == code]
            st_rows = st_rows[self._st.place_code[st_rows] == code]
        return QueryResult(selection, ev_rows, st_rows, counts, self.events, self.statements)

    def _rows(self, index: RowIndex, sel: Selection, df: pd.DataFrame,
              marks: Marks) -> np.ndarray:
        """Sorted row positions passing every filter but the place."""
        if sel.window is not None:
            rows = index.window_rows(sel.window, sel.cumulative)
        else:
            rows = np.arange(index.n)
        for key in ("actors", "types", "outlets"):
            values = getattr(sel, key)
            if values and len(rows):
                rows = rows[index.values_mask(key, values)[rows]]
        needle = sel.search.strip().lower()
        if needle and len(rows):
            hay = self._search_text(df)
            hay = hay.iloc[rows] if len(rows) < index.n else hay
            hits = hay.str.contains(needle, regex=False).to_numpy(dtype=bool)  # vectorised
            rows = rows[hits]
        wanted = marks.wanted(sel.starred, sel.tags)
        if wanted is not None and len(rows):
            rows = rows[df["id"].iloc[rows].isin(wanted).to_numpy(dtype=bool)]
        return rows

    def _search_text(self, df: pd.DataFrame) -> pd.Series:
        """The lowercased text a search matches, built on the first search (~0.5 s and
        ~80 MB per table at 1M: not worth paying at load for a store never searched)."""
        kind = "events" if df is self.events else "statements"
        if kind not in self._search:
            build = frames.event_search_text if kind == "events" else \
                frames.statement_search_text
            self._search[kind] = build(df, self._codes[kind])
        return self._search[kind]

    def _place_counts(self, ev_rows: np.ndarray, st_rows: np.ndarray) -> PlaceCounts:
        """Events/statements per place: one ``bincount`` over precomputed place codes."""
        n = len(self._place_table) + 1               # code 0 is "no place"
        ev_n = np.bincount(self._ev.place_code[ev_rows], minlength=n)[1:]
        st_n = np.bincount(self._st.place_code[st_rows], minlength=n)[1:]
        return PlaceCounts.from_bins(self._place_table, ev_n, st_n)

    # -------------------------------------------------------------- itinerary
    def itinerary(self, actor: str, window=None) -> pd.DataFrame:
        """Where ``actor`` was, in date order: date, place, lat, lon (repeats collapsed)."""
        ev = self.events
        took_part = np.zeros(len(ev), dtype=bool)
        took_part[self._ev.positions["actors"].get(actor, np.zeros(0, np.intp))] = True
        keep = (took_part & ev["type"].isin(ITINERARY_TYPES) & ev["place"].notna()
                & ev["start"].notna() & ev["lat"].notna())
        if window is not None:
            w0, w1 = pd.Timestamp(window[0]), pd.Timestamp(window[1])
            keep &= (ev["start"] < w1) & (ev["end"] > w0)
        rows = ev.loc[keep, ["start", "place", "lat", "lon"]].rename(columns={"start": "date"})
        rows = rows.sort_values("date", kind="stable")
        repeat = rows["place"].eq(rows["place"].shift())
        return rows[~repeat].reset_index(drop=True)

    def has_place(self, name: str) -> bool:
        """Whether ``name`` is a place the map shows: some event or statement is there,
        with coordinates."""
        code = self._place_code_of.get(name) if isinstance(name, str) else None
        return code is not None and bool(pd.notna(self.places["lat"].iloc[code - 1])
                                         and pd.notna(self.places["lon"].iloc[code - 1]))

    # ------------------------------------------------------------ article text
    def timexes_of(self, article_id: str) -> list[dict]:
        """The document's time expressions in ``article_id``, in text order; [] when the
        document has none (written before them, or a store read from a Parquet cache)."""
        return self._article_spans("timexes").get(article_id, [])

    def toponyms_of(self, article_id: str) -> list[dict]:
        """The document's place names in ``article_id``, in text order (or [])."""
        return self._article_spans("toponyms").get(article_id, [])

    def _article_spans(self, kind: str) -> dict[str, list[dict]]:
        """{article: records} of a top-level span array, grouped on first use."""
        if kind not in self._spans:
            grouped: dict[str, list[dict]] = {}
            records = self.document.get(kind)
            for rec in records if isinstance(records, list) else ():
                if isinstance(rec, dict) and isinstance(rec.get("article"), str):
                    grouped.setdefault(rec["article"], []).append(rec)
            for recs in grouped.values():
                recs.sort(key=_span_key)
            self._spans[kind] = grouped
        return self._spans[kind]

    def text_of(self, article_id: str) -> str:
        """The article text (read lazily, cached); "" if the file is gone."""
        if article_id in self._texts:
            return self._texts[article_id]
        art = self.article(article_id)
        text = ""
        if art is not None and art["path"]:
            try:
                text = Path(art["path"]).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            sha = art.get("text_sha256")
            if text and sha and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
                self.stale_articles.add(article_id)   # offsets may no longer fit
        self._texts[article_id] = text
        return text

    def loaded_texts(self) -> dict[str, str]:
        """The article texts read so far (a corrected store built from this one's
        document reuses them instead of reading the files again)."""
        return dict(self._texts)

    def statement_context(self, statement) -> tuple[str, str, str]:
        """(before, quoted span, after) within the sentence of a statement row (a Series,
        dict or itertuples row with the statements columns)."""
        get = statement.get if hasattr(statement, "get") else statement.__getattribute__
        return self.quote_context(get("article"), int(get("sentence_start")),
                                  int(get("sentence_end")), int(get("start_char")),
                                  int(get("end_char")), get("text"))

    def quote_context(self, article_id: str, s0: int, s1: int, q0: int, q1: int,
                      fallback: str = "") -> tuple[str, str, str]:
        text = self.text_of(article_id)
        if not text or not (0 <= s0 <= q0 <= q1 <= s1 <= len(text)):
            return "", fallback, ""          # offsets no longer fit: show the stored quote
        return text[s0:q0], text[q0:q1], text[q1:s1]

    def mention_context(self, article_id: str, start: int, end: int,
                        limit: int = 320) -> tuple[str, str, str]:
        """(before, mention, after) within the sentence around a character span."""
        text = self.text_of(article_id)
        if not text or not (0 <= start <= end <= len(text)):
            return "", "", ""
        s0, s1 = sentence_bounds(text, start, end, limit)
        return text[s0:start], text[start:end], text[end:s1]


def _span_key(rec: dict) -> tuple[int, int]:
    start, end = rec.get("start"), rec.get("end")
    return (start if isinstance(start, int) else -1, end if isinstance(end, int) else -1)


def sentence_bounds(text: str, start: int, end: int, limit: int = 320) -> tuple[int, int]:
    """Approximate sentence around [start, end): nearest '. ' or line break, capped."""
    lo = max(0, start - limit)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    s0 = cut + 1 if cut >= 0 else lo
    while s0 < start and text[s0].isspace():
        s0 += 1
    hi = min(len(text), end + limit)
    stops = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi)) if i >= 0]
    s1 = min(stops) + 1 if stops else hi
    return s0, s1
