"""Turn a "dateline/1" document into pandas frames (one row per article/event/statement).

Dates in the document are inclusive ``YYYY-MM-DD`` days; here ``start``/``end`` are
datetime64[ns] with ``end`` exclusive (the day after the last day), so every event is a
half-open interval and "overlaps the window" is ``start < w_end and end > w_start``.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dateline.model.listcol import MENTION_FIELDS, as_tuple_column

UNKNOWN_OUTLET = "Unknown outlet"

# place_source / date_source: how extraction found the place or date ("text", "dateline",
# "scene", "actor"; None when unknown or absent), so a view can mark inferred ones
# merge_reason: why extraction merged several reports into the event (None for one report)
EVENT_COLUMNS = ["id", "type", "summary", "start", "end", "precision", "place", "lat", "lon",
                 "place_source", "merge_reason", "actors", "n_sources", "outlets", "articles",
                 "mentions"]
STATEMENT_COLUMNS = ["id", "speaker", "text", "direct", "article", "start_char", "end_char",
                     "sentence_start", "sentence_end", "start", "end", "precision", "place",
                     "lat", "lon", "place_source", "date_source", "event", "event_type", "outlet",
                     "published"]
ARTICLE_COLUMNS = ["id", "path", "title", "outlet", "published", "published_source",
                   "text_sha256"]


def articles_frame(doc: dict) -> pd.DataFrame:
    rows = [{c: a.get(c) for c in ARTICLE_COLUMNS} for a in doc.get("articles", [])]
    df = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    df["outlet"] = df["outlet"].fillna(UNKNOWN_OUTLET).replace("", UNKNOWN_OUTLET)
    df["title"] = df["title"].fillna("")
    published = pd.to_datetime(df["published"], errors="coerce")
    df["published"] = published.where(published.between(_FIRST_DAY, _LAST_DAY))
    return df.astype({"published": "datetime64[ns]"})


_FIRST_DAY, _LAST_DAY = pd.Timestamp("1678-01-01"), pd.Timestamp("2261-12-30")


@lru_cache(maxsize=65536)
def _day(value) -> pd.Timestamp:
    if not value:
        return pd.NaT
    try:
        day = pd.Timestamp(str(value)[:10])
    except (ValueError, TypeError):
        return pd.NaT     # a malformed date is "unknown", never a guessed day
    # The timeline's nanosecond axis spans 1678-2261; "March 3, 1650" stays in the
    # document but is shown undated rather than crashing or being moved.
    return day if _FIRST_DAY <= day <= _LAST_DAY else pd.NaT


def _interval(item: dict) -> tuple[pd.Timestamp, pd.Timestamp]:
    start, end = item.get("date_start"), item.get("date_end")
    if not isinstance(start, (str, type(None))) or not isinstance(end, (str, type(None))):
        return pd.NaT, pd.NaT           # malformed: unknown, never a guess
    return _interval_of(start, end)


@lru_cache(maxsize=65536)
def _interval_of(date_start, date_end) -> tuple[pd.Timestamp, pd.Timestamp]:
    start = _day(date_start)
    end = _day(date_end)
    if start is pd.NaT:
        return pd.NaT, pd.NaT
    if end is pd.NaT or end < start:
        end = start
    return start, end + pd.Timedelta(days=1)


def _place(item: dict) -> tuple[str | None, float, float]:
    place = item.get("place") or {}
    name = place.get("name") or None
    lat, lon = place.get("lat"), place.get("lon")
    return (name, float(lat) if lat is not None else np.nan,
            float(lon) if lon is not None else np.nan)


# Event statuses (docs/contracts.md) of what did not happen or only might: listed and
# searchable, never drawn on the timeline as a thing that happened (no interval).
NOT_HAPPENED = frozenset({"negated", "hypothetical"})


def _not_happened(ev: dict) -> bool:
    status = ev.get("status")
    return isinstance(status, str) and status in NOT_HAPPENED     # malformed: as before


def _source(item: dict, key: str) -> str | None:
    """How a place or date was found (None for documents written before the field)."""
    value = item.get(key)
    return value if isinstance(value, str) and value else None


def events_frame(doc: dict, outlet_of: dict[str, str]) -> pd.DataFrame:
    rows = []
    for ev in doc.get("events", []):
        start, end = (pd.NaT, pd.NaT) if _not_happened(ev) else _interval(ev)
        name, lat, lon = _place(ev)
        mentions = tuple((m.get("article"), int(m.get("start", 0)), int(m.get("end", 0)),
                          m.get("text", "")) for m in ev.get("mentions", []))
        articles = tuple(dict.fromkeys(m[0] for m in mentions))
        outlets = tuple(dict.fromkeys(outlet_of.get(a, UNKNOWN_OUTLET) for a in articles))
        actors = tuple(ev.get("actors") or ())
        rows.append((ev["id"], ev.get("type") or "other", ev.get("summary") or "", start, end,
                     ev.get("precision") or "day", name, lat, lon, _source(ev, "place_source"),
                     _source(ev, "merge_reason"), actors,
                     max(len(articles), 1), outlets, articles, mentions))
    df = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for col in ("actors", "outlets", "articles"):
        df[col] = as_tuple_column(df[col])
    df["mentions"] = as_tuple_column(df["mentions"], MENTION_FIELDS)
    return _sort_by_start(df)


def statements_frame(doc: dict, events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    outlet_of = dict(zip(articles["id"], articles["outlet"]))
    published_of = dict(zip(articles["id"], articles["published"]))
    rows = []
    for st in doc.get("statements", []):
        start, end = _interval(st)
        name, lat, lon = _place(st)
        speaker = st.get("speaker") or "Unattributed"
        article = st.get("article")
        rows.append((st["id"], speaker, st.get("text") or "", bool(st.get("direct")), article,
                     int(st.get("start", 0)), int(st.get("end", 0)),
                     int(st.get("sentence_start", st.get("start", 0))),
                     int(st.get("sentence_end", st.get("end", 0))),
                     start, end, st.get("precision") or "day", name, lat, lon,
                     _source(st, "place_source"), _source(st, "date_source"), st.get("event"),
                     "statement", outlet_of.get(article, UNKNOWN_OUTLET),
                     published_of.get(article, pd.NaT)))
    df = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    for col in ("start", "end"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    _event_types(df, events)
    return _sort_by_start(df)


def _event_types(df: pd.DataFrame, events: pd.DataFrame) -> None:
    """The type of the event a statement is linked to. Its date and place are extraction's
    (``dateline.extract.statement_dates``): the model never re-decides them."""
    if df.empty or events.empty:
        df["event_type"] = "statement"
        return
    ev = events.set_index("id")
    linked = df["event"].isin(ev.index)
    df["event_type"] = df["event"].map(ev["type"]).where(linked, "statement")


def _sort_by_start(df: pd.DataFrame) -> pd.DataFrame:
    for col in ("start", "end"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    df["lat"] = df["lat"].astype(float)
    df["lon"] = df["lon"].astype(float)
    # Stable sort keeps document order among same-day items; unknown dates go last.
    return df.sort_values("start", kind="stable", na_position="last").reset_index(drop=True)


def places_frame(events: pd.DataFrame, statements: pd.DataFrame,
                 ev_codes=None, st_codes=None) -> pd.DataFrame:
    """Every named place with coordinates, and how many events/statements it holds.

    With the place columns' (codes, uniques) this looks only at each place's first row and
    first row with coordinates (all that "first coordinates seen" needs) and counts with
    ``bincount``: a few thousand rows instead of two million at 1M events."""
    cols = ["place", "lat", "lon"]
    if ev_codes is not None and st_codes is not None:
        ev_rows, ev_n = _first_place_rows(events, *ev_codes)
        st_rows, st_n = _first_place_rows(statements, *st_codes)
        events, statements = events.iloc[ev_rows], statements.iloc[st_rows]
    else:
        ev_n, st_n = events["place"].value_counts(), statements["place"].value_counts()
    both = pd.concat([events[cols], statements[cols]]).dropna(subset=["place"])
    coords = both.dropna(subset=["lat", "lon"]).drop_duplicates("place")
    coords = pd.concat([coords, both.drop_duplicates("place")]).drop_duplicates("place")
    out = coords.assign(n_events=coords["place"].map(ev_n).fillna(0).astype(int),
                        n_statements=coords["place"].map(st_n).fillna(0).astype(int))
    return out.sort_values(["n_events", "place"], ascending=[False, True]).reset_index(drop=True)


def _first_place_rows(df: pd.DataFrame, codes: np.ndarray, uniques: np.ndarray):
    """(sorted rows: each place's first row and first row with lat/lon, rows per place)."""
    n_places = len(uniques) - 1                     # uniques ends with the missing slot
    named = codes >= 0
    located = named & df["lat"].notna().to_numpy() & df["lon"].notna().to_numpy()
    firsts = []
    for mask in (named, located):
        pos = np.flatnonzero(mask)
        first = np.full(n_places, len(df), dtype=np.int64)
        np.minimum.at(first, codes[pos], pos)
        firsts.append(first[first < len(df)])
    counts = np.bincount(codes[named], minlength=n_places)
    return np.union1d(*firsts), pd.Series(counts, index=pd.Index(uniques[:-1], dtype=object))


def event_search_text(events: pd.DataFrame, coded: dict | None = None) -> pd.Series:
    """Per event, lowercased: summary, actors, place, type and every mention's text.
    ``coded``: {column: (codes, uniques)} of shared-string columns (lowered per value)."""
    parts = [_lower(events, "summary", coded), as_tuple_column(events["actors"]).joined_lower(),
             _lower(events, "place", coded), _lower(events, "type", coded),
             as_tuple_column(events["mentions"], MENTION_FIELDS).joined_lower(
                 MENTION_FIELDS.index("text"))]
    return _joined_series(parts, events.index)


def statement_search_text(statements: pd.DataFrame, coded: dict | None = None) -> pd.Series:
    """Per statement, lowercased: speaker, quote and place."""
    parts = [_lower(statements, c, coded) for c in ("speaker", "text", "place")]
    return _joined_series(parts, statements.index)


def _lower(df: pd.DataFrame, col: str, coded: dict | None) -> pa.Array:
    """A string column lowercased as Arrow strings (missing values stay null)."""
    if coded and col in coded:
        codes, uniques = coded[col]                 # uniques ends with the missing slot
        lowered = pa.array([u.lower() if isinstance(u, str) else None for u in uniques],
                           type=pa.string())
        slot = np.where(codes < 0, len(uniques) - 1, codes.astype(np.int32))
        return lowered.take(pa.array(slot))
    values = df[col].array
    if isinstance(values, pd.arrays.ArrowStringArray):
        arr = pa.array(values)
    else:
        arr = pa.array(np.asarray(values, dtype=object), type=pa.string(), from_pandas=True)
    return pc.utf8_lower(arr)


def _joined_series(parts: list[pa.Array], index: pd.Index) -> pd.Series:
    parts = [p.cast(pa.large_string()) for p in parts]      # pandas' str is large_string
    joined = pc.binary_join_element_wise(*parts, pa.scalar(" ", pa.large_string()),
                                         null_handling="replace",
                                         null_replacement="")
    return pd.Series(pa.chunked_array([joined]).to_pandas().array, index=index)
