"""Export what the user filtered as a "dateline/1" document (Qt-free).

The app writes exports with the same writers as ``dateline extract``
(:mod:`dateline.extract.formats`: JSON, CSV, GeoJSON), so an exported JSON file is a
document ``dateline open`` reads back, and the CSV has the CLI's columns: one row per
event and per statement. Frames hold an event's end as an exclusive Timestamp and an
undated row as NaT; the document holds inclusive ISO days and null.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from dateline import SCHEMA
from dateline.extract.formats import write_document

EXPORT_SUFFIXES = {".csv": "csv", ".json": "json", ".geojson": "geojson"}


def _day(value) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _num(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _dates(start, end, precision) -> dict:
    """Inclusive ISO dates with their precision; an undated row has no precision at all
    (the frames fill "day" in for drawing, which must not leak into a file)."""
    if start is None or pd.isna(start):
        return {"date_start": None, "date_end": None, "precision": None}
    last = None if pd.isna(end) else end - pd.Timedelta(days=1)
    return {"date_start": _day(start), "date_end": _day(last) or _day(start), "precision": precision}


def _place(name, lat, lon) -> dict | None:
    if not isinstance(name, str) or not name:
        return None
    return {"name": name, "lat": _num(lat), "lon": _num(lon)}


def event_records(events: pd.DataFrame) -> list[dict]:
    """Events as "dateline/1" records (inclusive ISO dates, place objects, mentions)."""
    out = []
    for row in events.itertuples(index=False):
        out.append({
            "id": row.id, "type": row.type, "summary": row.summary,
            **_dates(row.start, row.end, row.precision),
            "place": _place(row.place, row.lat, row.lon), "actors": list(row.actors),
            "mentions": [{"article": a, "start": int(s), "end": int(e), "text": t}
                         for a, s, e, t in row.mentions]})
    return out


def statement_records(statements: pd.DataFrame) -> list[dict]:
    out = []
    for row in statements.itertuples(index=False):
        out.append({
            "id": row.id, "speaker": row.speaker, "text": row.text, "direct": bool(row.direct),
            "article": row.article, "start": int(row.start_char), "end": int(row.end_char),
            "sentence_start": int(row.sentence_start), "sentence_end": int(row.sentence_end),
            **_dates(row.start, row.end, row.precision),
            "place": _place(row.place, row.lat, row.lon),
            "event": row.event if isinstance(row.event, str) else None})
    return out


def article_records(articles: pd.DataFrame, ids) -> list[dict]:
    """The articles the exported records cite, in the store's order."""
    wanted = set(ids)
    out = []
    for row in articles.itertuples(index=False):
        if row.id not in wanted:
            continue
        record = {"id": row.id}
        for key in ("path", "title", "outlet", "published_source", "text_sha256"):
            value = getattr(row, key, None)
            if isinstance(value, str) and value:
                record[key] = value
        record["published"] = _day(getattr(row, "published", None))
        out.append(record)
    return out


def filtered_document(events: pd.DataFrame, statements: pd.DataFrame | None = None,
                      articles: pd.DataFrame | None = None) -> dict:
    """A "dateline/1" document of the given rows and the articles they cite."""
    ev = event_records(events)
    st = statement_records(statements) if statements is not None else []
    cited = [m["article"] for e in ev for m in e["mentions"]] + [s["article"] for s in st]
    arts = article_records(articles, cited) if articles is not None else []
    known = {a["id"] for a in arts}
    arts += [{"id": a} for a in dict.fromkeys(cited) if a not in known]
    return {"schema": SCHEMA, "articles": arts, "events": ev, "statements": st}


def export_events(events: pd.DataFrame, path: str | Path,
                  statements: pd.DataFrame | None = None,
                  articles: pd.DataFrame | None = None) -> str:
    """Write by file extension (.csv, .json, .geojson); returns the format used."""
    fmt = EXPORT_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown export format (use .csv, .json or .geojson)")
    write_document(filtered_document(events, statements, articles), path, fmt)
    return fmt
