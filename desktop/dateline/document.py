"""Read and validate a "dateline/1" events document from disk (untrusted input).

Plain JSON only (never pickle or eval). Any defect becomes a :class:`DocumentError` whose
message names the file and the problem, so the CLI and GUI can show it in one line.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dateline import SCHEMA

PRECISIONS = {"day", "week", "month", "year", "range"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
MAX_DOCUMENT_BYTES = 2 * 1024 ** 3


class DocumentError(ValueError):
    pass


def read_document(path: str | Path) -> dict:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise DocumentError(f"{path}: too large to be an events document")
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text, so not an events document") from None
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{path}: corrupt or truncated JSON (line {exc.lineno}, "
                            f"column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise DocumentError(f"{path}: JSON nested too deeply to be an events document") from None
    validate_document(doc, str(path))
    return doc


def validate_document(doc: object, origin: str = "document") -> None:
    """Check the shape the GUI relies on; raise DocumentError naming the first defect."""
    if not isinstance(doc, dict):
        raise DocumentError(f"{origin}: not an events document (top level is not an object)")
    if doc.get("schema") != SCHEMA:
        raise DocumentError(f"{origin}: schema is {doc.get('schema')!r}, expected {SCHEMA!r}")
    for key in ("articles", "events", "statements"):
        if not isinstance(doc.get(key), list):
            raise DocumentError(f"{origin}: '{key}' must be a list")
    for index, event in enumerate(doc["events"]):
        _check_event(event, f"{origin}: events[{index}]")
    for index, statement in enumerate(doc["statements"]):
        _check_statement(statement, f"{origin}: statements[{index}]")
    for index, article in enumerate(doc["articles"]):
        where = f"{origin}: articles[{index}]"
        _check_record(article, where, ("id",))
        _check_types(article, where, {"id": str, "path": str, "title": str, "outlet": str,
                                      "published_source": str, "text_sha256": str})
        _check_published(article, where)
    for key in ("articles", "events", "statements"):
        _check_unique_ids(doc[key], f"{origin}: {key}")
    _check_timexes(doc.get("timexes"), origin)   # optional: documents before it lack it
    _check_toponyms(doc.get("toponyms"), f"{origin}: toponyms")


def _check_timexes(timexes: object, origin: str) -> None:
    if timexes is None:
        return
    if not isinstance(timexes, list):
        raise DocumentError(f"{origin}: 'timexes' must be a list")
    for index, timex in enumerate(timexes):
        where = f"{origin}: timexes[{index}]"
        _check_record(timex, where, ("article", "start", "end", "type", "value"))
        _check_types(timex, where, {"article": str, "text": str, "type": str, "value": str},
                     not_null=("article", "type", "value"))
        if timex["type"] not in TIMEX_TYPES:
            raise DocumentError(f"{where}.type {timex['type']!r:.40} is not one of "
                                f"{sorted(TIMEX_TYPES)}")
        _check_offsets(timex, where, ("start", "end"))
        _check_dates(timex, where, bounded=False)   # "the 11th century" is a fine timex


TOPONYM_KINDS = ("country", "admin", "city", "other")
TOPONYM_ROLES = ("location", "mention", "actor")


def _check_toponyms(toponyms: object, where: str) -> None:
    """Optional (documents written before it existed have none): a list of place names."""
    if toponyms is None:
        return
    if not isinstance(toponyms, list):
        raise DocumentError(f"{where} must be a list")
    for index, t in enumerate(toponyms):
        at = f"{where}[{index}]"
        _check_record(t, at, ("article", "start", "end", "name"))
        _check_types(t, at, {"article": str, "text": str, "name": str, "geonameid": int},
                     not_null=("article", "name"))
        _check_offsets(t, at, ("start", "end"))
        _check_place(t, at)
        if t.get("kind") not in TOPONYM_KINDS or t.get("role") not in TOPONYM_ROLES:
            raise DocumentError(f"{at}: kind must be one of {list(TOPONYM_KINDS)} and role one of "
                                f"{list(TOPONYM_ROLES)}")


# How an event's place was found (optional: documents written before it have none).
PLACE_SOURCES = ("text", "dateline", "scene", "actor")


def _check_event(event: object, where: str) -> None:
    _check_record(event, where, ("id", "type", "summary"))
    _check_types(event, where, {"id": str, "type": str, "summary": str})
    _check_dates(event, where)
    _check_place(event.get("place"), f"{where}.place")
    if event.get("place_source") not in (None, *PLACE_SOURCES):
        raise DocumentError(f"{where}.place_source must be null or one of {list(PLACE_SOURCES)}")
    _check_strings(event.get("actors", []), f"{where}.actors")
    mentions = event.get("mentions", [])
    if not isinstance(mentions, list):
        raise DocumentError(f"{where}.mentions must be a list")
    for index, mention in enumerate(mentions):
        _check_record(mention, f"{where}.mentions[{index}]", ("article", "start", "end"))
        _check_types(mention, f"{where}.mentions[{index}]", {"article": str, "text": str},
                     not_null=("text",))
        _check_offsets(mention, f"{where}.mentions[{index}]", ("start", "end"))


def _check_statement(statement: object, where: str) -> None:
    _check_record(statement, where, ("id", "text", "article"))
    _check_types(statement, where, {"id": str, "text": str, "article": str, "speaker": str,
                                    "event": str, "speaker_kind": str, "cue": str,
                                    "place_source": str, "date_source": str})
    _check_offsets(statement, where, ("start", "end", "sentence_start", "sentence_end"))
    if statement.get("source_start") is not None or statement.get("source_end") is not None:
        _check_offsets(statement, where, ("source_start", "source_end"))
    _check_dates(statement, where)
    _check_place(statement.get("place"), f"{where}.place")


def _check_types(record: dict, where: str, types: dict[str, type],
                 not_null: tuple[str, ...] = ()) -> None:
    """Each listed field, when present, has the given JSON type (or is null, unless the key is
    in ``not_null``)."""
    for key, kind in types.items():
        if key not in record:
            continue
        value = record[key]
        if (value is not None or key in not_null) and not isinstance(value, kind):
            raise DocumentError(f"{where}.{key} must be a {_JSON_NAMES[kind]}, not {value!r:.40}")


_JSON_NAMES = {str: "string", int: "whole number", list: "list"}


def _check_strings(values: object, where: str) -> None:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DocumentError(f"{where} must be a list of strings")


def _check_offsets(record: dict, where: str, keys: tuple[str, ...]) -> None:
    """Character offsets, where present: whole numbers >= 0 (not bool, not null), start <= end."""
    for key in keys:
        if key not in record:
            continue
        value = record[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DocumentError(f"{where}.{key} must be a character offset >= 0, "
                                f"not {value!r:.40}")
    start, end = record.get(keys[0]), record.get(keys[1])
    if isinstance(start, int) and isinstance(end, int) and start > end:
        raise DocumentError(f"{where}: {keys[0]} {start} is after {keys[1]} {end}")


def _check_published(article: dict, where: str) -> None:
    _check_date(article.get("published"), f"{where}.published")


# The model holds dates as datetime64[ns], which spans 1677-09-21 .. 2262-04-11.
EARLIEST, LATEST = date(1678, 1, 1), date(2261, 12, 31)


def _check_date(value: object, where: str, bounded: bool = True) -> None:
    if value is None:
        return
    try:
        if not isinstance(value, str):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise DocumentError(f"{where} is not a YYYY-MM-DD date: {value!r:.40}") from None
    if bounded and not EARLIEST <= day <= LATEST:
        raise DocumentError(f"{where} {value} is outside the supported years "
                            f"{EARLIEST.year}-{LATEST.year}")


def _check_unique_ids(records: list, where: str) -> None:
    seen: set[str] = set()
    for record in records:
        ident = record["id"]
        if ident in seen:
            raise DocumentError(f"{where}: id {ident!r:.40} appears twice")
        seen.add(ident)


def _check_record(record: object, where: str, required: tuple[str, ...]) -> None:
    if not isinstance(record, dict):
        raise DocumentError(f"{where} is not an object")
    missing = [key for key in required if key not in record]
    if missing:
        raise DocumentError(f"{where} lacks {', '.join(missing)}")


def _check_dates(record: dict, where: str, bounded: bool = True) -> None:
    for key in ("date_start", "date_end"):
        _check_date(record.get(key), f"{where}.{key}", bounded)
    precision = record.get("precision")
    if precision is not None and (not isinstance(precision, str) or precision not in PRECISIONS):
        raise DocumentError(f"{where}.precision {precision!r:.40} is not one of "
                            f"{sorted(PRECISIONS)}")


def _check_place(place: object, where: str) -> None:
    if place is None:
        return
    if not isinstance(place, dict) or not isinstance(place.get("name"), str):
        raise DocumentError(f"{where} must be null or an object with a name")
    for key in ("lat", "lon"):
        value = place.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise DocumentError(f"{where}.{key} is not a number: {value!r}")
    lat, lon = place.get("lat"), place.get("lon")
    if isinstance(lat, (int, float)) and not -90 <= lat <= 90:     # also rejects NaN
        raise DocumentError(f"{where}.lat {lat} is outside -90..90")
    if isinstance(lon, (int, float)) and not -180 <= lon <= 180:
        raise DocumentError(f"{where}.lon {lon} is outside -180..180")
