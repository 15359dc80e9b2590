"""Writers for a "dateline/1" document: JSON, CSV and GeoJSON, always atomic.

- json: the document itself (UTF-8, indented).
- csv: one row per event and per statement (``record`` column tells which), with the
  columns analysts filter on; lists are joined with "; ". Article text is untrusted: a
  text cell that a spreadsheet would run as a formula gets a leading apostrophe.
- geojson: a FeatureCollection of the events and statements that have a place
  (Point [lon, lat]); the record's fields are the feature's properties.
"""
from __future__ import annotations

import csv
import io
import json
import os

from dateline.atomic import write_text_atomic

FORMATS = ("json", "csv", "geojson")
CSV_COLUMNS = ("record", "id", "type", "summary", "speaker", "text", "direct", "date_start",
               "date_end", "precision", "place", "lat", "lon", "actors", "articles",
               "n_mentions", "event", "article", "start", "end")


def write_document(doc: dict, path: str | os.PathLike, fmt: str = "json") -> None:
    """Write ``doc`` to ``path`` as json, csv or geojson (ValueError on another format)."""
    fmt = (fmt or "json").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    text = {"json": to_json, "csv": to_csv, "geojson": to_geojson}[fmt](doc)
    write_text_atomic(path, text)


def to_json(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_csv(doc: dict) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in doc.get("events", []):
        writer.writerow(_neutralised(_event_row(event)))
    for st in doc.get("statements", []):
        writer.writerow(_neutralised(_statement_row(st)))
    return buffer.getvalue()


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(row: dict) -> dict:
    """CSV injection: "=HYPERLINK(...)" in an article must stay text in a spreadsheet."""
    return {k: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v
            for k, v in row.items()}


def to_geojson(doc: dict) -> str:
    features = []
    for record, items in (("event", doc.get("events", [])), ("statement", doc.get("statements", []))):
        for item in items:
            place = item.get("place")
            if not place or place.get("lat") is None or place.get("lon") is None:
                continue
            props = {"record": record, **{k: v for k, v in item.items() if k != "mentions"}}
            if record == "event":
                props["articles"] = sorted({m["article"] for m in item.get("mentions", [])})
            features.append({"type": "Feature",
                             "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                             "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      indent=1) + "\n"


def _place_cells(place) -> dict:
    if not place:
        return {"place": "", "lat": "", "lon": ""}
    return {"place": place.get("name", ""), "lat": place.get("lat", ""), "lon": place.get("lon", "")}


def _event_row(event: dict) -> dict:
    mentions = event.get("mentions", [])
    return {"record": "event", "id": event.get("id"), "type": event.get("type"),
            "summary": event.get("summary"), "date_start": event.get("date_start") or "",
            "date_end": event.get("date_end") or "", "precision": event.get("precision") or "",
            **_place_cells(event.get("place")), "actors": "; ".join(event.get("actors", [])),
            "articles": "; ".join(sorted({m["article"] for m in mentions})),
            "n_mentions": len(mentions)}


def _statement_row(st: dict) -> dict:
    return {"record": "statement", "id": st.get("id"), "type": "statement", "speaker": st.get("speaker"),
            "text": st.get("text"), "direct": st.get("direct"),
            "date_start": st.get("date_start") or "", "date_end": st.get("date_end") or "",
            "precision": st.get("precision") or "", **_place_cells(st.get("place")),
            "event": st.get("event") or "", "article": st.get("article"),
            "start": st.get("start"), "end": st.get("end")}
