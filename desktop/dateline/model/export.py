"""Export filtered events as CSV, JSON or GeoJSON (atomic writes; Qt-free)."""
from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pandas as pd

from dateline import SCHEMA
from dateline.atomic import write_text_atomic

CSV_COLUMNS = ["id", "type", "summary", "date_start", "date_end", "precision", "place",
               "lat", "lon", "actors", "n_sources", "outlets"]


def _day(value) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _num(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) \
        else float(value)


def event_records(events: pd.DataFrame) -> list[dict]:
    """Events as plain dicts with inclusive ISO dates (as in the dateline/1 document)."""
    out = []
    for row in events.itertuples(index=False):
        end = None if pd.isna(row.end) else row.end - pd.Timedelta(days=1)
        out.append({
            "id": row.id, "type": row.type, "summary": row.summary,
            "date_start": _day(row.start), "date_end": _day(end), "precision": row.precision,
            "place": row.place if isinstance(row.place, str) else None,
            "lat": _num(row.lat), "lon": _num(row.lon), "actors": list(row.actors),
            "n_sources": int(row.n_sources), "outlets": list(row.outlets),
            "mentions": [{"article": a, "start": s, "end": e, "text": t}
                         for a, s, e, t in row.mentions]})
    return out


def _cell(value):
    """Neutralise spreadsheet formulas: article text is untrusted (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def events_csv(events: pd.DataFrame) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for rec in event_records(events):
        rec = dict(rec, actors="; ".join(rec["actors"]), outlets="; ".join(rec["outlets"]))
        writer.writerow({k: _cell(v) for k, v in rec.items()})
    return buf.getvalue()


def events_json(events: pd.DataFrame, statements: pd.DataFrame | None = None) -> str:
    doc = {"schema": SCHEMA + "-export", "events": event_records(events)}
    if statements is not None:
        doc["statements"] = [
            {"id": r.id, "speaker": r.speaker, "text": r.text, "direct": bool(r.direct),
             "article": r.article, "date_start": _day(r.start), "precision": r.precision,
             "place": r.place if isinstance(r.place, str) else None,
             "event": r.event if isinstance(r.event, str) else None}
            for r in statements.itertuples(index=False)]
    return json.dumps(doc, ensure_ascii=False, indent=2)


def events_geojson(events: pd.DataFrame) -> str:
    """A FeatureCollection of placed events (RFC 7946: [lon, lat]); unplaced ones skipped."""
    features = []
    for rec in event_records(events):
        if rec["lat"] is None or rec["lon"] is None:
            continue
        props = {k: v for k, v in rec.items() if k not in ("lat", "lon", "mentions")}
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]}})
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=2)


def export_events(events: pd.DataFrame, path: str | Path,
                  statements: pd.DataFrame | None = None) -> str:
    """Write by file extension (.csv, .json, .geojson); returns the format used."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        write_text_atomic(path, events_csv(events))
        return "csv"
    if suffix == ".geojson":
        write_text_atomic(path, events_geojson(events))
        return "geojson"
    if suffix == ".json":
        write_text_atomic(path, events_json(events, statements))
        return "json"
    raise ValueError(f"{path}: unknown export format (use .csv, .json or .geojson)")
