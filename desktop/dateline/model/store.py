"""EventStore: a dateline/1 document as pandas frames, with fast selection queries.

Queries are numpy work over precomputed arrays: the time window is two ``searchsorted``
calls on the sorted start times, actor/outlet filters are unions of precomputed row-position
arrays, so scrubbing a window over 100k events stays in the low milliseconds.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dateline.model import frames
from dateline.model.selection import Selection

PLACE_COUNT_COLUMNS = ["place", "lat", "lon", "n_events", "n_statements"]
ITINERARY_TYPES = ("visit", "meeting", "statement")


@dataclass(frozen=True)
class QueryResult:
    selection: Selection
    events: pd.DataFrame        # events passing ALL filters
    statements: pd.DataFrame    # statements passing all filters
    place_counts: pd.DataFrame  # place, lat, lon, n_events, n_statements; all filters but place

    @property
    def event_ids(self) -> list[str]:
        return self.events["id"].tolist()


class _Index:
    """Sorted start/end arrays and per-value row positions for one frame."""

    def __init__(self, df: pd.DataFrame, multi: dict[str, str], single: dict[str, str]):
        self.n = len(df)
        self.start = df["start"].to_numpy("datetime64[ns]")
        self.end = df["end"].to_numpy("datetime64[ns]")
        dated = ~np.isnat(self.start)
        self.n_dated = int(dated.sum())           # NaT rows are sorted last
        durations = (self.end - self.start)[dated]
        self.max_duration = durations.max() if len(durations) else np.timedelta64(0, "ns")
        self.positions: dict[str, dict[str, np.ndarray]] = {}
        for key, col in multi.items():            # tuple-valued columns (actors, outlets)
            exploded = df[col].explode().dropna()
            self.positions[key] = _group_positions(exploded)
        for key, col in single.items():
            self.positions[key] = _group_positions(df[col].dropna())

    def window_mask(self, window, cumulative: bool) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        w0 = np.datetime64(window[0].to_datetime64(), "ns")
        w1 = np.datetime64(window[1].to_datetime64(), "ns")
        starts = self.start[: self.n_dated]
        hi = int(np.searchsorted(starts, w1, side="left"))        # start < w1
        lo = 0 if cumulative else int(np.searchsorted(starts, w0 - self.max_duration))
        if cumulative:
            mask[lo:hi] = True
        else:
            mask[lo:hi] = self.end[lo:hi] > w0                     # overlaps [w0, w1)
        return mask

    def values_mask(self, key: str, values) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        table = self.positions[key]
        for value in values:
            pos = table.get(value)
            if pos is not None:
                mask[pos] = True
        return mask


def _group_positions(series: pd.Series) -> dict[str, np.ndarray]:
    if series.empty:
        return {}
    pos = series.index.to_numpy()
    return {k: pos[v] for k, v in series.groupby(series.astype(str), sort=False).indices.items()}


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
        self.events = events.sort_values("start", kind="stable", na_position="last"
                                         ).reset_index(drop=True)
        self.statements = statements.sort_values("start", kind="stable", na_position="last"
                                                 ).reset_index(drop=True)
        self.places = frames.places_frame(self.events, self.statements)
        self._texts = dict(texts or {})
        self.stale_articles: set[str] = set()   # article files changed since extraction
        self._ev = _Index(self.events, {"actors": "actors", "outlets": "outlets"},
                          {"types": "type", "place": "place"})
        self._st = _Index(self.statements, {}, {"actors": "speaker", "outlets": "outlet",
                                                "types": "event_type", "place": "place"})
        self._event_row = {eid: i for i, eid in enumerate(self.events["id"])}
        self._article_info = {rec["id"]: rec for rec in self.articles.to_dict("records")}

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
        counts = self.events["actors"].explode().dropna().value_counts()
        return counts.index.tolist()

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
        row = self._event_row.get(event_id)
        return None if row is None else self.events.iloc[row]

    def event_position(self, event_id: str) -> int | None:
        return self._event_row.get(event_id)

    def article(self, article_id: str) -> dict | None:
        """id, path, title, outlet, published, published_source, text_sha256 (or None)."""
        return self._article_info.get(article_id)

    # ------------------------------------------------------------------ query
    def query(self, selection: Selection) -> QueryResult:
        ev_mask = self._mask(self._ev, selection, self.events)
        st_mask = self._mask(self._st, selection, self.statements)
        counts = self._place_counts(ev_mask, st_mask)
        if selection.place is not None:
            ev_mask &= self._ev.values_mask("place", [selection.place])
            st_mask &= self._st.values_mask("place", [selection.place])
        return QueryResult(selection, self.events[ev_mask], self.statements[st_mask], counts)

    def _mask(self, index: _Index, sel: Selection, df: pd.DataFrame) -> np.ndarray:
        mask = np.ones(index.n, dtype=bool)
        if sel.window is not None:
            mask &= index.window_mask(sel.window, sel.cumulative)
        for key in ("actors", "types", "outlets"):
            values = getattr(sel, key)
            if values:
                mask &= index.values_mask(key, values)
        needle = sel.search.strip().lower()
        if needle and mask.any():
            rows = np.flatnonzero(mask)
            hay = df["search_text"].iloc[rows] if len(rows) < index.n else df["search_text"]
            hits = hay.str.contains(needle, regex=False).to_numpy(dtype=bool)  # vectorised
            mask[rows[~hits]] = False
        return mask

    def _place_counts(self, ev_mask: np.ndarray, st_mask: np.ndarray) -> pd.DataFrame:
        ev_n = self.events["place"][ev_mask].value_counts()
        st_n = self.statements["place"][st_mask].value_counts()
        out = self.places[["place", "lat", "lon"]].copy()
        out["n_events"] = out["place"].map(ev_n).fillna(0).astype(int)
        out["n_statements"] = out["place"].map(st_n).fillna(0).astype(int)
        keep = (out["n_events"] + out["n_statements"]) > 0
        return out[keep].reset_index(drop=True)[PLACE_COUNT_COLUMNS]

    # -------------------------------------------------------------- itinerary
    def itinerary(self, actor: str, window=None) -> pd.DataFrame:
        """Where ``actor`` was, in date order: date, place, lat, lon (repeats collapsed)."""
        ev = self.events
        took_part = ev["actors"].map(lambda actors: actor in actors)
        keep = (took_part & ev["type"].isin(ITINERARY_TYPES) & ev["place"].notna()
                & ev["start"].notna() & ev["lat"].notna())
        if window is not None:
            w0, w1 = pd.Timestamp(window[0]), pd.Timestamp(window[1])
            keep &= (ev["start"] < w1) & (ev["end"] > w0)
        rows = ev.loc[keep, ["start", "place", "lat", "lon"]].rename(columns={"start": "date"})
        rows = rows.sort_values("date", kind="stable")
        repeat = rows["place"].eq(rows["place"].shift())
        return rows[~repeat].reset_index(drop=True)

    # ------------------------------------------------------------ article text
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
