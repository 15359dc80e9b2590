"""Turn a "dateline/1" document into pandas frames (one row per article/event/statement).

Dates in the document are inclusive ``YYYY-MM-DD`` days; here ``start``/``end`` are
datetime64[ns] with ``end`` exclusive (the day after the last day), so every event is a
half-open interval and "overlaps the window" is ``start < w_end and end > w_start``.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

UNKNOWN_OUTLET = "Unknown outlet"

EVENT_COLUMNS = ["id", "type", "summary", "start", "end", "precision", "place", "lat", "lon",
                 "actors", "n_sources", "outlets", "articles", "mentions", "search_text"]
STATEMENT_COLUMNS = ["id", "speaker", "text", "direct", "article", "start_char", "end_char",
                     "sentence_start", "sentence_end", "start", "end", "precision", "place",
                     "lat", "lon", "event", "event_type", "outlet", "published",
                     "search_text"]
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


def events_frame(doc: dict, outlet_of: dict[str, str]) -> pd.DataFrame:
    rows = []
    for ev in doc.get("events", []):
        start, end = _interval(ev)
        name, lat, lon = _place(ev)
        mentions = tuple((m.get("article"), int(m.get("start", 0)), int(m.get("end", 0)),
                          m.get("text", "")) for m in ev.get("mentions", []))
        articles = tuple(dict.fromkeys(m[0] for m in mentions))
        outlets = tuple(dict.fromkeys(outlet_of.get(a, UNKNOWN_OUTLET) for a in articles))
        actors = tuple(ev.get("actors") or ())
        summary = ev.get("summary") or ""
        search = " ".join([summary, " ".join(actors), name or "", ev.get("type") or "",
                           " ".join(m[3] for m in mentions)]).lower()
        rows.append((ev["id"], ev.get("type") or "other", summary, start, end,
                     ev.get("precision") or "day", name, lat, lon, actors,
                     max(len(articles), 1), outlets, articles, mentions, search))
    df = pd.DataFrame(rows, columns=EVENT_COLUMNS)
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
                     start, end, st.get("precision") or "day", name, lat, lon, st.get("event"),
                     "statement", outlet_of.get(article, UNKNOWN_OUTLET),
                     published_of.get(article, pd.NaT), ""))
    df = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    for col in ("start", "end"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    _inherit_from_events(df, events)
    df["search_text"] = (df["speaker"] + " " + df["text"] + " "
                         + df["place"].fillna("")).str.lower()
    return _sort_by_start(df)


def _inherit_from_events(df: pd.DataFrame, events: pd.DataFrame) -> None:
    """Undated/unplaced statements take their event's date (with its precision) and place."""
    if df.empty or events.empty:
        return
    ev = events.set_index("id")
    linked = df["event"].isin(ev.index)

    def take(col: str, rows: pd.Series) -> None:
        # Series.where, not .loc: an all-empty column may not hold the event's dtype yet.
        df[col] = df[col].astype(object).where(~rows, df["event"].map(ev[col]))

    undated = linked & df["start"].isna()
    take("precision", undated)
    for col in ("start", "end"):
        df[col] = df[col].where(~undated, df["event"].map(ev[col]))
    unplaced = linked & df["place"].isna()
    for col in ("place", "lat", "lon"):
        take(col, unplaced)
    df["event_type"] = df["event"].map(ev["type"]).where(linked, "statement")


def _sort_by_start(df: pd.DataFrame) -> pd.DataFrame:
    for col in ("start", "end"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    df["lat"] = df["lat"].astype(float)
    df["lon"] = df["lon"].astype(float)
    # Stable sort keeps document order among same-day items; unknown dates go last.
    return df.sort_values("start", kind="stable", na_position="last").reset_index(drop=True)


def places_frame(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Every named place with coordinates, and how many events/statements it holds."""
    cols = ["place", "lat", "lon"]
    both = pd.concat([events[cols], statements[cols]]).dropna(subset=["place"])
    coords = both.dropna(subset=["lat", "lon"]).drop_duplicates("place")
    coords = pd.concat([coords, both.drop_duplicates("place")]).drop_duplicates("place")
    ev_n = events["place"].value_counts()
    st_n = statements["place"].value_counts()
    out = coords.assign(n_events=coords["place"].map(ev_n).fillna(0).astype(int),
                        n_statements=coords["place"].map(st_n).fillna(0).astype(int))
    return out.sort_values(["n_events", "place"], ascending=[False, True]).reset_index(drop=True)
