"""Parquet cache of an EventStore's frames: reopen a large corpus without re-extracting.

A folder holds ``events.parquet``, ``statements.parquet``, ``articles.parquet`` and
``meta.json`` (written last: the commit marker, with row counts checked on load). Every table
goes to a temp file beside it first, then is renamed; a generation token in
every table, repeated in ``meta.json``, means a crash mid-save is detected on load, never
trusted as a mix of old and new tables.

Tuple columns (actors, outlets, articles) are Parquet lists; event mentions are a list of
structs. Readers may ask for only the columns they need (``columns=``).
"""
from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dateline.atomic import write_text_atomic
from dateline.model import frames

CACHE_SCHEMA = "dateline-cache/1"
GENERATION_KEY = b"dateline.generation"
TABLES = ("articles", "events", "statements")
LIST_COLUMNS = {"events": ("actors", "outlets", "articles")}
MENTION_FIELDS = ("article", "start", "end", "text")
MENTION_TYPE = pa.list_(pa.struct([("article", pa.string()), ("start", pa.int64()),
                                   ("end", pa.int64()), ("text", pa.string())]))
STR_COLUMNS = {
    "articles": ("id", "path", "title", "outlet", "published_source", "text_sha256"),
    "events": ("id", "type", "summary", "precision", "place", "search_text"),
    "statements": ("id", "speaker", "text", "article", "precision", "place", "event",
                   "event_type", "outlet", "search_text"),
}


class CacheError(ValueError):
    """The cache folder is missing, incomplete or not a Dateline cache (message names it)."""


# ------------------------------------------------------------------------------ writing
def save_store_parquet(doc_or_store, folder: str | os.PathLike) -> Path:
    """Write a "dateline/1" document or an EventStore as a Parquet cache folder."""
    from dateline.model.store import EventStore
    store = doc_or_store
    if isinstance(doc_or_store, dict):
        store = EventStore.from_document(doc_or_store)
    return save_frames_parquet(store.articles, store.events, store.statements, folder)


def save_frames_parquet(articles: pd.DataFrame, events: pd.DataFrame,
                        statements: pd.DataFrame, folder: str | os.PathLike) -> Path:
    """Two phases: every table to a temp file first (a failure leaves the old cache as it
    was), then the renames, then ``meta.json``. Tables carry a generation token that
    ``meta.json`` repeats, so a crash between renames is detected, never mixed."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex
    counts, staged = {}, []
    try:
        for name, df in zip(TABLES, (articles, events, statements)):
            table = _to_arrow(name, df).replace_schema_metadata({GENERATION_KEY: token})
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            staged.append((tmp, folder / f"{name}.parquet"))
            with os.fdopen(fd, "wb") as handle:
                # lz4: ~3x faster to decode than zstd for ~1.5x the bytes; load time wins.
                pq.write_table(table, handle, compression="lz4")
                handle.flush()
                os.fsync(handle.fileno())
            counts[name] = table.num_rows
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    meta = {"schema": CACHE_SCHEMA, "generation": token, "rows": counts}
    write_text_atomic(folder / "meta.json", json.dumps(meta, indent=1))
    return folder


def _to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    arrays, fields = [], []
    for col in df.columns:
        values = df[col]
        if col in LIST_COLUMNS.get(name, ()):
            arr = pa.array([list(v) if v is not None else [] for v in values],
                           type=pa.list_(pa.string()))
        elif name == "events" and col == "mentions":
            arr = pa.array([[dict(zip(MENTION_FIELDS, m)) for m in v] for v in values],
                           type=MENTION_TYPE)
        elif col in STR_COLUMNS.get(name, ()):
            arr = pa.array(values.astype(object).where(values.notna(), None).tolist(),
                           type=pa.string())
        else:
            arr = pa.Array.from_pandas(values)
        arrays.append(arr)
        fields.append(col)
    return pa.Table.from_arrays(arrays, names=fields)


# ------------------------------------------------------------------------------ reading
def read_meta(folder: str | os.PathLike) -> dict:
    path = Path(folder) / "meta.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CacheError(f"{path}: not a readable Dateline cache ({exc})") from None
    if not isinstance(meta, dict) or meta.get("schema") != CACHE_SCHEMA:
        raise CacheError(f"{path}: not a {CACHE_SCHEMA} cache")
    return meta


def load_events_parquet(folder: str | os.PathLike, columns: list[str] | None = None,
                        table: str = "events") -> pd.DataFrame:
    """One cached frame (events by default), only ``columns`` if given, with the same
    dtypes as the store's own frames (tuples for list columns, datetime64[ns] dates)."""
    folder = Path(folder)
    meta = read_meta(folder)
    path = folder / f"{table}.parquet"
    try:
        source = pq.ParquetFile(path)
        names = list(columns) if columns is not None else source.schema_arrow.names
        found = (source.schema_arrow.metadata or {}).get(GENERATION_KEY, b"").decode()
        if found != meta.get("generation"):
            raise CacheError(f"{path}: from another write than meta.json (interrupted save?)")
        expected = meta.get("rows", {}).get(table)
        if expected is not None and source.metadata.num_rows != expected:
            raise CacheError(f"{path}: {source.metadata.num_rows} rows, meta.json says "
                             f"{expected} (incomplete write?)")
        # Column by column: the Arrow copy of one column at a time, not of the whole table,
        # is alive next to the frame being built (peak memory at 1M events).
        out = {col: _column(table, col, source.read(columns=[col]).column(0))
               for col in names}
    except (OSError, KeyError, pa.ArrowException) as exc:
        raise CacheError(f"{path}: cannot read ({exc})") from None
    df = pd.DataFrame(out, columns=names)
    for col in ("start", "end", "published"):
        if col in df.columns:
            df[col] = df[col].astype("datetime64[ns]")
    return df


def _column(name: str, col: str, chunked: pa.ChunkedArray):
    # One chunk: pandas' take on a many-chunk Arrow string column (Parquet reads in
    # batches) is ~3x slower, and every query takes its rows from every column.
    arr = chunked.combine_chunks()
    if col in LIST_COLUMNS.get(name, ()):
        return _tuples(arr)
    if name == "events" and col == "mentions":
        return _mention_tuples(arr)
    return pa.chunked_array([arr]).to_pandas()


def _flat_values(arr: pa.Array) -> list:
    """Python values of a flat Arrow array; repeated strings share one str object."""
    if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
        enc = pc.dictionary_encode(arr)
        uniq = np.array(enc.dictionary.to_pylist(), dtype=object)
        return uniq[enc.indices.to_numpy(zero_copy_only=False)].tolist()
    return arr.to_numpy(zero_copy_only=False).tolist()


def _offsets(arr: pa.ListArray) -> list[int]:
    offsets = arr.offsets.to_numpy()
    return (offsets - offsets[0]).tolist()


def _tuples(arr: pa.ListArray) -> np.ndarray:
    """list<string> -> object array of tuples, via one flat list (no per-row Arrow calls)."""
    flat = _flat_values(arr.flatten())
    offsets = _offsets(arr)
    out = np.empty(len(arr), dtype=object)
    out[:] = [tuple(flat[a:b]) for a, b in zip(offsets[:-1], offsets[1:])]
    return out


def _mention_tuples(arr: pa.ListArray) -> np.ndarray:
    flat = arr.flatten()
    rows = list(zip(*(_flat_values(flat.field(f)) for f in MENTION_FIELDS)))
    offsets = _offsets(arr)
    out = np.empty(len(arr), dtype=object)
    out[:] = [tuple(rows[a:b]) for a, b in zip(offsets[:-1], offsets[1:])]
    return out


def load_store_parquet(folder: str | os.PathLike):
    """An EventStore from a cache folder (all columns the store needs)."""
    articles, events, statements = (load_events_parquet(folder, table=t) for t in TABLES)
    store = store_from_frames(articles, events, statements)
    # The frames read here now live on in the store's copies: hand what Arrow's allocator
    # kept of them back to the OS (~250 MB resident at 1M events).
    del articles, events, statements
    pa.default_memory_pool().release_unused()
    return store


def store_from_frames(articles: pd.DataFrame, events: pd.DataFrame, statements: pd.DataFrame):
    """Build an EventStore from frames already in the store's column layout."""
    from dateline.model.store import EventStore
    for name, df, cols in (("events", events, frames.EVENT_COLUMNS),
                           ("statements", statements, frames.STATEMENT_COLUMNS),
                           ("articles", articles, frames.ARTICLE_COLUMNS)):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise CacheError(f"{name} frame lacks columns {missing}")
    return EventStore.from_frames(articles, events, statements)
